"""`kg push` to a real triple store: the `oxigraph` server (a test extra from the package index) on a
free loopback port with a temporary location. The seed store is pushed, every saved query runs there
through `kg query --endpoint`, and the answers must equal the embedded store's."""
import json
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from kg import queries
from kg.cli import main
from kg.store import GraphStore
from kg.vocab import ONTOLOGY_GRAPH

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    found = str(found) if found.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server is a test extra: .venv/bin/pip install -e '.[test]' (make test does)"
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`oxigraph serve` (no union default graph: the pushed default graph is the merge); its base URL."""
    location = tmp_path_factory.mktemp("oxigraph")
    base = f"http://127.0.0.1:{free_port()}"
    log = (location.parent / "oxigraph.log").open("w")
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location), "--bind", base[7:]],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # until it answers; it starts in well under a second
            assert proc.poll() is None, f"oxigraph serve exited: {(location.parent / 'oxigraph.log').read_text()}"
            try:
                urlopen(base + "/", timeout=5).close()
                break
            except URLError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()


@pytest.fixture(scope="module")
def pushed(server, store):
    assert main(["push", "--endpoint", server + "/store", "--store", str(store)]) == 0
    return server


def remote(base: str, text: str) -> dict:
    req = Request(base + "/query", data=urlencode({"query": text}).encode(),
                  headers={"Accept": "application/sparql-results+json"})
    with urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def per_graph(base: str) -> dict:
    return {b["g"]["value"]: int(b["n"]["value"]) for b in remote(base, PER_GRAPH)["results"]["bindings"]}


def answers(capsys, *args) -> Counter:
    """A saved query's answers through `kg query … --format json`, as a multiset of rows."""
    assert main(["query", *args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = data["head"]["vars"]
    return Counter(tuple(b.get(n, {}).get("value") for n in names) for b in data["results"]["bindings"])


def test_every_saved_query_answers_the_same_on_the_server(pushed, store, capsys):
    for name in queries.saved():
        here = answers(capsys, name, "--store", str(store))
        there = answers(capsys, name, "--endpoint", pushed + "/query")
        assert there == here and sum(here.values()) > 0, name


def test_named_graphs_are_preserved(pushed, store):
    with GraphStore(store) as s:
        local = {str(name): len(list(s.triples(name))) for name in s.graph_names()}
        merged = len(s)
    assert per_graph(pushed) == local
    assert any("/doc/" in name for name in local)
    count = remote(pushed, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["results"]["bindings"][0]["n"]["value"]
    assert int(count) == merged, "the server's default graph is the merged graph"


def test_pushing_again_replaces_rather_than_duplicates(pushed, store):
    before = per_graph(pushed)
    assert main(["push", "--endpoint", pushed + "/store", "--store", str(store)]) == 0
    assert per_graph(pushed) == before


def test_push_into_one_named_graph(pushed, store):
    target = "urn:example:onekg"
    assert main(["push", "--endpoint", pushed + "/store", "--store", str(store), "--graph", target]) == 0
    with GraphStore(store) as s:
        expected = len(set(s.triples()) | set(s.triples(ONTOLOGY_GRAPH)))
    assert per_graph(pushed)[target] == expected


def test_unreachable_server_is_one_line(store, capsys):
    assert main(["push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--store", str(store)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main(["query", "officials", "--endpoint", f"http://127.0.0.1:{free_port()}/query"]) == 1
