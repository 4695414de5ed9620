"""What extraction produces for one document: entities and statements, each with its evidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from rdflib import Literal, URIRef

from ..vocab import ID, IRI_KIND

# Characters that may not stand in an IRI path segment; Chinese stays readable.
_UNSAFE = "".join(chr(c) for c in range(0x21)) + '<>"{}|\\^`#?%/“”《》「」'


def slug(text: str) -> str:
    """An IRI path segment: whitespace dropped, unsafe characters percent-encoded, Chinese kept."""
    return "".join(f"%{ord(ch):02X}" if ch in _UNSAFE else ch for ch in "".join(text.split()))


def entity_iri(cls: str, name: str) -> URIRef:
    return ID[f"{IRI_KIND[cls]}/{slug(name)}"]


def place_iri(key: str) -> URIRef:
    return ID["place/" + "/".join(slug(p) for p in key.split("/"))]


def strip_quotes(label: str) -> str:
    return "".join(ch for ch in label if ch not in "“”\"《》「」『』 　")


@dataclass(frozen=True)
class Evidence:
    start: int          # sentence offsets in the document text
    end: int
    sentence: str
    rule: str           # the component or rule that produced the statement


@dataclass
class Entity:
    iri: URIRef
    cls: str
    labels: list[str] = field(default_factory=list)     # surface forms in order of appearance
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, label: str, evidence: Evidence):
        if label not in self.labels:
            self.labels.append(label)
        self.evidence.append(evidence)


@dataclass(frozen=True)
class Statement:
    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    evidence: Evidence


@dataclass
class DocFacts:
    """Everything one document says, ready to be written as its named graph."""

    entities: dict[URIRef, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
