"""Throughput of the whole extraction pipeline (documents → NLP → facts → graph), in characters per
second, single process and `n_process=2`, measured side by side in one run.

    .venv/bin/python benchmarks/pipeline_throughput.py [--copies 20]
"""
from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from kg.documents import Document, iter_documents
from kg.pipeline import extract_graphs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "gold"]


def corpus(copies: int) -> list[Document]:
    docs = [d for folder in CORPUS for d in iter_documents(folder) if isinstance(d, Document)]
    # distinct ids so nothing is deduplicated; same texts, so every run does the same work
    return [dataclasses.replace(d, id=f"{d.id}-{i}") for i in range(copies) for d in docs]


def measure(docs: list[Document], n_process: int) -> tuple[float, int]:
    started = time.perf_counter()
    triples = sum(len(g) for _, g in extract_graphs(docs, n_process=n_process, batch_size=8))
    return time.perf_counter() - started, triples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20, help="how many times the fixture corpus is repeated")
    args = ap.parse_args()
    docs = corpus(args.copies)
    chars = sum(len(d.text) for d in docs)
    measure(docs[:4], 1)  # load models once before timing
    print(f"corpus: {len(docs)} documents, {chars} characters")
    results = {}
    for n in (1, 2):
        seconds, triples = measure(docs, n)
        results[n] = seconds
        print(f"n_process={n}: {seconds:.1f} s, {chars / seconds:,.0f} chars/s, {len(docs) / seconds:.1f} docs/s, {triples} triples")
    print(f"speed-up n_process=2 / n_process=1: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
