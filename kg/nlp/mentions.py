"""Candidate mentions from each signal Chinese news gives, as pure functions over text and LAC words.

Each finder returns `Mention`s; `resolve_overlaps` keeps one reading per stretch of text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, NamedTuple

from . import lexicon
from .places import Gazetteer

CJK = re.compile(r"^[\u4e00-\u9fff]+$")
QUOTED = re.compile(r"“([^“”\n]{2,30})”|《([^《》\n]{2,40})》|「([^「」\n]{2,30})」|\"([^\"\n]{2,30})\"")
SAID = re.compile(r"[，。！？；,!?;]")
EDITION = re.compile(r"^(?:首届|首场|第[一二三四五六七八九十\d]+[届场期次]|\d{4}年?|20\d\d)")
ORG_TAGS = {"ORG", "nt"}
NOUN_TAGS = {"n", "nz", "vn", "an", "ORG", "nt", "nw", "b"}


class Word(NamedTuple):
    start: int
    end: int
    text: str
    tag: str
    confidence: float = 1.0  # for a PER word, LAC's (kg.nlp.lac.person_confidence)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    cls: str                # ontology class local name
    label: str              # the name as the text writes it, without quotes
    key: str = ""           # canonical key when known (place key, enterprise full name)
    source: str = ""        # which finder produced it, kept as provenance
    priority: int = 0       # higher wins an overlap of equal length


def occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of `word` in `text`, left to right, none overlapping: what re.finditer
    of the escaped word finds, without a pattern per name (the names of a corpus overflow re's cache, and
    each was compiled again per document)."""
    if not word:
        return
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


class Boundaries:
    """Word boundaries from LAC: a name must start and end where words do."""

    def __init__(self, words: Iterable[Word]):
        words = list(words)
        self.starts = {w.start for w in words}
        self.ends = {w.end for w in words}

    def aligned(self, start: int, end: int) -> bool:
        return start in self.starts and end in self.ends


class Spans:
    """Character spans of a text, for the questions the rules ask at every occurrence of a name: a mark per
    character, where reading a list of spans at each question costs the square of a long text's length."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()):
        self.marks = bytearray(length)
        self.points: list[int] = []  # empty spans: they overlap a span that holds them strictly
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int):
        end = min(end, len(self.marks))
        if start < end:
            self.marks[start:end] = b"\x01" * (end - start)
        else:
            self.points.append(start)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span (s, e) has start < e and s < end (for start < end)."""
        return 1 in self.marks[start:end] or any(start < p < end for p in self.points)

    def holds(self, pos: int) -> bool:
        """Whether a span (s, e) has s <= pos < e."""
        return pos < len(self.marks) and self.marks[pos] == 1


# -- places -------------------------------------------------------------------------------------

def find_places(text: str, words: list[Word], gaz: Gazetteer) -> list[Mention]:
    bounds = Boundaries(words)
    loc_words = {(w.start, w.end) for w in words if w.tag == "LOC"}
    cut_words = tuple(lexicon.load("places")["cut_words"])
    common_names = set(lexicon.load("places")["common_word_names"])
    function_starts = {w.start for w in words if w.tag in lexicon.load("places")["function_tags"]}
    hits, chained, nested = [], -1, set()
    for i, char in enumerate(text):
        for n in gaz.lengths.get(char, ()):
            surface = text[i:i + n]
            if n < 2 or len(surface) < n or surface not in gaz.names:
                continue
            # Full names may chain inside a word LAC reads whole (湖北省宜昌市秭归县委); short forms
            # must be words of their own, or be followed by an area within them (贵州遵义正安县委).
            starts = i in bounds.starts or i == chained
            encloses = starts and surface not in gaz.full and _encloses_next(gaz, text, i + n, surface)
            if text.startswith(cut_words, i + n - 1):  # 海南区|域总部: 区域, not 海南区
                continue
            if surface in common_names and i != chained:  # 城区 alone is the urban area, 晋城市城区 an area
                continue
            if i in function_starts and (i + n not in bounds.ends or (i, i + n) not in loc_words):
                continue  # 各城区和县: the conjunction 和 and 县, not 和县 (unless LAC reads the place)
            if (surface in gaz.full and starts) or bounds.aligned(i, i + n) or encloses:
                hits.append((i, i + n, surface))
                chained = i + n if surface in gaz.full or encloses else -1
                if encloses:
                    nested.add(i)
                break
    chained_to = _chained_places(gaz, hits)
    mentioned = {k for _, _, s in hits if s in gaz.full or len(gaz.names[s]) == 1 for k in gaz.names[s]
                 if s not in chained_to or k == chained_to[s]}
    named_in_full = {k for _, _, s in hits if s in gaz.full for k in gaz.names[s]}
    # the areas the places the text names without doubt lie in (上海市, for 徐汇区 and 浦东新区)
    around = {a for _, _, s in hits if len(gaz.names[s]) == 1 for a in _ancestors(gaz, gaz.names[s][0])}
    out = []
    for start, end, surface in hits:
        place = gaz.places[chained_to[surface]] if surface in chained_to else _choose_place(gaz, surface, mentioned, around)
        if place is None:
            continue
        # A county's short form (杨浦, 滨江) is a place only beside its parent area: 徐汇滨江 is a riverside,
        # not Hangzhou's 滨江区. Cities and provinces may also stand alone where LAC reads a place.
        # So is a short form of a place the text also names in full (徐汇区 … 徐汇将继续…).
        short_ok = start in nested or _ancestor_mentioned(gaz, place, mentioned) or place.key in named_in_full or (
            place.cls != "District" and ((start, end) in loc_words or place.cls == "Region"))
        if surface in gaz.full or short_ok:
            out.append(Mention(start, end, place.cls, surface, place.key, "gazetteer", 5))
    return out


def find_towns(text: str, words: list[Word], places: list[Mention]) -> list[Mention]:
    """Towns and villages the gazetteer of counties and above does not list (云岩镇, 南湾村; places.json
    "town_suffixes"): the rest of a word LAC reads as a place (a village also as an organization: 清溪村/ORG 党委书记)
    after the places found in it, and before the organ an organization's name may end in (榔桥镇党委/ORG). One
    written right after a place (宜川县云岩镇, 云岩镇南湾村) lies in it, and is that town wherever the text writes it
    again; else it is keyed by its name alone."""
    data = lexicon.load("places")
    suffixes, not_towns, not_endings = tuple(data["town_suffixes"]), set(data["not_towns"]), tuple(data["not_town_endings"])
    ends = {p.end: p for p in places}
    found = []
    organs = tuple(data["town_organs"])
    for w in words:
        organ = next((o for o in organs if w.text.endswith(o)), "") if w.tag == "ORG" else ""
        end = w.end - len(organ)  # 泾县榔桥镇党委/ORG: the town before its organ
        if not (w.tag == "LOC" or w.tag == "ORG" and (organ or w.text.endswith("村"))) or not text[w.start:end].endswith(suffixes):
            continue
        start = max([p.end for p in places if w.start <= p.start and p.end < end], default=w.start)
        name = text[start:end]
        if len(name) - len(next(x for x in suffixes if name.endswith(x))) < 2 or name in not_towns or name.endswith(not_endings) \
                or any(p.start < end and w.start < p.end and p.end > start for p in places):
            continue
        found.append((start, end, name))
    keys: dict[str, str] = {}
    for start, end, name in found:  # in text order, so a village keys under a town keyed before
        if (parent := ends.get(start)) is not None:
            keys.setdefault(name, f"{parent.key}/{name}")
        if name in keys:
            ends[end] = Mention(start, end, "District", name, keys[name])
    return [Mention(start, end, "District", name, keys.get(name, name), TOWN, 5) for start, end, name in found]


TOWN = "town"


def _chained_places(gaz: Gazetteer, hits: list[tuple[int, int, str]]) -> dict[str, str]:
    """Names of several places that the text writes once right after the area they lie in (福州市鼓楼区, not 南京's
    or 开封's): the one within it, which the name stands for wherever else the text writes it (鼓楼区副区长)."""
    out: dict[str, str] = {}
    for (_, end, outer), (start, _, surface) in zip(hits, hits[1:]):
        if end == start and len(gaz.names[surface]) > 1:
            within = [k for k in gaz.names[surface] if set(gaz.names[outer]).intersection(_ancestors(gaz, k))]
            if len(within) == 1:
                out.setdefault(surface, within[0])
    return out


def _encloses_next(gaz: Gazetteer, text: str, end: int, surface: str) -> bool:
    """Whether a place name starting at `end` is of an area within one that `surface` may name."""
    outer = set(gaz.names[surface])
    for n in gaz.lengths.get(text[end:end + 1], ()):
        inner = gaz.names.get(text[end:end + n], ())
        if n >= 2 and any(outer.intersection(_ancestors(gaz, k)) for k in inner):
            return True
    return False


def _ancestors(gaz: Gazetteer, key: str):
    parent = gaz.places[key].parent
    while parent:
        yield parent
        parent = gaz.places[parent].parent


def _ancestor_mentioned(gaz: Gazetteer, place, mentioned: set[str]) -> bool:
    return any(a in mentioned for a in _ancestors(gaz, place.key))


def _choose_place(gaz: Gazetteer, surface: str, mentioned: set[str], around: set[str]):
    options = gaz.candidates(surface)
    if len(options) == 1:
        return options[0]
    named = [p for p in options if p.key in mentioned]  # 长沙 where 长沙市 is named: the city, not 长沙县 within it
    if len(named) == 1:
        return named[0]
    near = [p for p in options if _ancestor_mentioned(gaz, p, mentioned)]
    if len(near) == 1:
        return near[0]
    # 宝山区 of 上海市 or of 双鸭山市: the one in the area of the places named without doubt (徐汇区, 浦东新区)
    beside = [p for p in options if around.intersection(_ancestors(gaz, p.key))]
    if len(beside) == 1:
        return beside[0]
    # 长沙 of 长沙市 and of 长沙县 within it: the short form names the area the others lie in
    outer = [p for p in options if all(p.key in set(_ancestors(gaz, o.key)) for o in options if o is not p)]
    return outer[0] if len(outer) == 1 else None


# -- organizations ------------------------------------------------------------------------------

CLUENER_ORG = {"company": "Enterprise", "government": "GovernmentBody", "organization": "Organization"}


def find_organizations(text: str, words: list[Word], ents: list[tuple[int, int, str]], gaz: Gazetteer) -> list[Mention]:
    bounds = Boundaries(words)
    out = []
    aliases = lexicon.enterprise_aliases()
    for m in _lexicon_hits(text, lexicon.enterprise_alias_words(), bounds):
        out.append(Mention(m[0], m[1], "Enterprise", text[m[0]:m[1]], aliases[text[m[0]:m[1]]], "enterprise-lexicon", 5))
    trailing = lexicon.words("organizations", "trailing_verbs")
    titles = lexicon.titles()
    spans = [(w.start, _organ_end(text, words, i, gaz), None) for i, w in enumerate(words)
             if w.tag in ORG_TAGS or _organ_read_as_place(w, gaz)]
    spans = [(a, _title_cut(text, a, b - len(lexicon.ending(text[a:b], trailing) or ""), titles["all"]), cls)
             for a, b, cls in spans]
    spans = [(a, _division_cut(text, a, b), cls) for a, b, cls in spans]
    spans += [(s, e, CLUENER_ORG[label]) for s, e, label in ents if label in CLUENER_ORG]
    for start, end, cls in _split_joined(text, spans):
        name = text[start:end]
        cls = lexicon.org_class(name) or cls
        # 区委 in 区委书记, 秭归县委 in 秭归县委副书记: the organ word belongs to the title
        in_title = lexicon.ending(name, titles["kept_prefixes"]) and any(text.startswith(t, end) for t in titles["all"])
        if cls and len(name) >= 2 and not _looks_like_product(name) and not in_title:
            out.append(Mention(start, end, cls, name, "", "org", 4))
    out += _company_names(text, words, gaz)
    out += _named_firms(words)
    out += _associations(text, words)
    out += _with_sub_units(text, words, out)
    for m in lexicon.finditer("organizations", "enterprise_patterns", text):
        out.append(Mention(m.start(), m.end(), "Enterprise", m.group(), "", "enterprise-pattern", 4))
    out += _short_company_names(text, bounds, [m for m in out if m.source in ("company-name", "enterprise-pattern")], gaz)
    out += _declared_short_names(text, bounds, out)
    posts = lexicon.titles()["post"]
    not_organs = lexicon.words("organizations", "not_endings")
    for m in lexicon.finditer("organizations", "government_patterns", text):
        # 市委常委 is a title, not an organ; 区域布局 a word
        if bounds.aligned(*m.span()) and not lexicon.ending(m.group(), posts) and not lexicon.ending(m.group(), not_organs):
            out.append(Mention(m.start(), m.end(), "GovernmentBody", m.group(), "", "organ-pattern", 4))
    return out


def _organ_read_as_place(w: Word, gaz: Gazetteer) -> bool:
    """重庆市大数据应用发展管理局/LOC: an organ LAC reads as a place, by its ending, with at least four characters
    after the place it opens with (上海北部/LOC, 上海西北部/LOC are parts of a place)."""
    if w.tag != "LOC" or w.text in gaz.names or lexicon.org_class(w.text) != "GovernmentBody":
        return False
    n = next((n for n in gaz.lengths.get(w.text[0], ()) if w.text[:n] in gaz.names), 0)  # longest first
    return len(w.text) - n >= 4


def _associations(text: str, words: list[Word]) -> list[Mention]:
    """Associations LAC splits into nouns: a run of adjacent nouns that opens with a place or an organization and
    ends in an association's ending (广东省/LOC 数字化/vn 转型/vn 促进会/n; 广州市工业/ORG 互联网/n 产业促进会/n)."""
    endings = lexicon.words("organizations", "association_endings")
    out = []
    for start, end in _noun_runs(words, ASSOCIATION_RUN_TAGS):
        k = bisect_left(words, start, key=lambda w: w.start)
        if words[k].tag not in ("LOC", "ORG") or words[k].end == end:
            continue
        last = words[bisect_left(words, end, key=lambda w: w.end)]
        if lexicon.ending(last.text, endings):
            out.append(Mention(start, end, "Organization", text[start:end], "", "association", 4))
    return out


ASSOCIATION_RUN_TAGS = {"LOC", "ORG", "n", "vn", "nz", "b"}


def _title_cut(text: str, start: int, end: int, titles: lexicon.Words) -> int:
    """Where a title begins that LAC read into the end of an organization's name (市经济信息化委党组/ORG 成员: the
    title is 党组成员, the name ends before it)."""
    return next((k for k in range(start + 2, end) if text[k] in titles.firsts
                 and any(k + n > end and len(piece := text[k:k + n]) == n and piece in titles.set
                         for n in titles.lengths)), end)


def _division_cut(text: str, start: int, end: int) -> int:
    """Where the organ ends in a name LAC reads with its internal division (省商务厅电子商务处/ORG 处长): the
    division belongs to the title after it, the organ is the longest start of the name with a government organ's
    ending (处, 科, 司, 室 divide organs, not companies)."""
    if lexicon.org_class(text[start:end]) or text[end - 1:end] not in lexicon.load("titles")["division_suffixes"]:
        return end
    return next((k for k in range(end - 2, start + 1, -1) if lexicon.org_class(text[start:k]) == "GovernmentBody"), end)


def _organ_end(text: str, words: list[Word], i: int, gaz: Gazetteer) -> int:
    """Where an organization word ends, or the next word's end where LAC cut the name at a conjunction
    (江苏省工业和 + 信息化厅; 深圳市工业 + 和 + 信息化局; 洛阳市文化广电 + 和旅游局, but not 华为 和 长安汽车, two
    names)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if w.text[-1] in "和与及" and nxt and nxt.start == w.end and nxt.tag in ("n", "vn", "nz", "ORG") \
            and lexicon.org_class(text[w.start:nxt.end]):
        return nxt.end
    if nxt and nxt.start == w.end and nxt.text[0] in "和与及" and len(nxt.text) > 1 \
            and lexicon.org_class(text[w.start:nxt.end]) == "GovernmentBody":
        return nxt.end
    part = words[i + 1:i + 3]
    if len(part) == 2 and part[0].text in ("和", "与", "及") and w.end == part[0].start and part[0].end == part[1].start \
            and (part[1].tag in ("n", "vn", "nz") or _organ_rest(w.text, part[1], gaz)) \
            and lexicon.org_class(text[w.start:part[1].end]) == "GovernmentBody":
        return part[1].end
    return w.end


def _organ_rest(first: str, w: Word, gaz: Gazetteer) -> bool:
    """浦东新区科技/ORG 和 经济委员会/ORG: the rest of one organ's name, which LAC reads as an organization of its
    own; not a second organ (市商务委 和 市经信委, 镜颜科技 与 上海市奉贤区人民政府), which is whole already or opens
    with its level or its place."""
    return w.tag == "ORG" and lexicon.org_class(first) != "GovernmentBody" \
        and w.text[:1] not in lexicon.load("organizations")["level_prefixes"] \
        and not any(w.text[:n] in gaz.names for n in range(2, min(len(w.text), 8)))


COMPANY_CORE_MIN = 4  # characters before its legal ending of a company name LAC reads as one word
COMPANY_RUN_TAGS = {"n", "nz", "nw", "vn", "an", "b", "LOC", "ORG", "nt", "PER"}


def _company_names(text: str, words: list[Word], gaz: Gazetteer) -> list[Mention]:
    """深圳市 优智机器人 科技有限公司: a company ending, extended left over the name-like words before it."""
    endings = lexicon.words("organizations", "company_endings")
    stop = set(lexicon.load("organizations")["run_stop"])
    stop_endings = lexicon.words("organizations", "not_endings")
    out = []
    for i, w in enumerate(words):
        if not lexicon.ending(w.text, endings) or lexicon.ending(w.text, stop_endings):
            continue
        # a company LAC read whole (运营主体/n 北京青柚未来教育科技有限公司/ORG) takes only the place written before it (涉县/ORG)
        whole = w.tag in ORG_TAGS and len(w.text) - len(lexicon.ending(w.text, endings)) >= COMPANY_CORE_MIN
        j = i
        while j > 0 and words[j - 1].end == words[j].start and (
                (words[j - 1].tag == "LOC" or words[j - 1].text in gaz.names) if whole else words[j - 1].tag in COMPANY_RUN_TAGS) \
                and words[j - 1].text not in stop and not lexicon.ending(words[j - 1].text, stop_endings) \
                and w.end - words[j - 1].start <= 25:
            j -= 1
        name = text[words[j].start:w.end]
        # “电商+合作社”模式; 全资/n 子公司/n names no company
        if (j < i or w.text not in endings) and "+" not in name and "＋" not in name and w.text not in stop:
            out.append(Mention(words[j].start, w.end, "Enterprise", name, "", "company-name", 4))
    return out


def _named_firms(words: list[Word]) -> list[Mention]:
    """澜峰/PER 资本/n, 澄川/ORG 资本/n: an investment firm, named like a person or a brand."""
    endings = set(lexicon.load("organizations")["named_firm_endings"])
    return [Mention(w.start, nxt.end, "Enterprise", w.text + nxt.text, "", "named-firm", 4) for w, nxt in zip(words, words[1:])
            if w.tag in ("PER", "ORG", "nz") and nxt.start == w.end and nxt.text in endings and nxt.tag != "v"]


def company_core(name: str, gaz: Gazetteer) -> str:
    """The name a registered company goes by: without its legal ending, its trade words and the place
    it is registered in (上海知行学堂教育科技有限公司 → 知行学堂, 米果健康科技（上海）有限公司 → 米果)."""
    endings, trade = lexicon.words("organizations", "company_endings"), lexicon.words("organizations", "trade_words")
    core = PARENTHESIZED_PLACE.sub("", name)
    while (end := lexicon.ending(core, endings) or lexicon.ending(core, trade)) and len(core) - len(end) >= 2:
        core = PARENTHESIZED_PLACE.sub("", core[:-len(end)])
    while place := next((core[:n] for n in gaz.lengths.get(core[:1], ())
                         if core[:n] in gaz.names and len(core) - n >= 2), None):
        core = core[len(place):]
    return core


PARENTHESIZED_PLACE = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)]$")
OPENING_QUOTES = "“《「\"'"


def _short_company_names(text: str, bounds: Boundaries, companies: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A company named in full goes by its short name in the rest of the text (知行学堂 同步发布了…): the
    short name counts where it stands as words of its own, outside quotes, which name products."""
    taken = Spans(len(text), ((m.start, m.end) for m in companies))
    trade = lexicon.words("organizations", "trade_words")
    out = []
    for company in companies:
        core = company_core(company.label, gaz)
        if core == company.label or len(core) < 2 or core in gaz.names:  # 上海 of 上海汽车集团 is the city
            continue
        # the name with trade words of the full name goes first: 蜂鸟互娱 of 杭州蜂鸟互娱网络科技有限公司,
        # 驿达智能物流 of 上海驿达智能物流科技有限公司
        longer, todo = [], [(core, company.label[company.label.find(core) + len(core):])]
        while todo:
            name, rest = todo.pop()
            for word in (t for t in trade if rest.startswith(t)):
                longer.append(name + word)
                todo.append((name + word, rest[len(word):]))
        pattern = "|".join(re.escape(n) for n in sorted(longer, key=len, reverse=True) + [core])
        for m in re.finditer(pattern, text):
            start, end = m.span()
            if taken.holds(start) or not bounds.aligned(start, end) \
                    or (start and text[start - 1] in OPENING_QUOTES):
                continue
            out.append(Mention(start, end, "Enterprise", m.group(), company.label, "company-short-name", 4))
    return out


SHORT_NAME_CUE = "以下简称|以下称|下称|简称"  # what opens a short name in brackets, here and in kg/facts/resolve.py
DECLARED_SHORT = re.compile(rf"[（(](?:{SHORT_NAME_CUE})[“「]([^”」（）()]{{2,10}})[”」][）)]")


def _declared_short_names(text: str, bounds: Boundaries, orgs: list[Mention]) -> list[Mention]:
    """An enterprise or organization a text names in full with its short name in brackets (安徽泾川云播电子商务有限公司
    （以下简称“泾川云播”）) goes by it wherever the short name stands after as words of its own, however LAC reads it
    (泾川云/PER 播/v)."""
    out = []
    for org in (m for m in orgs if m.cls in ("Enterprise", "Organization")):
        declared = DECLARED_SHORT.match(text, org.end)
        if not declared:
            continue
        # not in the brackets: a name counted twice there would weigh as named twice (该公司: the most named)
        for start, end in occurrences(text, declared.group(1)):
            if start > declared.end() and bounds.aligned(start, end) and text[start - 1] not in OPENING_QUOTES:
                out.append(Mention(start, end, org.cls, declared.group(1), org.label, "declared-short-name", 4))
    return out


def _with_sub_units(text: str, words: list[Word], orgs: list[Mention]) -> list[Mention]:
    """上海交通大学 + 安泰经济与管理学院, written together, is one organization named in full; so is an
    organization and the nouns after it that end in a unit (中国社会科学院 数量/n 经济与技术经济研究所/n)."""
    units = lexicon.words("organizations", "sub_units")
    by_start = {m.start: m for m in orgs}
    word_at = {w.start: i for i, w in enumerate(words)}
    out = []
    for a in orgs:
        if a.cls != "Organization":
            continue
        if (b := by_start.get(a.end)) and lexicon.ending(b.label, units):
            out.append(Mention(a.start, b.end, b.cls, text[a.start:b.end], "", "org+unit", 4))
            continue
        end, i, named = None, word_at.get(a.end), False
        # 贵州财经大学 大数据/a 应用/vn 与 经济学院/ORG: after words of the unit's own name and 与, LAC's
        # organization is the unit's end (where 与 follows the university itself, it joins two organizations);
        # so is a 与 LAC reads with the rest (天津大学 管理/vn 与经济学部/c)
        while i is not None and i < len(words) and words[i].start - a.end <= 14 and (
                words[i].tag in ("n", "nz", "vn", "an", "a") or words[i].text in ("与", "和")
                or (named and words[i].tag == "ORG" and words[i - 1].text in ("与", "和"))
                or (named and words[i].tag == "c" and words[i].text[:1] in ("与", "和"))):
            named = named or words[i].text not in ("与", "和")
            if words[i].text not in ("与", "和") and lexicon.ending(text[a.start:words[i].end], units):
                end = words[i].end
            i = i + 1 if i + 1 < len(words) and words[i + 1].start == words[i].end else None
        if end:
            out.append(Mention(a.start, end, a.cls, text[a.start:end], "", "org+unit", 4))
    return out


def _split_joined(text: str, spans):
    """市经信委会同市发展改革委 is two organs: cut organization names at the words that join two."""
    data = lexicon.load("organizations")
    joiners = re.compile("|".join(map(re.escape, data["joiners"] + data["ended_joiners"])))
    endings = tuple(e for e, _ in lexicon.org_endings())
    for start, end, cls in spans:
        pos = start
        for j in joiners.finditer(text, start, end):
            if text.startswith(endings, j.start()):  # …企业联合会: the organ's own ending, no joiner
                continue
            if j.group() in data["ended_joiners"] and not (
                    end - j.end() >= 2 and lexicon.org_class(text[pos:j.start()]) == lexicon.org_class(text[start:end])):
                continue  # 工业和信息化部, 浦东新区科技和经济委员会: 和 inside a name; 竹山县商务局和团县委: between two
            yield pos, j.start(), cls
            pos = j.end()
        yield pos, end, cls


def _lexicon_hits(text: str, names: lexicon.Words, bounds: Boundaries) -> list[tuple[int, int]]:
    modifiers = lexicon.load("names")["product_modifiers"]
    regions = tuple(lexicon.load("organizations")["branch_regions"])
    hits = []
    for name in names:
        for start, end in occurrences(text, name):
            # ASCII names (B站) need no LAC boundary; Chinese short names do (阿里 in 阿里山 is not 阿里),
            # unless a product follows the maker (上汽新一代…) or its sales region (京东华东区域), which LAC
            # reads as one word with it.
            glued = start in bounds.starts and (any(text.startswith(x, end) for x in modifiers)
                                                or text.startswith(regions, end))
            if bounds.aligned(start, end) or not CJK.match(name[0]) or glued:
                hits.append((start, end))
    return hits


def _looks_like_product(name: str) -> bool:
    modifiers = lexicon.load("names")["product_modifiers"]
    return any(mod in name for mod in modifiers)


# -- quoted and headed names ---------------------------------------------------------------------

def find_named(text: str, words: list[Word]) -> list[Mention]:
    """Quoted names typed by their head noun, unquoted names with strong heads, observance and shopping days,
    sessions of the congresses."""
    names = lexicon.load("names")
    words = _with_run_words(words)
    days = "|".join(map(re.escape, sorted(names["shopping_days"], key=len, reverse=True)))
    return _quoted_names(text, words, names) + _headed_runs(text, words, names) + [
        Mention(m.start(), m.end(), "Event", m.group(), "", "observance", 2)
        for m in re.finditer(names["observance_pattern"], text) if m.group() not in names["not_names"]
    ] + [Mention(m.start(), m.end(), "Event", m.group(), "", SHOPPING_DAY, 2) for m in re.finditer(days, text)] + [
        Mention(m.start(), m.end(), "Event", m.group(), "", "congress-session", 3)
        for m in re.finditer(names["congress_session_pattern"], text)]


SHOPPING_DAY = "shopping-day"


def _quoted_names(text: str, words: list[Word], names: dict) -> list[Mention]:
    heads = lexicon.name_heads()
    not_names = set(names["not_names"])
    product_heads = lexicon.words("products", "heads")
    not_products = set(lexicon.load("products")["not_products"])
    scare_quoted = set(lexicon.words("verbs", "promote")) | set(lexicon.words("verbs", "sell"))  # 为围巾“代言”
    joined = _join_heads([_produce_as_noun(w) for w in words], lexicon.all_name_heads())  # 分/v 论坛/n; 芒果/ORG 礼盒
    manner = tuple(names["manner_after_quote"])
    out = []
    for m in QUOTED.finditer(text):
        if text.startswith(manner, m.end()):  # 采用“线下主会场+线上直播”的形式: how, not what
            continue
        inner = next(g for g in m.groups() if g is not None)
        inner_clean = EDITION.sub("", inner)
        offset = m.start() + 1 + len(inner) - len(inner_clean)
        # a quote that holds a clause is what someone said (“这是…的‘宝贝’，一年只做一季”) and one that asks a
        # question a topic (围绕“产业带如何拥抱直播”展开讨论), whatever word it ends in
        said = SAID.search(inner_clean)
        cls = None if said or any(q in inner_clean for q in names["question_words"]) else \
            _class_by_head(re.sub(names["trailing_pattern"], "", inner_clean), heads, not_names)
        if said and SENTENCE_END.search(inner_clean):
            continue  # what was said, to its full stop: a kind after it (…放心下单。”这款牛肉干) opens a new sentence
        # a head written right after the closing quote names a quote that has none of its own:
        # “4个100+”行动计划, “智行1号”无人配送车 (but “湖北好物专场”直播 is the 专场 itself)
        after = _head_after(text, m.end(), joined, lexicon.heads_after_quote()) or (None if cls else (
            _counted_event(text, m, heads["Event"]) or _sold_kind(text, m, words)))
        if after and cls and (after[0] == cls or after[0] != "Product") \
                and not any(h in after[1] for h in lexicon.words("names", "child_event_heads")):
            after = None  # “湖北好物专场”直播 is the 专场 itself; but “星幕直播”平台 is a platform, “…云直播”专场 and
            # “三岔河山货节”专场直播 a 专场
        if after and after[0] == "Event" and _officials_doing(inner_clean, heads["Event"]):
            continue  # 开展“区长带货”直播: a kind of activity, not one event
        if after:
            cls, run = after
            start = _edition_start(text, words, m.start()) if cls in ("Event", "Initiative") else m.start()
            out.append(Mention(start, m.end() + len(run), cls, text[start:m.end() + len(run)], "", "quoted+head", 6))
            continue
        before = text[max(0, m.start() - 6):m.start()]
        describes = text.startswith("的", m.end())  # 这款“能喝出山野味”的好茶: a quoted description, no name
        if cls is None and _named_activity(text, m.end()):
            cls = "Event"  # “羊城夜购”活动, “产地直播季”“国货潮品周”“羊城夜购”等主题活动
        if cls is None and not describes and inner_clean not in not_products and inner_clean not in scare_quoted \
                and not _phrase_inside(words, m.start(), m.end()) and (
                lexicon.ending(before, product_heads) or lexicon.ending(before, lexicon.words("names", "product_before_quote"))
                or _in_product_list(text, m.start())):
            cls = "Product"  # 机器人“优伴2代”: a quoted name right after what it is, or in a list of new products
        if cls == "Event" and _officials_doing(inner_clean, heads["Event"]):
            continue  # “市长带货”“县长直播”等系列活动: a kind of activity, not one event
        if cls == "Event" and EDITION.match(text[(start := _edition_start(text, words, m.start())):m.start()]):
            # 2020安徽“皖美消费·云上购物节” and 2021“皖美消费·云上购物节”: the year tells two editions apart; the
            # label leaves the quotes out, so it ends in its head as other events' names do
            out.append(Mention(start, m.end(), cls, text[start:m.start()] + inner_clean, "", "quoted", 6))
        elif cls:
            out.append(Mention(offset, offset + len(inner_clean), cls, inner_clean, "", "quoted", 6))
    return out


def _officials_doing(name: str, heads) -> bool:
    """Whether a quoted name is officials' titles and what they do (县长直播, 市长带货, 书记县长带货)."""
    doing = set(heads) | set(lexicon.load("verbs")["promote"])
    titles = lexicon.titles()["post"]  # longest first
    rest = name
    while title := next((t for t in titles if rest.startswith(t)), None):
        rest = rest[len(title):]
    return rest != name and rest in doing


def _phrase_inside(words: list[Word], start: int, end: int) -> bool:
    """Whether a quote holds a phrase rather than a name: a preposition, particle or conjunction among its words
    (品牌“养在深闺人未识”: 在/p)."""
    inside = words[bisect_right(words, start, key=lambda w: w.start):bisect_left(words, end, key=lambda w: w.end)]
    return any(start < w.start and w.end < end and w.tag in PHRASE_TAGS for w in inside)


PHRASE_TAGS = {"p", "u", "c"}


def _named_activity(text: str, end: int) -> bool:
    """Whether a quote ending at `end` names an activity: 活动 right after it, or after the quotes listed with it
    and 等 (“…”“…”等主题活动)."""
    activities = tuple(lexicon.load("names")["named_activities"])
    rest = QUOTE_LIST_TAIL.match(text, end)
    return text.startswith(activities, end) or bool(rest and text.startswith(activities, rest.end()))


QUOTE_LIST_TAIL = re.compile(r"(?:[、]?“[^“”\n]{2,30}”)*[、]?等(?:[\u4e00-\u9fff\d]{0,4}?)(?=主题活动|活动)")


def _in_product_list(text: str, pos: int) -> bool:
    """Whether pos lies in a list of products its sentence opens (发布了两款新产品：…“知行AI课堂”，以及…“空中课堂”), or
    in the value of a schedule's products field (带货清单：…)."""
    start = after_last(text, SENTENCE_ENDS, pos)
    fields = tuple(f + colon for f in lexicon.load("fields")["products"] for colon in "：:")
    return any(o in text[start:pos] for o in lexicon.load("names")["product_list_openers"]) \
        or text[start:pos].lstrip().startswith(fields)


def _headed_runs(text: str, words: list[Word], names: dict) -> list[Mention]:
    """Unquoted names (2020长三角在线新经济发展论坛, 揭牌仪式) read off runs of name-like words."""
    not_names = set(names["not_names"])
    out, originals = [], set(words)
    for cls in names["unquoted"]:
        endings = lexicon.words("names", "unquoted", cls)
        joined = _join_heads(_join_bracketed_places(words), endings)
        generic = {(w.start, w.end) for w in joined if w not in originals}  # 推进/大会 alone names no event
        joined = _organ_briefings(text, _year_and_organizer(joined)) if cls == "Event" else joined
        for start, end in _joined_runs(text, _noun_runs(joined, HEADED_RUN_TAGS)):
            name = text[start:end]
            head = lexicon.ending(name, endings)
            if not head or name in not_names or len(name) < names["unquoted_min_length"] or (start, end) in generic:
                continue
            if head in names["venue_heads"] and (name == head or text[:start].endswith(tuple(names["venue_prepositions"]))):
                continue
            if len(head) == 1 and (len(name) < names["single_char_head_min_length"]
                                   or lexicon.ending(name, lexicon.words("names", "head_char_words"))):
                continue
            start = _edition_start(text, joined, start)
            if cls == "Event":
                start = _joined_by_ji(text, joined, start)
                if split := _session_start(text[start:end], endings):
                    if split > len(lexicon.ending(text[start:start + split], endings)):  # not 消费节|沈阳主会场
                        out.append(Mention(start, start + split, cls, text[start:start + split], "", "head-noun", 2))
                    start += split
            name = text[start:end]
            out.append(Mention(start, end, cls, name, "", "head-noun", 2))
    return out


def _session_start(name: str, endings) -> int | None:
    """Where a session named right after its event starts in one run of words: 2020厦门…产品展销会|康乐县专场推介会
    (after the last event head that a session word follows; the event may be its bare head, 消费节|沈阳主会场),
    or None."""
    sessions = lexicon.words("names", "sessions_after_parent")
    venue = name.endswith(tuple(lexicon.load("names")["venue_heads"]))
    for p in range(len(name) - 4, 2, -1):
        head = lexicon.ending(name[:p], endings)
        # a bare head before a session other than a venue is part of its name: not 首场直播|电商人才专场招聘会
        if head and len(head) >= 3 and (p > len(head) or venue) and any(w in name[p:] for w in sessions):
            return p
    return None


JI_RUN_TAGS = {"m", "n", "vn", "v", "vd", "nz", "LOC", "a", "b"}  # vd: run verbs (战略 合作 签约暨…)
JI_REACH = 16  # characters before 暨: 人工智能研发中心启用仪式暨…


def _joined_by_ji(text: str, words: list[Word], start: int) -> int:
    """二期智能工厂投产 暨 2021新品发布会: an event named together with another happening by 暨 is named by both;
    the words before 暨 back to the clause's verb or preposition (举行, 在) belong to its name."""
    i = bisect_left(words, start, key=lambda w: w.start)
    if not (i and words[i - 1].text == "暨" and words[i - 1].end == start):
        return start
    stops = set(lexicon.load("names")["joined_by_ji_stops"])
    j = i - 1
    while j > 0 and words[j - 1].end == words[j].start and words[j - 1].tag in JI_RUN_TAGS \
            and words[j - 1].text not in stops and start - words[j - 1].start <= JI_REACH:
        j -= 1
    return words[j].start if j < i - 1 else start


def _year_and_organizer(words: list[Word]) -> list[Word]:
    """An organization next to a year, before a noun, is part of an event's name (2021 星驰汽车 新品 发布会,
    优眠科技 2021 秋季 新品 发布会, with the season after the year), where elsewhere it hosts the event
    rather than names it."""
    out = list(words)
    for i, year in enumerate(words):
        if not YEAR.match(year.text):
            continue
        k = i + 1
        while k < len(words) and words[k].tag == "TIME" and words[k].start == words[k - 1].end:
            k += 1  # 秋季, 年度
        if k == len(words) or words[k].start != words[k - 1].end:
            continue
        if words[k].tag in ORG_TAGS and k + 1 < len(words) and words[k + 1].start == words[k].end \
                and words[k + 1].tag in NOUN_CONTINUES:
            out[k] = words[k]._replace(tag="nz")  # 2021 星驰汽车 新品
        elif words[k].tag in NOUN_CONTINUES:
            # 优眠科技 2021 秋季 新品: the run opens at the organization; 2021 秋季 新品: at the year, season and all
            j = _organizer_before(words, i)
            if j is None and k > i + 1:
                j = i
            if j is not None:
                for x in range(j, k):
                    out[x] = words[x]._replace(tag="nz")
    return out


def _organizer_before(words: list[Word], i: int) -> int | None:
    """Where the organizer's name before the year at i starts: an organization, or one or two nouns that open
    the clause (，镜界/n 智能/n 2021 春季 新品 发布会: a brand LAC does not know as one)."""
    if not i or words[i - 1].end != words[i].start:
        return None
    if words[i - 1].tag in ORG_TAGS:
        return i - 1
    j = i
    while j > 0 and i - j < 2 and words[j - 1].tag in ("n", "nz") and words[j - 1].end == words[j].start:
        j -= 1
    opens_clause = j == 0 or words[j - 1].tag == "w"
    return j if j < i and opens_clause and words[i - 1].end - words[j].start <= 6 else None


def _organ_briefings(text: str, words: list[Word]) -> list[Word]:
    """An organ written right before a briefing, or before nouns that kind it (国务院/ORG 政策/n 例行/vn 吹风会), names it
    (市政府/ORG 新闻发布会, 国新办新闻发布会); with a verb between (市商务局召开新闻发布会) it only holds it."""
    briefings = tuple(lexicon.words("verbs", "no_signing_at"))
    out = list(words)
    for i, w in enumerate(words):
        if w.tag not in ORG_TAGS:
            continue
        k = i + 1  # past the nouns right after it
        while k < len(words) and words[k].start == words[k - 1].end and words[k].tag in ("n", "vn", "b") \
                and words[k].end - w.end <= BRIEFING_KIND_MAX and not text.startswith(briefings, words[k].start):
            k += 1
        if text.startswith(briefings, words[k - 1].end if k > i + 1 else w.end):
            out[i] = w._replace(tag="nz")
    return out


BRIEFING_KIND_MAX = 4  # characters of the nouns between an organ and its briefing: 政策例行


def _joined_runs(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs joined by 与/和 into one name where only the conjunction stands between them
    (第三届中国数字经济发展 与 治理学术论坛); each run is kept too, for the shorter reading."""
    out = list(runs)
    for (a, b), (c, d) in zip(runs, runs[1:]):
        if text[b:c] in ("与", "和") and d - c >= 2 and b - a >= 2:
            out.append((a, d))
    return out


def places_as_words(words: list[Word], places: list[Mention]) -> list[Word]:
    """The words with each place the gazetteer found over several of them made one LOC word: 长江/LOC 中/f 游/v
    城市群/n is 长江中游城市群/LOC, which a name can then run over (2021长江中游城市群数字经济发展论坛)."""
    ends = {}
    for m in places:
        ends.setdefault(m.start, []).append(m.end)
    last_word = {w.end: k for k, w in enumerate(words)}  # the word that ends at a position
    out: list[Word] = []
    i = 0
    while i < len(words):
        k = max((last_word[e] for e in ends.get(words[i].start, ()) if last_word.get(e, i) > i), default=None)
        if k is None:
            out.append(words[i])
            i += 1
        else:
            out.append(Word(words[i].start, words[k].end, "".join(w.text for w in words[i:k + 1]), "LOC"))
            i = k + 1
    return out


def _rejoined(words: list[Word], joined: set[str]) -> list[Word]:
    """Two adjacent words that spell one of `joined` as one word: 云/n 上/f is 云上; so do a word and the start of
    the next, which keeps its rest (网/s 上年货节/TIME is 网上 年货节/n)."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out and out[-1].end == w.start else None
        if prev and prev.text + w.text in joined:
            out[-1] = Word(prev.start, w.end, prev.text + w.text, w.tag)
            continue
        k = next((k for k in range(1, len(w.text)) if prev.text + w.text[:k] in joined), None) if prev else None
        if k is None:
            out.append(w)
        else:
            out[-1] = Word(prev.start, w.start + k, prev.text + w.text[:k], w.tag)
            out.append(Word(w.start + k, w.end, w.text[k:], "n"))
    return out


def _with_run_words(words: list[Word]) -> list[Word]:
    """Run words (在线, 网上…: names.json) tagged as the adverbs they are inside names, split off the
    end of an organization LAC reads into them (江苏在线 → 江苏 + 在线)."""
    run_words = lexicon.words("names", "run_words")
    run_verbs = lexicon.words("names", "run_verbs")
    words = _rejoined(words, run_words.set)
    out = []
    for i, w in enumerate(words):
        # a run verb only inside a name, before its nouns: 直播 电商产业园, not 凤庆专场 直播 3小时
        before_nouns = i + 1 < len(words) and words[i + 1].start == w.end and words[i + 1].tag in NOUN_CONTINUES
        verb_inside = w.text in run_verbs and before_nouns
        end = lexicon.ending(w.text, run_words) if w.tag == "ORG" else None
        if w.tag == "ORG" and end is None and before_nouns:  # 天津市武清区直播/ORG 电商/n 基地/n
            end = lexicon.ending(w.text, run_verbs)
        opening = next((w.text[:n] for n in run_words.lengths if n < len(w.text) and w.text[:n] in run_words.set), None)
        if end and w.text != end:
            cut = w.end - len(end)
            out += [Word(w.start, cut, w.text[:-len(end)], "nz"), Word(cut, w.end, end, "vd")]
        elif opening and w.tag not in ORG_TAGS:  # 网上年/s 货/n 节/n: LAC glued the run word to the name's next word
            cut = w.start + len(opening)
            out += [Word(w.start, cut, opening, "vd"), Word(cut, w.end, w.text[len(opening):], "n")]
        else:
            out.append(w._replace(tag="vd") if w.text in run_words.set or verb_inside else w)
    return out


def _join_bracketed_places(words: list[Word]) -> list[Word]:
    """A place with a place in brackets after it is one place inside a name: 2020中国（上海）国际数字经济峰会;
    a bracketed place between a name's words is one word of it: 2021数字经济创新发展（贵阳）论坛."""
    out, i = [], 0
    while i < len(words):
        if words[i].tag != "LOC" and words[i].text not in "（(":  # opens neither case
            out.append(words[i])
            i += 1
            continue
        part = words[i:i + 4]
        if len(part) == 4 and part[0].tag == part[2].tag == "LOC" and part[1].text in "（(" and part[3].text in "）)" \
                and all(a.end == b.start for a, b in zip(part, part[1:])):
            out.append(Word(part[0].start, part[3].end, "".join(w.text for w in part), "LOC"))
            i += 4
        elif len(part) == 4 and out and out[-1].tag in NAME_RUN_TAGS and part[0].text in "（(" \
                and part[1].tag == "LOC" and part[2].text in "）)" and part[3].tag in NOUN_CONTINUES \
                and out[-1].end == part[0].start and all(a.end == b.start for a, b in zip(part, part[1:])):
            out.append(Word(part[0].start, part[2].end, "".join(w.text for w in part[:3]), "LOC"))
            i += 3
        else:
            out.append(words[i])
            i += 1
    return out


def _join_heads(words: list[Word], heads: lexicon.Words) -> list[Word]:
    """Words that together spell a head noun become one noun where a word of it would end a name's run:
    LAC reads 推进大会 as 推进/v + 大会/n."""
    out, done = [], 0  # words[:done] are in out
    for i in [i for i, w in enumerate(words) if w.text[0] in heads.firsts]:  # where a head can start
        k = _head_spelled(words, i, heads) if i >= done else 0
        if k:
            out += words[done:i]
            out.append(Word(words[i].start, words[k - 1].end, "".join(w.text for w in words[i:k]), "n"))
            done = k
    return out + words[done:]


def _head_spelled(words: list[Word], i: int, heads: lexicon.Words) -> int:
    """The end of the three, else two, adjacent words from words[i] that spell one of `heads`, one of them a word
    that would end a name's run; 0 if none do."""
    if i + 1 >= len(words) or words[i + 1].start != words[i].end:
        return 0
    a, b = words[i], words[i + 1]
    ends_run = a.tag not in HEADED_RUN_TAGS or b.tag not in HEADED_RUN_TAGS
    if i + 2 < len(words) and words[i + 2].start == b.end and a.text + b.text + words[i + 2].text in heads.set \
            and (ends_run or words[i + 2].tag not in HEADED_RUN_TAGS):
        return i + 3
    return i + 2 if ends_run and a.text + b.text in heads.set else 0


def _edition_start(text: str, words: list[Word], pos: int) -> int:
    """Where an event's name starts that a quote opens: back over an edition, a year or a place written
    right before it (首届“云上江城”在线新经济博览会, 2021重庆“渝见好物”网络消费节)."""
    start = pos
    last = bisect_right(words, pos, key=lambda w: w.end)  # the words ending at or before pos: words[:last]
    for w in reversed(words[max(0, last - 2):last]):
        if w.end != start or not (w.tag == "LOC" or EDITION.fullmatch(w.text)):
            break
        if w.tag == "LOC" and text.startswith(w.text, pos + 1):
            break  # 烟台“烟台苹果”云上品鉴会: a place the quote repeats is where, not part of the name
        start = w.start
    return start


def _head_after(text: str, pos: int, words: list[Word], heads: dict[str, list[str]]):
    """The name-like words right after a quote, up to QUOTE_RUN_MAX characters, that end in a head noun where the
    noun phrase ends (“云购羊城”直播电商节, “小蓝鲸”室内配送机器人: not “星链”直播, which 电商产业园 goes on
    from). An adverb or particle ends the run, and so does a verb that opens it (“小麦”一起在淘宝直播,
    “老字号”亮相直播 are no events); a verb inside it does not end a name (直播电商节开幕)."""
    run: list[Word] = []
    all_heads = lexicon.all_name_heads()
    prefixes = lexicon.words("names", "quote_run_prefixes")
    series = lexicon.words("names", "series_words")
    attributes = lexicon.words("names", "attributes").set
    platforms = lexicon.enterprise_aliases()
    activities = set(lexicon.load("names")["activity_verbs"])
    for i in range(bisect_left(words, pos, key=lambda w: w.start), len(words)):  # the words before pos play no part
        w = words[i]
        if w.text in series and run and lexicon.ending(text[pos:run[-1].end], heads["Event"]):
            break  # …网上购物节 系列活动之一; but “…”系列直播活动 is the name
        # 数字文旅/n 周/f; “5G+8K”超/d 高清…; “驰骋新境”2021/m 新品发布会; “…”京东/ORG 专场直播; not “…”专场直播 是/v 消费季
        # 直播/vn 夜/TIME: a word that completes a head begun in the word before it
        joined = text[run[-1].start:w.end] if run and w.start == run[-1].end else ""
        completes = any(len(lexicon.ending(joined, hs) or "") > len(w.text) for hs in heads.values())
        festival = w.tag == "TIME" and len(lexicon.ending(w.text, heads["Event"]) or "") >= 2  # 夜生活节/TIME
        fits = (w.tag in (QUOTE_RUN_TAGS if run else QUOTE_RUN_FIRST_TAGS) or w.text in all_heads or completes or festival
                or w.text in activities
                or w.text in prefixes or (not run and (YEAR.fullmatch(w.text) or w.text in platforms))) \
            and not w.text.isspace() and w.text != COPULA
        year = len(run[0].text) if run and YEAR.fullmatch(run[0].text) else 0  # 2021年度 does not count
        if w.start == (run[-1].end if run else pos) and fits and w.end - pos <= QUOTE_RUN_MAX + year:
            run.append(w)
        elif w.start > (run[-1].end if run else pos):
            break
    for n in range(len(run), 0, -1):
        # a head LAC reads as a verb still closes a noun before it: 专场/n 直播/v
        verb = run[n - 1].tag == "v" and not (n >= 2 and run[n - 1].text in all_heads and run[n - 2].tag in NOUNISH)
        if verb or (n < len(run) and run[n].tag in NOUN_CONTINUES and run[n].text not in attributes
                    and not _event_follows(text, run[n - 1].end, heads)):
            continue
        name = text[pos:run[n - 1].end]
        for cls in ("Initiative", "Event", "Product"):
            head = lexicon.ending(name, heads[cls])
            # a one-character head (节, 季) only closes a longer run: “浙里田园”网上农品节
            if head and (len(head) >= 2 or cls == "Product" or len(name) >= 3):
                return cls, name
    return None


def _event_follows(text: str, pos: int, heads: dict) -> bool:
    """Whether a second event's name opens at `pos` (“瓯越新农播”直播带货训练营|结业仪式): the name before it ends
    there, though a noun follows."""
    return any(text.startswith(h, pos + k) for k in range(3) for h in heads["Event"] if len(h) >= 2)


SOLD_KIND_STOP = {"w", "m", "p", "u", "d", "c", "TIME", "PER", "r", "q", "f"}
SOLD_KIND_MAX = 10  # characters: “小眠”非接触式睡眠监测仪
NOUNISH = {"n", "nz", "nw", "vn", "s"}  # s: 田间/s 直播/v, a place word before a head
SENTENCE_ENDS = "。！？!?\n"
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")


def _sold_kind(text: str, quote: re.Match, words: list[Word]):
    """A quoted brand and the kind of thing it is, where a selling or making verb governs it in its clause or
    the next sentence goes on about it (这款罐头由…生产): “蓝湾”即食海参, “美谷之光”修护精华液. The kind is the
    words up to ten characters after the quote that close its clause and end in a noun, whatever their other tags."""
    k = bisect_left(words, quote.end(), key=lambda w: w.start)
    run = []
    modals = lexicon.words("products", "modal_verbs")
    while k < len(words) and words[k].start == (run[-1].end if run else quote.end()) \
            and (words[k].tag not in SOLD_KIND_STOP or _slip_in_kind(words, k)) and words[k].text not in modals \
            and words[k].end - quote.end() <= SOLD_KIND_MAX:
        run.append(words[k])
        k += 1
    attributes = lexicon.words("names", "attributes").set
    cut = next((n for n, w in enumerate(run) if w.text in attributes), None)
    if cut == 0:
        return None  # 5000台“镜界X1”定价6999元: a property is no kind
    if cut is not None:  # …智能床垫|销量很好: the kind ends before the property
        k -= len(run) - cut
        run = run[:cut]
    if run and run[-1].tag == "v" and lexicon.regexes("verbs", "speech_opening")[0].match(text, run[-1].start):
        run.pop()  # 拿起一罐“阡味”香柚糖说：: the speaker's verb closes the kind
        k -= 1
    # the kind closes its phrase: 即食海参12万盒, 精华液，, 智能床垫和“小眠”…, 锂电池组由…, 美容仪等, 香柚糖说：,
    # 清扫车已在…作业, 帆布包 at the end of a products field's line
    ends = k == len(words) or words[k].tag in ("w", "m", "c", "p", "d") or words[k].text in attributes | {"等"} | modals.set or \
        (run and words[k].start > run[-1].end and _in_product_list(text, quote.start())) or \
        words[k].tag == "v" and lexicon.regexes("verbs", "speech_opening")[0].match(text, words[k].start) is not None
    kind = "".join(w.text for w in run)
    if kind[-1:] in LIST_JOINERS and lexicon.ending(kind[:-1], lexicon.words("products", "heads")):
        kind = kind[:-1]  # 机器人和/n “…: LAC joined the list's 和 to the head
    data = lexicon.load("products")
    if not run or not _kind_ending(run) or not ends or kind in data["not_products"] \
            or lexicon.ending(kind, lexicon.words("products", "blocked_before")):
        return None
    made = text.startswith(tuple(lexicon.load("verbs")["passive"]), quote.end() + len(kind))  # “阡味”香柚糖由…生产
    counted = text[quote.start() - 1:quote.start()] in data["counted"] and COUNT.match(text[quote.start() - 2:quote.start() - 1])
    if not (made or counted or _sold_here(text, quote)):
        return None
    return "Product", kind


def _slip_in_kind(words: list[Word], k: int) -> bool:
    """A word LAC tags as no part of a kind, that a noun goes on from, is part of it: a numeral character (四/m 足/n
    巡检机器人, not 3台, 两款), or a pronoun reading (无人/r 零售柜)."""
    w, nxt = words[k], words[k + 1] if k + 1 < len(words) else None
    if nxt is None or nxt.start != w.end or nxt.tag != "n":
        return False
    return w.text in KIND_NUMERALS if w.tag == "m" else w.tag in KIND_SLIPS


KIND_NUMERALS = set("一二三四五六七八九十双")
COUNT = re.compile(r"[一二两三四五六七八九十几数\d]")  # the number before a classifier of goods (一罐“…”)
KIND_SLIPS = {"r"}


def _kind_ending(run: list[Word]) -> bool:
    """A kind ends in a noun. LAC reads the last word of an unfamiliar kind as a verb after a noun (空气/n 炸锅/v),
    as one long adjective (非接触式睡眠监测仪/a) or as a verbal noun that ends in a product's head (清扫车/vn); a verb
    with an object inside is no kind (服务/vn 覆盖/v 全市/n)."""
    if any(w.tag == "v" and prev.tag in NOUNISH for prev, w in zip(run, run[1:-1])):
        return False
    last = run[-1]
    return (last.tag in OBJECT_TAGS or (last.tag == "v" and len(run) > 1 and run[-2].tag in NOUNISH)
            or (last.tag == "a" and len(last.text) >= 4)
            or (last.tag == "vn" and lexicon.ending(last.text, lexicon.name_heads()["Product"])))  # 清扫车/vn


CLAUSE_STARTS = "，,；;：:。！？!?\n"


def _sold_here(text: str, quote: re.Match) -> bool:
    """Whether a selling, promoting, showing or making verb governs the quote in its clause (卖出“蓝湾”…, 研发生产的“…”),
    or the next sentence goes on about what it names (“桃乡情”黄桃罐头。这款罐头由…生产)."""
    start = after_last(text, CLAUSE_STARTS, quote.start())
    clause = text[start:quote.start()]
    products = lexicon.load("products")
    if any(v in clause for v in lexicon.words("verbs", "sell")) \
            or any(v in clause for v in products["object_verbs"] + products["kind_cues"]) \
            or _in_product_list(text, quote.start()):  # 推介了…的“溪韵”清香型铁观音; 带货清单：…
        return True
    end = SENTENCE_END.search(text, quote.end())
    return bool(end) and text[end.end():end.end() + 8].lstrip().startswith(tuple(lexicon.load("verbs")["kind_references"]))


def after_last(text: str, chars: str, pos: int) -> int:
    """Where the text after the last of `chars` before `pos` starts (0 if there is none): read back from pos, where a
    search from the start would read through a long text at every call."""
    return max(text.rfind(c, 0, pos) for c in chars) + 1


def _counted_event(text: str, quote: re.Match, heads: list[str]):
    """一场“云采摘”直播在…开播: after a classifier of events, an event head right after the quote names it
    whatever LAC makes of the head (直播/v)."""
    head = next((h for h in heads if text.startswith(h, quote.end())), None) \
        if text[max(0, quote.start() - 1):quote.start()] in EVENT_CLASSIFIERS else None
    return ("Event", head) if head and len(head) >= 2 else None


def _class_by_head(name: str, heads: dict[str, list[str]], not_names: set[str]) -> str | None:
    if name in not_names:
        return None
    best = None
    for cls, endings in heads.items():
        head = lexicon.ending(name, endings)
        # a one-character head needs a name of three (“双节”, “春节” are holidays, not named events) that does not
        # end in a common word of it (核心环节)
        if head and len(head) == 1 and lexicon.ending(name, lexicon.words("names", "head_char_words")):
            continue
        if head and len(name) > max(len(head), 2 if len(head) == 1 else 0) and (best is None or len(head) > len(best[1])):
            best = (cls, head)
    return best[0] if best else None


YEAR = re.compile(r"^(?:19|20)\d\d(?:年度|年)?$")
# Event and plan names run over places, adjectives and a leading year (2020 长三角 在线 新 经济发展 论坛),
# but not over organizations, which host events rather than name them.
NAME_RUN_TAGS = {"n", "nz", "vn", "an", "nw", "b", "LOC", "a"}
# Unquoted names also run over 在线 (online), which LAC tags as an adverbial verb: 在线新经济重点企业座谈会.
HEADED_RUN_TAGS = NAME_RUN_TAGS | {"vd"}
# After a quote, place words too (“渝车惠民”网上车展; not numbers: “X”3台机器人 names no product), and verbs inside
# (“小蓝鲸”室内配送机器人, “渝货出山”直播带货周).
# Pronoun and adverb readings too, which LAC gives words of a product's kind: “绘行”无人/r 配送车, “星脑”自动/ad 驾驶系统.
QUOTE_RUN_FIRST_TAGS = HEADED_RUN_TAGS | {"s", "r", "ad"}
QUOTE_RUN_TAGS = QUOTE_RUN_FIRST_TAGS | {"v"}
NOUN_CONTINUES = {"n", "nz", "nw", "vn", "an"}
COPULA = "是"  # a verb inside a name's run, but never this one
EVENT_CLASSIFIERS = {"场", "届", "次"}
QUOTE_RUN_MAX = 10  # characters after a quote that may still be its name: “智行上海”智能网联汽车体验日


def _noun_runs(words: list[Word], tags=NOUN_TAGS) -> list[tuple[int, int]]:
    """Maximal runs of adjacent words with `tags` (a year may open one): compound names LAC splits."""
    runs, cur = [], None
    for w in words:
        fits = w.tag in tags or (w.tag in ("m", "TIME") and YEAR.match(w.text) and cur is None)
        if fits and cur and cur[1] == w.start:
            cur = (cur[0], w.end)
        else:
            if cur:
                runs.append(cur)
            cur = (w.start, w.end) if fits else None
    if cur:
        runs.append(cur)
    return runs


# -- technologies and products -------------------------------------------------------------------

def find_technologies(text: str, words: list[Word]) -> list[Mention]:
    bounds = Boundaries(words)
    return [Mention(s, e, "Technology", text[s:e], "", "tech-lexicon", 1)
            for s, e in _lexicon_hits(text, lexicon.words("technologies", "terms"), bounds)
            if not _ascii_inside(text, s, e)]


def _ascii_inside(text: str, start: int, end: int) -> bool:
    """5G inside 5GHz or AI inside MAIL is no mention."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(re.match(r"[A-Za-z0-9]", before) or re.match(r"[A-Za-z0-9]", after))


def find_products(text: str, words: list[Word], sentences: list[tuple[int, int]], gaz: Gazetteer) -> list[Mention]:
    """Product words in sentences that show, sell, promote or make something."""
    data = lexicon.load("products")
    heads = lexicon.words("products", "heads")
    blocked = data["blocked_before"]
    not_products = set(data["not_products"])
    verbs = lexicon.load("verbs")
    cues = set(verbs["promote"]) | set(verbs["sell"]) | set(verbs["make"])
    modifiers = lexicon.words("names", "product_modifiers")
    enterprises = lexicon.enterprise_alias_words()
    out = []
    words = _join_heads(_join_split_places(gaz, words), heads)  # 配送/v 车/n: a product word LAC cuts in two
    starts = [w.start for w in words]
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        if not any(c in sentence for c in cues):
            continue
        for i in range(bisect_left(starts, s_start), bisect_left(starts, s_end)):
            w = words[i]
            if w.end > s_end or (w.tag not in NOUN_TAGS and not _misread_product(w, heads)):
                continue
            name, start = strip_prefixes(w.text, w.start, modifiers, enterprises)
            if name in heads and i and words[i - 1].end == w.start and words[i - 1].tag in data["extend_tags"]:
                name, start = words[i - 1].text + name, words[i - 1].start  # 凤庆 + 核桃
            elif name == w.text:
                start = _compound_start(words, i, not_products)  # 智能网联 + 汽车, 养老 陪护 + 机器人
                name, start = strip_prefixes(text[start:w.end], start, modifiers, enterprises)  # 新一代/n 翻译机
                j = bisect_left(starts, start)
                if j and words[j - 1].end == start and words[j - 1].tag == "LOC":  # 成县 + 土蜂蜜: its origin
                    name, start = words[j - 1].text + name, words[j - 1].start
            head = lexicon.ending(name, heads)
            following = text[w.end:w.end + 3]
            # a one-character word alone (剥橙) is a fruit, not a product on offer
            if head and len(name) >= 2 and name not in not_products and not any(following.startswith(b) for b in blocked):
                out.append(Mention(start, w.end, "Product", name, "", "product-head", 1))
                out += _listed_with(text, words, i, not_products)
        for m in re.finditer(data["model_pattern"], sentence):
            start = _model_start(text, words, starts, s_start + m.start(), s_start + m.end())
            if start is not None:
                out.append(Mention(start, s_start + m.end(), "Product", text[start:s_start + m.end()], "", "model-name", 1))
    return out


def _model_start(text: str, words: list[Word], starts: list[int], start: int, end: int) -> int | None:
    """Where a model name (云洁S7) starts: after the last time word, adverb or verb LAC reads inside the match
    (目前/TIME S7, 公司 发布/v 云洁S7); none where fewer than two name characters are left before its letters."""
    for w in words[bisect_left(starts, start):bisect_left(starts, end)]:
        if w.tag in MODEL_SKIP_TAGS and w.end < end:
            start = max(start, w.end)
    return start if re.match(r"[\u4e00-\u9fff]{2}", text[start:end]) else None


MODEL_SKIP_TAGS = {"TIME", "d", "p", "c", "r", "u", "v", "m"}


def _misread_product(w: Word, heads: lexicon.Words) -> bool:
    """六安瓜片/m, 黄芽/a: a word ending in a product word of two or more characters that LAC reads as a
    numeral or an adjective."""
    head = lexicon.ending(w.text, heads)
    return w.tag in ("m", "a") and head is not None and len(head) >= 2 and not w.text[0].isdigit()


LIST_JOINERS = {"、", "和", "及", "与", "以及"}
OBJECT_TAGS = {"n", "nz", "nw"}


def produce_words(words: list[Word], gaz: Gazetteer) -> list[Word]:
    """The words as the readers of sold and listed products take them: places' produce read as nouns (see
    `_produce_as_noun`, `_places_of_produce`). Read once per document for both."""
    return _places_of_produce(gaz, [_produce_as_noun(w) for w in words])


def _not_products() -> set[str]:
    """Words that name no product, and those standing for an organization (展示了公司与…联合研发的…)."""
    return set(lexicon.load("products")["not_products"]) | set(lexicon.load("organizations")["anaphors"])


def find_promoted(text: str, words: list[Word]) -> list[Mention]:
    """What a selling or promoting verb takes as its object is a product, lexicon or not:
    推介秭归脐橙、香菇和木耳; 为家乡茶叶代言. `words` as `produce_words` reads them."""
    data, not_products = lexicon.load("products"), _not_products()
    verbs, skip = set(data["object_verbs"]), set(data["skip_before_object"])
    out = []
    for i, w in enumerate(words):
        # 阿暖主/PER 推/v, 主/ad 推/v: LAC cut the verb's first character off onto the word before
        glued = w.tag == "v" and i and words[i - 1].end == w.start and text[w.start - 1:w.end] in verbs
        if w.text not in verbs and not glued:
            continue
        if i + 1 < len(words) and words[i + 1].text in data["time_after_verb"]:
            continue
        j = i + 1
        while j < len(words) and (words[j].text in skip or words[j].tag in ("m", "q", "u")):
            j += 1
        j = _past_quoted_items(words, j)
        if j < len(words) and "\n" in text[w.end:words[j].start]:
            continue  # a headline's verb (香菇酱一晚卖了7万瓶) takes no object from the next paragraph
        items = _made_by_before(words, j, set(data["made_by_before_object"])) or _object_list(words, j)
        if w.text in ("代言", "吆喝", "带货") and i >= 2 and words[i - 2].text == "为":
            items.append(words[i - 1])  # 为茶叶代言
        out += [Mention(x.start, x.end, "Product", x.text, "", "object-of-verb", 1)
                for x in items if x.tag in OBJECT_TAGS and x.text not in not_products and len(x.text) >= 2]
    return out


def _past_quoted_items(words: list[Word], j: int) -> int:
    """Where the plain items of a list start after the quoted ones that open it (推介了“青沙山”小榨菜籽油和化隆青稞米:
    the quoted brands are found with their kinds elsewhere; 化隆青稞米 is the object here)."""
    while j < len(words) and words[j].text in OPENING_QUOTES:
        k = next((k for k in range(j + 1, min(j + QUOTED_ITEM_WORDS, len(words))) if words[k].text in LIST_JOINERS
                  or words[k].tag == "w" and words[k].text not in CLOSING_QUOTES), None)
        if k is None or words[k].text not in LIST_JOINERS:
            return j
        j = k + 1
    return j


QUOTED_ITEM_WORDS = 10  # words of a quoted brand and its kind in a list


def _made_by_before(words: list[Word], j: int, made: set[str]) -> list[Word]:
    """推荐了上海庄晨农业专业合作社出品的白切羊肉礼盒: after an organization and its making verb with 的, the
    nouns listed (热干面礼盒和鸭脖礼包), or else the words up to the clause's end (eight characters at most,
    ending in a noun) are what it made, however LAC tags them (白/a 切/v 羊肉 礼盒)."""
    if not (j + 2 < len(words) and words[j].tag in ORG_TAGS and words[j + 1].text in made and words[j + 2].text == "的"):
        return []
    listed = _object_list(words, j + 3)
    if listed:
        return listed
    k = j + 3
    while k < len(words) and words[k].tag != "w" and words[k].end - words[j + 3].start <= 8:
        k += 1
    run = words[j + 3:k]
    if not run or (k < len(words) and words[k].tag != "w") or run[-1].tag not in OBJECT_TAGS:
        return []
    return [Word(run[0].start, run[-1].end, "".join(w.text for w in run), "n")]


def _produce_as_noun(w: Word) -> Word:
    """LAC reads a place's produce as an organization or a place (推荐中宁枸杞, 推介了赣南脐橙): such a word
    that ends in a product word, has no organization ending and is no known enterprise is the noun it ends
    in; a place only with a product word of two characters or more after two of its own (仙桃 stays a city)."""
    head = lexicon.ending(w.text, lexicon.words("products", "heads")) if w.tag in ORG_TAGS or w.tag == "LOC" else None
    if head and (w.tag != "LOC" or (len(head) >= 2 and len(w.text) - len(head) >= 2)) \
            and not lexicon.org_class(w.text) and w.text not in lexicon.enterprise_aliases():
        return w._replace(tag="nz")
    return w


def _places_of_produce(gaz: Gazetteer, words: list[Word]) -> list[Word]:
    """A place's name right before a noun, which LAC reads as a person, an organization or a brand (田阳/PER 番茄,
    百色/ORG 芒果, 太和/nz 香椿), is the place the produce is from; a "person" whose name opens with a place's is its
    produce (江永香柚/PER), and so is a "place" that ends in a product's head (平遥长山药/LOC); and a place's name LAC cuts in two (成/v 县/n 土/n 蜂蜜/n) is one place before it."""
    out = []
    heads = lexicon.words("products", "heads")
    words = _join_split_places(gaz, words)
    for w, nxt in zip(words, words[1:] + [Word(-1, -1, "", "")]):
        if w.tag in ("PER", "ORG", "nz") and w.text in gaz.names and nxt.start == w.end and nxt.tag in OBJECT_TAGS:
            w = w._replace(tag="LOC")
        elif (w.tag == "PER" or w.tag == "LOC" and w.text not in gaz.names and lexicon.ending(w.text, heads)) \
                and any(w.text[:n] in gaz.names for n in range(2, len(w.text))):
            w = w._replace(tag="nz")
        out.append(w)
    return out


def _join_split_places(gaz: Gazetteer, words: list[Word]) -> list[Word]:
    """Two adjacent words that together spell a place's name, right before a noun, as one LOC word."""
    out, done = [], 0  # words[:done] are in out
    for i in [i for i, w in enumerate(words[:-2]) if w.text[:1] in gaz.lengths]:  # where a place's name can start
        a, b, c = words[i:i + 3]
        if i >= done and a.end == b.start and b.end == c.start and c.tag in OBJECT_TAGS and a.text + b.text in gaz.names:
            out += words[done:i]
            out.append(Word(a.start, b.end, a.text + b.text, "LOC"))
            done = i + 2
    return out + words[done:]


def _head_across(text: str, last: str, heads: lexicon.Words) -> bool:
    """Whether `text` ends in a product word that starts before its last word `last` (毛 + 尖: 毛尖)."""
    head = lexicon.ending(text, heads)
    return head is not None and len(head) > len(last)


def _modifiers(words: list[Word], j: int) -> int:
    """How many words from j modify the noun right after them: a place or an adjective, and a place or an adjective
    after the place (信阳/LOC 红/a 红茶/n, 罗田/LOC 黑山/LOC 羊肉/n); 0 where no noun follows."""
    n = 0
    while n < 2 and j + n + 1 < len(words) and words[j + n].tag in (("LOC", "a") if n == 0 or words[j].tag == "LOC" else ("a",)) \
            and words[j + n + 1].start == words[j + n].end:
        n += 1
    return n if n and words[j + n].tag in OBJECT_TAGS else 0


def _object_list(words: list[Word], j: int) -> list[Word]:
    """The noun at j and the nouns listed after it (A、B和C)."""
    heads = lexicon.words("products", "heads")
    items = []
    while j < len(words) and words[j].tag in OBJECT_TAGS | {"LOC", "a"}:
        # a place or an adjective before the noun belongs to the name: 秭归 脐橙, 有机 红薯粉条
        placed = _modifiers(words, j)
        if not placed and words[j].tag not in OBJECT_TAGS:
            break
        k = j + 1 + placed  # 瑶山/nz 香菇/nz, 江永香/nz 姜/n: one name
        while k < len(words) and words[k].start == words[k - 1].end and (
                words[k].tag == "nz" or (words[k].tag in OBJECT_TAGS and lexicon.ending(words[k].text, heads))
                or _head_across(words[k - 1].text + words[k].text, words[k].text, heads)):  # 毛/n 尖/a: 毛尖
            k += 1
        if k < len(words) and words[k].start == words[k - 1].end and words[k].tag in OBJECT_TAGS:
            break  # 长宁 特色 | 美食, 香柚 | 全部: the words read so far modify a noun that names no product
        name = "".join(w.text for w in words[j:k])
        tag = words[k - 1].tag if words[k - 1].tag in OBJECT_TAGS or not lexicon.ending(name, heads) else "n"
        items.append(Word(words[j].start, words[k - 1].end, name, tag))
        j = k
        if j + 1 < len(words) and len(words[j].text) == 1 and words[j].tag == "v" and words[j].start == items[-1].end \
                and (words[j + 1].text in LIST_JOINERS or words[j + 1].tag in ("m", "w")):
            last = items.pop()  # 乐业猕猴桃/nz 干/v 4款: a verb LAC cut off the item's last character
            items.append(Word(last.start, words[j].end, last.text + words[j].text, last.tag))
            j += 1
        if j < len(words) and words[j].text in LIST_JOINERS:
            j += 1
        elif j < len(words) and words[j].start == items[-1].end and (
                words[j].text == "的" or words[j].tag.startswith("v")):
            return []  # 公司 自主研发的…, 家乡的…: the noun opens a phrase that modifies the object
        else:
            break
    return items


def find_kind_listed(words: list[Word], gaz: Gazetteer) -> list[Mention]:
    """The nouns listed before 等 and a kind of goods are products, with no verb to sell them: 当天集中上线宜昌蜜桔、
    宜红茶等200余款特色产品; 首批上线五常大米等120款产品. `words` as `produce_words` reads them."""
    data, not_products = lexicon.load("products"), _not_products()
    kinds, modifiers = set(data["listed_kinds"]), set(data["listed_kind_modifiers"])
    out = []
    for k, w in enumerate(words):
        if w.text in ("等", "等等") and _kind_after(words, k + 1, kinds, modifiers):
            out += [Mention(x.start, x.end, "Product", x.text, "", "kind-list", 1)
                    for x in _listed_before(words, k) if _names_goods(x.text, gaz, not_products)]
    return out


def _kind_after(words: list[Word], j: int, kinds: set[str], modifiers: set[str], most: int = 5) -> bool:
    """Whether a kind of goods follows at j, after a count, places, quoted labels and modifiers (200余款特色产品,
    “陕字号”产品)."""
    quoted = False
    for w in words[j:j + most]:
        if w.text in kinds and not quoted:
            return True
        if w.text in OPENING_QUOTES or w.text in CLOSING_QUOTES:
            quoted = w.text in OPENING_QUOTES
        elif not (quoted or w.tag in ("m", "q", "LOC") or w.text in modifiers):
            return False
    return False


LISTED_ITEM_MAX = 10  # characters of one item of a list before 等
LISTED_ITEM_TAGS = {"n", "nz", "nw", "LOC", "a", "b"}


def _listed_before(words: list[Word], k: int) -> list[Word]:
    """The items of the list that ends at word k (A、B和C等): each the words between two joiners, the first only the
    nouns, places and modifiers after whatever opens its clause (售出, 重点支持). Punctuation ends the list."""
    items, run = [], []
    for i in range(k - 1, -1, -1):
        w = words[i]
        if w.text in LIST_JOINERS and w.tag in ("w", "c", "p"):
            items.append(run)
            run = []
            continue
        if w.tag == "w" or (run and run[0].start != w.end):
            break
        if w.tag not in LISTED_ITEM_TAGS and not (i and words[i - 1].text in LIST_JOINERS):  # 宜/v 红茶: LAC's slip
            break
        run.insert(0, w)
    items.append(run)
    return [Word(r[0].start, r[-1].end, "".join(x.text for x in r), "n") for r in reversed(items)
            if r and r[-1].tag in OBJECT_TAGS and r[-1].end - r[0].start <= LISTED_ITEM_MAX]


def _names_goods(name: str, gaz: Gazetteer, not_products: set[str]) -> bool:
    return len(name) >= 2 and name not in not_products and name not in gaz.names and not lexicon.org_class(name) \
        and name not in lexicon.enterprise_aliases()


COMPOUND_TAGS = {"n", "vn", "a", "b"}


def _compound_start(words: list[Word], i: int, not_products: set[str], most: int = 2) -> int:
    """Where the compound ending at word i starts: up to `most` adjacent modifier words before it.
    Brands (nz) are not taken: 优智 机器人 is a maker's name and its product word."""
    j = i
    while j > 0 and i - j < most and words[j - 1].end == words[j].start and words[j - 1].tag in COMPOUND_TAGS \
            and words[j - 1].text not in not_products:
        j -= 1
    return words[j].start


def _listed_with(text: str, words: list[Word], i: int, not_products: set[str]) -> list[Mention]:
    """Nouns listed with a product are products too: 发饰、棉袜、饰品、玩具和日用百货; 智能设备."""
    out = []
    after = i
    while after + 2 < len(words) and words[after + 1].text in LIST_JOINERS and words[after + 2].tag in ("n", "nz"):
        end = after + 2  # the last noun of the next item
        while end + 1 < len(words) and words[end + 1].start == words[end].end and words[end + 1].tag in ("n", "nz"):
            end += 1
        if end + 1 < len(words) and words[end + 1].start == words[end].end and words[end + 1].tag in NOUN_CONTINUES:
            break  # 智能/n 办公/vn 本/n: the item goes on past what this reads, so 智能 names nothing
        out.append(_item(text, words, end, not_products))
        after = end
    before = _origin_start(words, _word_at_start(words, _compound_start(words, i, not_products)))
    while before - 2 >= 0 and words[before - 1].text in LIST_JOINERS and words[before - 2].tag in ("n", "nz"):
        out.append(_item(text, words, before - 2, not_products))
        before = _origin_start(words, _word_at_start(words, _compound_start(words, before - 2, not_products)))
    return [m for m in out if m is not None]


def _origin_start(words: list[Word], j: int) -> int:
    """The word a compound at j starts with, taking the place written right before it (东兰/LOC 墨米: its origin)."""
    return j - 1 if j and words[j - 1].tag == "LOC" and words[j - 1].end == words[j].start else j


def _word_at_start(words: list[Word], start: int) -> int:
    k = bisect_left(words, start, key=lambda w: w.start)  # words are in text order
    if k == len(words) or words[k].start != start:
        raise ValueError(f"no word starts at {start}")
    return k


def _item(text: str, words: list[Word], last: int, not_products: set[str]) -> Mention | None:
    start = words[_origin_start(words, _word_at_start(words, _compound_start(words, last, not_products)))].start
    name = text[start:words[last].end]
    if name in not_products or len(name) < 2:
        return None
    return Mention(start, words[last].end, "Product", name, "", "product-list", 1)


def strip_prefixes(name: str, start: int, modifiers: lexicon.Words, enterprises: lexicon.Words) -> tuple[str, int]:
    """上汽新一代智能网联汽车 -> 智能网联汽车: the maker and the modifiers are not the product's name."""
    for prefixes in (enterprises, modifiers):
        n = next((n for n in prefixes.lengths if len(name) > n + 1 and name[:n] in prefixes.set), 0)
        name, start = name[n:], start + n
    return name, start


# -- persons ------------------------------------------------------------------------------------

PERSON_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8})$")


def find_media(text: str) -> list[Mention]:
    """The news medium of a dateline (新华网深圳3月25日电): an organization the article names."""
    return [Mention(m.start("name"), m.end("name"), "Organization", m.group("name"), "", "dateline", 5)
            for m in lexicon.finditer("bylines", "media", text)]


def find_persons(text: str, words: list[Word], ents: list[tuple[int, int, str]]) -> list[Mention]:
    titles = lexicon.titles()["all"]
    surnames = lexicon.load("names")["surnames"]
    spans = {_with_surname(text, w.start, w.end, titles, surnames) for w in words if w.tag == "PER"}
    # 符/PER 小琪/PER: a surname LAC cuts off its given name
    spans |= {(a.start, b.end) for a, b in zip(words, words[1:]) if a.tag == b.tag == "PER" and a.end == b.start
              and len(a.text) == 1 and a.text in surnames and len(b.text) <= 2}
    spans |= {(s, e) for s, e, label in ents if label == "name"}
    spans |= _dotted_names(text, words)
    quotes = list(QUOTED.finditer(text))
    nicknames = [m for m in quotes if _after_host(text, m.start())]
    # a word LAC reads as a name but is unsure of (高原/PER 上) is one only where the text says so: after a title
    # (_named_after_titles), read with confidence elsewhere (_named_again then finds it here), quoted as a host's
    # nickname (“阿暖” before 阿暖主/PER 推); else it is UNSURE, for one_sense to read as a place or company it
    # stands for (我们康乐的蕨菜 of 康乐县) and unsure_persons_dropped to drop
    sure = lexicon.load("names")["lac_person_min_confidence"]
    unsure = {(w.start, w.end) for w in words if w.tag == "PER" and w.confidence < sure}
    written = {text[a:b] for a, b in spans if (a, b) not in unsure} | {m.group()[1:-1] for m in nicknames}
    unsure = {(a, b) for a, b in unsure if text[a:b] not in written and text[a:b - 1] not in written}
    titled = _named_after_titles(text, words, titles, surnames, spans - unsure)
    spans, unsure = spans | titled, unsure - titled
    # a name LAC finds in a quoted brand is a word of it (“高原红”/高原 苹果礼盒), and one inside a host's quoted
    # nickname a word of that (主播“洋芋哥”/洋芋): _nicknames reads the nickname whole
    inside = _brands(quotes, words) | {(m.start() + 1, m.end() - 1) for m in nicknames}
    spans = {(a, b) for a, b in _whole_names(text, _without_glued_verbs(text, spans))
             if not any(s <= a and b <= e for s, e in inside)}
    # a name LAC finds inside a quoted phrase or slogan is a word of it (“薄如纸、白如玉”, “荆州好物·市长来了”)
    phrases = _phrases(quotes)
    spans = {(a, b) for a, b in spans if not any(s < a and b < e for s, e in phrases)}
    elsewhere = Spans(len(text), _read_elsewhere(text))
    spans = {(a, b) for a, b in spans if not elsewhere.overlap(a, b)}
    product_heads = set(lexicon.load("products")["heads"])
    # 徐香猕猴桃: a "name" written right before a product word is its variety, not a person
    varieties = {(a.start, a.end) for a, b in zip(words, words[1:]) if a.end == b.start and b.text in product_heads}
    out = []
    for start, end in sorted(spans - varieties):
        name = text[start:end]
        # LAC sometimes glues a title to the name (副市长吴清): a name never ends or starts with one.
        if PERSON_NAME.match(name) and not lexicon.ending(name, titles) and not any(name.startswith(t) for t in titles):
            out.append(Mention(start, end, "Person", name, "", UNSURE if (start, end) in unsure else "person", 3))
    return out + _nicknames(text, words, [m for m in out if m.source != UNSURE])


UNSURE = "unsure-person"


def unsure_persons_dropped(mentions: list[Mention]) -> list[Mention]:
    """Without the names LAC was unsure of that one_sense did not read as something else (find_persons)."""
    return [m for m in mentions if not (m.cls == "Person" and m.source == UNSURE)]


def _phrases(quotes: list[re.Match]) -> list[tuple[int, int]]:
    """Quotes that hold a phrase or slogan rather than a name."""
    return [m.span() for m in quotes if PHRASE_MARKS.search(m.group())]


def _read_elsewhere(text: str) -> list[tuple[int, int]]:
    """Where a dateline's medium (苏报讯/PER（记者…）) and a byline's reporters are written: bylines are read whole
    (记者 向晓峰, which LAC reads 向/p 晓峰/PER)."""
    return ([m.span() for m in lexicon.finditer("bylines", "media", text)]
            + [m.span("name") for m in lexicon.finditer("bylines", "patterns", text)])


def persons_named_again(text: str, words: list[Word], persons: list[Mention], kept: list[Mention]) -> list[Mention]:
    """The names of find_persons' `persons` that the other mentions left standing (not 高原 of an organization's
    威宁县高原红苹果种植专业合作社) or that one_sense reads as something else (驭途 of 驭途智能, the company),
    wherever else the text writes them outside the mentions `kept`, in that sense."""
    standing = {(m.start, m.end) for m in kept}
    persons = [m for m in persons if m.source == "person"]
    persons = [m for m, sensed in zip(persons, one_sense(text, kept + persons)[len(kept):])
               if (m.start, m.end) in standing or (sensed.cls != "Person" and sensed.label == m.label)]
    blocked = list(standing) + _phrases(list(QUOTED.finditer(text))) + _read_elsewhere(text)
    return one_sense(text, kept + _named_again(text, Boundaries(words), persons, blocked))[len(kept):]


def _dotted_names(text: str, words: list[Word]) -> set[tuple[int, int]]:
    """A transliterated name LAC cuts at its dot (阿不都热合曼/PER ·/w 买买提/v, 帕丽达/PER ·艾山/w): the given name
    and the characters after the dot to the first word end."""
    ends = [w.end for w in words]  # in text order, so sorted
    out = set()
    for w in words:
        k = bisect_right(ends, w.end + 1)
        if w.tag == "PER" and text.startswith("·", w.end) and k < len(ends) \
                and CJK.match(text[w.end + 1:ends[k]]) and ends[k] - w.end - 1 <= 8:
            out.add((w.start, ends[k]))
    return out


def _named_again(text: str, bounds: Boundaries, persons: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """A name read as a person somewhere is that person wherever else the text writes it (向国平说 makes 向国平 of
    镜头前，向国平夹起 a name, where LAC reads 向/p): a three-character name anywhere, a shorter one where it
    stands as words of its own. Longer names first, so 陆军强 is not read as 陆军 where the text names both (and the
    answer does not depend on the order of a set, which differs per process)."""
    taken = Spans(len(text), [(m.start, m.end) for m in persons] + blocked)
    out = []
    for name in sorted({m.label for m in persons}, key=lambda n: (-len(n), n)):
        for a, b in occurrences(text, name):
            if taken.overlap(a, b) or (len(name) < 3 and not bounds.aligned(a, b)):
                continue
            out.append(Mention(a, b, "Person", name, "", "person-again", 3))
            taken.add(a, b)
    return out


def _without_glued_verbs(text: str, spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """阿暖主/PER 推: a name that is another name of the text plus the first character of a verb
    (主推) is that name."""
    names = {text[a:b] for a, b in spans}
    verbs = lexicon.load("verbs")
    cues = tuple(verbs["promote"] + verbs["participate"])
    return {(a, b - 1) if b - a >= 3 and text[a:b - 1] in names and text.startswith(cues, b - 1) else (a, b)
            for a, b in spans}


PHRASE_MARKS = re.compile(r"[、，,：:；;！？!?·]")


def _brands(quotes: list[re.Match], words: list[Word]) -> set[tuple[int, int]]:
    """“讷谷香”/PER 富硒大米: a quoted word with a common noun right after it names a brand of that thing,
    not a person (“果果姐”程婷婷 is followed by a name, 主播“阿暖”和… by no noun)."""
    starts = {w.start: w for w in words}
    out = set()
    for m in quotes:
        after = starts.get(m.end())
        if after is not None and after.tag in OBJECT_TAGS:
            out.add((m.start() + 1, m.end() - 1))
    return out


def _whole_names(text: str, spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """韩立/PER 群系/n 上: a name that another name of the text continues by the next character is that
    longer name, cut by a word LAC made of its last character and the next."""
    names = {text[a:b] for a, b in spans}
    return {(a, b + 1) if text[a:b + 1] in names else (a, b) for a, b in spans}


def _nicknames(text: str, words: list[Word], persons: list[Mention]) -> list[Mention]:
    """A quoted name after a host word is a person (主播“川妹小雅”, which LAC cuts in two), unless it is one
    plain word (主播“云端”卖滇红); written right before a person's name (“果果姐”程婷婷) it is that person's
    other name, keyed by the name. Once a host is introduced so, the same quoted name elsewhere in the text is
    that host too (蒲建勋和“陇上阿秀”先后推介了…); so is one given in brackets after a name as its 网名 or 昵称
    (林雅琪（网名“琪琪爱分享”）)."""
    plain = {(w.start, w.end) for w in words if w.tag not in ("PER", "nz", "nw")}
    by_start = {p.start: p for p in persons}
    by_end = {p.end: p for p in persons}
    quoted = list(re.finditer(r"“([\u4e00-\u9fff]{2,6})”", text))
    hosts = {}
    for m in quoted:
        if _after_host(text, m.start()) and m.span(1) not in plain:
            named = by_start.get(m.end())
            hosts.setdefault(m.group(1), named.label if named else "")
        elif (called := NICKNAME_AFTER.search(text, max(0, m.start() - NICKNAME_REACH), m.start())) and called.end() == m.start() \
                and called.start() in by_end:
            hosts.setdefault(m.group(1), by_end[called.start()].label)  # 林雅琪（网名“琪琪爱分享”）
    return [Mention(m.start(1), m.end(1), "Person", m.group(1), hosts[m.group(1)], "nickname", 4)
            for m in quoted if m.group(1) in hosts]


NICKNAME_AFTER = re.compile(r"[（(](?:网名|昵称|艺名|花名)(?:为|叫|是)?[：:]?")  # what a person's other name follows
NICKNAME_REACH = 6


def _after_host(text: str, quote_start: int) -> bool:
    """Whether a quote opening at `quote_start` follows a host word (主播“川妹小雅”, 网红“果果姐”): a nickname."""
    return bool(lexicon.ending(text[max(0, quote_start - 4):quote_start], lexicon.words("names", "person_before_quote")))


def _named_after_titles(text: str, words: list[Word], titles, surnames: str, found: set) -> set[tuple[int, int]]:
    """区长杭迎伟、… and 主任华源发布…, which LAC reads as 杭/PER 迎伟/v or 华源/ORG: two or three characters
    after a title word, opening with a surname and closed by what follows a name (names.json)."""
    followers = lexicon.words("names", "name_followers")
    starts = {a for a, b in found if b - a >= 2}
    surname_read = {w.start for w in words if w.tag == "PER" and len(w.text) == 1}  # 杭/PER 迎伟/v
    plain_words = {(w.start, w.end) for w in words if w.tag[0] in "vdacpru"}  # 经理解释，: a verb, not 解释
    out = set()
    for w in words:
        # 副区长方建国/n: LAC read the title and the name as one word
        n = next((n for n in titles.lengths if 2 <= len(w.text) - n <= 3 and w.text[:n] in titles.set), 0) \
            if len(w.text) > 2 else 0
        if n and PERSON_NAME.match(w.text[n:]) and w.text[n] in surnames \
                and any(text.startswith(f, w.end) for f in followers):
            out.add((w.start + n, w.end))
        if w.end in starts or not lexicon.ending(w.text, titles):
            continue
        for n in (2, 3):
            name, rest = text[w.end:w.end + n], text[w.end + n:w.end + n + 4]
            if PERSON_NAME.match(name) and (name[0] in surnames or w.end in surname_read) \
                    and any(rest.startswith(f) for f in followers) \
                    and not any(t in name for t in titles) and (w.end, w.end + n) not in plain_words:
                out.add((w.end, w.end + n))
                break
    return out


def find_title_references(text: str, persons: Iterable[Mention]) -> list[Mention]:
    """郑书记, 吴县长, 张院长: a surname and a title stand for the one person of the text with that surname
    (keyed by the full name, so both are one entity); with two people of that surname, for neither."""
    titles, surnames = lexicon.titles()["all"], lexicon.load("names")["surnames"]
    by_surname: dict[str, set[str]] = {}
    for p in persons:
        if p.cls == "Person" and 2 <= len(p.label) <= 4 and p.label[0] in surnames:
            by_surname.setdefault(p.label[0], set()).add(p.label)
    out = []
    for surname, names in by_surname.items():
        if len(names) != 1:
            continue
        (name,) = names
        for start, end in occurrences(text, surname):
            title = next((t for t in titles if text.startswith(t, end)), None)
            if title and not text.startswith(name, start):
                # labelled with the name: 郑书记 is how the text refers to 郑永康, not another name of his
                out.append(Mention(start, end + len(title), "Person", name, name, "surname+title", 3))
    return out


EVENT_REFERENCE = "event-reference"
CLOSING_QUOTES = set("”」』》）)\"'")


def find_event_references(text: str, words: list[Word], mentions: list[Mention]) -> list[Mention]:
    """Bare event heads that stand for an event named before them (通气会由…主持, 在启动仪式上介绍, 本届年货节),
    keyed by that event's name so both are one entity. A head counts only as words of its own after a
    determiner, a verb, a preposition or punctuation: 新闻发布会 inside 首场新闻发布会 is no reference."""
    names = lexicon.load("names")
    determined = set(names["determined_reference_heads"])
    heads = lexicon.Words(names["reference_heads"] + names["determined_reference_heads"])
    determiners = lexicon.words("names", "reference_determiners")
    after_tags = set(names["reference_after_tags"])
    events = [m for m in mentions if m.cls == "Event"]
    used = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i, w in enumerate(words):
        if w.text[0] not in heads.firsts:
            continue
        k = next((k for k in range(min(len(words), i + 3), i, -1)
                  if "".join(x.text for x in words[i:k]) in heads), None)
        if k is None or used.intersection(range(w.start, words[k - 1].end)):
            continue
        before = words[i - 1] if i else None
        determined_here = any(text.endswith(d, 0, w.start) for d in determiners)  # 这/r 场/q 直播
        if before and before.end == w.start and (before.tag not in after_tags or before.text in CLOSING_QUOTES) \
                and not determined_here:
            continue  # “云上长安”网购节 is a name, not a reference
        # 参加分/v 论坛/n: the longer head LAC glued the start of onto the word before (分论坛, not 论坛)
        start = next((w.start - n for n in (2, 1) if before and before.end == w.start and len(before.text) > n
                      and text[w.start - n:words[k - 1].end] in heads.set), w.start)
        head = text[start:words[k - 1].end]
        if head in determined and not determined_here:
            continue
        referent = _referent(head, [m for m in events if m.end <= start], any_event=head in names["any_event_heads"])
        if referent:
            out.append(Mention(start, words[k - 1].end, "Event", head, referent.key or referent.label, EVENT_REFERENCE, 1))
    for frame in names["reference_frames"]:  # 孟繁宇在会上表示: 会 is the meeting named before
        head = frame[:-1]
        for start, _ in occurrences(text, frame):
            referent = _referent(head, [m for m in events if m.end <= start])
            if referent and start not in used:
                out.append(Mention(start, start + len(head), "Event", head, referent.key or referent.label,
                                   EVENT_REFERENCE, 1))
    return out


PRODUCT_REFERENCE = "product-reference"


def find_product_references(text: str, mentions: list[Mention]) -> list[Mention]:
    """这款罐头 after “桃乡情”黄桃罐头: the product named last before it whose name ends with that noun."""
    out = []
    products = [m for m in mentions if m.cls == "Product"]
    for d in lexicon.load("verbs")["kind_references"]:
        for hit in re.finditer(re.escape(d) + r"([\u4e00-\u9fff]{1,4})", text):
            earlier = [m for m in products if m.end <= hit.start()]
            for n in range(len(hit.group(1)), 0, -1):
                noun = hit.group(1)[:n]
                referent = next((m for m in reversed(earlier) if len(m.label) > n and m.label.endswith(noun)), None)
                if referent:
                    start = hit.start(1)
                    out.append(Mention(start, start + n, "Product", noun, referent.key or referent.label, PRODUCT_REFERENCE, 1))
                    break
    return out


def _referent(head: str, events: list[Mention], any_event: bool = False) -> Mention | None:
    """The nearest event named before that ends with `head` (with `any_event`, whatever its head), a main event
    before a sub-forum or an opening ceremony (论坛 is the forum, not its 分论坛), unless the head itself names
    the part."""
    children = lexicon.words("names", "child_event_heads")
    heads = [head] + [head + tail for tail in lexicon.load("names")["reference_tails"]]
    fits = [m for m in events if any_event or (len(m.label) > len(head) and m.label.endswith(tuple(heads)))]
    main = [m for m in fits if lexicon.ending(head, children) or not lexicon.ending(m.label, children)]
    return (main or fits or [None])[-1]


def _with_surname(text: str, start: int, end: int, titles, surnames: str) -> tuple[int, int]:
    """首席执行官方晓琳, which LAC reads 官方 + 晓琳: a two-character name right after a title whose last
    character a surname follows takes that surname back; not a joiner before a name that opens with a surname
    itself (孟书记和宋棠)."""
    joined = text[start - 1] in PERSON_JOINERS and text[start] in surnames
    if end - start == 2 and start > 1 and text[start - 1] in surnames and not joined \
            and lexicon.ending(text[max(0, start - 9):start - 1], titles):
        return start - 1, end
    return start, end


# -- overlaps -----------------------------------------------------------------------------------

NAMED_THINGS = {"Product", "Event", "Initiative"}


PERSON_JOINERS = "和与及同"


LEADING_BRAND = re.compile(r"[“「]([^“”「」]{2,12})[”」]")


def one_sense(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name that the text also writes as a product, event or initiative is that thing
    (“小优快跑”采用…, where LAC reads the quoted robot as a person), or the start of one written in full there (小帆
    of 小帆Pro身高…); a place where the text also writes it with its level word (康乐 beside 康乐县); a company
    where the text writes it with a trade word (深澜 beside 深澜科技): one name, one sense per document. A host's
    quoted nickname (主播“汉江小鱼”) stays a person, though its last word reads like produce; a person's name with the
    conjunction after it read into it (傅振中和) is the name the text writes elsewhere."""
    things = {m.label.strip(OPENING_QUOTES + "”」"): m.cls for m in mentions if m.cls in NAMED_THINGS}
    # a thing named by its quoted brand and its kind (“康小护”AI家庭健康助手) goes by the brand alone too
    brands = {brand.group(1): m for m in mentions if m.cls in NAMED_THINGS and m.source == "quoted+head"
              and (brand := LEADING_BRAND.match(m.label)) and brand.group(1) not in things}
    # the gazetteer leaves out short forms that are also common words (康乐)
    places = {m.label[:-1]: m for m in mentions if m.source == "gazetteer"
              and m.label.endswith(tuple(lexicon.load("places")["short_form_levels"]))}
    trade = lexicon.words("organizations", "trade_words")
    companies = {m.label[:-len(t)]: m for m in mentions if m.cls == "Enterprise"
                 for t in trade if m.label.endswith(t) and len(m.label) >= len(t) + 2}
    persons = {m.label for m in mentions if m.cls == "Person"}
    by_first: dict[str, list[str]] = {}  # the things by their first character, in the order of `things`
    for n in things:
        by_first.setdefault(n[:1], []).append(n)

    def sense(m: Mention) -> Mention:
        if m.cls != "Person" or m.source == "nickname":
            return m
        if m.label[-1] in PERSON_JOINERS and m.label[:-1] in persons:  # 傅振中和/PER 曾晓燕: 傅振中, then 和
            return replace(m, end=m.end - 1, label=m.label[:-1])
        if m.label in things:
            return replace(m, cls=things[m.label])
        if m.label in brands:
            thing = brands[m.label]  # keyed by its name without quotes, as the extractor names entities
            return replace(m, cls=thing.cls, key=thing.key or re.sub("[“”「」]", "", thing.label))
        longer = next((n for n in by_first.get(text[m.start:m.start + 1], ()) if len(n) > len(m.label)
                       and text.startswith(n, m.start)), None)
        if longer:
            return replace(m, end=m.start + len(longer), cls=things[longer], label=longer, source="named-in-full")
        if m.label in places:
            return replace(m, cls=places[m.label].cls, key=places[m.label].key, source="place-short-form")
        if m.label in companies:
            return replace(m, cls="Enterprise", key=companies[m.label].key, source="company-short-form")
        return m

    return [sense(m) for m in mentions]


def products_named_again(text: str, words: list[Word], mentions: list[Mention]) -> list[Mention]:
    """A product's unquoted name found once is a product wherever else the text writes it as words of its own
    (连城白鸭/LOC 由…生产, after 推介了连城红心地瓜干、连城白鸭): one name, one sense per document."""
    bounds = Boundaries(words)
    names = {m.label: m for m in mentions if m.cls == "Product" and len(m.label) >= PRODUCT_AGAIN_MIN
             and not m.label.startswith(OPENING_QUOTES)}
    return [Mention(start, end, "Product", name, m.key, "named-again", 1)
            for name, m in names.items() for start, end in occurrences(text, name) if bounds.aligned(start, end)]


PRODUCT_AGAIN_MIN = 4  # characters: 地瓜干 alone may be a kind, 连城白鸭 names one product


def joined_events(text: str, mentions: list[Mention]) -> list[Mention]:
    """开幕式暨“千灯夜市”美食节: events joined by 暨 are one event held as both, named by the whole."""
    joiners = lexicon.words("names", "event_joiners")
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and last.cls == m.cls == "Event" and text[last.end:m.start] in joiners:
            out[-1] = replace(last, end=m.end, label=text[last.start:m.end], source="joined-event")
        else:
            out.append(m)
    return out


def named_kinds_dropped(text: str, mentions: list[Mention]) -> list[Mention]:
    """养老陪护机器人“优伴2代”: the kind written right before a quoted product is what it is, not a second product."""
    named = {m.start for m in mentions if m.cls == "Product"}
    return [m for m in mentions if not (m.cls == "Product" and text[m.end:m.end + 1] in OPENING_QUOTES
                                        and m.end + 1 in named)]


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Longest first, then priority: one reading per stretch of text."""
    taken: list[Mention] = []
    used = set()
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), -m.priority, m.start)):
        if not used.intersection(range(m.start, m.end)):
            taken.append(m)
            used.update(range(m.start, m.end))
    return sorted(taken, key=lambda m: m.start)
