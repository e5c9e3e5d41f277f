"""The RDF file formats kg reads and writes, named once, and the rdflib <-> Oxigraph terms."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import GraphError
from kg.rdf.vocab import PREFIXES


class Format(NamedTuple):
    rdflib: str  # rdflib's name for the format
    suffix: str  # the file suffix kg writes
    named: bool  # keeps named graphs (one per article)
    ox: ox.RdfFormat  # Oxigraph's format


# user-facing name -> how each library calls it; the CLI's --format choices come from here
FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", ".ttl", False, ox.RdfFormat.TURTLE),
    "trig": Format("trig", ".trig", True, ox.RdfFormat.TRIG),
    "nquads": Format("nquads", ".nq", True, ox.RdfFormat.N_QUADS),
    "json-ld": Format("json-ld", ".jsonld", True, ox.RdfFormat.JSON_LD),
    "ntriples": Format("nt", ".nt", False, ox.RdfFormat.N_TRIPLES),
}
_BY_SUFFIX = {f.suffix: name for name, f in FORMATS.items()} | {".json": "json-ld"}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def format_for(path: str | Path) -> str:
    """The format name for a file name, from its suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return _BY_SUFFIX[suffix]
    except KeyError:
        raise GraphError(
            f"Can't tell the RDF format of '{path}': use one of " + ", ".join(sorted(_BY_SUFFIX))
        ) from None


def checked_format(fmt: str) -> Format:
    """The :class:`Format` called ``fmt``, or a :class:`GraphError` listing the names."""
    if fmt not in FORMATS:
        raise GraphError(f"Unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def bind_prefixes(graph: Graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)


def to_ox(term):
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


class OxTerms:
    """:func:`to_ox` (or ``convert``, such as :func:`from_ox`) with memory: an article
    names the same IRIs hundreds of times, a graph its predicates and classes thousands."""

    def __init__(self, convert=to_ox, limit: int = 200_000):
        self._seen: dict = {}
        self._convert = convert
        self._limit = limit

    def __call__(self, term):
        found = self._seen.get(term)
        if found is None:
            if len(self._seen) >= self._limit:
                self._seen.clear()
            found = self._seen[term] = self._convert(term)
        return found


def from_ox(term):
    """The rdflib term for a pyoxigraph term (simple literals stay plain, as rdflib reads them)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")
