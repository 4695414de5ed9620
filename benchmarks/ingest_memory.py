"""Memory of `kg ingest --jobs N` per process over time: the writer (the command's own process) and each worker.

    .venv/bin/python benchmarks/make_corpus.py 3000 /tmp/corpus-3000
    .venv/bin/python benchmarks/ingest_memory.py /tmp/corpus-3000 [--jobs 2] [--every 30]

Prints the RSS of the writer and of each worker every --every seconds, then the peaks: the writer's, the
workers' together, and the whole process tree's (writer and workers in the same 0.5 s sample).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

KG = Path(sys.executable).with_name("kg")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--every", type=float, default=30.0, help="seconds between printed samples")
    args = ap.parse_args()
    store = Path(tempfile.mkdtemp(prefix="kg-memory-")) / "store"
    proc = subprocess.Popen([str(KG), "ingest", str(args.docs), "--store", str(store), "--jobs", str(args.jobs)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writer, started, printed = psutil.Process(proc.pid), time.monotonic(), 0.0
    peak_writer = peak_workers = peak_tree = 0
    try:
        while proc.poll() is None:
            try:
                own = writer.memory_info().rss >> 20
                workers = [c.memory_info().rss >> 20 for c in writer.children(recursive=True)]
            except psutil.Error:
                continue
            peak_writer, peak_workers = max(peak_writer, own), max(peak_workers, sum(workers))
            peak_tree = max(peak_tree, own + sum(workers))  # the same sample: what the machine held at once
            if time.monotonic() - printed >= args.every:
                printed = time.monotonic()
                print(f"{printed - started:7.0f} s  writer {own:5} MiB  workers {workers} MiB", flush=True)
            time.sleep(0.5)
    finally:
        shutil.rmtree(store.parent, ignore_errors=True)
    print(f"peak: writer {peak_writer} MiB, workers together {peak_workers} MiB, whole process tree {peak_tree} MiB "
          f"({time.monotonic() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
