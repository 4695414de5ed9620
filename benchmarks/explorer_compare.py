"""The explorer of a store, made by this checkout's kg.explore and by an earlier one, in one run.

    cp -r kg/explore /tmp/explore_before        # in a checkout of the earlier commit (or `git archive`)
    .venv/bin/python benchmarks/explorer_compare.py STORE --before /tmp/explore_before [--runs 2]

The earlier package is imported as `kg._explore_before`, so its relative imports use this checkout's kg.
Each page is written as `kg build` writes it (the merged graph read in place; the store opened afresh for
each write), the two alternately, `--runs` times each. Prints the seconds, their ratio, the page sizes,
and whether the pages show the same: the same entities, drawn nodes, edges, statements and documents, and
for every drawn entity's type and every statement with a drawn end the same evidence (sentence, document,
offsets), or its first sources and their count where the later page carries only those. Exits 1 if they differ.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.store import GraphStore  # noqa: E402


def earlier(folder: Path):
    name = "kg._explore_before"
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.write_explorer


def timed(write, store: Path, target: Path) -> float:
    with GraphStore(store) as graph_store:
        started = time.perf_counter()
        write(graph_store.graph(), target)
        return time.perf_counter() - started


def blobs(page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    return {m.group(1): json.loads(m.group(2)) for m in
            re.finditer(r'<script type="application/json" id="(kg-[a-z]+)">(.*?)</script>', html, re.S)}


def differences(before: dict, after: dict) -> tuple[list[str], dict]:
    """What the two pages show differently, and counts of what was compared."""
    b, a = before["kg-data"], after["kg-data"]
    shown = {n["id"] for n in after["kg-nodes"]}
    out = []
    for key in ("kg-nodes", "kg-edges", "kg-options"):
        if before[key] != after[key]:
            out.append(f"{key} differ")
    for key in ("docs", "props", "classes", "timeline", "shown", "hidden", "focus"):
        if b[key] != a[key]:
            out.append(f"{key} differ")

    def evidence(data, ids):
        return [(data["sent"][s], data["docs"][d]["iri"] if d >= 0 else None, start, end)
                for s, d, start, end in (data["ev"][x] for x in ids or ())]

    def bare(item, drop):
        return {k: v for k, v in item.items() if k not in drop}

    if len(b["ents"]) != len(a["ents"]):
        out.append(f"entities: {len(b['ents'])} before, {len(a['ents'])} after")
    def carried(data_b, xs, total_b, data_a, ys, total_a) -> bool:
        """The after page may carry only the first sources with their count (kg/explore/data.py, EVIDENCE_SHOWN);
        a source listed twice before (an entity typed Event and Initiative from one sentence) counts once."""
        xs, ys = list(dict.fromkeys(evidence(data_b, xs))), evidence(data_a, ys)
        return ys == xs[:len(ys)] and (total_a or len(ys)) == (total_b or len(xs))

    for i, (x, y) in enumerate(zip(b["ents"], a["ents"])):
        if bare(x, {"tev", "tevn"}) != bare(y, {"tev", "tevn"}):
            out.append(f"entity {i} differs: {x['l']}")
        elif i in shown and not carried(b, x.get("tev"), x.get("tevn"), a, y.get("tev"), y.get("tevn")):
            out.append(f"type evidence of drawn entity {x['l']} differs")
    counts = {"entities": len(a["ents"]), "drawn": len(shown), "statements": len(a["st"]),
              "statements with evidence compared": 0, "statements whose evidence is left out": 0}
    if len(b["st"]) != len(a["st"]):
        out.append(f"statements: {len(b['st'])} before, {len(a['st'])} after")
    for k, (x, y) in enumerate(zip(b["st"], a["st"])):
        if bare(x, {"ev", "evn"}) != bare(y, {"ev", "evn"}):
            out.append(f"statement {k} differs")
        elif x.get("s") in shown or x.get("o") in shown:
            counts["statements with evidence compared"] += 1
            if not carried(b, x.get("ev"), x.get("evn"), a, y.get("ev"), y.get("evn")):
                out.append(f"evidence of statement {k} differs")
        elif y.get("ev"):
            out.append(f"statement {k} between hidden entities carries evidence")
        elif x.get("ev"):
            counts["statements whose evidence is left out"] += 1
    return out, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--before", type=Path, required=True, help="folder holding the earlier kg/explore package")
    ap.add_argument("--runs", type=int, default=2, help="writes of each version, alternately (medians compared)")
    ap.add_argument("--out", type=Path, default=None, help="folder for the pages (default: a temporary one)")
    args = ap.parse_args()

    from kg.explore import write_explorer

    versions = {"before": earlier(args.before), "after": write_explorer}
    out = args.out or Path(tempfile.mkdtemp(prefix="explorer-compare-"))
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, list[float]] = {name: [] for name in versions}
    for run in range(args.runs):
        for name, write in versions.items():
            seconds[name].append(timed(write, args.store, out / f"explorer-{name}.html"))
            print(f"run {run + 1} {name:6} {seconds[name][-1]:7.1f} s", flush=True)
    before, after = (statistics.median(seconds[name]) for name in versions)
    sizes = {name: (out / f"explorer-{name}.html").stat().st_size / 1e6 for name in versions}
    print(f"median: before {before:.1f} s, after {after:.1f} s, ratio {before / after:.2f}; "
          f"page {sizes['before']:.1f} MB → {sizes['after']:.1f} MB ({out})")
    diffs, counts = differences(blobs(out / "explorer-before.html"), blobs(out / "explorer-after.html"))
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    if diffs:
        print(f"the pages differ ({len(diffs)}):", *diffs[:20], sep="\n  ")
        return 1
    print("same entities, drawn nodes, edges, statements and documents; the same evidence for what is drawn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
