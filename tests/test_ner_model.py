"""The shipped CLUENER NER model and the CLUENER loader (all sentences here are made up)."""

import json

import pytest

import random

import spacy
from spacy.training import Example

from kg.nlp.retype import Retyper, train_classifier
from kg.nlp.train import (MODEL_DIR, entity_swap_augmenter, load_cluener, load_ner, prf, record_spans, score_spans,
                          suffix_features, swap_mentions, to_doc, word_features)

SENTENCE = "腾讯公司副总裁周建明今天表示，公司将继续扩大研发投入。"


@pytest.fixture(scope="module")
def nlp():
    return load_ner(MODEL_DIR)  # spacy.load of a folder in the package: no download


def entities(nlp, text):
    return {(ent.text, ent.label_) for ent in nlp(text).ents}


def test_model_is_a_char_level_tok2vec_ner_over_lac_words(nlp):
    assert nlp.pipe_names == ["onekg_lac", "tok2vec", "ner", "onekg_retyper"]
    assert nlp.get_pipe("onekg_lac").scores  # LAC's tag probabilities are features of the tok2vec
    assert {"name", "company", "government", "position"} <= set(nlp.get_pipe("ner").labels)
    assert [t.text for t in nlp.make_doc("周建明")] == ["周", "建", "明"]


def test_model_finds_person_and_company(nlp):
    found = entities(nlp, SENTENCE)
    assert ("周建明", "name") in found
    assert ("腾讯公司", "company") in found


def test_model_finds_government_and_position(nlp):
    found = entities(nlp, "国家市场监督管理总局副局长王立新在发布会上介绍了有关情况。")
    assert ("王立新", "name") in found
    assert any(label == "government" for _, label in found)
    assert any(label == "position" for _, label in found)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_cluener_turns_inclusive_ends_into_char_spans(tmp_path):
    path = write_jsonl(tmp_path / "tiny.jsonl", [
        {"text": "李小红在南湖书店买了《山中来信》。",
         "label": {"name": {"李小红": [[0, 2]]}, "scene": {"南湖书店": [[4, 7]]},
                   "book": {"《山中来信》": [[10, 15]]}}},
        {"text": "没有实体的句子。", "label": {}},
        {"text": "A股公司青禾食品在深圳和深圳湾都有门店", "label": {
            "company": {"青禾食品": [[4, 7]]}, "address": {"深圳": [[9, 10]], "深圳湾": [[12, 14]]}}},
    ])
    docs = load_cluener(path)
    assert [[(e.text, e.label_) for e in doc.ents] for doc in docs] == [
        [("李小红", "name"), ("南湖书店", "scene"), ("《山中来信》", "book")],
        [],
        [("青禾食品", "company"), ("深圳", "address"), ("深圳湾", "address")],
    ]
    assert all(len(doc) == len(doc.text) for doc in docs)  # one token per character
    assert (docs[0].ents[0].start_char, docs[0].ents[0].end_char) == (0, 3)


def test_load_cluener_keeps_the_longest_of_overlapping_spans(tmp_path):
    path = write_jsonl(tmp_path / "overlap.jsonl", [
        {"text": "北京市海淀区政府", "label": {"address": {"北京市海淀区": [[0, 5]]},
                                          "government": {"北京市海淀区政府": [[0, 7]]}}}])
    assert [(e.text, e.label_) for e in load_cluener(path)[0].ents] == [("北京市海淀区政府", "government")]


def test_scores_are_exact_span_match_micro_averaged():
    record = {"text": "ignored", "label": {"name": {"ab": [[0, 1]]}, "company": {"cd": [[3, 4]]}}}
    gold = [record_spans(record)]
    assert gold == [{(0, 2, "name"), (3, 5, "company")}]
    pred = [{(0, 2, "name"), (3, 4, "company"), (6, 7, "movie")}]  # one exact, one short, one spurious
    scores = score_spans(gold, pred)
    assert scores["name"]["f"] == 100.0
    assert scores["company"] == prf(0, 1, 1)
    assert scores["overall"]["p"] == pytest.approx(33.33) and scores["overall"]["r"] == 50.0


def test_word_features_follow_lac_words_character_by_character(nlp):
    """Each character gets the hash of the LAC word it is in and of its place there with the word's tag."""
    doc = nlp("副市长吴清走进直播间")
    words, places = word_features(doc)
    assert len(words) == len(places) == len(doc)
    by_char = dict(zip((t.idx for t in doc), zip(words.tolist(), places.tolist())))
    wu, qing = by_char[3], by_char[4]  # 吴清: one PER word, begun then ended
    assert wu[0] == qing[0] and wu[1] != qing[1]
    assert by_char[0][0] != wu[0]  # 副市长 is another word


def test_suffix_features_give_every_character_its_word_s_ending(nlp):
    """Every character of a LAC word gets the word's last one and two characters: the first character of a long
    name sees how the name ends."""
    doc = nlp("副市长吴清走进直播间")
    last, last2 = suffix_features(doc)
    by_char = dict(zip((t.idx for t in doc), zip(last.tolist(), last2.tolist())))
    assert by_char[0] == by_char[1] == by_char[2]  # 副市长: one word
    assert by_char[0] != by_char[3]


def test_swap_mentions_moves_the_text_and_the_spans_together():
    random.seed(0)
    text, spans = swap_mentions("上海市政府与阿里巴巴签约", [(0, 5, "government"), (6, 10, "company")],
                                {"government": ["国务院"], "company": ["腾讯公司"]}, swap=1.0)
    assert text == "国务院与腾讯公司签约"
    assert [text[a:b] for a, b, _ in spans] == ["国务院", "腾讯公司"]
    assert [label for *_, label in spans] == ["government", "company"]


def test_entity_swap_augmenter_adds_a_copy_with_mentions_seen_before():
    """Each example passes through; with prob 1 a copy follows in which names seen earlier take the places of its own."""
    nlp = spacy.blank("zh")
    augment = entity_swap_augmenter(prob=1.0, swap=1.0)

    def example(text, spans):
        return Example(nlp.make_doc(text), to_doc(nlp, text, spans))

    first = list(augment(nlp, example("国务院发文", [(0, 3, "government")])))
    assert [e.reference.text for e in first] == ["国务院发文", "国务院发文"]  # only its own mention seen so far
    random.seed(1)
    out = list(augment(nlp, example("上海市政府发文", [(0, 5, "government")])))
    assert out[0].reference.text == "上海市政府发文"
    copy = out[1].reference
    assert [(e.text, e.label_) for e in copy.ents] == [(copy.text[:-2], "government")]
    assert copy.text[:-2] in {"国务院", "上海市政府"} and out[1].predicted.text == copy.text


def test_retyper_relabels_organization_like_entities_by_the_whole_mention():
    mentions = [(m, "government") for m in ("北京市公安局", "上海市商务委员会", "杭州市人民政府", "南京市教育局")] + \
        [(m, "company") for m in ("腾讯科技有限公司", "华为技术有限公司", "小米集团", "京东物流公司")] + \
        [(m, "organization") for m in ("清华大学", "复旦大学", "浙江省电子商务协会", "中国社会科学院")]
    retyper = Retyper(train_classifier(mentions, epochs=20))
    doc = spacy.blank("zh")("成都市公安局与清华大学和阿里巴巴有限公司签约，张三出席。")
    doc.ents = [doc.char_span(0, 6, "company"), doc.char_span(7, 11, "government"),
                doc.char_span(12, 20, "organization"), doc.char_span(23, 25, "name")]
    assert [(e.text, e.label_) for e in retyper(doc).ents] == [
        ("成都市公安局", "government"), ("清华大学", "organization"), ("阿里巴巴有限公司", "company"), ("张三", "name")]


def test_the_shipped_retyper_survives_a_save_and_load(nlp, tmp_path):
    nlp.get_pipe("onekg_retyper").to_disk(tmp_path / "retyper")
    again = Retyper().from_disk(tmp_path / "retyper")
    assert again.classifier.pipe_names == ["textcat"]
    assert set(again.classifier.get_pipe("textcat").labels) == {"government", "organization", "company"}


def test_train_ner_trains_the_network_then_adds_the_retyper(tmp_path):
    """`kg train-ner` end to end on a tiny made-up corpus in CLUENER's format (a few steps, not a useful model)."""
    lines = [("北京市公安局今天发布通知。", {"government": {"北京市公安局": [[0, 5]]}}),
             ("腾讯科技有限公司副总裁周建明出席。", {"company": {"腾讯科技有限公司": [[0, 7]]}, "name": {"周建明": [[11, 13]]}}),
             ("清华大学公共管理学院院长江小涓演讲。", {"organization": {"清华大学公共管理学院": [[0, 9]]},
                                                   "position": {"院长": [[10, 11]]}, "name": {"江小涓": [[12, 14]]}}),
             ("上海市商务委员会与京东物流公司签约。", {"government": {"上海市商务委员会": [[0, 7]]},
                                                   "company": {"京东物流公司": [[9, 14]]}})]
    data = tmp_path / "data"
    data.mkdir()
    for split in ("train", "dev"):
        (data / f"{split}.jsonl").write_text(
            "\n".join(json.dumps({"text": t, "label": lab}, ensure_ascii=False) for t, lab in lines), encoding="utf-8")
    from kg.nlp.train import train_ner
    result = train_ner(data, tmp_path / "model", overrides={
        "training.max_steps": 4, "training.eval_frequency": 2, "training.batcher.size.start": 50})
    trained = load_ner(result["model_dir"])
    assert trained.pipe_names == ["onekg_lac", "tok2vec", "ner", "onekg_retyper"]
    assert set(trained.get_pipe("onekg_retyper").classifier.get_pipe("textcat").labels) == {
        "government", "organization", "company"}
    assert {"overall", "government"} <= set(result["dev"])
