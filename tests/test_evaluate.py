"""Tests of the gold scorer (kg/evaluate.py) and of the hand-made gold fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.evaluate import (
    DATE,
    ENTITY,
    ENTITY_TYPES,
    POST,
    RELATION_FIELDS,
    TECHNOLOGY,
    Counts,
    format_errors,
    format_report,
    load_gold,
    normalize,
    predicted_from_rows,
    score,
)

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"
GOLD = load_gold(GOLD_DIR)
ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def ent(label, *types, aliases=()):
    return {"types": list(types), "label": label, "aliases": list(aliases)}


def doc(entities=(), relations=None, ignore=(), id="d"):
    return {"id": id, "entities": list(entities), "ignore": list(ignore), "relations": relations or {}}


def counts(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.fp, c.fn)


GOLD_DOC = doc(
    [
        ent("吴清", "Official"),
        ent("上海市", "City", aliases=["上海"]),
        ent("杨浦区", "District", aliases=["杨浦"]),
        ent("“4个100+”行动计划", "Initiative"),
        ent("信息消费云峰汇", "Event", aliases=["云峰汇"]),
        ent("江小涓", "Person"),
        ent("清华大学公共管理学院", "Organization"),
        ent("智能网联汽车", "Product"),
        ent("在线新经济", "Technology", "Initiative"),
        ent("5G", "Technology"),
    ],
    {
        "holds_post": [
            {"person": "吴清", "post": "副市长", "jurisdiction": "上海市"},
            {"person": "吴清", "post": "市委常委", "jurisdiction": "上海市"},
        ],
        "affiliation": [{"person": "江小涓", "role": "院长", "organization": "清华大学公共管理学院"}],
        "event_date": [{"event": "信息消费云峰汇", "date": "2020-05-17"}],
        "participant": [{"agent": "吴清", "event": "信息消费云峰汇"}],
        "promotes": [{"agent": "吴清", "product": "智能网联汽车"}],
        "located_in": [{"entity": "杨浦区", "place": "上海市"}],
        "issued_by": [{"initiative": "“4个100+”行动计划", "issuer": "上海市"}],
        "author": [{"person": "张懿"}],
    },
    ignore=["上海智造", "区长们"],
)


# ----------------------------------------------------------------- normalisation


def test_normalize_strips_quotes_brackets_and_spaces():
    assert normalize("“4个100+”行动计划") == "4个100+行动计划"
    assert normalize("《成都市“十四五”数字经济发展规划》") == "成都市十四五数字经济发展规划"
    assert normalize("乐游互娱（上海）有限公司") == "乐游互娱上海有限公司"
    assert normalize(" 「上海」\u3000『智造』 (x) ") == "上海智造x"
    assert normalize(None) == ""


# ----------------------------------------------------------------- entities


def test_entity_tp_fp_fn_counts():
    pred = doc([ent("吴清", "Official"), ent("上海", "City"), ent("李四", "Person"), ent("新闻发布会", "Event")])
    r = score([(GOLD_DOC, pred)])
    assert counts(r.entity_types["Official"]) == (1, 0, 0)
    assert counts(r.entity_types["City"]) == (1, 0, 0)  # alias 上海 of 上海市
    assert counts(r.entity_types["Person"]) == (0, 1, 1)  # 李四 FP, 江小涓 FN
    assert counts(r.entity_types["Event"]) == (0, 1, 1)
    assert counts(r.entity_types["District"]) == (0, 0, 1)
    # 8 core gold entities, 2 found, 2 spurious
    assert counts(r.core_entity) == (2, 2, 6)
    assert r.core_entity.precision == pytest.approx(0.5)
    assert r.core_entity.recall == pytest.approx(2 / 8)
    assert r.core_entity.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_entity_label_normalised_against_label_and_aliases():
    pred = doc(
        [
            ent("《“4个100+”行动计划》", "Initiative"),  # brackets and quotes removed
            ent("4个100+ 行动计划", "Initiative"),  # the same entity again: a duplicate
            ent("「云峰汇」", "Event"),  # alias
            ent("杨 浦", "District"),  # alias with a space
        ]
    )
    r = score([(GOLD_DOC, pred)])
    assert counts(r.entity_types["Initiative"]) == (1, 1, 0)
    assert counts(r.entity_types["Event"]) == (1, 0, 0)
    assert counts(r.entity_types["District"]) == (1, 0, 0)
    assert any("duplicate" in e for e in r.documents[0].false_positives)


def test_entity_type_must_be_one_of_the_gold_types():
    gold = doc([ent("上汽", "Enterprise", "Organization"), ent("吴清", "Official")])
    pred = doc([ent("上汽", "Organization"), ent("吴清", "Person")])
    r = score([(gold, pred)])
    assert counts(r.entity_types["Enterprise"]) == (1, 0, 0)  # counted under the first gold type
    assert counts(r.entity_types["Official"]) == (0, 0, 1)
    assert counts(r.entity_types["Person"]) == (0, 1, 0)  # wrong type: FP under its own type
    # a prediction with several types is right if any of them is a gold type
    r = score([(gold, doc([ent("吴清", "Person", "Official")]))])
    assert counts(r.entity_types["Official"]) == (1, 0, 0)
    assert counts(r.entity_types["Person"]) == (0, 0, 0)


def test_ignore_list_neither_required_nor_penalised():
    pred = doc([ent("上海智造", "Initiative"), ent("“区长们”", "Person"), ent("薇娅", "Person")])
    r = score([(GOLD_DOC, pred)])
    assert r.entity_types["Initiative"].fp == 0
    assert counts(r.entity_types["Person"]) == (0, 1, 1)  # only 薇娅 is a false positive
    assert r.core_entity.fp == 1


def test_technology_scored_separately_and_excluded_from_core():
    gold_only = score([(GOLD_DOC, doc())])
    assert counts(gold_only.technology) == (0, 0, 2)
    assert gold_only.core_entity.fn == 8  # the two Technology entities are not required
    pred = doc([ent("5G", "Technology"), ent("人工智能", "Technology"), ent("在线新经济", "Initiative")])
    r = score([(GOLD_DOC, pred)])
    assert counts(r.technology) == (2, 1, 0)  # 在线新经济 matches as Initiative (a gold type)
    assert counts(r.core_entity) == (0, 0, 8)
    assert r.entity_types["Initiative"].tp == 0
    # a Technology prediction typed as a core type is a core false positive
    r = score([(GOLD_DOC, doc([ent("5G", "Product")]))])
    assert counts(r.core_entity) == (0, 1, 8)
    assert counts(r.technology) == (0, 0, 2)


def test_entity_matching_uses_the_label_not_predicted_aliases():
    pred = doc([ent("吴副市长", "Official", aliases=["吴清"])])
    r = score([(GOLD_DOC, pred)])
    assert counts(r.entity_types["Official"]) == (0, 1, 1)


# ----------------------------------------------------------------- relations


def test_relation_counts_with_alias_and_post_containment():
    pred = doc(
        relations={
            "holds_post": [
                {"person": "吴清", "post": "市委常委、副市长", "jurisdiction": "上海"},  # contains both posts
                {"person": "吴清", "post": "副市长", "jurisdiction": "上海市"},
                {"person": "吴清", "post": "市长", "jurisdiction": "上海市"},  # contained in 副市长 ...
            ],
            "affiliation": [{"person": "江小涓", "role": "公共管理学院院长", "organization": "清华大学公共管理学院"}],
            "event_date": [{"event": "云峰汇", "date": "2020-05-18"}],  # wrong date
            "located_in": [{"entity": "杨浦", "place": "上海"}],
            "issued_by": [{"initiative": "4个100+行动计划", "issuer": "上海市"}],
            "author": [{"person": "张懿"}],
        }
    )
    r = score([(GOLD_DOC, pred)])
    hp = r.relation_kinds["holds_post"]
    # bipartite matching: the combined post and 副市长 pair with the two gold tuples, and
    # 市长 (contained in 副市长) is left over as a false positive
    assert counts(hp) == (2, 1, 0)
    assert r.holds_post_precision == pytest.approx(2 / 3)
    assert counts(r.relation_kinds["affiliation"]) == (1, 0, 0)
    assert counts(r.relation_kinds["event_date"]) == (0, 1, 1)
    assert counts(r.relation_kinds["located_in"]) == (1, 0, 0)
    assert counts(r.relation_kinds["issued_by"]) == (1, 0, 0)
    assert counts(r.relation_kinds["author"]) == (1, 0, 0)
    assert counts(r.relation_kinds["participant"]) == (0, 0, 1)
    assert counts(r.relations) == (6, 2, 3)


def test_post_containment_is_not_substring_of_person_or_place():
    pred = doc(
        relations={
            "holds_post": [
                {"person": "吴", "post": "副市长", "jurisdiction": "上海市"},  # entity fields are not contained
                {"person": "吴清", "post": "区长", "jurisdiction": "上海市"},  # neither title contains the other
                {"person": "吴清", "post": "", "jurisdiction": "上海市"},  # an empty post never matches
            ]
        }
    )
    r = score([(GOLD_DOC, pred)])
    assert counts(r.relation_kinds["holds_post"]) == (0, 3, 2)


def test_duplicate_relation_tuples_through_aliases_count_once():
    pred = doc(
        relations={
            "located_in": [
                {"entity": "杨浦区", "place": "上海市"},
                {"entity": "杨浦", "place": "上海"},
                {"entity": "“杨浦区”", "place": "上海市"},
            ]
        }
    )
    r = score([(GOLD_DOC, pred)])
    assert counts(r.relation_kinds["located_in"]) == (1, 0, 0)


def test_relation_to_ignored_string_is_not_penalised():
    pred = doc(
        relations={
            "issued_by": [{"initiative": "上海智造", "issuer": "上海市"}],
            "promotes": [{"agent": "吴清", "product": "CT机"}],
        }
    )
    r = score([(GOLD_DOC, pred)])
    assert counts(r.relation_kinds["issued_by"]) == (0, 0, 1)
    assert counts(r.relation_kinds["promotes"]) == (0, 1, 1)


def test_dates_must_match_exactly():
    gold = doc([ent("五五购物节", "Event")], {"event_date": [{"event": "五五购物节", "date": "2021-03"}]})
    for date, expected in [("2021-03", (1, 0, 0)), ("2021-03-01", (0, 1, 1)), ("2021", (0, 1, 1))]:
        pred = doc(relations={"event_date": [{"event": "五五购物节", "date": date}]})
        assert counts(score([(gold, pred)]).relation_kinds["event_date"]) == expected


def test_micro_average_over_documents():
    g1 = doc([ent("甲", "Person")], {"author": [{"person": "甲"}]}, id="one")
    g2 = doc([ent("乙", "Person"), ent("丙", "Person"), ent("丁", "Person")], id="two")
    p1 = doc([ent("甲", "Person")], {"author": [{"person": "甲"}]})
    p2 = doc([ent("乙", "Person"), ent("戊", "Person"), ent("己", "Person"), ent("庚", "Person")])
    r = score([(g1, p1), (g2, p2)])
    # micro: 2 TP of 5 predictions -- not the mean of the per-document precisions (1.0 and 0.25)
    assert counts(r.core_entity) == (2, 3, 2)
    assert r.core_entity.precision == pytest.approx(2 / 5)
    assert r.core_entity.recall == pytest.approx(2 / 4)
    assert [d.id for d in r.documents] == ["one", "two"]
    assert counts(r.relations) == (1, 0, 0)


def test_zero_denominators_give_zero():
    r = score([])
    assert counts(r.core_entity) == (0, 0, 0)
    assert r.core_entity.precision == r.core_entity.recall == r.core_entity.f1 == 0.0
    assert r.holds_post_precision == 0.0


def test_format_report_is_a_fixed_width_table():
    r = score([(GOLD_DOC, GOLD_DOC)])
    text = format_report(r)
    lines = text.splitlines()
    for name in [*ENTITY_TYPES, *RELATION_FIELDS, "core (without Technology)", "all relations"]:
        assert any(line.strip().startswith(name) for line in lines), name
    rows = [line for line in lines if re.match(r"^  \S", line) and not line.startswith("  -")]
    assert len({len(line) for line in rows}) == 1  # every row has the same width
    assert "holds_post precision: 1.000" in text
    assert r.as_dict()["core_entity"]["f1"] == 1.0


def test_errors_list_each_documents_false_positives_and_negatives():
    gold = doc([ent("吴清", "Official"), ent("上汽", "Enterprise")], id="a")
    pred = doc([ent("吴清", "Official"), ent("张三", "Person")], id="a")
    text = format_errors(score([(gold, pred), (doc(id="b"), doc(id="b"))]))
    assert text.splitlines() == ["a", "  + entity Person 张三 (not in gold)", "  - entity Enterprise 上汽"]


# ----------------------------------------------------------------- query rows


def test_predicted_from_rows_groups_entities_and_maps_queries():
    rows = {
        "entities": [
            {"entity": "https://w3id.org/onekg/id/person/吴清", "type": "Official", "label": "吴清", "aliases": ""},
            {"entity": "https://w3id.org/onekg/id/person/吴清", "type": "Person", "label": "吴清", "aliases": ""},
            {
                "entity": "https://w3id.org/onekg/id/place/上海市",
                "type": "https://w3id.org/onekg/ontology#City",
                "label": "上海市",
                "aliases": "上海|上海市|沪",
            },
        ],
        "officials": [
            {"person": "吴清", "post": "副市长", "jurisdiction": "上海市"},
            {"person": "吴清", "post": "副市长", "jurisdiction": "上海市"},
            {"person": "吴清", "post": "", "jurisdiction": "上海市"},
        ],
        "affiliations": [{"person": "江小涓", "role": "院长", "organization": "清华大学公共管理学院"}],
        "events": [
            {"event": "信息消费云峰汇", "date": "2020-05-17", "parent": ""},
            {"event": "特别直播", "date": "2020-05-17", "parent": "信息消费云峰汇"},
            {"event": "五五购物节", "date": None, "parent": None},
        ],
        "participants": [{"agent": "吴清", "event": "特别直播"}],
        "promotions": [{"agent": "吴清", "product": "CT机"}],
        "makers": [{"product": "智能网联汽车", "enterprise": "上汽"}],
        "locations": [{"entity": "杨浦区", "place": "上海市"}],
        "initiatives": [{"initiative": "“4个100+”行动计划", "issuer": "上海市"}],
        "authors": [{"document": "https://w3id.org/onekg/doc/164738e43296cac7", "person": "张懿"}],
    }
    pred = predicted_from_rows(rows)
    assert pred["entities"] == [
        {"types": ["Official", "Person"], "label": "吴清", "aliases": []},
        {"types": ["City"], "label": "上海市", "aliases": ["上海", "沪"]},
    ]
    rel = pred["relations"]
    assert set(rel) == set(RELATION_FIELDS)
    assert rel["holds_post"] == [{"person": "吴清", "post": "副市长", "jurisdiction": "上海市"}]
    assert rel["affiliation"] == [{"person": "江小涓", "role": "院长", "organization": "清华大学公共管理学院"}]
    assert rel["event_date"] == [
        {"event": "信息消费云峰汇", "date": "2020-05-17"},
        {"event": "特别直播", "date": "2020-05-17"},
    ]
    assert rel["part_of"] == [{"event": "特别直播", "parent": "信息消费云峰汇"}]
    assert rel["participant"] == [{"agent": "吴清", "event": "特别直播"}]
    assert rel["promotes"] == [{"agent": "吴清", "product": "CT机"}]
    assert rel["maker"] == [{"product": "智能网联汽车", "enterprise": "上汽"}]
    assert rel["located_in"] == [{"entity": "杨浦区", "place": "上海市"}]
    assert rel["issued_by"] == [{"initiative": "“4个100+”行动计划", "issuer": "上海市"}]
    assert rel["author"] == [{"person": "张懿"}]
    assert predicted_from_rows({}) == {"entities": [], "relations": {k: [] for k in RELATION_FIELDS}}


def _rows_from(gold: dict) -> dict[str, list[dict[str, str]]]:
    """Rows the saved queries would return if extraction reproduced *gold* exactly."""
    rows: dict[str, list[dict[str, str]]] = {"entities": []}
    for i, e in enumerate(gold["entities"]):
        for t in e["types"]:
            rows["entities"].append(
                {"entity": f"urn:x:{i}", "type": t, "label": e["label"], "aliases": "|".join(e["aliases"])}
            )
    rel = gold["relations"]
    rows["officials"] = list(rel.get("holds_post", []))
    rows["affiliations"] = list(rel.get("affiliation", []))
    rows["events"] = [{**t, "parent": ""} for t in rel.get("event_date", [])]
    rows["events"] += [{**t, "date": ""} for t in rel.get("part_of", [])]
    rows["participants"] = list(rel.get("participant", []))
    rows["promotions"] = list(rel.get("promotes", []))
    rows["makers"] = list(rel.get("maker", []))
    rows["locations"] = list(rel.get("located_in", []))
    rows["initiatives"] = list(rel.get("issued_by", []))
    rows["authors"] = [{"document": "urn:doc", **t} for t in rel.get("author", [])]
    return rows


def test_gold_through_query_rows_scores_perfectly():
    r = score((g, predicted_from_rows(_rows_from(g))) for g in GOLD)
    assert counts(r.core_entity) == (r.core_entity.tp, 0, 0) and r.core_entity.tp > 150
    assert r.technology.fp == r.technology.fn == 0
    assert r.relations.fp == r.relations.fn == 0 and r.relations.tp > 100
    assert r.holds_post_precision == 1.0


# ----------------------------------------------------------------- gold fixtures


def test_load_gold_reads_json_with_sibling_txt(tmp_path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"entities": []}), encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2020-01-01"}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b", "entities": []}), encoding="utf-8")  # no b.txt
    gold = load_gold(tmp_path)
    assert [g["id"] for g in gold] == ["a"]
    assert gold[0]["text_path"] == str(tmp_path / "a.txt")
    assert gold[0]["relations"] == {} and gold[0]["ignore"] == []


def test_gold_fixtures_present():
    ids = [g["id"] for g in GOLD]
    assert "seed" in ids
    assert len(ids) >= 10
    assert len(set(ids)) == len(ids)
    # every .json that is not a sidecar has its text, and every text has gold
    stems = {p.stem for p in GOLD_DIR.glob("*.json") if not p.name.endswith(".meta.json")}
    assert stems == {p.stem for p in GOLD_DIR.glob("*.txt")} == set(ids)


# relation field -> entity types it may name
FIELD_TYPES = {
    ("holds_post", "person"): {"Official"},
    ("affiliation", "person"): {"Person", "Official"},
    ("event_date", "event"): {"Event"},
    ("part_of", "event"): {"Event"},
    ("part_of", "parent"): {"Event"},
    ("participant", "event"): {"Event"},
    ("promotes", "product"): {"Product"},
    ("maker", "product"): {"Product"},
    ("maker", "enterprise"): {"Enterprise", "Organization"},
    ("issued_by", "initiative"): {"Initiative"},
    ("author", "person"): {"Person"},
    ("located_in", "place"): {"City", "District", "Province", "Region"},
}


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_fixture_is_self_consistent(gold):
    text_path = Path(gold["text_path"])
    text = normalize(text_path.read_text(encoding="utf-8"))
    meta = json.loads(text_path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert gold["id"] == text_path.stem
    assert gold["published"] == meta["published"]
    assert ISO_DATE.match(meta["published"]) and meta["source"] and meta["title"]
    assert normalize(meta["title"]) in text

    names: dict[str, dict] = {}
    for e in gold["entities"]:
        assert set(e) == {"types", "label", "aliases"}, e
        assert e["types"] and set(e["types"]) <= set(ENTITY_TYPES), e
        assert len(set(e["types"])) == len(e["types"]), e
        surface = [normalize(n) for n in [e["label"], *e["aliases"]]]
        assert all(surface), e
        # the text states the thing under at least one of its names (a label may be the
        # distributed form 杨浦区 of "杨浦、闵行……等区")
        assert any(n in text for n in surface), e
        for n in surface:
            assert n not in names or names[n] is e, f"{n} names two entities"
            names[n] = e
    ignore = [normalize(s) for s in gold["ignore"]]
    for s in ignore:
        assert s not in names, f"ignore string {s} is also an entity name"
        assert s in text, f"ignore string {s} is not in the text"

    assert set(gold["relations"]) == set(RELATION_FIELDS)
    for kind, tuples in gold["relations"].items():
        fields = RELATION_FIELDS[kind]
        seen = set()
        for t in tuples:
            assert set(t) == set(fields), (kind, t)
            key = tuple(sorted(t.items()))
            assert key not in seen, f"duplicate {kind} {t}"
            seen.add(key)
            for f, how in fields.items():
                v = t[f]
                if how == DATE:
                    assert ISO_DATE.match(v), (kind, t)
                elif how == POST:
                    assert normalize(v) in text, (kind, t)
                else:
                    assert how == ENTITY
                    e = names.get(normalize(v))
                    assert e is not None, f"{kind}.{f} = {v} names no entity"
                    allowed = FIELD_TYPES.get((kind, f))
                    if allowed:
                        assert set(e["types"]) & allowed, (kind, f, e)
                    assert TECHNOLOGY not in e["types"], (kind, f, e)


def test_gold_fixtures_score_perfectly_against_themselves():
    r = score((g, g) for g in GOLD)
    assert r.core_entity.f1 == r.technology.f1 == r.relations.f1 == 1.0
