"""Junk in, nothing lost: arbitrary text never breaks a build or its outputs."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.builder import write_files

pytestmark = pytest.mark.slow

NASTY = [
    "\u200b",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\\",
    '"',
    "'",
    "<",
    ">",
    "&",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%",
    "#",
    "{",
    "}",
    "|",
    "^",
    "`",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "x" * 5000,
    "\n\n",
    "\t",
    "\r\n",
    "\ud800",
    "\U0001f4a5",
]
NEWS = [
    "Kataib Hezbollah",
    "the US",
    "Iran",
    "said",
    "attacked",
    "killed",
    "in Baghdad",
    "its leader,",
    "Mr Kirby",
    "(PMF)",
    "the Popular Mobilisation Forces",
    "condemned the strikes",
    "last year",
    ".",
    ",",
    "Pentagon spokesman John Kirby",
    "was designated as a terrorist organisation by",
]
texts = st.lists(st.one_of(st.text(), st.sampled_from(NASTY), st.sampled_from(NEWS)), max_size=40).map(" ".join)


def _check_outputs(out: Path) -> None:
    from kg.rdf.validate import validate

    ttl = (out / "graph.ttl").read_bytes()
    quads = list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))  # raises on any invalid IRI or literal
    assert quads
    for q in quads:
        for term in (q.subject, q.predicate, q.object):
            if isinstance(term, ox.NamedNode):
                ox.NamedNode(term.value)
    conforms, report = validate(Graph().parse(data=ttl, format="turtle"))
    assert conforms, report
    for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(text=texts)
def test_robustness_any_text_builds_a_valid_graph_or_says_why(pipeline, text):
    from kg.errors import NoArticles

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            write_files(pipeline, [article], Path(tmp) / "out")
        except NoArticles as err:
            assert "article.txt" in str(err)  # empty, binary, not English: named with its reason
            return
        _check_outputs(Path(tmp) / "out")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, title=st.text(max_size=50), url=st.text(max_size=30))
@example(text="\ud800", title="\udc00 title", url="")  # lone surrogates: JSON can carry them, UTF-8 cannot
def test_robustness_any_jsonl_fields_give_valid_rdf(pipeline, text, title, url):
    from kg.errors import NoArticles

    english = "The US said Kataib Hezbollah attacked its forces in Iraq last year, officials said. " * 6
    record = {"id": title or "x", "text": english + text, "title": title, "url": url, "source": title, "published": url}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text(json.dumps(record) + "\n", encoding="utf-8", errors="surrogatepass")
        try:
            write_files(pipeline, [src], Path(tmp) / "out")
        except NoArticles:
            return
        _check_outputs(Path(tmp) / "out")
