"""The on-disk graph store: an Oxigraph database used through rdflib (the `oxrdflib` store plugin).

What the dataset holds:

* one named graph per document (`…/doc/<id>`): its statements, their evidence and its provenance;
* `…/graph/ontology`, and the graphs derived from all documents (`…/graph/reference`, `…/graph/labels`);
* the default graph: the RDF merge of every named graph but the ontology's, i.e. exactly `kg.ttl`.
  Why materialise it: Oxigraph 0.5's union default graph counts a triple once per graph holding it
  (oxigraph/oxigraph#1919), so saved queries without DISTINCT would repeat rows. The merge is kept in
  step with every graph change: in the same transaction, or, for bulk-loaded documents, before their commit mark.

Writes go through pyoxigraph: `update` runs a whole SPARQL Update request as one transaction, and new
documents go through Oxigraph's bulk loader (`add`), which is not transactional, so a document counts as stored
only once its `one:path` is committed after its triples; `heal` drops what a killed run left without it.
oxrdflib's `commit`/`rollback` are no-ops, so rdflib's API is used for reading only.
"""
from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from ..graph.build import PREFIXES, bind_prefixes
from ..parallel import batched
from ..vocab import DOC, ONE, ONTOLOGY_GRAPH

DEFAULT_STORE = Path("exports/store")
LOCK_FILE = "kg.lock"
_XSD_STRING = ox.NamedNode(str(XSD.string))
VALUES_ROWS = 2_000  # terms per VALUES clause: a query's text stays small, and Oxigraph plans it as lookups
_PATH_LINE = re.compile(rf"^<[^>]*> <{re.escape(str(ONE.path))}> [^\n]*\n?", re.M)  # a document's commit mark


class StoreError(Exception):
    """The store cannot be opened (missing, or in use by another process); one line for the user."""


class GraphStore:
    """An open store. `write=True` takes the store for this process alone; readers share it."""

    def __init__(self, path: Path | str, *, write: bool = False):
        self.path, self.write = Path(path), write
        if write:
            self.path.mkdir(parents=True, exist_ok=True)
        elif not (self.path / "CURRENT").is_file():
            raise StoreError(f"no store at {self.path}: run `kg ingest` or `kg build` first, or pass --store")
        self._lock = _lock(self.path, exclusive=write)
        try:
            self.ox = ox.Store(str(self.path)) if write else ox.Store.read_only(str(self.path))
        except OSError as exc:
            os.close(self._lock)
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        self.dataset = Dataset(store=OxigraphStore(store=self.ox))
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns, override=True)

    def close(self):
        if self.ox is None:
            return
        if self.write:
            self.ox.flush()  # so read-only openers (the endpoint's workers) see every write
        self.dataset.close()
        self.ox = self.dataset = None  # RocksDB closes when its last reference goes
        os.close(self._lock)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc):
        self.close()

    # -- reading --------------------------------------------------------------------------------

    def graph(self, name: URIRef = DATASET_DEFAULT_GRAPH_ID) -> Graph:
        """One graph of the store as an rdflib Graph (default: the merged graph), read in place."""
        return bind_prefixes(Graph(store=self.dataset.store, identifier=name))

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.ox.named_graphs())

    def documents(self) -> dict[URIRef, str]:
        """Each document's named graph and the file it was read from."""
        q = "SELECT ?g ?path WHERE { GRAPH ?g { ?g one:path ?path } }"
        return {URIRef(r["g"].value): r["path"].value for r in self.ox.query(q, prefixes={"one": str(ONE._NS)})}

    def __len__(self) -> int:
        """Triples in the merged graph (what `kg.ttl` holds)."""
        (row,) = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(row["n"].value)

    def triples(self, name: URIRef = DATASET_DEFAULT_GRAPH_ID) -> Iterator[tuple]:
        """The triples of one graph (default: the merged graph), string literals plain as rdflib makes them."""
        return graph_triples(self.graph(name))

    def dump(self, target: Path, fmt: ox.RdfFormat):
        """Write the named graphs (TriG, N-Quads) or else the merged graph to `target`, atomically.
        Oxigraph writes in its index order, which is the same on every run for the same content
        (rdflib's writers follow Python's per-process string hashing)."""
        from ..export.atomic import atomic_path

        prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        with atomic_path(target) as tmp:
            if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
                # graph by graph, in the store's order: reading every quad and dropping the merge's would
                # decode the merged graph for nothing (twice the time at 10,000 documents, same bytes)
                quads = chain.from_iterable(self.ox.quads_for_pattern(None, None, None, g)
                                            for g in self.ox.named_graphs())
                ox.serialize(quads, str(tmp), fmt, prefixes=prefixes)
            else:
                self.ox.dump(str(tmp), fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    # -- writing --------------------------------------------------------------------------------

    def replace(self, put: Iterable[Graph | tuple[URIRef, str]] = (), drop: Iterable[URIRef] = ()):
        """In one transaction: remove the graphs `drop` and the previous content of each graph in `put`,
        then store `put`; the merged graph follows. `put` holds Graphs, or (name, N-Triples text) pairs
        as `ntriples` writes them: what kg.parallel's workers send, so the writer parses nothing."""
        put = [(g.identifier, ntriples(g)) if isinstance(g, Graph) else g for g in put]
        ops = []
        for name in dict.fromkeys([*drop, *(name for name, _ in put)]):
            if not self.ox.contains_named_graph(ox.NamedNode(str(name))):
                continue  # a new graph (most of an ingest): nothing to take out, and the check is cheap
            if name != ONTOLOGY_GRAPH:
                ops.append(_unmerge(name))
            ops.append(f"DROP SILENT GRAPH {_iri(name)}")
        for name, body in put:
            if body:
                ops.append(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{body}\n}} }}")
                if name != ONTOLOGY_GRAPH:  # into the merge too: cheaper than ADD, which reads the graph back
                    ops.append(f"INSERT DATA {{\n{body}\n}}")
        if ops:
            self.ox.update(" ;\n".join(ops))

    def add(self, documents: Iterable[tuple[URIRef, str]]):
        """New document graphs, (name, N-Triples text) pairs as `replace` takes them, names not yet in the store.
        Oxigraph's bulk loader writes them faster than a transaction (docs/performance.md) but gives no
        atomicity, so the order makes a killed run recoverable: every document's quads, then the same triples
        into the merged graph (so the merge never holds a triple its graph lacks), then all their `one:path`
        triples, the mark `documents()` reads, in one transaction. `heal` drops a graph left without it."""
        named, merged, marks = [], [], []
        for name, body in documents:
            mark = _PATH_LINE.search(body)
            if mark is None:
                raise ValueError(f"{name}: a document graph without one:path cannot be committed")
            rest = f"{body[:mark.start()]}{body[mark.end():]}".strip("\n")
            if rest:
                named.append(f"{rest}\n".replace(" .\n", f" {_iri(name)} .\n"))  # a line ends in " ." only
                merged.append(f"{rest}\n")
            marks.append((name, mark.group().strip("\n")))
        if named:
            self._bulk_load("".join(named), ox.RdfFormat.N_QUADS)
            self._bulk_load("".join(merged))
        if marks:
            self.ox.update(" ;\n".join(f"INSERT DATA {{ GRAPH {_iri(name)} {{ {mark} }} }} ;\nINSERT DATA {{ {mark} }}"
                                        for name, mark in marks))

    def load_into(self, name: URIRef, text: str):
        """N-Triples `text` bulk-loaded into graph `name`, then into the merged graph (in that order, so the merge
        never holds a triple its graph lacks). For derived graphs, which the next refresh recomputes: a bulk load
        has no transaction, and loading a triple already there changes nothing."""
        if text:
            self._bulk_load(text, to_graph=ox.NamedNode(str(name)))
            self._bulk_load(text)

    def _bulk_load(self, text: str, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES, **graph):
        """Oxigraph's bulk load of text that Oxigraph's own serializers wrote (`ntriples`, a query's result), whose
        IRIs it has checked already: `lenient` skips checking them again, for 0.94x the writer's CPU
        (docs/performance.md, "Nineteenth round")."""
        self.ox.bulk_load(text, fmt, lenient=True, **graph)

    def unfinished(self) -> list[URIRef]:
        """Document graphs without their `one:path`: the part of a bulk load a killed run did not commit."""
        stored = self.documents()
        return sorted(URIRef(g.value) for g in self.ox.named_graphs()
                      if g.value.startswith(str(DOC)) and URIRef(g.value) not in stored)

    def heal(self) -> list[URIRef]:
        """Drop the unfinished document graphs and what only they brought into the merge; returns them.
        Their files are not stored, so the next ingest reads them again."""
        partial = self.unfinished()
        if partial:
            self.replace(drop=partial)
        return partial

    def scratch(self, prefix: URIRef, triples: Iterable[tuple], chunk: int) -> list[URIRef]:
        """`triples` in scratch graphs outside the merge, `prefix`/0, /1, …, `chunk` triples each: for updates to
        read a part at a time (kg/graph/sync-insert.rq), written without holding all the triples in memory at once.
        Bulk-loaded: scratch graphs need no atomicity; those a killed run left are dropped first."""
        stale = [g for g in self.ox.named_graphs() if g.value.startswith(f"{prefix}/")]
        if stale:
            self.ox.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in stale))
        parts = []
        for part in batched(triples, chunk):
            parts.append(URIRef(f"{prefix}/{len(parts)}"))
            self._bulk_load(ntriples(part), to_graph=ox.NamedNode(str(parts[-1])))
        return parts

    def entities(self, graphs: Iterable[URIRef]) -> set[URIRef]:
        """The entities the document graphs `graphs` mention (`one:mentionedIn`)."""
        rows = self._select("DISTINCT ?s", "?g", graphs, f"GRAPH ?g {{ ?s {_iri(ONE.mentionedIn)} ?g }}")
        return {URIRef(row["s"].value) for row in rows}

    def mentioned(self, entities: Iterable[URIRef]) -> set[URIRef]:
        """Those of `entities` that some stored document mentions."""
        rows = self._select("?s", "?s", entities, f"FILTER EXISTS {{ ?s {_iri(ONE.mentionedIn)} ?d }}")
        return {URIRef(row["s"].value) for row in rows}

    def about(self, subjects: Iterable[URIRef], predicate: URIRef | None = None,
              graph: URIRef = DATASET_DEFAULT_GRAPH_ID) -> Iterator[tuple]:
        """The triples of one graph (default: the merged graph) whose subject is one of `subjects` (and whose
        predicate is `predicate`, if given), as `triples` gives them."""
        p = _iri(predicate) if predicate else "?p"
        pattern = f"?s {p} ?o" if graph == DATASET_DEFAULT_GRAPH_ID else f"GRAPH {_iri(graph)} {{ ?s {p} ?o }}"
        for row in self._select("*", "?s", subjects, pattern):
            yield _rdf(row["s"]), predicate or _rdf(row["p"]), _rdf(row["o"])

    def _select(self, head: str, variable: str, iris: Iterable[URIRef], where: str) -> Iterator:
        """The rows of `SELECT head WHERE { VALUES variable { iris } where }`, VALUES_ROWS IRIs to a query."""
        for part in batched(iris, VALUES_ROWS):
            values = " ".join(map(_iri, part))
            yield from self.ox.query(f"SELECT {head} WHERE {{ VALUES {variable} {{ {values} }} {where} }}")

    def change(self, name: URIRef, remove: Iterable[tuple], add: Iterable[tuple], also: URIRef):
        """In one transaction: triples out of and into graph `name`, the merged graph following; a removed
        triple stays in the merge if graph `also` (the one other graph that may hold it) holds it too."""
        remove, added = list(remove), ntriples(add)
        ops = []
        if remove:
            rows = " ".join(f"({' '.join(map(_term, t))})" for t in remove)
            ops.append(f"DELETE DATA {{ GRAPH {_iri(name)} {{\n{ntriples(remove)}\n}} }}")
            ops.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                       f"FILTER NOT EXISTS {{ GRAPH {_iri(also)} {{ ?s ?p ?o }} }} }}")
        if added:
            ops.append(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{added}\n}} }}")
            ops.append(f"INSERT DATA {{\n{added}\n}}")
        if ops:
            self.ox.update(" ;\n".join(ops))

    def is_empty(self, name: URIRef) -> bool:
        return next(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))), None) is None

    def holds(self, g: Graph) -> bool:
        """Whether the store's graph of that name has exactly the triples of `g` (no blank nodes)."""
        return set(self.triples(g.identifier)) == {tuple(map(_plain, t)) for t in g}


def ntriples(triples: Iterable[tuple]) -> str:
    """Triples (a Graph, or any iterable: repeats are written once) as N-Triples text, which SPARQL's
    INSERT DATA takes as it is."""
    terms = {}  # a document names the same few IRIs over and over

    def term(t) -> str:
        text = terms.get(t)
        if text is None:
            text = terms[t] = _term(t)
        return text

    return "\n".join(dict.fromkeys(f"{term(s)} {term(p)} {term(o)} ." for s, p, o in triples))


def graph_triples(graph: Graph) -> Iterator[tuple]:
    """Every triple of `graph`, fast where the graph lives in an Oxigraph store: read from Oxigraph
    directly and each distinct term converted once, where oxrdflib builds and validates three new rdflib
    terms per triple (three quarters of the explorer's time on a store of 10^6 triples)."""
    inner = oxigraph_graph(graph)
    if inner is None:
        yield from graph.triples((None, None, None))
        return
    store, name = inner
    terms: dict = {}
    for q in store.quads_for_pattern(None, None, None, name):
        if len(terms) > TERM_CACHE:  # bounded: most evidence nodes and offsets occur in one statement only
            terms.clear()
        yield tuple(terms.get(t) or terms.setdefault(t, _rdf(t)) for t in (q.subject, q.predicate, q.object))


TERM_CACHE = 500_000


def oxigraph_graph(graph: Graph) -> tuple[ox.Store, ox.DefaultGraph | ox.NamedNode] | None:
    """The Oxigraph store and graph name behind `graph`, if it lives in one (a graph of a GraphStore), to
    read it without oxrdflib's term conversion; None for any other rdflib graph."""
    if not isinstance(graph.store, OxigraphStore):
        return None
    if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return graph.store._inner, ox.DefaultGraph()
    return graph.store._inner, ox.NamedNode(str(graph.identifier))


def _unmerge(name: URIRef) -> str:
    """Take out of the merged graph the triples only graph `name` holds (the ontology is not merged)."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {_iri(name)} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({_iri(name)}, {_iri(ONTOLOGY_GRAPH)})) }} }}")


def _iri(name: URIRef) -> str:
    return str(ox.NamedNode(str(name)))


def _term(t) -> str:
    """An rdflib term in N-Triples syntax (which SPARQL accepts), escaped by Oxigraph."""
    if isinstance(t, URIRef):
        return _iri(t)
    if isinstance(t, Literal):
        if t.language:
            return str(ox.Literal(str(t), language=t.language))
        return str(ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None))
    if isinstance(t, BNode):
        raise ValueError("blank nodes are not stored: every node of the graph has an IRI")
    raise TypeError(f"not an RDF term: {t!r}")


def _rdf(t):
    """An Oxigraph term as rdflib's; a string literal stays plain, as rdflib's parsers make it (RDF 1.1
    says `"x"` and `"x"^^xsd:string` are the same term, rdflib tells them apart, and so would exports)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=None if t.datatype == _XSD_STRING else URIRef(t.datatype.value))
    return BNode(t.value)


def _plain(t):
    return Literal(str(t)) if isinstance(t, Literal) and t.datatype == XSD.string else t


def _lock(path: Path, *, exclusive: bool) -> int:
    """An advisory lock beside the database: one writer, or any number of readers (`kg serve`,
    `kg query`). RocksDB locks out a second writer, but a read-only open under a writer is undefined."""
    fd = os.open(path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreError(f"the store at {path} is in use by another kg process "
                         f"({'kg serve or kg query' if exclusive else 'kg ingest, remove or build'}); "
                         "wait for it or stop it") from None
    return fd
