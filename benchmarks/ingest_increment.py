"""What a run that adds a few documents to a large store costs, as an analyst's daily run does: the store is
copied (not timed), the documents are ingested into the copy with the library's ingest, and the time is split
into the stream (NLP and the writer), the refresh of the derived graphs and the final compaction (left out with
--skip-optimize); with --export, the Turtle export of the copy is timed after it. The copy stays in --work.

    .venv/bin/python benchmarks/ingest_increment.py /tmp/kg-bench/store-10000-jobs2 /tmp/kg-bench/daily-50 --export

For an earlier version, copy this file into a checkout of it and run it there: it imports the checkout's kg.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_timeline import Timed  # noqa: E402  (puts this checkout's kg first on sys.path)
from stages import Clock  # noqa: E402

from kg.parallel import files  # noqa: E402
from kg.store import GraphStore  # noqa: E402

ingest_module = sys.modules["kg.store.ingest"]  # kg.store's `ingest` is the function


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="the large store (left unchanged)")
    ap.add_argument("docs", type=Path, help="the documents the run adds")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-increment"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--export", action="store_true", help="then time the Turtle export of the copy")
    ap.add_argument("--skip-optimize", action="store_true", help="the final compaction left out: what it buys")
    args = ap.parse_args()
    copy = args.work / "store"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(args.store, copy)
    clock = Clock()
    ingest_module.refresh = clock.timed("refresh", ingest_module.refresh)
    started = time.perf_counter()
    with GraphStore(copy, write=True) as store:
        timed = store.ox = Timed(store.ox)
        if args.skip_optimize:
            timed.optimize = lambda: None
        report = ingest_module.ingest(store, files([args.docs]), jobs=args.jobs)
    total = time.perf_counter() - started
    refreshed, optimized = clock.seconds["refresh"], timed.spent["optimize"]
    print(f"{report.line()}: {total:.1f} s = stream {total - refreshed - optimized:.1f} s + refresh {refreshed:.1f} s"
          f" + optimize {optimized:.1f} s", flush=True)
    if args.export:
        from ingest_scale import exports
        for name, seconds in exports(copy, args.work / "exports", ["ttl"]).items():
            print(f"then {name}: {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main()
