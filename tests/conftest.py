"""Shared fixtures. Model-loading fixtures are session-scoped: the model loads once."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new random inputs on every local run; CI (CI=1, set by .ci/run)
# replays a fixed sequence so that a merge is never decided by the luck of one draw.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_ARTICLE = EXAMPLES / "articles" / "us-airstrikes-iraq-syria-2021-06-28.txt"
QUERIES = sorted((EXAMPLES / "queries").glob("*.rq"))
DATA = Path(__file__).resolve().parent / "data"
SECOND_ARTICLE = DATA / "articles" / "red-sea-strikes-2024-01-12.txt"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline (model + gazetteer) for the whole session."""
    from kg.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_result(pipeline):
    """The bundled example article run through the real pipeline (a BuildResult)."""
    from kg.builder import build_in_memory

    return build_in_memory(pipeline, [EXAMPLE_ARTICLE])


@pytest.fixture(scope="session")
def example_dataset(example_result):
    """The bundled example article built into an rdflib Dataset by the real pipeline."""
    return example_result.dataset


@pytest.fixture(scope="session")
def example_graph(example_dataset):
    """The example's graph as one rdflib Graph (the union of its named graphs)."""
    from kg.store.source import union_graph

    return union_graph(example_dataset)


@pytest.fixture(scope="session")
def example_out(tmp_path_factory):
    """What `kg build examples/articles -o OUT` writes, run through the real CLI."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("example-out")
    assert main(["build", str(EXAMPLES / "articles"), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def example_store(example_result, tmp_path_factory):
    """The example article's graph in a store directory (one per test module)."""
    from kg.store.persistent import PersistentStore

    path = tmp_path_factory.mktemp("store") / "kgstore"
    with PersistentStore.open(path, write=True, create=True) as store:
        for resolved in example_result.extractions:
            store.add_resolved(resolved)
        store.consolidate()  # the incidents and merges, as a build works them out
    return path


# -- a `kg serve` endpoint for the endpoint and push tests ------------------------------------
class Server:
    """A `kg serve` subprocess on a free loopback port; stop() ends it and its workers."""

    def __init__(self, *args: str):
        self.stderr: str | None = None  # what the server printed there, once stopped
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", *args, "--port", "0", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.proc.stdout.readline()), daemon=True).start()
        try:
            first = lines.get(timeout=120)
        except queue.Empty:
            self.stop()
            raise AssertionError("kg serve did not start in 120 s") from None
        if "http://" not in first:
            self.stop()
            raise AssertionError(f"kg serve did not start: {first!r} {self.proc.stderr.read()}")
        self.url = next(w for w in first.split() if w.startswith("http://") and w.endswith("/sparql"))
        self.root = self.url[: -len("sparql")]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)
        if self.stderr is None:
            self.stderr = self.proc.stderr.read()
        return self.proc.returncode


def http(
    url: str,
    *,
    query: str | None = None,
    update: str | None = None,
    accept: str | None = None,
    method: str = "GET",
    body: bytes | None = None,
    content_type: str | None = None,
):
    """(status, content type, body) of one request; HTTP errors are returned, not raised."""
    headers = {"Accept": accept} if accept else {}
    if method == "GET" and query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    elif query is not None or update is not None:
        body = urllib.parse.urlencode({"query": query} if query is not None else {"update": update}).encode()
        content_type = "application/x-www-form-urlencoded"
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()
