"""`kg push` into a real Oxigraph server (the `oxigraph` command from PyPI) on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import QUERIES

pytestmark = pytest.mark.slow


def _oxigraph_command() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.fail("The `oxigraph` command is missing: install kg's dev extras (pip install -e '.[dev]')")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A running `oxigraph serve` on a free loopback port; its base URL. Stopped after the module."""
    location = tmp_path_factory.mktemp("oxigraph-db")
    for _ in range(3):  # the port could be taken between finding it and binding it
        port = _free_port()
        proc = subprocess.Popen(
            [
                _oxigraph_command(),
                "serve",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                remote_query(base, "ASK {}")
                break
            except OSError:
                time.sleep(0.2)
        if proc.poll() is None:
            break
    else:
        pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode()}")
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


@pytest.fixture
def empty_oxigraph(oxigraph):
    request = urllib.request.Request(
        oxigraph + "/update", data=b"DROP ALL", method="POST", headers={"Content-Type": "application/sparql-update"}
    )
    urllib.request.urlopen(request, timeout=30).close()
    return oxigraph


def remote_query(base: str, text: str) -> dict:
    from kg.rdf.vocab import sparql_prologue

    request = urllib.request.Request(
        base + "/query",
        data=urllib.parse.urlencode({"query": sparql_prologue() + text}).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _key(term) -> tuple | None:
    """A result term as (kind, value, datatype or language), from pyoxigraph or SPARQL JSON."""
    if term is None:
        return None
    if isinstance(term, dict):
        kind = {"uri": "uri", "literal": "literal", "typed-literal": "literal", "bnode": "bnode"}[term["type"]]
        extra = (
            term.get("xml:lang")
            or term.get("datatype")
            or ("" if kind != "literal" else "http://www.w3.org/2001/XMLSchema#string")
        )
        return (kind, term["value"] if kind != "bnode" else "", extra)
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, "")
    if isinstance(term, ox.BlankNode):
        return ("bnode", "", "")
    return ("literal", term.value, term.language or term.datatype.value)


def local_answers(store, text: str) -> Counter:
    from kg.store.query import query

    result = query(store, text)
    return Counter(tuple(_key(t) for t in row) for row in result.rows)


def remote_answers(base: str, text: str) -> Counter:
    answer = remote_query(base, text)
    names = answer["head"]["vars"]
    return Counter(tuple(_key(b.get(v)) for v in names) for b in answer["results"]["bindings"])


def kg_push(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "push", *args], capture_output=True, text=True, timeout=300)


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("endpoint, protocol", [("/store", "Graph Store Protocol"), ("/update", "SPARQL Update")])
def test_push_oxigraph_answers_the_cookbook_like_the_local_store(example_store, empty_oxigraph, endpoint, protocol):
    done = kg_push(str(example_store), empty_oxigraph + endpoint)
    assert done.returncode == 0, done.stderr
    assert "pushed 2 graphs" in done.stdout and protocol in done.stdout  # the article and the merges
    assert remote_answers(empty_oxigraph, COUNT) == local_answers(example_store, COUNT)
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        local = local_answers(example_store, text)
        assert local and remote_answers(empty_oxigraph, text) == local, path.name


def test_push_oxigraph_keeps_one_named_graph_per_article(example_store, empty_oxigraph):
    from kg.serve.push import push

    push(example_store, empty_oxigraph + "/store")
    graphs = remote_query(empty_oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a kg:Article } }")
    names = {b["g"]["value"] for b in graphs["results"]["bindings"]}
    assert names == {"https://w3id.org/kg-news/article/us-airstrikes-iraq-syria-2021-06-28"}


@pytest.mark.parametrize("endpoint", ["/store", "/update"])
def test_push_oxigraph_twice_adds_nothing(example_store, empty_oxigraph, endpoint):
    from kg.serve.push import push

    first = push(example_store, empty_oxigraph + endpoint)
    before = remote_answers(empty_oxigraph, COUNT)
    second = push(example_store, empty_oxigraph + endpoint)
    assert remote_answers(empty_oxigraph, COUNT) == before
    assert first.triples == second.triples > 1000


def test_push_oxigraph_replaces_a_changed_article(example_store, empty_oxigraph, tmp_path):
    from kg.serve.push import push
    from kg.store.persistent import PersistentStore

    push(example_store, empty_oxigraph + "/store")
    changed = tmp_path / "changed"
    shutil.copytree(example_store, changed)
    with PersistentStore.open(changed, write=True) as store:
        iri = next(iter(store.articles()))
        graph = store.graph(iri)
        graph.remove((None, None, None))  # the article now says almost nothing
        from rdflib import Literal, URIRef

        from kg.rdf.vocab import KG

        graph.add((URIRef(iri), KG.contentHash, Literal("sha256:new")))
        store.put(graph)
        store.consolidate()  # no event left: no incident
    push(changed, empty_oxigraph + "/store")
    assert (
        remote_answers(empty_oxigraph, COUNT)
        == local_answers(changed, COUNT)
        == Counter({(("literal", "1", "http://www.w3.org/2001/XMLSchema#integer"),): 1})
    )
