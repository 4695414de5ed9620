"""`kg build`: a folder of documents in, every export out."""
from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from .documents import Document
from .export.graphml import write_graphml
from .graph.build import assemble
from .pipeline import extract_graphs
from .vocab import ENTITY_CLASSES, ONE

CLASS_NAMES = {iri: name for name, iri in ENTITY_CLASSES.items()}


@dataclass
class Summary:
    read: int = 0
    skipped: list = field(default_factory=list)  # the Results of files that could not be read
    entities: Counter = field(default_factory=Counter)
    statements: int = 0
    triples: int = 0
    removed: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        per_class = ", ".join(f"{name} {n}" for name, n in sorted(self.entities.items()))
        return [
            f"documents: {self.read} read, {len(self.skipped)} skipped"
            + (f", {self.removed} no longer in the folder removed" if self.removed else ""),
            f"entities: {sum(self.entities.values())} ({per_class or 'none'})",
            f"statements: {self.statements} (with evidence), triples: {self.triples}",
            f"time: {self.seconds:.1f} s",
        ]


def stale_documents(stored: dict, read: set, unreadable: list) -> list[str]:
    """Stored documents that this build did not read (`read`: their graph names). A file that could not
    be read this time (`unreadable`: the failed Results) keeps its last good graph: bad input never
    loses what was already ingested."""
    paths = {str(r.path) for r in unreadable}
    return [str(g) for g, path in stored.items() if g not in read and path not in paths]


def build_dataset(documents: list[Document], nlp=None) -> Dataset:
    """The dataset of `documents` in memory, without a store (evaluation, tests)."""
    return assemble(g for _, g in extract_graphs(documents, nlp))


def count(graph: Graph, summary: Summary):
    mentioned = set(graph.subjects(ONE.mentionedIn, None))
    for e in mentioned:
        types = {CLASS_NAMES[t] for t in graph.objects(e, RDF.type) if t in CLASS_NAMES}
        if "Official" in types:
            types.discard("Person")
        summary.entities.update(types)
    summary.statements = sum(1 for _ in graph.subjects(RDF.type, ONE.Evidence))
    summary.triples = len(graph)


def exports(store, merged: Graph, out: Path) -> dict[str, tuple]:
    """Each export's file name in `out` -> its writer and arguments, for the graph `store` and its merged
    graph `merged`, in the order `export_all` starts them."""
    from pyoxigraph import RdfFormat

    from .explore import write_explorer  # the explorer pulls in pyvis; only exports need it

    return {
        "kg.trig": (store.dump, out / "kg.trig", RdfFormat.TRIG),  # read through Python: holds the lock
        "kg.ttl": (store.dump, out / "kg.ttl", RdfFormat.TURTLE),
        "kg.jsonld": (store.dump, out / "kg.jsonld", RdfFormat.JSON_LD),
        "explorer.html": (write_explorer, merged, out / "explorer.html"),
        "kg.graphml": (write_graphml, merged, out / "kg.graphml"),
    }


def export_all(store, out: Path, *, jobs: int | None = None) -> Graph:
    """Every export of the graph `store`, read in place, and the merged graph they were made from. The
    RDF files come from Oxigraph: the same bytes on every run for the same content (rdflib's writers
    follow Python's per-process hashing), and no copy of the graph in Python's memory, which a corpus of
    10,000 documents (ten million triples) would not fit in (docs/performance.md).

    The exports are written side by side, `jobs` at a time (default: all cores): Oxigraph writes Turtle and
    JSON-LD without holding Python's lock, so they run beside the exports that hold it (TriG, explorer,
    GraphML), which take turns on the other core: the longest of those first, and the two dumps next so
    that they start beside it rather than wait for it."""
    merged = store.graph()
    with ThreadPoolExecutor(jobs or os.cpu_count()) as pool:
        for written in [pool.submit(*write) for write in exports(store, merged, out).values()]:
            written.result()  # the first failure is raised once every export has ended
    return merged


def build(docs: Path, out: Path, store: Path | None = None, *, jobs: int | None = None,
          scheduler: str | None = None, on_result=None) -> Summary:
    """Bring the store (default `out/store`) in line with `docs` — unchanged documents skipped, changed
    ones replaced, documents no longer there removed — and write every export of it. `kg ingest` is
    the command that only adds. `jobs`, `scheduler`, `on_result`: as for `kg.store.ingest`."""
    from .parallel import files
    from .store import GraphStore, ingest, remove

    started = time.perf_counter()
    summary = Summary()
    with GraphStore(store or out / "store", write=True) as graph_store:
        report = ingest(graph_store, files([docs]), jobs=jobs, scheduler=scheduler, on_result=on_result)
        summary.read, summary.skipped = report.loaded, report.failed
        gone = stale_documents(graph_store.documents(), report.seen, report.failed)
        if gone:
            remove(graph_store, gone)
            summary.removed = len(gone)
        count(export_all(graph_store, out, jobs=jobs), summary)
    summary.seconds = time.perf_counter() - started
    return summary
