"""Saved SPARQL queries (`*.rq` beside this file) and how their answers are printed."""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

HERE = Path(__file__).parent


def saved() -> dict[str, Path]:
    return {p.stem: p for p in sorted(HERE.glob("*.rq"))}


def describe(name: str) -> str:
    """The first comment line of a saved query."""
    first = saved()[name].read_text(encoding="utf-8").splitlines()[0]
    return first.lstrip("# ").strip()


def resolve_text(spec: str) -> str:
    """A saved query's name, a .rq file, or SPARQL text itself."""
    if spec in saved():
        return saved()[spec].read_text(encoding="utf-8")
    path = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and path.is_file()):
        if not path.is_file():
            raise ValueError(f"no such query file: {spec}")
        return path.read_text(encoding="utf-8")
    if any(word in spec.upper() for word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return spec
    raise ValueError(f"unknown query {spec!r}: not a saved query (see `kg query --list`), a .rq file or SPARQL")


def run(graph: Graph, spec: str) -> Result:
    return graph.query(resolve_text(spec))


def rows(graph: Graph, spec: str) -> list[dict[str, str]]:
    """Answers as dicts of column -> text ('' for unbound)."""
    result = run(graph, spec)
    names = [str(v) for v in result.vars]
    return [{n: ("" if v is None else str(v)) for n, v in zip(names, row)} for row in result]


def render(result: Result, fmt: str) -> str:
    """json: SPARQL 1.1 Query Results JSON; csv: SPARQL 1.1 CSV; table: aligned columns for people."""
    if fmt in ("json", "csv"):
        buf = io.BytesIO()
        result.serialize(destination=buf, format=fmt, encoding="utf-8")
        return buf.getvalue().decode("utf-8")
    if result.type != "SELECT":
        return result.serialize(format="turtle").decode("utf-8") if result.type in ("CONSTRUCT", "DESCRIBE") else str(result.askAnswer)
    names = [str(v) for v in result.vars]
    table = [["" if v is None else str(v) for v in row] for row in result]
    return format_table(names, table)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def format_table(header: list[str], table: list[list[str]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in table]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in table]
    out.append(f"({len(table)} rows)")
    return "\n".join(out) + "\n"
