"""Checking a graph against kg's SHACL shapes (``ontologies/shapes.ttl``)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from kg.ontology import ontology_file


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """``(conforms, report text)`` of ``graph`` against the shapes, without inference."""
    from pyshacl import validate as shacl

    conforms, _, text = shacl(graph, shacl_graph=shapes(), inference="none", advanced=False)
    return bool(conforms), text
