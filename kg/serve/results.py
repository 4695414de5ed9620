"""Query answers as the SPARQL 1.1 Protocol serves them: content negotiation and the result formats.

SELECT and ASK answers are written here rather than by pyoxigraph's serializer because the endpoint
stops after a row limit, and pyoxigraph serializes only whole result iterators.
"""
from __future__ import annotations

import csv
import io
import json
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Offers in order of preference: the first is the answer to `*/*` or no Accept header.
TABLE_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD, "application/json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/xml": ox.RdfFormat.RDF_XML,
}
# `format=` in the URL, for browsers and curl without headers.
SHORT_NAMES = {
    "json": "application/sparql-results+json, application/ld+json", "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def negotiate(accept: str | None, offers: dict) -> str | None:
    """The offered media type the Accept header prefers (q-values, then specificity, then our order)."""
    if not accept or not accept.strip():
        return next(iter(offers))
    ranges = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    best, best_key = None, None
    for order, offer in enumerate(offers):
        # the most specific range that matches the offer decides its q (RFC 9110, 12.5.1)
        matches = [(spec, q) for media, q in ranges
                   if (spec := {offer: 2, offer.split("/")[0] + "/*": 1, "*/*": 0}.get(media)) is not None]
        if not matches:
            continue
        spec, q = max(matches)
        if q > 0 and (best_key is None or (q, spec, -order) > best_key):
            best, best_key = offer, (q, spec, -order)
    return best


def render(result, accept: str | None, max_rows: int) -> tuple[int, str, bytes, dict]:
    """(status, content type, body, extra headers) for a pyoxigraph query result."""
    offers = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else TABLE_TYPES
    media = negotiate(accept, offers)
    if media is None:
        return 406, "text/plain; charset=utf-8", f"cannot answer as {accept}; offered: {', '.join(offers)}\n".encode(), {}
    headers = {}
    if isinstance(result, ox.QueryBoolean):
        return 200, _ctype(media), _boolean(bool(result), offers[media]), headers
    rows = list(islice(result, max_rows + 1))
    if len(rows) > max_rows:
        rows = rows[:max_rows]
        headers["X-Result-Truncated"] = f"the first {max_rows} results of more (kg serve --max-rows)"
    if isinstance(result, ox.QueryTriples):
        return 200, _ctype(media), ox.serialize(rows, format=offers[media]), headers
    names = [v.value for v in result.variables]
    return 200, _ctype(media), WRITERS[offers[media]](names, rows), headers


def _ctype(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _boolean(answer: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(answer).lower()}</boolean></sparql>\n").encode()
    return f"{str(answer).lower()}\n".encode()  # CSV and TSV define no boolean; say it plainly


def _cells(names, rows):
    for row in rows:
        yield [(name, row[i]) for i, name in enumerate(names)]


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(t, k)) for k in ("subject", "predicate", "object")}}


def _json(names, rows) -> bytes:
    bindings = [{n: _json_term(t) for n, t in cells if t is not None} for cells in _cells(names, rows)]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    parts = "".join(f"<{k}>{_xml_term(getattr(t, k))}</{k}>" for k in ("subject", "predicate", "object"))
    return f"<triple>{parts}</triple>"


def _xml(names, rows) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head><results>")
    for cells in _cells(names, rows):
        out.append("<result>")
        out += [f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>" for n, t in cells if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else str(t)


def _csv(names, rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as SPARQL 1.1 CSV asks
    writer.writerow(names)
    writer.writerows([_csv_value(t) for _, t in cells] for cells in _cells(names, rows))
    return buf.getvalue().encode()


def _tsv(names, rows) -> bytes:
    # pyoxigraph prints terms in N-Triples syntax, the TSV encoding, with tabs and newlines escaped
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for _, t in cells) for cells in _cells(names, rows)]
    return ("\n".join(lines) + "\n").encode()


WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
