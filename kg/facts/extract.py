"""From an annotated spaCy `Doc` to a document's entities and statements.

Relations are read sentence by sentence from the mentions' order and the cue words of
`kg/nlp/data/verbs.json`; every statement keeps the sentence it came from.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from spacy.tokens import Doc

from ..nlp import lexicon
from ..nlp.components import doc_text, mentions_of, sentence_bounds
from ..nlp.dates import year_before
from ..nlp.mentions import (EVENT_REFERENCE, OPENING_QUOTES, PRODUCT_REFERENCE, SHOPPING_DAY, TOWN, Mention, occurrences,
                            strip_prefixes)
from ..nlp.places import gazetteer
from ..vocab import ID, ONE
from .model import DocFacts, Entity, Evidence, Statement, entity_iri, place_iri, slug, strip_quotes
from .resolve import cluster_mentions, company_short_form, organ_identity

PLACE_CLASSES = {"City", "District", "Province", "Region"}
ORG_CLASSES = {"GovernmentBody", "Enterprise", "Organization"}
# Mentions that refer to a name without writing it (郑书记 for 郑永康): labelled by that name.
REFERENCES = {"surname+title", EVENT_REFERENCE, PRODUCT_REFERENCE}
CHAIN_STOP = re.compile(r"[，,。；;：:！？!?（）()“”\"《》\n—]")
CLAUSE = re.compile(r"[^，,；;：:]+")
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
LIST_ITEM_OPENERS = ("：", ":", "；", ";")
SUBJECT_PRONOUN = re.compile(r"(?:^|[，,])\s*([他她])")  # a pronoun opening a clause: its subject
PLACE_AS_HOST = re.compile(r"将|[“「《]")  # 和平区将在…上演, 河西区“梅江夜市美食节”开市: what a place will stage
CLOSING_NAME_QUOTES = "”\"」"  # what closes a quoted name or nickname (主播“猕猴桃妹妹”杜小蓉)
TITLE_ABBREVIATION = re.compile(r"[（(][A-Za-z]{2,8}[）)]$")


FIELD = re.compile(r"\s*([\u4e00-\u9fff]{1,6})\s*[：:]")  # a field line of a schedule or notice: 时间：…

BRACKET_MAX = 20  # characters of a short name in brackets, with 以下简称 and its quotes
BRACKETED = re.compile(rf"[（(][^）)]{{0,{BRACKET_MAX - 2}}}[）)]")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    dates: list[tuple[int, int, str]]
    index: int = -1  # its place in the document's list of sentences
    paragraph_start: int = -1  # the index of the first sentence of its paragraph

    def evidence(self, rule: str) -> Evidence:
        return Evidence(self.start, self.end, self.text.strip(), rule)

    def clause_of(self, pos: int) -> tuple[int, int]:
        for m in CLAUSE.finditer(self.text):
            if self.start + m.start() <= pos < self.start + m.end():
                return self.start + m.start(), self.start + m.end()
        return self.start, self.end


def by_sentence(bounds: list[tuple[int, int]], items: list, span) -> list[list]:
    """The items inside each of the sorted, disjoint sentence `bounds`, in their order in `items`; `span(item)` is its
    (start, end). One pass with a binary search: a long document has thousands of sentences and mentions."""
    starts = [a for a, _ in bounds]
    out: list[list] = [[] for _ in bounds]
    for item in items:
        start, end = span(item)
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and end <= bounds[k][1]:
            out[k].append(item)
    return out


class Extractor:
    """Reads one document; `run()` returns its `DocFacts`."""

    def __init__(self, doc: Doc, doc_iri: URIRef):
        self.doc, self.text, self.doc_iri = doc, doc_text(doc), doc_iri
        self.facts = DocFacts()
        self.mentions: list[Mention] = mentions_of(doc)
        self.iri_of: dict[tuple[int, int], URIRef] = {}
        bounds = [(a, b) for a, b in sentence_bounds(doc) if self.text[a:b].strip()]
        dates = [(d.start_char, d.end_char, d.kb_id_) for d in doc.spans["dates"]]
        self.sentences = [Sentence(a, b, self.text[a:b], ms, ds) for (a, b), ms, ds in
                          zip(bounds, by_sentence(bounds, self.mentions, lambda m: (m.start, m.end)),
                              by_sentence(bounds, dates, lambda d: d[:2]))]
        last_chars = [s.end - 1 for s in self.sentences]
        for i, s in enumerate(self.sentences):
            # its paragraph starts at the first sentence that ends after the last line break before it
            s.index, s.paragraph_start = i, min(i, bisect.bisect_right(last_chars, self.text.rfind("\n", 0, s.start)))
        # a fact is evidenced by one sentence: a mention across a sentence end (a quoted speech read as a
        # name, “…走出去。”直播) has none, and is no mention
        inside = {id(m) for s in self.sentences for m in s.mentions}
        self.mentions = [m for m in self.mentions if id(m) in inside]
        # the mentions ending at each offset, in their order: the rules ask what is written right before a title,
        # which read through every mention of a long text took time in its square
        self.ending_at: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.ending_at.setdefault(m.end, []).append(m)
        self.order = {id(m): k for k, m in enumerate(self.mentions)}
        self.of_class: dict[str, list[Mention]] = {}  # in their order too: "the one named most before" is asked often
        for m in self.mentions:
            self.of_class.setdefault(m.cls, []).append(m)
        self._stated_so_far: dict[URIRef, tuple[list, int, dict]] = {}  # see _stated
        self.sentence_starts = [t.start for t in self.sentences]
        self.home = self._home_areas()
        self.home_names = {cls: key.rsplit("/", 1)[-1] for cls, key in self.home.items()}
        self._last_promoters: tuple[int, list[Mention]] = (0, [])  # the last promoting sentence and who promoted
        self._sold: list[tuple[Sentence, Mention, Mention]] = []  # (sentence, promoter, product) of stream sales

    # -- entities --------------------------------------------------------------------------------

    def run(self) -> DocFacts:
        self._entities()
        for i, s in enumerate(self.sentences):
            self._posts(s)
            self._event_dates(s)
            self._attended_on(i)
            self._referred_on(i)
            self._part_of(i)
            self._sessions_named_after(s)
            self._promotes(i)
            self._makers(s)
            self._issuers(s)
            self._campaigns(s)
            self._locations(s)
        self._sold_unclaimed()
        self._field_blocks()
        self._brand_makers()
        self._sub_events()
        self._participants()
        self._holders_do_not_take_part()
        self._sessions_over_campaigns()
        for s in self.sentences:
            self._platforms_joined(s)
            self._chaired(s)
        self._attended_on_lead_day()
        self._authors()
        self._days_over_months()
        self._organs_over_places()
        self._makers_do_not_promote()
        self._promoters_attend_the_stream()
        return self.facts

    def _label(self, iri: URIRef) -> str:
        """An entity's fullest name so far."""
        return max(self.facts.entities[iri].labels, key=len) if iri in self.facts.entities else ""

    def _name(self, iri: URIRef) -> str:
        """_label without its quotes, for asking what it ends in (2020“双品网购节” is a 网购节)."""
        return strip_quotes(self._label(iri))

    def _organs_over_places(self):
        """An initiative issued by an organ of a place (宝山区人民政府) is not also issued by the place itself
        (宝山发布…方案 in a headline): the organ is the issuer the text states in full."""
        issued = [st for st in self.facts.statements if st.predicate == ONE.issuedBy]
        organs = {(st.subject, self._label(st.object)) for st in issued
                  if self.facts.entities.get(st.object) and self.facts.entities[st.object].cls == "GovernmentBody"}
        covered = {st for st in issued if self.facts.entities.get(st.object)
                   and self.facts.entities[st.object].cls in PLACE_CLASSES
                   and any(subject == st.subject and organ.startswith(self._label(st.object)) for subject, organ in organs)}
        self.facts.statements = [st for st in self.facts.statements if st not in covered]

    def _brand_makers(self):
        """A product named with the brand of a product the text gives a maker (“海擎H1” after 公司新一代“海擎”系列…,
        星图X3 after 旗下“星图X2”) is that maker's too, where the brand is the one maker's."""
        made = {(st.subject, st.object) for st in self.facts.statements if st.predicate == ONE.madeBy}
        makers_of = {}
        for product, maker in made:
            if brand := _brand(self._label(product)):
                makers_of.setdefault(brand, set()).add(maker)
        first = {}
        for s in self.sentences:
            for m in s.mentions:
                if m.cls == "Product":
                    first.setdefault(self._at(m), s)
        for product, s in first.items():
            if any(p == product for p, _ in made):
                continue
            name = strip_quotes(self._label(product))
            brands = [b for b in makers_of if name.startswith(b) and len(makers_of[b]) == 1]
            if len(brands) == 1:
                self._state(product, ONE.madeBy, next(iter(makers_of[brands[0]])), s, "maker-brand")

    def _makers_do_not_promote(self):
        """A company's people showing its own product (总裁演示了“星驰A5”) launch it: the company is its maker,
        and no one of it promotes it (the guideline: promoting is presenting to buyers, as officials and hosts do).
        A product no one is said to make that one leader of one enterprise shows (董事长…展示了“驿达小橙”无人配送车) is
        that enterprise's own; not a platform's, whose people present others' products."""
        st = self.facts.statements
        members = {x.subject: x.object for x in st if x.predicate == ONE.member}
        titles = {x.subject: str(x.object) for x in st if x.predicate == ONE.roleTitle}
        leads = lexicon.words("titles", "company_roles")
        orgs: dict = {}
        led: dict = {}  # person -> the enterprises they lead (董事长, 总经理…), not where they are a signed host
        for x in st:
            if x.predicate == ONE.organization and x.subject in members:
                orgs.setdefault(members[x.subject], set()).add(x.object)
                if titles.get(x.subject, "").endswith(leads):
                    led.setdefault(members[x.subject], set()).add(x.object)
        makers: dict = {}
        for x in st:
            if x.predicate == ONE.madeBy:
                makers.setdefault(x.subject, set()).add(x.object)
        platforms = set(lexicon.enterprise_aliases().values())
        for x in [x for x in st if x.predicate == ONE.promotes and x.object not in makers]:
            own = {o for o in led.get(x.subject, set()) if self.facts.entities.get(o) is not None
                   and self.facts.entities[o].cls == "Enterprise" and self._label(o) not in platforms}
            if len(own) == 1 and self.facts.entities[x.subject].cls == "Person":
                (org,) = own
                makers[x.object] = {org}
                st.append(Statement(x.object, ONE.madeBy, org, replace(x.evidence, rule="own-product")))
        self.facts.statements = [x for x in st if not (
            x.predicate == ONE.promotes and orgs.get(x.subject, set()) & makers.get(x.object, set()))]

    def _attended_on_lead_day(self):
        """A report's lead that opens with a day (6月24日，…签署战略合作协议) tells when what it reports happened: an event
        named later that people attended and that no sentence dates (…出席签约仪式) took place that day."""
        # not a page's time stamp (2021-08-28　来源：吉林日报): the lead is the report's first dated sentence
        lead = next((s for s in self.sentences if s.dates and not TIME_STAMP.match(self.text, s.dates[0][0])), None)
        if lead is None or not LEAD_BEFORE_DATE.fullmatch(self.text, lead.start, lead.dates[0][0]):
            return
        iso = lead.dates[0][2]
        published = self.doc._.published
        if published and iso > published[:len(iso)]:
            return  # a headline's day to come (…9月18日开幕) is no report's day
        dated = {st.subject for st in self.facts.statements if st.predicate == ONE.date}
        attended = {st.object for st in self.facts.statements if st.predicate == ONE.participatedIn}
        seasons = lexicon.words("names", "parent_event_heads")  # a festival runs for weeks: its day is not the report's
        for e in attended - dated:
            if not lexicon.ending(self._name(e), seasons):
                self._state(e, ONE.date, date_literal(iso), lead, "date-of-lead")

    def _days_over_months(self):
        """An event dated to the day somewhere keeps no month-only date (开幕 on 5月4日, held in 5月)."""
        by_day = {st.subject for st in self.facts.statements if st.predicate == ONE.date and st.object.datatype == XSD.date}
        self.facts.statements = [st for st in self.facts.statements if not (
            st.predicate == ONE.date and st.subject in by_day and st.object.datatype != XSD.date)]

    def _entities(self):
        clusters = cluster_mentions(self.mentions, self.text, self.home_names)
        for s in self.sentences:
            for m in s.mentions:
                iri = self._iri(m, clusters)
                ent = self.facts.entities.get(iri)
                if ent is None:
                    ent = self.facts.entities[iri] = Entity(iri, m.cls)
                ent.add(m.key if m.source in REFERENCES else m.label, s.evidence(m.source))
                self.iri_of[(m.start, m.end)] = iri

    def _iri(self, m: Mention, clusters: dict[tuple[str, str], str]) -> URIRef:
        if m.cls in PLACE_CLASSES:
            return place_iri(m.key)
        if m.source in REFERENCES:  # 仪式 for 2021山东网上年货节启动仪式: the IRI of the name it stands for
            name = strip_quotes(m.key)
            name = clusters.get((m.cls, name), name)
        else:
            name = clusters.get((m.cls, strip_quotes(m.label)), m.key or strip_quotes(m.label))
        if m.cls == "GovernmentBody":
            name = organ_identity(name, self.home_names)
        return entity_iri(m.cls, name)

    def _home_areas(self) -> dict[str, str]:
        """The area of each level the article is about: its most mentioned city, district, province."""
        counts = Counter((m.cls, m.key) for m in self.mentions if m.cls in PLACE_CLASSES)
        home = {}
        for (cls, key), _ in counts.most_common():
            home.setdefault(cls, key)
        return home

    def _state(self, s: URIRef, p: URIRef, o, sentence: Sentence, rule: str):
        self.facts.statements.append(Statement(s, p, o, sentence.evidence(rule)))

    # -- posts and memberships -------------------------------------------------------------------

    def _posts(self, s: Sentence):
        t = lexicon.titles()
        titled = []
        for m in (m for m in s.mentions if m.cls == "Person"):
            chain = self._title_chain(s, self._quoted_start(m)) or self._title_after(m) or self._appositive(s, m)
            if not chain and titled and self.text[titled[-1][0].end:m.start] == "、":
                chain = titled[-1][1]  # 副市长陆晓岚、蔡立群: the titles before a list of names are each one's
            titled.append((m, chain))
        titled = titled or self._introduced(s)
        for person, chain in titled:
            for title, base, jurisdiction in chain:
                if jurisdiction is None and base in lexicon.load("titles")["company_roles"]:
                    jurisdiction = self._short_named_before(person, title) or self._main_enterprise(s.start)
                if jurisdiction and jurisdiction[1] in ("Enterprise", "Organization"):  # 协会秘书长: a role
                    self._member(person, title, jurisdiction[0], s)
                elif base in t["government"] or (jurisdiction and jurisdiction[1] == "GovernmentBody"):
                    self._hold(person, title, self._governed_place(jurisdiction, base) or jurisdiction, s)

    def _short_named_before(self, person: Mention, title: str) -> tuple[URIRef, str] | None:
        """The enterprise a role written right before a person is of, where the words before the role are a short
        name of it that no mention reads (悦家家电总经理蒙立群, after 南宁悦家家电连锁有限公司): the longest that is a
        short form of exactly one enterprise the text names, not the article's main company."""
        at = self._quoted_start(person) - len(title)
        if not self.text.startswith(title, at):
            return None
        run = CJK_RUN_BEFORE.search(self.text, max(0, at - SHORT_NAME_MAX), at)
        companies = {self._at(m) for m in self.of_class.get("Enterprise", ())}
        for k in range(len(run.group()) if run else 0, 1, -1):
            fits = {e for e in companies if company_short_form(self._label(e), run.group()[-k:])}
            if len(fits) == 1:
                return fits.pop(), "Enterprise"
        return None

    def _quoted_start(self, m: Mention) -> int:
        """Where a name starts with its quotes: 签约主播“阿暖” has its title before the opening quote."""
        quoted = 0 < m.start and m.end < len(self.text) and self.text[m.start - 1] in OPENING_QUOTES \
            and self.text[m.end] in CLOSING_NAME_QUOTES
        return m.start - 1 if quoted else m.start

    def _introduced(self, s: Sentence) -> list[tuple[Mention, list]]:
        """这位…，是城口县委书记: a sentence that opens on a demonstrative and names no one gives the titles after
        its 是 to the person named last in the sentences just before."""
        data = lexicon.load("titles")
        if not s.text.lstrip().startswith(tuple(data["demonstratives"])):
            return []
        said = re.search(r"是([^，。；！？]+)(?:[，。；！？]|$)", s.text)
        i = s.index
        before = [m for t in self.sentences[max(0, i - data["demonstrative_window"]):i] for m in t.mentions
                  if m.cls == "Person"]
        if said is None or not before:
            return []
        return [(before[-1], self._title_chain(s, s.start + said.end(1)))]

    def _governed_place(self, jurisdiction, title: str) -> tuple[URIRef, str] | None:
        """The place whose government a place's post is written after (官渡区人民政府副区长: 官渡区)."""
        level = lexicon.titles()["title_levels"].get(title)
        if not jurisdiction or jurisdiction[1] != "GovernmentBody" or level is None:
            return None
        name = self._label(jurisdiction[0])
        suffix = next((g for g in lexicon.load("titles")["place_governments"] if name.endswith(g)), None)
        head, gaz = name.removesuffix(suffix or name), gazetteer()
        for start in range(len(head)):
            places = [p for p in gaz.candidates(head[start:]) if p.cls == level]
            if len(places) == 1:
                return place_iri(places[0].key), level
        return None

    def _title_chain(self, s: Sentence, end: int) -> list[tuple[str, str, tuple | None]]:
        """Titles written before a name that starts at `end` (市委常委、副市长吴清), right to left: (title as
        written, the bare title word, jurisdiction)."""
        return self._chain_and_start(s, end)[0]

    def _appositive(self, s: Sentence, person: Mention) -> list[tuple[str, str, tuple | None]]:
        """A title set off by commas beside a name (李明，云帆科技董事长，表示 / 副县长，王静，介绍) or said of it
        (程志远是陶源瓷业总经理). The clause must be the titles and their body alone (after a lead word such as
        现任), so that a clause which only ends on a title word gives nothing."""
        data = lexicon.load("titles")
        comma = self.text[person.end:person.end + 1] == "，"
        if comma and self.text[person.start - 1:person.start] == "，":  # 副县长，王静，
            chain, start = self._chain_and_start(s, person.start - 1)
            start = self._areas_before(start, s.start)
            opened = self.text[s.start:start].rstrip(" 　")  # the clause opens the sentence, or follows a stop
            if chain and (not opened or CHAIN_STOP.match(opened[-1])):
                return chain
        copula = next((w for w in data["copulas"] if self.text.startswith(w, person.end)), None)
        if not comma and copula is None:
            return []
        opening = person.end + (1 if comma else len(copula))
        stop = CHAIN_STOP.search(self.text, opening, s.end)
        if stop is None or stop.group() not in data["appositive_ends"]:
            return []
        chain, start = self._chain_and_start(s, stop.start())
        start = self._areas_before(start, opening)
        return chain if chain and self.text[opening:start] in ["", *data["appositive_leads"]] else []

    def _areas_before(self, start: int, floor: int) -> int:
        """Where the areas written right before `start` begin (南阳市|西峡县副县长: 南阳市 too)."""
        while (m := next((m for m in self.ending_at.get(start, ()) if m.start >= floor and m.cls in PLACE_CLASSES),
                         None)) is not None:
            start = m.start
        return start

    def _chain_and_start(self, s: Sentence, end: int) -> tuple[list[tuple[str, str, tuple | None]], int]:
        """_title_chain, and where the chain's leftmost title or body starts."""
        t = lexicon.titles()
        abbreviation = TITLE_ABBREVIATION.search(self.text, s.start, end)  # 首席技术官（CTO）陈一帆
        start = abbreviation.start() if abbreviation else end
        left_start = start
        while left_start > s.start and (not CHAIN_STOP.match(self.text[left_start - 1])  # 中国（上海）…管理委员会
                                        or any(m.start < left_start - 1 < m.end for m in s.mentions)):
            left_start -= 1
        pos, found, homes, inherited = start, [], [], None
        while pos > left_start and self.text[pos - 1] in " 　":  # 副市长 吴清
            pos -= 1
        while pos > left_start:
            title = next((x for x in t["all"] if self.text.startswith(x, pos - len(x)) and pos - len(x) >= left_start), None)
            if title is None:
                break
            tstart = pos - len(title)
            kept = next((k for k in t["kept_prefixes"] if self.text.startswith(k, tstart - len(k))), "") \
                or self._division_before(tstart, left_start)
            jurisdiction = self._jurisdiction(tstart - len(kept), left_start) or inherited
            found.append((kept + title, title, jurisdiction))
            homes.append(self._home_jurisdiction(tstart - len(kept), left_start, kept, title))
            inherited = jurisdiction
            pos = tstart - len(kept)
            pos = self._skip_prefix(pos, left_start)
            if pos > left_start and self.text[pos - 1] in t["joiners"]:
                pos -= 1
            else:
                break
        # the area the article is about only where no title of the chain names one (正安县委常委、副县长)
        shared = self._share_jurisdictions(s, found, pos)
        return [(written, title, j or home) for (written, title, j), home in zip(shared, homes)], pos

    def _share_jurisdictions(self, s: Sentence, found: list, pos: int) -> list:
        """Titles without their own body take the one written to their left, also across a listed
        colleague: 某公司董事长谭振宇、首席执行官欧阳慧 are both of 某公司; across a comma only where a title is the head
        of a unit of that organ's kind (市经信局党组书记、局长龚建明，党组成员、副局长鲁雅琴: 局长 of a 局)."""
        sep = "、" if "、" in self.text[pos - 1:pos + 1] else self.text[pos - 1:pos]
        if found and found[-1][2] is None and sep in ("、", "，"):
            before = next((m for m in s.mentions if m.cls == "Person" and m.end in (pos - 1, pos)), None)
            left = self._title_chain(s, before.start) if before else []
            body = left[-1][2] if left else None
            organ = self._label(body[0]) if body is not None else ""
            if body is not None and (sep == "、" or (organ and any(t.endswith(organ[-1] + "长") for _, t, _ in found))):
                found[-1] = (*found[-1][:2], body)
        carry = None
        for i in reversed(range(len(found))):  # left to right
            if found[i][2] is None and carry is not None:
                found[i] = (*found[i][:2], carry)
            carry = found[i][2] or carry
        return found

    def _division_before(self, end: int, floor: int) -> str:
        """A body's internal division written right before a title (市商务委|市场建设处|处长, 新闻发言人、|市场建设
        处|处长): Chinese characters back to a joiner, a named place or organization, or the chain's start, and
        not a word that points back at an organization (该公司)."""
        if self.text[end - 1:end] not in lexicon.load("titles")["division_suffixes"]:
            return ""
        start, joiners = end - 1, lexicon.titles()["joiners"]
        while start > floor and "\u4e00" <= self.text[start - 1] <= "\u9fff" and self.text[start - 1] not in joiners \
                and self._named_before(start, floor) is None:
            start -= 1
        division = self.text[start:end]
        if not 3 <= len(division) <= 8 or division.endswith(tuple(lexicon.load("organizations")["anaphors"])) \
                or any(c in lexicon.load("titles")["division_stops"] for c in division[1:]):
            return ""
        return division if start == floor or self.text[start - 1] in joiners or self._named_before(start, floor) else ""

    def _skip_prefix(self, pos: int, floor: int) -> int:
        """Move left over the mention (or level word, or enterprise and its branch) that names a title's
        jurisdiction."""
        m = self._named_before(pos, floor) or self._branch_of(pos, floor)
        if m:
            return m.start
        level = next((lv for lv in lexicon.titles()["levels"] if self.text.startswith(lv, pos - len(lv))), "")
        return pos - len(level) if pos - len(level) >= floor else pos

    def _jurisdiction(self, end: int, floor: int) -> tuple[URIRef, str] | None:
        """The place or organization a title ending at `end` is of, as the text writes it there."""
        m = self._named_before(end, floor) or self._branch_of(end, floor)
        if m:
            return self.iri_of.get((m.start, m.end)), m.cls
        return self._anaphor(end, floor) or self._last_area(end, floor)

    def _branch_of(self, end: int, floor: int) -> Mention | None:
        """The enterprise before a branch that ends at `end`, with or without its place (苏宁易购 南京 大区)."""
        unit = next((u for u in lexicon.load("organizations")["branch_units"] if self.text.startswith(u, end - len(u))), None)
        if unit is None:
            return None
        at = end - len(unit)
        place = next((p.start for p in self.ending_at.get(at, ()) if p.cls in PLACE_CLASSES and p.start >= floor), None)
        region = next((r for r in lexicon.load("organizations")["branch_regions"] if self.text.startswith(r, at - len(r))), "")
        org = self._named_before(place if place is not None else at - len(region), floor)
        return org if org is not None and org.cls == "Enterprise" else None

    def _named_before(self, end: int, floor: int) -> Mention | None:
        """The place or organization written right before `end`, an organization perhaps with 的 (…有限公司的
        总经理); 正安县委常委: the place and the party committee's 县委 share their 县."""
        near = [m for e in (end - 1, end, end + 1) for m in self.ending_at.get(e, ())]
        near.sort(key=lambda m: self.order[id(m)])  # the first in the mentions' order, as the rules were written
        return next((m for m in near if m.start >= floor and (
            (m.end == end and m.cls in PLACE_CLASSES | ORG_CLASSES)
            or (m.end == end - 1 and m.cls in ORG_CLASSES and self.text[m.end] == "的")  # 该公司的总经理
            or (m.end == end + 1 and m.cls in PLACE_CLASSES and self.text[end] == m.label[-1]))), None) \
            or self._aliased_before(end)

    def _aliased_before(self, end: int) -> Mention | None:
        """…有限公司（以下简称“数芯智联”）董事长: the organization named right before the brackets that end at `end`."""
        if self.text[end - 1:end] not in "）)":
            return None
        opening = max(self.text.rfind(bracket, max(0, end - BRACKET_MAX), end) for bracket in "（(")
        return next((m for m in self.ending_at.get(opening, ()) if m.cls in ORG_CLASSES), None)

    def _last_area(self, end: int, floor: int) -> tuple[URIRef, str] | None:
        """该县副县长: the area of that level named last before the title."""
        word, level = next(((w, lv) for w, lv in lexicon.titles()["anaphoric_levels"].items()
                            if self.text.startswith(w, end - len(w)) and end - len(w) >= floor), (None, None))
        last = next((m for m in reversed(self.mentions) if m.end <= end - len(word) and m.cls == level), None) if word else None
        return (place_iri(last.key), level) if last else None

    def _home_jurisdiction(self, end: int, floor: int, kept: str, title: str) -> tuple[URIRef, str] | None:
        """A title's level (区委, 市, or 副县长 itself) names the area of that level the article is about."""
        t = lexicon.titles()
        level_word = next((lv for lv in sorted(t["levels"], key=len, reverse=True)
                           if self.text.startswith(lv, end - len(lv)) and end - len(lv) >= floor), None)
        level = t["levels"].get(kept) or (t["levels"][level_word] if level_word else None) or t["title_levels"].get(title)
        key = self.home.get(level) if level else None
        return (place_iri(key), level) if key else None

    def _anaphor(self, end: int, floor: int) -> tuple[URIRef, str] | None:
        """公司董事长: the generic word stands for the organization of its kind the text has named most so far."""
        anaphors = lexicon.load("organizations")["anaphors"]
        word = next((w for w in sorted(anaphors, key=len, reverse=True)
                     if self.text.startswith(w, end - len(w)) and end - len(w) >= floor), None)
        if word is None:
            return None
        pos, kind = end - len(word), word.removeprefix("该")
        # 合作社 points back at a cooperative; 公司 at any company, named in full or not
        named = None if kind in lexicon.load("organizations")["class_anaphors"] else kind
        # 该公司 points back at the company named last, whatever it is called (康途医药…。该公司副总裁)
        chosen = self._just_named(kind, anaphors[word], pos, any_name=word != kind) \
            or self._most_named(anaphors[word], pos, ending=named)
        return (chosen, anaphors[word]) if chosen is not None else None

    def _just_named(self, word: str, cls: str, pos: int, any_name: bool = False) -> URIRef | None:
        """The organization of class `cls` named last before `pos`, in its sentence or the two before in its
        paragraph, where its name ends with the generic word (…茶业有限公司生产。“…”公司总经理…), or with
        `any_name` whatever its name: the one the word points back at, though the article may name a platform
        more often."""
        i = self._sentence_at(pos)
        if i is None:
            return None
        floor = self.sentences[max(i - 2, self.sentences[i].paragraph_start)].start
        last = next((m for m in reversed(self.mentions) if m.cls == cls and floor <= m.start and m.end <= pos), None)
        return self._at(last) if last is not None and (any_name or last.label.endswith(word)) else None

    def _main_enterprise(self, pos: int) -> tuple[URIRef, str] | None:
        """The enterprise the text is about so far: named before `pos` more often than any other (优眠科技 three
        times, the platforms it sells on once each), platforms the lexicon knows only where no other is named;
        None on a tie."""
        named = [m for m in self.of_class.get("Enterprise", ()) if m.end <= pos]
        own = [m for m in named if m.source != "enterprise-lexicon"]  # a platform it sells on is not the one it is about
        ranked = Counter(self._at(m) for m in own or named).most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0], "Enterprise"

    def _title_after(self, person: Mention) -> list[tuple[str, str, tuple | None]]:
        """A government title written right after a name (张三副县长); a role written so, where an organization is
        named right before the name (…有限公司（以下简称“海联智造”）邱海涛董事长, 中国海洋大学管理学院的吕方舟教授)."""
        t = lexicon.titles()
        title = next((x for x in t["post"] if self.text.startswith(x, person.end) and x in t["title_levels"]), None)
        if not title:
            return self._role_after(person)
        key = self.home.get(t["title_levels"][title])
        return [(title, title, (place_iri(key), t["title_levels"][title]) if key else None)]

    def _role_after(self, person: Mention) -> list[tuple[str, str, tuple | None]]:
        role = next((r for r in lexicon.titles()["role"] if self.text.startswith(r, person.end)), None)  # longest first
        org = self._named_before(person.start, max(0, person.start - BRACKET_MAX)) if role else None
        if org is None or org.cls not in ("Enterprise", "Organization"):
            return []
        return [(role, role, (self._at(org), org.cls))]

    def _hold(self, person: Mention, title: str, jurisdiction, s: Sentence):
        self.facts.entities[self.iri_of[(person.start, person.end)]].cls = "Official"
        if not jurisdiction or jurisdiction[0] is None:
            return
        where = jurisdiction[0]
        post = ID[f"post/{where.split('/id/')[-1]}/{slug(title)}"]
        self._node(post, ONE.Post, s, "post", {ONE.postTitle: Literal(title), ONE.postIn: where})
        self._state(self.iri_of[(person.start, person.end)], ONE.holdsPost, post, s, "title-chain")

    def _member(self, person: Mention, role: str, org: URIRef, s: Sentence):
        pid = self.iri_of[(person.start, person.end)]
        node = ID[f"membership/{pid.split('/id/')[-1]}/{org.split('/id/')[-1]}/{slug(role)}"]
        self._node(node, ONE.Membership, s, "membership", {ONE.member: pid, ONE.organization: org, ONE.roleTitle: Literal(role)})

    def _node(self, iri: URIRef, cls: URIRef, s: Sentence, rule: str, props: dict):
        self._state(iri, RDF.type, cls, s, rule)
        for p, o in props.items():
            self._state(iri, p, o, s, rule)

    # -- events ----------------------------------------------------------------------------------

    def _shopping_day(self, s: Sentence):
        """双11 is held on 11 November of the year written before it (去年“双11”期间), else of the publication's."""
        published = self.doc._.published
        for m in s.mentions:
            if m.source != SHOPPING_DAY or not published:
                continue
            year = year_before(self.text[max(s.start, m.start - 6):m.start].rstrip("“\"「"), int(published[:4]))
            day = lexicon.load("names")["shopping_days"][m.label]
            self._state(self._at(m), ONE.date, date_literal(f"{year}-{day}"), s, "shopping-day")

    def _event_dates(self, s: Sentence):
        """A date dates the events of its clause; opening a sentence, or beside its one event, the
        events of the sentence that have no date in their own clause."""
        self._shopping_day(s)
        events = [m for m in s.mentions if m.cls == "Event" and m.source != SHOPPING_DAY]
        if not s.dates:
            return
        talked_of = lexicon.load("dates")["talked_of"]
        ceremonies = lexicon.words("dates", "launch_ceremonies")
        in_clause = {m.start for m in events for a, _, _ in s.dates if s.clause_of(a) == s.clause_of(m.start)}
        framed = self._framed_as_part(s)  # 作为…分会场的重点活动，10月10日晚，…: the parent is not dated here
        named = [m for m in events if m.source not in REFERENCES  # 从会上获悉，…6月26日…: 会 was dated where named
                 and not any(v in self.text[s.clause_of(m.start)[0]:m.start] for v in talked_of)
                 and not self._speech_setting(m) and not (framed and m.start < framed[1])]
        opens = framed[1] if framed else s.start
        for a, b, iso in s.dates:
            clause = s.clause_of(a)
            opening = self.text[opens:clause[0]].strip() == ""  # 当天下午，论坛举行了…: it scopes the sentence
            reference = any(w in self.text[clause[0]:clause[1]] for w in lexicon.load("dates")["not_the_day"])
            item = self._list_item(s, clause)
            dated = [m for m in events if clause[0] <= m.start < clause[1]] or (
                [m for m in named if m.start not in in_clause and item[0] <= m.start < item[1]] if item and not reference
                else [m for m in named if m.start not in in_clause] if (len(named) == 1 or opening) and not reference else [])
            for m in dated:
                self._state(self._at(m), ONE.date, date_literal(iso), s, "date-in-clause")
            if not reference and all(lexicon.ending(strip_quotes(m.label), ceremonies) for m in dated):
                self._launched_on(s, clause, b, iso)

    def _list_item(self, s: Sentence, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The item of a list a clause opens after a colon or semicolon (推出三大活动：7月16日晚，开幕式…举行；下周六，…):
        from the clause to the next semicolon, which scopes a date opening it as a sentence's opening date scopes the
        sentence. None where the clause opens no such item."""
        before = self.text[s.start:clause[0]].rstrip()
        if not before.endswith(LIST_ITEM_OPENERS):
            return None
        end = next((clause[0] + i for i, c in enumerate(self.text[clause[0]:s.end]) if c in "；;"), s.end)
        return clause[0], end

    def _launched_on(self, s: Sentence, clause: tuple[int, int], date_end: int, iso: str):
        """A date in a clause of its own, or with only a launch ceremony, that goes on to a launch (…购物节由…主办，
        9月28日在哈尔滨启动; 该活动由…发起，上周六在兰州举行启动仪式) is the day the sentence's first event began."""
        if not any(v in self.text[date_end:clause[1]] for v in lexicon.load("dates")["launch_verbs"]):
            return
        # what a determiner points at (记者从发布会上获悉，本届数字生活节…), else the first event; 该活动 too: it is keyed by
        # its referent
        subject = next(iter(self._pointed(s)), None) or next((m for m in s.mentions if m.cls == "Event"), None)
        if subject is not None and subject.start < clause[0]:
            self._date_undated([subject], iso, s, "date-of-launch")

    def _attended_on(self, i: int):
        """A paragraph that opens with a date tells what happened that day: an event its later sentences
        have someone attend (8月7日上午，产业园开园。副市长出席开园仪式) is dated by it, where its own
        sentence has no date."""
        s = self.sentences[i]
        verbs = lexicon.load("verbs")
        events = self._pointed(s) or [m for m in s.mentions if m.cls == "Event"]  # not 作为…购物节的专场之一，这场直播…
        if not events or s.dates or not any(c in s.text for c in verbs["participate"]):
            return
        j = s.paragraph_start
        first = self.sentences[j]
        if j == i or not first.dates or self.text[first.start:first.dates[0][0]].strip():
            return
        self._date_undated(events, first.dates[0][2], s, "date-of-paragraph")

    def _referred_on(self, i: int):
        """An event the text refers back to (这场…直播, 此次…节) happened on the day last named in the
        sentences just before: 12月5日晚，副县长在直播间带货。这场公益直播由…举办."""
        s = self.sentences[i]
        data = lexicon.load("dates")
        back = lexicon.words("dates", "back_references")
        events = [m for m in s.mentions if m.cls == "Event" and lexicon.ending(self.text[max(0, m.start - 3):m.start], back)]
        if not events or s.dates:
            return
        earlier = [d for st in self.sentences[max(0, i - data["back_reference_window"]):i] for d in st.dates]
        if not earlier:
            return
        self._date_undated(events, earlier[-1][2], s, "date-of-reference")

    def _date_undated(self, events: list[Mention], iso: str, s: Sentence, rule: str):
        """Date the events that have no date yet."""
        dated = set(self._stated(ONE.date))  # before this call's own dates, as ever
        for m in events:
            if self._at(m) not in dated:
                self._state(self._at(m), ONE.date, date_literal(iso), s, rule)

    def _part_of(self, i: int):
        """Events of a sentence that says so (之一, 分会场…) are part of its strongest container event, or of the
        article's, where that is stronger (开幕式…，此外…分会场：…直播周；…开放日 are all of the festival)."""
        s = self.sentences[i]
        events = [m for m in s.mentions if m.cls == "Event" and not self._speech_setting(m)]
        if not events:
            return
        listed = self._in_listed_parts(i)  # 分会场：…直播周；…开放日；…云展。 runs over its semicolons
        if not (len(events) >= 2 or listed) or not (listed or any(c in s.text for c in lexicon.load("verbs")["part_of"])):
            return
        if self._part_said(s, events):
            return
        if framed := self._framed_as_part(s):
            parent, opened = framed
            for child in events:
                if child.start >= opened and self._at(child) != self._at(parent):
                    self._state(self._at(child), ONE.partOf, self._at(parent), s, "part-of-as")
            return
        ranked = sorted(events, key=_container_rank)
        parent, rank = self._at(ranked[0]), _container_rank(ranked[0])
        article = self._container
        if article is not None and article[1] < rank:
            parent, rank = article
        if rank >= len(lexicon.load("names")["parent_event_heads"]):
            return
        for child in ranked:
            if self._at(child) != parent and _container_rank(child) > rank:
                self._state(self._at(child), ONE.partOf, parent, s, "part-of-cue")

    def _sessions_named_after(self, s: Sentence):
        """An event named right after another, with a session word (…产品展销会康乐县专场推介会), is a session of it."""
        sessions = lexicon.words("names", "sessions_after_parent")
        for a, b in zip(s.mentions, s.mentions[1:]):
            if a.cls == b.cls == "Event" and a.end == b.start and any(w in b.label for w in sessions) \
                    and self._at(a) != self._at(b):
                self._state(self._at(b), ONE.partOf, self._at(a), s, "session-named-after")

    def _speech_setting(self, m: Mention) -> bool:
        """Whether an event is where the sentence's speaker speaks (在发布会上介绍，…): what follows is said there."""
        return lexicon.regexes("verbs", "speech_setting")[0].match(self.text, m.end) is not None

    def _part_said(self, s: Sentence, events: list[Mention]) -> bool:
        """A 是 … B 的重要组成部分 (之一, 一部分): A is part of B, whatever their heads."""
        said = lexicon.load("verbs")["part_of_is"]
        for a, b in zip(events, events[1:]):
            if re.match(said["between"], self.text[a.end:b.start]) and re.match(said["after"], self.text[b.end:s.end]) \
                    and self._at(a) != self._at(b):
                self._state(self._at(a), ONE.partOf, self._at(b), s, "part-of-said")
                return True
        return False

    def _framed_as_part(self, s: Sentence) -> tuple[Mention, int] | None:
        """The event of a 作为…的重点活动， opening, the parent of the events the sentence goes on to name, and
        where that opening ends: the rest of the sentence is what it tells of."""
        opening = lexicon.regexes("verbs", "part_of_as")[0].match(self.text, s.start)
        inside = [m for m in s.mentions if m.cls == "Event" and opening and m.end <= opening.end()
                  and self.text.startswith("的", m.end)]  # 作为…购物节的地市专场之一: not the 专场
        return (inside[-1], opening.end()) if inside else None

    def _in_listed_parts(self, i: int) -> bool:
        """Whether sentence i opens or goes on a list of parts opened by a cue and a colon, in it or in an earlier
        sentence of the same run of semicolons (此外还将…开设分会场：…；…；…)."""
        cues = lexicon.load("verbs")["part_of"]
        return any(re.search(re.escape(c) + r"[^，。；：:]{0,4}[：:]", self.sentences[j].text)  # 分会场活动：
                   for j in self._semicolon_run(i) if j <= i for c in cues)

    @cached_property
    def _container(self) -> tuple[URIRef, int] | None:
        """The article's container event with its rank (_container_rank): its one main event, or else its one
        strongest container among them (a festival, a campaign month). Read once the entities are known."""
        events = {self._at(m): m for m in self.mentions if m.cls == "Event"}
        others = self._main_events()
        ranks = {iri: _container_rank(events[iri]) for iri in others}
        best = min(ranks.values(), default=len(lexicon.load("names")["parent_event_heads"]))
        containers = others if len(others) == 1 else {
            iri for iri, r in ranks.items() if r == best < len(lexicon.load("names")["parent_event_heads"])}
        if len(containers) > 1:  # 第二届…消费节 and 去年首届…消费节: the one the article names first is its subject
            first = {}
            for m in self.mentions:
                first.setdefault(self._at(m), m.start)
            containers = {min(containers, key=first.get)}
        return (containers.pop(), best) if len(containers) == 1 else None

    def _sub_events(self):
        """A sub-forum, an opening ceremony or one session (专场) is part of the article's one other event,
        or else of its one strongest container event (a festival, a campaign month); so is a week or season
        of a festival (“长安好物”直播周 in a 网购节). Without either, of the gathering named last before it."""
        children = lexicon.words("names", "child_event_heads")
        sessions = lexicon.words("names", "session_event_heads")
        container = self._container
        if container is None:
            self._sub_events_of_gatherings(children)
            return
        parent, best = container
        for s in self.sentences:
            for m in s.mentions:
                if m.cls == "Event" and self._at(m) != parent and (_child_event(m.label, children) or (
                        lexicon.ending(strip_quotes(m.label), sessions) and _container_rank(m) > best)):
                    self._state(self._at(m), ONE.partOf, parent, s, "sub-event")

    def _sub_events_of_gatherings(self, children):
        """An article of several gatherings (a 大会 with its exhibition), none of them a container: an opening
        ceremony, a main forum or a sub-forum is part of the gathering named last before it (大会主论坛, 当天下午，
        “…”分论坛举行), not of a briefing that announced it."""
        gatherings = lexicon.words("names", "gathering_heads")
        last = None
        for s in self.sentences:
            for m in s.mentions:
                if m.cls != "Event":
                    continue
                name = self._name(self._at(m))  # 论坛 written for the 主论坛 is the 主论坛
                if _child_event(name, children):
                    if last not in (None, self._at(m)):
                        self._state(self._at(m), ONE.partOf, last, s, "sub-event-of-gathering")
                elif lexicon.ending(name, gatherings):
                    last = self._at(m)

    def _main_events(self) -> set[URIRef]:
        """The article's events that are not a sub-forum, an opening ceremony or one session of another."""
        children = lexicon.words("names", "child_event_heads")
        events = [m for m in self.mentions if _attendable(m)]
        # by entity: 论坛 written for the 分论坛 named before it is the sub-forum too
        return {self._at(m) for m in events} - {self._at(m) for m in events if _child_event(m.label, children)}

    def _participants(self):
        """An agent in a sentence that takes part (登台, 出席, 致辞…) joins the one event of that sentence,
        or of the sentences just before it in the same paragraph, or the article's only event, or its only
        main event (a forum, not its sub-forums). A sentence set at an event (开幕式上，…) puts its people
        there whatever the verb. Enterprises and organizations join where they sign (签约) or their unnamed
        people take part (A、B等企业负责人发言); reporters of the article never join."""
        verbs = lexicon.load("verbs")
        window = verbs["participate_window"]
        over = verbs["after_event"]  # 揭牌仪式结束后，…: the time, not the event attended
        speech = lexicon.regexes("verbs", "speech_opening")[0]  # …介绍，本届消费节…: talked of, not attended
        briefings = lexicon.words("verbs", "no_signing_at")
        forums = lexicon.words("verbs", "opine_at")
        will_take_part = lexicon.regexes("verbs", "will_take_part")[0]
        bylined = [m.span() for m in lexicon.finditer("bylines", "patterns", self.text)]
        # the fallbacks leave out events still to come: a report's people attend what has happened
        to_come = self._to_come()
        events_in_doc = {self._at(m) for m in self.mentions if _attendable(m)} - to_come
        main = self._main_events() - to_come
        # a bare 签约仪式 within a named 推进大会 is a part of it, not a second event to choose from; a bare
        # 新闻发布会 is the article's own event
        named = {e for e in main if self._label(e) not in lexicon.load("names")["unquoted"]["Event"]
                 or lexicon.ending(self._name(e), briefings)}
        main = named if len(named) == 1 else main
        # a stream that is one session of a festival (…专场直播是…购物节系列活动之一) is what its people attend
        parents = {st.object for st in self.facts.statements if st.predicate == ONE.partOf and st.subject in main}
        main = main - parents if len(main - parents) == 1 else main
        first_named: dict[URIRef, int] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            first_named.setdefault(self._at(m), m.start)
        for i, s in enumerate(self.sentences):
            for person, event in self._spoken_at(s):
                self._state(self._at(person), ONE.participatedIn, self._at(event), s, "participation-at")
            frame = self._frame_event(s)
            # the items of a list run over semicolons share its verb: 其中，A将把总部落户嘉定；B…；C…也同步签约。
            said = _without("".join(self.sentences[j].text for j in self._semicolon_run(i)), verbs["not_signing"])
            attends = any(c in said for c in verbs["participate"])
            opines = any(c in s.text for c in verbs["opine"])  # 认为, 提醒: speaking only at a forum
            if frame is None and not attends and not opines:
                continue
            signing = any(c in said for c in verbs["sign"])
            # the media of a dateline report the signing
            agents = [m for m in s.mentions if (m.cls == "Person" or (signing and m.cls in ("Enterprise", "Organization")
                                                                       and m.source != "dateline"))
                      and not any(a <= m.start < b for a, b in bylined)]
            agents += [m for m in self._represented(s) if m not in agents]
            if not any(a.cls == "Person" for a in agents):  # 她在签约仪式上透露: the person the paragraph named last
                agents += self._pronoun_referent(s) if self._subject_pronoun(s, s.end) is not None else []
            told = [m for m in s.mentions if _attendable(m) and not any(self.text.startswith(w, m.end) for w in over)]
            named_here = {self._at(m) for m in told}
            # 作为…购物节的专场之一，这场直播由韩立群领衔: the event a determiner points at is the one attended
            spoken_of = {self._at(m) for m in told if speech.search(self.text, s.start, m.start)}
            if framed := self._framed_as_part(s):  # 作为…分会场的重点活动，: its parent, not what is attended
                spoken_of.add(self._at(framed[0]))
            pointed = {self._at(m) for m in self._pointed(s) if m in told} - spoken_of
            events = {self._at(frame)} if frame else pointed if len(pointed) == 1 else named_here - spoken_of
            if told and not events:  # it speaks of events only: its speaker is at the article's one briefing
                events = {e for e in events_in_doc if lexicon.ending(self._name(e), briefings)}
                if len(events) != 1:
                    continue
            j, floor = i, max(self.sentences[i].paragraph_start, i - window)
            while not events and j > floor:
                j -= 1
                events = {self._at(m) for m in self.sentences[j].mentions if _attendable(m)
                          and not any(self.text.startswith(w, m.end) for w in over)} - to_come
            events = events or self._named_next(i)
            if not events and self._container and will_take_part.search(s.text):
                events = {self._container[0]}  # …等平台将同步参与: the festival to come
            # 和郑永康搭档的，是…主播林一诺: where someone of the sentence already attends one event, so do the others
            events = events or self._attended_by(a for a in agents if a.cls == "Person")
            # else the article's only event, or its only main one (a forum with its sub-forums), or of several
            # main ones the only one named so far: a report tells of a later event after it has named it
            events = events or (events_in_doc if len(events_in_doc) == 1 else main if len(main) == 1
                                else {e for e in main if first_named[e] < s.start})
            if len(events) != 1:
                continue  # which of several events an agent attended is not for a rule to guess
            (event,) = events
            if frame is None and not attends and not lexicon.ending(self._name(event), forums):
                continue
            if lexicon.ending(self._name(event), briefings) and event not in named_here:
                agents = [a for a in agents if a.cls == "Person"]  # …已签约主播200余名: companies do not brief
            if event not in spoken_of:  # 罗建勋在发布会上介绍，…平台企业将参与其中: they are in what he said
                agents = [a for a in agents if not speech.search(self.text, s.start, a.start)]
            for a in agents:
                self._state(self._at(a), ONE.participatedIn, event, s, "participation-cue")

    def _promoters_attend_the_stream(self):
        """Someone who promotes a product in an article about one live stream (克东县县长孟凡宇推介的克东腐乳…) takes
        part in that stream, where nothing else places them."""
        streams = {self._at(m) for m in self.mentions if m.cls == "Event"
                   and lexicon.ending(strip_quotes(m.label), lexicon.words("names", "stream_heads"))}
        if len(streams) != 1:
            return
        (stream,) = streams
        attending = {st.subject for st in self.facts.statements if st.predicate == ONE.participatedIn}
        for st in list(self.facts.statements):
            if st.predicate == ONE.promotes and st.subject not in attending \
                    and self.facts.entities[st.subject].cls in ("Person", "Official"):
                attending.add(st.subject)
                self.facts.statements.append(Statement(st.subject, ONE.participatedIn, stream,
                                                       replace(st.evidence, rule="promoter-at-stream")))

    def _holders_do_not_take_part(self):
        """An organization that holds an event (南京云帆智能科技有限公司在南京举行2021年度产品发布会) organizes it
        and does not take part in it, as organizers (主办) do not in the fixtures' conventions."""
        hold = lexicon.regexes("verbs", "hold")[0]
        held = set()
        for s in self.sentences:
            for m in (m for m in s.mentions if m.cls == "Event"):
                start = s.clause_of(m.start)[0]
                verb = hold.search(self.text, start, m.start)
                if verb is None:
                    continue
                before = [a for a in s.mentions if start <= a.start and a.end <= verb.start()
                          and a.cls in ORG_CLASSES | {"Person"}]
                if before and before[0].cls in ORG_CLASSES:  # the clause's subject
                    held.add((self._at(before[0]), self._at(m)))
        self.facts.statements = [st for st in self.facts.statements
                                 if not (st.predicate == ONE.participatedIn and (st.subject, st.object) in held)]

    def _sessions_over_campaigns(self):
        """A person found at a campaign or festival that the sentence does not name, where the article tells of
        exactly one session of it (专场直播 … 是…购物节的系列活动之一), was at that session: a county head streams in
        the session, not in the whole festival."""
        sessions = lexicon.words("names", "stream_heads")
        children: dict = {}
        for st in self.facts.statements:
            if st.predicate == ONE.partOf and lexicon.ending(strip_quotes(self._label(st.subject)), sessions):
                children.setdefault(st.object, set()).add(st.subject)
        out = []
        for st in self.facts.statements:
            kids = children.get(st.object, set())
            if st.predicate == ONE.participatedIn and len(kids) == 1 and self.facts.entities[st.subject].cls != "Enterprise" \
                    and st.evidence.rule == "participation-cue" and not self._names_in(st.evidence, st.object):
                st = Statement(st.subject, st.predicate, next(iter(kids)), replace(st.evidence, rule="session-of-campaign"))
            out.append(st)
        self.facts.statements = out

    def _names_in(self, evidence: Evidence, iri: URIRef) -> bool:
        """Whether the sentence of `evidence` names the entity by name, not only by a reference (该活动)."""
        return any(self._at(m) == iri and m.source not in REFERENCES for m in self.mentions
                   if evidence.start <= m.start < evidence.end)

    def _platforms_joined(self, s: Sentence):
        """Platforms a happening teams up with (此次消费季…将联动A、B等平台) take part in it, where the happening is
        what teams up: named before the verb with no agent between but organizers (由市政府主办，市商务局承办);
        where an organ does (市商务委将联合抖音…), they are its partners, not participants. So do platforms said
        to take part (A、B等平台将参与消费季)."""
        for match in lexicon.regexes("verbs", "joins_platforms")[0].finditer(self.text, s.start, s.end):
            before = [m for m in s.mentions if m.end <= match.start()
                      and (m.cls == "Event" or m.cls in ORG_CLASSES | {"Person"} and not self._organizer(m, s))]
            if not before or before[-1].cls != "Event":
                continue
            self._platforms_in(s, match.start("list"), match.end("list"), self._at(before[-1]))
        for match in lexicon.regexes("verbs", "platforms_take_part")[0].finditer(self.text, s.start, s.end):
            if event := self._taken_part_in(s, match.start("list"), match.end()):
                self._platforms_in(s, match.start("list"), match.end("list"), event)
        # 快手、拼多多也将开设…专区参与其中: platforms the text names, opening the clause that takes part
        for at, _ in occurrences(s.text, lexicon.load("verbs")["take_part_in_it"]):
            clause = s.clause_of(s.start + at)
            if event := self._taken_part_in(s, clause[0], s.start + at):
                self._platforms_in(s, clause[0], s.start + at, event, lexicon_only=True)

    def _taken_part_in(self, s: Sentence, list_start: int, end: int) -> URIRef | None:
        """What the platforms listed from `list_start` take part in: the event named after the verb ending at `end` in
        its clause, else the sentence's subject (本届消费节是…消费季的组成部分，…等平台将参与其中), or the first one the
        paragraph's last sentence to name one names; and what a ceremony opened rather than the ceremony (启动仪式上，…宣布活动开启，…等平台
        参与其中)."""
        clause_end = s.clause_of(end - 1)[1]
        after = [m for m in s.mentions if m.cls == "Event" and end <= m.start < clause_end]
        said = [x.end() for x in lexicon.regexes("verbs", "speech_opening")[0].finditer(self.text, s.start, list_start)]
        subject = [m for m in s.mentions if m.cls == "Event" and (said or [s.start])[-1] <= m.start and m.end <= list_start][:1]
        before = next(([m for m in t.mentions if m.cls == "Event"] for t in reversed(self.sentences[s.paragraph_start:s.index])
                       if any(m.cls == "Event" for m in t.mentions)), [])  # the paragraph's sentence that named one last
        event = after[:1] or subject or before[:1]
        return self._opened(self._at(event[0])) if event else None

    def _opened(self, event: URIRef) -> URIRef:
        """The event an opening or launch ceremony is part of, else the event itself."""
        if not lexicon.ending(self._name(event), lexicon.words("names", "opening_ceremonies")):
            return event
        parents = self._stated(ONE.partOf).get(event, set())
        return next(iter(parents)) if len(parents) == 1 else event

    def _platforms_in(self, s: Sentence, start: int, end: int, event: URIRef, lexicon_only: bool = False):
        """The enterprises written between start and end take part in the event (only the platforms the enterprise
        lexicon knows, where no 等平台 says what they are)."""
        for m in s.mentions:
            if m.cls == "Enterprise" and start <= m.start < end and (m.source == "enterprise-lexicon" or not lexicon_only):
                self._state(self._at(m), ONE.participatedIn, event, s, "platforms-joined")

    def _chaired(self, s: Sentence):
        """由 X 主持 after an event's name (…分论坛，由…副院长陈婧主持): X leads, so attends, the event named last
        before, though the sentence names others (the forum the sub-forum is of)."""
        verbs = lexicon.load("verbs")["chaired_by"]
        for i, p in enumerate(s.mentions):
            if p.cls != "Person" or not self.text.startswith(tuple(verbs), p.end):
                continue
            clause = CLAUSE_BREAK.split(self.text[s.start:p.start])[-1]
            events = [m for m in s.mentions[:i] if m.cls == "Event"]
            if clause.startswith("由") and events:
                self._state(self._at(p), ONE.participatedIn, self._at(events[-1]), s, "chaired-by")

    def _organizer(self, m: Mention, s: Sentence) -> bool:
        """An agent named in its clause as organizer: 由A主办, A和B承办."""
        before = CLAUSE_BREAK.split(self.text[s.start:m.start])[-1]
        after = CLAUSE_BREAK.split(self.text[m.end:s.end])[0]
        return "由" in before or bool(lexicon.regexes("verbs", "organized_by")[0].search(after))

    def _attended_by(self, people) -> set[URIRef]:
        """The one event the people named so far attend, if they attend exactly one between them."""
        attending = self._stated(ONE.participatedIn)
        events = {e for p in people for e in attending.get(self._at(p), ())}
        return events if len(events) == 1 else set()

    def _stated(self, predicate: URIRef) -> dict[URIRef, set]:
        """Subject -> objects of `predicate` in the statements so far. Statements are appended, or their list
        replaced: each is read once per predicate here, not once per question (hundreds in a long text)."""
        statements = self.facts.statements
        read, count, index = self._stated_so_far.get(predicate, (None, 0, {}))
        if read is not statements:
            count, index = 0, {}
        for st in statements[count:]:
            if st.predicate == predicate:
                index.setdefault(st.subject, set()).add(st.object)
        self._stated_so_far[predicate] = (statements, len(statements), index)
        return index

    def _semicolon_run(self, i: int) -> range:
        """The sentences joined to sentence i by semicolons: one statement's items."""
        first, last = i, i
        while first > 0 and self.text[self.sentences[first - 1].end - 1:self.sentences[first - 1].end] in "；;":
            first -= 1
        while last + 1 < len(self.sentences) and self.text[self.sentences[last].end - 1:self.sentences[last].end] in "；;":
            last += 1
        return range(first, last + 1)

    def _pointed(self, s: Sentence) -> list[Mention]:
        """The events of a sentence a determiner points at (这场直播, 本届消费节): what the sentence is about."""
        determiners = lexicon.words("names", "reference_determiners")
        return [m for m in s.mentions if m.cls == "Event" and any(self.text.endswith(d, 0, m.start) for d in determiners)]

    def _named_next(self, i: int) -> set[URIRef]:
        """The event the sentence after i names as what was just told: 这场“…”专场直播，是…"""
        determiners = lexicon.words("names", "reference_determiners")
        for s in self.sentences[i + 1:i + 2]:
            first = next((m for m in s.mentions if m.cls == "Event"), None)
            if first and self.text[s.start:first.start].strip() in determiners:
                return {self._at(first)}
        return set()

    def _to_come(self) -> set[URIRef]:
        """Events dated only after the publication day (于12月中旬举办…大会 in a report of 10月21日)."""
        published = self.doc._.published
        if not published:
            return set()
        dates: dict = {}
        for st in self.facts.statements:
            if st.predicate == ONE.date:
                dates.setdefault(st.subject, []).append(str(st.object))
        return {e for e, ds in dates.items() if all(d > published[:len(d)] for d in ds)}

    def _frame_event(self, s: Sentence) -> Mention | None:
        """The event a sentence opens with as its setting: (在)开幕式上，…, 当天下午举行的分论坛上，…"""
        frames = lexicon.load("verbs")["event_frame"]
        lead = LEADING_QUOTE.match(self.text, s.start)  # “…”12日晚，在…直播间里，: a quoted lead comes first
        start = lead.end() if lead else s.start
        for m in s.mentions:
            if m.cls == "Event" and m.start >= start and _setting_prefix(self.text[start:m.start].strip()):
                after = self.text[m.end:m.end + 4]
                if any(after.startswith(f) and after[len(f):len(f) + 1] in "，," for f in frames):
                    return m
            if m.start > start + 40:
                break
        return None

    def _spoken_at(self, s: Sentence) -> Iterator[tuple[Mention, Mention]]:
        """A person written right before 在 an event 上 (许文涛在仪式上说): there, whatever the verb."""
        frames = lexicon.load("verbs")["event_frame"]
        for a, b in zip(s.mentions, s.mentions[1:]):
            if a.cls == "Person" and b.cls == "Event" and self.text[a.end:b.start] == "在" \
                    and any(self.text.startswith(f, b.end) for f in frames):
                yield a, b

    def _represented(self, s: Sentence) -> list[Mention]:
        """Enterprises and organizations whose unnamed people the sentence names (A、B等企业负责人)."""
        verbs = lexicon.load("verbs")
        represented = lexicon.regexes("verbs", "represented")
        out, run = [], []
        for m in s.mentions:
            if m.cls not in ("Enterprise", "Organization"):
                run = []
                continue
            joined = run and self.text[run[-1].end:m.start].strip() in verbs["list_joiners"]
            run = [*run, m] if joined else [m]
            if any(r.match(self.text, m.end, s.end) for r in represented):
                out += run
                run = []
        return out

    # -- products, initiatives, places ------------------------------------------------------------

    def _promotes(self, i: int):
        """Who promotes the products of a sentence with a promoting verb: for each product, the person nearest
        before it where a cue follows that person within the product's clause (阿暖主推A，冯嘉乐则为B“代言”),
        else the promoter of the sentence's first cue. A sentence that only reports the stream's sales
        (当晚…售出A、B等) has the products of whoever promoted just before it."""
        s = self.sentences[i]
        cues = lexicon.load("verbs")["promote"]
        hosts = tuple(lexicon.load("names")["person_before_quote"])  # 带货主播: a kind of person, not a verb
        at = sorted([s.start + a for c in cues for a, b in occurrences(s.text, c)
                     if not s.text.startswith(hosts, b)] + self._presenting(s))
        persons = [m for m in s.mentions if m.cls == "Person"]
        if not at:
            self._stream_sales(i, persons)
            return
        speech = lexicon.regexes("verbs", "speech_opening")[0]
        self._last_promoters = (i, self._promoters(s, persons, at[0]))
        for prod in (m for m in s.mentions if m.cls == "Product"):
            near = [m for m in persons if m.end <= prod.start][-1:]
            clause_end = s.clause_of(prod.start)[1]
            cue_pos = next((c for c in at if near and near[0].end <= c < clause_end), at[0])
            for p in self._respective(s, self._promoters(s, persons, cue_pos), prod):
                if speech.search(self.text, p.end, cue_pos):
                    continue  # 据邓丽萍介绍，…主播集中推介…: who promotes is in what the speaker reports
                self._state(self._at(p), ONE.promotes, self._at(prod), s, "promote-cue")

    def _field_blocks(self):
        """Schedules and notices give an event's facts as field lines under its heading (【第一场】“…”专场直播 /
        时间：9月24日19:30 / 出镜嘉宾：江北区副区长冉晓峰 / 带货清单：A、B): the date, the place and the people of
        the lines are the event's, and the people promote the listed products. Evidence: heading to line."""
        fields = lexicon.load("fields")
        kinds = {word: kind for kind in ("date", "place", "people", "products") for word in fields[kind]}
        heading, block = None, []  # the event's mention and its sentence; the block's (kind, line) so far
        for s in self.sentences + [None]:
            m = FIELD.match(s.text) if s else None  # any field (平台：抖音) goes on with the block
            if m is None or heading is None:
                self._block_facts(heading, block)
                heading, block = (self._heading(s, fields["heading_max"]) if s and m is None else None), []
            if m is not None and heading is not None and m.group(1) in kinds:
                block.append((kinds[m.group(1)], s))

    def _heading(self, s: Sentence, most: int) -> tuple[Mention, Sentence] | None:
        """The one event a short line names, not a reference to one (本场直播)."""
        events = [m for m in s.mentions if m.cls == "Event" and m.source not in REFERENCES]
        return (events[0], s) if len(events) == 1 and len(s.text.strip()) <= most else None

    def _block_facts(self, heading: tuple[Mention, Sentence] | None, block: list[tuple[str, Sentence]]):
        if heading is None or not block:
            return
        event, top = self._at(heading[0]), heading[1]

        def state(subject: URIRef, predicate: URIRef, obj, line: Sentence, rule: str):
            evidence = Evidence(top.start, line.end, self.text[top.start:line.end].strip(), rule)
            self.facts.statements.append(Statement(subject, predicate, obj, evidence))

        people: dict[URIRef, None] = {}  # in order, once each
        for kind, line in block:
            places = [k for k, m in enumerate(line.mentions) if m.cls in PLACE_CLASSES]
            if kind == "date" and line.dates:
                state(event, ONE.date, date_literal(line.dates[0][2]), line, "field-date")
            elif kind == "place" and places:
                for place in self._most_specific(line, places[0]):  # 地点：宁波市鄞州区…: the first places written together
                    state(event, ONE.locatedIn, self._at(place), line, "field-place")
            elif kind == "people":
                for person in {self._at(m): None for m in line.mentions if m.cls == "Person"}:
                    people[person] = None
                    state(person, ONE.participatedIn, event, line, "field-people")
        for kind, line in block:
            if kind == "products":
                for product in {self._at(m): None for m in line.mentions if m.cls == "Product"}:
                    for person in people:
                        state(person, ONE.promotes, product, line, "field-products")

    def _presenting(self, s: Sentence) -> list[int]:
        """Where a presenting verb has a product for its object (端出了一只“武水”卤鸭礼盒)."""
        gap = lexicon.regexes("verbs", "present_gap")[0]
        products = [m.start for m in s.mentions if m.cls == "Product"]
        return [s.start + m.start() for v in lexicon.words("verbs", "present") for m in re.finditer(v, s.text)
                if any(gap.fullmatch(self.text, s.start + m.end(), p) for p in products)]

    def _respective(self, s: Sentence, agents: list[Mention], prod: Mention) -> list[Mention]:
        """A, B and C 分别 promote (or make) X, Y and Z: each the product at their place in the list; none where the
        two lists differ in length, since who does which is then unknown."""
        word = next((m for m in lexicon.regexes("verbs", "respectively")[0].finditer(self.text, s.start, prod.start)
                     if len(agents) >= 2 and m.start() >= agents[-1].end), None)
        if word is None:
            return agents
        listed = [m for m in s.mentions if m.cls == "Product" and m.start >= word.end()]
        return [agents[listed.index(prod)]] if len(listed) == len(agents) else []

    def _stream_sales(self, i: int, persons: list[Mention]):
        """Products a sentence with no person says the stream sold (当晚直播…售出A、B等) are promoted by those
        who promoted in the sentences just before, in its paragraph or the one before."""
        s, (j, promoters) = self.sentences[i], self._last_promoters
        verbs = lexicon.load("verbs")
        if persons or not promoters or i - j > verbs["stream_sales_window"] \
                or self.sentences[max(self.sentences[i].paragraph_start - 1, 0)].paragraph_start > j \
                or not any(w in s.text for w in verbs["stream_sales"]) or not any(w in s.text for w in verbs["sell"]):
            return
        self._sold.extend((s, p, prod) for prod in s.mentions if prod.cls == "Product" for p in promoters)

    def _sold_unclaimed(self):
        """The stream's sales give a product its promoters only where no sentence names who promotes it."""
        claimed = {st.object for st in self.facts.statements if st.predicate == ONE.promotes}
        for s, p, prod in self._sold:
            if self._at(prod) not in claimed:
                self._state(self._at(p), ONE.promotes, self._at(prod), s, "stream-sales")

    def _promoters(self, s: Sentence, persons: list[Mention], cue_pos: int) -> list[Mention]:
        """The person nearest before a promoting cue, or the sentence's subject written after it (并无“带货”经验的
        吴清…), or the one a pronoun stands for; those who do it together (区长与主播共同推介, 三人搭档推介,
        A和B、C一组推介, 她…和主播X搭档) all."""
        before = [m for m in persons if m.start < cue_pos]
        # a host's quoted nickname and her name (主播“猕猴桃妹妹”杜小蓉) are one person: her name stands for both
        before = [m for m, n in zip(before, before[1:] + [None]) if not (
            n is not None and self._at(n) == self._at(m) and not self.text[m.end:n.start].strip(CLOSING_NAME_QUOTES + " "))]
        verbs = lexicon.load("verbs")
        if before and any(w in self.text[before[-1].end:cue_pos] for w in verbs["collective_subjects"]):
            # 她邀请…蒙思远一起“连麦”，两人一起…推介: the pronoun's person is one of them
            pronoun = self._subject_pronoun(s, cue_pos)
            referent = self._pronoun_referent(s) if pronoun is not None and pronoun < before[0].start else []
            named = {self._at(m) for m in before}
            return [m for m in referent if self._at(m) not in named] + before
        run = self._coordinated(before)
        if len(run) >= 2:
            return run
        if len(before) >= 2 and self._together(before[-2].end, before[-1].start, before[-1].end, cue_pos):
            return before[-2:]
        pronoun = self._subject_pronoun(s, cue_pos)
        if pronoun is not None and (referent := self._pronoun_referent(s)):
            if not before:
                return referent
            if self._together(pronoun + 1, before[-1].start, before[-1].end, cue_pos):
                return referent + before[-1:]
        return before[-1:] or persons[:1]

    def _coordinated(self, before: list[Mention]) -> list[Mention]:
        """The persons named last before a cue as one subject: each joined to the next by a joiner, perhaps
        with the next one's title (陈佳佳和王丽娟、固始县县长吕宏伟), or by nothing but a quote (“豫南茶妹”陈佳佳)."""
        joiners = tuple(lexicon.load("verbs")["subject_joiners"])
        run = before[-1:]
        for prev in reversed(before[:-1]):
            gap = self.text[prev.end:run[0].start].lstrip(CLOSING_NAME_QUOTES + " ")
            if gap and not (gap.startswith(joiners) and not CLAUSE_BREAK.search(gap)):
                break
            run.insert(0, prev)
        return run

    def _subject_pronoun(self, s: Sentence, end: int) -> int | None:
        """Where a 他/她 opens a clause of the sentence before `end` with no person named before it
        (她在签约仪式上透露, 昨晚8点，她…): the sentence's subject."""
        m = SUBJECT_PRONOUN.search(self.text[s.start:end])
        if m is None or any(p.start < s.start + m.end() for p in s.mentions if p.cls == "Person"):
            return None
        return s.start + m.start(1)

    def _pronoun_referent(self, s: Sentence) -> list[Mention]:
        """The person a subject pronoun of sentence s stands for: the subject of the last sentence before it in
        its paragraph that names a person, the first person it names (段红梅…请阿朵品尝。她还… is 段红梅)."""
        for t in reversed(self.sentences[s.paragraph_start:s.index]):
            persons = [m for m in t.mentions if m.cls == "Person"]
            if persons:
                return persons[:1]
        return []

    def _together(self, a_end: int, b_start: int, b_end: int, cue_pos: int) -> bool:
        """A with B doing it together: 钱蕾…与…主播王悦一起…推介, 区长与主播共同推介; or B with A: 主播X陪着A推介."""
        verbs = lexicon.load("verbs")
        gap, after = self.text[a_end:b_start], self.text[b_end:cue_pos]
        return any(w in gap for w in verbs["with"]) and any(w in gap + after for w in verbs["together"]) \
            or any(w in gap for w in verbs["accompany"])

    def _makers(self, s: Sentence):
        """An enterprise written right before its product (上汽新一代智能网联汽车), or the enterprise
        before a making verb (推出, 研发, 发布…) and the products after it."""
        modifiers = lexicon.load("names")["product_modifiers"] + ["的"] + [
            v + "的" for v in lexicon.load("products")["made_by_before_object"]]
        verbs = lexicon.load("verbs")
        make = verbs["make"]
        ms = s.mentions
        for i, m in enumerate(ms):
            if m.cls != "Product":
                continue
            before = [k for k, e in enumerate(ms[:i]) if e.cls == "Enterprise" and not self._sold_through(ms, k)]
            after = next((e for e in ms[i + 1:] if e.cls == "Enterprise"), None)
            if before:
                gap = self.text[ms[before[-1]].end:m.start]
                if _only_modifiers(gap, modifiers) or _made_in(gap, make) or _kind_of_name(gap, modifiers):
                    # 由华为和长安汽车联合打造的…; A、B分别推出的X和Y
                    for e in self._respective(s, self._listed_before(ms, before[-1]), m):
                        self._state(self._at(m), ONE.madeBy, self._at(e), s, "maker")
                    continue
            # the passive: 滇红功夫茶 由 凤山茶业有限公司 生产, 由 霍山县的 安徽斛源堂生物科技有限公司 生产
            gap = self._passive_gap(ms, m, after) if after else None
            verb_at = self._past_brackets(after.end) if after else 0  # 由…合作社（以下简称“锦江合作社”）出品
            if gap in verbs["passive"] and any(self.text.startswith(v, verb_at) for v in make + verbs["supply"]):
                self._state(self._at(m), ONE.madeBy, self._at(after), s, "maker-passive")
                continue
            if gap in verbs["origin"]:  # 挂耳咖啡来自位于澄迈县的…公司
                self._state(self._at(m), ONE.madeBy, self._at(after), s, "maker-origin")
                continue
            # 旗下“星图X2”AR眼镜, 公司自主研发的…: the company the text is about
            # past its modifiers: 公司新一代“海擎”系列…
            lead = _trimmed(self.text[max(s.clause_of(m.start)[0], m.start - 14):m.start], modifiers)
            anaphor = lexicon.ending(lead, verbs["maker_anaphors"])
            if anaphor:
                # not a company this sentence gives something else to (…由深圳镭眸科技有限公司定制，自研的“星脑”…)
                suppliers = {self._at(e) for e in ms if e.cls == "Enterprise"
                             and any(self.text.endswith(p, 0, e.start) for p in verbs["passive"])}
                owner = self._most_named("Enterprise", m.start, exclude=suppliers, ending=_anaphor_ending(anaphor))
                if owner is not None:
                    self._state(self._at(m), ONE.madeBy, owner, s, "maker-anaphor")

    def _sold_through(self, ms: list[Mention], k: int) -> bool:
        """Whether enterprise k, with those listed before it, follows a preposition that makes it where things
        sell (在京东、抖音两个平台, 通过拼多多)."""
        first = self._listed_before(ms, k)[0]
        return self.text.endswith(tuple(lexicon.load("verbs")["sold_through"]), 0, first.start)

    def _past_brackets(self, pos: int) -> int:
        """Where the text goes on after a short name in brackets that opens at `pos` (…（以下简称“锦江合作社”）)."""
        bracketed = BRACKETED.match(self.text, pos)
        return bracketed.end() if bracketed else pos

    def _passive_gap(self, ms: list[Mention], product: Mention, maker: Mention) -> str:
        """The words between a product and the enterprise after it, without a place that says where the
        enterprise is (由 霍山县的 …公司, 则由 总部位于常州市金坛区的 …公司)."""
        gap = self.text[product.end:maker.start]
        places = [p for p in ms if product.end <= p.start and p.end <= maker.start and p.cls in PLACE_CLASSES]
        if places and self.text[places[-1].end:maker.start] == "的":
            gap = lexicon.regexes("verbs", "locate_before")[0].sub("", self.text[product.end:places[0].start])
        return gap.strip().lstrip("，,")  # …显示模组，由…公司定制生产

    def _most_named(self, cls: str, pos: int, exclude: set = frozenset(), ending: str | None = None) -> URIRef | None:
        """The entity of class `cls` the text has named most before `pos` (the article's company, not the
        partner named last), the later one of equals; with `ending`, of those with a name that ends so."""
        before = [m for m in self.of_class.get(cls, ()) if m.end <= pos and self._at(m) not in exclude
                  and (ending is None or any(label.endswith(ending) for label in self.facts.entities[self._at(m)].labels))]
        if not before:
            return None
        counts = Counter(self._at(m) for m in before)
        return self._at(max(reversed(before), key=lambda m: counts[self._at(m)]))  # max keeps the first: the latest

    def _listed_before(self, ms: list[Mention], k: int) -> list[Mention]:
        """Mention k with the mentions of its class listed right before it (A、B和C)."""
        joiners = lexicon.load("verbs")["list_joiners"]
        first = k
        while first > 0 and ms[first - 1].cls == ms[k].cls \
                and self.text[ms[first - 1].end:ms[first].start].strip() in joiners:
            first -= 1
        return ms[first:k + 1]

    def _campaigns(self, s: Sentence):
        """A campaign an organ runs (湖南省商务厅主办的“湘品出湘·县长带货”系列直播活动, 省商务厅联合快手开展的…活动),
        or any event it launches (安徽省商务厅发起的2021“皖美年货”网上购物节), is also an initiative, issued by the organ
        and the partners it names."""
        heads = lexicon.words("names", "campaign_heads")
        run_by = lexicon.regexes("verbs", "run_by")[0]
        partners = set(lexicon.load("verbs")["partner_joiners"])
        launched = lexicon.load("verbs")["launched_by"]
        for k, m in enumerate(s.mentions):
            if m.cls != "Event":
                continue
            issuers = []
            for o in reversed(s.mentions[:k]):
                gap = self.text[o.end:issuers[-1].start if issuers else m.start]
                if o.cls not in ORG_CLASSES or not (run_by.fullmatch(gap) if not issuers else gap in partners):
                    break
                issuers.append(o)
            # the words that say how the organs run it: between them and the event, or after them (由…发起)
            verb = self.text[issuers[0].end:m.start] if issuers else ""
            if not issuers and (issuers := self._run_by_after(s, k, run_by, partners)):
                verb = self.text[issuers[-1].end:issuers[-1].end + 6]
            if not (lexicon.ending(strip_quotes(self._label(self._at(m))), heads) or any(v in verb for v in launched)):
                continue
            if issuers and any(o.cls == "GovernmentBody" for o in issuers):
                self._state(self._at(m), RDF.type, ONE.Initiative, s, "campaign")
                for o in issuers:
                    self._state(self._at(m), ONE.issuedBy, self._at(o), s, "campaign")

    def _run_by_after(self, s: Sentence, k: int, run_by: re.Pattern, partners: set[str]) -> list[Mention]:
        """The organs after a campaign that run it: 该活动由甘肃省商务厅发起, …由省商务厅联合快手开展."""
        m, issuers = s.mentions[k], []
        if not self.text.startswith("由", m.end):
            return []
        for o in s.mentions[k + 1:]:
            gap = self.text[issuers[-1].end if issuers else m.end + 1:o.start]
            if o.cls not in ORG_CLASSES or (gap if not issuers else gap not in partners):
                break
            issuers.append(o)
        verb = run_by.match(self.text, issuers[-1].end) if issuers else None
        return issuers if verb and verb.group() else []

    def _issuers(self, s: Sentence):
        cues = lexicon.load("verbs")["issue"]
        appeals = lexicon.words("verbs", "issued_by_associations")
        for m in s.mentions:
            if m.cls != "Initiative":
                continue
            before = self.text[s.start:m.start]
            events = [(e.start - s.start, e.end - s.start) for e in s.mentions if e.cls == "Event"]
            # 发布 of 新闻发布会 names an event, it issues nothing
            cue = max((x for c in cues for x, _ in occurrences(before, c)
                       if not any(a <= x < b for a, b in events)), default=-1)
            if cue < 0:
                continue
            before_cue = [x for x in s.mentions if x.end <= s.start + cue]
            # a government issues plans; where none is named, an association issues its 倡议 (吉林省电子商务协会…发出《…倡议》)
            issuers = [x for x in before_cue if x.cls in PLACE_CLASSES | {"GovernmentBody"}] or [
                x for x in before_cue if x.cls == "Organization" and lexicon.ending(strip_quotes(m.label), appeals)]
            if issuers:
                for issuer in self._listed_before(issuers, len(issuers) - 1):  # A、B、C等七部门联合发布: all three
                    self._state(self._at(m), ONE.issuedBy, self._at(issuer), s, "issue-cue")

    def _locations(self, s: Sentence):
        """An organization and the place a locating verb gives it: right after its name (X落户杨浦), after
        a clause about it (X成立于2015年，总部位于深圳南山区), or before its name (总部位于闵行区的X)."""
        before = lexicon.regexes("verbs", "locate_before")[0]
        settle = lexicon.regexes("verbs", "locate_settle")
        for k, m in enumerate(s.mentions):
            if m.cls not in ORG_CLASSES:
                continue
            reach = self._locating_reach(s, m.end)
            settled = next((x for r in settle if (x := r.match(self.text, m.end, s.end))), None)
            located = [m]
            if reach is None and settled:  # 将在普陀设立华东区域总部; A、B等8家企业签约落户宝山
                reach = settled.end() + 3
                located = self._listed_before(s.mentions, k)  # A、B和C将把总部迁至松江: all three move
            if reach is not None:
                first = next((j for j, p in enumerate(s.mentions) if p.start >= m.end and p.cls in PLACE_CLASSES), None)
                if first is not None and s.mentions[first].start <= reach:
                    for place in self._most_specific(s, first):  # 深圳南山区 is in 南山区
                        for o in located:
                            self._state(self._at(o), ONE.locatedIn, self._at(place), s, "location-cue")
            place = s.mentions[k - 1] if k else None
            # 位于秭归县茅坪镇的屈乡果业: a town below the last area the gazetteer knows
            if place and place.cls in PLACE_CLASSES and TOWN_OF.fullmatch(self.text, place.end, m.start):
                opening = s.mentions[self._place_run(s, k - 1)[0]].start  # 位于 合肥市 包河区 的
                # 百色市田东县的广西桂芒源…公司: a company of a place is there
                if m.cls == "Enterprise" or before.search(self.text[max(s.start, opening - 6):opening]):
                    for where in self._most_specific(s, k - 1):
                        self._state(self._at(m), ONE.locatedIn, self._at(where), s, "location-cue")
            elif m.cls == "Enterprise" and self.text[m.start - 1:m.start] == "的" \
                    and (area := self._last_area(m.start - 1, s.start)):  # 该区的青岛海岸线直播科技有限公司
                self._state(self._at(m), ONE.locatedIn, area[0], s, "location-cue")
        self._company_located(s)
        self._venues(s)
        self._places_written_together(s)

    def _locating_reach(self, s: Sentence, end: int) -> int | None:
        """How far after an organization named up to `end` the place a locating verb gives it may start: the verb
        right after the name (X落户杨浦), or a clause about it with no other organization in it (X成立于2015年，总部
        位于深圳南山区)."""
        after = self.text[end:s.end]
        cue = next((c for c in lexicon.words("verbs", "locate") if after.startswith(c) or after.lstrip("将已于在").startswith(c)), None)
        if cue:
            return end + len(cue) + 3
        clause = lexicon.regexes("verbs", "locate_later")[0].match(self.text, end, s.end)
        if clause and not any(o.cls in ORG_CLASSES for o in s.mentions if end <= o.start < clause.end()):
            return clause.end() + 3
        return None

    def _company_located(self, s: Sentence):
        """公司成立于2016年，总部位于南京市雨花台区: a clause opening on a word for the company the text is about
        (not a platform it sells on), then a locating verb or clause; not 公司位于…的二期工厂, where the place is the
        factory's."""
        words = sorted((w for w, cls in lexicon.load("organizations")["anaphors"].items() if cls == "Enterprise"),
                       key=len, reverse=True)
        for opening in [s.start, *(b.end() for b in CLAUSE_BREAK.finditer(self.text, s.start, s.end))]:
            word = next((w for w in words if self.text.startswith(w, opening)), None)
            company = self._main_enterprise(opening) if word else None
            reach = self._locating_reach(s, opening + len(word)) if company else None
            place = next((j for j, p in enumerate(s.mentions) if p.start >= opening + len(word or "")
                          and p.cls in PLACE_CLASSES), None) if reach else None
            if place is None or s.mentions[place].start > reach:
                continue
            if not self.text.startswith("的", s.mentions[self._place_run(s, place)[1]].end):
                for where in self._most_specific(s, place):
                    self._state(company[0], ONE.locatedIn, self._at(where), s, "location-cue")

    def _places_written_together(self, s: Sentence):
        """陕西宝鸡眉县, 江西省赣州市: the text states each place within the one written before it."""
        for a, b in zip(s.mentions, s.mentions[1:]):
            if a.cls in PLACE_CLASSES and b.cls in PLACE_CLASSES and a.end == b.start and b.key.startswith(a.key + "/"):
                self._state(self._at(b), ONE.locatedIn, self._at(a), s, "place-run")

    def _most_specific(self, s: Sentence, j: int) -> list[Mention]:
        """The most specific of the places written together with place mention j, and where that is a town
        (在金山区枫泾镇举行) the most specific area above it too: what is in a town is in its county."""
        first, last = self._place_run(s, j)
        run = s.mentions[first:last + 1]
        areas = [p for p in run if p.source != TOWN]
        return [run[-1]] + ([areas[-1]] if run[-1].source == TOWN and areas else [])

    @staticmethod
    def _place_run(s: Sentence, j: int) -> tuple[int, int]:
        """The first and last of the places written together with place mention j (合肥市包河区, 深圳南山区):
        the last is the most specific."""
        ms, first, last = s.mentions, j, j
        while first > 0 and ms[first - 1].cls in PLACE_CLASSES and ms[first - 1].end == ms[first].start:
            first -= 1
        while last + 1 < len(ms) and ms[last + 1].cls in PLACE_CLASSES and ms[last + 1].start == ms[last].end:
            last += 1
        return first, last

    def _venues(self, s: Sentence):
        """An event held at a place: 论坛 在上海杨浦 举行 is in 杨浦, the most specific place named there;
        so is 在深圳南山区 举行 新品发布会."""
        verbs = lexicon.load("verbs")
        for m in s.mentions:
            if m.cls != "Event":
                continue
            clause_start = s.clause_of(m.start)[0]
            lead = self.text[clause_start:m.start].rstrip("了")
            verb = next((v for v in verbs["held"] if lead.endswith(v)), None)
            at = lead.rfind("在", 0, len(lead) - len(verb)) if verb else -1
            places = [p for p in s.mentions if p.cls in PLACE_CLASSES
                      and clause_start + at < p.start and p.end <= clause_start + len(lead) - len(verb or "")]
            if at >= 0 and places:
                for place in self._venue_places(s, places):
                    self._state(self._at(m), ONE.locatedIn, self._at(place), s, "venue")
                continue
            if self._held_by_place(s, m, verbs["held_in_place"]):
                continue
            window = self.text[m.end:min(s.clause_of(m.start)[1], m.end + verbs["held_within"])]
            at = window.find("在")
            verb = min((i for v in verbs["held"] if (i := window.find(v, at + 1)) > at), default=-1) if at >= 0 else -1
            places = [p for p in s.mentions
                      if p.cls in PLACE_CLASSES and m.end + at < p.start and p.end <= m.end + verb]
            if verb > 0 and places:
                for place in self._venue_places(s, places):
                    self._state(self._at(m), ONE.locatedIn, self._at(place), s, "venue")

    def _venue_places(self, s: Sentence, places: list[Mention]) -> list[Mention]:
        """The most specific of the places written together first after 在 (在上海杨浦 → 杨浦); a place that only
        opens the venue's own name after them (在宁波市鄞州区的宁波文化广场) is not where it is."""
        return self._most_specific(s, s.mentions.index(places[0]))

    def _held_by_place(self, s: Sentence, m: Mention, held: list[str]) -> bool:
        """A place that opens the clause holding an event is where it is held: 7月3日，和平区将在五大道上演
        “洋楼光影秀”; 河西区“梅江夜市美食节”开市. Not one that convenes a meeting (宝山区召开…大会): that is
        who holds it."""
        start, end = s.clause_of(m.start)
        place = next((p for p in s.mentions if start <= p.start < m.start), None)
        if place is None or place.cls not in PLACE_CLASSES or self.text[start:place.start].strip() \
                or not PLACE_AS_HOST.match(self.text, place.end) or not any(v in self.text[start:end] for v in held):
            return False
        self._state(self._at(m), ONE.locatedIn, self._at(place), s, "venue")
        return True

    def _authors(self):
        """Reporters named in a byline (（记者 张懿）, 本报记者 张明 通讯员 李华) wrote the document."""
        roles = lexicon.words("bylines", "roles")
        for match in lexicon.finditer("bylines", "patterns", self.text):
            i = self._sentence_at(match.start("name"))
            if i is None:
                continue
            s = self.sentences[i]
            for name in re.split(r"[、 　]+", match.group("name")):
                name = name.removeprefix(next((r for r in roles if name.startswith(r)), ""))  # 通讯员何颖琳
                if not name or name in gazetteer().names:  # 记者 赵欣然 济南报道: where, not who
                    continue
                iri = entity_iri("Person", name)
                ent = self.facts.entities.setdefault(iri, Entity(iri, "Person"))
                ent.add(name, s.evidence("byline"))
                self._state(self.doc_iri, ONE.author, iri, s, "byline")

    def _at(self, m: Mention) -> URIRef:
        return self.iri_of[(m.start, m.end)]

    def _sentence_at(self, pos: int) -> int | None:
        """The index of the sentence holding the character at `pos` (None between sentences)."""
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        return k if k >= 0 and pos < self.sentences[k].end else None


CJK_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
SHORT_NAME_MAX = 8  # characters of a short company name before a role


def _container_rank(m: Mention) -> int:
    heads = lexicon.load("names")["parent_event_heads"]
    label = strip_quotes(m.label)  # 2020“双品网购节” is a 网购节
    return next((i for i, h in enumerate(heads) if label.endswith(h)), len(heads))


def _attendable(m: Mention) -> bool:
    """An event someone can be at: not a shopping day (双11), which is a date of the calendar, not a gathering."""
    return m.cls == "Event" and m.source != SHOPPING_DAY


def _child_event(label: str, children: tuple[str, ...]) -> bool:
    """Whether an event is a sub-forum, an opening ceremony… of another, also as one of the events its name joins
    (开幕式暨“千灯夜市”美食节)."""
    parts = re.split("|".join(map(re.escape, lexicon.words("names", "event_joiners"))), strip_quotes(label))
    return any(lexicon.ending(part, children) for part in parts)


def date_literal(iso: str) -> Literal:
    """A day (2020-05-17) or, where the text names only the month, a year and month (2020-10)."""
    return Literal(iso, datatype=XSD.date if len(iso) == 10 else XSD.gYearMonth)


def _without(text: str, words: list[str]) -> str:
    for w in words:
        text = text.replace(w, "")
    return text


def _setting_prefix(prefix: str) -> bool:
    """What may open a sentence before the event it is set at: nothing, 在, a time and 在 with the platform
    (12日晚，在快手“…”专场直播间里), or a clause describing the event (当天下午举行的…)."""
    return prefix in ("", "在") or bool(SETTING.fullmatch(prefix)) or (
        prefix.endswith("的") and len(prefix) <= 15 and not CLAUSE_BREAK.search(prefix))


# what may stand before a report's opening day: its dateline and byline (本报讯（记者 …）, 新华社北京3月5日电)
TIME_STAMP = re.compile(r"(?:19|20)\d{2}[-/.]\d")
LEAD_BEFORE_DATE = re.compile(r"\s*(?:[^，,。；]{0,40}?(?:讯|电|[）)])\s*)?")
TOWN_OF = re.compile(r"(?:[\u4e00-\u9fff]{1,4}(?:镇|乡|街道))?的")
LEADING_QUOTE = re.compile(r"\s*“[^”]*”")
SETTING = re.compile(r"(?:[^，,。；]{1,10}[，,])?在[\u4e00-\u9fffA-Za-z]{0,4}")


def _made_in(gap: str, make: list[str]) -> bool:
    """A making verb between maker and product, in the product's clause: 拼多多推出“…”专区，销售普洱茶
    makes no tea. A colon after the verb opens a list of what it makes: 发布了两款新产品：A，以及B."""
    verb_at = max((gap.rfind(v) for v in make), default=-1)
    if verb_at < 0:
        return False
    rest = gap[verb_at:]
    brk = re.search(r"[，；,;。]", rest)
    return brk is None or any(c in rest[:brk.start()] for c in "：:")


NO_WORDS = lexicon.Words(())


def _kind_of_name(gap: str, modifiers: list[str]) -> bool:
    """What a quoted name is, between its maker and the name: 苏州云洁智能科技有限公司首款商用清洁机器人“云洁S7”."""
    if not gap.endswith(tuple(OPENING_QUOTES)):
        return False
    kind, _ = strip_prefixes(gap[:-1], 0, lexicon.longest_first(modifiers), NO_WORDS)
    return 2 <= len(kind) <= 10 and not CLAUSE_BREAK.search(kind) and bool(
        lexicon.ending(kind, lexicon.words("products", "heads")))


def _brand(label: str) -> str | None:
    """The brand a quoted product name opens with: its Chinese characters before a model code or a kind (“海擎”系列
    → 海擎, “星图X2”AR眼镜 → 星图)."""
    quoted = re.match(r"[“\"「]([^”\"」]+)[”\"」]", label)
    brand = re.match(r"[\u4e00-\u9fff]{2,}", quoted.group(1)) if quoted else None
    return brand.group() if brand else None


def _anaphor_ending(anaphor: str) -> str | None:
    """The name ending an anaphor points back at (合作社生产: a cooperative), or None for one every company answers
    to (公司自主研发, 旗下)."""
    data = lexicon.load("organizations")
    return next((w for w in data["anaphors"] if anaphor.startswith(w) and w not in data["class_anaphors"]
                 and not w.startswith("该")), None)


def _trimmed(text: str, endings: list[str]) -> str:
    """`text` without the words of `endings` it ends on, one after another (公司新一代的 → 公司)."""
    endings = lexicon.longest_first(endings)
    while (end := lexicon.ending(text, endings)) and len(end) < len(text):
        text = text[:-len(end)]
    return text


def _only_modifiers(gap: str, modifiers: list[str]) -> bool:
    for mod in sorted(modifiers, key=len, reverse=True):
        gap = gap.replace(mod, "")
    return not gap.strip()
