"""`kg serve`: a SPARQL 1.1 Protocol endpoint queried by real clients over loopback."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, Server, http

pytestmark = pytest.mark.slow
BACKERS = (EXAMPLES / "queries" / "07-backers.rq").read_text(encoding="utf-8")
ATTACKED = "SELECT ?who ?whom WHERE { ?who kg:attacked ?whom }"
CONSTRUCT = "CONSTRUCT { ?g kg:backedBy ?s } WHERE { ?g kg:backedBy ?s }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(example_store):
    srv = Server(str(example_store), "--timeout", "2")
    yield srv
    assert srv.stop() == 0, srv.stderr


# -- real clients -------------------------------------------------------------------------------
def test_serve_sparqlwrapper_gets_json_results(server):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(server.url)
    client.setQuery(BACKERS)
    client.setReturnFormat(JSON)
    rows = {(b["group"]["value"], b["backer"]["value"]) for b in client.query().convert()["results"]["bindings"]}
    assert ("Kataib Hezbollah", "Iran") in rows


@pytest.mark.parametrize("fmt", ["XML", "CSV", "TSV"])
def test_serve_sparqlwrapper_gets_each_results_format(server, fmt):
    import SPARQLWrapper as sw

    client = sw.SPARQLWrapper(server.url)
    client.setQuery(BACKERS)
    client.setReturnFormat(getattr(sw, fmt))
    answer = client.query().convert()
    text = answer.toxml() if fmt == "XML" else answer.decode("utf-8")
    assert "Kataib Hezbollah" in text and "Iran" in text


def test_serve_sparqlwrapper_construct_as_turtle(server):
    import SPARQLWrapper as sw

    client = sw.SPARQLWrapper(server.url)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(sw.TURTLE)
    triples = [q.triple for q in ox.parse(client.query().convert(), format=ox.RdfFormat.TURTLE)]
    assert (
        ox.Triple(
            ox.NamedNode("https://w3id.org/kg-news/entity/Kataib_Hezbollah"),
            ox.NamedNode("https://w3id.org/kg-news/ontology#backedBy"),
            ox.NamedNode("https://w3id.org/kg-news/entity/Iran"),
        )
        in triples
    )


@pytest.mark.parametrize("results", ["xml", "json"])
def test_serve_rdflib_sparqlstore_queries_and_reads_triples(server, results):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(query_endpoint=server.url, returnFormat=results))
    rows = {(str(r.group), str(r.backer)) for r in g.query(BACKERS)}
    assert ("Kataib Hezbollah", "Iran") in rows
    iran = URIRef("https://w3id.org/kg-news/entity/Iran")
    assert (None, URIRef("https://w3id.org/kg-news/ontology#backedBy"), iran) in g
    count = http(server.url, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept="text/csv")[2]
    assert len(g) == int(count.decode().split()[1]) > 1000


# -- plain HTTP, each format -----------------------------------------------------------------------
def _rows(media: str, body: bytes) -> set[tuple[str, str]]:
    text = body.decode("utf-8")
    if media == "application/sparql-results+json":
        return {(b["who"]["value"], b["whom"]["value"]) for b in json.loads(text)["results"]["bindings"]}
    if media == "application/sparql-results+xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        return {
            tuple(r.find(f"r:binding[@name='{v}']/r:uri", ns).text for v in ("who", "whom"))
            for r in ET.fromstring(text).iterfind(".//r:result", ns)
        }
    if media == "text/csv":
        return {(r["who"], r["whom"]) for r in csv.DictReader(io.StringIO(text))}
    lines = [line.split("\t") for line in text.splitlines()[1:] if line]  # TSV: terms in N-Triples syntax
    return {(a.strip("<>"), b.strip("<>")) for a, b in lines}


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    "media",
    ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"],
)
def test_serve_http_select_in_each_format(server, media, method):
    status, ctype, body = http(server.url, query=ATTACKED, accept=media, method=method)
    assert status == 200 and ctype.startswith(media)
    assert (
        "https://w3id.org/kg-news/entity/United_States",
        "https://w3id.org/kg-news/entity/Kataib_Hezbollah",
    ) in _rows(media, body)


def test_serve_http_query_as_request_body(server):
    status, _, body = http(
        server.url, method="POST", body=ATTACKED.encode(), content_type="application/sparql-query", accept="text/csv"
    )
    assert status == 200 and "Kataib_Hezbollah" in body.decode()


@pytest.mark.parametrize(
    "media, fmt",
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_serve_http_construct_in_each_format(server, media, fmt):
    status, ctype, body = http(server.url, query=CONSTRUCT, accept=media)
    assert status == 200 and ctype.startswith(media)
    triples = set(ox.parse(body, format=fmt))
    assert len(triples) >= 2 and all(t.predicate.value.endswith("#backedBy") for t in triples)


def test_serve_http_ask_and_negotiation_failure(server):
    status, _, body = http(
        server.url, query="ASK { ?s kg:backedBy kge:Iran }", accept="application/sparql-results+json"
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = http(server.url, query=ATTACKED, accept="text/turtle")
    assert status == 406 and b"text/csv" in body


def test_serve_bad_query_is_a_clear_400(server):
    status, ctype, body = http(server.url, query="SELECT ?x WHERE { ?x kg:attacked }")
    assert status == 400 and ctype.startswith("text/plain")
    assert b"[E004]" in body and b"not valid SPARQL at line 1, column" in body
    assert b"^" in body and len(body) < 400  # a caret under the place, not the grammar's character ranges


@pytest.mark.parametrize("how", ["form", "body"])
def test_serve_update_is_refused_without_allow_update(server, how):
    insert = "INSERT DATA { kge:Nobody kg:attacked kge:Iran }"
    if how == "form":
        status, _, body = http(server.url, update=insert, method="POST")
    else:
        status, _, body = http(
            server.url, method="POST", body=insert.encode(), content_type="application/sparql-update"
        )
    assert status == 403 and b"--allow-update" in body
    answer = http(server.url, query="ASK { kge:Nobody ?p ?o }", accept="application/json")[2]
    assert json.loads(answer)["boolean"] is False


def test_serve_query_past_the_time_limit_is_stopped_and_serving_goes_on(server):
    t0 = time.monotonic()
    status, _, body = http(server.url, query=SLOW)
    assert status == 503 and b"time limit of 2 s" in body
    assert time.monotonic() - t0 < 30
    for _ in range(3):  # every worker, replaced or not, still answers
        status, _, body = http(server.url, query=ATTACKED, accept="text/csv")
        assert status == 200 and b"Kataib_Hezbollah" in body


def test_serve_two_slow_queries_at_once_both_stop(server):
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(http(server.url, query=SLOW)[0])) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [503, 503]
    assert http(server.url, query="ASK {}")[0] == 200


def test_serve_page_of_the_graph_at_root(server):
    status, ctype, body = http(server.root)
    assert status == 200 and ctype.startswith("text/html")
    assert b"Kataib Hezbollah" in body


def test_serve_unknown_path_is_404(server):
    assert http(server.root + "nothing")[0] == 404


# -- updates, and a graph file ------------------------------------------------------------------------
def test_serve_allow_update_writes_to_the_store(example_store, tmp_path):
    import SPARQLWrapper as sw

    from kg.store.persistent import PersistentStore

    copy = tmp_path / "copy"
    shutil.copytree(example_store, copy)
    srv = Server(str(copy), "--allow-update")
    try:
        status, _, _ = http(
            srv.url, update="INSERT DATA { GRAPH <urn:x:notes> { kge:Nobody kg:attacked kge:Iran } }", method="POST"
        )
        assert status == 204
        client = sw.SPARQLWrapper(srv.url)
        client.setMethod(sw.POST)
        client.setQuery("INSERT DATA { GRAPH <urn:x:notes> { kge:Somebody kg:attacked kge:Iran } }")
        client.query()
        body = http(srv.url, query="SELECT ?who WHERE { ?who kg:attacked kge:Iran }", accept="text/csv")[2].decode()
        assert "Nobody" in body and "Somebody" in body
    finally:
        assert srv.stop() == 0, srv.stderr
    with PersistentStore.open(copy) as store:  # written to disk, and the lock released
        assert "urn:x:notes" in store.graph_names()


def test_serve_sees_articles_added_by_a_build_while_serving(example_store, tmp_path):
    from rdflib import RDF, Graph, Literal, URIRef

    from kg.rdf.vocab import KG
    from kg.store.persistent import PersistentStore

    copy = tmp_path / "copy"
    shutil.copytree(example_store, copy)
    srv = Server(str(copy))  # read-only: a build can write beside it
    ask = "ASK { kge:Houthis kg:backedBy kge:Iran }"
    try:
        assert json.loads(http(srv.url, query=ask, accept="application/json")[2])["boolean"] is False
        iri = URIRef("https://w3id.org/kg-news/article/later")
        g = Graph(identifier=iri)
        g.add((iri, RDF.type, KG.Article))
        g.add((iri, KG.contentHash, Literal("sha256:later")))
        g.add(
            (
                URIRef("https://w3id.org/kg-news/entity/Houthis"),
                KG.backedBy,
                URIRef("https://w3id.org/kg-news/entity/Iran"),
            )
        )
        with PersistentStore.open(copy, write=True) as store:
            store.put(g)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if json.loads(http(srv.url, query=ask, accept="application/json")[2])["boolean"]:
                break
            time.sleep(0.5)
        else:
            pytest.fail("the endpoint never saw the new article")
    finally:
        assert srv.stop() == 0, srv.stderr


def test_serve_a_graph_file(example_store, tmp_path):
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(example_store) as store:
        path = store.export(tmp_path / "graph.ttl")
        triples = len({(q.subject, q.predicate, q.object) for q in store.quads()})
    srv = Server(str(path))
    try:
        body = http(srv.url, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept="text/csv")[2]
        assert int(body.decode().split()[1]) == triples
    finally:
        assert srv.stop() == 0, srv.stderr


def test_serve_names_what_it_cannot_serve(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kg", "serve", str(tmp_path / "missing.ttl"), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "[E005]" in done.stderr and "Traceback" not in done.stderr


# -- scheduling under load (issue 11): deadline from arrival, bounded queue, the reserve -----------
@pytest.fixture(scope="module")
def small_graph(tmp_path_factory):
    """A generated graph of 300 triples: small to load, and SLOW over it runs far past any limit."""
    path = tmp_path_factory.mktemp("graph") / "small.nt"
    path.write_text(
        "".join(f"<urn:x:s{i % 50}> <urn:x:p{i % 7}> <urn:x:o{i}> .\n" for i in range(300)), encoding="utf-8"
    )
    return path


def _timed(url: str, query: str) -> tuple[int, str | None, float]:
    """(status, Retry-After header, seconds to the answer) of one GET."""
    import urllib.error
    import urllib.parse
    import urllib.request

    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=60) as response:
            response.read()
            status, retry = response.status, response.headers.get("Retry-After")
    except urllib.error.HTTPError as err:
        err.read()
        status, retry = err.code, err.headers.get("Retry-After")
    return status, retry, time.monotonic() - t0


def _in_background(url: str, queries: list[str], results: list) -> list[threading.Thread]:
    threads = [threading.Thread(target=lambda q=q: results.append(_timed(url, q))) for q in queries]
    for t in threads:
        t.start()
    return threads


def test_serve_time_limit_counts_from_arrival(small_graph):
    srv = Server(str(small_graph), "--timeout", "2")
    try:
        slow: list = []
        threads = _in_background(srv.url, [SLOW, SLOW], slow)  # both workers busy
        time.sleep(0.3)
        status, _, seconds = _timed(srv.url, SLOW)
        assert status == 503 and seconds < 3.5, seconds  # not its wait plus a whole time limit (4.6 s before)
        for t in threads:
            t.join(60)
        assert [s for s, _, _ in slow] == [503, 503]
    finally:
        assert srv.stop() == 0, srv.stderr


def test_serve_full_queue_is_refused_at_once_with_retry_after(small_graph):
    srv = Server(str(small_graph), "--timeout", "3", "--workers", "1", "--queue", "1")
    try:
        results: list = []
        for t in _in_background(srv.url, [SLOW] * 5, results):
            t.join(60)
        refused = [(retry, seconds) for status, retry, seconds in results if status == 503 and retry]
        assert len(refused) >= 2  # one running, one waiting, one maybe on the reserve: the others refused
        assert all(int(retry) >= 1 and seconds < 1.5 for retry, seconds in refused)
        assert http(srv.url, query="ASK {}")[0] == 200
    finally:
        assert srv.stop() == 0, srv.stderr


def test_serve_cheap_query_is_not_held_behind_slow_ones(small_graph):
    srv = Server(str(small_graph), "--timeout", "6")
    try:
        slow: list = []
        threads = _in_background(srv.url, [SLOW, SLOW], slow)  # both regular workers busy for 6 s
        time.sleep(0.5)
        status, _, seconds = _timed(srv.url, "ASK { ?s ?p ?o }")
        assert status == 200 and seconds < 3.0, (status, seconds)  # without the reserve: 5.5 s
        for t in threads:
            t.join(60)
        assert [s for s, _, _ in slow] == [503, 503]
    finally:
        assert srv.stop() == 0, srv.stderr
