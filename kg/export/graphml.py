"""GraphML for Gephi: entities as nodes, relations between them as edges, labelled in Chinese."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ..graph.build import ontology_graph
from ..vocab import ENTITY_CLASSES, ONE
from .atomic import atomic_path

CLASS_NAMES = {iri: name for name, iri in ENTITY_CLASSES.items()}
NODE_CLASSES = {**CLASS_NAMES, ONE.Post: "Post", ONE.Membership: "Membership"}
# Annotation and provenance properties are node attributes or nothing, never edges.
NOT_EDGES = {ONE.mentionedIn, ONE.mentionedInSentence}
ATTRIBUTES = (ONE.date, ONE.postTitle, ONE.roleTitle)
LABELS = (RDFS.label, SKOS.prefLabel, ONE.postTitle, ONE.roleTitle)  # where a node's label comes from, in order


@lru_cache(maxsize=1)
def edge_properties() -> tuple[URIRef, ...]:
    """The ontology's object properties that relate two entities."""
    return tuple(sorted(set(ontology_graph().subjects(RDF.type, OWL.ObjectProperty)) - NOT_EDGES))


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Read property by property, never by a scan of the whole graph: at corpus scale the graph is
    mostly evidence, which GraphML leaves out. Sorted throughout, so the same graph gives the same
    file in every process."""
    types: dict[URIRef, set[str]] = defaultdict(set)
    for cls, name in NODE_CLASSES.items():
        for n in g.subjects(RDF.type, cls):
            types[n].add(name)
    values: dict[URIRef, dict[URIRef, list[str]]] = defaultdict(lambda: defaultdict(list))
    for p in dict.fromkeys((*LABELS, *ATTRIBUTES)):
        for s, o in g.subject_objects(p):
            if s in types and isinstance(o, Literal) and (p != RDFS.label or o.language == "zh"):
                values[s][p].append(str(o))
    nxg = nx.MultiDiGraph()
    for n in sorted(types):
        attrs = {str(p).split("#")[-1]: max(vs) for p, vs in values[n].items() if p in ATTRIBUTES}
        nxg.add_node(str(n), label=_label(n, values[n]), type="|".join(sorted(types[n])), **attrs)
    edges = sorted((s, p, o) for p in edge_properties() for s, o in g.subject_objects(p)
                   if s in types and o in types)
    for s, p, o in edges:
        nxg.add_edge(str(s), str(o), key=str(p), predicate=str(p).split("#")[-1])
    return nxg


def _label(n: URIRef, values: dict[URIRef, list[str]]) -> str:
    """The Chinese label the documents write, else the preferred label, else the post or role title."""
    return next((min(values[p]) for p in LABELS if values.get(p)), str(n).rsplit("/", 1)[-1])


def write_graphml(g: Graph, target: Path):
    with atomic_path(target) as tmp:
        nx.write_graphml(to_networkx(g), tmp)
