"""A gazetteer of China's administrative areas: the project's reference data plus jionlp's division table."""
from __future__ import annotations

import contextlib
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from ..vocab import ID, ONE, ONTOLOGY_DIR
from . import lexicon

MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
REFERENCE_FILE = ONTOLOGY_DIR / "places.ttl"


@dataclass(frozen=True)
class Place:
    key: str            # IRI path below id/place/, e.g. 上海市/杨浦区
    name: str           # full name
    cls: str            # City, District, Province or Region
    parent: str | None  # key of the containing area

    @property
    def iri(self):
        return ID["place/" + self.key]


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]            # key -> place
    names: dict[str, tuple[str, ...]]   # surface form -> keys it may denote
    full: frozenset[str]                # surface forms that are full names (with their level word)

    def candidates(self, surface: str) -> list[Place]:
        return [self.places[k] for k in self.names.get(surface, ())]

    @cached_property
    def lengths(self) -> dict[str, tuple[int, ...]]:
        """First character -> lengths of the names starting with it, longest first: a text is scanned
        for names at every character, and most characters start none."""
        by_first = defaultdict(set)
        for name in self.names:
            by_first[name[0]].add(len(name))
        return {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()}


def _jionlp_divisions() -> dict:
    # jionlp prints a banner on import; keep stdout clean for `kg query --format json`.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp

        return jionlp.china_location_loader()


def _aliases(node: dict) -> list[str]:
    alias = node.get("_alias") or []
    return [alias] if isinstance(alias, str) else list(alias)


def _level_class(name: str, depth: int) -> str:
    if depth == 0:
        return "City" if name in MUNICIPALITIES else "Province"
    if depth == 1:
        return "City"
    return "City" if name.endswith("市") else "District"


def _walk(tree: dict, parent: str | None, depth: int, out: list[tuple[Place, list[str]]]):
    for name, node in tree.items():
        if name.startswith("_") or not isinstance(node, dict):
            continue
        if depth == 1 and name == parent:  # municipalities repeat themselves as their own city
            _walk(node, parent, 2, out)
            continue
        key = name if parent is None else f"{parent}/{name}"
        place = Place(key, name, _level_class(name, depth), parent)
        out.append((place, _aliases(node)))
        _walk(node, key, depth + 1, out)


def _reference_places() -> list[tuple[Place, list[str]]]:
    g = Graph().parse(REFERENCE_FILE)
    prefix = str(ID["place/"])
    out = []
    for cls in ("City", "District", "Province", "Region"):
        for s in g.subjects(RDF.type, ONE[cls]):
            parent = g.value(s, ONE.locatedIn)
            place = Place(
                str(s)[len(prefix):], str(g.value(s, SKOS.prefLabel)), cls,
                str(parent)[len(prefix):] if parent else None,
            )
            out.append((place, [str(a) for a in g.objects(s, SKOS.altLabel)]))
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    entries = _reference_places()
    known = {p.key for p, _ in entries}
    divisions: list[tuple[Place, list[str]]] = []
    _walk(_jionlp_divisions(), None, 0, divisions)
    entries += [e for e in divisions if e[0].key not in known]
    data = lexicon.load("places")
    common = set(data["common_word_aliases"])
    places, names, full = {}, {}, set()
    for place, aliases in entries:
        places[place.key] = place
        suffix = next((s for s in data["autonomous_short_forms"] if place.name.endswith(s)), None)
        levelled = {a + data["autonomous_short_forms"][suffix] for a in aliases} if suffix else set()
        full.update({place.name, *levelled})
        for surface in {place.name, *levelled, *(a for a in aliases if a not in common)}:
            if len(surface) >= 2:
                names.setdefault(surface, []).append(place.key)
    return Gazetteer(places, {k: tuple(v) for k, v in names.items()}, frozenset(full))
