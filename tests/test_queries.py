"""Each saved query on the seed, through the real CLI and rdflib's SPARQL engine."""
import csv
import io

import pytest

from kg import queries
from kg.cli import main

COLUMNS = {
    "entities": ["entity", "type", "label", "aliases"],
    "officials": ["person", "post", "jurisdiction"],
    "affiliations": ["person", "role", "organization"],
    "events": ["event", "date", "parent"],
    "participants": ["agent", "event"],
    "promotions": ["agent", "product"],
    "makers": ["product", "enterprise"],
    "locations": ["entity", "place"],
    "initiatives": ["initiative", "issuer"],
    "authors": ["document", "person"],
    "evidence": ["subject", "predicate", "object", "document", "sentence"],
}


def run_csv(graph_path, name, capsys):
    assert main(["query", name, "--graph", str(graph_path), "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_list_names_every_saved_query(capsys):
    assert main(["query", "--list"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert listed == set(COLUMNS) == set(queries.saved())


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_saved_query_columns(seed_build, name, capsys):
    rows = run_csv(seed_build[1] / "kg.ttl", name, capsys)
    assert rows, name
    assert list(rows[0]) == COLUMNS[name]


def test_officials_on_seed(seed_build, capsys):
    rows = {(r["person"], r["post"], r["jurisdiction"]) for r in run_csv(seed_build[1] / "kg.ttl", "officials", capsys)}
    assert {("吴清", "副市长", "上海市"), ("吴清", "市委常委", "上海市")} <= rows


def test_events_on_seed(seed_build, capsys):
    rows = {r["event"]: r["date"] for r in run_csv(seed_build[1] / "kg.ttl", "events", capsys)}
    assert rows["信息消费云峰汇"] == "2020-05-17"
    assert rows["特别直播"] == "2020-05-17"


def test_entities_fullest_label_and_aliases(seed_build, capsys):
    rows = run_csv(seed_build[1] / "kg.ttl", "entities", capsys)
    by_label = {(r["type"], r["label"]): r for r in rows}
    assert by_label[("Event", "信息消费云峰汇")]["aliases"] == "云峰汇"
    assert ("Official", "吴清") in by_label and ("Person", "吴清") not in by_label
    assert ("City", "上海市") in by_label


def test_reference_atlas_is_not_listed(seed_build, capsys):
    """Mentioned districts bring their reference facts; districts nobody mentions stay out of the answers."""
    rows = run_csv(seed_build[1] / "kg.ttl", "entities", capsys)
    labels = {r["label"] for r in rows}
    assert "杨浦" in labels and "徐汇区" not in labels and "徐汇" not in labels
    located = {(r["entity"], r["place"]) for r in run_csv(seed_build[1] / "kg.ttl", "locations", capsys)}
    assert ("杨浦", "上海市") in located


def test_sparql_text_and_rq_file(seed_build, tmp_path, capsys):
    graph = str(seed_build[1] / "kg.ttl")
    text = "PREFIX one: <https://w3id.org/onekg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a one:Document }"
    assert main(["query", text, "--graph", graph, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"]
    rq = tmp_path / "docs.rq"
    rq.write_text(text, encoding="utf-8")
    assert main(["query", str(rq), "--graph", graph]) == 0
    assert "(1 rows)" in capsys.readouterr().out


def test_unknown_query_is_a_one_line_error(seed_build, capsys):
    assert main(["query", "nonsense", "--graph", str(seed_build[1] / "kg.ttl")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_locations_give_a_city_in_its_province_only_where_a_text_states_it(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("江西省赣州市市长李明走进直播间。南京市副市长王强出席，江苏省商务厅副厅长张伟致辞。", encoding="utf-8")
    assert main(["build", "--docs", str(docs), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    pairs = {(r["entity"], r["place"]) for r in run_csv(tmp_path / "out" / "kg.ttl", "locations", capsys)}
    assert ("赣州市", "江西省") in pairs and ("南京市", "江苏省") not in pairs
