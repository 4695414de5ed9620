"""What the one writer costs per commit size: the documents of an existing store written again into a new one as
`kg ingest`'s writer does (`GraphStore.add`, a flush per commit, `optimize` at the end), delivered at the pace
the workers deliver them, and the CPU time of the whole process: its threads, and RocksDB's compaction threads,
which do their work between commits. That CPU is taken from the workers on a machine whose every core runs
one. Sizes alternate round by round, so a busy minute of a shared machine does not favour one of them.

    .venv/bin/python benchmarks/commit_size.py /tmp/kg-bench/store-1000-jobs2 --sizes 32 128 --rounds 2
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.store.store import GraphStore  # noqa: E402
from kg.vocab import DOC  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bodies(store: Path, limit: int) -> list[tuple[str, str]]:
    """(graph name, N-Triples text) of the store's document graphs, as the workers send them."""
    source = ox.Store.read_only(str(store))
    names = sorted(g.value for g in source.named_graphs() if g.value.startswith(str(DOC)))[:limit]
    return [(name, "".join(f"{q.triple} .\n" for q in source.quads_for_pattern(None, None, None, ox.NamedNode(name))))
            for name in names]


def write(documents: list[tuple[str, str]], size: int, rate: float, folder: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and CPU seconds of `optimize`, writing `documents` `size` at a time, the k-th
    commit not before k * size / rate seconds."""
    started, used = time.perf_counter(), cpu()
    with GraphStore(folder, write=True) as store:
        for k in range(0, len(documents), size):
            time.sleep(max(0.0, started + k / rate - time.perf_counter()))
            store.add(documents[k:k + size])
            store.ox.flush()
        before = cpu()
        store.ox.optimize()
        compact = cpu() - before
    return time.perf_counter() - started, cpu() - used, compact


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[32, 128])
    ap.add_argument("--rate", type=float, default=14.0, help="documents/s delivered (--jobs 2 on 2 cores: ~14)")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    documents = bodies(args.store, args.docs)
    print(f"{len(documents)} documents, {sum(b.count(chr(10)) for _, b in documents):,} triples, "
          f"delivered at {args.rate:g} documents/s")
    totals = {size: 0.0 for size in args.sizes}
    for r in range(args.rounds):
        for size in args.sizes:
            with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
                wall, used, compact = write(documents, size, args.rate, Path(tmp) / "store")
            totals[size] += used
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"round {r + 1}, {size:4} documents per commit: {wall:6.1f} s wall, writer CPU {used:6.1f} s "
                  f"(optimize {compact:4.1f} s), peak {peak:,.0f} MiB so far", flush=True)
    first = args.sizes[0]
    for size in args.sizes[1:]:
        print(f"writer CPU, {size} per commit / {first} per commit: {totals[size] / totals[first]:.2f}")


if __name__ == "__main__":
    main()
