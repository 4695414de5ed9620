"""Blank web boilerplate (breadcrumbs, footers, share counters…) with spaces.

Blanking instead of deleting keeps every character offset in the cleaned text equal to the offset
in the decoded original, so evidence offsets can be checked against the source file.
The patterns are data: boilerplate.json.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]

RULES_FILE = Path(__file__).with_name("boilerplate.json")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    next_to: frozenset[str] = frozenset()  # non-empty: only beside lines blanked by these rules


@functools.cache
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Rule(r["name"], re.compile(r["pattern"]), frozenset(r.get("next_to", ())))
        for r in data["rules"]
    )


def clean(text: str, rules: tuple[Rule, ...] | None = None) -> tuple[str, tuple[Span, ...]]:
    """Return (text with boilerplate blanked, the blanked spans, sorted and merged)."""
    spans = find_boilerplate(text, load_rules() if rules is None else rules)
    return blank(text, spans), spans


def find_boilerplate(text: str, rules: tuple[Rule, ...]) -> tuple[Span, ...]:
    lines = list(_lines(text))
    spans: list[Span] = []
    whole: dict[int, str] = {}  # line index → name of the rule that blanked the entire line
    for i, (start, line) in enumerate(lines):
        for rule in rules:
            if rule.next_to:
                continue
            for m in rule.pattern.finditer(line):
                if m.end() > m.start():
                    spans.append((start + m.start(), start + m.end()))
                    if _covers_line(line, m):
                        whole.setdefault(i, rule.name)
    spans += _contextual(lines, rules, whole)
    return _merge(spans)


def _contextual(lines: list[tuple[int, str]], rules: tuple[Rule, ...], whole: dict[int, str]) -> list[Span]:
    """Apply `next_to` rules until nothing changes, so a run of counters beside a share bar all go."""
    spans: list[Span] = []
    changed = True
    while changed:
        changed = False
        for i, (start, line) in enumerate(lines):
            if i in whole:
                continue
            for rule in rules:
                if rule.next_to and rule.pattern.fullmatch(line) and _neighbour_rules(lines, whole, i) & rule.next_to:
                    spans.append((start, start + len(line)))
                    whole[i] = rule.name
                    changed = True
                    break
    return spans


def _neighbour_rules(lines: list[tuple[int, str]], whole: dict[int, str], i: int) -> set[str]:
    """Rules that blanked the nearest non-blank line above and below line i."""
    found = set()
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j][1].strip():
            j += step
        if j in whole:
            found.add(whole[j])
    return found


def _covers_line(line: str, m: re.Match[str]) -> bool:
    first = len(line) - len(line.lstrip())
    last = len(line.rstrip())
    return first < last and m.start() <= first and m.end() >= last


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def blank(text: str, spans: tuple[Span, ...]) -> str:
    """Replace every character in `spans` with a space, except newlines (lines stay lines)."""
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)
