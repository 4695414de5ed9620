"""How much the NER's retyper (kg/nlp/retype.py) gives, and at which n-gram size.

    .venv/bin/python benchmarks/ner_retype.py [--data DIR] [--model DIR] [--ngrams 3 4 5]

Scores the shipped model on CLUENER dev without its retyper, then with a retyper of each n-gram size trained
on CLUENER train as `kg train-ner` trains it (seed 0). Prints dev F1 per label.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.nlp.retype import train_classifier  # noqa: E402
from kg.nlp.train import (DEFAULT_DATA, MODEL_DIR, load_ner, predict_spans, read_cluener, read_mentions,  # noqa: E402
                          score_spans)

SHOWN = ("overall", "government", "organization", "company", "name", "position")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--ngrams", type=int, nargs="+", default=[3, 4, 5])
    args = parser.parse_args(argv)
    texts, gold = map(list, zip(*read_cluener(args.data / "dev.jsonl")))
    nlp = load_ner(args.model)
    mentions = list(read_mentions(args.data / "train.jsonl"))
    rows = {}
    with nlp.select_pipes(disable=["onekg_retyper"]):
        rows["model, no retyper"] = score_spans(gold, predict_spans(nlp, texts, batch_size=256))
    for n in args.ngrams:
        nlp.replace_pipe("onekg_retyper", "onekg_retyper")  # an empty one, given the classifier below
        nlp.get_pipe("onekg_retyper").classifier = train_classifier(mentions, ngrams=n)
        rows[f"+ retyper, {n}-grams"] = score_spans(gold, predict_spans(nlp, texts, batch_size=256))
    print(f"{'dev F1':<22}" + "".join(f"{label:>14}" for label in SHOWN))
    for name, scores in rows.items():
        print(f"{name:<22}" + "".join(f"{scores[label]['f']:>14.2f}" for label in SHOWN))
    return 0


if __name__ == "__main__":
    sys.exit(main())
