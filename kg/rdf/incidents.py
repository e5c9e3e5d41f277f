"""The incidents and merges worked out across articles, as RDF (one graph, ``MERGES_GRAPH``).

Per incident: ``a kg:Incident``, the class most reports give (``dcterms:type``), a label,
the agreed day (``dcterms:date``), ``kg:reportCount`` and a ``kg:report`` to each
article's event node (and to the events that happened during it). Per join or actor
merge: a ``kg:Merge`` node with what joined what and why. A short form's actor also
gets ``kg:mergedInto`` its full name, so a query can follow it in one step.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.ontology import MERGES_GRAPH, local
from kg.rdf.build import TRIPLES_ONLY
from kg.rdf.vocab import KG
from kg.resolve.incidents import Incident, Merge


def merges_graph(incidents: list[Incident], actors: list[Merge], labels: dict[str, str]) -> Graph:
    """The graph of ``incidents`` and ``actors`` (``labels``: place IRI -> its name)."""
    g = Graph(store=TRIPLES_ONLY, identifier=URIRef(MERGES_GRAPH))  # iterates subject by subject
    for incident in incidents:
        node = URIRef(incident.iri)
        g.add((node, RDF.type, KG.Incident))
        g.add((node, DCTERMS.type, URIRef(incident.cls)))
        g.add((node, RDFS.label, Literal(_label(incident, labels))))
        g.add((node, KG.reportCount, Literal(len(incident.articles))))
        if incident.day is not None:
            g.add((node, DCTERMS.date, Literal(incident.day.isoformat(), datatype=XSD.date)))
        for report in incident.reports:
            for event in (report.iri, *report.parts):
                g.add((node, KG.report, URIRef(event)))
        for join in incident.joins:
            _merge(g, join)
    for merge in actors:
        g.add((URIRef(merge.merged), KG.mergedInto, URIRef(merge.into)))
        _merge(g, merge)
    return g


def _merge(g: Graph, merge: Merge) -> None:
    node = URIRef(merge.iri)
    g.add((node, RDF.type, KG.Merge))
    g.add((node, KG.merged, URIRef(merge.merged)))
    g.add((node, KG.mergedInto, URIRef(merge.into)))
    g.add((node, KG.reason, Literal(merge.reason)))


def _label(incident: Incident, labels: dict[str, str]) -> str:
    """ "AirStrike, 2020-01-03, Baghdad (3 reports)" """
    places = sorted({labels.get(p, local(p)) for r in incident.reports for p in r.places})
    parts = [local(incident.cls)]
    if incident.day is not None:
        parts.append(incident.day.isoformat())
    parts += places[:2]
    n = len(incident.articles)
    return ", ".join(parts) + f" ({n} report{'s' if n != 1 else ''})"
