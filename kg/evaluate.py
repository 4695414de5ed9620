"""Score extracted entities and relations against hand-made gold annotations.

The gold format and the scoring rules are those of the annotation guideline
(``/work/shared/annotation-guideline.md``; the fixtures and the choices made where the
guideline is silent are described in ``tests/fixtures/gold/README.md``).  Everything here is
a pure function over plain dicts; the only I/O is :func:`load_gold` reading gold files.

A *gold* dict and a *predicted* dict have the same shape::

    {"entities": [{"types": ["Official"], "label": "吴清", "aliases": []}, ...],
     "ignore": ["..."],                       # gold only
     "relations": {"holds_post": [{"person": "吴清", "post": "副市长",
                                   "jurisdiction": "上海市"}], ...}}

Scoring, per document, then micro-averaged over documents (counts are summed first):

* **Entities.**  A predicted entity is a true positive when its label, normalised by
  :func:`normalize`, equals the normalised label or an alias of a gold entity and one of its
  types is one of that gold entity's types.  Each gold entity is matched at most once: a
  second prediction for it (an unresolved duplicate) is a false positive.  A prediction that
  matches no gold name is a false positive unless it equals an ``ignore`` string.  Gold
  entities left unmatched are false negatives.  Counts are kept per type: a gold entity (and
  the prediction that matches it) is counted under its first type; an unmatched prediction
  under its most specific type (order of :data:`ENTITY_TYPES`).  A gold entity that lists
  ``Technology`` among its types is a Technology entity: it is counted only under
  Technology, which is scored separately and kept out of ``core_entity``.
* **Relations.**  A predicted tuple finds a gold tuple of the same kind when every field
  matches: entity fields through the gold entity named by the gold value (the predicted value
  must normalise to that entity's label or one of its aliases), ``post``/``role`` fields when
  one normalised title contains the other, ``date`` fields exactly.  Predicted tuples are
  de-duplicated after canonicalisation (aliases of one gold entity count once) and paired
  one-to-one with gold tuples by maximum bipartite matching.  Unpaired predictions are false
  positives unless one of their entity fields is an ``ignore`` string; unpaired gold tuples
  are false negatives.
* Precision, recall and F1 are 0.0 when their denominator is 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

__all__ = [
    "ENTITY_TYPES",
    "TECHNOLOGY",
    "RELATION_FIELDS",
    "QUERY_RELATIONS",
    "Counts",
    "DocumentScore",
    "Report",
    "normalize",
    "load_gold",
    "score",
    "score_document",
    "format_report",
    "predicted_from_rows",
    "predict_document",
    "evaluate_dir",
]

#: Entity types of the guideline, most specific first (used to pick a prediction's type).
ENTITY_TYPES: tuple[str, ...] = (
    "Official",
    "Person",
    "City",
    "District",
    "Province",
    "Region",
    "GovernmentBody",
    "Enterprise",
    "Organization",
    "Product",
    "Initiative",
    "Event",
    "Technology",
)
TECHNOLOGY = "Technology"

ENTITY, POST, DATE = "entity", "post", "date"

#: Relation kinds and how each of their fields is compared.
RELATION_FIELDS: dict[str, dict[str, str]] = {
    "holds_post": {"person": ENTITY, "post": POST, "jurisdiction": ENTITY},
    "affiliation": {"person": ENTITY, "role": POST, "organization": ENTITY},
    "event_date": {"event": ENTITY, "date": DATE},
    "part_of": {"event": ENTITY, "parent": ENTITY},
    "participant": {"agent": ENTITY, "event": ENTITY},
    "promotes": {"agent": ENTITY, "product": ENTITY},
    "maker": {"product": ENTITY, "enterprise": ENTITY},
    "located_in": {"entity": ENTITY, "place": ENTITY},
    "issued_by": {"initiative": ENTITY, "issuer": ENTITY},
    "author": {"person": ENTITY},
}

#: Saved SPARQL query name -> [(relation kind, {relation field: query column})].
QUERY_RELATIONS: dict[str, list[tuple[str, dict[str, str]]]] = {
    "officials": [("holds_post", {"person": "person", "post": "post", "jurisdiction": "jurisdiction"})],
    "affiliations": [("affiliation", {"person": "person", "role": "role", "organization": "organization"})],
    "events": [
        ("event_date", {"event": "event", "date": "date"}),
        ("part_of", {"event": "event", "parent": "parent"}),
    ],
    "participants": [("participant", {"agent": "agent", "event": "event"})],
    "promotions": [("promotes", {"agent": "agent", "product": "product"})],
    "makers": [("maker", {"product": "product", "enterprise": "enterprise"})],
    "locations": [("located_in", {"entity": "entity", "place": "place"})],
    "initiatives": [("issued_by", {"initiative": "initiative", "issuer": "issuer"})],
    "authors": [("author", {"person": "person"})],
}

# Quotes, brackets and whitespace (\s covers the ideographic space U+3000).
_STRIP = re.compile(r"[\s“”\"《》「」『』()（）‘’'〈〉【】]")


def normalize(text: str | None) -> str:
    """Remove quotes, brackets and whitespace: ``“4个100+”行动计划`` -> ``4个100+行动计划``."""
    return _STRIP.sub("", text or "")


# --------------------------------------------------------------------------- counts


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _total(counts: Iterable[Counts]) -> Counts:
    out = Counts()
    for c in counts:
        out.add(c)
    return out


@dataclass
class DocumentScore:
    """Counts of one document, with its errors spelled out for inspection."""

    id: str | None
    entity_types: dict[str, Counts] = field(default_factory=dict)
    relation_kinds: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)


@dataclass
class Report:
    """Micro-averaged scores over a set of documents."""

    entity_types: dict[str, Counts]
    relation_kinds: dict[str, Counts]
    core_entity: Counts
    technology: Counts
    relations: Counts
    documents: list[DocumentScore]

    @property
    def holds_post(self) -> Counts:
        return self.relation_kinds.get("holds_post", Counts())

    @property
    def holds_post_precision(self) -> float:
        return self.holds_post.precision

    def as_dict(self) -> dict:
        return {
            "documents": len(self.documents),
            "core_entity": self.core_entity.as_dict(),
            "technology": self.technology.as_dict(),
            "relations": self.relations.as_dict(),
            "holds_post_precision": self.holds_post_precision,
            "entity_types": {t: c.as_dict() for t, c in self.entity_types.items()},
            "relation_kinds": {k: c.as_dict() for k, c in self.relation_kinds.items()},
        }


# --------------------------------------------------------------------------- gold files


def load_gold(dir: Path) -> list[dict]:
    """Read every ``*.json`` gold file of *dir* that has a sibling ``.txt`` (skipping
    ``*.meta.json`` sidecars), sorted by file name.

    Each dict is returned as written, except that ``id`` defaults to the file stem, missing
    ``entities``/``ignore``/``relations`` default to empty, and ``text_path`` is set to the
    path of the sibling text file.
    """
    out: list[dict] = []
    for path in sorted(Path(dir).glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        text = path.with_suffix(".txt")
        if not text.is_file():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold.setdefault("id", path.stem)
        gold.setdefault("entities", [])
        gold.setdefault("ignore", [])
        gold.setdefault("relations", {})
        gold["text_path"] = str(text)
        out.append(gold)
    return out


# --------------------------------------------------------------------------- scoring


def _types(entity: Mapping) -> list[str]:
    types = entity.get("types")
    if types is None:
        types = [entity["type"]] if entity.get("type") else []
    elif isinstance(types, str):
        types = [types]
    return [str(t) for t in types]


def _names(entity: Mapping) -> list[str]:
    return [entity.get("label") or "", *(entity.get("aliases") or [])]


def _gold_bucket(types: Sequence[str]) -> str:
    if TECHNOLOGY in types:
        return TECHNOLOGY
    return types[0] if types else "(untyped)"


def _pred_bucket(types: Sequence[str]) -> str:
    for t in ENTITY_TYPES:
        if t in types:
            return t
    return sorted(types)[0] if types else "(untyped)"


class _GoldIndex:
    def __init__(self, gold: Mapping):
        self.entities: list[Mapping] = list(gold.get("entities") or [])
        self.names: list[set[str]] = []
        self.by_name: dict[str, int] = {}
        for i, e in enumerate(self.entities):
            names = {n for n in map(normalize, _names(e)) if n}
            self.names.append(names)
            for n in names:
                self.by_name.setdefault(n, i)
        self.ignore = {n for n in map(normalize, gold.get("ignore") or []) if n}

    def lookup(self, value: str | None) -> int | None:
        return self.by_name.get(normalize(value))


def _score_entities(index: _GoldIndex, predicted: Iterable[Mapping], doc: DocumentScore) -> None:
    per_type = doc.entity_types

    def bump(bucket: str, what: str) -> None:
        c = per_type.setdefault(bucket, Counts())
        setattr(c, what, getattr(c, what) + 1)

    matched: set[int] = set()
    for p in predicted:
        ptypes = _types(p)
        label = p.get("label") or ""
        n = normalize(label)
        i = index.by_name.get(n)
        if i is not None:
            gtypes = _types(index.entities[i])
            bucket = _gold_bucket(gtypes)
            if any(t in gtypes for t in ptypes):
                if i in matched:
                    bump(bucket, "fp")
                    doc.false_positives.append(f"entity {bucket} {label} (duplicate)")
                else:
                    matched.add(i)
                    bump(bucket, "tp")
                continue
            why = f"wrong type, gold {'/'.join(gtypes)}"
        elif not n or n in index.ignore:
            continue
        else:
            why = "not in gold"
        bucket = _pred_bucket(ptypes)
        bump(bucket, "fp")
        doc.false_positives.append(f"entity {bucket} {label} ({why})")
    for i, e in enumerate(index.entities):
        if i not in matched:
            bucket = _gold_bucket(_types(e))
            bump(bucket, "fn")
            doc.false_negatives.append(f"entity {bucket} {e.get('label')}")


def _fields(kind: str, *tuples: Iterable[Mapping]) -> dict[str, str]:
    if kind in RELATION_FIELDS:
        return RELATION_FIELDS[kind]
    keys: dict[str, str] = {}
    for group in tuples:
        for t in group:
            for k in t:
                keys.setdefault(k, ENTITY)
    return keys


def _field_matches(index: _GoldIndex, how: str, gold_value, pred_value) -> bool:
    g, p = str(gold_value or ""), str(pred_value or "")
    if how == DATE:
        return bool(g.strip()) and g.strip() == p.strip()
    gn, pn = normalize(g), normalize(p)
    if not gn or not pn:
        return False
    if how == POST:
        return gn in pn or pn in gn
    i = index.by_name.get(gn)
    if i is None:
        return gn == pn
    return pn in index.names[i]


def _canonical(index: _GoldIndex, fields: Mapping[str, str], t: Mapping) -> tuple:
    key = []
    for name, how in fields.items():
        v = str(t.get(name) or "")
        if how == DATE:
            key.append(v.strip())
        elif how == POST:
            key.append(normalize(v))
        else:
            i = index.lookup(v)
            key.append(("entity", i) if i is not None else normalize(v))
    return tuple(key)


def _max_matching(edges: list[list[int]], n_right: int) -> list[int | None]:
    """Kuhn's algorithm: for each left node, the right node it is paired with (or None)."""
    right_of: list[int | None] = [None] * n_right

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges[u]:
            if v in seen:
                continue
            seen.add(v)
            if right_of[v] is None or augment(right_of[v], seen):
                right_of[v] = u
                return True
        return False

    for u in range(len(edges)):
        augment(u, set())
    left_to: list[int | None] = [None] * len(edges)
    for v, u in enumerate(right_of):
        if u is not None:
            left_to[u] = v
    return left_to


def _show(t: Mapping, fields: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={t.get(k)}" for k in fields)


def _score_relations(
    index: _GoldIndex, gold: Mapping, predicted: Mapping, doc: DocumentScore
) -> None:
    gold_rel = gold.get("relations") or {}
    pred_rel = predicted.get("relations") or {}
    for kind in [*RELATION_FIELDS, *(k for k in {**gold_rel, **pred_rel} if k not in RELATION_FIELDS)]:
        gold_tuples = list(gold_rel.get(kind) or [])
        fields = _fields(kind, gold_tuples, pred_rel.get(kind) or [])
        seen: set[tuple] = set()
        pred_tuples = []
        for t in pred_rel.get(kind) or []:
            key = _canonical(index, fields, t)
            if key not in seen:
                seen.add(key)
                pred_tuples.append(t)
        edges = [
            [
                j
                for j, g in enumerate(gold_tuples)
                if all(_field_matches(index, how, g.get(f), p.get(f)) for f, how in fields.items())
            ]
            for p in pred_tuples
        ]
        pairing = _max_matching(edges, len(gold_tuples))
        c = Counts()
        for p, j in zip(pred_tuples, pairing):
            if j is not None:
                c.tp += 1
            elif any(
                how == ENTITY and normalize(str(p.get(f) or "")) in index.ignore
                for f, how in fields.items()
            ):
                continue
            else:
                c.fp += 1
                doc.false_positives.append(f"{kind} {_show(p, fields)}")
        paired = {j for j in pairing if j is not None}
        for j, g in enumerate(gold_tuples):
            if j not in paired:
                c.fn += 1
                doc.false_negatives.append(f"{kind} {_show(g, fields)}")
        if gold_tuples or pred_tuples or kind in RELATION_FIELDS:
            doc.relation_kinds[kind] = c


def score_document(gold: Mapping, predicted: Mapping) -> DocumentScore:
    """Counts for one document (see the module docstring for the rules)."""
    index = _GoldIndex(gold)
    doc = DocumentScore(id=gold.get("id"))
    _score_entities(index, predicted.get("entities") or [], doc)
    _score_relations(index, gold, predicted, doc)
    return doc


def score(pairs: Iterable[tuple[dict, dict]]) -> Report:
    """Score (gold, predicted) pairs, one per document, micro-averaged over documents."""
    docs = [score_document(g, p) for g, p in pairs]
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    entity_types: dict[str, Counts] = {t: Counts() for t in ENTITY_TYPES}
    relation_kinds: dict[str, Counts] = {k: Counts() for k in RELATION_FIELDS}
    for d in docs:
        for t, c in d.entity_types.items():
            entity_types.setdefault(t, Counts()).add(c)
        for k, c in d.relation_kinds.items():
            relation_kinds.setdefault(k, Counts()).add(c)
    entity_types = dict(sorted(entity_types.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    return Report(
        entity_types=entity_types,
        relation_kinds=relation_kinds,
        core_entity=_total(c for t, c in entity_types.items() if t != TECHNOLOGY),
        technology=Counts().add(entity_types[TECHNOLOGY]),
        relations=_total(relation_kinds.values()),
        documents=docs,
    )


# --------------------------------------------------------------------------- output


def _pct(num: int, den: int) -> str:
    return f"{num / den:6.3f}" if den else f"{'-':>6}"


def _row(name: str, c: Counts, width: int) -> str:
    f1 = f"{c.f1:6.3f}" if c.tp + c.fp and c.tp + c.fn else f"{'-':>6}"
    return (
        f"  {name:<{width}} {c.tp:>6} {c.fp:>6} {c.fn:>6} "
        f"{_pct(c.tp, c.tp + c.fp)} {_pct(c.tp, c.tp + c.fn)} {f1}"
    )


def format_report(report: Report) -> str:
    """A fixed-width table of the report (``-`` where a ratio has a zero denominator)."""
    names = [*report.entity_types, *report.relation_kinds, "core (without Technology)", "all relations"]
    width = max(len(n) for n in names)
    head = f"  {'':<{width}} {'TP':>6} {'FP':>6} {'FN':>6} {'P':>6} {'R':>6} {'F1':>6}"
    rule = "  " + "-" * (len(head) - 2)
    lines = [f"Extraction scores, {len(report.documents)} document(s), micro-averaged", ""]
    lines += ["Entities", head, rule]
    lines += [_row(t, c, width) for t, c in report.entity_types.items()]
    lines += [rule, _row("core (without Technology)", report.core_entity, width)]
    lines += [_row(TECHNOLOGY, report.technology, width), ""]
    lines += ["Relations", head, rule]
    lines += [_row(k, c, width) for k, c in report.relation_kinds.items()]
    lines += [rule, _row("all relations", report.relations, width), ""]
    hp = report.holds_post
    lines.append(f"holds_post precision: {_pct(hp.tp, hp.tp + hp.fp).strip()}")
    return "\n".join(lines)


def format_errors(report: Report) -> str:
    """Each document's false positives (+) and false negatives (-), for reading what a rule got wrong."""
    lines = []
    for d in report.documents:
        if d.false_positives or d.false_negatives:
            lines.append(f"{d.id}")
            lines += [f"  + {e}" for e in d.false_positives] + [f"  - {e}" for e in d.false_negatives]
    return "\n".join(lines)


# --------------------------------------------------------------------------- query rows


def _cell(row: Mapping, column: str) -> str:
    v = row.get(column)
    return "" if v is None else str(v).strip()


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] if iri else iri


def predicted_from_rows(rows_by_query: Mapping[str, Sequence[Mapping[str, str]]]) -> dict:
    """Turn the rows of the saved SPARQL queries (one build of one document) into a
    predicted dict shaped like a gold file.

    ``entities`` rows (entity, type, label, aliases ``|``-joined) are grouped by entity IRI
    into one entity with all its types; the relation queries map as in
    :data:`QUERY_RELATIONS`.  A row contributes a tuple only if all its mapped cells are
    non-empty; identical tuples are kept once.  Missing queries yield nothing.
    """
    entities: dict[str, dict] = {}
    for row in rows_by_query.get("entities") or []:
        iri, label = _cell(row, "entity"), _cell(row, "label")
        key = iri or label
        if not key:
            continue
        e = entities.setdefault(key, {"types": [], "label": "", "aliases": []})
        t = _local_name(_cell(row, "type"))
        if t and t not in e["types"]:
            e["types"].append(t)
        if label and not e["label"]:
            e["label"] = label
        for alias in _cell(row, "aliases").split("|"):
            alias = alias.strip()
            if alias and alias not in e["aliases"]:
                e["aliases"].append(alias)
    for key, e in entities.items():
        if not e["label"]:
            e["label"] = unquote(_local_name(key))
        e["aliases"] = [a for a in e["aliases"] if a != e["label"]]

    relations: dict[str, list[dict[str, str]]] = {k: [] for k in RELATION_FIELDS}
    for query, targets in QUERY_RELATIONS.items():
        for row in rows_by_query.get(query) or []:
            for kind, columns in targets:
                t = {f: _cell(row, c) for f, c in columns.items()}
                if all(t.values()) and t not in relations[kind]:
                    relations[kind].append(t)
    return {"entities": list(entities.values()), "relations": relations}


def predict_document(text_path: Path, nlp=None) -> dict:
    """Build one document alone (with `nlp`, default the shipped pipeline), ask every saved query, and
    read the answers as a prediction."""
    from . import queries
    from .build import build_dataset
    from .documents import LoadError, load_document
    from .export.rdf import merged_graph

    document = load_document(Path(text_path))
    if isinstance(document, LoadError):
        raise ValueError(f"{document.path}: {document.reason}")
    graph = merged_graph(build_dataset([document], nlp))
    return predicted_from_rows({name: queries.rows(graph, name) for name in QUERY_RELATIONS | {"entities": None}})


def evaluate_dir(gold_dir: Path, nlp=None) -> Report:
    """`kg eval`: the pipeline scored against every gold file of `gold_dir`."""
    golds = load_gold(Path(gold_dir))
    return score((g, predict_document(g["text_path"], nlp)) for g in golds)
