"""The merged graph of a Dataset: what `kg.ttl` holds (the RDF files themselves are written by Oxigraph,
`kg.store.GraphStore.dump`)."""
from __future__ import annotations

from rdflib import Dataset, Graph

from ..graph.build import bind_prefixes
from ..vocab import ONTOLOGY_GRAPH


def merged_graph(ds: Dataset) -> Graph:
    """Every graph but the ontology's, as one graph (the ontology is referenced by IRI)."""
    g = bind_prefixes(Graph())
    for ctx in ds.graphs():
        if ctx.identifier != ONTOLOGY_GRAPH:
            g += ctx
    return g
