"""`kg build` end to end on the seed: exports parse back, the CLI contract holds, bad input is reported."""
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import PROV, RDF

from kg.build import export_all
from kg.cli import main
from kg.documents import load_document
from kg.store import GraphStore
from kg.vocab import ONE

EXPORTS = ("kg.ttl", "kg.trig", "kg.jsonld", "kg.graphml", "explorer.html")


def test_build_writes_every_export(seed_build):
    status, out = seed_build
    assert status == 0
    for name in EXPORTS:
        assert (out / name).stat().st_size > 0, name
    assert not list(out.glob(".*.tmp")), "no temporary files left behind"


def test_turtle_reads_in_rdflib_and_oxigraph(seed_build, seed_graph):
    out = seed_build[1]
    store = pyoxigraph.Store()
    store.load(path=str(out / "kg.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(seed_graph) > 100


def test_trig_keeps_one_named_graph_per_document(seed_build):
    ds = Dataset()
    ds.parse(seed_build[1] / "kg.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    assert any("/doc/" in n for n in names)
    assert "https://w3id.org/onekg/graph/ontology" in names
    assert "https://w3id.org/onekg/graph/reference" in names


def test_trig_holds_the_named_graphs_of_the_store_and_not_their_merge(seed_build, store):
    ds = Dataset()
    ds.parse(seed_build[1] / "kg.trig", format="trig")
    assert len(ds.default_graph) == 0
    with GraphStore(store) as graph_store:
        names = graph_store.graph_names()
        assert {g.identifier for g in ds.graphs() if len(g)} == set(names)
        for name in names:
            assert set(ds.graph(name)) == set(graph_store.triples(name)), name


def test_exports_written_side_by_side_equal_those_written_one_at_a_time(store, tmp_path):
    with GraphStore(store) as graph_store:
        for jobs in (1, 3):
            export_all(graph_store, tmp_path / str(jobs), jobs=jobs)
    for name in EXPORTS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "3" / name).read_bytes(), name


def test_an_export_that_fails_is_reported_after_the_others_are_written(store, tmp_path):
    (tmp_path / "kg.trig").mkdir()  # the first export written cannot take its place
    with GraphStore(store) as graph_store:
        with pytest.raises(IsADirectoryError, match="kg.trig"):
            export_all(graph_store, tmp_path, jobs=2)
    for name in EXPORTS:
        if name != "kg.trig":
            assert (tmp_path / name).stat().st_size > 0, name
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"


def test_jsonld_and_graphml_parse_back(seed_build, seed_graph):
    out = seed_build[1]
    assert len(Graph().parse(out / "kg.jsonld", format="json-ld")) == len(seed_graph)
    g = nx.read_graphml(out / "kg.graphml")
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "吴清" in labels and g.number_of_edges() > 5


def test_every_statement_has_document_sentence_and_offsets(seed_graph):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_164738e43296cac7.txt"
    text = load_document(seed).text
    evidence = list(seed_graph.subjects(RDF.type, ONE.Evidence))
    assert len(evidence) > 10
    doc = next(seed_graph.subjects(RDF.type, ONE.Document))
    for ev in evidence:
        cited = seed_graph.value(ev, ONE.inSentence)
        assert seed_graph.value(cited, PROV.wasDerivedFrom) == doc
        sentence = str(seed_graph.value(cited, ONE.text))
        start, end = int(seed_graph.value(cited, ONE.charStart)), int(seed_graph.value(cited, ONE.charEnd))
        assert sentence and sentence == text[start:end].strip()


def test_a_sentence_is_written_once_for_all_the_statements_it_states(seed_graph):
    sentences = set(seed_graph.subjects(RDF.type, ONE.Sentence))
    cited = [*seed_graph.objects(None, ONE.inSentence), *seed_graph.objects(None, ONE.mentionedInSentence)]
    assert set(cited) == sentences
    assert len(cited) > 2 * len(sentences)  # most sentences state several statements
    for s in sentences:
        assert len(list(seed_graph.objects(s, ONE.text))) == 1


def test_an_entitys_type_cites_a_sentence_that_names_it(seed_graph):
    """Each mentioned entity cites a sentence of the document naming it, the source of its type."""
    mentioned = set(seed_graph.subjects(ONE.mentionedIn, None))
    assert len(mentioned) > 20
    for e in mentioned:
        (cited,) = seed_graph.objects(e, ONE.mentionedInSentence)
        said = str(seed_graph.value(cited, ONE.text))
        assert any(str(name) in said for name in seed_graph.objects(e, ONE.mentionLabel)), (e, said)
        assert seed_graph.value(cited, PROV.wasDerivedFrom) == seed_graph.value(e, ONE.mentionedIn)


def test_a_posts_and_a_memberships_fields_are_cited_by_their_link_to_the_person(seed_graph):
    """A post's title and place and a membership's organization and role make up its IRI: the evidence of the
    person's one:holdsPost, or of the membership's one:member, is theirs, and they have none of their own."""
    cited = {(seed_graph.value(ev, RDF.subject), seed_graph.value(ev, RDF.predicate), seed_graph.value(ev, RDF.object))
             for ev in seed_graph.subjects(RDF.type, ONE.Evidence)}
    posts = set(seed_graph.subjects(RDF.type, ONE.Post))
    memberships = set(seed_graph.subjects(RDF.type, ONE.Membership))
    assert posts and memberships
    assert not {s for s, _, _ in cited} & posts
    assert {p for s, p, _ in cited if s in memberships} == {ONE.member}
    assert posts <= {o for _, p, o in cited if p == ONE.holdsPost}
    for m in memberships:
        assert (m, ONE.member, seed_graph.value(m, ONE.member)) in cited
        assert seed_graph.value(m, ONE.organization) is not None and seed_graph.value(m, ONE.roleTitle) is not None
    for post in posts:
        assert seed_graph.value(post, ONE.postTitle) is not None and seed_graph.value(post, ONE.postIn) is not None


def test_missing_docs_folder_is_a_one_line_error(seed_build, capsys):
    status = main(["build", "--docs", str(seed_build[1].parent / "nowhere"), "--out", str(seed_build[1])])
    assert status == 2
    assert "no documents at" in capsys.readouterr().err


def test_bad_input_is_reported_and_the_rest_ingested(docs_dir, tmp_path_factory, capsys):
    (docs_dir / "empty.txt").write_bytes(b"")
    (docs_dir / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (docs_dir / "bad.txt").write_text("上海发布在线新经济行动方案。", encoding="utf-8")
    (docs_dir / "bad.meta.json").write_text("{not json", encoding="utf-8")
    out = tmp_path_factory.mktemp("bad-out")
    status = main(["build", "--docs", str(docs_dir), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 3
    for name in ("empty.txt", "binary.txt", "bad.meta.json"):
        assert name in captured.err
    assert "documents: 1 read, 3 skipped" in captured.out
    assert (out / "kg.ttl").exists()


def test_console_script_help_and_errors():
    kg = Path(sys.executable).with_name("kg")
    for args in ([], ["build"], ["query"], ["validate"], ["explore"], ["eval"], ["train-ner"]):
        done = subprocess.run([str(kg), *args, "--help"], capture_output=True, text=True)
        assert done.returncode == 0 and "usage: kg" in done.stdout
    done = subprocess.run([str(kg), "query", "officials", "--graph", "/nonexistent/kg.ttl"], capture_output=True, text=True)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_query_json_is_w3c_sparql_results(seed_build, capsys):
    status = main(["query", "officials", "--graph", str(seed_build[1] / "kg.ttl"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["head"]["vars"] == ["person", "post", "jurisdiction"]
    rows = {(b["person"]["value"], b["post"]["value"], b["jurisdiction"]["value"]) for b in data["results"]["bindings"]}
    assert ("吴清", "副市长", "上海市") in rows


def test_build_mirrors_the_folder_and_keeps_unreadable_files(tmp_path, capsys):
    """A document taken out of the folder leaves the graph; one that turns unreadable keeps its last graph."""
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text("上海市副市长吴清出席活动。", encoding="utf-8")
    (docs / "b.txt").write_text("杭州市人民政府印发《杭州市数字经济发展规划》。", encoding="utf-8")
    assert main(["build", "--docs", str(docs), "--out", str(out)]) == 0

    def documents():
        return set(Graph().parse(out / "kg.ttl").subjects(RDF.type, ONE.Document))

    assert len(documents()) == 2
    (docs / "b.txt").unlink()
    assert main(["build", "--docs", str(docs), "--out", str(out)]) == 0
    assert "1 no longer in the folder removed" in capsys.readouterr().out
    assert len(documents()) == 1
    (docs / "a.txt").write_bytes(b"\x00\x01binary now")
    assert main(["build", "--docs", str(docs), "--out", str(out)]) == 3
    assert len(documents()) == 1
