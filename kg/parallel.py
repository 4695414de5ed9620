"""The per-document work (read → decode/clean → NLP → facts → graph) run where the cores are: in this
process, in a pool of local processes (`jobs`), or as tasks on a Dask cluster (`scheduler`).

Each document comes back as a small `Result` (its id, path, size, and its named graph as N-Triples text),
in input order, so the caller has nothing left to do but write: `kg.store.ingest` is the one writer.
Work goes out in chunks of `batch` documents (so spaCy's `nlp.pipe` and LAC batch inside a worker) with a
bounded number of chunks in flight, so memory stays flat whatever the size of the corpus.

    for result in results(files([Path("articles")]), jobs=2):
        result.id, result.ntriples        # or result.error for a file that could not be read
"""
from __future__ import annotations

import math
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .documents import Document, LoadError, load_document
from .documents.read import find_files

BATCH = 16  # documents per task: enough for nlp.pipe to batch, small enough to stream
Item = Path | Document | LoadError


class ClusterError(Exception):
    """The Dask scheduler cannot be reached or has no workers; one line for the user."""


@dataclass(frozen=True)
class Result:
    """One document's outcome: what the store writer needs and nothing else (not the text)."""

    path: Path
    id: str | None = None  # the document id; None when the file could not be loaded
    chars: int = 0
    ntriples: str | None = None  # its named graph; None for an error or a document named in `skip`
    error: str | None = None  # why the file could not be loaded

    def graph(self):
        """The document's named graph as an rdflib Graph."""
        from rdflib import Graph

        from .vocab import DOC

        return Graph(identifier=DOC[self.id]).parse(data=self.ntriples or "", format="nt")


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def files(paths: Iterable[Path]) -> list[Path | LoadError]:
    """The files under `paths` (files or folders), absolute, in the order `iter_documents` reads them,
    with a LoadError for each path or folder that cannot be listed. Only names: nothing is read."""
    out: list[Path | LoadError] = []
    for path in paths:
        path = Path(path).resolve()
        if path.is_file():
            out.append(path)
        elif path.is_dir():
            found, errors = find_files(path)
            out += errors + found
        else:
            out.append(LoadError(path, "no such file or directory"))
    return out


def work(items: list[Item], skip: frozenset[str] = frozenset()) -> list[Result]:
    """The task: load, NLP, facts and graph for a chunk of documents. A document whose id is in `skip`
    (already stored) is only loaded and hashed; errors become Results."""
    from .graph.build import document_triples
    from .pipeline import extract_facts  # spaCy loads on the first chunk that needs it, once per process
    from .store.store import ntriples

    loaded = [load_document(i) if isinstance(i, Path) else i for i in items]
    todo = [d for d in loaded if isinstance(d, Document) and d.id not in skip]

    def graphs(documents: list[Document]) -> dict[int, str]:
        return {id(d): ntriples(document_triples(d, facts))
                for d, facts in extract_facts(documents, batch_size=len(documents) or 1)}

    failed: dict[int, str] = {}
    try:
        text = graphs(todo)
    except Exception:  # a document the pipeline cannot read must not sink its chunk: find it, report it
        text = {}
        for d in todo:
            try:
                text.update(graphs([d]))
            except Exception as exc:
                failed[id(d)] = f"extraction failed ({type(exc).__name__}: {exc}); please report this file"
    return [Result(d.path, error=d.reason) if isinstance(d, LoadError)
            else Result(d.path, d.id, error=failed[id(d)]) if id(d) in failed
            else Result(d.path, d.id, len(d.text), text.get(id(d))) for d in loaded]


def results(items: Iterable[Item], *, jobs: int | None = None, scheduler: str | None = None,
            batch: int = BATCH, skip: Iterable[str] = (), pause: int = 0) -> Iterator[Result]:
    """Each item's Result, in input order. `jobs`: worker processes on this machine (None: every core,
    once there is more than a chunk per core); `scheduler`: a Dask scheduler address, or `local:N` for a
    LocalCluster of N processes here. `pause`: how many results the caller takes before it stops to write them
    (a commit); that many more documents are kept in flight, so the workers go on while it writes. Close the
    iterator (or exhaust it) to stop the workers."""
    skip = frozenset(skip)
    items = iter(items)
    if scheduler:
        yield from _dask(batched(items, batch), scheduler, skip, math.ceil(pause / batch))
        return
    want = cores() if jobs is None else max(1, jobs)
    head = list(islice(items, want * batch))
    if len(head) < want * batch:  # all of it is here: spread it over the workers
        if jobs is None and len(head) <= batch:
            want = 1  # starting workers (a pipeline load each, seconds) would cost more than it saves
        batch = max(1, math.ceil(len(head) / want))
    chunks = batched([*head, *items], batch)
    if want == 1:
        for chunk in chunks:
            yield from work(chunk, skip)
    else:
        yield from _pool(chunks, want, skip, math.ceil(pause / batch))


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items from `items` (the last may be shorter), read as they are needed."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _ordered(submit: Callable, chunks: Iterator[list[Item]], in_flight: int) -> Iterator[Result]:
    """Submit chunks, never more than `in_flight` at once, and yield their results in order."""
    pending = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _pool(chunks, jobs: int, skip: frozenset[str], ahead: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the parent may hold the open store (RocksDB threads) and ONNX sessions
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(os.getpid(), skip))
    try:
        yield from _ordered(lambda chunk: pool.submit(_work_skipping, chunk), chunks, 2 * jobs + ahead)
    finally:  # also on Ctrl-C or an early close: queued chunks are dropped, running ones end soon
        pool.shutdown(wait=False, cancel_futures=True)


_SKIP: frozenset[str] = frozenset()


def _start_worker(parent: int, skip: frozenset[str]):
    """Pool worker set-up: the skip set arrives once per process instead of with every chunk; Ctrl-C is
    the parent's to handle; and a worker whose parent was killed (SIGKILL leaves no time to stop the
    pool) exits instead of waiting forever with a pipeline in memory."""
    import signal

    global _SKIP
    _SKIP = skip
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _work_skipping(chunk: list[Item]) -> list[Result]:
    return work(chunk, _SKIP)


def _dask(chunks, scheduler: str, skip: frozenset[str], ahead: int) -> Iterator[Result]:
    """Chunks as tasks on a Dask cluster. Workers keep the pipeline loaded between tasks (the module-level
    caches of their process), so each worker process loads it once."""
    import logging

    from distributed import Client, LocalCluster

    cluster = None
    if scheduler.startswith("local:"):
        n = scheduler.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise ClusterError(f"local:N needs a number of worker processes, not {n!r}")
        cluster = LocalCluster(n_workers=int(n), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise ClusterError(f"no Dask worker joined the scheduler at {scheduler} within 60 s") from None
        threads = sum(client.nthreads().values())  # keep each worker thread busy, a chunk queued behind it
        shared = client.scatter([skip], broadcast=True)[0] if skip else skip  # sent once, not per task
        yield from _ordered(lambda chunk: client.submit(work, chunk, shared, pure=False), chunks, 2 * threads + ahead)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
