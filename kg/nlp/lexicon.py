"""Domain knowledge as data: loads the JSON files of `kg/nlp/data/` once."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


class Words(tuple):
    """Words longest first (the order longest-match rules try them in), with a set for lookups: the
    rules ask "which of these words does this name end with?" hundreds of thousands of times per corpus."""

    def __new__(cls, words):
        self = super().__new__(cls, sorted(set(words), key=len, reverse=True))
        self.set = frozenset(self)
        self.lengths = tuple(sorted({len(w) for w in self if w}, reverse=True))
        self.firsts = frozenset(w[0] for w in self if w)
        # the lengths of the words ending in each character, longest first: most texts end in none
        lasts: dict[str, set[int]] = {}
        for w in self:
            if w:
                lasts.setdefault(w[-1], set()).add(len(w))
        self.lengths_by_last = {c: tuple(sorted(ns, reverse=True)) for c, ns in lasts.items()}
        return self

    def __contains__(self, word) -> bool:
        return word in self.set


def longest_first(words) -> Words:
    return words if isinstance(words, Words) else _words_of(tuple(words))


@lru_cache(maxsize=1024)
def _words_of(words: tuple[str, ...]) -> Words:
    """Words of a list the rules assemble per sentence from the data files: the same few lists, built once."""
    return Words(words)


@lru_cache(maxsize=None)
def words(name: str, *keys: str) -> Words:
    """The word list under `keys` (nested) in data file `name`, longest first."""
    value = load(name)
    for key in keys:
        value = value[key]
    return Words(value)


def ending(text: str, endings) -> str | None:
    """The longest of `endings` that `text` ends with."""
    if not isinstance(endings, Words):
        endings = longest_first(endings)
    # a loop, not a generator, over the lengths of the words ending in text's last character: the rules call
    # this a million times per 300 documents
    for n in endings.lengths_by_last.get(text[-1:], ()):
        if n <= len(text) and text[-n:] in endings.set:
            return text[-n:]
    return None


@lru_cache(maxsize=None)
def name_heads() -> dict[str, list[str]]:
    """Class -> head nouns, longest first, for typing quoted and unquoted names."""
    data = load("names")
    return {cls: longest_first(data[cls]) for cls in ("Initiative", "Event", "Product")}


@lru_cache(maxsize=None)
def heads_after_quote() -> dict[str, list[str]]:
    """name_heads() for the words written right after a quoted name: there any product word is its kind
    (“桃乡情”黄桃罐头), besides the words that name a kind only after a name (“数联云”工业互联网平台,
    “夜东湖”直播夜市)."""
    names = load("names")
    return {**name_heads(), "Event": longest_first(names["Event"] + names["events_after_quote"]),
            "Product": longest_first(names["Product"] + load("products")["heads"])}


@lru_cache(maxsize=None)
def all_name_heads() -> Words:
    """Every head noun of name_heads(), of any class."""
    return Words(h for heads in name_heads().values() for h in heads)


@lru_cache(maxsize=None)
def org_endings() -> list[tuple[str, str]]:
    """(ending, class) pairs, longest ending first, over all organization classes."""
    data = load("organizations")
    pairs = [(e, cls) for cls in ("GovernmentBody", "Enterprise", "Organization") for e in data[cls]]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@lru_cache(maxsize=65536)
def org_class(name: str) -> str | None:
    if ending(name, words("organizations", "not_endings")):
        return None
    cls = next((cls for end, cls in org_endings() if name.endswith(end) and len(name) > len(end)), None)
    if cls and name.startswith(tuple(load("organizations")["government_openings"])):
        return "GovernmentBody"
    if cls == "GovernmentBody" and ending(name, words("organizations", "departments")):
        # a department is of its organization's class (国家信息中心经济预测部)
        inside = (org_class(name[:k]) for k in range(len(name) - 2, 1, -1))
        return next((c for c in inside if c in ("Organization", "Enterprise")), cls)
    return cls


@lru_cache(maxsize=None)
def enterprise_aliases() -> dict[str, str]:
    """Surface form -> canonical full name of well-known platforms and enterprises."""
    return {alias: names[0] for names in load("enterprises")["names"] for alias in names}


@lru_cache(maxsize=None)
def enterprise_alias_words() -> Words:
    """The surface forms of enterprise_aliases(), longest first."""
    return Words(enterprise_aliases())


@lru_cache(maxsize=None)
def titles() -> dict:
    data = load("titles")
    return {
        "post": longest_first(data["government_posts"]),
        "role": longest_first(data["roles"]),
        "all": longest_first(data["government_posts"] + data["roles"]),
        "government": set(data["government_posts"]),
        "kept_prefixes": longest_first(data["kept_prefixes"]),
        "levels": data["levels"],
        "title_levels": data["title_levels"],
        "anaphoric_levels": data["anaphoric_levels"],
        "joiners": set(data["joiners"]),
    }


@lru_cache(maxsize=None)
def regexes(name: str, key: str) -> tuple[re.Pattern, ...]:
    value = load(name)[key]
    return tuple(re.compile(p, re.M) for p in ([value] if isinstance(value, str) else value))


def finditer(name: str, key: str, text: str):
    """Matches of every pattern listed under `key`, leftmost first, overlapping ones dropped."""
    matches = sorted((m for p in regexes(name, key) for m in p.finditer(text)), key=lambda m: (m.start(), -m.end()))
    end = -1
    for m in matches:
        if m.start() >= end:
            end = m.end()
            yield m
