"""The end-of-run refresh (`kg.store.ingest.refresh`) step by step on an existing store: seconds and the
process's peak memory after each step, to see which one holds memory at scale. The store is refreshed for
real (a no-op on a store the last run refreshed). `--first` first takes the labels out of the store (their graph
and their share of the merge, not timed), so the refresh is the one a new store's ingest ends with; `--optimize`
then times the compaction that follows it in `kg.store.ingest.ingest`.

    .venv/bin/python benchmarks/refresh_steps.py /tmp/kg-bench/store-10000-jobs2 [--first] [--optimize]
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.graph.build import LABELS_GRAPH  # noqa: E402
from kg.store import GraphStore, refresh  # noqa: E402
from kg.vocab import REFERENCE_GRAPH  # noqa: E402


def unlabel(path: Path):
    """The store as a first refresh finds it: no labels graph, and none of its triples in the merge but those
    the reference graph holds too. Run in a process of its own, so its memory is not counted as the refresh's."""
    with GraphStore(path, write=True) as store:
        store.ox.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{LABELS_GRAPH}> {{ ?s ?p ?o }} "
                        f"FILTER NOT EXISTS {{ GRAPH <{REFERENCE_GRAPH}> {{ ?s ?p ?o }} }} }} ;\n"
                        f"DROP SILENT GRAPH <{LABELS_GRAPH}>")
        store.ox.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--first", action="store_true", help="take the labels out first: a new store's refresh")
    ap.add_argument("--optimize", action="store_true", help="then compact the store, as an ingest does")
    args = ap.parse_args()
    if args.first:
        child = multiprocessing.get_context("spawn").Process(target=unlabel, args=(args.store,))
        child.start()
        child.join()
    started = time.perf_counter()

    def step(name: str):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:32} {time.perf_counter() - started:7.1f} s   peak {peak:6.0f} MiB", flush=True)

    with GraphStore(args.store, write=True) as store:
        step("open")
        refresh(store, step)
        if args.optimize:
            store.ox.optimize()
            step("optimize")
    step("closed")


if __name__ == "__main__":
    main()
