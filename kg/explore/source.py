"""How the explorer reads a graph: a few kinds of read, each returning plain values.

IRIs come back as `str`, literals as `Lit`, blank nodes as `Blank`: plain strings hash and compare in C,
where rdflib's terms do it in Python, and the explorer keys its dicts by term hundreds of thousands of
times. Nothing reads the whole graph: the explorer reads by class and by predicate, leaving the evidence
out, then the evidence of what it shows (docs/performance.md).

A graph of the store is read in place with SPARQL (`OxigraphSource`), any other rdflib graph through rdflib
(`RdflibSource`: `kg explore --graph FILE`, tests). They return the same for the same graph; a test holds
them to it (tests/test_explore.py).
"""
from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import NamedTuple, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from ..store.store import oxigraph_graph
from ..vocab import ONE

_XSD_STRING = str(XSD.string)
# pyoxigraph lets go of Python's lock while it evaluates a query and writes its rows out (not while Python iterates
# them): each read is written as SPARQL TSV in a thread, READERS at a time, beside the Python that uses the rows
# (docs/performance.md, "Sixteenth round" and "Eighteenth round")
READERS = os.cpu_count() or 1
_TSV = ox.QueryResultsFormat.TSV
T = TypeVar("T")
# an evidence node's fields, in the order `evidence` returns them after the node: its statement as terms, then its
# sentence's IRI. The sentence's document, offsets and text are read apart (`sentences`), for the few sentences the
# page shows: a store cites each of millions of sentences, and a long literal costs most to decode.
EVIDENCE_FIELDS = (RDF.subject, RDF.predicate, RDF.object, ONE.inSentence)
SENTENCE_FIELDS = (PROV.wasDerivedFrom, ONE.charStart, ONE.charEnd, ONE.text)


class Lit(NamedTuple):
    """A literal. `datatype` is None for plain and xsd:string literals (RDF 1.1 makes them the same term)."""

    value: str
    lang: str | None = None
    datatype: str | None = None


class Blank(str):
    """A blank node, by its id (an IRI is never written like one: IRIs here are absolute)."""


def source(graph: Graph) -> OxigraphSource | RdflibSource:
    inner = oxigraph_graph(graph)
    return RdflibSource(graph) if inner is None else OxigraphSource(*inner)


class OxigraphSource:
    """A graph of the store, read with SPARQL. Oxigraph decodes only the variables a query returns, and
    decoding a term is a RocksDB read: reading by predicate, which is then not returned, takes half the time
    of reading the same triples by subject."""

    def __init__(self, store: ox.Store, name):
        self.store, self.name = store, name

    def subjects(self, classes: list[str]) -> Iterator[tuple[str, list[str]]]:
        """(class, its subjects) for each of `classes`."""
        queries = [f"SELECT ?s WHERE {{ ?s a {_iri(c)} }}" for c in classes]
        for c, rows in zip(classes, self._selects(queries)):
            yield c, [s for s, in rows]

    def pairs(self, properties: list[str]) -> Iterator[tuple[str, list[tuple]]]:
        """(property, the (subject, object) of its triples) for each of `properties`."""
        queries = [f"SELECT ?s ?o WHERE {{ ?s {_iri(p)} ?o }}" for p in properties]
        return zip(properties, self._selects(queries))

    def triples(self, s: str) -> Iterator[tuple]:
        return ((s, p, o) for p, o in self._select(f"SELECT ?p ?o WHERE {{ {_iri(s)} ?p ?o }}"))

    def objects(self, p: str, subjects: Iterable[str]) -> Iterator[tuple]:
        """(subject, object) of the triples of `p` whose subject is one of `subjects`."""
        return self._select(f"SELECT ?s ?o WHERE {{ VALUES ?s {{ {_values(subjects)} }} ?s {_iri(p)} ?o }}")

    def evidence(self, subjects: Iterable[str], objects: Iterable[str]) -> Iterator[tuple]:
        """(node, subject, predicate, object, sentence) of the evidence nodes whose rdf:subject is one of
        `subjects` or whose rdf:object is one of `objects` (a node can come twice). The store's evidence nodes
        have every field (kg/graph/build.py writes them together); one without all of them is left out."""
        queries = [self._fields(EVIDENCE_FIELDS, k, part) for k, terms in ((0, subjects), (2, objects))
                   for part in _parts(terms)]
        for rows in self._selects(queries):
            yield from rows

    def sentences(self, sentences: Iterable[str]) -> Iterator[tuple]:
        """(sentence, document, start, end, text) of the sentence nodes `sentences`, as text; one without all
        of them is left out."""
        for rows in self._selects([self._fields(SENTENCE_FIELDS, None, part) for part in _parts(sentences)]):
            yield from (tuple(map(_text, row)) for row in rows)

    @staticmethod
    def _fields(fields: tuple, k: int | None, terms: list[str]) -> str:
        """The query of the rows (node, its value of each of `fields`) of the nodes whose value of `fields[k]`
        is one of `terms`, or, with `k` None, of the nodes `terms`. Each field is joined from a subquery of its
        own, which Oxigraph joins by hashing rather than by looking up each field of each node: half the time
        for the evidence of 1,000 documents, 0.88x for the sentences of 10,000 documents' drawn entities
        (benchmarks/explorer_evidence.py)."""
        joined = " ".join(f"{{ SELECT * WHERE {{ ?n {_iri(str(p))} ?v{i} }} }}" for i, p in enumerate(fields))
        returned = "?n " + " ".join(f"?v{i}" for i in range(len(fields)))
        given = "?n" if k is None else f"?v{k}"
        return f"SELECT {returned} WHERE {{ VALUES {given} {{ {_values(terms)} }} {joined} }}"

    def _select(self, query: str) -> list[tuple]:
        [rows] = self._selects([query])
        return rows

    def _selects(self, queries: list[str]) -> Iterator[list[tuple]]:
        """The rows of each query (whose variables are always bound), in order. Each query's rows are written as
        SPARQL TSV in a thread, which decodes their terms from the store, most of a read's time; Python only
        parses them back (`_rows`), a quarter to a third of the time of iterating them from the store
        (docs/performance.md)."""
        def tsv(query):
            return self.store.query(query, default_graph=self.name).serialize(format=_TSV)

        for written in side_by_side([lambda q=q: tsv(q) for q in queries]):
            yield _rows(written)


class RdflibSource:
    """Any other rdflib graph, read by triple pattern. A Dataset yields a triple once per named graph
    holding it: each read returns it once."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def subjects(self, classes: list[str]) -> Iterator[tuple[str, list[str]]]:
        for c in classes:
            yield c, [s for s, _, _ in self._triples(None, RDF.type, URIRef(c))]

    def pairs(self, properties: list[str]) -> Iterator[tuple[str, list[tuple]]]:
        for p in properties:
            yield p, [(s, o) for s, _, o in self._triples(None, URIRef(p), None)]

    def triples(self, s: str) -> Iterator[tuple]:
        return self._triples(_to_rdflib(s), None, None)

    def objects(self, p: str, subjects: Iterable[str]) -> Iterator[tuple]:
        for s in subjects:
            yield from ((s, o) for _, _, o in self._triples(_to_rdflib(s), URIRef(p), None))

    def evidence(self, subjects: Iterable[str], objects: Iterable[str]) -> Iterator[tuple]:
        """As `OxigraphSource.evidence`; a node with its subject, predicate and object is kept whatever
        else it lacks (None for it), as files made by other tools may leave out its sentence."""
        nodes = {n for s in subjects for n, _, _ in self._triples(None, RDF.subject, _to_rdflib(s))}
        nodes |= {n for o in objects for n, _, _ in self._triples(None, RDF.object, _to_rdflib(o))}
        for n in nodes:
            *statement, sentence = (self._value(n, p) for p in EVIDENCE_FIELDS)
            if None not in statement:
                yield n, *statement, sentence

    def sentences(self, sentences: Iterable[str]) -> Iterator[tuple]:
        """As `OxigraphSource.sentences`, with None for what a sentence lacks."""
        return ((s, *(_text(self._value(s, p)) for p in SENTENCE_FIELDS)) for s in sentences)

    def _value(self, s, p):
        """An object of (s, p), or None."""
        return next((o for _, _, o in self._triples(_to_rdflib(s), p, None)), None)

    def _triples(self, s, p, o) -> Iterator[tuple]:
        yield from dict.fromkeys(tuple(map(_from_rdflib, t)) for t in self.graph.triples((s, p, o)))


def side_by_side(reads: list[Callable[[], T]]) -> Iterator[T]:
    """Each read's result, in the order of `reads`: READERS of them run in threads at a time, ahead of the
    result being used (at most READERS more results are held)."""
    with ThreadPoolExecutor(READERS) as pool:
        running: deque = deque()
        for read in reads:
            running.append(pool.submit(read))
            if len(running) > READERS:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()


def _rows(written: bytes) -> list[tuple]:
    """The rows of SPARQL TSV as tuples of plain values. Rows of the two shapes of most reads, IRIs only (a
    relation's triples, a class's subjects) and IRIs then a literal that needs no escape (labels), are matched by
    one regular expression, in a fifth of the time of Oxigraph's parser and the conversion of its terms. TSV
    writes an IRI as <...>, which holds no '>', tab or line break, and a literal as "..."@lang or "...", a '"',
    '\\', tab or line break in it escaped with a '\\'. Any other rows are Oxigraph's to parse."""
    header, _, body = written.decode().partition("\n")
    width = header.count("\t") + 1
    lines = body.count("\n")  # a row per line, each line ended
    iris = _shape(width, literal_last=False)
    if iris.match(body) and len(found := iris.findall(body)) == lines:
        return found if width > 1 else [(iri,) for iri in found]
    labels = _shape(width, literal_last=True)
    if labels.match(body) and len(found := labels.findall(body)) == lines:
        return [(*head, Lit(value, lang or None)) for *head, value, lang in found]
    return [tuple(map(_from_ox, row)) for row in ox.parse_query_results(written, format=_TSV)]


@lru_cache(maxsize=None)
def _shape(width: int, literal_last: bool) -> re.Pattern:
    """A line of `width` IRIs, or of IRIs then a literal without escapes, plain or with a language tag."""
    iri, literal = r"<([^>\t\n]*)>", r'"([^"\\\t\n]*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?'
    return re.compile("^" + "\t".join([iri] * (width - literal_last) + [literal] * literal_last) + "$", re.M)


def _parts(terms: Iterable[str]) -> list[list[str]]:
    """`terms` in READERS parts of about the same size (none empty)."""
    terms = sorted(terms)
    return [part for part in (terms[k::READERS] for k in range(READERS)) if part]


def _iri(iri: str) -> str:
    if isinstance(iri, Blank):
        raise TypeError("the store holds no blank nodes")
    return str(ox.NamedNode(iri))


def _values(terms: Iterable[str]) -> str:
    return " ".join(_iri(t) for t in sorted(terms))


def _from_ox(t):
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.Literal):
        if t.language:
            return Lit(t.value, t.language)
        datatype = t.datatype.value
        return Lit(t.value, None, None if datatype == _XSD_STRING else datatype)
    return Blank(t.value)


def _text(t) -> str | None:
    return t.value if isinstance(t, Lit) else t  # an IRI is a str already


def _to_rdflib(t):
    return BNode(t) if isinstance(t, Blank) else URIRef(t)


def _from_rdflib(t):
    if isinstance(t, Literal):
        datatype = str(t.datatype) if t.datatype is not None else None
        return Lit(str(t), t.language, None if datatype == _XSD_STRING else datatype)
    return Blank(t) if isinstance(t, BNode) else str(t)
