"""`kg push`: choosing the protocol, and clear errors for what can't be pushed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import Server, http

from kg.serve.push import AUTO, GSP, UPDATE, guess_protocol


@pytest.mark.parametrize(
    "url, protocol",
    [
        ("http://localhost:3030/news/data", GSP),
        ("http://localhost:7878/store", GSP),
        ("http://localhost:7200/repositories/news/rdf-graphs/service", GSP),
        ("http://localhost:3030/news/update", UPDATE),
        ("http://localhost:7878/update/", UPDATE),
        ("http://localhost:7200/repositories/news/statements", UPDATE),
        ("http://localhost:3030/news", AUTO),
        ("http://127.0.0.1:7878/sparql", AUTO),
    ],
)
def test_push_protocols_guessed_from_the_url(url, protocol):
    assert guess_protocol(url) == protocol


def _store(tmp_path):
    from rdflib import RDF, Graph, Literal, URIRef

    from kg.rdf.vocab import KG
    from kg.store.persistent import PersistentStore

    iri = URIRef("https://w3id.org/kg-news/article/a")
    g = Graph(identifier=iri)
    g.add((iri, RDF.type, KG.Article))
    g.add((iri, KG.contentHash, Literal("sha256:1")))
    g.add(
        (URIRef("https://w3id.org/kg-news/entity/Iran"), KG.supports, URIRef("https://w3id.org/kg-news/entity/Houthis"))
    )
    with PersistentStore.open(tmp_path / "s", write=True, create=True) as store:
        store.put(g)
    return tmp_path / "s"


def test_push_protocols_auto_falls_back_to_update(tmp_path):
    """kg's own endpoint speaks Update but not the Graph Store Protocol."""
    import shutil

    source = _store(tmp_path)
    target = tmp_path / "target"
    shutil.copytree(source, target)
    srv = Server(str(target), "--allow-update")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kg", "push", str(source), srv.url, "-v"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "with the SPARQL Update" in done.stdout and "article/a" in done.stdout
        count = http(srv.url, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept="text/csv")[2]
        assert int(count.decode().split()[1]) == 3  # replaced, not duplicated
    finally:
        assert srv.stop() == 0


def test_push_protocols_unreachable_store_is_a_clear_error(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = subprocess.run(
        [sys.executable, "-m", "kg", "push", str(_store(tmp_path)), f"http://127.0.0.1:{port}/store", "--timeout", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Can't reach" in done.stderr and "Traceback" not in done.stderr


def test_push_protocols_turtle_needs_a_graph_name(tmp_path):
    from kg.serve.push import PushError, named_graphs
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(_store(tmp_path)) as store:
        path = store.export(tmp_path / "graph.ttl")
    with pytest.raises(PushError, match="--graph IRI"):
        list(named_graphs(path))
    [(name, data, count)] = list(named_graphs(path, graph="https://example.org/today"))
    assert name == "https://example.org/today" and count == 3 and data.count(b"\n") == 3


def test_push_protocols_rejects_a_url_that_is_not_http(tmp_path):
    from kg.serve.push import PushError, push

    with pytest.raises(PushError, match="not an http"):
        push(_store(tmp_path), "ftp://example.org/store")
