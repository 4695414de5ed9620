"""Train and evaluate our statistical Chinese NER on CLUENER2020 (see docs/ner.md).

CLUENER lines look like {"text": ..., "label": {LABEL: {MENTION: [[start, end], ...]}}} with
INCLUSIVE end offsets. Over spacy.blank("zh") every character is one token, so every span aligns.

    python -m kg.nlp.train --data DIR --out DIR      (the CLI exposes it as `kg train-ner`)
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import filter_spans
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Ragged

from .components import doc_text  # and registers onekg_lac, which sets the words lac_words reads
from .lac import TAGS
from .retype import train_classifier  # and registers onekg_retyper, the model's last component

LABELS = ("name", "position", "government", "company", "organization",
          "address", "book", "game", "movie", "scene")
CONFIG = Path(__file__).with_name("ner.cfg")
MODEL_DIR = Path(__file__).parent / "models" / "cluener"
DEFAULT_DATA = Path("/work/shared/data/cluener")

Span = tuple[int, int, str]  # (start, exclusive end, label): character offsets, as in spaCy


@spacy.registry.architectures("kg.CharBigramEmbed.v1")
def char_bigram_embed(width: int, attrs: list[str], rows: list[int], lac_words: bool = False,
                      word_suffixes: bool = False, lac_scores: bool = False) -> Model:
    """spaCy's MultiHashEmbed plus hashed features: the bigrams (previous, this) and (this, next), with
    lac_words the LAC word each character is in and its place in it with the word's tag (B-PER, I-n, ...),
    and with word_suffixes that word's last one and two characters; with lac_scores, LAC's tag
    probabilities for the character as dense features beside the hashed ones.

    A token is one character, which means little alone; bigrams let the model memorise words, LAC's
    segmentation tells it where words end. A name's type is decided at its first character, whose window
    does not reach the end of a long name: its word's suffix (…法院, …大学) does. LAC's scores are its
    bidirectional reading of the whole sentence, learnt from far more text than CLUENER. lac_words and
    lac_scores need the onekg_lac component (`doc._.words`, and `doc._.lac_scores` with `scores = true`)
    to run before tok2vec. rows gives one table size per attr, then left bigram, right bigram, [word, tag],
    [suffix 1, suffix 2].
    """
    embeddings = [HashEmbed(width, n_rows, column=i, seed=7 + i, dropout=0.0)
                  for i, n_rows in enumerate(rows)]
    features = [bigram_features(attrs, lac_words, word_suffixes), list2ragged(), with_array(concatenate(*embeddings))]
    n_in = width * len(rows)
    if lac_scores:
        features, n_in = [concatenate(chain(*features), lac_score_features())], n_in + TAGS
    return chain(*features, with_array(Maxout(width, n_in, nP=3, dropout=0.0, normalize=True)), ragged2list())


def lac_score_features() -> Model:
    return Model("lac_scores", _lac_scores_forward)


def _lac_scores_forward(model: Model, docs: list[Doc], is_train: bool):
    rows = [numpy.zeros((len(doc), TAGS), dtype="float32") if doc._.lac_scores is None  # spaCy's shape inference
            else doc._.lac_scores[doc.to_array("IDX").astype("int64")] for doc in docs]
    lengths = model.ops.asarray1i([len(r) for r in rows])
    return Ragged(model.ops.asarray2f(numpy.concatenate(rows) if rows else numpy.zeros((0, TAGS))), lengths), \
        lambda d_scores: []


def bigram_features(attrs: list[str], lac_words: bool = False, word_suffixes: bool = False) -> Model:
    return Model("bigram_features", _bigram_features_forward,
                 attrs={"attrs": attrs, "lac_words": lac_words, "word_suffixes": word_suffixes})


def _bigram_features_forward(model: Model, docs: list[Doc], is_train: bool):
    a = model.attrs
    return [model.ops.asarray2i(doc_features(doc, a["attrs"], a["lac_words"], a.get("word_suffixes", False)),
                                dtype="uint64")
            for doc in docs], lambda d_features: []


EDGE = numpy.uint64(1)  # no ORTH or string hash is 1: marks the text's edges and characters outside any word


def doc_features(doc: Doc, attrs: list[str], lac_words: bool = False, word_suffixes: bool = False) -> numpy.ndarray:
    """The attrs' columns, then one id per bigram on each side, then (lac_words) the word and tag ids,
    then (word_suffixes) the word's suffix ids."""
    orth = doc.to_array("ORTH").astype("uint64")
    edge = numpy.array([EDGE], dtype="uint64")
    before, after = numpy.concatenate([edge, orth[:-1]]), numpy.concatenate([orth[1:], edge])
    with numpy.errstate(over="ignore"):  # hashing: uint64 wrap-around is intended
        left = before * numpy.uint64(0x9E3779B97F4A7C15) ^ orth
        right = orth * numpy.uint64(0x9E3779B97F4A7C15) ^ after
    columns = doc.to_array(attrs).astype("uint64").reshape(len(doc), len(attrs))
    if not lac_words:
        return numpy.column_stack([columns, left, right])
    suffixes = suffix_features(doc) if word_suffixes else ()
    return numpy.column_stack([columns, left, right, *word_features(doc), *suffixes])


def word_features(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Per token: the hash of the LAC word it starts or continues, and of its position-tag (B-/I-/E-/S-)."""
    n = len(doc_text(doc))
    words, tags = numpy.full(n, EDGE, dtype="uint64"), numpy.full(n, EDGE, dtype="uint64")
    for word in doc._.words or ():
        n = word.end - word.start
        words[word.start:word.end] = hash_string(word.text)
        places = ("S",) if n == 1 else ("B",) + ("I",) * (n - 2) + ("E",)
        tags[word.start:word.end] = [hash_string(f"{place}-{word.tag}") for place in places]
    idx = doc.to_array("IDX").astype("int64")
    return words[idx], tags[idx]


def suffix_features(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Per token: the hashes of the last character and the last two characters of its LAC word."""
    n = len(doc_text(doc))
    last, last2 = numpy.full(n, EDGE, dtype="uint64"), numpy.full(n, EDGE, dtype="uint64")
    for word in doc._.words or ():
        last[word.start:word.end] = hash_string("1" + word.text[-1:])
        last2[word.start:word.end] = hash_string("2" + word.text[-2:])
    idx = doc.to_array("IDX").astype("int64")
    return last[idx], last2[idx]


@spacy.registry.augmenters("kg.entity_swap.v1")
def entity_swap_augmenter(prob: float, swap: float = 0.5):
    """Mention replacement: besides each example, with probability prob also a copy in which each entity is,
    with probability swap, replaced by another mention of its label seen earlier in training.

    A model that has seen 市国土资源局 only where it stands learns its context, not its ending; swapped into
    other sentences, names teach the model to read the name itself. The mentions are gathered as the
    examples pass, so the augmenter needs no file of its own; spaCy seeds `random` for the run.
    """
    mentions: dict[str, list[str]] = {}

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        ref = example.reference
        for ent in ref.ents:
            mentions.setdefault(ent.label_, []).append(ent.text)
        if ref.ents and random.random() < prob:
            text, spans = swap_mentions(ref.text, [(e.start_char, e.end_char, e.label_) for e in ref.ents],
                                        mentions, swap)
            yield Example(nlp.make_doc(text), to_doc(nlp, text, spans))

    return augment


def swap_mentions(text: str, spans: list[Span], mentions: dict[str, list[str]],
                  swap: float) -> tuple[str, list[Span]]:
    """text with each span, with probability swap, replaced by a random mention of its label; the new spans."""
    parts, new_spans, at = [], [], 0
    for start, end, label in sorted(spans):
        mention = text[start:end]
        if random.random() < swap:
            mention = random.choice(mentions.get(label) or [mention])
        parts.append(text[at:start])
        offset = sum(map(len, parts))
        new_spans.append((offset, offset + len(mention), label))
        parts.append(mention)
        at = end
    parts.append(text[at:])
    return "".join(parts), new_spans


def read_cluener(path: Path | str) -> Iterator[tuple[str, set[Span]]]:
    """Yield (text, gold spans) per line; CLUENER's inclusive ends become exclusive ones."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                yield record["text"], record_spans(record)


def read_mentions(path: Path | str) -> Iterator[tuple[str, str]]:
    """Yield (mention, label) for every gold span of a CLUENER jsonl."""
    for text, spans in read_cluener(path):
        for start, end, label in spans:
            yield text[start:end], label


def record_spans(record: dict) -> set[Span]:
    return {(start, end + 1, label)
            for label, mentions in record.get("label", {}).items()
            for offsets in mentions.values()
            for start, end in offsets}


def to_doc(nlp: Language, text: str, spans: Iterable[Span]) -> Doc:
    """A Doc with the spans as its entities (the longest wins where two overlap)."""
    doc = nlp.make_doc(text)
    ents = [doc.char_span(start, end, label=label, alignment_mode="expand")
            for start, end, label in spans]
    doc.ents = filter_spans([ent for ent in ents if ent is not None])
    return doc


def load_cluener(path: Path | str, nlp: Language | None = None) -> list[Doc]:
    """CLUENER jsonl as gold Docs over spacy.blank("zh"), ready for a DocBin / spaCy's Corpus."""
    nlp = nlp or spacy.blank("zh")
    return [to_doc(nlp, text, spans) for text, spans in read_cluener(path)]


def write_docbin(docs: Iterable[Doc], path: Path) -> Path:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def train_ner(data_dir: Path, out_dir: Path, *, seed: int = 0, config: Path = CONFIG,
              overrides: dict | None = None) -> dict:
    """Train with spaCy's own loop on data_dir/{train,dev}.jsonl, add the retyper (kg.nlp.retype) trained on
    train's organization-like mentions to the best model, and write it to out_dir.

    Returns the training time, where the model went and its dev scores (evaluate_ner).
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    from spacy.cli.train import train  # imported late: it pulls in the whole CLI

    with tempfile.TemporaryDirectory(prefix="kg-ner-") as work:
        work = Path(work)
        corpus = {split: write_docbin(load_cluener(data_dir / f"{split}.jsonl"), work / f"{split}.spacy")
                  for split in ("train", "dev")}
        started = time.monotonic()
        train(config, work / "output", overrides={
            "paths.train": str(corpus["train"]), "paths.dev": str(corpus["dev"]),
            "system.seed": seed, "training.seed": seed, **(overrides or {})})
        nlp = spacy.load(work / "output" / "model-best")
        nlp.add_pipe("onekg_retyper").classifier = train_classifier(read_mentions(data_dir / "train.jsonl"), seed=seed)
        seconds = time.monotonic() - started
        if out_dir.exists():
            shutil.rmtree(out_dir)
        nlp.to_disk(out_dir)
    return {"seconds": round(seconds, 1), "seed": seed, "model_dir": str(out_dir),
            "dev": evaluate_ner(out_dir, data_dir / "dev.jsonl")}


def predict_spans(nlp: Language, texts: Iterable[str], **pipe_args) -> list[set[Span]]:
    return [{(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents}
            for doc in nlp.pipe(texts, **pipe_args)]


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 in percent, as the CLUENER paper reports them."""
    p = 100 * tp / n_pred if n_pred else 0.0
    r = 100 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 2), "r": round(r, 2), "f": round(f, 2),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def score_spans(gold: list[set[Span]], pred: list[set[Span]]) -> dict:
    """Exact span match (start, end and label), per label and micro-averaged as "overall"."""
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        n_gold.update(label for *_, label in g)
        n_pred.update(label for *_, label in p)
        tp.update(label for *_, label in g & p)
    scores = {label: prf(tp[label], n_pred[label], n_gold[label])
              for label in sorted(n_gold.keys() | n_pred.keys())}
    scores["overall"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return scores


def load_ner(model_dir: Path | str = MODEL_DIR) -> Language:
    """The trained pipeline; importing this module registers kg.CharBigramEmbed.v1, which it needs."""
    return spacy.load(model_dir)


def evaluate_ner(model_dir: Path, dev_path: Path) -> dict:
    """Per-label and overall P/R/F1 (percent) of the model at model_dir on a CLUENER jsonl."""
    texts, gold = zip(*read_cluener(dev_path))
    pred = predict_spans(load_ner(model_dir), texts, batch_size=256)
    return score_spans(list(gold), pred)


def format_scores(scores: dict) -> str:
    rows = [f"{'label':<13}{'P':>7}{'R':>7}{'F1':>7}"]
    rows += [f"{label:<13}{s['p']:>7.2f}{s['r']:>7.2f}{s['f']:>7.2f}" for label, s in scores.items()]
    return "\n".join(rows)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with CLUENER train.jsonl and dev.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the best model is written")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. training.max_steps=2000 (repeatable)")
    return parser


def parse_override(item: str) -> tuple[str, object]:
    """KEY=VALUE with VALUE read as JSON where it parses (numbers, booleans), else as a string."""
    key, _, value = item.partition("=")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def run(args: argparse.Namespace) -> int:
    result = train_ner(args.data, args.out, seed=args.seed, config=args.config,
                       overrides=dict(map(parse_override, args.set)))
    print(f"trained in {result['seconds']:.0f} s (seed {result['seed']}), model in {result['model_dir']}")
    print(format_scores(result["dev"]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg train-ner", description=__doc__.splitlines()[0])
    return run(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
