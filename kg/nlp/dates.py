"""Day-precise date expressions, resolved against the document's publication date."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from functools import lru_cache

from .lexicon import finditer, load


@lru_cache(maxsize=1)
def _parse_time():
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp's import banner
        import jionlp

    return jionlp.parse_time


def find_dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in finditer("dates", "patterns", text)]


def dated_expressions(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Every expression that names a day, with the day; 当天 and its kind take the last day named.
    The end of a span of days (11月5日至10日) is left out: the span's first day is the day of the event."""
    anaphoric = re.compile("|".join(load("dates")["anaphoric"]))
    joiners = set(load("dates")["range_joiners"])
    spans = sorted(find_dates(text) + [m.span() for m in anaphoric.finditer(text)])
    out, last, previous_end = [], None, None
    for start, end in spans:
        expr = text[start:end]
        ends_range = previous_end is not None and text[previous_end:start].strip() in joiners
        previous_end = end
        if ends_range:
            continue
        day = last if anaphoric.fullmatch(expr) else resolve(expr, published)
        if day is not None:
            out.append((start, end, day))
            last = day
    return out


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
