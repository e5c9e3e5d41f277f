"""The kg command as a user meets it: help, outputs, bad input, formats, atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLE_ARTICLE, SECOND_ARTICLE
from rdflib import Dataset, Graph

from kg.cli import COMMANDS


def kg(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, input=stdin, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_explains_itself_with_an_example(command):
    done = kg(command, "--help")
    assert done.returncode == 0
    assert b"Examples:" in done.stdout and b"kg " + command.encode() in done.stdout


def test_cli_top_level_help_lists_commands():
    out = kg("--help").stdout.decode()
    for command in ("build", "query", "extract"):
        assert command in out


def test_cli_import_does_no_work():
    code = "import kg, kg.cli, sys; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.split()[0] == "False"


@pytest.mark.slow
def test_cli_bad_inputs_are_named_and_the_good_ones_still_built(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(EXAMPLE_ARTICLE, inputs / "good.txt")
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "latin1.txt").write_bytes("Caf\xe9 bombing in Gen\xe8ve".encode("latin-1"))
    (inputs / "huge.txt").write_text("The group said it attacked the base. " * 140_000)
    (inputs / "report.pdf").write_bytes(b"%PDF-1.4")
    done = kg("build", str(inputs), "-o", str(tmp_path / "out"))
    report = done.stdout.decode() + done.stderr.decode()
    assert done.returncode == 3, report
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("huge.txt", "characters"),
        ("report.pdf", ".pdf"),
    ]:
        line = next((x for x in report.splitlines() if name in x), "")
        assert reason in line, f"{name}: {line!r}"
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    labels = {str(o) for o in graph.objects(None, __import__("rdflib").RDFS.label)}
    assert {"Kataib Hezbollah", "Iran", "United States"} <= labels
    assert "Traceback" not in report


@pytest.mark.slow
def test_cli_nothing_readable_is_a_clear_error(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    done = kg("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert b"[E006]" in done.stderr and b"empty" in done.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.slow
def test_cli_reads_stdin_and_writes_trig_with_a_graph_per_article(tmp_path):
    done = kg(
        "build",
        "-",
        str(SECOND_ARTICLE),
        "-o",
        str(tmp_path),
        "--format",
        "trig",
        "-q",
        stdin=EXAMPLE_ARTICLE.read_bytes(),
    )
    assert done.returncode == 0, done.stderr
    ds = Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert any("/article/stdin-" in n for n in names)
    assert any(n.endswith("/article/red-sea-strikes-2024-01-12") for n in names)


@pytest.mark.slow
@pytest.mark.parametrize("fmt,suffix,parser", [("nquads", ".nq", "nquads"), ("json-ld", ".jsonld", "json-ld")])
def test_cli_build_formats_parse_back(tmp_path, fmt, suffix, parser):
    assert kg("build", str(SECOND_ARTICLE), "-o", str(tmp_path), "--format", fmt, "-q").returncode == 0
    ds = Dataset()
    ds.parse(tmp_path / f"graph{suffix}", format=parser)
    assert len(ds) > 50


@pytest.mark.slow
def test_cli_query_formats_and_errors(example_out):
    graph = str(example_out / "graph.ttl")
    q = "SELECT ?who WHERE { ?who kg:backedBy ?x } ORDER BY ?who"
    table = kg("query", graph, q).stdout.decode()
    assert "kge:Kataib_Hezbollah" in table and "(2 rows)" in table
    csv = kg("query", graph, q, "--format", "csv").stdout.decode().splitlines()
    assert csv[0] == "who" and csv[1].startswith("https://w3id.org/kg-news/entity/")
    import json

    data = json.loads(kg("query", graph, q, "--format", "json").stdout)
    assert data["head"]["vars"] == ["who"] and len(data["results"]["bindings"]) == 2
    bad = kg("query", graph, "SELEC ?x WHERE {")
    assert bad.returncode == 1 and b"[E004]" in bad.stderr and b"Traceback" not in bad.stderr
    missing = kg("query", str(example_out / "nope.ttl"), q)
    assert missing.returncode == 1 and b"kg build" in missing.stderr


def test_cli_graph_writes_are_atomic(tmp_path, monkeypatch):
    """A write that fails half-way leaves the previous file intact and no debris."""
    from rdflib import Literal, URIRef

    from kg.store import source as files

    target = tmp_path / "graph.ttl"
    g = Graph()
    g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("old")))
    files.write_graph(g, target)
    before = target.read_bytes()

    def explode(self, destination=None, **kw):
        with open(destination, "w") as fh:
            fh.write("@prefix half-written")
        raise OSError("disk full")

    monkeypatch.setattr(Graph, "serialize", explode)
    with pytest.raises(OSError):
        files.write_graph(g, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
