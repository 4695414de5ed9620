"""What two cores give the per-document work without the writer: the same documents through
`kg.parallel.work` (read, NLP, facts, N-Triples) in one process, then in two processes at once, each doing
all of them. The work done per second by two against one is the most `--jobs 2` can gain over `--jobs 1` on
this machine; `benchmarks/ingest_scale.py` measures what the ingest, writer included, gets of it.

    .venv/bin/python benchmarks/cores.py /tmp/kg-bench/corpus-1000 --limit 150 --rounds 2
"""
from __future__ import annotations

import argparse
import sys
import time
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.documents.read import find_files  # noqa: E402
from kg.parallel import BATCH, batched, work  # noqa: E402


def timed_work(paths: list[Path]) -> float:
    """Seconds for `work` over `paths` in chunks of BATCH, after a first chunk that loads the models."""
    work(paths[:BATCH])
    started = time.perf_counter()
    for chunk in batched(paths, BATCH):
        work(chunk)
    return time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, help="folder of documents (see make_corpus.py)")
    ap.add_argument("--limit", type=int, default=150, help="documents each process works through")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    paths = find_files(args.docs.resolve())[0][:args.limit]
    spawn = get_context("spawn")  # as kg.parallel starts its workers
    for r in range(args.rounds):
        with spawn.Pool(1) as pool:
            [one] = pool.map(timed_work, [paths])
        with spawn.Pool(2) as pool:
            two = pool.map(timed_work, [paths, paths])
        print(f"round {r + 1}: {len(paths)} documents in one process {one:.1f} s; in each of two at once "
              f"{two[0]:.1f} / {two[1]:.1f} s; work per second, two against one: {2 * one / max(two):.2f}", flush=True)


if __name__ == "__main__":
    main()
