"""Experiment: can a span classifier fix the types our NER gives organization-like spans?

    .venv/bin/python benchmarks/ner_retype.py [--data DIR] [--ngrams 3 5]

A third of the gold government spans our model misses are found with another type; the rest are
boundaries and misses (benchmarks/ner_compare.py, docs/ner.md). This trains spaCy's bag-of-n-grams text classifier (TextCatBOW) on CLUENER train's gold
government / organization / company mentions, each read alone as "<mention>" so that n-grams touching the
markers are its first and last characters, then retypes each such span the model predicts on dev by the
classifier's most likely label. Prints dev F1 per label before and after, per n-gram size.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.nlp.train import DEFAULT_DATA, load_ner, predict_spans, read_cluener, score_spans  # noqa: E402

LABELS = ("government", "organization", "company")
SHOWN = ("overall", "government", "organization", "company", "name", "position")


def marked(mention: str) -> str:
    return f"<{mention}>"


def train_classifier(train_path: Path, ngrams: int, epochs: int = 6, seed: int = 0):
    nlp = spacy.blank("zh")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": ngrams,
        "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(marked(text[start:end])),
                                  {"cats": {other: float(other == label) for other in LABELS}})
                for text, spans in read_cluener(train_path)
                for start, end, label in spans if label in LABELS]
    nlp.initialize(lambda: examples)
    random.seed(seed)
    for _ in range(epochs):
        random.shuffle(examples)
        for i in range(0, len(examples), 64):
            nlp.update(examples[i:i + 64], drop=0.1)
    return nlp


def retyped(classifier, texts, predicted):
    out = []
    for text, spans in zip(texts, predicted):
        new = set()
        for start, end, label in spans:
            if label in LABELS:
                cats = classifier(marked(text[start:end])).cats
                label = max(cats, key=cats.get)
            new.add((start, end, label))
        out.append(new)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--ngrams", type=int, nargs="+", default=[3, 5])
    args = parser.parse_args(argv)
    texts, gold = zip(*read_cluener(args.data / "dev.jsonl"))
    predicted = predict_spans(load_ner(), texts, batch_size=256)
    rows = {"model": score_spans(list(gold), predicted)}
    for n in args.ngrams:
        classifier = train_classifier(args.data / "train.jsonl", n)
        rows[f"+ retyper, {n}-grams"] = score_spans(list(gold), retyped(classifier, texts, predicted))
    print(f"{'dev F1':<22}" + "".join(f"{label:>14}" for label in SHOWN))
    for name, scores in rows.items():
        print(f"{name:<22}" + "".join(f"{scores[label]['f']:>14.2f}" for label in SHOWN))
    return 0


if __name__ == "__main__":
    sys.exit(main())
