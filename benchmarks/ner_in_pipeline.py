"""Which statistical NER the pipeline should use, decided on the project's own gold: the rules over
LAC alone, and with our CLUENER model added, scored side by side on both gold sets.

    .venv/bin/python benchmarks/ner_in_pipeline.py
"""
from pathlib import Path

from kg.evaluate import evaluate_dir
from kg.nlp.pipeline import NER_MODEL, make_nlp

ROOT = Path(__file__).resolve().parent.parent
SETS = {"development": ROOT / "tests/fixtures/gold", "held-out": ROOT / "tests/fixtures/heldout"}


def main():
    variants = {"LAC + rules": make_nlp(None)}
    if (NER_MODEL / "ner").exists():
        variants["LAC + CLUENER model + rules"] = make_nlp(NER_MODEL)
    print(f"{'set':12} {'pipeline':30} {'core F1':>8} {'relations F1':>13} {'holds_post P':>13}")
    for set_name, folder in SETS.items():
        for name, nlp in variants.items():
            r = evaluate_dir(folder, nlp)
            print(f"{set_name:12} {name:30} {r.core_entity.f1:8.3f} {r.relations.f1:13.3f} {r.holds_post_precision:13.3f}")


if __name__ == "__main__":
    main()
