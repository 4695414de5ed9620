"""`kg ingest` at corpus scale: throughput at --jobs 1 and 2 and through a 2-worker Dask LocalCluster,
the scaling ratio, peak memory of the whole process tree (the command and its workers) for corpora of
different sizes, and the time of the exports of the largest graph.

Each run is the real command in a fresh store, timed from start to exit (start-up and model loading
included); corpora come from make_corpus.py and are kept in --work for the next run.

    .venv/bin/python benchmarks/ingest_scale.py --sizes 1000 10000 [--modes jobs1 jobs2 local2] [--work /tmp/kg-bench]
        [--exports ttl trig jsonld graphml explorer]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make  # noqa: E402

KG = Path(sys.executable).with_name("kg")
MODES = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "local2": ["--scheduler", "local:2"]}


def corpus(work: Path, n: int) -> tuple[Path, int]:
    folder = work / f"corpus-{n}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        done.parent.mkdir(parents=True)
        done.write_text(str(make(n, folder)))
    return folder, int(done.read_text())


def tree_rss(proc: psutil.Process) -> int:
    try:
        tree = [proc, *proc.children(recursive=True)]
    except psutil.Error:  # a process of the tree ended while it was listed: the next sample sees the rest
        return 0
    total = 0
    for p in tree:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(args: list[str]) -> tuple[float, int, str]:
    """Run `kg ARGS`: (seconds, peak RSS of the process tree in bytes, stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(KG), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    watched, peak = psutil.Process(proc.pid), [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(watched))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"kg {' '.join(args)} failed with status {proc.returncode}")
    return seconds, peak[0], out


# short name -> (label, file of kg.build.exports), in the order they are timed
EXPORTS = {"ttl": ("Turtle", "kg.ttl"), "trig": ("TriG", "kg.trig"), "jsonld": ("JSON-LD", "kg.jsonld"),
           "graphml": ("GraphML", "kg.graphml"), "explorer": ("explorer", "explorer.html")}


def exports(store: Path, out: Path, which=tuple(EXPORTS)) -> dict[str, float]:
    """Seconds for each export of the store's graph, one after the other, made by the writers `kg build` uses
    (kg.build.exports): read in place, RDF files written by Oxigraph."""
    from kg.build import exports as writers
    from kg.store import GraphStore

    out.mkdir(parents=True, exist_ok=True)
    times = {}
    with GraphStore(store) as graph_store:
        made = writers(graph_store, graph_store.graph(), out)
        for key in (k for k in EXPORTS if k in which):
            label, file = EXPORTS[key]
            func, *args = made[file]
            started = time.perf_counter()
            func(*args)
            times[f"{label} ({file})"] = time.perf_counter() - started
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000], help="corpus sizes in documents")
    ap.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    ap.add_argument("--exports", nargs="*", choices=EXPORTS, default=list(EXPORTS),
                    help="exports of the largest graph to time (none: --exports with no name)")
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}, load at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rates = {}
    for n in args.sizes:
        folder, chars = corpus(args.work, n)
        for mode in args.modes:
            store = args.work / f"store-{n}-{mode}"
            shutil.rmtree(store, ignore_errors=True)
            seconds, peak, out = measure(["ingest", str(folder), "--store", str(store), *MODES[mode]])
            rates[n, mode] = chars / seconds
            load = os.getloadavg()[0]
            print(f"{n:6} docs {mode:7} {seconds:7.1f} s  {chars / seconds:8,.0f} chars/s  {n / seconds:6.1f} docs/s  "
                  f"peak RSS {peak / 2**20:6.0f} MiB  (load {load:.2f})  {out.splitlines()[0]}", flush=True)
        if (n, "jobs1") in rates and (n, "jobs2") in rates:
            print(f"{n:6} docs jobs2/jobs1 = {rates[n, 'jobs2'] / rates[n, 'jobs1']:.2f}", flush=True)
    if args.exports:
        n = max(args.sizes)
        mode = next(m for m in args.modes)
        started = time.perf_counter()
        for name, seconds in exports(args.work / f"store-{n}-{mode}", args.work / f"exports-{n}", args.exports).items():
            print(f"export of the {n}-document graph: {name:24} {seconds:6.1f} s", flush=True)
        print(f"peak RSS of the exports: {psutil.Process().memory_info().rss / 2**20:.0f} MiB now, "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB at most "
              f"({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
