"""The SPARQL 1.1 endpoint over the graph store (`kg serve`), read-only, with a time and a row limit.
See docs/store.md. Kept free of rdflib imports: query workers are spawned processes that import this."""
from .server import refusal, serve

__all__ = ["refusal", "serve"]
