"""Accumulating article graphs for a file output without holding them in rdflib.

rdflib keeps about a kilobyte per triple and serializes large graphs slowly; an
in-memory Oxigraph store holds the same quads in a fraction of that and writes Turtle,
TriG, N-Quads and JSON-LD as a stream. A corpus build adds each article's graph here
as soon as it is built, then dumps once.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import GraphError
from kg.rdf.vocab import PREFIXES
from kg.store.files import FORMATS, atomic_path

OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}


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


class GraphSink:
    """Article graphs in, one file out. ``named=False`` merges them into the default graph."""

    def __init__(self, *, named: bool):
        self.store = ox.Store()
        self.named = named

    def add(self, graph: Graph, name: str) -> None:
        g = ox.NamedNode(name) if self.named else ox.DefaultGraph()
        self.store.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph])

    def __len__(self) -> int:
        return len(self.store)

    def dump(self, path: str | Path, fmt: str) -> Path:
        """Write everything atomically to ``path`` in ``fmt`` (a name of FORMATS).

        Oxigraph streams the file: Turtle and TriG group each subject's statements
        (``;`` and ``,``) under kg's prefixes, at a few hundred thousand triples a second
        (rdflib's pretty printer managed about 4,000).
        """
        if fmt not in FORMATS:
            raise GraphError(f"Unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
        with atomic_path(path) as tmp:
            kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "trig") else {}
            if not self.named or fmt in ("turtle", "ntriples"):
                self.store.dump(str(tmp), OX_FORMATS[fmt], from_graph=ox.DefaultGraph(), **kwargs)
            else:
                self.store.dump(str(tmp), OX_FORMATS[fmt], **kwargs)
        return Path(path)


# triples the actor network never reads (kg.analyze.project): offsets, scores, where and
# when events happened, who extracted what
_NOT_DRAWN = ("sentenceStart", "sentenceEnd", "subjectStart", "subjectEnd", "objectStart", "objectEnd",
              "start", "end", "confidence", "contentHash", "triggerText", "timeText",
              "location", "during", "time")
_EVIDENCE_READ = ("rdf:type", "rdf:subject", "rdf:predicate", "rdf:object", "prov:wasDerivedFrom", "kg:sentence")


def network_view(sink: GraphSink) -> Graph:
    """An rdflib Graph holding what the actor network reads, from the sink's quads.

    Oxigraph does the selection: entities, relations, events and their roles, and the
    evidence of facts that can become edges (a relation or role whose object is an
    entity, and every target or victim); offsets, scores, places and times of events and
    the evidence of everything else stay out. rdflib holds about 1.5 kB a triple, so
    this keeps a corpus build's memory within bounds (about a third of the triples).
    """
    from kg.rdf.iri import ENTITY_BASE, EVIDENCE_BASE
    from kg.rdf.vocab import KG

    dropped = ", ".join(f"<{KG[name]}>" for name in _NOT_DRAWN)
    read = ", ".join(_EVIDENCE_READ)
    query = f"""
        CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{
            ?s ?p ?o
            FILTER(!STRSTARTS(STR(?s), "{EVIDENCE_BASE}"))
            FILTER(?p NOT IN ({dropped}, prov:wasAttributedTo))
          }} UNION {{
            ?s a kg:Evidence ; rdf:predicate ?fact ; rdf:object ?object .
            FILTER(?fact IN (kg:target, kg:victim) || STRSTARTS(STR(?object), "{ENTITY_BASE}"))
            FILTER(?fact NOT IN ({dropped}))
            ?s ?p ?o
            FILTER(?p IN ({read}))
          }}
        }}"""
    data = sink.store.query(query, prefixes=PREFIXES, use_default_graph_as_union=sink.named)
    graph = Graph()
    graph.parse(data=ox.serialize(data, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph
