"""Entity resolution within a document: which names in a text stand for the same thing."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache

from ..nlp import lexicon
from ..nlp.mentions import SHORT_NAME_CUE, SHOPPING_DAY, Mention, company_core
from ..nlp.places import gazetteer
from .model import strip_quotes

# How a short name may stand for a longer one of the same class: events and initiatives by any part
# (云峰汇 in 信息消费云峰汇), organizations by their head (上汽 of 上汽集团), persons by their given
# name, products by their kind. Only where exactly one longer name fits.
def company_short_form(full: str, short: str) -> bool:
    """上汽 of 上汽集团; 瑞能动力 of 江苏瑞能动力电池有限公司 (inside it); 星驰汽车 of 江苏星驰新能源汽车有限公司 (the
    name it goes by, then a word of its trade that the full name has)."""
    if full.startswith(short) or (len(short) >= 3 and short in full):
        return True
    core = _company_core(full)
    return core != full and len(core) >= 2 and short.startswith(core) and short[len(core):] in full


@lru_cache(maxsize=65536)
def _company_core(full: str) -> str:
    """company_core against the one gazetteer: asked of every pair of a text's company names, the same full name
    hundreds of times in a long text."""
    return company_core(full, gazetteer())


MODEL_NUMBER = re.compile(r"[A-Za-z0-9]")


def product_short_form(full: str, short: str) -> bool:
    """机器人 of 服务机器人 (when the text names only one kind of robot); a brand with a shorter kind:
    深睡Pro床垫 of 深睡Pro智能床垫, 讷河马铃薯 of 讷河富硒马铃薯 (names without their quotes); a model name without
    its kind: 镜界X1 of 镜界X1智能健身镜 (a model number makes the name one product's, where 苹果 of 苹果醋 is not)."""
    if full.endswith(short) or (full.startswith(short) and MODEL_NUMBER.search(short)):
        return True
    brand = os.path.commonprefix([full, short])
    return len(brand) >= 2 and len(short) > len(brand) and full.endswith(short[len(brand):])


def event_short_form(full: str, short: str) -> bool:
    """信息消费云峰汇 of 云峰汇 (any part); a headline's abbreviation, pieces of two characters or more taken in
    order and ending where the name ends (成渝数字经济峰会 of 2020成渝地区双城经济圈数字经济发展峰会), its head
    perhaps abbreviated too (天津车展 of 第十七届中国（天津）国际汽车展览会)."""
    if short in full:
        return True
    short = next((short[:-len(a)] + head for a, head in lexicon.load("names")["head_abbreviations"].items()
                  if short.endswith(a) and full.endswith(head)), short)
    if len(short) < 5:
        return False
    pos, rest, pieces = 0, short, 0
    while rest:
        n = next((k for k in range(len(rest), 1, -1) if full.find(rest[:k], pos) >= 0), 0)
        if n == 0:
            return False
        pos, rest, pieces = full.find(rest[:n], pos) + n, rest[n:], pieces + 1
    return pieces >= 2 and pos == len(full)


def person_short_form(full: str, short: str) -> bool:
    """晓琳 for 方晓琳; 帕丽达 for 帕丽达·艾山, a transliterated name's given name before its dot."""
    return full.endswith(short) or full.startswith(short + "·")


SHORT_FORMS = {
    "Event": event_short_form, "Initiative": str.__contains__,
    "Enterprise": company_short_form, "Organization": str.startswith, "GovernmentBody": str.startswith,
    "Person": person_short_form,  # two people named 方 stay apart
    "Product": product_short_form,
}
ORGAN = "GovernmentBody"


def name_of(m: Mention) -> str:
    return strip_quotes(m.key or m.label)


def cluster_mentions(mentions: list[Mention], text: str = "", home: dict[str, str] | None = None) -> dict[tuple[str, str], str]:
    """(class, name) -> the name of the entity it stands for, for every name that is a short form."""
    names: dict[str, set[str]] = {}
    first: dict[tuple[str, str], int] = {}
    for m in mentions:
        if m.cls in SHORT_FORMS and m.source != SHOPPING_DAY:  # 双11 in “苍溪好物·双11狂欢”专场直播 is the day, not the stream
            names.setdefault(m.cls, set()).add(name_of(m))
            first.setdefault((m.cls, name_of(m)), m.start)
    out = {}
    known = set(lexicon.enterprise_aliases().values())  # 京东 and 京东到家: two entries of the lexicon, two enterprises
    for cls, labels in names.items():
        part_of = SHORT_FORMS[cls]
        # a short form's first two characters are in its longer name (but for an event's abbreviated head): only the
        # names that hold them are compared, where every pair would be millions of comparisons in a long text
        holding = None if cls == "Event" else _by_two_characters(labels)
        for label in labels:
            if len(label) < 2:
                continue  # stands for nothing
            fits = labels if holding is None else holding.get(label[:2], set())
            longer = {x for x in fits if x != label and part_of(x, label) and not _part_named(cls, x, label)
                      and not (cls == "Enterprise" and x in known and label in known)}
            # 消费节 in 信息消费节 and in 2021上海“云上智享”信息消费节: the longest, where it holds the others
            longer = {x for x in longer if not any(y != x and part_of(y, x) for y in longer)}
            if len(longer) > 1 and cls == "Event":
                # 消费节 in 第二届…消费节 and in 去年首届…消费节: the event the article names first is its subject
                longer = {min(longer, key=lambda x: first[(cls, x)])}
            if len(longer) == 1:
                out[(cls, label)] = longer.pop()
    out.update(organ_aliases(names.get(ORGAN, set()), home or {}))
    out.update(parenthesized_aliases(mentions, text))
    return out


def _by_two_characters(names: Iterable[str]) -> dict[str, set[str]]:
    """Names by each pair of adjacent characters they hold."""
    out: dict[str, set[str]] = {}
    for name in names:
        for k in range(len(name) - 1):
            out.setdefault(name[k:k + 2], set()).add(name)
    return out


def _part_named(cls: str, longer: str, short: str) -> bool:
    """2021山东网上年货节启动仪式 is the festival's opening ceremony, not a longer name of the festival;
    北京大学国家发展研究院 is an institute of the university, not a longer name of it."""
    if cls in ("Organization", "GovernmentBody"):
        return bool(lexicon.org_class(short) and longer.startswith(short) and lexicon.org_class(longer[len(short):]))
    child = lexicon.ending(longer, lexicon.words("names", "child_event_heads")) if cls == "Event" else None
    return bool(child) and not short.endswith(child)


def organ_key(name: str) -> str:
    data = lexicon.load("organs")
    for short, full in sorted(data["abbreviations"].items(), key=lambda kv: -len(kv[0])):
        if name.endswith(short):
            name = name[: -len(short)] + full
            break
    for word in data["dropped"]:
        name = name.replace(word, "")
    return name


def organ_identity(name: str, home: dict[str, str]) -> str:
    """The organ a name denotes, spelled in full with its area: 市经信委 in an article about Shanghai is
    上海市经济和信息化委员会. Used for the IRI, so articles that abbreviate differently meet."""
    level = lexicon.load("organs")["levels"].get(name[:1])
    if level and home.get(level):
        name = home[level] + name[1:]
    return organ_key(name)


def organ_aliases(labels: Iterable[str], home: dict[str, str]) -> dict[tuple[str, str], str]:
    """市经信委 = 市经济和信息化委员会; 区政府 = 长宁区人民政府 in an article about 长宁区. Labels are read in
    sorted order, so the answer does not depend on the order of a set (Python's string hashing differs per process)."""
    labels = sorted(labels)
    keyed: dict[str, list[str]] = {}
    for label in labels:
        for k in dict.fromkeys((organ_key(label), organ_identity(label, home))):
            keyed.setdefault(k, []).append(label)
    out: dict[tuple[str, str], str] = {}
    for group in keyed.values():
        longest = max(map(len, group))
        fullest = [g for g in group if len(g) == longest]
        if len(fullest) > 1:  # 区政府 and 县政府, both the home district's by organ_identity: neither is fuller
            continue
        for g in group:  # a label in two groups goes to the fuller name of the two
            if g != fullest[0] and longest > len(out.get((ORGAN, g), "")):
                out[(ORGAN, g)] = fullest[0]
    # 市经济信息化委 = 上海市经济信息化委 where the text names no place apart from it, but only that one city's
    by_level: dict[str, list[str]] = {}
    for label in labels:
        by_level.setdefault(organ_key(_level_form(label)), []).append(label)
    for group in by_level.values():
        areas = [g for g in group if _level_form(g) != g]
        if len(areas) == 1:
            out.update({(ORGAN, g): areas[0] for g in group if g != areas[0] and (ORGAN, g) not in out})
    return out


def _level_form(name: str) -> str:
    """上海市经济信息化委 → 市经济信息化委: the organ as a text about that area writes it."""
    levels = lexicon.load("organs")["levels"]
    gaz = gazetteer()
    n = next((n for n in gaz.lengths.get(name[:1], ()) if name[:n] in gaz.full and name[n - 1:n] in levels
              and len(name) > n), 0)
    return name[n - 1:] if n else name


PAREN = re.compile(rf"[”》」]?[（(](?:{SHORT_NAME_CUE})?[“《「]?")
PAREN_END = re.compile(r"[”》」]?[）)]")


def parenthesized_aliases(mentions: list[Mention], text: str) -> dict[tuple[str, str], str]:
    """市经济和信息化局（市新经济委）, 《…三年行动计划（2021—2023年）》（以下简称《行动计划》）: a name in brackets right
    after a name of the same class is its alias."""
    out = {}
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start]
        if a.cls == b.cls and a.cls in SHORT_FORMS and PAREN.fullmatch(between) and PAREN_END.match(text, b.end):
            out[(b.cls, name_of(b))] = name_of(a)
    return out
