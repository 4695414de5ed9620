"""Graph store benchmark: load, query and export at 100k and 1M triples of synthetic data shaped like our
graph, the embedded Oxigraph store (through rdflib's API, `oxrdflib`) against rdflib's in-memory store
in the same run, plus the latency of each saved query through `kg serve` (median of repeated runs).

    .venv/bin/python benchmarks/store_bench.py [--sizes 100000 1000000] [--repeat 15] [--cap 120]

Each engine runs in a process of its own, so peak memory (ru_maxrss) is that engine's alone. rdflib
queries that run over `--cap` seconds are stopped and shown as "> cap".
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/onekg/"
ONE, ID, DOC, GRAPH = BASE + "ontology#", BASE + "id/", BASE + "doc/", BASE + "graph/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS, SKOS = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"
PROV, XSD = "http://www.w3.org/ns/prov#", "http://www.w3.org/2001/XMLSchema#"
GROUP_BY = (f"PREFIX one: <{ONE}> SELECT ?cls (COUNT(DISTINCT ?e) AS ?n) "
            "WHERE { ?e a ?cls ; one:mentionedIn ?d } GROUP BY ?cls ORDER BY DESC(?n)")


def saved_queries() -> dict[str, str]:
    found = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "kg" / "queries").glob("*.rq"))}
    return {**found, "group-by": GROUP_BY}


# -- synthetic data ----------------------------------------------------------------------------------

def synthesize(target: int, trig: Path, seed: int = 7) -> dict:
    """A TriG file like `kg.trig`: documents (node, mentions, statements, one rdf:Statement of evidence
    each), the ontology, reference places and labels; entities recur across documents (skewed)."""
    rng = random.Random(seed)
    n = lambda iri: ox.NamedNode(iri)
    lit = lambda v, dt=None, lang=None: ox.Literal(str(v), datatype=n(XSD + dt) if dt else None, language=lang)
    a = n(RDF + "type")
    quads: list[ox.Quad] = []
    pools = {"person": ("Person", target // 60), "org": ("Enterprise", target // 120), "product": ("Product", target // 200),
             "event": ("Event", target // 300), "initiative": ("Initiative", target // 500), "tech": ("Technology", 300)}
    cities = [f"城市{c}" for c in range(40)]
    places = cities + [f"{c}/区{d}" for c in cities for d in range(10)]
    titles = ["市长", "副市长", "区长", "副区长", "局长", "主任"]

    def pick(kind):
        cls, size = pools[kind]
        k = int(size * rng.random() ** 2)  # a few entities in many documents, most in few
        return n(f"{ID}{kind}/{kind}{k}"), cls, f"{kind}{k}"

    mentioned: dict = {}
    docs = 0
    while len(quads) < target:
        d = n(f"{DOC}{docs:016x}")
        g = d
        add = lambda s, p, o: quads.append(ox.Quad(s, n(p) if isinstance(p, str) else p, o, g))
        add(d, a, n(ONE + "Document"))
        add(d, ONE + "textLength", lit(rng.randint(300, 5000), "integer"))
        add(d, ONE + "path", lit(f"/corpus/{docs:06d}.txt"))
        add(d, ONE + "title", lit(f"标题{docs}"))
        add(d, ONE + "source", lit(rng.choice(["新华网", "文汇报", "解放日报", "人民网"])))
        add(d, ONE + "published", lit(f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "date"))
        offset, stated = 0, 0

        def state(s, p, o):
            nonlocal offset, stated
            add(s, p, o)
            sentence = n(f"{d.value}#s-{offset}")
            if stated % 5 == 0:  # a sentence states five statements on average, and is written once
                add(sentence, a, n(ONE + "Sentence"))
                add(sentence, PROV + "wasDerivedFrom", d)
                add(sentence, ONE + "text", lit(f"第{offset}句:一句关于{s.value.rsplit('/', 1)[1]}的新闻报道文字。"))
                add(sentence, ONE + "charStart", lit(offset, "integer"))
                add(sentence, ONE + "charEnd", lit(offset + 40, "integer"))
            ev = n(f"{d.value}#ev-{len(quads):012x}")
            add(ev, a, n(ONE + "Evidence"))
            add(ev, RDF + "subject", s)
            add(ev, RDF + "predicate", n(p) if isinstance(p, str) else p)
            add(ev, RDF + "object", o)
            add(ev, ONE + "inSentence", sentence)
            add(ev, ONE + "extractedBy", lit(rng.choice(["gazetteer", "ner", "pattern"])))
            stated += 1
            if stated % 5 == 0:
                offset += 41

        def mention(iri, cls, label):
            add(iri, ONE + "mentionedIn", d)
            add(iri, ONE + "mentionLabel", lit(label, lang="zh"))
            mentioned.setdefault(iri, set()).add(label)
            state(iri, a, n(ONE + cls))

        ents = {kind: [pick(kind) for _ in range(k)] for kind, k in
                (("person", 3), ("org", 2), ("product", 2), ("event", 1), ("initiative", 1), ("tech", 2))}
        doc_places = [rng.choice(places) for _ in range(2)]
        for kind_ents in ents.values():
            for iri, cls, label in kind_ents:
                mention(iri, cls, label)
        for p in doc_places:
            mention(n(f"{ID}place/{p}"), "District" if "/" in p else "City", p.rsplit("/", 1)[-1])
        (p1, _, l1), (p2, _, _), _ = ents["person"]
        title, where = rng.choice(titles), n(f"{ID}place/{doc_places[0]}")
        post = n(f"{ID}post/{l1}-{title}")
        add(post, a, n(ONE + "Post"))
        add(post, ONE + "postTitle", lit(title))
        add(post, ONE + "postIn", where)
        state(p1, ONE + "holdsPost", post)
        state(p1, a, n(ONE + "Official"))
        org, product, event, init = ents["org"][0][0], ents["product"][0][0], ents["event"][0][0], ents["initiative"][0][0]
        m = n(f"{ID}membership/{docs}")
        add(m, a, n(ONE + "Membership"))
        add(m, ONE + "member", p2)
        add(m, ONE + "organization", org)
        add(m, ONE + "roleTitle", lit("董事长"))
        state(p2, ONE + "participatedIn", event)
        state(p1, ONE + "promotes", product)
        state(product, ONE + "madeBy", org)
        state(org, ONE + "locatedIn", where)
        state(init, ONE + "issuedBy", ents["org"][1][0])
        state(event, ONE + "date", lit(f"2020-05-{rng.randint(1, 28):02d}", "date"))
        state(d, ONE + "author", ents["person"][2][0])
        docs += 1
    labels, reference = n(GRAPH + "labels"), n(GRAPH + "reference")
    for iri, names in mentioned.items():
        full = max(names, key=len)
        quads.append(ox.Quad(iri, n(RDFS + "label"), lit(full, lang="zh"), labels))
        if "/place/" in iri.value:
            key = iri.value.split("/place/", 1)[1]
            quads.append(ox.Quad(iri, a, n(ONE + ("District" if "/" in key else "City")), reference))
            quads.append(ox.Quad(iri, n(SKOS + "prefLabel"), lit(full, lang="zh"), reference))
            if "/" in key:
                quads.append(ox.Quad(iri, n(ONE + "locatedIn"), n(f"{ID}place/{key.split('/')[0]}"), reference))
        else:
            quads.append(ox.Quad(iri, n(SKOS + "prefLabel"), lit(full, lang="zh"), labels))
    onto = n(GRAPH + "ontology")
    quads += [ox.Quad(t.subject, t.predicate, t.object, onto)
              for t in ox.parse(path=str(ROOT / "ontology" / "onekg.ttl"), format=ox.RdfFormat.TURTLE)]
    ox.serialize(quads, str(trig), ox.RdfFormat.TRIG, prefixes={"one": ONE, "doc": DOC, "rdf": RDF, "xsd": XSD})
    return {"quads": len(quads), "documents": docs, "entities": len(mentioned)}


# -- the two engines, each in its own process --------------------------------------------------------

class Overrun(Exception):
    pass


def _alarm(signum, frame):
    raise Overrun


def timed(fn, cap: float | None = None):
    """Seconds `fn` takes, or None if it ran over `cap` (pure-Python code is interrupted by SIGALRM)."""
    if cap:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        fn()
        return time.perf_counter() - started
    except Overrun:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_rdflib(trig: Path, out: Path, cap: float) -> dict:
    from rdflib import Dataset

    from kg.export.rdf import merged_graph

    base = peak_mb()
    ds = Dataset(default_union=True)
    result = {"load": timed(lambda: ds.parse(trig, format="trig"))}
    result["memory_mb"] = peak_mb() - base
    result["queries"] = {name: timed(lambda: list(ds.query(text)), cap) for name, text in saved_queries().items()}
    merged = merged_graph(ds)
    result["export_ttl"] = timed(lambda: merged.serialize(destination=str(out / "kg.ttl"), format="turtle"), cap)
    result["export_trig"] = timed(lambda: ds.serialize(destination=str(out / "kg.trig"), format="trig"), cap)
    result["triples"] = len(merged)
    return result


def engine_store(trig: Path, out: Path, store_dir: Path) -> dict:
    from rdflib import Graph

    from kg.store import GraphStore

    base = peak_mb()
    result = {}
    with GraphStore(store_dir, write=True) as store:
        def load():
            # through rdflib's API: oxrdflib's parser hands the file to Oxigraph's bulk loader
            store.dataset.parse(str(trig), format="ox-trig", transactional=False)
            # the merged default graph (see kg/store/store.py), bulk-written too (a SPARQL
            # INSERT … WHERE would hold the million quads in one transaction)
            ontology = ox.NamedNode(GRAPH + "ontology")
            store.ox.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                                 for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if q.graph_name != ontology)
        result["load"] = timed(load)
        result["memory_mb"] = peak_mb() - base
        result["queries"] = {name: timed(lambda: list(store.graph().query(text))) for name, text in saved_queries().items()}
        result["export_ttl"] = timed(lambda: store.dump(out / "kg.ttl", ox.RdfFormat.TURTLE))
        result["export_trig"] = timed(lambda: store.dump(out / "kg.trig", ox.RdfFormat.TRIG))
        result["triples"] = len(store)
        docs = [name for name in store.graph_names() if name.startswith(DOC)]
        graphs = []
        for name in docs:
            g = Graph(identifier=name)
            g += store.triples(name)
            graphs.append(g)
    # the next command (`kg query --store`) opens the store rather than parsing a file again
    result["open"] = timed(lambda: GraphStore(store_dir).close())
    # what `kg ingest` does per document: one transaction each, merged graph kept in step
    with GraphStore(store_dir.with_name("ingest"), write=True) as fresh:
        result["ingest"] = timed(lambda: [fresh.replace(put=[g]) for g in graphs])
        result["ingest_docs"] = len(graphs)
    result["disk_mb"] = sum(f.stat().st_size for f in store_dir.iterdir()) / 2**20
    return result


def run_engine(name: str, trig: Path, work: Path, cap: float) -> dict:
    """One engine in a process of its own; its result as JSON on the last line of stdout."""
    out = work / name
    out.mkdir()
    done = subprocess.run([sys.executable, __file__, "--engine", name, str(trig), str(out), str(cap)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the endpoint ------------------------------------------------------------------------------------

def endpoint_latency(store_dir: Path, repeat: int) -> dict:
    kg = Path(sys.executable).with_name("kg")
    proc = subprocess.Popen([str(kg), "serve", "--store", str(store_dir), "--port", "0", "--timeout", "600"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = re.search(r"http://\S+/sparql", proc.stdout.readline()).group(0)
        latency = {}
        for name, text in saved_queries().items():
            body = urlencode({"query": text}).encode()
            times = []
            for _ in range(repeat + 1):  # the first run warms the caches and is not counted
                started = time.perf_counter()
                with urlopen(Request(url, data=body, headers={"Accept": "application/sparql-results+json"})) as r:
                    rows = len(json.loads(r.read())["results"]["bindings"])
                times.append(time.perf_counter() - started)
            latency[name] = {"median": statistics.median(times[1:]), "rows": rows}
        return latency
    finally:
        proc.terminate()
        proc.wait()


# -- report ------------------------------------------------------------------------------------------

def fmt(seconds, cap=None) -> str:
    if seconds is None:
        return f"> {cap:g} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def ratio(slow, fast) -> str:
    if slow is None:
        return "—"
    return f"{slow / fast:.0f}×" if slow / fast >= 10 else f"{slow / fast:.1f}×"


def report(size: int, info: dict, mem: dict, store: dict, latency: dict, cap: float) -> str:
    lines = [f"### {store['triples']:,} triples ({info['documents']:,} documents, {info['entities']:,} entities, "
             f"{info['quads']:,} quads with the named graphs; target {size:,})", "",
             "| | rdflib memory store | Oxigraph store (oxrdflib) | ratio |", "|---|---:|---:|---:|"]
    lines.append(f"| ready to query in the next process (rdflib parses again, the store opens) | "
                 f"{fmt(mem['load'])} | {fmt(store['open'])} | {ratio(mem['load'], store['open'])} |")
    for key, label in (("load", "load TriG"), ("export_ttl", "export Turtle (merged graph)"),
                       ("export_trig", "export TriG (named graphs)")):
        lines.append(f"| {label} | {fmt(mem[key], cap)} | {fmt(store[key])} | {ratio(mem[key], store[key])} |")
    lines.append(f"| memory (peak RSS over the imports) | {mem['memory_mb']:.0f} MB | {store['memory_mb']:.0f} MB "
                 f"(+ {store['disk_mb']:.0f} MB on disk) | {ratio(mem['memory_mb'], store['memory_mb'])} |")
    total_m = sum(v for v in mem["queries"].values() if v is not None)
    total_s = sum(store["queries"].values())
    for name in saved_queries():
        m, s = mem["queries"][name], store["queries"][name]
        lines.append(f"| query `{name}` | {fmt(m, cap)} | {fmt(s)} | {ratio(m, s)} |")
    capped = None in mem["queries"].values()  # then the rdflib total and the ratio are lower bounds
    lines.append(f"| all queries | {'> ' * capped}{fmt(total_m)} | {fmt(total_s)} | "
                 f"{'> ' * capped}{ratio(total_m, total_s)} |")
    lines.append(f"| `kg ingest` writes: {store['ingest_docs']:,} documents, one transaction each | — | "
                 f"{fmt(store['ingest'])} ({store['ingest_docs'] / store['ingest']:.0f} docs/s) | |")
    lines += ["", "Endpoint (`kg serve`, HTTP on loopback, JSON results), median of the repeated runs:", "",
              "| saved query | rows | median latency |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {v['rows']:,} | {fmt(v['median'])} |" for name, v in latency.items()]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="triples (default: 100k 1M)")
    ap.add_argument("--repeat", type=int, default=15, help="endpoint runs per query (default: 15)")
    ap.add_argument("--cap", type=float, default=120, help="seconds an rdflib step may take (default: 120)")
    ap.add_argument("--engine", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine:
        name, trig, out, cap = args.engine
        result = (engine_rdflib(Path(trig), Path(out), float(cap)) if name == "rdflib"
                  else engine_store(Path(trig), Path(out), Path(out) / "store"))
        print(json.dumps(result))
        return
    print(f"Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}, {os.cpu_count()} cores\n")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
            work = Path(tmp)
            trig = work / "data.trig"
            info = synthesize(size, trig)
            mem = run_engine("rdflib", trig, work, args.cap)
            store = run_engine("store", trig, work, args.cap)
            latency = endpoint_latency(work / "store" / "store", args.repeat)
            print(report(size, info, mem, store, latency, args.cap), flush=True)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
