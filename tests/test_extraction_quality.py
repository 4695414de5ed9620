"""Floors on extraction quality against the hand-made gold, so quality cannot silently regress.

The figures and the command that reproduces them are in docs/quality.md."""
from pathlib import Path

import pytest

from kg.evaluate import load_gold, predict_document, score

GOLD = Path(__file__).parent / "fixtures" / "gold"


@pytest.fixture(scope="module")
def report():
    golds = load_gold(GOLD)
    return score((g, predict_document(g["text_path"])) for g in golds)


def test_core_entity_floor(report):
    assert report.core_entity.f1 >= 0.80, report.core_entity


def test_holds_post_precision_floor(report):
    assert report.holds_post_precision >= 0.90


def test_relations_floor(report):
    assert report.relations.f1 >= 0.50, report.relations
    assert report.relations.precision >= 0.75, report.relations
