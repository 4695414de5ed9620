"""The ontology parses, names what the code uses, labels every term, and the built graph conforms to SHACL."""
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import ONE, ONTOLOGY_DIR
from kg.validate import validate

ONT = Graph().parse(ONTOLOGY_DIR / "onekg.ttl")
TERMS = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in ONT.subjects(RDF.type, t)}


def test_vocab_names_exactly_the_ontology_terms():
    code = {URIRef(ONE._NS[name]) for name in ONE.__annotations__}
    assert code == TERMS
    # the terms set as class attributes (kg/vocab.py) are the namespace's, and a name outside it still fails
    assert all(getattr(ONE, name) == ONE[name] == ONE._NS[name] for name in ONE.__annotations__)
    with pytest.raises(AttributeError):
        ONE.notATerm


def test_every_term_has_zh_and_en_label_and_comment():
    for term in TERMS:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ONT.objects(term, prop)}
            assert {"zh", "en"} <= langs, (term, prop)


def test_required_classes_and_hierarchy():
    sub = lambda a, b: (ONE[a], RDFS.subClassOf, ONE[b]) in ONT  # noqa: E731
    assert sub("Official", "Person")
    assert all(sub(c, "AdministrativeArea") for c in ("City", "District", "Province"))
    assert sub("AdministrativeArea", "Place")
    assert sub("GovernmentBody", "Organization") and sub("Enterprise", "Organization")
    for c in ("Product", "Initiative", "Event", "Technology", "Document", "Post"):
        assert (ONE[c], RDF.type, OWL.Class) in ONT


def test_post_model_aligned_to_w3c_org():
    org = "http://www.w3.org/ns/org#"
    assert (ONE.Post, RDFS.subClassOf, URIRef(org + "Post")) in ONT
    assert (ONE.holdsPost, RDFS.subPropertyOf, URIRef(org + "holds")) in ONT


def test_reference_data_has_shanghai_and_its_16_districts():
    places = Graph().parse(ONTOLOGY_DIR / "places.ttl")
    districts = set(places.subjects(RDF.type, ONE.District))
    assert len(districts) == 16
    shanghai = URIRef("https://w3id.org/onekg/id/place/上海市")
    assert all((d, ONE.locatedIn, shanghai) in places for d in districts)
    en = {str(o) for d in districts for o in places.objects(d, RDFS.label) if o.language == "en"}
    assert "Yangpu District" in en and len(en) == 16


def test_built_seed_graph_conforms_to_shapes(seed_graph):
    conforms, report = validate(seed_graph)
    assert conforms, report


def test_validate_reports_violations_readably(seed_graph):
    broken = Graph()
    broken += seed_graph
    sentence = next(broken.subjects(RDF.type, ONE.Sentence))
    broken.remove((sentence, ONE.text, None))
    conforms, report = validate(broken)
    assert not conforms
    assert "a sentence quotes its text" in report and str(sentence) in report
