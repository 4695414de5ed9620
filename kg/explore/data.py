"""The merged graph as the explorer's view model: entities, statements with evidence, documents.

Everything the page shows comes from here; `page.py` turns it into vis nodes/edges (through pyvis)
and one JSON blob for the panel, search, legend and timeline. Nothing here is HTML: strings stay
plain text and the page renders them as text.

Shape read (see docs/architecture.md): `?e a one:<Class>` entities with rdfs:label/skos labels,
relations between entities, `one:holdsPost` → `one:Post` (`one:postTitle`, `one:postIn`),
`one:Membership` (`one:member`, `one:organization`, `one:roleTitle`), `one:author` (document →
person), literals such as `one:date`, a reified `one:Evidence` node for each statement, and for each entity the
sentences that mention it (`one:mentionedInSentence`), which its types cite.
Posts and memberships are collapsed: 吴清 —担任→ 副市长 (上海市) becomes an edge 吴清 → 上海市
labelled "担任 副市长" whose evidence is that of the triple naming the person (吴清 one:holdsPost the post).

What is read, in this order (docs/performance.md): the subjects of each class and the triples of each
property of the ontology but the evidence's; the entities shown (the `cap` most connected) are chosen from
those; then the evidence of the statements with a shown end and of the shown entities' types, found from
those entities. The other evidence, most of a store, is never read: hidden entities stay listed and
searchable with all their statements, but the page carries evidence only for what is drawn.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from ..vocab import ENTITY_CLASSES, ONE
from .source import Blank, Lit, source

# Most specific first: an entity typed both Person and Official is shown as an Official.
CLASS_ORDER = (
    "Official", "Person", "City", "District", "Province", "Region", "GovernmentBody",
    "Enterprise", "Organization", "Product", "Initiative", "Event", "Technology",
)
OTHER = "Other"  # IRIs a relation points at that carry no entity class
CLASS_COLORS = {
    "Official": "#d62728", "Person": "#ff7f0e", "City": "#1f77b4", "District": "#6baed6",
    "Province": "#08519c", "Region": "#17becf", "GovernmentBody": "#8c564b",
    "Enterprise": "#2ca02c", "Organization": "#8fd175", "Product": "#e377c2",
    "Initiative": "#9467bd", "Event": "#bcbd22", "Technology": "#f2a900", OTHER: "#a0a0a0",
}
OTHER_LABELS = ("其他", "Other")
# Collapsed membership edge (the ontology has a class, not a property, for it).
# sources carried per statement: the panel shows three and counts the rest (explorer.js, evidenceBlock)
EVIDENCE_SHOWN = 3
MEMBERSHIP = "membership"
MEMBERSHIP_LABELS = ("任职", "role in")


class P:
    """The terms used here as plain strings, as `source` reads them (rdflib terms hash in Python)."""

    Document = str(ONE.Document)
    Evidence = str(ONE.Evidence)
    Membership = str(ONE.Membership)
    Post = str(ONE.Post)
    charEnd = str(ONE.charEnd)
    charStart = str(ONE.charStart)
    extractedBy = str(ONE.extractedBy)
    holdsPost = str(ONE.holdsPost)
    member = str(ONE.member)
    mentionLabel = str(ONE.mentionLabel)
    mentionedIn = str(ONE.mentionedIn)
    mentionedInSentence = str(ONE.mentionedInSentence)
    organization = str(ONE.organization)
    path = str(ONE.path)
    postIn = str(ONE.postIn)
    postTitle = str(ONE.postTitle)
    published = str(ONE.published)
    roleTitle = str(ONE.roleTitle)
    inSentence = str(ONE.inSentence)
    text = str(ONE.text)
    source = str(ONE.source)
    textLength = str(ONE.textLength)
    title = str(ONE.title)
    type = str(RDF.type)
    subject = str(RDF.subject)
    predicate = str(RDF.predicate)
    object = str(RDF.object)
    wasDerivedFrom = str(PROV.wasDerivedFrom)
    label = str(RDFS.label)
    prefLabel = str(SKOS.prefLabel)
    altLabel = str(SKOS.altLabel)


_ONE_NS = str(ONE._NS)
_CLASS_IRI = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
_READ_CLASSES = (*_CLASS_IRI, P.Document, P.Post, P.Membership)
_LABEL_PROPS = {P.label, P.prefLabel, P.altLabel, P.mentionLabel}
_EVIDENCE_PROPS = {P.subject, P.predicate, P.object, P.wasDerivedFrom, P.inSentence, P.text,
                   P.charStart, P.charEnd, P.extractedBy}
_DOC_PROPS = {P.title, P.published, P.source, P.path, P.textLength}
_DISPATCH = {P.type: 0, **{p: 1 for p in _LABEL_PROPS}, **{p: 2 for p in _EVIDENCE_PROPS},
             **{p: 3 for p in _DOC_PROPS}, P.mentionedIn: 4}
_KIND_ORDER = {Blank: "BNode", Lit: "Literal"}  # objects of the same text sort as rdflib's type names did


class FocusNotFound(ValueError):
    """`focus` names no entity of the graph."""


@dataclass
class Entity:
    iri: str
    cls: str
    label: str
    labels_zh: list[str] = field(default_factory=list)   # every rdfs:label@zh
    pref: list[str] = field(default_factory=list)        # skos:prefLabel
    alt: list[str] = field(default_factory=list)         # skos:altLabel and mention labels
    other: list[str] = field(default_factory=list)       # labels in other languages (English)
    docs: list[int] = field(default_factory=list)
    type_ev: list[int] = field(default_factory=list)  # the first EVIDENCE_SHOWN sources of its types
    n_type_ev: int = 0                                 # and how many it has
    degree: int = 0


@dataclass
class Statement:
    prop: str                   # property key (local name, or MEMBERSHIP)
    s: int | None = None        # subject entity
    sd: int | None = None       # subject document (one:author)
    o: int | None = None        # object entity
    od: int | None = None       # object document
    value: str | None = None    # literal object, or the post / role title of a collapsed edge
    ev: list[int] = field(default_factory=list)  # the first EVIDENCE_SHOWN sources
    n_ev: int = 0                                # and how many it has
    triple: tuple = ()          # the triple whose evidence is the statement's


@dataclass
class View:
    entities: list[Entity]
    statements: list[Statement]
    docs: list[dict]
    sentences: list[str]
    evidence: list[tuple[int, int, int | None, int | None]]  # (sentence, document or -1, start, end)
    props: dict[str, tuple[str, str]]       # key → (zh, en)
    classes: dict[str, tuple[str, str]]     # key → (zh, en)
    shown: list[int] = field(default_factory=list)
    focus: dict | None = None

    def relations(self):
        """Statements drawn as edges: entity → entity."""
        return [st for st in self.statements if st.s is not None and st.o is not None]


def text(value) -> str:
    """A literal or sentence as one line of plain text (runs of blanks, from boilerplate blanking, collapsed).
    str.split and a regular expression's \\s agree on what a blank is, for every code point."""
    return " ".join(_lexical(value).split())


def local_name(iri) -> str:
    s = str(iri)
    for sep in ("#", "/"):
        if sep in s.rstrip(sep):
            s = s.rstrip(sep).rsplit(sep, 1)[1]
    return unquote(s)


def _lexical(term) -> str:
    return term.value if isinstance(term, Lit) else str(term)


def _is_iri(term) -> bool:
    return isinstance(term, str) and not isinstance(term, Blank)


def _fullest(values) -> str:
    return min(values, key=lambda x: (-len(x), x))


def _labels(onto: Graph, iri) -> tuple[str, str]:
    zh = en = None
    for o in onto.objects(URIRef(iri), RDFS.label):
        if isinstance(o, Literal):
            if o.language == "zh" and zh is None:
                zh = str(o)
            elif o.language == "en" and en is None:
                en = str(o)
    name = local_name(iri)
    return zh or en or name, en or name


def build_view(graph: Graph, onto: Graph, *, cap: int = 1500, focus: str | None = None, hops: int = 1) -> View:
    if cap < 1:
        raise ValueError("cap must be at least 1")
    if hops < 0:
        raise ValueError("hops must be 0 or more")
    src = source(graph)
    view = _view(_read(src, _properties(onto)), onto)
    if focus is not None:
        _restrict(view, focus, hops)
    view.shown = _most_connected(view, cap)
    _add_evidence(view, src)
    return view


# ---------------------------------------------------------------- reading

@dataclass
class _Triples:
    """The triples read, by kind: types, labels, document fields, the documents mentioning each subject and the
    rest (relations, literals)."""

    types: dict = field(default_factory=lambda: defaultdict(set))
    labels: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    doc_fields: dict = field(default_factory=lambda: defaultdict(dict))
    mentioned: dict = field(default_factory=lambda: defaultdict(list))
    rest: set = field(default_factory=set)
    evidence_like: set = field(default_factory=set)  # subjects with evidence fields: never an Other entity
    others: set = field(default_factory=set)          # untyped IRIs an entity's relation points at

    def add(self, triples):
        for s, p, o in triples:
            self.add_pairs(p, ((s, o),))

    def add_pairs(self, p: str, pairs):
        """The triples of `p`, as (subject, object). Sorted by kind once per predicate rather than once per
        triple: a store has millions, most of them of a few predicates."""
        kind = _DISPATCH.get(p)
        if kind is None:
            self.rest.update((s, p, o) for s, o in pairs)
        elif kind == 0:
            for s, o in pairs:
                self.types[s].add(o)
        elif kind == 1:
            for s, o in pairs:
                self.labels[s][p].add(o)
        elif kind == 2:
            self.evidence_like.update(s for s, _ in pairs)
        elif kind == 3:
            for s, o in pairs:
                self.doc_fields[s][p] = o
        else:  # the most common triple, and never a statement: kept apart from the rest, which is sorted
            for s, o in pairs:
                self.mentioned[s].append(o)

    def of_type(self, cls: str) -> set:
        return {s for s, t in self.types.items() if cls in t}


def _properties(onto: Graph) -> list[str]:
    """Every predicate kg writes but rdf:type and the evidence's (the sentences an entity's types cite
    included): the ontology's properties (kg.vocab.ONE names no other, tests/test_ontology.py) and the
    label properties."""
    declared = {str(p) for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in onto.subjects(RDF.type, t)}
    return sorted((declared | {P.label, P.prefLabel, P.altLabel}) - _EVIDENCE_PROPS - {P.mentionedInSentence})


def _read(src, properties: list[str]) -> _Triples:
    """The entity, document, post and membership classes' subjects and the triples of `properties`, then
    every triple of the untyped IRIs an entity's relations point at. No evidence node is read."""
    read = _Triples()
    for c, subjects in src.subjects(_READ_CLASSES):
        read.add_pairs(P.type, ((s, c) for s in subjects))
    for p, pairs in src.pairs(properties):
        read.add_pairs(p, pairs)
    read.others = _other_candidates(read)
    for o in read.others:
        read.add(src.triples(o))
    return read


def _other_candidates(read: _Triples) -> set:
    """Untyped IRIs that a relation of an entity of some class points at (not those an Other points at)."""
    classed = {s for s, t in read.types.items() if _is_iri(s) and not t.isdisjoint(_CLASS_IRI)}
    known = set(read.types)  # entities, documents, posts, memberships
    return {o for s, p, o in read.rest
            if s in classed and _is_iri(o) and o not in known
            and p != P.holdsPost and p.startswith(_ONE_NS)}


# ---------------------------------------------------------------- the view without evidence

def _view(read: _Triples, onto: Graph) -> View:
    rest = _in_order(read.rest)  # statements keep this order
    docs, doc_index = _documents(read)
    entities = _entities(read)
    index = {e.iri: i for i, e in enumerate(entities)}
    statements, used_props = _statements(read, rest, index, doc_index, entities)
    for e in entities:
        e.docs = sorted(set(e.docs))
    for st in statements:
        if st.s is not None and st.o is not None and st.s != st.o:
            entities[st.s].degree += 1
            entities[st.o].degree += 1

    props = {_key(p): _labels(onto, p) for p in sorted(used_props)}
    props[MEMBERSHIP] = MEMBERSHIP_LABELS
    props["type"] = _labels(onto, RDF.type) if (RDF.type, RDFS.label, None) in onto else ("类型", "type")
    classes = {name: _labels(onto, ONE[name]) for name in CLASS_ORDER}
    classes[OTHER] = OTHER_LABELS
    return View(entities=entities, statements=statements, docs=docs, sentences=[], evidence=[],
                props=props, classes=classes)


def _in_order(triples) -> list:
    """The triples sorted by subject, predicate, object's text and kind."""
    return sorted(triples, key=lambda t: (t[0], t[1], _lexical(t[2]), _KIND_ORDER.get(type(t[2]), "URIRef")))


def _documents(read: _Triples) -> tuple[list[dict], dict]:
    doc_iris = sorted(read.of_type(P.Document))
    docs = []
    for d in doc_iris:
        f = read.doc_fields.get(d, {})
        docs.append({
            "iri": d,
            "title": text(f.get(P.title, "")) or local_name(d),
            "published": _lexical(f.get(P.published, "")),
            "source": text(f.get(P.source, "")),
            "path": _lexical(f.get(P.path, "")),
        })
    return docs, {d: i for i, d in enumerate(doc_iris)}


def _entities(read: _Triples) -> list[Entity]:
    """Entities in IRI order: the subjects of an entity class, and as Other the untyped IRIs an entity's
    relations point at (evidence nodes excepted)."""
    classes = {}
    for s, t in read.types.items():
        names = [_CLASS_IRI[c] for c in t if c in _CLASS_IRI]
        if names and _is_iri(s):
            classes[s] = min(names, key=CLASS_ORDER.index)
    for o in read.others:
        if o not in read.evidence_like and P.Evidence not in read.types.get(o, ()):
            classes[o] = OTHER
    return [_entity(e, classes[e], read.labels.get(e, {})) for e in sorted(classes)]


def _statements(read: _Triples, rest: list, index: dict, doc_index: dict, entities: list[Entity]):
    """The statements about entities, in `rest`'s order, then the collapsed posts and memberships; each
    with the triple whose evidence it cites. Also fills each entity's documents. Returns (statements, properties)."""
    posts, memberships = read.of_type(P.Post), read.of_type(P.Membership)
    statements: list[Statement] = []
    post_title: dict = defaultdict(list)
    post_in: dict = defaultdict(list)
    holds: list = []
    m_member: dict = defaultdict(list)
    m_org: dict = defaultdict(list)
    m_role: dict = defaultdict(list)
    used_props: set = set()
    for s, p, o in rest:
        if s in posts and p == P.postTitle:
            post_title[s].append(o)
        elif s in posts and p == P.postIn:
            post_in[s].append(o)
        elif s in memberships and p == P.member:
            m_member[s].append(o)
        elif s in memberships and p == P.organization:
            m_org[s].append(o)
        elif s in memberships and p == P.roleTitle:
            m_role[s].append(o)
        elif p == P.holdsPost and s in index:
            holds.append((s, o))
        elif s in index:
            st = Statement(prop=_key(p), s=index[s], triple=(s, p, o))
            if isinstance(o, Lit):
                st.value = text(o)
            elif o in index:
                st.o = index[o]
            elif o in doc_index:
                st.od = doc_index[o]
            else:
                continue
            used_props.add(p)
            statements.append(st)
        elif s in doc_index and o in index:
            used_props.add(p)
            statements.append(Statement(prop=_key(p), sd=doc_index[s], o=index[o], triple=(s, p, o)))
    for s, docs in read.mentioned.items():
        if s in index:
            entities[index[s]].docs.extend(doc_index[d] for d in docs if d in doc_index)
    for person, post in holds:
        titles = sorted({text(t) for t in post_title.get(post, [])}) or [local_name(post)]
        places = [pl for pl in post_in.get(post, []) if pl in index] or [None]
        for place in places:
            # cites the person's own triple: a post is shared by all its holders, so the sentences of its
            # title and place name the other holders too
            statements.append(Statement(
                prop="holdsPost", s=index[person], o=index[place] if place is not None else None,
                value="、".join(titles), triple=(person, P.holdsPost, post)))
        used_props.add(P.holdsPost)
    for m in sorted(memberships):
        roles = sorted({text(r) for r in m_role.get(m, [])})
        for person in m_member.get(m, []):
            if person not in index:
                continue
            for org in [o for o in m_org.get(m, []) if o in index] or [None]:
                statements.append(Statement(
                    prop=MEMBERSHIP, s=index[person], o=index[org] if org is not None else None,
                    value="、".join(roles) or None, triple=(m, P.member, person)))  # the person's, as a post's
    return statements, used_props


def _most_connected(view: View, cap: int) -> list[int]:
    """The `cap` entities with most relations (ties by label, then IRI), in entity order."""
    ranked = sorted(range(len(view.entities)),
                    key=lambda i: (-view.entities[i].degree, view.entities[i].label, view.entities[i].iri))
    return sorted(ranked[:cap])


# ---------------------------------------------------------------- evidence of what is shown

def _add_evidence(view: View, src):
    """Evidence for the statements with a shown end and for the shown entities' types: of each, its first
    EVIDENCE_SHOWN sources (sentences), a statement's in the order of its evidence nodes' IRIs, a type's the
    sentences mentioning the entity in the order of theirs, then those of its types' evidence nodes; and how
    many it has. Only the sentences of those are read: at 10^4 documents a place is mentioned in thousands."""
    shown = set(view.shown)
    statements = [st for st in view.statements if st.s in shown or st.o in shown]
    entities = [view.entities[i] for i in view.shown]
    mentions = defaultdict(set)
    for e, sentence in src.objects(P.mentionedInSentence, {e.iri for e in entities}):
        mentions[e].add(sentence)
    typed = {e.iri: _type_triples(e.iri) for e in entities}
    wanted = {st.triple for st in statements} | {t for ts in typed.values() for t in ts}
    rows = _evidence_rows(src, wanted, hidden={e.iri for e in view.entities} - {e.iri for e in entities})

    by_triple: dict = defaultdict(dict)  # triple → {its sentences, in the order of their first nodes: None}
    for node in sorted(rows):
        _, s, p, o, sentence = rows[node]
        by_triple[(s, p, o)].setdefault(sentence)

    def sources(triples, first=()) -> tuple[list, int]:
        merged: dict = dict.fromkeys(first)  # one sentence read for several triples counts once
        for t in triples:
            merged.update(by_triple.get(t, {}))
        return list(merged)[:EVIDENCE_SHOWN], len(merged)

    picked = [(st, *sources([st.triple])) for st in statements]
    picked += [(e, *sources(typed[e.iri], sorted(mentions[e.iri]))) for e in entities]
    cited = {s: rest for s, *rest in src.sentences({s for _, first, _ in picked for s in first} - {None})}
    doc_index = {d["iri"]: i for i, d in enumerate(view.docs)}
    sentence_index: dict[str, int] = {}
    evidence_of: dict = {}  # sentence → its evidence id: a sentence shown for many statements is cleaned once

    def number(sentence) -> int:
        if sentence not in evidence_of:
            doc, start, end, said = cited.get(sentence, (None, None, None, None))
            said = text(said or "")
            si = sentence_index.setdefault(said, len(view.sentences))
            if si == len(view.sentences):
                view.sentences.append(said)
            evidence_of[sentence] = len(view.evidence)
            view.evidence.append((si, doc_index.get(doc, -1), _int(start), _int(end)))
        return evidence_of[sentence]

    for item, first, total in picked:
        ids = [number(sentence) for sentence in first]
        if isinstance(item, Statement):
            item.ev, item.n_ev = ids, total
        else:
            item.type_ev, item.n_type_ev = ids, total


def _type_triples(iri: str) -> list[tuple]:
    """The entity's possible type triples. A type that a rule states (a campaign's Initiative) keeps an evidence
    node, as every type did in stores built before 2026-12-04: its sentences are the entity's sources too."""
    return [(iri, P.type, c) for c in _CLASS_IRI]


def _evidence_rows(src, wanted: set, hidden: set) -> dict:
    """{node: row} for the evidence nodes of the triples `wanted`. A triple's nodes are found from its
    subject, or from its object where the subject is a hidden entity: looking a hidden entity up would
    read all its evidence, which the page does not show."""
    subjects = {s for s, _, _ in wanted if s not in hidden}
    objects = {o for s, _, o in wanted if s in hidden}
    return {row[0]: row for row in src.evidence(subjects, objects) if row[1:4] in wanted}


def _entity(iri, cls: str, labels: dict) -> Entity:
    """An entity with its labels, each literal's text made once (a store has hundreds of thousands)."""
    def texts(prop):
        return [(t, _zh(o)) for o in labels.get(prop, ()) if (t := text(o))]

    label_texts, pref_texts = texts(P.label), texts(P.prefLabel)
    labels_zh = sorted({t for t, zh in label_texts if zh})
    pref = sorted({t for t, _ in pref_texts})
    other = sorted({t for t, zh in (*label_texts, *pref_texts) if not zh})
    label = (_fullest(labels_zh) if labels_zh else _fullest(pref) if pref else
             _fullest(other) if other else local_name(iri) or str(iri))
    seen = {label, *labels_zh, *pref, *other}
    alt = sorted({t for prop in (P.altLabel, P.mentionLabel) for t, _ in texts(prop)} - seen)
    return Entity(iri=str(iri), cls=cls, label=label, labels_zh=labels_zh, pref=pref, alt=alt, other=other)


def _zh(term) -> bool:
    """Whether a label is Chinese: tagged zh (or zh-*), or untagged."""
    lang = term.lang if isinstance(term, Lit) else None
    return lang is None or lang.startswith("zh")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=None)  # a few properties, once per statement
def _key(p) -> str:
    return local_name(p) if str(p).startswith(_ONE_NS) else str(p)


def _restrict(view: View, focus: str, hops: int):
    """Keep the entities within `hops` relations of the entity labelled `focus` (and their statements)."""
    def names(e: Entity):
        return {e.label, *e.labels_zh, *e.pref, *e.alt, *e.other}

    hits = [i for i, e in enumerate(view.entities) if e.label == focus] or \
           [i for i, e in enumerate(view.entities) if focus in names(e)]
    if not hits:
        near = sorted({e.label for e in view.entities if focus in e.label or e.label in focus})[:5]
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise FocusNotFound(f"no entity labelled {focus!r}{hint}")
    start = max(hits, key=lambda i: (view.entities[i].degree, -i))
    adj = defaultdict(set)
    for st in view.relations():
        adj[st.s].add(st.o)
        adj[st.o].add(st.s)
    keep, frontier = {start}, {start}
    for _ in range(hops):
        frontier = {n for f in frontier for n in adj[f]} - keep
        keep |= frontier
    old = sorted(keep)
    new_index = {o: n for n, o in enumerate(old)}
    statements = []
    for st in view.statements:
        if (st.s is None or st.s in keep) and (st.o is None or st.o in keep) and (st.s is not None or st.o is not None):
            st.s = new_index.get(st.s) if st.s is not None else None
            st.o = new_index.get(st.o) if st.o is not None else None
            statements.append(st)
    view.entities = [view.entities[i] for i in old]
    view.statements = statements
    for e in view.entities:
        e.degree = 0
    for st in view.relations():
        if st.s != st.o:
            view.entities[st.s].degree += 1
            view.entities[st.o].degree += 1
    view.focus = {"label": view.entities[new_index[start]].label, "hops": hops, "entity": new_index[start]}
