"""Does a long document cost in proportion to its length? Documents of the corpus joined into one text, N at a time,
run through the per-document work (NLP, facts, N-Triples) in one process: characters per second at each length,
and that rate over the rate of single documents (1.00 is linear; a rule that reads the whole text for each
mention shows as a ratio that falls with the length).

    .venv/bin/python benchmarks/make_corpus.py 300 /tmp/corpus-300
    .venv/bin/python benchmarks/long_documents.py /tmp/corpus-300 --sizes 1 16 64 256
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.documents import Document, load_document  # noqa: E402
from kg.documents.read import find_files  # noqa: E402
from kg.graph.build import document_triples  # noqa: E402
from kg.pipeline import extract_facts  # noqa: E402
from kg.store.store import ntriples  # noqa: E402


def rate(documents: list[Document]) -> tuple[float, int, int]:
    """Characters per second of the work on these documents, their characters, and the triples made."""
    started, triples = time.perf_counter(), 0
    for d, facts in extract_facts(documents, batch_size=16):
        triples += ntriples(document_triples(d, facts)).count("\n") + 1
    chars = sum(len(d.text) for d in documents)
    return chars / (time.perf_counter() - started), chars, triples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, help="folder of documents (see make_corpus.py)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 16, 64, 256], help="documents joined into one")
    args = ap.parse_args()
    paths = find_files(args.docs.resolve())[0][:max(args.sizes)]
    docs = [d for d in map(load_document, paths) if isinstance(d, Document)]
    list(extract_facts(docs[:2]))  # the models load outside the timing
    single = None
    print(f"{'joined':>6} {'characters':>11} {'seconds':>8} {'chars/s':>8} {'triples':>8} {'vs single':>9}")
    for n in args.sizes:
        if n == 1:  # the same characters as the longest text, one document at a time
            group = docs
        else:
            group = [dataclasses.replace(docs[0], text="\n".join(d.text for d in docs[:n]))]
        per_second, chars, triples = rate(group)
        single = single or (per_second if n == 1 else None)
        ratio = f"{per_second / single:9.2f}" if single else f"{'':9}"
        print(f"{n:>6} {chars:>11,} {chars / per_second:>8.1f} {per_second:>8,.0f} {triples:>8,} {ratio}", flush=True)


if __name__ == "__main__":
    main()
