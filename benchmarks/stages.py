"""Where the time of an ingest goes, stage by stage, in one process on the same documents, and how the
whole pipeline compares with its ceiling: the NER model alone on the same text.

Stages: decode/clean (`load_document`), NER model (LAC, and the CLUENER tok2vec+ner with
--ner-model), rules (spaCy tokenizer, sentence splitter, mention rules and dates),
relation building (facts from mentions, the document graph, its N-Triples), entity resolution (within a
document, and the cross-document labels/reference refresh at the end), store write (batches into a
fresh Oxigraph store with `GraphStore.add`, flushed after each and compacted at the end, as `kg ingest` writes).

    .venv/bin/python benchmarks/make_corpus.py 300 /tmp/corpus-300
    .venv/bin/python benchmarks/stages.py /tmp/corpus-300
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kg.documents import Document, load_document
from kg.documents.read import find_files
from kg.store.ingest import COMMIT_DOCUMENTS as COMMIT  # documents per transaction, as ingest commits


class Clock:
    def __init__(self):
        self.seconds = defaultdict(float)

    def timed(self, stage: str, func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
        return wrapper


def run(paths: list[Path], nlp) -> tuple[dict[str, float], int, int]:
    from kg.facts import extract
    from kg.graph.build import doc_iri, document_triples
    from kg.store import GraphStore, refresh
    from kg.store.store import ntriples

    list(nlp.pipe(load_document(p).text for p in paths[:4]))  # models and gazetteer load outside the timing
    clock = Clock()
    # entity resolution inside a document is what the extractor asks of kg.facts.resolve
    for name in ("cluster_mentions", "organ_identity"):
        setattr(extract, name, clock.timed("entity resolution", getattr(extract, name)))

    docs = [d for d in map(clock.timed("decode/clean", load_document), paths) if isinstance(d, Document)]
    model_parts = {"onekg_lac", "tok2vec", "ner"}
    annotated = []
    for d in docs:
        doc = clock.timed("rules", nlp.make_doc)(d.text)
        doc._.published = d.published.isoformat() if d.published else None
        annotated.append(doc)
    for name, component in nlp.pipeline:  # component by component over the whole corpus, as nlp.pipe does
        stage = "NER model" if name in model_parts else "rules"
        pipe = component.pipe if hasattr(component, "pipe") else (lambda ds, c=component: map(c, ds))
        annotated = clock.timed(stage, lambda ds: list(pipe(ds)))(annotated)

    bodies = []
    for d, doc in zip(docs, annotated):
        facts = clock.timed("relation building", lambda: extract.Extractor(doc, doc_iri(d)).run())()
        text = clock.timed("relation building", lambda: ntriples(document_triples(d, facts)))()
        bodies.append((doc_iri(d), text))
    # resolution ran inside the extractor's timing: count it once, under its own name
    clock.seconds["relation building"] -= clock.seconds["entity resolution"]

    with tempfile.TemporaryDirectory() as tmp, GraphStore(Path(tmp) / "store", write=True) as store:
        for i in range(0, len(bodies), COMMIT):
            clock.timed("store write", store.add)(bodies[i:i + COMMIT])
            clock.timed("store write", store.ox.flush)()
        clock.timed("entity resolution", refresh)(store)
        clock.timed("store write", store.ox.optimize)()
    return dict(clock.seconds), len(docs), sum(len(d.text) for d in docs)


def ceiling(paths: list[Path], nlp) -> dict[str, float]:
    """The NER models of `nlp` alone on the same texts: characters per second."""
    from kg.nlp.lac import lac_words

    texts = [d.text for d in map(load_document, paths) if isinstance(d, Document)]
    chars = sum(map(len, texts))
    out = {}
    started = time.perf_counter()
    for i in range(0, len(texts), 16):
        lac_words(texts[i:i + 16])
    out["LAC"] = chars / (time.perf_counter() - started)
    if "ner" in nlp.pipe_names:
        model = [n for n in nlp.pipe_names if n not in ("tok2vec", "ner")]
        with nlp.select_pipes(disable=model):
            list(nlp.pipe(texts[:4]))
            started = time.perf_counter()
            list(nlp.pipe(texts, batch_size=16))
            out["CLUENER tok2vec+ner"] = chars / (time.perf_counter() - started)
        out["LAC + CLUENER"] = 1 / (1 / out["LAC"] + 1 / out["CLUENER tok2vec+ner"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, help="folder of documents (see make_corpus.py)")
    ap.add_argument("--limit", type=int, default=0, help="use the first N files only")
    ap.add_argument("--ner-model", action="store_true",
                    help="the pipeline with the trained CLUENER model (kg/nlp/models/cluener) before the rules")
    args = ap.parse_args()
    from kg.nlp.pipeline import NER_MODEL, make_nlp

    nlp = make_nlp(NER_MODEL if args.ner_model else None)
    print(f"pipeline: {' → '.join(nlp.pipe_names)}")
    paths, _ = find_files(args.docs.resolve())
    paths = paths[:args.limit or None]
    seconds, n, chars = run(paths, nlp)
    total = sum(seconds.values())
    print(f"{n} documents, {chars} characters; pipeline {total:.1f} s in one process: "
          f"{chars / total:,.0f} chars/s, {n / total:.1f} docs/s")
    for stage in ("decode/clean", "NER model", "rules", "relation building", "entity resolution", "store write"):
        print(f"  {stage:18} {seconds.get(stage, 0):7.2f} s  {100 * seconds.get(stage, 0) / total:5.1f} %")
    limits = ceiling(paths, nlp)
    for name, rate in limits.items():
        print(f"NER alone ({name}): {rate:,.0f} chars/s")
    best = limits.get("LAC + CLUENER", limits["LAC"])
    print(f"pipeline / NER model alone: {100 * chars / total / best:.0f} % (target >= 60 %)")


if __name__ == "__main__":
    main()
