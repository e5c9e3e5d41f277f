"""What a SPARQL endpoint answers in: media types per kind of result, and negotiation."""

from __future__ import annotations

import pyoxigraph as ox

R, G = ox.QueryResultsFormat, ox.RdfFormat
# media type -> format, per kind of result; the first of each is the default
SOLUTION_TYPES = {
    "application/sparql-results+json": R.JSON,
    "application/json": R.JSON,
    "application/sparql-results+xml": R.XML,
    "application/xml": R.XML,
    "text/xml": R.XML,
    "text/csv": R.CSV,
    "text/tab-separated-values": R.TSV,
}
GRAPH_TYPES = {
    "text/turtle": G.TURTLE,
    "application/x-turtle": G.TURTLE,
    "application/ld+json": G.JSON_LD,
    "application/n-triples": G.N_TRIPLES,
    "application/rdf+xml": G.RDF_XML,
}
# the `format` / `output` parameter some clients send instead of an Accept header
FORMAT_NAMES = {
    "solutions": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ttl": "text/turtle",
        "json-ld": "application/ld+json",
        "jsonld": "application/ld+json",
        "json": "application/ld+json",
        "nt": "application/n-triples",
        "ntriples": "application/n-triples",
        "xml": "application/rdf+xml",
        "rdfxml": "application/rdf+xml",
        "rdf+xml": "application/rdf+xml",
        "n3": "text/turtle",
    },
}
CHARSET_TYPES = ("text/", "application/sparql-results+json", "application/json", "application/ld+json")


def negotiate(accept: str | None, kind: str) -> str | None:
    """The media type to answer a ``kind`` ("solutions", "boolean" or "graph") result
    with, given an Accept header; None when nothing acceptable is on offer.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
    'application/sparql-results+xml'
    >>> negotiate("text/turtle", "solutions") is None
    True
    """
    table = GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES
    default = next(iter(table))
    if not accept or not accept.strip():
        return default
    offers = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            offers.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(offers):
        if media in table:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            match = next((t for t in table if t.startswith(media[:-1])), None)
            if match:
                return match
    return None
