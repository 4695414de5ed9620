"""Whose CPU an ingest uses: the worker processes', and the writer process's by thread (its Python thread, and
RocksDB's compaction threads `rocksdb:low`, which run beside it), read from getrusage and from
/proc/self/task/*/stat when the ingest ends. On a machine whose every core runs a worker, the writer's share is
CPU the workers do not get.

    .venv/bin/python benchmarks/ingest_cpu.py /tmp/kg-bench/corpus-1000 --jobs 2
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.parallel import files  # noqa: E402
from kg.store import GraphStore, ingest  # noqa: E402


def cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def threads() -> Counter:
    """CPU seconds of this process's live threads, by thread name."""
    tick, out = os.sysconf("SC_CLK_TCK"), Counter()
    for stat in Path("/proc/self/task").glob("*/stat"):
        text = stat.read_text()
        name, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        out[name] += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        started = time.perf_counter()
        with GraphStore(Path(tmp) / "store", write=True) as store:
            report = ingest(store, files([args.corpus]), jobs=args.jobs)
            by_thread = threads()
        wall = time.perf_counter() - started
    print(f"{len(report.added)} documents, --jobs {args.jobs}: {wall:.1f} s wall; workers "
          f"{cpu(resource.RUSAGE_CHILDREN):.1f} CPU-s, writer process {cpu(resource.RUSAGE_SELF):.1f} CPU-s, of which "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in by_thread.most_common()))


if __name__ == "__main__":
    main()
