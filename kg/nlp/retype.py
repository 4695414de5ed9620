"""The CLUENER NER's last component: retypes its organization-like entities by a span classifier.

The transition-based NER types an entity at its first character, which sees only a few characters of
a long name (…管理委员会, …有限公司). A bag-of-n-grams text classifier (spaCy's TextCatBOW) reads the whole
mention, written alone between markers so that n-grams touching them are its first and last characters,
and gives each government / organization / company entity its likeliest of the three labels: dev F1 for
government 75.05 → 78.00 (docs/ner.md). It is trained on CLUENER train's gold mentions of those labels.
"""
from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

LABELS = ("government", "organization", "company")
NGRAMS = 4  # n-grams up to 4 characters; 3 and 5 measured too (docs/ner.md)


def marked(mention: str) -> str:
    return f"<{mention}>"


def train_classifier(mentions: Iterable[tuple[str, str]], ngrams: int = NGRAMS, epochs: int = 6,
                     seed: int = 0) -> Language:
    """A TextCatBOW classifier over (mention, label) pairs of LABELS."""
    nlp = spacy.blank("zh")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": ngrams,
        "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(marked(mention)), {"cats": {x: float(x == label) for x in LABELS}})
                for mention, label in sorted(mentions) if label in LABELS]  # sorted: the same order in every process
    spacy.util.fix_random_seed(seed)
    nlp.initialize(lambda: examples)
    random.seed(seed)
    for _ in range(epochs):
        random.shuffle(examples)
        for i in range(0, len(examples), 64):
            nlp.update(examples[i:i + 64], drop=0.1)
    return nlp


class Retyper:
    """Relabels doc.ents of LABELS with the classifier's likeliest label; other entities stay."""

    def __init__(self, classifier: Language | None = None):
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        ents = [e for e in doc.ents if e.label_ in LABELS]
        if not ents or self.classifier is None:
            return doc
        labels = {(e.start, e.end): max(c.cats, key=c.cats.get)
                  for e, c in zip(ents, self.classifier.pipe(marked(e.text) for e in ents))}
        doc.ents = [Span(doc, e.start, e.end, label=labels.get((e.start, e.end), e.label_)) for e in doc.ents]
        return doc

    def to_disk(self, path: Path, exclude=()) -> None:
        self.classifier.to_disk(path)

    def from_disk(self, path: Path, exclude=()) -> "Retyper":
        self.classifier = spacy.load(path)
        return self


@Language.factory("onekg_retyper")
def make_retyper(nlp: Language, name: str) -> Retyper:
    return Retyper()
