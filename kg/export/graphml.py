"""GraphML for Gephi: entities as nodes, relations between them as edges, labelled in Chinese."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..vocab import ENTITY_CLASSES, ONE
from .atomic import atomic_path

CLASS_NAMES = {iri: name for name, iri in ENTITY_CLASSES.items()}
# Annotation and provenance properties are node attributes or nothing, never edges.
NOT_EDGES = {ONE.mentionedIn, RDF.subject, RDF.object, RDF.predicate}


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Sorted throughout, so the same graph gives the same file in every process."""
    nxg = nx.MultiDiGraph()
    nodes = {s for s, o in g.subject_objects(RDF.type) if o in CLASS_NAMES or o in (ONE.Post, ONE.Membership)}
    for n in sorted(nodes):
        types = sorted(CLASS_NAMES.get(t, str(t).split("#")[-1]) for t in g.objects(n, RDF.type))
        nxg.add_node(str(n), label=_label(g, n), type="|".join(types))
    for s, p, o in sorted(g.triples((None, None, None))):
        if s in nodes and isinstance(o, URIRef) and o in nodes and p not in NOT_EDGES:
            nxg.add_edge(str(s), str(o), key=str(p), predicate=str(p).split("#")[-1])
        elif s in nodes and isinstance(o, Literal) and p in (ONE.date, ONE.postTitle, ONE.roleTitle):
            nxg.nodes[str(s)][str(p).split("#")[-1]] = str(o)
    return nxg


def _label(g: Graph, n) -> str:
    """The Chinese label the documents write, else the preferred label, else the post or role title."""
    zh = sorted(str(o) for o in g.objects(n, RDFS.label) if getattr(o, "language", None) == "zh")
    for value in (zh, sorted(map(str, g.objects(n, SKOS.prefLabel))),
                  sorted(map(str, g.objects(n, ONE.postTitle))), sorted(map(str, g.objects(n, ONE.roleTitle)))):
        if value:
            return value[0]
    return str(n).rsplit("/", 1)[-1]


def write_graphml(g: Graph, target: Path):
    with atomic_path(target) as tmp:
        nx.write_graphml(to_networkx(g), tmp)
