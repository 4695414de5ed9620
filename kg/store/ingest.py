"""Incremental ingest: each document's named graph is added, replaced or dropped in a transaction of its
own, so an interrupted run leaves every document either fully in or fully out and the next run picks
up the rest; the graphs derived from all documents are recomputed once per run, not per document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from ..documents import Document, LoadError, iter_documents
from ..graph.build import labels_graph, mentioned_place_keys, ontology_graph, reference_graph
from ..vocab import DOC
from .store import GraphStore


@dataclass
class Report:
    added: list[URIRef] = field(default_factory=list)
    replaced: list[URIRef] = field(default_factory=list)  # earlier versions of a changed file
    unchanged: int = 0
    removed: list[URIRef] = field(default_factory=list)
    refreshed: list[URIRef] = field(default_factory=list)  # ontology and derived graphs rewritten

    def line(self) -> str:
        return (f"ingest: {len(self.added)} added, {len(self.replaced)} replaced, {self.unchanged} unchanged, "
                f"{len(self.removed)} removed")


def load(paths: Iterable[Path]) -> tuple[list[Document], list[LoadError]]:
    """The documents under `paths`, by absolute path: a file is the same document whatever folder
    the command runs in, which is how a changed file finds the graph it replaces."""
    documents, errors = [], []
    for path in paths:
        for item in iter_documents(Path(path).resolve()):
            (errors if isinstance(item, LoadError) else documents).append(item)
    return documents, errors


def ingest(store: GraphStore, documents: Iterable[Document],
           on_commit: Callable[[Document, URIRef | None], None] | None = None) -> Report:
    """Add new documents, replace the graph of a file whose text changed, skip unchanged ones (same
    content hash, same id), then refresh the derived graphs. `on_commit(document, replaced graph)` is
    called as each document is committed."""
    from ..pipeline import extract_graphs  # loads spaCy; not needed when nothing is new

    report = Report()
    documents = list(documents)
    stored = store.documents()  # graph -> path it was read from
    by_path = {path: graph for graph, path in stored.items()}
    batch = {DOC[d.id]: d for d in reversed(documents)}  # one per content; the first path wins
    # A stored graph whose file is in this run with other content is stale, unless that content
    # is still in the run (the same text under another name).
    stale = {}
    for d in documents:
        old = by_path.get(str(d.path))
        if old is not None and old not in batch:
            stale[str(d.path)] = old
    new = [d for iri, d in batch.items() if iri not in stored]
    report.unchanged = len(batch) - len(new)
    try:
        extracted = extract_graphs(sorted(new, key=lambda d: str(d.path)))
        for document, graph in extracted:
            old = stale.pop(str(document.path), None)
            store.replace(put=[graph], drop=[old] if old else [])
            report.added.append(graph.identifier)
            if old:
                report.replaced.append(old)
            if on_commit:
                on_commit(document, old)
        if stale:  # files whose new text was already stored under another path
            store.replace(drop=stale.values())
            report.replaced += stale.values()
    finally:  # also after Ctrl-C: the documents committed so far get their labels and reference data
        report.refreshed = refresh(store)
    return report


def remove(store: GraphStore, specs: Iterable[str]) -> Report:
    """Drop documents named by id, IRI or the path they were read from; raises KeyError on an unknown one."""
    stored = store.documents()
    by_path = {path: graph for graph, path in stored.items()}
    drop = []
    for spec in specs:
        graph = DOC[spec] if DOC[spec] in stored else URIRef(spec)
        if graph not in stored:
            graph = by_path.get(str(Path(spec).resolve()))
        if graph is None:
            raise KeyError(spec)
        drop.append(graph)
    report = Report(removed=list(dict.fromkeys(drop)))
    store.replace(drop=report.removed)
    report.refreshed = refresh(store)
    return report


def derived_graphs(store: GraphStore) -> list[Graph]:
    """The graphs computed from all documents together. They are recomputed after each batch, from the
    store, so a removed document leaves no label or reference place behind; cross-document entity
    resolution belongs here as well."""
    reference = reference_graph(mentioned_place_keys(store.graph()))
    return [reference, labels_graph(store.dataset, reference=reference)]


def refresh(store: GraphStore) -> list[URIRef]:
    """Rewrite (in one transaction) the ontology and derived graphs that differ from what they should
    be; also heals a store whose last run was killed between a document and this step."""
    stale = [g for g in (ontology_graph(), *derived_graphs(store)) if not store.holds(g)]
    store.replace(put=stale)
    return [g.identifier for g in stale]
