"""RDF exports: Turtle and JSON-LD of the merged graph, TriG with the per-document named graphs."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from ..graph.build import bind_prefixes
from ..vocab import ONTOLOGY_GRAPH
from .atomic import atomic_path


def merged_graph(ds: Dataset) -> Graph:
    """Every graph but the ontology's, as one graph (the ontology is referenced by IRI)."""
    g = bind_prefixes(Graph())
    for ctx in ds.graphs():
        if ctx.identifier != ONTOLOGY_GRAPH:
            g += ctx
    return g


def write(graph: Graph | Dataset, target: Path, fmt: str):
    with atomic_path(target) as tmp:
        graph.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
