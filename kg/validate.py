"""`kg validate`: the built graph against the SHACL shapes of `ontology/shapes.ttl`, via pySHACL."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import SH

from .vocab import ONTOLOGY_DIR

SHAPES = ONTOLOGY_DIR / "shapes.ttl"


def validate(data: Graph) -> tuple[bool, str]:
    """(conforms, a readable report: one line per violation with focus node, path and message)."""
    from pyshacl import validate as shacl

    conforms, results, _ = shacl(data, shacl_graph=Graph().parse(SHAPES), inference="none", advanced=True)
    if conforms:
        return True, f"conforms: {len(data)} triples satisfy {SHAPES.name}"
    lines = []
    for r in results.subjects(SH.resultSeverity, None):
        focus, path = results.value(r, SH.focusNode), results.value(r, SH.resultPath)
        message = results.value(r, SH.resultMessage)
        lines.append(f"- {focus} {path or ''}: {message}")
    return False, f"{len(lines)} violation(s):\n" + "\n".join(sorted(lines))
