"""The two things the documents stage yields: a loaded `Document` or a `LoadError`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    id: str  # first 16 hex chars of sha256 of `text` (utf-8): same content, same id
    path: Path
    text: str  # decoded (HTML/Markdown: converted) text, boilerplate blanked with spaces
    title: str | None
    source: str | None
    published: datetime.date | None
    lang: str = "zh"
    encoding: str = "utf-8"
    removed: tuple[tuple[int, int], ...] = ()  # [start, end) spans of `text` blanked as boilerplate


@dataclass(frozen=True)
class LoadError:
    path: Path
    reason: str  # one line, human readable
