"""Queries under a time limit: each runs in a worker process holding its own read-only Oxigraph store.

Why processes: pyoxigraph has no query timeout or cancellation; a thread could stop waiting but not
stop the query, so runaway queries would pile up and eat the cores. A worker that overruns the limit
is killed and replaced, and its client gets a 503.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
import time

import pyoxigraph as ox

from .results import render

# Spawned, not forked: the server process has threads (HTTP) and forking those is unsafe.
_CTX = multiprocessing.get_context("spawn")


def _work(conn, path: str, max_rows: int):
    store = ox.Store.read_only(path)
    while True:
        try:
            query, accept, default_graphs, named_graphs = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        conn.send(_execute(store, query, accept, default_graphs, named_graphs, max_rows))


def _execute(store, query, accept, default_graphs, named_graphs, max_rows):
    try:
        result = store.query(
            query,
            default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] or None)
        return render(result, accept, max_rows)
    except SyntaxError as exc:
        return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {exc}\n".encode(), {}
    except Exception as exc:  # evaluation errors surface while iterating; the worker must live on
        return 500, "text/plain; charset=utf-8", f"query failed: {exc}\n".encode(), {}


class Engine:
    """A pool of query workers over the store at `path`."""

    def __init__(self, path, *, workers: int = 2, timeout: float = 30.0, max_rows: int = 100_000):
        self.path, self.timeout, self.max_rows = str(path), timeout, max_rows
        self.idle: queue.Queue = queue.Queue()
        self.all: set = set()
        for _ in range(workers):
            self.idle.put(self._start())

    def _start(self):
        parent, child = _CTX.Pipe()
        proc = _CTX.Process(target=_work, args=(child, self.path, self.max_rows), daemon=True, name="kg-query")
        proc.start()
        child.close()
        self.all.add((proc, parent))
        return proc, parent

    def run(self, query: str, accept: str | None, default_graphs=(), named_graphs=()):
        """(status, content type, body, headers); 503 when no worker frees up or the query overruns."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return _unavailable(f"all query workers stayed busy for {self.timeout:g} s; try again later")
        proc, conn = worker
        try:
            conn.send((query, accept, list(default_graphs), list(named_graphs)))
            if conn.poll(max(0.0, deadline - time.monotonic())):
                answer = conn.recv()
                self.idle.put(worker)
                return answer
            reason = f"the query ran over the time limit of {self.timeout:g} s and was stopped"
        except (EOFError, OSError):  # the worker died (out of memory, killed)
            reason = "the query worker stopped; try again"
        self._kill(worker)
        # the replacement takes a moment to start; answer now and let it join the pool when ready
        threading.Thread(target=lambda: self.idle.put(self._start()), daemon=True).start()
        return _unavailable(reason)

    def _kill(self, worker):
        proc, conn = worker
        proc.kill()
        proc.join()
        conn.close()
        self.all.discard(worker)

    def close(self):
        for worker in list(self.all):
            self._kill(worker)


def _unavailable(reason: str):
    return 503, "text/plain; charset=utf-8", f"{reason}\n".encode(), {"Retry-After": "1"}
