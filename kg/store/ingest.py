"""Incremental ingest, streamed: the per-document work runs in `kg.parallel` (this process, a pool of
processes, or a Dask cluster) and this module is the one writer. Documents are committed in batches of
whole documents (`GraphStore.add`: bulk-loaded, then marked stored in one transaction), so an interrupted
run leaves every document either stored or unfinished, an unfinished one is dropped by the next writer
(`GraphStore.heal`), and the next run picks up the rest; the graphs derived from all documents are
recomputed once per run, not per document."""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SKOS

from ..documents import Document, LoadError, iter_documents
from ..export.atomic import atomic_path
from ..graph.build import (LABELS_GRAPH, LABELS_SCRATCH, PLACE_PREFIX, fullest, labels, ontology_graph, place_keys,
                           reference_graph, sync_queries)
from ..nlp.places import REFERENCE_FILE, gazetteer
from ..parallel import BATCH, Result, batched, results, work
from ..vocab import DOC, ONE, REFERENCE_GRAPH
from .store import GraphStore, ntriples

# A commit per this many documents, or sooner once this many seconds have passed since the last one. Each
# commit's bulk load leaves files that RocksDB's threads compact later, on the cores the workers need: 128
# documents a commit cost the writer 0.70x the CPU of 32 (benchmarks/commit_size.py, docs/performance.md),
# and the time bound keeps finished work from waiting uncommitted behind a slow stream.
COMMIT_DOCUMENTS, COMMIT_SECONDS = 128, 8.0
# Labels are written this many at a time: Oxigraph and Python hold one part, not the corpus's names.
SCRATCH_TRIPLES = 50_000
RELABEL_ENTITIES = 5_000  # a run's touched entities relabelled per transaction
# The derived graphs are complete when this file beside the database holds the fingerprint of the rules that made
# them. A run removes it before its first write and writes it after its refresh, which then recomputes only the
# labels of the entities the run's documents mention; after a killed run, or an upgrade that changed the rules,
# the file is missing or differs, and the next refresh recomputes them all. It also counts the documents added
# since the store was last compacted.
STATE_FILE = "kg.state.json"
# A run compacts the store (`optimize`, which rewrites all of it) once the documents added since the last compaction
# pass this share of the store, or after a refresh of every label. Bulk loads leave many files, and a new store's
# Turtle export took 4-5x as long uncompacted; but 250 documents added to 10,000 in five runs, each relabelling
# only its own entities, left the export as fast as compacting did, so small runs skip it (docs/performance.md,
# "Thirteenth round").
COMPACT_SHARE = 0.02


@dataclass
class Report:
    added: list[URIRef] = field(default_factory=list)
    replaced: list[URIRef] = field(default_factory=list)  # earlier versions of a changed file
    unchanged: int = 0
    removed: list[URIRef] = field(default_factory=list)
    failed: list[Result] = field(default_factory=list)  # files that could not be loaded, with the reason
    seen: set[URIRef] = field(default_factory=set)  # every document read in this run, new or not
    loaded: int = 0  # files read (the same text under two names counts twice)
    chars: int = 0

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


def ingest(store: GraphStore, documents: Iterable[Document | Path | LoadError], *, jobs: int | None = None,
           scheduler: str | None = None, batch: int = BATCH,
           on_result: Callable[[Result], None] | None = None,
           on_commit: Callable[[Result, URIRef | None], None] | None = None) -> Report:
    """Add new documents, replace the graph of a file whose text changed, skip unchanged ones (same
    content hash, same id: no NLP runs for them), then refresh the derived graphs.

    `documents`: loaded Documents, or files and folders for the workers to read (`kg.parallel.files`
    lists folders ahead, for a progress total), or LoadErrors to report. `jobs`, `scheduler`, `batch`: where
    the work runs (`kg.parallel.results`). `on_result(result)` is called as each document arrives,
    `on_commit(result, replaced graph)` as each added document is committed."""
    report = Report()
    uncompacted = _begin(store)
    complete = uncompacted is not None
    store.heal()  # what a killed run left unfinished is read again below
    stored = store.documents()  # graph -> path it was read from; kept up to date as the run goes
    by_path = {path: graph for graph, path in stored.items()}
    writer = _Writer(store, on_commit)
    stream = results(documents, jobs=jobs, scheduler=scheduler, batch=batch,
                     skip=[str(g)[len(DOC):] for g in stored], pause=COMMIT_DOCUMENTS)
    try:
        with closing(stream):  # stops the workers on an early exit (Ctrl-C) too
            for result in stream:
                if on_result:
                    on_result(result)
                if result.error is not None:
                    report.failed.append(result)
                    continue
                report.loaded += 1
                report.chars += result.chars
                _decide(result, stored, by_path, report, writer)
            writer.commit()
    finally:  # also after Ctrl-C: the documents committed so far get their labels and reference data
        refresh(store, touched=writer.gone | store.entities(report.added) if complete else None)
        uncompacted = (uncompacted or 0) + len(report.added)
        _end(store, uncompacted)
    # After the refresh, not beside it: its writes would be left uncompacted (docs/performance.md, "Eleventh round").
    if not complete or uncompacted > COMPACT_SHARE * len(stored):
        store.ox.optimize()
        _end(store, 0)
    return report


def _decide(result: Result, stored: dict, by_path: dict, report: Report, writer: _Writer):
    """Add, skip or replace one document. The same text under two names is one document: the first
    path wins. A file's stored graph is stale once its text changed, unless this run read that text
    earlier under another name; if the text comes later under another name, it is stored again then."""
    iri, path = DOC[result.id], str(result.path)
    old = by_path.get(path)
    if old in (None, iri) or old in report.seen:
        old = None
    text = None
    if iri not in report.seen:
        if iri in stored:
            report.unchanged += 1
        else:
            # a document the workers skipped as stored, then dropped as stale earlier in this run
            text = result.ntriples if result.ntriples is not None else work([result.path])[0].ntriples
    report.seen.add(iri)
    if old is not None:
        del stored[old]
        report.replaced.append(old)
    if text is not None:
        stored[iri], by_path[path] = path, iri
        report.added.append(iri)
    writer.add(result, iri, text, old)


class _Writer:
    """Collects documents and commits them together (see COMMIT_DOCUMENTS)."""

    def __init__(self, store: GraphStore, on_commit):
        self.store, self.on_commit = store, on_commit
        self.put, self.drop, self.done = [], [], []
        self.gone = set()  # the entities of the graphs dropped: their labels may change
        self.since = time.monotonic()

    def add(self, result: Result, iri: URIRef, text: str | None, old: URIRef | None):
        if text is not None:
            self.put.append((iri, text))
            self.done.append((result, old))
        if old is not None:
            self.drop.append(old)
        if len(self.put) + len(self.drop) >= COMMIT_DOCUMENTS or time.monotonic() - self.since >= COMMIT_SECONDS:
            self.commit()

    def commit(self):
        if self.drop:  # earlier versions of changed files: a transaction; their new versions follow
            self.gone |= self.store.entities(self.drop)
            self.store.replace(drop=self.drop)
        if self.put:
            self.store.add(self.put)
        if self.put or self.drop:
            # Oxigraph's RocksDB holds what was written in memory until it flushes: without this the
            # writer grew by a gigabyte per thousand documents; with it, it stays flat, and no slower.
            self.store.ox.flush()
        if self.on_commit:
            for result, old in self.done:
                self.on_commit(result, old)
        self.put, self.drop, self.done = [], [], []
        self.since = time.monotonic()


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
    uncompacted = _begin(store)
    touched = store.entities(report.removed)
    store.replace(drop=report.removed)
    refresh(store, touched=touched if uncompacted is not None else None)
    if uncompacted is None:  # a refresh of every label leaves deletions behind: compacted, as ingest does
        store.ox.optimize()
    _end(store, uncompacted or 0)
    return report


def _begin(store: GraphStore) -> int | None:
    """The documents added since the last compaction, if the last run left the derived graphs complete and made by
    today's rules (see STATE_FILE); otherwise None. The mark is taken away until this run's refresh has ended."""
    mark = store.path / STATE_FILE
    try:
        state = json.loads(mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    mark.unlink(missing_ok=True)
    return state.get("uncompacted") if isinstance(state, dict) and state.get("rules") == _rules() else None


def _end(store: GraphStore, uncompacted: int):
    with atomic_path(store.path / STATE_FILE) as tmp:
        tmp.write_text(json.dumps({"rules": _rules(), "uncompacted": uncompacted}), encoding="utf-8")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())


def _rules() -> str:
    """A fingerprint of what the labels are computed from besides the documents: their rule, and which places the
    reference data holds (they keep its prefLabel): the reference file and the gazetteer's places, whatever their
    source (kg.nlp.places)."""
    digest = hashlib.sha1(REFERENCE_FILE.read_bytes())
    for func in (labels, fullest):
        digest.update(inspect.getsource(func).encode())
    digest.update("\n".join(sorted(gazetteer().places)).encode())
    return digest.hexdigest()


def refresh(store: GraphStore, step: Callable[[str], None] = lambda name: None, *,
            touched: Iterable[URIRef] | None = None):
    """Bring the ontology graph and the graphs derived from all documents in line with the documents: the
    reference data of the mentioned places, then the labels (kg.graph.build.labels). Unfinished document graphs
    (a run interrupted inside a bulk load) are dropped first. How the labels are brought in line:

    * `touched` given (the entities whose names may have changed, the others' labels being known up to date: see
      STATE_FILE): only theirs are recomputed, RELABEL_ENTITIES to a transaction, and the places of the reference
      data are looked up, not found by reading every mention; a daily run on a large store pays for its own
      documents, not the corpus.
    * No labels stored yet (a new store's first ingest): they are bulk-loaded in parts of SCRATCH_TRIPLES as they
      are computed from one stream of (entity, name) rows (docs/performance.md, "Twelfth round").
    * Otherwise all of them: written to scratch graphs of SCRATCH_TRIPLES and synced by kg.graph.build's
      sync_queries, the deletions in one transaction, the insertions bulk-loaded a scratch graph at a time, so
      neither Python nor Oxigraph holds the corpus's names at once.

    While it runs, a reader may see the labels of some entities already changed and of others not yet. A removed
    document leaves no label or reference place behind; cross-document entity resolution belongs here as well.
    `step(name)` is called after each step (benchmarks/refresh_steps.py measures them)."""
    store.heal()
    step("heal")
    if touched is not None:  # a mentioned place is in the reference graph already, or touched by this run
        touched = set(touched)
        known = {s for s, _, _ in store.triples(REFERENCE_GRAPH)} | touched
        places = store.mentioned(s for s in known if s.startswith(PLACE_PREFIX))
    else:
        query = f'SELECT DISTINCT ?s WHERE {{ ?s <{ONE.mentionedIn}> ?d FILTER STRSTARTS(STR(?s), "{PLACE_PREFIX}") }}'
        places = (row["s"].value for row in store.ox.query(query))
    reference = reference_graph(place_keys(places))
    store.replace(put=[g for g in (ontology_graph(), reference) if not store.holds(g)])
    step("reference data")
    referenced = set(reference.subjects(SKOS.prefLabel))
    if touched is not None and not store.is_empty(LABELS_GRAPH):
        for part in batched(sorted(touched), RELABEL_ENTITIES):
            new = set(labels(((s, o) for s, _, o in store.about(part, ONE.mentionLabel)), referenced))
            old = set(store.about(part, graph=LABELS_GRAPH))
            store.change(LABELS_GRAPH, remove=old - new, add=new - old, also=REFERENCE_GRAPH)
        step("labels of the touched entities")
        return
    rows = store.ox.query(f"SELECT ?s ?name WHERE {{ ?s <{ONE.mentionLabel}> ?name }}")  # the merge: once each
    names = ((URIRef(row["s"].value), row["name"].value) for row in rows)
    new = labels(names, referenced)
    if store.is_empty(LABELS_GRAPH):  # a first refresh has nothing to sync with: load the labels straight in
        for part in batched(new, SCRATCH_TRIPLES):
            store.load_into(LABELS_GRAPH, ntriples(part))
            store.ox.flush()
        step("labels loaded")
        return
    parts = store.scratch(LABELS_SCRATCH, new, SCRATCH_TRIPLES)
    step(f"labels into {len(parts)} scratch graphs")
    # documents hold no labels: the reference graph is the only other graph that may hold the same triples
    deletions, insertions = sync_queries(LABELS_GRAPH, LABELS_SCRATCH, parts, also=REFERENCE_GRAPH)
    store.ox.update(deletions)
    step("sync deletions")
    for k, (part, construct) in enumerate(zip(parts, insertions)):
        store.load_into(LABELS_GRAPH, store.ox.query(construct).serialize(format=ox.RdfFormat.N_TRIPLES))
        store.ox.update(f"DROP SILENT GRAPH <{part}>")  # one per update: a transaction's deletions stay in memory
        store.ox.flush()
        step(f"sync part {k}")
