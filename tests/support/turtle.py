"""Small graphs written by hand in tests: Turtle with kg's prefixes declared."""

from __future__ import annotations

from rdflib import Graph

from kg.rdf.vocab import PREFIXES


def turtle(body: str) -> Graph:
    """The graph of ``body``, Turtle that may use every prefix of :data:`kg.rdf.vocab.PREFIXES`."""
    header = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items())
    return Graph().parse(data=header + body, format="turtle")
