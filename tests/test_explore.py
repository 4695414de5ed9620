"""kg.explore: the HTML explorer, checked as files and in a real browser (Debian's Chromium via Playwright).

One browser per module; each test opens its own page from file:// and records every request.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.explore import FocusNotFound, write_explorer
from kg.vocab import DOC, ID, ONE

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "000_164738e43296cac7.txt"
CHROMIUM = Path("/usr/bin/chromium")
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
PWN_QUOTES = "O\"Brien's </script><!-- \u2028 {{x}} ${x}"
PWN_URL = "https://evil.example/steal.js"
HOSTILE_PATH = "docs/</script>\u2028<!--x.txt"
SCRIPT_TAG = re.compile(r"""(?<!["'])<script\b""")  # not the quoted "<script>" inside vis-network's core-js


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- graphs

class GraphMaker:
    """Triples in the merged graph's shape: entities, documents, statements with reified evidence."""

    def __init__(self):
        self.g = Graph()
        self.n = 0

    def doc(self, key, title, published="2020-05-18", source="文汇报", path=None):
        d = DOC[key]
        self.g.add((d, RDF.type, ONE.Document))
        self.g.add((d, ONE.title, Literal(title)))
        self.g.add((d, ONE.source, Literal(source)))
        self.g.add((d, ONE.published, Literal(published, datatype=XSD.date)))
        self.g.add((d, ONE.path, Literal(path or f"docs/{key}.txt")))
        return d

    def entity(self, iri, cls, label, doc, sentence, *, alt=(), en=None):
        e = URIRef(iri) if isinstance(iri, str) else iri
        self.g.add((e, RDFS.label, Literal(label, lang="zh")))
        self.g.add((e, SKOS.prefLabel, Literal(label, lang="zh")))
        for a in alt:
            self.g.add((e, SKOS.altLabel, Literal(a, lang="zh")))
        if en:
            self.g.add((e, RDFS.label, Literal(en, lang="en")))
        self.g.add((e, ONE.mentionedIn, doc))
        self.g.add((e, RDF.type, cls))
        self.mention(e, doc, sentence)
        return e

    def mention(self, e, doc, sentence):
        self.g.add((e, ONE.mentionedInSentence, self.sentence(doc, sentence)))

    def fact(self, s, p, o, doc, sentence):
        self.g.add((s, p, o))
        cited = self.sentence(doc, sentence)
        ev = URIRef(f"{doc}#ev-{self.n}")
        for pp, oo in ((RDF.type, ONE.Evidence), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                       (ONE.inSentence, cited)):
            self.g.add((ev, pp, oo))

    def sentence(self, doc, text):
        self.n += 1
        cited = URIRef(f"{doc}#s-{self.n * 10}")
        for pp, oo in ((RDF.type, ONE.Sentence), (PROV.wasDerivedFrom, doc), (ONE.text, Literal(text)),
                       (ONE.charStart, Literal(self.n * 10)), (ONE.charEnd, Literal(self.n * 10 + 9))):
            self.g.add((cited, pp, oo))
        return cited


def hostile_graph() -> Graph:
    m = GraphMaker()
    d = m.doc("hostile", f"{PWN_SCRIPT}标题“引号”{PWN_IMG}", source=PWN_URL, path=HOSTILE_PATH)
    evil = m.entity(ID["person/evil"], ONE.Official, PWN_SCRIPT, d, f"{PWN_IMG}他说：“{PWN_SCRIPT}”",
                    alt=[PWN_IMG], en=PWN_QUOTES)
    odd = m.entity(URIRef('https://w3id.org/onekg/id/org/"><img src=x onerror=window.__pwned=1>'),
                   ONE.Enterprise, PWN_IMG, d, f"</script><script>window.__pwned=1</script>{PWN_URL}")
    quotes = m.entity(ID["product/quotes"], ONE.Product, PWN_QUOTES, d, "javascript:window.__pwned=1 <!-- -->")
    event = m.entity(ID["event/evil"], ONE.Event, f"{PWN_IMG}节", d, "<svg onload=window.__pwned=1>")
    m.fact(evil, ONE.promotes, quotes, d, f"{PWN_SCRIPT} 推介 {PWN_IMG}")
    m.fact(quotes, ONE.madeBy, odd, d, f"{PWN_QUOTES}")
    m.fact(evil, ONE.participatedIn, event, d, PWN_IMG)
    m.fact(event, ONE.date, Literal("2020-05-17", datatype=XSD.date), d, f"{PWN_SCRIPT}")
    post = ID["post/place/evil"]
    m.g.add((post, RDF.type, ONE.Post))
    m.fact(evil, ONE.holdsPost, post, d, PWN_IMG)
    m.fact(post, ONE.postTitle, Literal(PWN_SCRIPT), d, PWN_IMG)
    m.fact(post, ONE.postIn, odd, d, PWN_IMG)
    return m.g


def star_graph(n_leaves=30) -> Graph:
    """A hub, leaves promoted by it, and one leaf of a leaf two hops out."""
    m = GraphMaker()
    d = m.doc("star", "星形测试")
    hub = m.entity(ID["person/中心"], ONE.Person, "中心人物", d, "中心人物出现。")
    leaves = []
    for k in range(n_leaves):
        leaf = m.entity(ID[f"product/p{k}"], ONE.Product, f"产品{k:02d}", d, f"产品{k:02d}出现。")
        m.fact(hub, ONE.promotes, leaf, d, f"中心人物推介产品{k:02d}。")
        leaves.append(leaf)
    far = m.entity(ID["org/远方"], ONE.Enterprise, "远方公司", d, "远方公司出现。")
    m.fact(leaves[0], ONE.madeBy, far, d, "产品00由远方公司制造。")
    for k in range(3):
        m.entity(ID[f"tech/t{k}"], ONE.Technology, f"孤立技术{k}", d, f"孤立技术{k}出现。")
    return m.g


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory) -> tuple[Path, dict]:
    target = tmp_path_factory.mktemp("explore") / "explorer.html"
    return target, write_explorer(seed_graph, target)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "explorer.html"
    write_explorer(hostile_graph(), target)
    return target


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        yield b
        b.close()


class Opened:
    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 860})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-kg-ready='1']", timeout=15000)

    def _route(self, route):
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def search(self, text, pick):
        self.page.fill("#kg-search", text)
        self.page.locator("#kg-suggest li.kg-sugg", has_text=pick).first.click()

    def panel(self) -> str:
        return self.page.inner_text("#kg-panel")

    def foreign_requests(self):
        return [u for u in self.requests if not u.startswith(("file://", "data:"))]

    def close(self):
        self.context.close()


@pytest.fixture
def opened(browser):
    pages = []

    def open_(path):
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for p in pages:
        p.close()


# ---------------------------------------------------------------- the file

def test_return_value_counts(seed_page, seed_graph):
    target, info = seed_page
    assert target.is_file()
    labelled = {s for s in seed_graph.subjects(ONE.mentionedIn, None)}
    assert info["nodes"] + info["hidden"] >= len(labelled)
    assert info["hidden"] == 0 and info["edges"] > 5


def test_seed_file_is_self_contained(seed_page):
    html = seed_page[0].read_text(encoding="utf-8")
    assert not re.search(r"https?://", html), "a literal URL is left in the page"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert "Content-Security-Policy" in html and "connect-src &#39;none&#39;" in html
    assert "vis.Network" in html  # vis-network is inlined, not fetched
    assert len(SCRIPT_TAG.findall(html)) == 6 and html.count("</script>") == 6


def test_hostile_text_is_escaped_in_the_file(hostile_page):
    html = hostile_page.read_text(encoding="utf-8")
    for raw in ("<script>window.__pwned", "<img src=x", "<svg onload", "<!-- -->", "</script><script>",
                "evil.example/steal", "\u2028"):
        assert raw not in html, raw
    assert not re.search(r"https?://", html)
    assert len(SCRIPT_TAG.findall(html)) == 6 and html.count("</script>") == 6
    # the text survives escaping: the embedded JSON still holds it
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1)
    parsed = json.loads(data)
    labels = {e["l"] for e in parsed["ents"]}
    assert {PWN_SCRIPT, PWN_IMG, " ".join(PWN_QUOTES.split())} <= labels  # labels are shown on one line
    assert parsed["docs"][0]["source"] == PWN_URL
    assert parsed["docs"][0]["path"] == HOSTILE_PATH


def test_cap_hides_least_connected_and_counts(tmp_path):
    g = star_graph(30)  # 1 hub + 30 products + 1 enterprise + 3 isolated = 35 entities
    info = write_explorer(g, tmp_path / "cap.html", cap=10)
    assert info == {"nodes": 10, "hidden": 25, "edges": 9}
    data = _data(tmp_path / "cap.html")
    shown = {e["l"] for e in data["ents"][:]}  # every entity is still in the data (searchable)
    assert len(shown) == 35 and data["shown"] == 10 and data["hidden"] == 25
    nodes = _nodes(tmp_path / "cap.html")
    assert "中心人物" in {n["label"] for n in nodes}
    assert all(n["physics"] is False and isinstance(n["x"], int) for n in nodes)


def test_cap_keeps_most_connected_with_the_evidence_they_show(tmp_path):
    """Drawn: the most connected (ties by label). The page carries the evidence of the drawn entities' types
    and of every statement with a drawn end, and none that only hidden entities would show."""
    write_explorer(star_graph(30), tmp_path / "cap.html", cap=3)
    data, nodes = _data(tmp_path / "cap.html"), _nodes(tmp_path / "cap.html")
    ents = data["ents"]
    assert {ents[n["id"]]["l"] for n in nodes} == {"中心人物", "产品00", "产品01"}  # degrees 30, 2, then 1

    def sentences(ids):
        return {data["sent"][data["ev"][x][0]] for x in ids or ()}

    by_label = {e["l"]: i for i, e in enumerate(ents)}
    assert sentences(ents[by_label["中心人物"]].get("tev")) == {"中心人物出现。"}
    assert sentences(ents[by_label["产品01"]].get("tev")) == {"产品01出现。"}
    about = {(st.get("s"), st.get("o")): sentences(st.get("ev")) for st in data["st"]}
    hub, far = by_label["中心人物"], by_label["远方公司"]
    assert about[(hub, by_label["产品17"])] == {"中心人物推介产品17。"}  # a drawn end: its evidence is carried
    assert about[(by_label["产品00"], far)] == {"产品00由远方公司制造。"}
    assert "tev" not in ents[by_label["产品17"]] and "tev" not in ents[far]  # hidden: their types' evidence is not
    assert not {"产品17出现。", "远方公司出现。", "孤立技术1出现。"} & set(data["sent"])
    assert len(data["st"]) == 31 and len(ents) == 35  # every statement and entity is still listed


def test_store_and_memory_give_the_same_page(store, seed_graph, tmp_path):
    """A graph of the store is read through pyoxigraph, any other through rdflib: the same page, capped or not."""
    from kg.store import GraphStore

    for cap in (1500, 12):
        write_explorer(seed_graph, tmp_path / "memory.html", cap=cap)
        with GraphStore(store) as opened:
            write_explorer(opened.graph(), tmp_path / "store.html", cap=cap)
        assert (tmp_path / "store.html").read_bytes() == (tmp_path / "memory.html").read_bytes()
    assert _data(tmp_path / "store.html")["hidden"] > 0


def test_every_name_as_written_is_on_its_entitys_page(store):
    """Each name a document writes for an entity (one:mentionLabel) is among the names its page lists: in a store,
    where the labels graph names the entity, and in a document's own graph, which has no labels."""
    from kg.explore.data import build_view, text
    from kg.graph.build import ontology_graph
    from kg.store import GraphStore

    with GraphStore(store) as opened:
        merged = opened.graph()
        first = next(g for g in opened.graph_names() if g.startswith(str(DOC)))
        for graph in (merged, opened.graph(first)):
            written: dict[str, set] = {}
            for s, o in graph.subject_objects(ONE.mentionLabel):
                written.setdefault(str(s), set()).add(text(o))
            listed = {e.iri: {e.label, *e.labels_zh, *e.pref, *e.alt, *e.other}
                      for e in build_view(graph, ontology_graph()).entities}
            assert written and set(written) <= set(listed)
            assert all(names <= listed[iri] for iri, names in written.items()), graph.identifier


def test_reads_side_by_side_keep_their_order_and_run_only_a_few_ahead():
    """The store's reads run in threads ahead of the one being used, each result held until then: they come
    back in order, and no more than READERS beyond the one in hand have started (a store's reads are hundreds
    of megabytes)."""
    import threading
    import time

    from kg.explore.source import READERS, side_by_side

    started, lock = [], threading.Lock()

    def read(k):
        def run():
            with lock:
                started.append(k)
            time.sleep(0.002 * (k % 3))  # later reads finish first
            return k
        return run

    seen = []
    for k in side_by_side([read(k) for k in range(12)]):
        with lock:
            assert max(started) <= k + READERS
        seen.append(k)
    assert seen == list(range(12)) and sorted(started) == seen


ROW_TERMS = {
    "iri": lambda ox: ox.NamedNode("https://w3id.org/onekg/id/place/上海市/浦东新区"),
    "label": lambda ox: ox.Literal("浦东新区", language="zh"),
    "subtagged": lambda ox: ox.Literal("Pudong", language="en-GB"),
    "plain": lambda ox: ox.Literal("上海市人民政府"),
    "escaped": lambda ox: ox.Literal('他说："直播\t带货"\\\n'),
    "typed": lambda ox: ox.Literal("2020-05-18", datatype=ox.NamedNode(str(XSD.date))),
    "integer": lambda ox: ox.Literal("42", datatype=ox.NamedNode(str(XSD.integer))),
    "decimal": lambda ox: ox.Literal("-4.50", datatype=ox.NamedNode(str(XSD.decimal))),
    "double": lambda ox: ox.Literal("1.5e3", datatype=ox.NamedNode(str(XSD.double))),
    "boolean": lambda ox: ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))),
    "own type": lambda ox: ox.Literal("5", datatype=ox.NamedNode("https://example.org/units#yuan")),
    "string": lambda ox: ox.Literal("直播", datatype=ox.NamedNode(str(XSD.string))),
    "empty": lambda ox: ox.Literal(""),
    "escaped label": lambda ox: ox.Literal('“云上”\\展会', language="zh"),
    "unicode": lambda ox: ox.Literal("\u2028段落\u00a0\x7f"),
    "blank": lambda ox: ox.BlankNode("b0"),
}


@pytest.mark.parametrize("objects", [("iri",), ("label", "plain"), ("label", "subtagged"), ("escaped",),
                                     ("typed",), ("label", "integer"), ("iri", "label"), ("blank",), (),
                                     ("decimal", "double", "boolean", "own type", "integer", "typed"),
                                     ("string", "empty", "escaped label", "unicode", "escaped", "label")])
def test_tsv_rows_are_read_as_oxigraphs_parser_reads_them(objects):
    """The store's reads come back as SPARQL TSV, whose common rows a regular expression reads: each shape
    of row, alone and mixed with others, gives the values, and the kinds of value, of Oxigraph's own parser."""
    import pyoxigraph as ox

    from kg.explore.source import _TSV, _from_ox, _rows

    store, p = ox.Store(), ox.NamedNode("https://w3id.org/onekg/ontology#p")
    for k, kind in enumerate(objects):
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/onekg/id/s{k}"), p, ROW_TERMS[kind](ox)))
    for query in ("SELECT ?s ?o WHERE { ?s ?p ?o }", "SELECT ?o WHERE { ?s ?p ?o }",
                  "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p ?o }",
                  "SELECT ?s ?o ?p ?o2 WHERE { ?s ?p ?o BIND(?o AS ?o2) }"):  # a value between IRIs, as evidence rows
        written = store.query(query).serialize(format=_TSV)
        expected = [tuple(map(_from_ox, row)) for row in ox.parse_query_results(written, format=_TSV)]
        rows = _rows(written)
        assert rows == expected and len(rows) == len(objects)
        assert [tuple(map(type, row)) for row in rows] == [tuple(map(type, row)) for row in expected]


def test_focus_restricts_to_neighbourhood(tmp_path):
    g = star_graph(5)
    one = write_explorer(g, tmp_path / "f1.html", focus="产品00", hops=1)
    assert one == {"nodes": 3, "hidden": 0, "edges": 2}  # 产品00, 中心人物, 远方公司
    two = write_explorer(g, tmp_path / "f2.html", focus="产品00", hops=2)
    assert two["nodes"] == 7 and two["hidden"] == 0  # + the other products, not the isolated ones
    assert _data(tmp_path / "f2.html")["focus"]["label"] == "产品00"
    with pytest.raises(FocusNotFound, match="产品99"):
        write_explorer(g, tmp_path / "f3.html", focus="产品99")
    assert not (tmp_path / "f3.html").exists()


def test_dataset_input_same_as_merged_graph(tmp_path):
    """`kg explore --graph kg.trig` passes a Dataset whose named graphs repeat triples."""
    g = star_graph(6)
    ds = Dataset(default_union=True)
    for name in ("a", "b"):
        part = ds.graph(URIRef(f"https://w3id.org/onekg/graph/{name}"))
        for t in g:
            part.add(t)
    merged = write_explorer(g, tmp_path / "g.html")
    assert write_explorer(ds, tmp_path / "ds.html") == merged
    assert len(_data(tmp_path / "ds.html")["st"]) == len(_data(tmp_path / "g.html")["st"])


def test_output_does_not_depend_on_triple_order(tmp_path):
    g = hostile_graph() + star_graph(8)
    triples = sorted(g, key=str)
    forward, backward = Graph(), Graph()
    for t in triples:
        forward.add(t)
    for t in reversed(triples):
        backward.add(t)
    write_explorer(forward, tmp_path / "f.html")
    write_explorer(backward, tmp_path / "b.html")
    assert (tmp_path / "f.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_write_is_atomic_and_replaces(tmp_path):
    target = tmp_path / "out" / "explorer.html"
    write_explorer(star_graph(2), target)
    first = target.read_text(encoding="utf-8")
    write_explorer(star_graph(4), target)
    assert target.read_text(encoding="utf-8") != first
    assert [p.name for p in target.parent.iterdir()] == ["explorer.html"]


def _blob(path: Path, block: str):
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S).group(1))


def many_sources_graph(n_docs=8) -> Graph:
    """One promotion stated in n_docs documents, a city mentioned in each."""
    m = GraphMaker()
    docs = [m.doc(f"many{k}", f"第{k}篇") for k in range(n_docs)]
    person = m.entity(ID["person/多源"], ONE.Official, "多源官员", docs[0], "多源官员出现。")
    product = m.entity(ID["product/多源"], ONE.Product, "多源产品", docs[0], "多源产品出现。")
    city = m.entity(ID["place/多源市"], ONE.City, "多源市", docs[0], "多源市第0篇。")
    for k, d in enumerate(docs):
        m.fact(person, ONE.promotes, product, d, f"多源官员推介多源产品（第{k}篇）。")
        if k:
            m.mention(city, d, f"多源市第{k}篇。")
    return m.g


def test_page_carries_the_first_sources_of_a_statement_and_counts_the_rest(tmp_path):
    """Evidence grows with the corpus; the panel shows three sources and the number of the others, so the page
    carries those three (the first in node order) and the count, for statements and for types alike."""
    from kg.explore.data import EVIDENCE_SHOWN
    write_explorer(many_sources_graph(8), tmp_path / "many.html")
    data = _data(tmp_path / "many.html")
    by_label = {e["l"]: e for e in data["ents"]}
    (promotes,) = [st for st in data["st"] if st["p"] == "promotes"]
    assert len(promotes["ev"]) == EVIDENCE_SHOWN and promotes["evn"] == 8
    sentences = [data["sent"][data["ev"][x][0]] for x in promotes["ev"]]
    assert sentences == [f"多源官员推介多源产品（第{k}篇）。" for k in range(EVIDENCE_SHOWN)]
    city = by_label["多源市"]
    assert len(city["tev"]) == EVIDENCE_SHOWN and city["tevn"] == 8
    assert "多源市第7篇。" not in data["sent"]  # a source past the first three is not even read
    assert "tevn" not in by_label["多源产品"]  # one source: nothing more to count


def test_a_type_a_rule_states_shows_its_evidence_beside_the_mentions(tmp_path):
    """A type with an evidence node of its own (a campaign typed Initiative; every type in stores built before
    one:mentionedInSentence) adds its sentences to the entity's sources."""
    m = GraphMaker()
    d = m.doc("campaign", "行动")
    e = m.entity(ID["event/行动"], ONE.Event, "百日行动", d, "百日行动启动。")
    m.fact(e, RDF.type, ONE.Initiative, d, "百日行动是一项专项计划。")
    write_explorer(m.g, tmp_path / "typed.html")
    data = _data(tmp_path / "typed.html")
    (ent,) = data["ents"]
    assert {data["sent"][data["ev"][x][0]] for x in ent["tev"]} == {"百日行动启动。", "百日行动是一项专项计划。"}


def test_a_post_edge_cites_only_its_holders_sentences(tmp_path):
    """A post node is shared by all its holders (its IRI is the place and the title), so its title and place
    are stated in every holder's sentences; each holder's edge cites the sentences about that holder alone."""
    m = GraphMaker()
    d1, d2 = m.doc("post1", "甲文"), m.doc("post2", "乙文")
    city = m.entity(ID["place/共用市"], ONE.City, "共用市", d1, "共用市出现。")
    post = ID["post/共用市/副市长"]
    m.g.add((post, RDF.type, ONE.Post))
    holders = {}
    for d, name in ((d1, "甲官员"), (d2, "乙官员")):
        person = m.entity(ID[f"person/{name}"], ONE.Official, name, d, f"{name}出现。")
        said = f"共用市副市长{name}出席。"
        m.fact(person, ONE.holdsPost, post, d, said)
        m.fact(post, ONE.postTitle, Literal("副市长"), d, said)
        m.fact(post, ONE.postIn, city, d, said)
        holders[name] = said
    write_explorer(m.g, tmp_path / "post.html")
    data = _data(tmp_path / "post.html")
    labels = [e["l"] for e in data["ents"]]
    for name, said in holders.items():
        (edge,) = [st for st in data["st"] if st["p"] == "holdsPost" and labels[st["s"]] == name]
        assert [data["sent"][data["ev"][x][0]] for x in edge["ev"]] == [said]
        assert edge.get("evn", 1) == 1


def _data(path):
    return _blob(path, "kg-data")


def _nodes(path):
    return _blob(path, "kg-nodes")


# ---------------------------------------------------------------- in the browser

def test_search_wu_qing_opens_panel_with_post_and_evidence(seed_page, opened):
    o = opened(seed_page[0])
    o.search("吴清", "吴清")
    o.page.wait_for_selector("#kg-panel h2:has-text('吴清')")
    panel = o.panel()
    assert "官员" in panel and "副市长" in panel and "上海市" in panel
    article = norm(SEED_TEXT.read_text(encoding="utf-8"))
    sentences = o.page.locator("#kg-panel .kg-ev").all_inner_texts()
    assert sentences and all(norm(s) in article for s in sentences)
    assert any("副市长吴清" in norm(s) for s in sentences)
    assert "一场特别直播刷出" in panel and "2020-05-18" in panel  # the document: title and date
    # selected in the graph, neighbours highlighted
    assert o.js("kgExplorer.network.getSelectedNodes().map(i => kgExplorer.data.ents[i].l)") == ["吴清"]
    highlighted = o.js("kgExplorer.highlighted().map(i => kgExplorer.data.ents[i].l)")
    assert "上海市" in highlighted and "5G" not in highlighted
    # the other end of a statement moves there
    o.page.locator("#kg-panel .kg-st-line button.kg-link", has_text="上海市").first.click()
    o.page.wait_for_selector("#kg-panel h2:has-text('上海市')")
    assert "Shanghai" in o.panel()
    assert not o.foreign_requests() and not o.errors


def test_search_finds_aliases_and_english(seed_page, opened):
    o = opened(seed_page[0])
    o.page.fill("#kg-search", "Shanghai")
    assert "上海市" in o.page.inner_text("#kg-suggest")
    o.page.fill("#kg-search", "申城")
    assert "上海市" in o.page.inner_text("#kg-suggest")
    o.page.keyboard.press("Enter")
    o.page.wait_for_selector("#kg-panel h2:has-text('上海市')")


def test_legend_toggle_hides_class(seed_page, opened):
    o = opened(seed_page[0])
    count = "kgExplorer.nodes.get({filter: n => n.cls === 'Technology'}).length"
    hidden = "kgExplorer.nodes.get({filter: n => n.cls === 'Technology' && n.hidden === true}).length"
    n = o.js(count)
    assert n > 0 and o.js(hidden) == 0
    legend = o.page.locator(".kg-class[data-cls='Technology']")
    assert "技术" in legend.inner_text() and "Technology" in legend.inner_text()
    legend.click()
    assert o.js(hidden) == n
    assert o.js("kgExplorer.nodes.get({filter: n => n.cls !== 'Technology' && n.hidden}).length") == 0
    assert legend.get_attribute("aria-pressed") == "false"
    legend.click()
    assert o.js(hidden) == 0


def test_focus_mode_and_timeline(seed_page, opened):
    o = opened(seed_page[0])
    o.search("吴清", "吴清")
    o.page.select_option("#kg-hops", "1")
    o.page.click("#kg-focus")
    visible = o.js("kgExplorer.nodes.get({filter: n => !n.hidden}).map(n => kgExplorer.data.ents[n.id].l)")
    assert "吴清" in visible and "上海市" in visible and "5G" not in visible
    o.page.click("#kg-reset")
    assert o.js("kgExplorer.nodes.get({filter: n => n.hidden}).length") == 0
    chip = o.page.locator(".kg-tl-chip").first
    date = chip.get_attribute("data-date")
    chip.click()
    selected = o.js("kgExplorer.network.getSelectedNodes().map(i => kgExplorer.data.ents[i].c)")
    assert selected and set(selected) == {"Event"}
    assert date in o.page.inner_text("#kg-panel h2")


def test_hidden_entities_are_searchable_and_can_be_shown(tmp_path, opened):
    target = tmp_path / "cap.html"
    write_explorer(star_graph(30), target, cap=10)
    o = opened(target)
    assert "25" in o.page.inner_text("#kg-banner")
    o.search("孤立技术1", "孤立技术1")
    o.page.wait_for_selector("#kg-panel h2:has-text('孤立技术1')")
    assert "未在图中显示" in o.panel()
    assert o.js("kgExplorer.nodes.get().length") == 10
    o.page.click("#kg-panel .kg-note button")
    assert o.js("kgExplorer.nodes.get().length") == 11
    o.page.click("#kg-banner button")
    assert o.page.locator("#kg-panel ul.kg-list li").count() == 24


def test_hidden_entity_shows_evidence_of_its_statements_with_drawn_entities(tmp_path, opened):
    target = tmp_path / "cap.html"
    write_explorer(star_graph(30), target, cap=10)
    o = opened(target)
    o.search("产品20", "产品20")
    o.page.wait_for_selector("#kg-panel h2:has-text('产品20')")
    panel = o.panel()
    assert "中心人物推介产品20。" in panel  # its statement with the drawn hub, with evidence
    assert "出处未收入本页" in panel and "产品20出现。" not in panel  # its type's evidence is left out, and says so
    assert "无出处记录" not in panel
    o.search("中心人物", "中心人物")
    o.page.wait_for_selector("#kg-panel h2:has-text('中心人物')")
    assert "中心人物出现。" in o.panel() and "出处未收入本页" not in o.panel()
    assert not o.errors


def test_panel_counts_the_sources_the_page_does_not_carry(tmp_path, opened):
    target = tmp_path / "many.html"
    write_explorer(many_sources_graph(8), target)
    o = opened(target)
    o.search("多源官员", "多源官员")
    o.page.wait_for_selector("#kg-panel h2:has-text('多源官员')")
    panel = o.panel()
    assert "多源官员推介多源产品（第2篇）。" in panel and "（第3篇）" not in panel
    assert "另有 5 处出处" in panel
    assert not o.errors


def test_hostile_graph_executes_nothing_and_fetches_nothing(hostile_page, opened):
    o = opened(hostile_page)
    # hover a node so vis renders its title
    box = o.page.locator("#kg-graph").bounding_box()
    pos = o.js("""() => { const id = kgExplorer.data.ents.findIndex(e => e.l.startsWith('<script>'));
                         return kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([id])[id]); }""")
    o.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    tooltip = o.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "<img src=x" in tooltip.inner_text() and tooltip.locator("img, script, svg").count() == 0
    # search by the alias, open the panel, follow a link, open the document and the timeline
    o.search("onerror", PWN_SCRIPT)
    panel = o.panel()
    assert PWN_SCRIPT in panel and PWN_IMG in panel
    o.page.locator("#kg-panel button.kg-link", has_text=PWN_QUOTES.split("\u2028")[0].strip()).first.click()
    o.page.locator("#kg-panel button.kg-link", has_text="标题").first.click()
    assert "evil.example" in o.panel()
    o.page.locator(".kg-tl-chip").first.click()
    o.page.click(".kg-class[data-cls='Product']")
    o.page.wait_for_timeout(200)
    assert o.page.locator("#kg-panel img, #kg-panel script, #kg-panel svg, #kg-suggest img").count() == 0
    # defence in depth: the page's Content-Security-Policy blocks inline handlers even if markup got in
    o.js("""() => { const d = document.createElement('div');
                   d.innerHTML = '<img src=x onerror="window.__pwned=2">'; document.body.appendChild(d); }""")
    o.page.wait_for_timeout(200)
    assert o.js("typeof window.__pwned") == "undefined"
    assert o.dialogs == []
    assert o.foreign_requests() == []
    assert not o.errors
    assert o.js("document.title").startswith("在线新经济知识图谱")
