"""Find files, read them with their `.meta.json` sidecars, and build Documents.

Bad input never raises: each problem becomes a LoadError for that one file and iteration goes on.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.documents.clean import clean
from kg.documents.decode import decode
from kg.documents.errors import Rejected
from kg.documents.html import html_title, html_to_text
from kg.documents.markdown import markdown_title, markdown_to_text
from kg.documents.model import Document, LoadError

KINDS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.json"
TITLE_MAX = 100
# One document is one article, report or plan. The NLP holds a document whole, at about 1.1 KB a character per
# worker (`kg ingest --jobs 1` peaked at 913 MB on one text of 566,000 characters, at 282 MB on three news items;
# docs/performance.md, "Twentieth round"). A longer text is a folder's worth of articles in one file, or a data dump,
# and is refused with a clear reason rather than let it take a worker's memory. Bytes are checked before reading
# (markup and images make an HTML page larger than its text).
MAX_CHARS = 2_000_000
MAX_BYTES = 64 * 1024 * 1024
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Meta:
    """The optional sidecar fields."""

    title: str | None = None
    source: str | None = None
    published: datetime.date | None = None
    lang: str | None = None


def iter_documents(root: Path) -> Iterator[Document | LoadError]:
    """Every supported file under `root` (or `root` itself), in sorted order."""
    root = Path(root)
    if root.is_file():
        yield load_document(root)
        return
    if not root.is_dir():
        yield LoadError(root, "no such file or directory")
        return
    paths, errors = find_files(root)
    yield from errors
    for path in paths:
        yield load_document(path)


def find_files(root: Path) -> tuple[list[Path], list[LoadError]]:
    """Supported files below `root`, sorted by relative path; hidden files and folders are skipped."""
    found: list[Path] = []
    errors: list[LoadError] = []

    def on_error(e: OSError) -> None:
        errors.append(LoadError(Path(e.filename or root), f"cannot list folder: {e.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if not f.startswith(".") and _kind(Path(f))]
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found, errors


def load_document(path: Path) -> Document | LoadError:
    path = Path(path)
    try:
        return _load(path)
    except Rejected as e:
        return LoadError(path, _one_line(e.reason))
    except OSError as e:
        return LoadError(path, _one_line(f"cannot read: {e.strerror or e}"))
    except Exception as e:  # last resort: one odd file must not stop a batch ingest
        return LoadError(path, _one_line(f"unexpected {type(e).__name__}: {e}"))


def _load(path: Path) -> Document:
    kind = _kind(path)
    if kind is None:
        raise Rejected(f"unsupported file type {path.suffix or '(no suffix)'!r}")
    meta = read_sidecar(sidecar_path(path))  # first: a malformed sidecar skips the document
    if (size := path.stat().st_size) > MAX_BYTES:
        raise Rejected(f"too large for one document: {size:,} bytes (at most {MAX_BYTES:,}); split it into its articles")
    raw, encoding = decode(path.read_bytes())
    body, found_title = _convert(kind, raw)
    text, removed = clean(body)
    if not text.strip():
        raise Rejected("no text left after removing boilerplate")
    if len(text) > MAX_CHARS:
        raise Rejected(f"too long for one document: {len(text):,} characters (at most {MAX_CHARS:,}); "
                       "split it into its articles")
    return Document(
        id=document_id(text),
        path=path,
        text=text,
        title=meta.title or _short(found_title) or _short(_first_line(text)),
        source=meta.source,
        published=meta.published,
        lang=meta.lang or "zh",
        encoding=encoding,
        removed=removed,
    )


def _kind(path: Path) -> str | None:
    if path.name.endswith(SIDECAR_SUFFIX):
        return None
    return KINDS.get(path.suffix.lower())


def _convert(kind: str, raw: str) -> tuple[str, str | None]:
    """(text, title found in the markup)."""
    if kind == "html":
        text = html_to_text(raw)
        if not text.strip():
            raise Rejected("no article text in HTML")
        return text, html_title(raw)
    if kind == "markdown":
        return markdown_to_text(raw), markdown_title(raw)
    return raw, None


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sidecar_path(path: Path) -> Path:
    """NAME.txt → NAME.meta.json"""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Meta:
    """The sidecar's fields, or an empty Meta when there is none. Raises Rejected when malformed."""
    if not path.is_file():
        return Meta()
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _bad_sidecar(path, "not UTF-8") from None
    except json.JSONDecodeError as e:
        raise _bad_sidecar(path, f"{e.msg}: line {e.lineno} column {e.colno}") from None
    except OSError as e:
        raise _bad_sidecar(path, f"cannot read: {e.strerror}") from None
    if not isinstance(data, dict):
        raise _bad_sidecar(path, f"expected a JSON object, got {type(data).__name__}")
    for key in ("title", "source", "lang", "published"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise _bad_sidecar(path, f"{key!r} must be a string")
    return Meta(
        title=_clean_field(data.get("title")),
        source=_clean_field(data.get("source")),
        published=_parse_date(path, data.get("published")),
        lang=_clean_field(data.get("lang")),
    )


def _parse_date(sidecar: Path, value: str | None) -> datetime.date | None:
    if value is None or not value.strip():
        return None
    try:
        if not _DATE.fullmatch(value.strip()):
            raise ValueError("expected YYYY-MM-DD")
        return datetime.date.fromisoformat(value.strip())
    except ValueError as e:
        raise _bad_sidecar(sidecar, f"bad 'published' date {value!r}: {e}") from None


def _bad_sidecar(path: Path, why: str) -> Rejected:
    return Rejected(f"malformed sidecar {path.name}: {why}")


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _first_line(text: str) -> str | None:
    return next((line for line in text.split("\n") if line.strip()), None)


def _short(title: str | None) -> str | None:
    if title is None:
        return None
    title = " ".join(title.split())
    return title[:TITLE_MAX] or None


def _one_line(reason: str) -> str:
    return " ".join(reason.splitlines())
