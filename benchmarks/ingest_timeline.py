"""Where a long ingest's time goes as the store grows: for each slice of documents committed, the wall time
and the writer's time in each Oxigraph call (bulk loads, flushes, updates), the rest being the writer waiting
for the workers or handling results; then the end of the run (the refresh of the derived graphs and the
final optimize). The store's calls are timed through a proxy; the ingest is the library's, unchanged.

    .venv/bin/python benchmarks/ingest_timeline.py /tmp/kg-bench/corpus-10000 --jobs 2 --every 1000
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
sys.path.insert(0, str(Path(__file__).resolve().parent))
from kg.parallel import files  # noqa: E402
from kg.store import GraphStore, ingest  # noqa: E402
from stages import Clock  # noqa: E402


class Timed:
    """An Oxigraph store whose method calls add their duration to `spent[name]` (stages.py's clock)."""

    def __init__(self, store):
        self._store, self._clock = store, Clock()
        self.spent = self._clock.seconds

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        return self._clock.timed(name, attr) if callable(attr) else attr

    def __iter__(self):
        return iter(self._store)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--every", type=int, default=1000, help="documents per line")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        started = time.perf_counter()
        with GraphStore(Path(tmp) / "store", write=True) as store:
            timed = store.ox = Timed(store.ox)
            committed, mark, last = [0], [started, Counter()], [started]

            def slice_line(now):
                so_far = Counter(timed.spent)
                spent, wall = so_far - mark[1], now - mark[0]
                print(f"{committed[0]:>7,} docs  {wall:6.1f} s  writer: " + ", ".join(
                    f"{name} {seconds:.1f}" for name, seconds in sorted(spent.items())) +
                    f"; other {wall - sum(spent.values()):.1f}", flush=True)
                mark[:] = [now, so_far]

            def on_commit(result, old):
                committed[0] += 1
                last[0] = time.perf_counter()
                if committed[0] % args.every == 0:
                    slice_line(last[0])

            report = ingest(store, files([args.corpus]), jobs=args.jobs, on_commit=on_commit)
            ended = time.perf_counter()
            if committed[0] % args.every:
                slice_line(last[0])
            print(f"after the last commit: {ended - last[0]:.1f} s (the refresh, and the final optimize: "
                  f"{timed.spent['optimize']:.1f} s)")
        print(f"{len(report.added):,} documents, --jobs {args.jobs}: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
