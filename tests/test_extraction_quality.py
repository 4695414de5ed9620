"""Floors on extraction quality against the hand-made gold (development and held-out sets), so quality
cannot silently regress. The figures and the command that reproduces them are in docs/quality.md."""
from pathlib import Path

import pytest

from kg.evaluate import load_gold, predict_document, score

FIXTURES = Path(__file__).parent / "fixtures"
# (core entity F1, relation F1, relation precision, holds_post precision), a little under the measured figures
FLOORS = {"gold": (0.95, 0.87, 0.91, 0.97), "heldout": (0.90, 0.79, 0.92, 0.95)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request):
    golds = load_gold(FIXTURES / request.param)
    return request.param, score((g, predict_document(g["text_path"])) for g in golds)


def test_core_entity_floor(scored):
    name, report = scored
    assert report.core_entity.f1 >= FLOORS[name][0], report.core_entity


def test_relations_floor(scored):
    name, report = scored
    assert report.relations.f1 >= FLOORS[name][1], report.relations
    assert report.relations.precision >= FLOORS[name][2], report.relations


def test_holds_post_precision_floor(scored):
    name, report = scored
    assert report.holds_post_precision >= FLOORS[name][3]
