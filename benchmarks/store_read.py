"""Whether reading a store's merged graph, which bounds the Turtle export, gets faster on two cores.

    .venv/bin/python benchmarks/store_read.py STORE

Prints, one after the other on the same store: the merged graph's quads iterated in one process; the same
quads split by predicate into two halves of about equal size, each iterated by its own process at the same
time (wall time, and each process's own); and Oxigraph's Turtle dump of the merged graph, as `kg build` writes
kg.ttl (`GraphStore.dump`). The ratio of the first two is what a two-process export could gain at most.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import pyoxigraph as ox


def count(store: Path, predicates: list[str] | None = None) -> tuple[int, float]:
    """Quads of the merged graph (only those of `predicates`, if given), and the seconds to iterate them."""
    st = ox.Store.read_only(str(store))
    started, n = time.perf_counter(), 0
    for p in predicates or [None]:
        for _ in st.quads_for_pattern(None, ox.NamedNode(p) if p else None, None, ox.DefaultGraph()):
            n += 1
    return n, time.perf_counter() - started


def halves(store: Path) -> list[list[str]]:
    """The merged graph's predicates in two lists of about as many quads each (largest first, greedily)."""
    st = ox.Store.read_only(str(store))
    sizes = {b["p"].value: int(b["n"].value) for b in st.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")}
    parts: list[list[str]] = [[], []]
    totals = [0, 0]
    for p, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
        k = totals.index(min(totals))
        parts[k].append(p)
        totals[k] += n
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    args = ap.parse_args()

    n, one = count(args.store)
    print(f"one process: {n:,} quads in {one:.1f} s ({n / one:,.0f} quads/s)", flush=True)

    parts = halves(args.store)
    started = time.perf_counter()
    with Pool(2) as pool:
        results = pool.starmap(count, [(args.store, part) for part in parts])
    two = time.perf_counter() - started
    each = ", ".join(f"{m:,} quads in {s:.1f} s" for m, s in results)
    print(f"two processes, half the predicates each: {two:.1f} s wall ({each})", flush=True)
    print(f"two processes / one: {one / two:.2f}x", flush=True)

    from kg.store import GraphStore
    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore(args.store)
        started = time.perf_counter()
        store.dump(Path(tmp) / "kg.ttl", ox.RdfFormat.TURTLE)
        print(f"Turtle dump of the merged graph: {time.perf_counter() - started:.1f} s", flush=True)
        store.close()


if __name__ == "__main__":
    main()
