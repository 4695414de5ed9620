"""Seconds for each export of an existing store's graph, made as `kg build` makes them.

    .venv/bin/python benchmarks/exports.py STORE [--out DIR] [--exports graphml explorer]

To compare with an earlier version, run the same command in a checkout of that commit; for the explorer,
benchmarks/explorer_compare.py times an earlier kg/explore beside this one in one run and compares the pages.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_scale import EXPORTS, exports  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-exports")
    ap.add_argument("--exports", nargs="+", choices=EXPORTS, default=list(EXPORTS))
    args = ap.parse_args()
    for name, seconds in exports(args.store, args.out, args.exports).items():
        print(f"{name:22} {seconds:6.1f} s", flush=True)


if __name__ == "__main__":
    main()
