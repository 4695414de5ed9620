"""Seconds for each export of an existing store's graph, made as `kg build` makes them.

    .venv/bin/python benchmarks/exports.py STORE [--out DIR] [--exports graphml explorer]
    .venv/bin/python benchmarks/exports.py STORE --together 1 2

--together times every export written as `kg build` writes them (kg.build.export_all), with each number of
threads in turn, side by side in one run: 1 is one export after the other.

To compare with an earlier version, run the same command in a checkout of that commit; for the explorer,
benchmarks/explorer_compare.py times an earlier kg/explore beside this one in one run and compares the pages.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_scale import EXPORTS, exports  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-exports")
    ap.add_argument("--exports", nargs="+", choices=EXPORTS, default=list(EXPORTS))
    ap.add_argument("--together", type=int, nargs="+", metavar="JOBS",
                    help="time kg build's exports with these numbers of threads instead")
    args = ap.parse_args()
    if args.together:
        return together(args.store, args.out, args.together)
    for name, seconds in exports(args.store, args.out, args.exports).items():
        print(f"{name:24} {seconds:6.1f} s", flush=True)


def together(store: Path, out: Path, jobs: list[int]):
    from kg.build import export_all
    from kg.store import GraphStore

    first = None
    with GraphStore(store) as graph_store:
        for j in jobs:
            started = time.perf_counter()
            export_all(graph_store, out, jobs=j)
            seconds = time.perf_counter() - started
            first = first or seconds
            print(f"every export, {j} at a time: {seconds:6.1f} s ({first / seconds:.2f}x the first)", flush=True)


if __name__ == "__main__":
    main()
