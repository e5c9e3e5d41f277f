"""SPARQL errors a person can read: where, what was expected, and how to update instead."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.store.query import query


def error_of(sparql: str) -> str:
    with pytest.raises(QueryError) as caught:
        query(ox.Store(), sparql)
    return str(caught.value)


@pytest.mark.parametrize(
    "sparql, line, column",
    [
        ("SELECT ?who WHERE { ?who kg:designated ?whom", 1, 45),
        ("SELECT ?x\nWHERE { ?x a kg: . ", 2, 20),
        ("SELECT ?x WHERE { ?x ?p ?o } ORDER BY", 1, 38),
    ],
)
def test_query_syntax_error_is_short_with_line_column_and_caret(sparql, line, column):
    message = error_of(sparql)
    assert message.startswith("[E004]") and f"line {line}, column {column}" in message
    assert "\\u{" not in message and len(message) < 400, message
    source_line, caret = message.splitlines()[-2:]
    assert source_line == "  " + sparql.splitlines()[line - 1]
    assert caret == "  " + " " * (column - 1) + "^"


def test_query_syntax_error_on_a_long_line_shows_the_part_around_the_caret():
    sparql = "SELECT ?x WHERE { " + "x" * 200 + " ?p ?o"
    source_line, caret = error_of(sparql).splitlines()[-2:]
    assert source_line.startswith("  ...") and len(source_line) < 140
    assert source_line[caret.index("^") - 1 : caret.index("^") + 3] == "x ?p"


def test_query_syntax_error_keeps_what_was_expected():
    assert '"}"' in error_of("SELECT ?who WHERE { ?who kg:designated ?whom")


@pytest.mark.parametrize(
    "sparql, keyword",
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT"),
        ("PREFIX x: <http://x/>\n# clean up\nDELETE WHERE { ?s x:p ?o }", "DELETE"),
        ("clear all", "CLEAR"),
    ],
)
def test_query_update_says_how_to_update(sparql, keyword):
    message = error_of(sparql)
    assert keyword in message and "kg serve" in message and "--allow-update" in message and "kg push" in message
    assert "CONSTRUCT" not in message
