"""Where the store's time goes, side by side on the same documents: writing them (as `kg ingest` does,
`GraphStore.add`: bulk-loaded, then marked stored in a transaction; the same documents in SPARQL Update
transactions, on disk and in memory) and reading the merged graph back (quads to Python, a Turtle dump).
With --copies N the documents are written N times under new ids, for a store that grows as an ingest's does;
each write prints its seconds, the bytes it wrote to disk and the process's memory after it.

    .venv/bin/python benchmarks/store_io.py /tmp/corpus-300 [--docs 128] [--copies 25]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.documents import Document, load_document  # noqa: E402
from kg.documents.read import find_files  # noqa: E402
from kg.graph.build import doc_iri, document_triples  # noqa: E402
from kg.pipeline import extract_facts  # noqa: E402
from kg.store.ingest import COMMIT_DOCUMENTS  # noqa: E402
from kg.store.store import GraphStore, _iri, ntriples  # noqa: E402


def timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def written() -> int:
    """Bytes this process has written to disk so far."""
    return int(next(line for line in Path("/proc/self/io").read_text().splitlines()
                    if line.startswith("write_bytes")).split()[1])


def rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096


def copies(bodies: list[tuple], n: int) -> list[tuple]:
    """The documents n times, the k-th copy under ids with k in front (evidence nodes are named by document)."""
    out = []
    for k in range(n):
        for name, body in bodies:
            tail = str(name).rsplit("/", 1)[1]
            new = f"{k:x}{tail[1:]}" if k else tail
            out.append((type(name)(str(name).replace(tail, new)), body.replace(tail, new)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path)
    ap.add_argument("--docs", dest="n", type=int, default=128, help="how many documents")
    ap.add_argument("--copies", type=int, default=1, help="write the documents this many times, under new ids")
    args = ap.parse_args()
    paths = find_files(args.docs.resolve())[0][:args.n]
    docs = [d for d in map(load_document, paths) if isinstance(d, Document)]
    bodies = copies([(doc_iri(d), ntriples(document_triples(d, f))) for d, f in extract_facts(docs)], args.copies)
    batches = [bodies[i:i + COMMIT_DOCUMENTS] for i in range(0, len(bodies), COMMIT_DOCUMENTS)]
    print(f"{len(bodies)} documents, {sum(b.count(chr(10)) + 1 for _, b in bodies):,} triples, "
          f"{COMMIT_DOCUMENTS} per transaction")

    def update(store):  # each batch in one SPARQL Update transaction, into its graph and the merge
        for batch in batches:
            store.update(" ;\n".join(f"INSERT DATA {{ GRAPH {_iri(n)} {{\n{b}\n}} }} ;\nINSERT DATA {{\n{b}\n}}"
                                     for n, b in batch))
            store.flush()

    def add(path):  # what kg ingest does
        with GraphStore(path, write=True) as store:
            for batch in batches:
                store.add(batch)
                store.ox.flush()
            store.ox.optimize()

    def measured(label: str, func):
        before = written()
        seconds = timed(func)
        print(f"write, {label:45} {seconds:7.2f} s, {(written() - before) / 1e9:5.1f} GB to disk, "
              f"{rss() / 2**20:,.0f} MiB resident after")

    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        measured("as kg ingest (bulk load, marks, compaction):", lambda: add(Path(tmp) / "a"))
        measured("transactions on disk:", lambda: update(ox.Store(f"{tmp}/b")))
        if args.copies == 1:  # in memory, a grown store would hold gigabytes
            measured("transactions in memory:", lambda: update(ox.Store()))
        with GraphStore(Path(tmp) / "a") as store:
            n = [0]

            def read():
                n[0] = sum(1 for _ in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            seconds = timed(read)
            print(f"read the merged graph into Python: {n[0]:,} quads in {seconds:.2f} s ({n[0] / seconds:,.0f} quads/s)")
            print(f"Turtle dump of the merged graph:   {timed(lambda: store.dump(Path(tmp) / 'kg.ttl', ox.RdfFormat.TURTLE)):.2f} s")
        with GraphStore(Path(tmp) / "b") as store:
            print(f"the same, written in transactions: {timed(lambda: store.dump(Path(tmp) / 'kg.ttl', ox.RdfFormat.TURTLE)):.2f} s")


if __name__ == "__main__":
    main()
