"""The CPU of the per-document work after LAC, stage by stage: the char tokenizer, the mention rules
(`onekg_mentions`), the extractor, and the document's N-Triples (`document_triples` → `ntriples`).

LAC's words are computed once and not timed: what is left is the Python that `stages.py` splits into rules,
relation building and entity resolution, without the model, whose own time hides a change of a few seconds on
this noisy machine. Each stage's best of --passes passes is printed. To compare two versions, run the same
command in a checkout of each, alternately, e.g.

    .venv/bin/python benchmarks/after_lac.py /tmp/kg-bench/corpus-1000 --limit 300
    cd /tmp/fold && PYTHONPATH=/tmp/fold /work/main/.venv/bin/python benchmarks/after_lac.py /tmp/kg-bench/corpus-1000 --limit 300
"""
from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, help="folder of documents (see make_corpus.py)")
    ap.add_argument("--limit", type=int, default=300, help="use the first N files only (0: all)")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()

    import kg
    from kg.documents import Document, load_document
    from kg.documents.read import find_files
    from kg.facts.extract import Extractor
    from kg.graph.build import doc_iri, document_triples
    from kg.nlp.pipeline import make_nlp
    from kg.store.store import ntriples

    nlp = make_nlp(None)
    paths, _ = find_files(args.docs.resolve())
    docs = [d for d in map(load_document, paths[:args.limit or None]) if isinstance(d, Document)]
    with nlp.select_pipes(disable=["onekg_mentions"]):
        words = [d._.words for d in nlp.pipe(d.text for d in docs)]
    sentences, mentions = nlp.get_pipe("onekg_sentences"), nlp.get_pipe("onekg_mentions")
    best: dict[str, float] = {}
    for _ in range(args.passes):
        seconds = dict.fromkeys(("tokenizer", "mention rules", "extractor", "N-Triples"), 0.0)
        started = time.perf_counter()
        made = [nlp.make_doc(d.text) for d in docs]
        seconds["tokenizer"] = time.perf_counter() - started
        for doc, w in zip(made, words):
            sentences(doc)
            doc._.words = w
        gc.collect()
        started = time.perf_counter()
        made = [mentions(doc) for doc in made]
        seconds["mention rules"] = time.perf_counter() - started
        for d, doc in zip(docs, made):
            started = time.perf_counter()
            facts = Extractor(doc, doc_iri(d)).run()
            seconds["extractor"] += time.perf_counter() - started
            started = time.perf_counter()
            ntriples(document_triples(d, facts))
            seconds["N-Triples"] += time.perf_counter() - started
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    print(f"{len(docs)} documents, code in {Path(kg.__file__).parent.parent}; best of {args.passes} passes:")
    for stage, s in best.items():
        print(f"  {stage:14} {s:6.2f} s")
    print(f"  {'all':14} {sum(best.values()):6.2f} s", flush=True)


if __name__ == "__main__":
    main()
