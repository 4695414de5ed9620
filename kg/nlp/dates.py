"""Day-precise date expressions, resolved against the document's publication date."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from functools import lru_cache

from .lexicon import ending, finditer, load


@lru_cache(maxsize=1)
def _parse_time():
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp's import banner
        import jionlp

    return jionlp.parse_time


def find_dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in finditer("dates", "patterns", text)]


UNTIL_REACH = 12  # characters before a date that may hold its 持续至 (the longest word and spaces): not the whole text


def dated_expressions(text: str, published: dt.date | None) -> list[tuple[int, int, str]]:
    """Every expression that names a day or a month, with it in ISO form (2020-05-17, 2020-10); 当天 and
    its kind take the last day named, 次日 the day after it. The end of a span (11月5日至10日, 9月至11月) is left out: the
    span's first day is the day of the event; so is a day something lasts until (持续至2月26日)."""
    data = load("dates")
    anaphoric = re.compile("|".join(data["anaphoric"]))
    next_day = re.compile("|".join(data["next_day"]))
    joiners = set(data["range_joiners"])
    until = tuple(data["until_words"])
    dateline = re.compile(data["dateline_after"])
    days = find_dates(text) + [m.span() for m in (*anaphoric.finditer(text), *next_day.finditer(text))]
    covered = {i for a, b in days for i in range(a, b)}
    months = {m.span(): m for m in finditer("dates", "month_patterns", text) if not covered.intersection(range(*m.span()))}
    out, last, previous_end = [], None, None
    for start, end in sorted(days + list(months)):
        expr = text[start:end]
        ends_range = previous_end is not None and text[previous_end:start].strip() in joiners
        previous_end = end
        if ends_range or dateline.match(text, end) or text[max(0, start - UNTIL_REACH):start].rstrip().endswith(until):
            continue
        if (start, end) in months:
            value = resolve_month(months[(start, end)], published, data["relative_years"], data["relative_months"])
        else:
            day = last if anaphoric.fullmatch(expr) else (last and last + dt.timedelta(days=1)) \
                if next_day.fullmatch(expr) else resolve(expr, published)
            if day is not None and published is not None and BARE_MONTH_DAY.fullmatch(expr):
                day = _nearest_year(day, published)
            value, last = (day.isoformat(), day) if day is not None else (None, last)
        if value is not None:
            out.append((start, end, value))
    return out


def resolve_month(match: re.Match, published: dt.date | None, relative: dict[str, int],
                  shifts: dict[str, int]) -> str | None:
    """The year and month a month expression names (今年3月 → 2021-03, 下月初 → the month after publication),
    the year from the publication date unless written; None when neither gives one."""
    groups = match.groupdict()
    if groups.get("year"):
        return f"{int(groups['year']):04d}-{int(groups['month']):02d}"
    if published is None:
        return None
    if groups.get("shift"):
        months = published.year * 12 + published.month - 1 + shifts[groups["shift"]]
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    month = int(groups["month"])
    if groups.get("relative"):
        year = published.year + relative[groups["relative"]]
    else:  # 1月下旬 in a report of 12月24日: the coming January, the month nearest the publication
        year = min((published.year + k for k in (-1, 0, 1)),
                   key=lambda y: abs((y - published.year) * 12 + month - published.month))
        if abs((year - published.year) * 12 + month - published.month) > load("dates")["other_year_within_days"] // 30:
            year = published.year  # see _nearest_year
    return f"{year:04d}-{month:02d}"


BARE_MONTH_DAY = re.compile(r"\d{1,2}月\d{1,2}[日号]")


def _nearest_year(day: dt.date, published: dt.date) -> dt.date:
    """A month and day written without a year (1月8日) fall in the year that puts them nearest the publication:
    in a report of 2020-12-24, 2021-01-08. But a day of another year is written with it (明年, 去年) unless it
    is a season away at most: in a year-end review of 2020-12-28, 4月28日 is 2020-04-28, not the nearer 2021-04-28."""
    if (day.month, day.day) == (2, 29):  # in one year of the three only
        return day
    near = min((day.replace(year=published.year + k) for k in (-1, 0, 1)), key=lambda d: abs((d - published).days))
    if abs((near - published).days) > load("dates")["other_year_within_days"]:
        return day.replace(year=published.year)
    return near


YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})年$")


def year_before(before: str, published_year: int) -> int:
    """The year of a day named without one (双11), from the text right before it: written (2019年), relative
    (去年), else the publication's."""
    if written := YEAR_BEFORE.search(before):
        return int(written.group(1))
    relative = load("dates")["relative_years"]
    return published_year + relative.get(ending(before, list(relative)), 0)


@lru_cache(maxsize=4096)
def resolve(expr: str, published: dt.date | None) -> dt.date | None:
    """The calendar day `expr` names, or None when it is not one day or needs an unknown base."""
    absolute = expr[:4].isdigit()
    if published is None and not absolute:
        return None
    base = published or dt.date(2000, 1, 1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = _parse_time()(expr, time_base={"year": base.year, "month": base.month, "day": base.day})
    except Exception:  # jionlp raises plain ValueError/TypeError on text it cannot read
        return None
    start, end = (dt.date.fromisoformat(t[:10]) for t in parsed["time"][:2])
    return start if start == end else None
