"""`kg build --store DIR` and the commands that read a store where they read a graph file."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLE_ARTICLE, EXAMPLES, SECOND_ARTICLE

pytestmark = pytest.mark.slow


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    """Two runs of `kg build --store`: the example, then the second article with -o."""
    root = tmp_path_factory.mktemp("cli-store")
    first = kg("build", str(EXAMPLE_ARTICLE), "--store", str(root / "kgstore"))
    second = kg("build", str(SECOND_ARTICLE), "--store", str(root / "kgstore"), "-o", str(root / "out"))
    return root, first, second


def test_store_cli_build_reports_what_it_did(cli_store):
    root, first, second = cli_store
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "1 articles" in first.stdout and "1 added" in first.stdout
    assert "2 articles" in second.stdout and "1 added, 0 replaced, 0 unchanged" in second.stdout
    assert "entities:" in second.stdout  # the usual summary, of this run's articles


def test_store_cli_build_with_o_writes_only_extractions(cli_store):
    root, _, _ = cli_store
    assert sorted(p.name for p in (root / "out").iterdir()) == ["extractions.jsonl"]
    assert "red-sea-strikes-2024-01-12" in (root / "out" / "extractions.jsonl").read_text(encoding="utf-8")


def test_store_cli_rerun_changes_nothing(cli_store, tmp_path):
    root, _, _ = cli_store
    before = kg("query", str(root / "kgstore"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    done = kg("build", str(EXAMPLE_ARTICLE), "--store", str(root / "kgstore"), "-v")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unchanged") and "0 added, 0 replaced, 1 unchanged" in done.stdout
    after = kg("query", str(root / "kgstore"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert before.stdout == after.stdout and before.returncode == 0


def test_store_cli_query_runs_the_cookbook_on_a_store(cli_store):
    root, _, _ = cli_store
    done = kg("query", str(root / "kgstore"), "--file", str(EXAMPLES / "queries" / "12-backed-by-a-state.rq"))
    assert done.returncode == 0, done.stderr
    assert "Kataib Hezbollah" in done.stdout and "Houthis" in done.stdout  # one article each


@pytest.mark.parametrize(
    "command, check",
    [
        (["analyze", "{store}"], lambda out, root: "Kataib Hezbollah" in out),
        (
            ["render", "{store}", "-o", "{root}/graph.html"],
            lambda out, root: (root / "graph.html").stat().st_size > 1000,
        ),
        (
            ["export", "{store}", "--format", "json", "-o", "{root}/net.json"],
            lambda out, root: "Houthis" in (root / "net.json").read_text(encoding="utf-8"),
        ),
    ],
)
def test_store_cli_network_commands_read_a_store(cli_store, command, check):
    root, _, _ = cli_store
    args = [a.format(store=root / "kgstore", root=root) for a in command]
    done = kg(*args)
    assert done.returncode == 0, done.stderr
    assert check(done.stdout, root)


def test_store_cli_build_needs_a_destination(tmp_path):
    done = kg("build", str(EXAMPLE_ARTICLE))
    assert done.returncode == 1 and "--store DIR" in done.stderr and "Traceback" not in done.stderr


def test_store_cli_query_names_a_missing_store(tmp_path):
    (tmp_path / "notes").mkdir()
    done = kg("query", str(tmp_path / "notes"), "ASK {}")
    assert done.returncode == 1 and "[E005]" in done.stderr and "kg build INPUT --store" in done.stderr
