"""HTML page → article text (trafilatura) and title."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

# lxml refuses str input that still carries an XML encoding declaration; the text is already decoded.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Page furniture dropped by the fallback extractor (trafilatura does this itself).
_NOT_ARTICLE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre")


def html_to_text(html: str) -> str:
    """The article text; falls back to the <body> text when trafilatura finds no article."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False)
    if text and text.strip():
        return text
    tree = _parse(html)
    return _body_text(tree) if tree is not None else ""


def html_title(html: str) -> str | None:
    """<title>, else the first <h1>/<h2>."""
    tree = _parse(html)
    if tree is None:
        return None
    for path in (".//title", ".//h1", ".//h2"):
        for el in tree.iterfind(path):
            text = " ".join(el.text_content().split())
            if text:
                return text
    return None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None  # e.g. "Document is empty"


def _body_text(tree: lxml.html.HtmlElement) -> str:
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in list(root.iter(*_NOT_ARTICLE)):
        if el is not root:
            el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")  # block boundaries become line breaks
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
