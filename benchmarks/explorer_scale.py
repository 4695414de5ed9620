"""The explorer at scale: a synthetic graph in the merged graph's shape, built and opened in headless Chromium.

    .venv/bin/python benchmarks/explorer_scale.py [--nodes 5000] [--edges 15000] [--caps 1500,5000]
    .venv/bin/python benchmarks/explorer_scale.py --pages EXPORTS-1000/explorer.html EXPORTS-10000/explorer.html --probe 上海

With --pages, pages already written (by `kg build`, or benchmarks/exports.py from a store) are opened instead,
one after the other in the same browser, so a corpus ten times larger is measured side by side with the smaller.

Generates entities of every class (labels, aliases, English labels for places, mentions), documents,
relations with a skewed degree distribution (posts and memberships included), event dates and a
reified evidence node per statement; then, for each cap, prints the build time and file size, and in
headless Chromium (Debian's /usr/bin/chromium) the time from navigation to first drawn frame, to the
first search answer, and from clicking a node to its panel. Figures only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from kg.explore import write_explorer  # noqa: E402
from kg.vocab import DOC, ID, ONE  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CLASSES = [  # (class, IRI kind, share of entities)
    ("Official", "person", 0.08), ("Person", "person", 0.12), ("City", "place", 0.04),
    ("District", "place", 0.06), ("Province", "place", 0.02), ("Region", "place", 0.01),
    ("GovernmentBody", "org", 0.08), ("Enterprise", "org", 0.14), ("Organization", "org", 0.05),
    ("Product", "product", 0.14), ("Initiative", "initiative", 0.06), ("Event", "event", 0.10),
    ("Technology", "tech", 0.10),
]
# relation → (subject classes, object classes)
RELATIONS = {
    ONE.promotes: (("Official", "Person", "Enterprise", "GovernmentBody"), ("Product",)),
    ONE.participatedIn: (("Official", "Person", "Enterprise", "Organization", "GovernmentBody"), ("Event",)),
    ONE.madeBy: (("Product",), ("Enterprise",)),
    ONE.locatedIn: (("District", "City", "Enterprise", "GovernmentBody", "Organization", "Event"),
                    ("City", "Province", "Region")),
    ONE.issuedBy: (("Initiative",), ("GovernmentBody", "City", "Province")),
    ONE.partOf: (("Event",), ("Event",)),
    ONE.holdsPost: (("Official",), ("City", "District", "Province")),
    ONE.member: (("Person",), ("Organization", "Enterprise")),
}
SYLLABLES = "数字经济在线新零售智能制造云服务直播电商平台科技创新发展产业互联网城市工业医疗教育物流金融文化"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
POSTS = ["市长", "副市长", "区长", "副区长", "局长", "主任"]


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> Graph:
    rng = random.Random(seed)
    g = Graph()
    n_docs = max(1, n_nodes // 10)
    docs = []
    for k in range(n_docs):
        d = DOC[f"{k:016x}"]
        g.add((d, RDF.type, ONE.Document))
        g.add((d, ONE.title, Literal(f"在线新经济报道第{k}篇：{_words(rng, 4)}")))
        g.add((d, ONE.published, Literal(f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD.date)))
        g.add((d, ONE.source, Literal(rng.choice(["文汇报", "解放日报", "新华网", "人民网"]))))
        g.add((d, ONE.path, Literal(f"docs/{k:05d}.txt")))
        docs.append(d)
    by_class: dict[str, list[URIRef]] = {c: [] for c, _, _ in CLASSES}
    weight: dict[URIRef, float] = {}
    ev_n = 0

    def sentence(d, text) -> URIRef:
        nonlocal ev_n
        ev_n += 1
        start = rng.randint(0, 5000)
        cited = URIRef(f"{d}#s-{ev_n}")  # its own sentence: random offsets may repeat
        for pp, oo in ((RDF.type, ONE.Sentence), (PROV.wasDerivedFrom, d), (ONE.text, Literal(text)),
                       (ONE.charStart, Literal(start)), (ONE.charEnd, Literal(start + len(text)))):
            g.add((cited, pp, oo))
        return cited

    def evidence(s, p, o, d, text):
        cited = sentence(d, text)
        ev = URIRef(f"{d}#ev-{ev_n:08x}")
        for pp, oo in ((RDF.type, ONE.Evidence), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                       (ONE.inSentence, cited), (ONE.extractedBy, Literal("synthetic"))):
            g.add((ev, pp, oo))

    shares = [share for _, _, share in CLASSES]
    total = sum(shares)
    k = 0
    labels: dict[URIRef, str] = {}
    for cls, kind, share in CLASSES:
        for _ in range(max(1, round(n_nodes * share / total))):
            if k >= n_nodes:
                break
            label = (rng.choice(SURNAMES) + _words(rng, 1)[:2]) if kind == "person" else _words(rng, rng.randint(2, 4))
            label = f"{label}{k}"
            e = ID[f"{kind}/{label}"]
            labels[e] = label
            g.add((e, RDFS.label, Literal(label, lang="zh")))
            g.add((e, SKOS.prefLabel, Literal(label, lang="zh")))
            if rng.random() < 0.3:
                g.add((e, SKOS.altLabel, Literal(label[:3] + "简称", lang="zh")))
            if kind == "place":
                g.add((e, RDFS.label, Literal(f"Place {k}", lang="en")))
            d = rng.choice(docs)
            g.add((e, ONE.mentionedIn, d))
            g.add((e, ONE.mentionedInSentence, sentence(d, f"文中提到了{label}，这是一句关于{_words(rng, 3)}的句子。")))
            if cls == "Event" and rng.random() < 0.7:
                date = Literal(f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD.date)
                g.add((e, ONE.date, date))
                evidence(e, ONE.date, date, d, f"{label}于{date}举行。")
            g.add((e, RDF.type, ONE[cls]))
            by_class[cls].append(e)
            weight[e] = rng.paretovariate(1.3)  # a few hubs, many leaves
            k += 1

    pools = {}
    for p, (subj, obj) in RELATIONS.items():
        s_pool = [e for c in subj for e in by_class[c]]
        o_pool = [e for c in obj for e in by_class[c]]
        pools[p] = (s_pool, [weight[e] for e in s_pool], o_pool, [weight[e] for e in o_pool])
    made = 0
    rel_props = list(RELATIONS)
    while made < n_edges:
        p = rng.choice(rel_props)
        s_pool, s_w, o_pool, o_w = pools[p]
        if not s_pool or not o_pool:
            continue
        s = rng.choices(s_pool, s_w)[0]
        o = rng.choices(o_pool, o_w)[0]
        if s == o:
            continue
        d = rng.choice(docs)
        said = f"据报道，{labels[s]}与{labels[o]}在{_words(rng, 2)}方面有关。"
        if p == ONE.holdsPost:
            title = rng.choice(POSTS)
            post = ID[f"post/place/{labels[o]}/{title}"]
            g.add((post, RDF.type, ONE.Post))
            g.add((post, ONE.postTitle, Literal(title)))
            g.add((post, ONE.postIn, o))
            g.add((s, ONE.holdsPost, post))
            evidence(s, ONE.holdsPost, post, d, said)
            evidence(post, ONE.postIn, o, d, said)
        elif p == ONE.member:
            m = ID[f"membership/{labels[s]}/{labels[o]}"]
            g.add((m, RDF.type, ONE.Membership))
            g.add((m, ONE.member, s))
            g.add((m, ONE.organization, o))
            g.add((m, ONE.roleTitle, Literal("院长")))
            evidence(m, ONE.member, s, d, said)
        else:
            g.add((s, p, o))
            evidence(s, p, o, d, said)
        made += 1
    return g


def _words(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(n))


def measure_browser(path: Path, probe: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"ready": [], "heap": [], "search": [], "suggest_to_panel": [],
                                   "click_to_panel": [], "redraw": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("html[data-kg-ready='1']", timeout=120_000)
            out["ready"].append(page.evaluate("window.kgReadyAt"))  # ms since navigation start
            out["heap"].append(page.evaluate("performance.memory.usedJSHeapSize") / 2**20)  # Chromium's, MiB
            # search: type the probe, wait for its suggestion
            t0 = time.perf_counter()
            page.fill("#kg-search", probe)
            page.locator("#kg-suggest li.kg-sugg").first.wait_for()
            out["search"].append((time.perf_counter() - t0) * 1000)
            pick = page.locator("#kg-suggest li.kg-sugg .kg-s-label").first.inner_text()
            t0 = time.perf_counter()
            page.locator("#kg-suggest li.kg-sugg").first.click()
            page.locator("#kg-panel h2", has_text=pick).wait_for()
            out["suggest_to_panel"].append((time.perf_counter() - t0) * 1000)
            # click the most connected drawn node on the canvas
            page.evaluate("kgExplorer.network.fit()")  # the whole graph in view, no animation
            page.wait_for_timeout(300)
            out["redraw"].append(page.evaluate("""() => { const r = kgExplorer.network.renderer, t = [];
                for (let k = 0; k < 5; k++) { const t0 = performance.now(); r._redraw(); t.push(performance.now() - t0); }
                return t.sort((a, b) => a - b)[2]; }"""))
            hub = page.evaluate("""() => { const d = kgExplorer.data; let best = null;
                for (const n of kgExplorer.nodes.get()) if (best === null || d.ents[n.id].d > d.ents[best].d) best = n.id;
                return [best, d.ents[best].l]; }""")
            pos = page.evaluate("id => kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([id])[id])", hub[0])
            box = page.locator("#kg-graph").bounding_box()
            before = page.inner_text("#kg-panel h2")
            t0 = time.perf_counter()
            page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
            # the topmost node under the pointer (the hub, or a node drawn over it) opens its panel
            page.wait_for_function("prev => document.querySelector('#kg-panel h2').textContent !== prev", arg=before)
            out["click_to_panel"].append((time.perf_counter() - t0) * 1000)
            page.close()
        browser.close()
    return {k: statistics.median(v) for k, v in out.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=15000)
    ap.add_argument("--caps", default="1500,5000", help="comma-separated caps to build (default 1500,5000)")
    ap.add_argument("--runs", type=int, default=3, help="page loads per cap (medians printed)")
    ap.add_argument("--out", type=Path, default=None, help="folder for the pages (default: a temporary one)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--pages", type=Path, nargs="+", help="open these explorer pages instead of synthetic ones")
    ap.add_argument("--probe", default="上海", help="what to type into the search of --pages (default 上海)")
    args = ap.parse_args(argv)
    if args.pages:
        print(f"{'page':40} {'size MB':>8} {'drawn ms':>9} {'heap MiB':>9} {'search ms':>10} {'pick→panel':>11} "
              f"{'click→panel':>12} {'redraw ms':>10}")
        for page in args.pages:
            m = measure_browser(page.resolve(), args.probe, args.runs)
            print(f"{str(page)[-40:]:40} {page.stat().st_size / 1e6:>8.1f} {m['ready']:>9.0f} {m['heap']:>9.0f} "
                  f"{m['search']:>10.0f} {m['suggest_to_panel']:>11.0f} {m['click_to_panel']:>12.0f} "
                  f"{m['redraw']:>10.0f}", flush=True)
        print(LEGEND)
        return 0

    t0 = time.perf_counter()
    g = synthetic_graph(args.nodes, args.edges)
    print(f"synthetic graph: {args.nodes} entities, {args.edges} relations, {len(g)} triples "
          f"({time.perf_counter() - t0:.1f} s to generate)")
    out = args.out or Path(tempfile.mkdtemp(prefix="explorer-bench-"))
    probe = next(str(o) for o in g.objects(None, RDFS.label) if str(o).startswith(("王", "李", "张")))[:3]
    print(f"pages in {out}; search probe {probe!r}")
    print(f"{'cap':>6} {'shown':>6} {'hidden':>6} {'edges':>6} {'build s':>8} {'size MB':>8}"
          + ("" if args.no_browser else f" {'drawn ms':>9} {'heap MiB':>9} {'search ms':>10} {'pick→panel':>11} {'click→panel':>12}"
                                    f" {'redraw ms':>10}"))
    for cap in (int(c) for c in args.caps.split(",")):
        target = out / f"explorer-{cap}.html"
        t0 = time.perf_counter()
        info = write_explorer(g, target, cap=cap)
        build = time.perf_counter() - t0
        size = target.stat().st_size / 1e6
        line = f"{cap:>6} {info['nodes']:>6} {info['hidden']:>6} {info['edges']:>6} {build:>8.1f} {size:>8.1f}"
        if not args.no_browser:
            m = measure_browser(target, probe, args.runs)
            line += (f" {m['ready']:>9.0f} {m['heap']:>9.0f} {m['search']:>10.0f} {m['suggest_to_panel']:>11.0f}"
                     f" {m['click_to_panel']:>12.0f} {m['redraw']:>10.0f}")
        print(line, flush=True)
    print(LEGEND)
    return 0


LEGEND = ("drawn: navigation start → first frame drawn (in-page performance.now); heap: the page's JavaScript heap "
          "then; search: typing → first suggestion shown; pick→panel: choosing a suggestion → panel shown; "
          "click→panel: clicking the most connected node → its panel (wall clock through Playwright); redraw: one "
          "full frame of the whole graph in view (vis-network's renderer, in page); medians")


if __name__ == "__main__":
    sys.exit(main())
