"""The persistent graph store (Oxigraph on disk, used through rdflib), incremental ingest, and upload to
other SPARQL servers. See docs/store.md.

    from kg.store import GraphStore, ingest, load
    with GraphStore("exports/store", write=True) as store:
        documents, errors = load([Path("articles")])
        print(ingest(store, documents).line())
        store.graph().query("SELECT …")        # the merged graph, in place
"""
from .ingest import Report, ingest, load, refresh, remove
from .store import DEFAULT_STORE, GraphStore, StoreError

__all__ = ["DEFAULT_STORE", "GraphStore", "Report", "StoreError", "ingest", "load", "refresh", "remove"]
