"""Facts to RDF: one named graph per document, plus the ontology, reference and label graphs.

Each statement is asserted as a plain triple and described by an `rdf:Statement` (typed
`one:Evidence`) that names the rule and the sentence it came from; the sentence (`one:Sentence`) names
its document, its text and its offsets, once for all the statements read from it. An entity's type in a
document cites the sentence it was read from (`one:mentionedInSentence`), and a post's or membership's
fields are cited by its link to its person, not by nodes of their own (see docs/architecture.md).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Iterable, Iterator
from urllib.parse import unquote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from ..documents import Document
from ..facts.model import DocFacts, Evidence, Statement, place_iri
from ..nlp.places import REFERENCE_FILE, gazetteer
from ..vocab import DOC, ENTITY_CLASSES, ONE, ONTOLOGY_DIR, ONTOLOGY_GRAPH, REFERENCE_GRAPH, GRAPH

LABELS_GRAPH = GRAPH.labels
LABELS_SCRATCH = GRAPH["labels-next"]
PLACE_PREFIX = "https://w3id.org/onekg/id/place/"
PREFIXES = {
    "one": ONE._NS, "rdf": RDF, "skos": SKOS, "prov": PROV, "rdfs": RDFS, "xsd": XSD,
    "id": URIRef("https://w3id.org/onekg/id/"), "doc": DOC,
}


def doc_iri(document: Document) -> URIRef:
    return DOC[document.id]


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def document_graph(document: Document, facts: DocFacts) -> Graph:
    """The named graph of one document: its node, its entities' mentions and every statement with evidence."""
    g = bind_prefixes(Graph(identifier=doc_iri(document)))
    for t in document_triples(document, facts):
        g.add(t)
    return g


def document_triples(document: Document, facts: DocFacts) -> Iterator[tuple]:
    """The triples of `document_graph`, without the Graph: ingest workers write them out as text
    straight away, and filling an rdflib Graph costs more than the rest of building them."""
    d = doc_iri(document)
    yield d, RDF.type, ONE.Document
    yield d, ONE.textLength, Literal(len(document.text))
    yield d, ONE.path, Literal(str(document.path))
    for prop, value in ((ONE.title, document.title), (ONE.source, document.source)):
        if value:
            yield d, prop, Literal(value)
    if document.published:
        yield d, ONE.published, Literal(document.published.isoformat(), datatype=XSD.date)
    sentences: set[int] = set()  # the starts of the sentences written so far
    for ent in facts.entities.values():
        yield ent.iri, ONE.mentionedIn, d
        for label in ent.labels:
            yield ent.iri, ONE.mentionLabel, Literal(label, lang="zh")
        # an evidence node per type was a third of a store's quads (docs/performance.md, "Seventeenth round")
        yield ent.iri, _TYPE, ENTITY_CLASSES[ent.cls]
        sentence = _sentence(d, ent.evidence[0])
        yield ent.iri, ONE.mentionedInSentence, sentence
        yield from _cite(sentence, d, ent.evidence[0], sentences)
    tied = _tied_nodes(facts.statements)
    for st in facts.statements:
        if st.subject in tied and st.predicate != ONE.member:
            yield st.subject, st.predicate, st.object
        else:
            yield from _assert(d, st, sentences)


def _tied_nodes(statements: list[Statement]) -> set:
    """The posts and memberships whose link to their person (`one:holdsPost`, `one:member`) the document
    states. Their other fields make up their IRI (kg.facts.extract) and are read from the same sentence as the
    link: the link's evidence is theirs, and they are written as plain triples (docs/architecture.md)."""
    typed = {st.subject for st in statements if st.predicate == _TYPE and st.object in (ONE.Post, ONE.Membership)}
    linked = {st.object if st.predicate == ONE.holdsPost else st.subject
              for st in statements if st.predicate in (ONE.holdsPost, ONE.member)}
    return typed & linked


def _sentence(d: URIRef, ev: Evidence) -> URIRef:
    return URIRef(f"{d}#s-{ev.start}")


def _cite(sentence: URIRef, d: URIRef, ev: Evidence, sentences: set[int]) -> Iterator[tuple]:
    """The node `sentence` of `ev`, the first time the document cites it: a sentence states five statements on
    average, and writing it once cut a document's quads by about a fifth (docs/performance.md, "Ninth round")."""
    if ev.start not in sentences:
        sentences.add(ev.start)
        yield sentence, _TYPE, ONE.Sentence
        yield sentence, _DERIVED_FROM, d
        yield sentence, ONE.text, Literal(ev.sentence)
        yield sentence, ONE.charStart, _number(ev.start)
        yield sentence, ONE.charEnd, _number(ev.end)


def _assert(d: URIRef, st: Statement, sentences: set[int]) -> Iterator[tuple]:
    """The statement, its evidence node and its sentence."""
    yield st.subject, st.predicate, st.object
    ev = st.evidence
    sentence = _sentence(d, ev)
    yield from _cite(sentence, d, ev, sentences)
    key = f"{st.subject} {st.predicate} {st.object} {ev.start}"
    node = URIRef(f"{d}#ev-{hashlib.sha1(key.encode()).hexdigest()[:12]}")
    yield node, _TYPE, ONE.Evidence
    yield node, _SUBJECT, st.subject
    yield node, _PREDICATE, st.predicate
    yield node, _OBJECT, st.object
    yield node, ONE.inSentence, sentence
    yield node, ONE.extractedBy, _rule(ev.rule)


# rdflib's own namespaces resolve each term through a method call (see kg/vocab.py), and building a Literal
# checks and converts its value: the terms written for every statement are made once.
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.subject, RDF.predicate, RDF.object
_DERIVED_FROM = PROV.wasDerivedFrom
_LABEL, _PREF_LABEL, _ALT_LABEL = RDFS.label, SKOS.prefLabel, SKOS.altLabel
_rule = lru_cache(maxsize=None)(Literal)  # a few hundred rule names
_number = lru_cache(maxsize=65536)(Literal)  # offsets


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = bind_prefixes(Graph(identifier=ONTOLOGY_GRAPH))
    return g.parse(ONTOLOGY_DIR / "onekg.ttl")


@lru_cache(maxsize=1)
def _reference_file() -> Graph:
    return Graph().parse(REFERENCE_FILE)


def reference_graph(place_keys: Iterable[str]) -> Graph:
    """Reference facts of the mentioned places and of the areas containing them (杨浦区 ⊂ 上海市)."""
    gaz, ref = gazetteer(), _reference_file()
    g = bind_prefixes(Graph(identifier=REFERENCE_GRAPH))
    todo, seen = list(place_keys), set()
    while todo:
        key = todo.pop()
        if key in seen or key not in gaz.places:
            continue
        seen.add(key)
        place, iri = gaz.places[key], place_iri(key)
        if (iri, None, None) in ref:
            for p, o in ref.predicate_objects(iri):
                g.add((iri, p, o))
        else:
            g.add((iri, RDF.type, ONE[place.cls]))
            g.add((iri, SKOS.prefLabel, Literal(place.name, lang="zh")))
            if place.parent:
                g.add((iri, ONE.locatedIn, place_iri(place.parent)))
        if place.parent:
            todo.append(place.parent)
    return g


def labels(names: Iterable[tuple], referenced: set) -> Iterator[tuple]:
    """The labels graph's triples from (entity, mentioned name) pairs, in any order, repeats allowed: each
    entity's rdfs:label is the fullest name the documents write (the longest; among equals the first in
    code-point order), every other name a skos:altLabel, and the rdfs:label its skos:prefLabel unless the
    entity is `referenced` (the reference data gives its prefLabel)."""
    by_entity: dict = {}
    for s, name in names:
        by_entity.setdefault(s, set()).add(str(name))
    for s, found in by_entity.items():
        label = fullest(found)
        name = Literal(label, lang="zh")
        yield s, _LABEL, name
        if s not in referenced:
            yield s, _PREF_LABEL, name
        for alt in sorted(found - {label}):
            yield s, _ALT_LABEL, Literal(alt, lang="zh")


def fullest(names: Iterable[str]) -> str:
    return min(names, key=lambda x: (-len(x), x))


def sync_queries(name: URIRef, scratch: URIRef, parts: list[URIRef], also: URIRef) -> tuple[str, list[str]]:
    """How a store's graph `name` comes to hold what the scratch graphs `parts` (named `scratch`/0, /1, …) hold
    together, triple by triple, with the merged default graph following (`also` is the other graph that may hold
    the same triples): the SPARQL Update of the deletions (`sync-delete.ru`, one transaction), and for each part
    the CONSTRUCT query of what is to be inserted (`sync-insert.rq`), one part at a time: Oxigraph holds a
    transaction's changes in memory, and so would Python the result of one query over every part."""
    graphs = {"graph": f"<{name}>", "scratch": f'"{scratch}/"', "also": f"<{also}>"}
    return (_update_text("sync-delete.ru").substitute(graphs),
            [_update_text("sync-insert.rq").substitute(graphs, next=f"<{part}>") for part in parts])


@lru_cache(maxsize=None)
def _update_text(name: str) -> Template:
    return Template(Path(__file__).with_name(name).read_text(encoding="utf-8"))


def assemble(doc_graphs: Iterable[Graph]) -> Dataset:
    """The dataset: ontology, reference data of mentioned places, each document's graph and the labels."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    _add_graph(ds, ONTOLOGY_GRAPH, ontology_graph())
    keys = set()
    for g in doc_graphs:
        _add_graph(ds, g.identifier, g)
        keys |= place_keys(g.subjects(ONE.mentionedIn, None))
    reference = reference_graph(keys)
    _add_graph(ds, REFERENCE_GRAPH, reference)
    names = ((s, o) for s, _, o, _ in ds.quads((None, ONE.mentionLabel, None, None)))
    _add_graph(ds, LABELS_GRAPH, labels(names, set(reference.subjects(SKOS.prefLabel))))
    return ds


def place_keys(iris: Iterable) -> set[str]:
    """Gazetteer keys of the place IRIs among `iris` (entities of other kinds are left out)."""
    return {unquote(str(s)[len(PLACE_PREFIX):]) for s in iris if str(s).startswith(PLACE_PREFIX)}


def _add_graph(ds: Dataset, name: URIRef, triples: Iterable[tuple]):
    target = ds.graph(name)
    for t in triples:
        target.add(t)
