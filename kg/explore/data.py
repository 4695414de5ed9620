"""The merged graph as the explorer's view model: entities, statements with evidence, documents.

Everything the page shows comes from here; `page.py` turns it into vis nodes/edges (through pyvis)
and one JSON blob for the panel, search, legend and timeline. Nothing here is HTML: strings stay
plain text and the page renders them as text.

Shape read (see docs/architecture.md): `?e a one:<Class>` entities with rdfs:label/skos labels,
relations between entities, `one:holdsPost` → `one:Post` (`one:postTitle`, `one:postIn`),
`one:Membership` (`one:member`, `one:organization`, `one:roleTitle`), `one:author` (document →
person), literals such as `one:date`, and a reified `one:Evidence` node for each statement.
Posts and memberships are collapsed: 吴清 —担任→ 副市长 (上海市) becomes an edge 吴清 → 上海市
labelled "担任 副市长" whose evidence is that of the three triples it stands for.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from ..store.store import graph_triples
from ..vocab import ENTITY_CLASSES, ONE

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
MEMBERSHIP = "membership"
MEMBERSHIP_LABELS = ("任职", "role in")


class P:
    """The ontology terms used here as plain URIRefs (DefinedNamespace attribute access is slow in loops)."""

    Document = ONE.Document
    Evidence = ONE.Evidence
    Membership = ONE.Membership
    Post = ONE.Post
    charEnd = ONE.charEnd
    charStart = ONE.charStart
    extractedBy = ONE.extractedBy
    holdsPost = ONE.holdsPost
    member = ONE.member
    mentionLabel = ONE.mentionLabel
    mentionedIn = ONE.mentionedIn
    organization = ONE.organization
    path = ONE.path
    postIn = ONE.postIn
    postTitle = ONE.postTitle
    published = ONE.published
    roleTitle = ONE.roleTitle
    sentence = ONE.sentence
    source = ONE.source
    textLength = ONE.textLength
    title = ONE.title
    type = RDF.type
    subject = RDF.subject
    predicate = RDF.predicate
    object = RDF.object
    wasDerivedFrom = PROV.wasDerivedFrom
    label = RDFS.label
    prefLabel = SKOS.prefLabel
    altLabel = SKOS.altLabel


_ONE_NS = str(ONE._NS)
_CLASS_IRI = {iri: name for name, iri in ENTITY_CLASSES.items()}
_LABEL_PROPS = {P.label, P.prefLabel, P.altLabel, P.mentionLabel}
_EVIDENCE_PROPS = {P.subject, P.predicate, P.object, P.wasDerivedFrom, P.sentence,
                   P.charStart, P.charEnd, P.extractedBy}
_DOC_PROPS = {P.title, P.published, P.source, P.path, P.textLength}
_DISPATCH = {str(P.type): 0, **{str(p): 1 for p in _LABEL_PROPS}, **{str(p): 2 for p in _EVIDENCE_PROPS},
             **{str(p): 3 for p in _DOC_PROPS}}
_SPACE = re.compile(r"\s+")


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
    type_ev: list[int] = field(default_factory=list)
    degree: int = 0


@dataclass
class Statement:
    prop: str                   # property key (local name, or MEMBERSHIP)
    s: int | None = None        # subject entity
    sd: int | None = None       # subject document (one:author)
    o: int | None = None        # object entity
    od: int | None = None       # object document
    value: str | None = None    # literal object, or the post / role title of a collapsed edge
    ev: list[int] = field(default_factory=list)


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
    """A literal or sentence as one line of plain text (runs of blanks, from boilerplate blanking, collapsed)."""
    return _SPACE.sub(" ", str(value)).strip()


def local_name(iri) -> str:
    s = str(iri)
    for sep in ("#", "/"):
        if sep in s.rstrip(sep):
            s = s.rstrip(sep).rsplit(sep, 1)[1]
    return unquote(s)


def _fullest(values) -> str:
    return min(values, key=lambda x: (-len(x), x))


def _labels(onto: Graph, iri) -> tuple[str, str]:
    zh = en = None
    for o in onto.objects(iri, P.label):
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
    types: dict = defaultdict(set)
    labels: dict = defaultdict(lambda: defaultdict(set))
    ev_fields: dict = defaultdict(dict)
    doc_fields: dict = defaultdict(dict)
    rest: list = []
    for s, p, o in graph_triples(graph):
        kind = _DISPATCH.get(str(p))  # plain-str lookup: rdflib's term __eq__ is slow at 10⁵ triples
        if kind is None:
            rest.append((s, p, o))
        elif kind == 0:
            types[s].add(o)
        elif kind == 1:
            labels[s][p].add(o)
        elif kind == 2:
            ev_fields[s][p] = o
        else:
            doc_fields[s][p] = o

    # once each (a Dataset yields a triple once per named graph holding it), in a stable order
    rest = sorted(set(rest), key=lambda t: (str(t[0]), str(t[1]), str(t[2]), type(t[2]).__name__))

    # documents
    doc_iris = sorted((s for s, t in types.items() if P.Document in t), key=str)
    doc_index = {d: i for i, d in enumerate(doc_iris)}
    docs = []
    for d in doc_iris:
        f = doc_fields.get(d, {})
        docs.append({
            "iri": str(d),
            "title": text(f.get(P.title, "")) or local_name(d),
            "published": str(f.get(P.published, "")),
            "source": text(f.get(P.source, "")),
            "path": str(f.get(P.path, "")),
        })

    # entities
    ent_iris: dict = {}
    for s, t in types.items():
        names = [_CLASS_IRI[c] for c in t if c in _CLASS_IRI]
        if names and isinstance(s, URIRef):
            ent_iris[s] = min(names, key=CLASS_ORDER.index)
    posts = {s for s, t in types.items() if P.Post in t}
    memberships = {s for s, t in types.items() if P.Membership in t}
    evidence_nodes = {s for s, t in types.items() if P.Evidence in t} | set(ev_fields)
    skip_subjects = posts | memberships | evidence_nodes | set(doc_iris)
    # untyped IRIs a relation of an entity points at become "Other" entities
    for s, p, o in rest:
        if (s in ent_iris and isinstance(o, URIRef) and o not in ent_iris and o not in skip_subjects
                and p not in (P.mentionedIn, P.holdsPost) and str(p).startswith(_ONE_NS)):
            ent_iris[o] = OTHER

    order = sorted(ent_iris, key=str)
    index = {e: i for i, e in enumerate(order)}
    entities = [_entity(e, ent_iris[e], labels.get(e, {})) for e in order]

    # evidence: (s, p, o) → evidence ids
    sentences: list[str] = []
    sentence_index: dict[str, int] = {}
    evidence: list = []
    evidence_index: dict = {}
    ev_by_triple: dict = defaultdict(list)
    for node in sorted(evidence_nodes, key=str):
        f = ev_fields.get(node, {})
        if P.subject not in f or P.predicate not in f or P.object not in f:
            continue
        sentence = text(f.get(P.sentence, ""))
        si = sentence_index.setdefault(sentence, len(sentences))
        if si == len(sentences):
            sentences.append(sentence)
        start, end = f.get(P.charStart), f.get(P.charEnd)
        key = (si, doc_index.get(f.get(P.wasDerivedFrom), -1),
               _int(start), _int(end))
        ei = evidence_index.setdefault(key, len(evidence))  # one sentence read for several triples
        if ei == len(evidence):
            evidence.append(key)
        ev_by_triple[(f[P.subject], f[P.predicate], f[P.object])].append(ei)

    for e, i in index.items():
        entities[i].type_ev = [x for c in sorted(types.get(e, ()), key=str) for x in ev_by_triple.get((e, P.type, c), [])]

    # statements
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
            if p == P.mentionedIn:
                if o in doc_index:
                    entities[index[s]].docs.append(doc_index[o])
                continue
            st = Statement(prop=_key(p), s=index[s], ev=list(ev_by_triple.get((s, p, o), [])))
            if isinstance(o, Literal):
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
            statements.append(Statement(prop=_key(p), sd=doc_index[s], o=index[o],
                                        ev=list(ev_by_triple.get((s, p, o), []))))
    for person, post in holds:
        titles = sorted({text(t) for t in post_title.get(post, [])}) or [local_name(post)]
        places = [pl for pl in post_in.get(post, []) if pl in index] or [None]
        base_ev = ev_by_triple.get((person, P.holdsPost, post), [])
        title_ev = [x for t in post_title.get(post, []) for x in ev_by_triple.get((post, P.postTitle, t), [])]
        for place in places:
            place_ev = ev_by_triple.get((post, P.postIn, place), []) if place is not None else []
            statements.append(Statement(
                prop="holdsPost", s=index[person], o=index[place] if place is not None else None,
                value="、".join(titles), ev=_unique(base_ev + title_ev + place_ev)))
        used_props.add(P.holdsPost)
    for m in sorted(memberships, key=str):
        roles = sorted({text(r) for r in m_role.get(m, [])})
        role_ev = [x for r in m_role.get(m, []) for x in ev_by_triple.get((m, P.roleTitle, r), [])]
        for person in m_member.get(m, []):
            if person not in index:
                continue
            person_ev = ev_by_triple.get((m, P.member, person), [])
            for org in [o for o in m_org.get(m, []) if o in index] or [None]:
                org_ev = ev_by_triple.get((m, P.organization, org), []) if org is not None else []
                statements.append(Statement(
                    prop=MEMBERSHIP, s=index[person], o=index[org] if org is not None else None,
                    value="、".join(roles) or None, ev=_unique(person_ev + role_ev + org_ev)))

    for e in entities:
        e.docs = sorted(set(e.docs))
    for st in statements:
        if st.s is not None and st.o is not None and st.s != st.o:
            entities[st.s].degree += 1
            entities[st.o].degree += 1

    props = {_key(p): _labels(onto, p) for p in sorted(used_props, key=str)}
    props[MEMBERSHIP] = MEMBERSHIP_LABELS
    props["type"] = _labels(onto, P.type) if (P.type, P.label, None) in onto else ("类型", "type")
    classes = {name: _labels(onto, ONE[name]) for name in CLASS_ORDER}
    classes[OTHER] = OTHER_LABELS

    view = View(entities=entities, statements=statements, docs=docs, sentences=sentences,
                evidence=evidence, props=props, classes=classes)
    if focus is not None:
        _restrict(view, focus, hops)
    pool = range(len(view.entities))
    ranked = sorted(pool, key=lambda i: (-view.entities[i].degree, view.entities[i].label, view.entities[i].iri))
    view.shown = sorted(ranked[:cap])
    return view


def _entity(iri, cls: str, labels: dict) -> Entity:
    def lits(prop, zh_only=None):
        out = []
        for o in labels.get(prop, ()):
            lang = getattr(o, "language", None)
            if zh_only is True and lang not in ("zh", None) and not str(lang).startswith("zh"):
                continue
            if zh_only is False and (lang is None or str(lang).startswith("zh")):
                continue
            out.append(text(o))
        return sorted(set(x for x in out if x))

    labels_zh = lits(P.label, True)
    pref = lits(P.prefLabel)
    other = sorted(set(lits(P.label, False)) | set(x for x in lits(P.prefLabel, False)))
    label = (_fullest(labels_zh) if labels_zh else _fullest(pref) if pref else
             _fullest(other) if other else local_name(iri) or str(iri))
    seen = {label, *labels_zh, *pref, *other}
    alt = [a for a in sorted(set(lits(P.altLabel)) | set(lits(P.mentionLabel))) if a not in seen]
    return Entity(iri=str(iri), cls=cls, label=label, labels_zh=labels_zh, pref=pref, alt=alt, other=other)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _key(p) -> str:
    return local_name(p) if str(p).startswith(_ONE_NS) else str(p)


def _unique(xs):
    return list(dict.fromkeys(xs))


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
