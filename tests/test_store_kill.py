"""A build killed with SIGKILL leaves a readable store holding only complete articles."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest
from conftest import EXAMPLE_ARTICLE
from rdflib.compare import graph_diff, isomorphic

pytestmark = pytest.mark.slow
ARTICLES = 40  # more than one spaCy batch (16), so the kill lands mid-build


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """40 short, distinct articles in one JSONL file."""
    paragraphs = [p for p in EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    path = tmp_path_factory.mktemp("many") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(ARTICLES):
            text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(2))
            fh.write(json.dumps({"id": f"part-{i:02d}", "text": text, "published": "2021-06-28"}) + "\n")
    return path


@pytest.fixture(scope="module")
def expected_graphs(pipeline, many_articles):
    """What a full build gives for each article, by IRI."""
    from kg.rdf.build import article_graph

    return {str(g.identifier): g for g in map(article_graph, pipeline.resolved([many_articles]))}


def _lines(proc) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def test_store_kill_leaves_complete_articles_and_a_rerun_finishes(tmp_path, many_articles, expected_graphs):
    from kg.store.persistent import PersistentStore

    store = tmp_path / "kgstore"
    command = [sys.executable, "-m", "kg", "build", str(many_articles), "--store", str(store), "-v", "--no-progress"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = _lines(proc)
        first = lines.get(timeout=300)  # the model loads, then the first article is committed
        assert first and first.startswith("added"), (first, proc.stderr.read() if first is None else "")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with PersistentStore.open(store) as s:  # readable after the kill
        present = s.articles()
        assert 1 <= len(present) < ARTICLES, f"{len(present)} articles: the kill came too late to test anything"
        for iri in present:
            got, want = s.graph(iri), expected_graphs[iri]
            if not isomorphic(got, want):
                _, only_got, only_want = graph_diff(got, want)
                pytest.fail(f"{iri} is incomplete: only stored {sorted(only_got)[:3]}, missing {sorted(only_want)[:3]}")
        assert set(s.graph_names()) == set(present)  # no graph without its article node

    t0 = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    outcomes = [line.split()[0] for line in done.stdout.splitlines() if line.startswith(("added", "unchanged"))]
    assert outcomes.count("unchanged") == len(present) and outcomes.count("added") == ARTICLES - len(present)
    with PersistentStore.open(store) as s:
        assert set(s.articles()) == set(expected_graphs)
        for iri, want in expected_graphs.items():
            got = s.graph(iri)
            if not isomorphic(got, want):
                _, only_got, only_want = graph_diff(got, want)
                pytest.fail(f"{iri} differs: only stored {sorted(only_got)[:3]}, missing {sorted(only_want)[:3]}")
    assert time.monotonic() - t0 < 600
