"""Markdown → plain text, lightly: headings, emphasis, links, images, inline code, quotes."""

from __future__ import annotations

import re

# Order matters: images before links (![alt](url) contains [alt](url)).
_SUBSTITUTIONS = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),  # ## heading ##
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # > quote
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # ![alt](src)
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**
    (re.compile(r"(?<![*\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*\w])"), r"\2"),  # *em*
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # `code`
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


def markdown_to_text(md: str) -> str:
    for pattern, replacement in _SUBSTITUTIONS:
        md = pattern.sub(replacement, md)
    return md


def markdown_title(md: str) -> str | None:
    """The first ATX heading's text, markup stripped."""
    m = _HEADING.search(md)
    if m is None:
        return None
    return markdown_to_text(m.group(1)).strip() or None
