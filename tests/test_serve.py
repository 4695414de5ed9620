"""`kg serve` over real HTTP on loopback, with real clients: SPARQLWrapper, rdflib's SPARQLStore, curl.
The server is the real command in its own process, serving the seed's store."""
import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from rdflib import Dataset, Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg import queries
from kg.cli import main
from kg.store import GraphStore

KG = Path(sys.executable).with_name("kg")
LABELS = "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
CONSTRUCT = "CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
# Every triple against every triple against every triple: minutes on the seed, so it meets any time limit.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def start(store: Path, log: Path, *options):
    """`kg serve` on a free port; (process, endpoint URL) once it listens."""
    proc = subprocess.Popen([str(KG), "serve", "--store", str(store), "--port", "0", *options],
                            stdout=subprocess.PIPE, stderr=log.open("w"), text=True)
    line = proc.stdout.readline()
    found = re.search(r"http://\S+/sparql", line)
    assert found, f"kg serve did not start: {line!r} {log.read_text()}"
    return proc, found.group(0)


def stop(proc):
    proc.terminate()  # SIGTERM: stops like Ctrl-C, workers included
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def endpoint(store, tmp_path_factory):
    proc, url = start(store, tmp_path_factory.mktemp("serve") / "log")
    yield url
    stop(proc)
    assert proc.returncode in (0, 130)


@pytest.fixture(scope="module")
def limited(store, tmp_path_factory):
    """A server with one worker, a one-second time limit and ten results per answer."""
    proc, url = start(store, tmp_path_factory.mktemp("serve-limited") / "log",
                      "--timeout", "1", "--max-rows", "10", "--workers", "1")
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def expected(store):
    """Each saved query's answers on the embedded store, as multisets of rows."""
    with GraphStore(store) as s:
        return {name: Counter(tuple(r.values()) for r in queries.rows(s.graph(), name)) for name in queries.saved()}


def http(url, query=None, accept=None, data=None, ctype=None, **params):
    """(status, headers, body) of a GET (or a POST when `data` is given)."""
    if query is not None:
        params["query"] = query
    target = f"{url}?{urlencode(params)}" if params else url
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", ctype)) if v}
    try:
        with urlopen(Request(target, data=data, headers=headers), timeout=120) as resp:
            return resp.status, resp.headers, resp.read()
    except HTTPError as err:
        return err.code, err.headers, err.read()


def curl(url, *args) -> tuple[str, bytes]:
    """(Content-Type, body) of curl against the endpoint."""
    done = subprocess.run(["curl", "-sS", "-o", "-", "-w", "\n%{content_type}", *args, url], capture_output=True, check=True)
    body, _, ctype = done.stdout.rpartition(b"\n")
    return ctype.decode(), body


def test_binds_to_loopback_by_default(endpoint):
    assert endpoint.startswith("http://127.0.0.1:")


def test_every_saved_query_through_sparqlwrapper(endpoint, expected):
    for name, path in queries.saved().items():
        client = SPARQLWrapper(endpoint)
        client.setQuery(path.read_text(encoding="utf-8"))
        client.setReturnFormat(JSON)
        data = client.query().convert()
        names = data["head"]["vars"]
        rows = Counter(tuple(b.get(n, {}).get("value", "") for n in names) for b in data["results"]["bindings"])
        assert rows == expected[name], name


def test_sparqlwrapper_xml_csv_and_post(endpoint, expected):
    text = queries.saved()["entities"].read_text(encoding="utf-8")
    n = sum(expected["entities"].values())
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setMethod("POST")
    client.setReturnFormat(XML)
    assert len(client.query().convert().getElementsByTagName("result")) == n
    client.setReturnFormat(CSV)
    assert len(list(csv.reader(io.StringIO(client.query().convert().decode())))) == n + 1


def test_rdflib_sparqlstore(endpoint, expected):
    remote = Dataset(store=SPARQLStore(endpoint), default_union=True)
    for name in ("officials", "entities", "evidence"):
        assert Counter(tuple(r.values()) for r in queries.rows(remote, name)) == expected[name], name
    graph = remote.query(CONSTRUCT).graph
    assert len(graph) > 20 and any(str(o) == "吴清" for o in graph.objects())


def test_curl_negotiates_select_formats(endpoint, expected):
    text = queries.saved()["officials"].read_text(encoding="utf-8")
    n = sum(expected["officials"].values())
    query = ["--data-urlencode", f"query={text}"]
    ctype, body = curl(endpoint, "-H", "Accept: application/sparql-results+json", *query)
    assert ctype == "application/sparql-results+json" and len(json.loads(body)["results"]["bindings"]) == n
    ctype, body = curl(endpoint, "-H", "Accept: application/sparql-results+xml", *query)
    assert ctype == "application/sparql-results+xml"
    assert len(ET.fromstring(body).findall(".//{http://www.w3.org/2005/sparql-results#}result")) == n
    ctype, body = curl(endpoint, "-H", "Accept: text/csv", *query)
    assert ctype.startswith("text/csv") and body.decode().splitlines()[0] == "person,post,jurisdiction"
    ctype, body = curl(endpoint, "-H", "Accept: text/tab-separated-values", *query)
    lines = body.decode().splitlines()
    assert ctype.startswith("text/tab-separated-values") and lines[0] == "?person\t?post\t?jurisdiction"
    assert len(lines) == n + 1 and '"吴清"' in body.decode()
    ctype, body = curl(endpoint, "-G", "-H", "Accept: application/sparql-results+json;q=0.5, text/csv", *query)
    assert ctype.startswith("text/csv")
    ctype, body = curl(endpoint, "-G", "--data-urlencode", "format=tsv", *query)  # for browsers
    assert ctype.startswith("text/tab-separated-values")
    ctype, body = curl(endpoint, "-H", "Accept: application/sparql-results+json", "--data-urlencode", "query=ASK { ?s ?p ?o }")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_curl_negotiates_graph_formats(endpoint, store):
    with GraphStore(store) as s:
        n = len(s.graph().query(CONSTRUCT).graph)
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                        ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")):
        ctype, body = curl(endpoint, "-H", f"Accept: {accept}", "--data-urlencode", f"query={CONSTRUCT}")
        assert ctype.split(";")[0] == accept
        assert len(Graph().parse(data=body, format=fmt)) == n, accept
    entity = "<https://w3id.org/onekg/id/person/吴清>"
    ctype, body = curl(endpoint, "-H", "Accept: text/turtle", "--data-urlencode", f"query=DESCRIBE {entity}")
    assert ctype.startswith("text/turtle") and len(Graph().parse(data=body, format="turtle")) > 3


def test_unacceptable_format_and_bad_requests(endpoint):
    assert http(endpoint, LABELS, accept="image/png")[0] == 406
    assert http(endpoint, "SELECT * WHERE { ?s ?p }")[0] == 400
    assert http(endpoint, LABELS, **{"default-graph-uri": "not an iri"})[0] == 400
    assert http(endpoint, data=b"<x/>", ctype="application/xml")[0] == 415
    status, _, body = http(endpoint.replace("/sparql", "/nowhere"))
    assert status == 404


def test_updates_loads_and_service_calls_are_refused(endpoint):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = http(endpoint, data=update.encode(), ctype="application/sparql-update")
    assert status == 403 and b"read-only" in body
    assert http(endpoint, data=urlencode({"update": update}).encode(), ctype="application/x-www-form-urlencoded")[0] == 403
    for text in (update, "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/data.ttl>",
                 "# a comment\nCLEAR ALL"):
        status, _, body = http(endpoint, text)
        assert status == 403 and b"read-only" in body, text
    # A SERVICE call to a server that would see a connection if one were made.
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for text in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                     f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}"):
            status, _, body = http(endpoint, text)
            assert status == 403 and b"SERVICE" in body
        with pytest.raises(BlockingIOError):
            listener.accept()
    # the words in strings, IRIs and names are not statements
    assert http(endpoint, 'SELECT ?s WHERE { ?s ?p "SERVICE" . ?s ?p2 <urn:LOAD> } LIMIT 1')[0] == 200
    # the endpoint still answers and the store is untouched
    status, _, body = http(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }", accept="application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is False


def test_time_limit_answers_503_and_the_server_carries_on(limited):
    status, headers, body = http(limited, ENDLESS)
    assert status == 503 and b"time limit" in body and headers["Retry-After"]
    for _ in range(100):  # the replacement worker takes a moment to start
        status, _, _ = http(limited, "ASK { ?s ?p ?o }")
        if status == 200:
            break
        time.sleep(0.2)
    assert status == 200


def test_row_limit_truncates_and_says_so(limited):
    status, headers, body = http(limited, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 10
    assert "10" in headers["X-Result-Truncated"]
    status, headers, body = http(limited, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert status == 200 and len(body.splitlines()) == 10 and headers["X-Result-Truncated"]
    status, headers, body = http(limited, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", accept="text/csv")
    assert status == 200 and "X-Result-Truncated" not in headers


def test_query_form_and_explorer(endpoint):
    status, headers, body = http(endpoint.replace("/sparql", "/"))
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for name in queries.saved():
        assert f'"{name}"' in page
    assert "</script>" not in page.split('id="examples">', 1)[1].split("</script>", 1)[0]
    status, headers, body = http(endpoint.replace("/sparql", "/explorer.html"))
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<html" in body


def test_ingest_is_refused_while_serving(endpoint, store, capsys):
    assert main(["ingest", str(Path(__file__).parent.parent / "seeds"), "--store", str(store)]) == 2
    assert "in use" in capsys.readouterr().err
