"""Bytes → str for Chinese text: UTF-8 (with or without BOM), GB18030/GBK/GB2312, Big5."""

from __future__ import annotations

import functools
import unicodedata

import charset_normalizer

from kg.documents.errors import Rejected

# Why always both: charset-normalizer often calls short GBK text Big5 (or Shift-JIS), and every
# GBK byte pair also decodes as *something* in Big5. We decode with each and keep the candidate
# that reads most like Chinese. gb18030 is listed first so it wins ties (mainland news).
FALLBACKS = ("gb18030", "big5")
# GB18030 is a superset of GBK/GB2312/CP936: decoding with it never loses a character.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
_CHINESE = {"gb18030", "big5", "cp950", "big5hkscs"}
# Real text scores ~1.0; a GB/Big5 mix-up scores ~0.2-0.5 even on a short sentence.
MIN_CHINESE_SCORE = 0.7


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); newlines normalised to \\n. Raises Rejected."""
    if not data.strip():
        raise Rejected("empty file")
    if b"\x00" in data:
        raise Rejected("binary file (NUL bytes)")
    text, encoding = _decode_utf8(data) or _decode_chinese(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Rejected("empty file")
    return text, encoding


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        text = data.decode("utf-8-sig")  # strips a BOM if present
    except UnicodeDecodeError:
        return None
    return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def _decode_chinese(data: bytes) -> tuple[str, str]:
    tried = ["utf-8"]
    best: tuple[float, str, str] | None = None
    for encoding in _candidates(data):
        tried.append(encoding)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = chinese_score(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < MIN_CHINESE_SCORE:
        raise Rejected("cannot decode: tried " + ", ".join(tried))
    return best[1], best[2]


def _candidates(data: bytes) -> list[str]:
    """Our fallbacks first (tie priority), then charset-normalizer's guess if it is a Chinese codec."""
    guess = charset_normalizer.from_bytes(data).best()
    names = list(FALLBACKS)
    if guess is not None:
        name = _ALIASES.get(guess.encoding, guess.encoding)
        if name in _CHINESE and name not in names:
            names.append(name)
    return names


def chinese_score(text: str) -> float:
    """Share of the non-ASCII letters that are common Chinese characters.

    Mis-decoded GB/Big5 yields rare ideographs, kana, Greek or private-use characters, so a low
    share means the wrong codec even when every byte decoded.
    """
    common = _common_hanzi()
    letters = [ch for ch in text if _is_letter(ch)]
    if not letters:
        return 1.0  # only ASCII, digits, punctuation, spaces: nothing says the codec is wrong
    return sum(ch in common for ch in letters) / len(letters)


def _is_letter(ch: str) -> bool:
    """Non-ASCII letters and unassigned/private-use code points (typical of a wrong codec);
    punctuation, digits, symbols and full-width ASCII forms say nothing about the codec."""
    if ch.isascii() or "\uff00" <= ch <= "\uffef":
        return False
    return unicodedata.category(ch) in ("Lo", "Lu", "Ll", "Lt", "Lm", "Co", "Cn")


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3755 common simplified) ∪ Big5 常用字 A440–C67E (5401 common traditional)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        chars.update(_decode_pairs("gb2312", lead, range(0xA1, 0xFF), limit=0xFFFF))
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):
        chars.update(_decode_pairs("big5", lead, big5_trails, limit=0xC67E))
    return frozenset(chars)


def _decode_pairs(encoding: str, lead: int, trails, limit: int) -> list[str]:
    out = []
    for trail in trails:
        if (lead << 8 | trail) > limit:
            break
        try:
            out.append(bytes((lead, trail)).decode(encoding))
        except UnicodeDecodeError:
            pass  # unassigned code point
    return out
