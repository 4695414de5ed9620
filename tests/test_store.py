"""The on-disk graph store: incremental ingest, replace and remove, re-runs that change nothing,
interrupted runs, locking, and `kg build` going through the store. Real stores on disk, real documents."""
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from kg import queries
from kg.build import build_dataset
from kg.cli import main
from kg.export.rdf import merged_graph
from kg.graph.build import LABELS_GRAPH
from kg.store import GraphStore, StoreError, load
from kg.vocab import DOC, ONE, ONTOLOGY_GRAPH, REFERENCE_GRAPH

GOLD = Path(__file__).parent / "fixtures" / "gold"
KG = Path(sys.executable).with_name("kg")
# doc09 and doc10 share an official and a district (方志刚, 徐汇区): the cross-document case.
CORPUS = ("doc03", "doc05", "doc09", "doc10")


def rows(graph, name) -> Counter:
    """A saved query's answers as a multiset (ORDER BY ties may come in any order)."""
    return Counter(tuple(r.items()) for r in queries.rows(graph, name))


def without_paths(graphs: dict) -> dict:
    """A store's state minus `one:path`, for stores of the same documents read from other folders."""
    return {name: {t for t in g if t[1] != ONE.path} for name, g in graphs.items()}


def copy_docs(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(GOLD / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder


def state(path: Path) -> dict:
    """Every graph of a store as a set of triples; None for the merged (default) graph."""
    with GraphStore(path) as store:
        graphs = {name: set(store.triples(name)) for name in store.graph_names()}
        graphs[None] = set(store.triples())
    return graphs


def expected_merged(graphs: dict) -> set:
    """The merged graph is every named graph but the ontology's, once each."""
    return set().union(*(g for name, g in graphs.items() if name not in (None, ONTOLOGY_GRAPH)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return copy_docs(tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """The corpus ingested in one uninterrupted run: (store path, its state)."""
    path = tmp_path_factory.mktemp("clean") / "store"
    assert main(["ingest", str(corpus), "--store", str(path)]) == 0
    return path, state(path)


def test_store_holds_one_graph_per_document_and_the_merge(clean, corpus):
    path, graphs = clean
    docs = {name for name in graphs if name and name.startswith(DOC)}
    assert len(docs) == len(CORPUS)
    assert {ONTOLOGY_GRAPH, REFERENCE_GRAPH, LABELS_GRAPH} <= graphs.keys()
    assert graphs[None] == expected_merged(graphs)
    # the store holds what the in-memory pipeline builds from the same documents
    documents, _ = load([corpus])
    assert graphs[None] == set(merged_graph(build_dataset(documents)))


def test_saved_queries_on_the_store_match_the_turtle_export(seed_build):
    """`kg build` goes through the store; no saved query sees a triple twice (the merged graph)."""
    out = seed_build[1]
    turtle = Graph().parse(out / "kg.ttl")
    with GraphStore(out / "store") as store:
        for name in queries.saved():
            assert rows(store.graph(), name) == rows(turtle, name), name


def test_reingest_and_rebuild_change_nothing(corpus, tmp_path, capsys):
    """Second `kg build` (another process, other string hashing) and `kg ingest` of the same folder:
    same triples, every export byte for byte."""
    out = tmp_path / "out"
    runs = []
    for _ in range(2):
        done = subprocess.run([str(KG), "build", "--docs", str(corpus), "--out", str(out)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        runs.append({name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig", "kg.jsonld", "kg.graphml", "explorer.html")})
        runs[-1]["triples"] = [line for line in done.stdout.splitlines() if "triples:" in line]
    assert runs[0] == runs[1]
    before = state(out / "store")
    assert main(["ingest", str(corpus), "--store", str(out / "store")]) == 0
    captured = capsys.readouterr()
    assert f"0 added, 0 replaced, {len(CORPUS)} unchanged, 0 removed" in captured.out
    assert "added" not in captured.err
    assert state(out / "store") == before


def test_changed_document_replaces_its_graph_and_remove_leaves_no_orphans(corpus, clean, tmp_path, capsys):
    folder = copy_docs(tmp_path / "docs", CORPUS)
    store = tmp_path / "store"
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    assert without_paths(state(store)) == without_paths(clean[1])
    (old,) = [s for s, p, o in clean[1][None] if p == ONE.path and str(o).endswith("doc10.txt")]

    # an analyst fixes doc10: its graph is replaced, not added beside the old one
    text = (folder / "doc10.txt").read_text(encoding="utf-8")
    (folder / "doc10.txt").write_text(text.replace("徐汇", "徐汇区", 1) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    assert "1 added, 1 replaced, 3 unchanged" in capsys.readouterr().out
    graphs = state(store)
    docs = [name for name in graphs if name and name.startswith(DOC)]
    assert len(docs) == len(CORPUS) and old not in docs
    assert graphs[None] == expected_merged(graphs)
    for prop in (RDFS.label, SKOS.prefLabel):  # one per entity and language (reference places add English)
        per_entity = Counter((s, o.language) for s, p, o in graphs[None] if p == prop)
        assert per_entity and max(per_entity.values()) == 1, prop

    # removing doc09 and doc10 leaves exactly the store of the other two: no orphan label or place
    new10 = next(name for name in docs if name not in clean[1])
    assert main(["remove", str(folder / "doc09.txt"), str(new10).rsplit("/", 1)[1], "--store", str(store)]) == 0
    assert "2 removed" in capsys.readouterr().out
    other = tmp_path / "other"
    assert main(["ingest", str(copy_docs(tmp_path / "two", ("doc03", "doc05"))), "--store", str(other)]) == 0
    assert without_paths(state(store)) == without_paths(state(other))

    assert main(["remove", "0123456789abcdef", "--store", str(store)]) == 2


def _ingest_until_first_commit(folder: Path, store: Path, sig: int) -> int:
    """Start `kg ingest`, wait until it reports the first committed document, send `sig`."""
    proc = subprocess.Popen([str(KG), "ingest", str(folder), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith("added "):
            proc.send_signal(sig)
            break
    proc.communicate()
    return proc.returncode


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["interrupted", "killed"])
def test_interrupted_ingest_keeps_whole_documents_and_resumes(corpus, clean, tmp_path, sig):
    """Interrupted (SIGTERM, handled like Ctrl-C) or killed mid-run: each stored document graph is
    complete; once a writer has opened the store (at once after SIGTERM: the run's own refresh) nothing else
    is left of the batch it was writing; the next run finishes the job and ends where an uninterrupted run ends."""
    store = tmp_path / "store"
    status = _ingest_until_first_commit(corpus, store, sig)
    with GraphStore(store) as reader:
        stored = set(reader.documents())
        assert sig == signal.SIGKILL or not reader.unfinished()
    assert stored, "the first document was committed before the signal"
    graphs = state(store)
    for name in stored:
        assert graphs[name] == clean[1][name], "a stored document graph is never partial"
    with GraphStore(store, write=True) as writer:
        writer.heal()
    graphs = state(store)
    assert {name for name in graphs if name and name.startswith(DOC)} == stored
    assert graphs[None] == expected_merged(graphs)
    # 0 if it had finished; -SIGTERM if the signal came after the store was closed
    assert status in ((130, 0, -signal.SIGTERM) if sig == signal.SIGTERM else (-signal.SIGKILL, 0))
    assert main(["ingest", str(corpus), "--store", str(store)]) == 0
    assert state(store) == clean[1]


def test_a_document_a_killed_bulk_load_left_unfinished_is_dropped_and_read_again(corpus, clean, tmp_path):
    """GraphStore.add bulk-loads (no transaction): a run killed inside it leaves a document's quads and part of
    its merged triples without the `one:path` that marks it stored. The next writer drops exactly that, and
    the next ingest reads the file again and ends where an uninterrupted run ends."""
    import pyoxigraph as ox

    from kg.parallel import work

    store = tmp_path / "store"
    shutil.copytree(clean[0], store)
    gone = corpus / "doc10.txt"
    assert main(["remove", str(gone), "--store", str(store)]) == 0
    without = state(store)
    (result,) = work([gone])
    lines = [line for line in result.ntriples.splitlines() if f"<{ONE.path}>" not in line]
    with GraphStore(store, write=True) as graph_store:  # what GraphStore.add had written when it was killed
        name = f"<{DOC[result.id]}>"
        graph_store.ox.bulk_load("".join(f"{line[:-1]}{name} .\n" for line in lines), ox.RdfFormat.N_QUADS)
        graph_store.ox.bulk_load("\n".join(lines[: len(lines) // 2]), ox.RdfFormat.N_TRIPLES)
        assert graph_store.unfinished() == [DOC[result.id]]
        assert DOC[result.id] not in graph_store.documents()
        assert graph_store.heal() == [DOC[result.id]]
        assert graph_store.unfinished() == []
    assert state(store) == without  # nothing of it is left, in its graph or in the merge
    assert main(["ingest", str(corpus), "--store", str(store)]) == 0
    assert state(store) == clean[1]


def test_a_refresh_killed_between_its_bulk_loads_is_finished_by_the_next(clean, tmp_path):
    """The labels are bulk-loaded into their graph, then into the merge (GraphStore.load_into), outside a transaction:
    a refresh killed in between leaves labels in their graph and missing from the merge, or missing from both.
    The next refresh puts back exactly what an uninterrupted run holds."""
    import pyoxigraph as ox

    from kg.store import refresh

    store = tmp_path / "store"
    shutil.copytree(clean[0], store)
    labels = sorted(clean[1][LABELS_GRAPH])
    assert labels
    with GraphStore(store, write=True) as graph_store:
        for k, (s, p, o) in enumerate(labels[: len(labels) // 2]):
            quad = ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.Literal(str(o), language=o.language))
            graph_store.ox.remove(quad)  # out of the merge
            if k % 2:
                graph_store.ox.remove(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(str(LABELS_GRAPH))))
        assert set(graph_store.triples()) != clean[1][None]
        refresh(graph_store)
    assert state(store) == clean[1]


def test_one_writer_or_many_readers(clean, tmp_path, capsys):
    path = clean[0]
    with GraphStore(path) as reader, GraphStore(path) as other_reader:
        assert len(reader) == len(other_reader) > 0
        with pytest.raises(StoreError, match="in use"):
            GraphStore(path, write=True)
        assert main(["ingest", str(GOLD / "doc03.txt"), "--store", str(path)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "in use" in err[0]
    with GraphStore(path, write=True):
        with pytest.raises(StoreError, match="in use"):
            GraphStore(path)
    with pytest.raises(StoreError, match="no store"):
        GraphStore(tmp_path / "nothing")
    assert main(["query", "officials", "--store", str(tmp_path / "nothing")]) == 2


def test_query_cli_reads_the_store(clean, capsys):
    assert main(["query", "officials", "--store", str(clean[0]), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("person,post,jurisdiction") and "方志刚" in out


def test_commands_have_help(capsys):
    for command in ("ingest", "remove", "serve", "push", "query", "build"):
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0 and "--store" in capsys.readouterr().out


def test_derived_graphs_name_only_mentioned_entities(clean):
    graphs = clean[1]
    mentioned = {s for g in graphs.values() for s, p, _ in g if str(p).endswith("#mentionedIn")}
    labelled = {s for s, _, _ in graphs[LABELS_GRAPH]}
    assert labelled == mentioned
    assert all(isinstance(s, URIRef) for s in labelled)


def test_fast_read_of_a_stored_graph_equals_rdflib_read(store):
    """graph_triples reads Oxigraph directly (the explorer's path); rdflib's read through oxrdflib is the
    reference (string literals compared as rdflib parses them: plain)."""
    from kg.store.store import _plain, graph_triples

    with GraphStore(store) as opened:
        merged = opened.graph()
        fast = list(graph_triples(merged))
        assert len(fast) == len(set(fast)) > 400
        assert set(fast) == {tuple(map(_plain, t)) for t in merged.triples((None, None, None))}


def test_labels_rule_is_the_same_in_the_store_and_in_memory(tmp_path):
    """kg/graph/labels.ru runs in Oxigraph (ingest) and in rdflib (build_dataset): the longest name is the
    label, a tie goes to the first in code-point order, every other name is an altLabel, and prefLabel is
    left to the reference data where it has one (上海市)."""
    from rdflib import Literal

    from kg.graph.build import assemble, place_iri
    from kg.store import refresh

    entity, city = URIRef("https://w3id.org/onekg/id/enterprise/x"), place_iri("上海市")
    docs = []
    for n, names in enumerate((["浦东新区", "浦东"], ["上海浦东", "浦东"])):
        g = Graph(identifier=DOC[f"d{n}"])
        g.add((DOC[f"d{n}"], ONE.path, Literal(f"/d{n}.txt")))  # a stored document's mark (GraphStore.add)
        for name in names:
            g.add((entity, ONE.mentionLabel, Literal(name, lang="zh")))
        g.add((entity, ONE.mentionedIn, DOC[f"d{n}"]))
        g.add((city, ONE.mentionLabel, Literal("上海", lang="zh")))
        g.add((city, ONE.mentionedIn, DOC[f"d{n}"]))
        docs.append(g)
    expected = {
        (entity, RDFS.label, Literal("上海浦东", lang="zh")), (entity, SKOS.prefLabel, Literal("上海浦东", lang="zh")),
        (entity, SKOS.altLabel, Literal("浦东新区", lang="zh")), (entity, SKOS.altLabel, Literal("浦东", lang="zh")),
        (city, RDFS.label, Literal("上海", lang="zh")),
    }
    assert set(assemble(docs).graph(LABELS_GRAPH)) == expected
    with GraphStore(tmp_path / "store", write=True) as store:
        store.replace(put=docs)
        refresh(store)
        assert set(store.triples(LABELS_GRAPH)) == expected
        assert expected <= set(store.triples())  # merged too
        store.replace(drop=[docs[1].identifier])
        refresh(store)
        labels = set(store.triples(LABELS_GRAPH))
        assert (entity, RDFS.label, Literal("浦东新区", lang="zh")) in labels
        assert (entity, RDFS.label, Literal("上海浦东", lang="zh")) not in set(store.triples())


def test_a_first_refresh_loads_the_labels_in_parts_and_ends_where_a_sync_ends(clean, tmp_path, monkeypatch):
    """With no labels stored (a new store) the refresh bulk-loads them part by part instead of syncing through
    scratch graphs; several parts, and the store is the one the sync path leaves (`clean` ends with a refresh)."""
    import pyoxigraph as ox

    from kg.store import refresh

    store = tmp_path / "store"
    shutil.copytree(clean[0], store)
    labels = clean[1][LABELS_GRAPH]
    assert len(labels) > 3 * 7
    with GraphStore(store, write=True) as graph_store:
        for s, p, o in labels:  # out of the merge, unless the reference graph holds it too
            if (s, p, o) not in clean[1][REFERENCE_GRAPH]:
                graph_store.ox.remove(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)),
                                              ox.Literal(str(o), language=o.language)))
        graph_store.ox.update(f"DROP GRAPH <{LABELS_GRAPH}>")
        assert graph_store.is_empty(LABELS_GRAPH)
        monkeypatch.setattr(sys.modules["kg.store.ingest"], "SCRATCH_TRIPLES", 7)
        steps = []
        refresh(graph_store, steps.append)
    assert "labels loaded" in steps and not any(step.startswith("sync") for step in steps)
    assert state(store) == clean[1]


def test_a_run_relabels_what_it_touches_unless_the_last_run_was_cut_short(clean, tmp_path, capsys, monkeypatch):
    """After a complete run (its mark, kg.state.json, holds the rules' fingerprint) the next run recomputes the
    labels of the entities its documents mention, and the store ends where one run over all the documents ends;
    the other entities' labels are not read again, so a label planted there stays. Without the mark (a killed
    run) or with another fingerprint (an upgrade that changed the rules) the next run recomputes every label.
    The mark counts the documents added since the store was last compacted: a small run does not compact."""
    import json

    from rdflib import Literal

    from kg.store.ingest import STATE_FILE

    folder, store = copy_docs(tmp_path / "docs", CORPUS[:-1]), tmp_path / "store"
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    mark = store / STATE_FILE
    assert json.loads(mark.read_text(encoding="utf-8"))["uncompacted"] == 0  # a new store is compacted
    last = next(s for s, p, o in clean[1][None] if p == ONE.path and str(o).endswith(f"{CORPUS[-1]}.txt"))
    mentioned_last = {s for s, p, o in clean[1][last] if p == ONE.mentionedIn}
    other = sorted({s for s, _, _ in clean[1][LABELS_GRAPH]} - mentioned_last)[0]
    planted = (other, SKOS.altLabel, Literal("植入的名称", lang="zh"))

    def plant():
        with GraphStore(store, write=True) as graph_store:
            graph_store.change(LABELS_GRAPH, remove=[], add=[planted], also=REFERENCE_GRAPH)

    def without_planted(graphs):
        return without_paths({name: g - {planted} for name, g in graphs.items()})

    plant()
    copy_docs(folder, CORPUS[-1:])
    monkeypatch.setattr(sys.modules["kg.store.ingest"], "COMPACT_SHARE", 0.5)  # 1 document added to 4: small
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    assert "1 added, 0 replaced" in capsys.readouterr().out
    graphs = state(store)
    assert planted in graphs[LABELS_GRAPH] and planted in graphs[None]
    assert without_planted(graphs) == without_paths(clean[1])
    assert json.loads(mark.read_text(encoding="utf-8"))["uncompacted"] == 1

    older = json.dumps({"rules": "the rules of an older version", "uncompacted": 1})
    for cut_short in (lambda: mark.write_text(older, encoding="utf-8"), mark.unlink):
        plant()
        cut_short()
        assert main(["ingest", str(folder), "--store", str(store)]) == 0
        graphs = state(store)
        assert planted not in graphs[LABELS_GRAPH] and planted not in graphs[None]
        assert without_paths(graphs) == without_paths(clean[1])
        assert json.loads(mark.read_text(encoding="utf-8"))["uncompacted"] == 0  # compacted after a full refresh
