"""Other SPARQL servers (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever): upload the store through
the SPARQL 1.1 Graph Store HTTP Protocol, and run queries through the SPARQL 1.1 Protocol."""
from __future__ import annotations

import base64
import http.client
import io
import tempfile
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox
from rdflib import Graph
from rdflib.query import Result

from ..vocab import ONTOLOGY_GRAPH
from .store import GraphStore

# N-Triples is a subset of Turtle; `text/turtle` is the one type every Graph Store server accepts.
UPLOAD_TYPE = "text/turtle; charset=utf-8"


class RemoteError(Exception):
    """The server answered with an error; one line for the user."""


class Server:
    """One keep-alive connection to a server, HTTP or HTTPS, with the URL's user:password as Basic auth."""

    def __init__(self, url: str, timeout: float = 300):
        self.url = urlsplit(url)
        if self.url.scheme not in ("http", "https") or not self.url.hostname:
            raise RemoteError(f"not an http(s) URL: {url}")
        kind = http.client.HTTPSConnection if self.url.scheme == "https" else http.client.HTTPConnection
        self.conn = kind(self.url.hostname, self.url.port, timeout=timeout)
        self.headers = {}
        if self.url.username:
            token = f"{self.url.username}:{self.url.password or ''}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(token).decode()

    def request(self, method: str, params: dict, body=None, headers=None) -> tuple[str, bytes]:
        path = self.url.path or "/"
        query = "&".join(q for q in (self.url.query, urlencode(params, quote_via=quote)) if q)
        target = f"{path}?{query}" if query else path
        try:
            self.conn.request(method, target, body=body, headers={**self.headers, **(headers or {})})
            resp = self.conn.getresponse()
            data = resp.read()
        except OSError as exc:
            self.conn.close()
            raise RemoteError(f"{method} {self.url.geturl()}: {exc}") from exc
        if resp.status >= 300:
            detail = data.decode("utf-8", "replace").strip().splitlines()[:1]
            raise RemoteError(f"{method} {target}: {resp.status} {resp.reason} {' '.join(detail)}"[:300])
        return resp.headers.get("Content-Type", ""), data

    def close(self):
        self.conn.close()


def push(store: GraphStore, endpoint: str, *, graph: str | None = None) -> list[str]:
    """Upload the store to a Graph Store Protocol endpoint (e.g. Oxigraph's `/store`, Fuseki's `/ds/data`).

    Every named graph is PUT under its own name (so re-pushing replaces, never duplicates) and the merged
    graph as the server's default graph, so the saved queries answer the same there as here whatever the
    server's union-default-graph setting. With `graph`, the merged graph and the ontology all go into that
    one named graph instead. Returns the graphs written ("default" for the default graph)."""
    server = Server(endpoint)
    written = []

    def send(method: str, source, target: str | None):
        with tempfile.TemporaryFile() as body:  # graphs can be large: stream from disk, not memory
            store.ox.dump(body, ox.RdfFormat.N_TRIPLES, from_graph=source)
            size = body.tell()
            body.seek(0)
            params = {"graph": target} if target else {"default": ""}
            server.request(method, params, body, {"Content-Type": UPLOAD_TYPE, "Content-Length": str(size)})
        written.append(target or "default")

    try:
        if graph:
            send("PUT", ox.DefaultGraph(), graph)
            send("POST", ox.NamedNode(str(ONTOLOGY_GRAPH)), graph)  # POST adds to the graph
        else:
            for name in store.graph_names():
                send("PUT", ox.NamedNode(str(name)), str(name))
            send("PUT", ox.DefaultGraph(), None)
    finally:
        server.close()
    return written[:1] if graph else written


def query(endpoint: str, text: str) -> Result:
    """Run a query on a SPARQL endpoint (POSTed as a form, as every server accepts) into an rdflib Result."""
    server = Server(endpoint)
    try:
        ctype, data = server.request(
            "POST", {}, urlencode({"query": text}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded",
             "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    finally:
        server.close()
    if "turtle" in ctype:
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=data, format="turtle")
        return result
    return Result.parse(io.BytesIO(data), format="json")
