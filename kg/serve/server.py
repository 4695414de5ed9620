"""`kg serve`: the store over the SPARQL 1.1 Protocol at `/sparql` (read-only), the explorer at
`/explorer.html`, and a query form with the saved queries at `/`."""
from __future__ import annotations

import json
import re
import signal
import socket
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .engine import Engine
from .results import SHORT_NAMES

HERE = Path(__file__).resolve().parent
MAX_BODY = 1 << 20  # a query is text; a megabyte is plenty

# Strings, IRIs and comments, blanked before looking for keywords so that `"SERVICE"`, <…/LOAD> or
# `# drop` do not count. An IRI has no spaces, which tells it from `?x < 3`.
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:.-])", re.I)


def refusal(query: str) -> str | None:
    """Why a read-only endpoint that makes no outgoing calls will not run `query`, or None."""
    bare = _OPAQUE.sub(" ", query)
    if m := _UPDATE.match(bare):
        return f"this endpoint is read-only: SPARQL Update ({m.group(1).upper()}) is refused"
    if _SERVICE.search(bare):
        return "SERVICE (federated query) is refused: this endpoint calls no other server"
    return None


class App:
    """What the handlers share: the query engine, the store (for the explorer), the form."""

    def __init__(self, store, engine: Engine):
        self.store, self.engine = store, engine
        self._explorer: bytes | None = None
        self._lock = threading.Lock()

    def form(self) -> bytes:
        from .. import queries

        examples = {name: {"title": queries.describe(name), "text": path.read_text(encoding="utf-8")}
                    for name, path in queries.saved().items()}
        data = json.dumps(examples, ensure_ascii=False).replace("<", "\\u003c")  # no </script> inside
        return (HERE / "form.html").read_text(encoding="utf-8").replace("__EXAMPLES__", data).encode()

    def explorer(self) -> bytes:
        """The explorer of the store's merged graph, built on first request (the store cannot change
        while it is served: ingest needs it for itself)."""
        with self._lock:
            if self._explorer is None:
                from ..explore import write_explorer

                with tempfile.TemporaryDirectory() as tmp:
                    target = Path(tmp) / "explorer.html"
                    write_explorer(self.store.graph(), target)  # the merged graph, read in place
                    self._explorer = target.read_bytes()
            return self._explorer


class Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"  # keep-alive; every answer carries its Content-Length

    @property
    def app(self) -> App:
        return self.server.app

    def do_GET(self):
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/sparql") and not ({"query", "update"} & params.keys()):
            return self._send(200, "text/html; charset=utf-8", self.app.form())
        if url.path == "/sparql":
            return self._protocol(params)
        if url.path == "/explorer.html":
            return self._send(200, "text/html; charset=utf-8", self.app.explorer())
        self._text(404, f"nothing at {url.path}: the endpoint is /sparql")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._text(404, f"nothing at {url.path}: the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._text(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = self.headers.get_content_type()
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/sparql-update":
            params["update"] = [body]
        else:
            return self._text(415, "send application/sparql-query or an application/x-www-form-urlencoded form")
        self._protocol(params)

    def _protocol(self, params: dict):
        if "update" in params:
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
        texts = params.get("query", [])
        if len(texts) != 1 or not texts[0].strip():
            return self._text(400, "give exactly one query (the `query` parameter)")
        if reason := refusal(texts[0]):
            return self._text(403, reason)
        graphs = {key: params.get(key, []) for key in ("default-graph-uri", "named-graph-uri")}
        for iri in sum(graphs.values(), []):
            try:
                ox.NamedNode(iri)
            except ValueError:
                return self._text(400, f"not an IRI: {iri}")
        fmt = (params.get("format") or [""])[0]
        accept = SHORT_NAMES.get(fmt, self.headers.get("Accept"))
        status, ctype, body, headers = self.app.engine.run(texts[0], accept, *graphs.values())
        self._send(status, ctype, body, {"Vary": "Accept", **headers})

    def _text(self, status: int, message: str):
        self._send(status, "text/plain; charset=utf-8", f"{message}\n".encode())

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, app: App):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.app = app
        super().__init__((host, port), Handler)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
          max_rows: int = 100_000, workers: int = 2, announce=print):
    """Serve until interrupted. The store stays open for reading, which keeps writers out meanwhile."""
    from ..store import GraphStore

    with GraphStore(store_path) as store:
        engine = Engine(store_path, workers=workers, timeout=timeout, max_rows=max_rows)
        try:
            httpd = Server(host, port, App(store, engine))
            shown = f"[{host}]" if ":" in host else host
            announce(f"serving {store_path} at http://{shown}:{httpd.server_port}/sparql "
                     f"(query form: /, explorer: /explorer.html; read-only; time limit {timeout:g} s, "
                     f"{max_rows} rows; Ctrl-C stops)")
            if host not in ("127.0.0.1", "localhost", "::1"):
                print(f"kg serve: listening on {host}: anyone who can reach this machine can query the store",
                      file=sys.stderr)
            sys.stdout.flush()
            if threading.current_thread() is threading.main_thread():  # `kill` stops it like Ctrl-C
                signal.signal(signal.SIGTERM, _interrupt)
            try:
                httpd.serve_forever()
            finally:
                httpd.server_close()
        finally:
            engine.close()
