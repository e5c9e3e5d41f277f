"""Polarity (hostile, cooperative, neutral) of relations and event classes, read from the ontology.

The ontology declares ``kg:polarity kg:hostile | kg:cooperative | kg:neutral`` on object
properties and event classes; nothing here hard-codes which term is which. A term with no
declaration of its own inherits one through ``rdfs:subPropertyOf`` / ``rdfs:subClassOf``;
a term with none at all is neutral.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDFS, Graph, URIRef

from kg.rdf.vocab import KG

HOSTILE, COOPERATIVE, NEUTRAL, MIXED = "hostile", "cooperative", "neutral", "mixed"
SIGNS = {HOSTILE: -1, COOPERATIVE: 1, NEUTRAL: 0, MIXED: 0}
_VALUES = {KG.hostile: HOSTILE, KG.cooperative: COOPERATIVE, KG.neutral: NEUTRAL}


def polarity_table(*graphs: Graph) -> dict[URIRef, str]:
    """Every term with a declared or inherited polarity -> "hostile" | "cooperative" | "neutral".

    Pass the ontology, and the data graph too if it may carry its own declarations.
    """
    declared: dict[URIRef, str] = {}
    parents: dict[URIRef, set[URIRef]] = {}
    for graph in graphs:
        for term, value in graph.subject_objects(KG.polarity):
            if isinstance(term, URIRef) and value in _VALUES:
                declared[term] = _VALUES[value]
        for link in (RDFS.subPropertyOf, RDFS.subClassOf):
            for child, parent in graph.subject_objects(link):
                if isinstance(child, URIRef) and isinstance(parent, URIRef):
                    parents.setdefault(child, set()).add(parent)
    table = dict(declared)
    for term in parents:
        if term not in table:
            inherited = _inherit(term, declared, parents)
            if inherited:
                table[term] = inherited
    return table


def _inherit(term: URIRef, declared: dict[URIRef, str], parents: dict[URIRef, set[URIRef]]) -> str | None:
    """The polarity of the nearest declared ancestor (breadth first; cycles are safe)."""
    seen, frontier = {term}, [term]
    while frontier:
        found = {declared[p] for t in frontier for p in parents.get(t, ()) if p in declared}
        if found:
            return combine(found)
        frontier = [p for t in frontier for p in sorted(parents.get(t, ())) if p not in seen]
        seen.update(frontier)
    return None


def combine(polarities: Iterable[str]) -> str:
    """The polarity of an edge made of facts with these polarities.

    Neutral facts do not change a signed edge; hostile and cooperative together are mixed.

    >>> combine(["hostile", "neutral"])
    'hostile'
    >>> combine(["hostile", "cooperative"])
    'mixed'
    >>> combine([])
    'neutral'
    """
    signed = {p for p in polarities if p != NEUTRAL}
    if not signed:
        return NEUTRAL
    if len(signed) == 1:
        return signed.pop()
    return MIXED
