"""Shared fixtures: the seed built once per test session through the real CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`kg build --docs seeds --out OUT`: (exit status, OUT)."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("exports")
    status = main(["build", "--docs", str(SEEDS), "--out", str(out)])
    return status, out


@pytest.fixture(scope="session")
def store(seed_build) -> Path:
    """The graph store the seed build wrote."""
    return seed_build[1] / "store"


@pytest.fixture(scope="session")
def seed_graph(seed_build) -> Graph:
    return Graph().parse(seed_build[1] / "kg.ttl")


@pytest.fixture
def docs_dir(tmp_path):
    """A scratch folder holding a copy of the seed and its sidecar."""
    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path
