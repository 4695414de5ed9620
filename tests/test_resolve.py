"""Entity resolution: short and full names meet in one node; different people stay apart."""
import itertools
import shutil
from pathlib import Path

import pytest

from kg import queries
from kg.build import build_dataset
from kg.documents import iter_documents
from kg.export.rdf import merged_graph
from kg.facts.resolve import cluster_mentions, event_short_form, organ_aliases, organ_identity, product_short_form
from kg.nlp.mentions import Mention

GOLD = Path(__file__).parent / "fixtures" / "gold"


def m(start, label, cls, key=""):
    return Mention(start, start + len(label), cls, label, key)


def test_short_forms_within_a_document():
    ms = [m(0, "信息消费云峰汇", "Event"), m(20, "云峰汇", "Event"), m(30, "上汽集团", "Enterprise"),
          m(40, "上汽", "Enterprise"), m(50, "方晓琳", "Person"), m(60, "晓琳", "Person"), m(70, "方志刚", "Person")]
    clusters = cluster_mentions(ms)
    assert clusters[("Event", "云峰汇")] == "信息消费云峰汇"
    assert clusters[("Enterprise", "上汽")] == "上汽集团"
    assert clusters[("Person", "晓琳")] == "方晓琳"
    assert ("Person", "方志刚") not in clusters


def test_two_platforms_of_the_lexicon_stay_two_though_one_name_starts_the_other():
    ms = [m(0, "京东", "Enterprise", "京东"), m(10, "京东到家", "Enterprise", "京东到家")]
    assert ("Enterprise", "京东") not in cluster_mentions(ms)


def test_a_unit_is_not_a_longer_name_of_its_parent_and_a_short_name_goes_to_the_longest():
    ms = [m(0, "北京大学", "Organization"), m(10, "北京大学国家发展研究院", "Organization"),
          m(30, "2021上海“云上智享”信息消费节", "Event"), m(50, "信息消费节", "Event"), m(60, "消费节", "Event"),
          m(70, "江苏星驰新能源汽车有限公司", "Enterprise"), m(90, "星驰汽车", "Enterprise"),
          m(100, "江苏瑞能动力电池有限公司", "Enterprise"), m(120, "瑞能动力", "Enterprise")]
    clusters = cluster_mentions(ms)
    assert ("Organization", "北京大学") not in clusters
    assert clusters[("Event", "消费节")] == clusters[("Event", "信息消费节")] == "2021上海云上智享信息消费节"
    assert clusters[("Enterprise", "星驰汽车")] == "江苏星驰新能源汽车有限公司"
    assert clusters[("Enterprise", "瑞能动力")] == "江苏瑞能动力电池有限公司"


def test_organs_by_abbreviation_level_and_brackets():
    home = {"City": "上海市", "District": "长宁区"}
    aliases = organ_aliases({"市经信委", "市经济和信息化委员会", "区政府", "长宁区人民政府"}, home)
    assert aliases[("GovernmentBody", "市经信委")] == "市经济和信息化委员会"
    assert aliases[("GovernmentBody", "区政府")] == "长宁区人民政府"
    assert organ_identity("市经信委", home) == organ_identity("上海市经济和信息化委员会", home)
    assert organ_identity("省工信厅", {"Province": "山东省"}) == organ_identity("山东省工业和信息化厅", {})
    assert organ_identity("市市场监管局", {"City": "长沙市"}) == organ_identity("长沙市市场监督管理局", {})
    # no place named apart from the organ: the one city's organ; two cities' organs leave 市商务委 alone
    assert organ_aliases({"上海市经济信息化委", "市经济信息化委"}, {})[("GovernmentBody", "市经济信息化委")] == "上海市经济信息化委"
    assert ("GovernmentBody", "市商务委") not in organ_aliases({"上海市商务委", "杭州市商务委", "市商务委"}, {})
    text = "市经济和信息化局（市新经济委）"
    ms = [m(0, "市经济和信息化局", "GovernmentBody"), m(9, "市新经济委", "GovernmentBody")]
    assert cluster_mentions(ms, text)[("GovernmentBody", "市新经济委")] == "市经济和信息化局"
    text = "《长沙市促进直播电商高质量发展三年行动计划（2021—2023年）》（以下简称《行动计划》）"
    ms = [m(1, "长沙市促进直播电商高质量发展三年行动计划（2021—2023年）", "Initiative"), m(40, "行动计划", "Initiative"),
          m(60, "直播电商三年行动计划", "Initiative")]
    assert cluster_mentions(ms, text)[("Initiative", "行动计划")] == "长沙市促进直播电商高质量发展三年行动计划（2021—2023年）"


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory):
    """Two articles about the same district head: one says 徐汇区, the other mostly 徐汇."""
    folder = tmp_path_factory.mktemp("pair")
    for name in ("doc09", "doc10"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(GOLD / f"{name}{suffix}", folder / f"{name}{suffix}")
    return merged_graph(build_dataset([d for d in iter_documents(folder)]))


def test_organ_aliases_do_not_depend_on_the_order_of_the_labels():
    """区政府 and 县政府 both stand for the home district's government (organ_identity): neither is a fuller name of
    the other, whichever comes first; 县政府 is the one county government the text names."""
    labels = ["区政府", "县政府", "云霄县人民政府", "区商务委", "英山县商务委员会"]
    home = {"City": "英德市", "District": "虹口区"}
    got = {tuple(order): organ_aliases(order, home) for order in itertools.permutations(labels)}
    assert len({tuple(sorted(aliases.items())) for aliases in got.values()}) == 1
    aliases = got[tuple(labels)]
    assert aliases[("GovernmentBody", "县政府")] == "云霄县人民政府" and ("GovernmentBody", "区政府") not in aliases


def test_same_official_and_district_across_documents_is_one_node(two_documents):
    rows = queries.rows(two_documents, "entities")
    officials = [r for r in rows if r["label"] == "方志刚"]
    assert len(officials) == 1 and officials[0]["type"] == "Official"
    xuhui = [r for r in rows if r["entity"].endswith("/徐汇区")]
    assert len(xuhui) == 1
    assert {xuhui[0]["label"], *xuhui[0]["aliases"].split("|")} >= {"徐汇区", "徐汇"}


def test_people_sharing_a_surname_stay_apart(two_documents):
    persons = {r["label"] for r in queries.rows(two_documents, "entities") if r["type"] in ("Person", "Official")}
    assert {"方志刚", "方晓琳"} <= persons



def test_a_brand_with_a_shorter_kind_is_the_same_product_but_another_kind_is_not():
    assert product_short_form("深睡Pro智能床垫", "深睡Pro床垫")
    assert product_short_form("讷河富硒马铃薯", "讷河马铃薯")
    assert product_short_form("服务机器人", "机器人")
    assert not product_short_form("深睡Pro智能床垫", "深睡Pro枕头")
    assert product_short_form("镜界X1智能健身镜", "镜界X1")  # a model name without its kind
    assert not product_short_form("吉县苹果醋", "吉县苹果")  # produce and what is made of it stay two
    assert not product_short_form("江永香芋酥", "江永香柚")


def test_a_headline_abbreviation_of_an_event_is_the_event():
    assert event_short_form("2020成渝地区双城经济圈数字经济发展峰会", "成渝数字经济峰会")
    assert event_short_form("信息消费云峰汇", "云峰汇")
    assert not event_short_form("数字经济发展论坛", "数字经济分论坛")  # a sub-forum is another event
    assert event_short_form("第十七届中国（天津）国际汽车展览会", "天津车展")  # its head abbreviated too
    assert not event_short_form("第十七届中国（天津）国际汽车展览会", "上海车展")
    assert not event_short_form("2020成渝地区双城经济圈数字经济发展峰会", "成渝峰会论坛")
