"""What reading the explorer's graph and evidence costs in Oxigraph, apart from Python, in one thread and in several.

    .venv/bin/python benchmarks/explorer_evidence.py STORE [--cap 1500]

Builds the explorer's view of the store's merged graph as `kg build` does (kg.explore.data), then times, side by
side in one run:
* the graph read by predicate: the rows iterated and dropped, iterated into Python in this thread, and written
  as SPARQL TSV in READERS threads and parsed back here (`OxigraphSource.pairs`);
* the triples whose evidence the page carries, their evidence nodes found from the subjects: Oxigraph counting the
  (node, subject, predicate, object) rows alone, iterating those rows into Python, and the explorer's own read
  (`OxigraphSource.evidence`) in one part and in one part per core (READERS);
* the sentences of those nodes, in one part: each field looked up node by node, and each joined from a subquery
  of its own (`OxigraphSource.sentences`).
Prints seconds and rows for each.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from rdflib.namespace import RDF  # noqa: E402

from kg.explore import data, source as sources  # noqa: E402
from kg.explore.source import _from_ox, _iri, _values, source  # noqa: E402
from kg.graph.build import ontology_graph  # noqa: E402
from kg.store import GraphStore  # noqa: E402


def timed(label: str, read) -> None:
    """`read()` called and its rows iterated on the clock (Oxigraph may evaluate a query when it is called)."""
    started, n = time.perf_counter(), 0
    for _ in read():
        n += 1
    print(f"{label:52} {time.perf_counter() - started:7.1f} s  {n:>9,} rows", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--cap", type=int, default=1500, help="entities drawn, as `kg build` draws them")
    args = ap.parse_args()
    with GraphStore(args.store) as store:
        src = source(store.graph())
        onto = ontology_graph()
        properties = data._properties(onto)
        by_predicate = "SELECT ?s ?o WHERE {{ ?s {} ?o }}"
        timed("graph read: rows iterated and dropped", lambda: (row for p in properties for row in src.store.query(
            by_predicate.format(_iri(p)), default_graph=src.name)))
        timed("graph read: rows iterated into Python", lambda: (tuple(map(_from_ox, row)) for p in properties
                                                                for row in src.store.query(by_predicate.format(_iri(p)),
                                                                                           default_graph=src.name)))
        timed(f"graph read: TSV in {sources.READERS} threads, parsed here", lambda: (
            row for _, rows in src.pairs(properties) for row in rows))
        started = time.perf_counter()
        read = data._read(src, properties)
        view = data._view(read, onto)
        view.shown = data._most_connected(view, args.cap)
        print(f"{'graph read and view built':52} {time.perf_counter() - started:7.1f} s")
        shown = set(view.shown)
        drawn = [view.entities[i] for i in view.shown]
        wanted = {st.triple for st in view.statements if st.s in shown or st.o in shown}
        wanted |= {t for e in drawn for t in data._type_triples(e.iri)}
        hidden = {e.iri for e in view.entities} - {e.iri for e in drawn}
        subjects = {s for s, _, _ in wanted if s not in hidden}
        print(f"triples whose evidence the page carries: {len(wanted):,}, their subjects: {len(subjects):,}")
        spo = (f"VALUES ?s {{ {_values(subjects)} }} ?n {_iri(str(RDF.subject))} ?s ; "
               f"{_iri(str(RDF.predicate))} ?p ; {_iri(str(RDF.object))} ?o")
        timed("Oxigraph counts the (node, s, p, o) rows", lambda: src.store.query(
            f"SELECT (COUNT(*) AS ?c) WHERE {{ {spo} }}", default_graph=src.name))
        timed("the (node, s, p, o) rows iterated in Python", lambda: src.store.query(
            f"SELECT ?n ?s ?p ?o WHERE {{ {spo} }}", default_graph=src.name))
        readers = sources.READERS
        sources.READERS = 1
        timed("the explorer's read (OxigraphSource.evidence), 1 part", lambda: src.evidence(subjects, ()))
        sources.READERS = readers
        timed(f"the explorer's read, {readers} parts in threads", lambda: src.evidence(subjects, ()))
        sentences = sorted({row[4] for row in src.evidence(subjects, ())})
        fields = " ".join(f"?s {_iri(str(p))} ?v{k} ." for k, p in enumerate(sources.SENTENCE_FIELDS))
        timed("their sentences, each field looked up node by node", lambda: src.store.query(
            f"SELECT * WHERE {{ VALUES ?s {{ {_values(sentences)} }} {fields} }}", default_graph=src.name))
        sources.READERS = 1
        timed("their sentences, a subquery per field (OxigraphSource.sentences)", lambda: src.sentences(sentences))
        sources.READERS = readers


if __name__ == "__main__":
    main()
