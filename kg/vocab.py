"""The ontology's terms as Python names, so code never spells an ontology IRI by hand.

`tests/test_ontology.py` checks that this namespace and `ontology/onekg.ttl` name the same terms.
"""
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
BASE = "https://w3id.org/onekg/"

ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
GRAPH = Namespace(BASE + "graph/")
ONTOLOGY_GRAPH = GRAPH.ontology
REFERENCE_GRAPH = GRAPH.reference


class ONE(DefinedNamespace):
    """Classes and properties of `ontology/onekg.ttl`."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Agent: URIRef
    Person: URIRef
    Official: URIRef
    Place: URIRef
    AdministrativeArea: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    Region: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    Enterprise: URIRef
    Product: URIRef
    Initiative: URIRef
    Event: URIRef
    Technology: URIRef
    Document: URIRef
    Post: URIRef
    Membership: URIRef
    Evidence: URIRef
    Sentence: URIRef
    # relations
    holdsPost: URIRef
    postIn: URIRef
    member: URIRef
    organization: URIRef
    partOf: URIRef
    participatedIn: URIRef
    promotes: URIRef
    madeBy: URIRef
    locatedIn: URIRef
    issuedBy: URIRef
    author: URIRef
    mentionedIn: URIRef
    mentionedInSentence: URIRef
    inSentence: URIRef
    # data
    postTitle: URIRef
    roleTitle: URIRef
    date: URIRef
    title: URIRef
    source: URIRef
    published: URIRef
    textLength: URIRef
    path: URIRef
    mentionLabel: URIRef
    text: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractedBy: URIRef


# Each term also as a plain class attribute: a DefinedNamespace otherwise resolves `ONE.x` through its
# metaclass on every access (2 µs), and the rules and the graph builder read terms a million times per
# 300 documents. Names outside the ontology still fail.
for _name in ONE.__annotations__:
    setattr(ONE, _name, ONE._NS[_name])


# Entity classes a mention can be typed with, by local name (the names the saved queries return).
ENTITY_CLASSES = {
    name: ONE[name]
    for name in (
        "Person", "Official", "City", "District", "Province", "Region", "GovernmentBody",
        "Enterprise", "Organization", "Product", "Initiative", "Event", "Technology",
    )
}

# IRI path segment per class: a person stays the same node whether or not we learn of a post.
IRI_KIND = {
    "Person": "person", "Official": "person",
    "City": "place", "District": "place", "Province": "place", "Region": "place",
    "GovernmentBody": "org", "Enterprise": "org", "Organization": "org",
    "Product": "product", "Initiative": "initiative", "Event": "event", "Technology": "tech",
}
