"""The end-of-run refresh (`kg.store.ingest.refresh`) step by step on an existing store: seconds and the
process's peak memory after each step, to see which one holds memory at scale. The store is refreshed for
real (a no-op on a store the last run refreshed).

    .venv/bin/python benchmarks/refresh_steps.py /tmp/kg-bench/store-10000-jobs2
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.store import GraphStore, refresh  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    args = ap.parse_args()
    started = time.perf_counter()

    def step(name: str):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:32} {time.perf_counter() - started:7.1f} s   peak {peak:6.0f} MiB", flush=True)

    with GraphStore(args.store, write=True) as store:
        step("open")
        refresh(store, step)
    step("closed")


if __name__ == "__main__":
    main()
