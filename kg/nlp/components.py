"""spaCy components of the pipeline, registered with `@Language.factory`.

`onekg_lac` adds Baidu LAC's words and tags; the trained CLUENER `ner` (sourced in pipeline.cfg) fills
`doc.ents`; `onekg_mentions` turns every signal into typed mentions in `doc.spans["mentions"]` and dates
in `doc.spans["dates"]`.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy

from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from . import mentions as M
from .dates import dated_expressions
from .lac import lac_words, lac_words_and_scores
from .places import gazetteer

# Extensions hold plain values (ISO date strings, tuples) so docs cross process boundaries in nlp.pipe.
for _name in ("published", "words", "doc_id", "lac_scores"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# The tokens of spaCy's char segmenter: a character, with one plain space after it as its trailing
# space, or a run of whitespace. spaCy aligns them with `get_words_and_spaces`, which slices the rest of the text
# for every character: quadratic in the length of a document.
CHAR_TOKENS = re.compile(r"(\S)( ?)|(\s+)")


class CharTokenizer(ChineseTokenizer):
    """spaCy's one-token-per-character Chinese tokenizer, in one pass, keeping the text it was given for doc_text."""

    def __call__(self, text: str) -> Doc:
        tokens = CHAR_TOKENS.findall(text)
        doc = Doc(self.vocab, words=[char or run for char, _, run in tokens], spaces=[bool(space) for _, space, _ in tokens])
        doc.user_data["text"] = text
        return doc


@registry.tokenizers("onekg.CharTokenizer.v1")
def char_tokenizer():
    return lambda nlp: CharTokenizer(nlp.vocab, segmenter="char")


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per doc: spaCy joins it anew from a Token object per character on
    every access, which cost more than LAC itself on char-tokenized news."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


class LacTagger:
    """Sets `doc._.words`; with scores also `doc._.lac_scores`, LAC's tag probabilities per character
    (the CLUENER NER's features; the extraction pipeline does not need them)."""

    def __init__(self, scores: bool = False):
        self.scores = scores

    def __call__(self, doc: Doc) -> Doc:
        return next(self._tag([doc]))

    def pipe(self, docs, batch_size: int = 32):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        yield from self._tag(batch)

    def _tag(self, docs):
        texts = [doc_text(d) for d in docs]
        words, scores = lac_words_and_scores(texts) if self.scores else (lac_words(texts), ())
        for i, doc in enumerate(docs):
            doc._.words = words[i]
            if self.scores:
                doc._.lac_scores = scores[i]
            yield doc


# A sentence ends after 。！？； and any closing quotes or brackets, or at a line break: headlines,
# bylines and list items stand on their own lines in Chinese news.
SENTENCE_BREAK = re.compile(r"[。！？!?；]+[”’）)》」』]*|\n+")


@Language.component("onekg_sentences")
def split_sentences(doc: Doc) -> Doc:
    idx = doc.to_array("IDX")
    starts = numpy.full(len(doc), -1, dtype="int64")
    if len(doc):
        starts[0] = 1
    spaces = doc.to_array("IS_SPACE")
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(doc_text(doc))]
    for t in numpy.searchsorted(idx, breaks):
        while t < len(doc) and spaces[t]:  # whitespace stays with the sentence before it
            t += 1
        if t < len(doc):
            starts[t] = 1
    doc.from_array(["SENT_START"], starts.reshape(-1, 1).astype("uint64"))
    return doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the sentences; read off arrays, since `doc.sents` builds a Token object for
    every character of a char-tokenized doc."""
    if not len(doc):
        return []
    starts = doc.to_array("SENT_START").astype("int64")
    idx = doc.to_array("IDX")
    first = [int(idx[i]) for i in numpy.flatnonzero(starts == 1)] or [0]
    end = int(idx[-1]) + len(doc[-1].text_with_ws)
    return list(zip(first, first[1:] + [end]))


@Language.factory("onekg_lac", default_config={"scores": False})
def make_lac(nlp: Language, name: str, scores: bool):
    return LacTagger(scores)


def _char_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "", source: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id, span_id=source, alignment_mode="expand")


def mentions_of(doc: Doc) -> list[M.Mention]:
    """The mentions `onekg_mentions` found, rebuilt from the doc's span group."""
    text = doc_text(doc)
    return [M.Mention(s.start_char, s.end_char, s.label_, text[s.start_char:s.end_char], s.kb_id_, s.id_)
            for s in doc.spans["mentions"]]


class MentionFinder:
    def __call__(self, doc: Doc) -> Doc:
        text, words = doc_text(doc), doc._.words or []
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        sentences = sentence_bounds(doc)
        places = M.find_places(text, words, gazetteer())
        places += M.find_towns(text, words, places)
        produce = M.produce_words(words, gazetteer())  # what the sold and listed product readers read
        found = (
            places
            + M.find_organizations(text, words, ents, gazetteer())
            + M.find_named(text, M.places_as_words(words, places))
            + M.find_persons(text, words, ents)
            + M.find_media(text)
            + M.find_technologies(text, words)
            + M.find_products(text, words, sentences, gazetteer())
            + M.find_promoted(text, produce)
            + M.find_kind_listed(produce, gazetteer())
        )
        kept = M.unsure_persons_dropped(M.resolve_overlaps(M.one_sense(text, found + M.find_title_references(text, found))))
        kept += M.persons_named_again(text, words, [m for m in found if m.cls == "Person"], kept)
        kept = M.joined_events(text, M.named_kinds_dropped(text, M.resolve_overlaps(
            kept + M.find_event_references(text, words, kept) + M.find_product_references(text, kept)
            + M.products_named_again(text, words, kept))))
        doc.spans["cluener"] = [s for s in (_char_span(doc, *e) for e in ents) if s is not None]
        doc.spans["mentions"] = [s for s in (_char_span(doc, m.start, m.end, m.cls, m.key, m.source) for m in kept) if s]
        doc._.words = None  # served its purpose; keeps docs light between processes
        published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        doc.spans["dates"] = [s for s in (_char_span(doc, a, b, "DATE", iso)
                                          for a, b, iso in dated_expressions(text, published)) if s is not None]
        doc.ents = [s for s in doc.spans["mentions"]]
        return doc


@Language.factory("onekg_mentions")
def make_mentions(nlp: Language, name: str):
    return MentionFinder()
