"""Write the actor network for other tools (node-link JSON, GraphML, GEXF, CSV), and the
events as POLECAT-style PLOVER records (JSONL).

GraphML and GEXF hold only scalars, so lists become one string joined with " | ",
evidence becomes "article: sentence" items, None becomes "", and anything else that
is not a str, int, float or bool becomes its ``str``. The GEXF is dynamic when facts are
dated, so that Gephi's timeline plays it (:func:`lifetimes`). Every file is written atomically.
:func:`export` writes any format of :data:`FORMATS` from a graph file or store.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
from rdflib import OWL, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.analyze.project import (
    DEFAULT_TRUST,
    EVENT_TYPES,
    Trust,
    _entity_types,
    _event_classes,
    project_file,
)
from kg.analyze.report import annotate
from kg.atomic import atomic_path, staged_dir
from kg.ontology import local
from kg.rdf.schema import load_ontology, plover_table, subclasses
from kg.rdf.vocab import KG, SCHEMA
from kg.store.sink import StoreView
from kg.store.source import open_store

SEPARATOR = " | "
# The one table of export formats: name -> what it writes (the CLI's --format choices).
FORMATS = {
    "graphml": "the actor network as GraphML (Cytoscape, Gephi, yEd)",
    "gexf": "the actor network as dynamic GEXF (Gephi; its timeline plays the dated ties)",
    "csv": "the actor network as OUT/nodes.csv and OUT/edges.csv",
    "json": "the actor network as networkx node-link JSON",
    "plover": "the events as POLECAT-style PLOVER records, one JSON object a line",
}
NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")
# The keys of every PLOVER record, in the order they are written (docs/ontology.md).
PLOVER_KEYS = (
    "event_id",
    "event_type",
    "event_mode",
    "kg_class",
    "event_date",
    "date_text",
    "actors",
    "recipients",
    "target_events",
    "locations",
    "status",
    "according_to",
    "confidence",
    "during",
    "story_id",
    "article",
    "title",
    "publication_date",
    "source",
    "source_url",
    "sentence",
    "trigger",
)
NODE_COLUMNS = (
    "id",
    "label",
    "type",
    "aliases",
    "wikidata",
    "articles",
    "degree",
    "pagerank",
    "betweenness",
    "community",
    "component",
)
EDGE_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "relations",
    "polarity",
    "sign",
    "weight",
    "articles",
    "events",
    "evidence",
    "facts",
)


def write_network_json(G: nx.Graph, path: str | Path) -> Path:
    """Node-link JSON (``nx.node_link_graph(data, edges="edges")`` reads it back)."""
    data = nx.node_link_data(G, edges="edges")
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return Path(path)


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    """GraphML for Cytoscape, Gephi or yEd, with flattened attributes."""
    with atomic_path(path) as tmp:
        nx.write_graphml(flatten(G), tmp, encoding="utf-8")
    return Path(path)


def write_gexf(G: nx.Graph, path: str | Path) -> Path:
    """GEXF for Gephi, with flattened attributes; dynamic (``mode="dynamic"``,
    ``timeformat="date"``) when facts are dated, each node and edge with the ``start``
    and ``end`` of :func:`lifetimes`."""
    flat = flatten(G)
    nodes, edges = lifetimes(G)
    for node, start in nodes.items():
        flat.nodes[str(node)]["start"] = start
    for (u, v), (start, end) in edges.items():
        flat.edges[str(u), str(v)].update({"start": start} | ({"end": end} if end else {}))
    with atomic_path(path) as tmp:
        nx.write_gexf(flat, tmp, encoding="utf-8")
    return Path(path)


def lifetimes(G: nx.Graph) -> tuple[dict, dict[tuple, tuple[str, str]]]:
    """When each node and edge of a projected network is there, as ISO dates.

    An edge starts at the earliest day of its support rows (``from``, ``date``, or
    ``until`` for a role known only to have ended) and ends at the latest ``until`` when
    every row has one, else it stays open (""): a relation kg read goes on until the text
    says it ended; an event ends with its time. A node starts at its ``first_seen``, or
    earlier if one of its edges does. Undated nodes and edges are left out.

    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", support=[{"date": "2019-05-01", "until": "2019-05-01"}, {"date": "2024-01-02"}])
    >>> lifetimes(G)
    ({'a': '2019-05-01', 'b': '2019-05-01'}, {('a', 'b'): ('2019-05-01', '')})
    """
    edges = {}
    for u, v, d in G.edges(data=True):
        rows = d.get("support") or []
        starts = [min(filter(None, (r.get("from"), r.get("date"), r.get("until")))) for r in rows if r.get("date")]
        if starts:
            closed = all(r.get("until") for r in rows)
            edges[u, v] = (min(starts), max(r["until"] for r in rows) if closed else "")
    nodes = {n: d["first_seen"] for n, d in G.nodes(data=True) if d.get("first_seen")}
    for (u, v), (start, _) in edges.items():
        for n in (u, v):
            nodes[n] = min(nodes.get(n, start), start)
    return nodes, edges


def write_csv(G: nx.Graph, directory: str | Path) -> tuple[Path, Path]:
    """``DIRECTORY/nodes.csv`` and ``DIRECTORY/edges.csv``, one row per node / edge."""
    directory = Path(directory)
    flat = flatten(G)
    node_columns = _columns(NODE_COLUMNS, (d for _, d in flat.nodes(data=True)), skip={"iri"})
    edge_columns = _columns(EDGE_COLUMNS, (d for *_, d in flat.edges(data=True)))
    nodes_path, edges_path = directory / "nodes.csv", directory / "edges.csv"
    with atomic_path(nodes_path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, node_columns, extrasaction="ignore")
        writer.writeheader()
        for node, data in flat.nodes(data=True):
            writer.writerow(data | {"id": node})
    with atomic_path(edges_path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, edge_columns, extrasaction="ignore")
        writer.writeheader()
        for u, v, data in flat.edges(data=True):
            writer.writerow(
                data
                | {
                    "source": u,
                    "target": v,
                    "source_label": flat.nodes[u].get("label", u),
                    "target_label": flat.nodes[v].get("label", v),
                }
            )
    return nodes_path, edges_path


def write(G: nx.Graph, fmt: str, out: str | Path) -> list[Path]:
    """Write ``G`` in ``fmt`` (one of NETWORK_FORMATS) to ``out``; csv takes a directory."""
    if fmt == "csv":
        return list(write_csv(G, out))
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_network_json}[fmt]
    return [writer(G, out)]


def flatten(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose graph, node and edge attributes are all str, int, float or bool."""
    H = G.__class__()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    H.add_nodes_from((str(n), {k: _scalar(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((str(u), str(v), {k: _scalar(v) for k, v in d.items()}) for u, v, d in G.edges(data=True))
    return H


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        if set(value) == {"article", "sentence"}:
            return f"{value['article']}: {value['sentence']}"
        if {"source", "relation", "target"} <= set(value):
            return f"{value['source']} {value['relation']} {value['target']}"
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return SEPARATOR.join(str(_scalar(item)) for item in items)
    return str(value)


def _columns(preferred: tuple[str, ...], rows, skip: set[str] = frozenset()) -> list[str]:
    """The preferred columns that occur, in order, then any others, sorted."""
    present = set().union(*[set(r) for r in rows])
    always = {"id", "source", "target", "source_label", "target_label"}
    first = [c for c in preferred if c in present or c in always]
    return first + sorted(present - set(first) - set(skip))


def export(source, fmt: str, out: str | Path, *, trust: Trust = DEFAULT_TRUST) -> tuple[list[Path], str]:
    """Write ``fmt`` (a name of FORMATS) of the graph file or store ``source`` to ``out``.

    Returns the files written and a line on what they hold ("" when there is nothing to
    add). ``trust`` chooses the facts: the ties of the network, the events of ``plover``.
    csv's two files are swapped in together.
    """
    out = Path(out)
    if fmt == "plover":
        view = StoreView(open_store(source))
        count, unmapped = write_plover(view, out, trust=trust)
        left = f"; {sum(unmapped.values())} event(s) of a class PLOVER has no type for left out" if unmapped else ""
        detail = f" ({', '.join(f'{n} {c}' for c, n in sorted(unmapped.items()))})" if unmapped else ""
        return [out], f"{count} PLOVER record(s){left}{detail}"
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    G = annotate(project_file(source, trust=trust))
    if fmt == "csv":
        with staged_dir(out) as stage:
            return [out / p.relative_to(stage) for p in write(G, fmt, stage)], ""
    return write(G, fmt, out), ""


def plover_records(graph, *, trust: Trust = DEFAULT_TRUST, ontology: Graph | None = None):
    """The events of ``graph`` as POLECAT-style records, and the events left out by class.

    ``graph`` is an rdflib Graph or a :class:`kg.store.sink.StoreView`. An event's PLOVER
    type and mode come from its class's ``skos:closeMatch`` in ``kg.ttl`` (or the nearest
    superclass's); an event whose class has none (``kg:Statement``) is counted, not
    written. Only events ``trust`` admits are read. A target that is itself an event (a
    condemnation of a strike) makes that event's agents the recipients.

    Returns ``(records, unmapped)``: records sorted by article and trigger offset, and
    ``{class local name: number of events left out}``.
    """
    onto = load_ontology() if ontology is None else ontology
    table = plover_table(onto)
    actors, places = _entity_types(graph, onto)
    types = actors | places
    classes = set(EVENT_TYPES) | subclasses(onto, KG.Event)
    events = dict(_event_classes(graph, classes))
    keyed, unmapped = [], {}
    for node, cls in events.items():
        if not trust.admits(graph, node):
            continue
        if cls not in table:
            unmapped[local(cls)] = unmapped.get(local(cls), 0) + 1
            continue
        record = _plover_record(graph, node, cls, table[cls], events, types)
        start = graph.value(node, KG.start)
        keyed.append(((record["article"] or "", int(start) if start is not None else 0, str(node)), record))
    return [record for _, record in sorted(keyed, key=lambda pair: pair[0])], unmapped


def write_plover(graph, path: str | Path, *, trust: Trust = DEFAULT_TRUST) -> tuple[int, dict[str, int]]:
    """JSONL of :func:`plover_records`; returns how many were written and the left-out counts."""
    records, unmapped = plover_records(graph, trust=trust)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records), unmapped


def _plover_record(graph, node: URIRef, cls: URIRef, plover: tuple[str, str], events: dict, types: dict) -> dict:
    def text(subject, prop) -> str | None:
        found = graph.value(subject, prop) if subject is not None else None
        return None if found is None else str(found)

    def entities(prop) -> list[dict]:
        return [_entity(graph, iri, types) for iri in sorted(map(str, graph.objects(node, prop)))]

    recipients, target_events = set(), set()
    for role in (KG.target, KG.victim):
        for target in graph.objects(node, role):
            if target in events:
                target_events.add(str(target))
                recipients |= set(map(str, graph.objects(target, KG.agent)))
            else:
                recipients.add(str(target))
    article = graph.value(node, PROV.wasDerivedFrom)
    status = graph.value(node, KG.status)
    confidence = graph.value(node, KG.confidence)
    return {
        "event_id": str(node),
        "event_type": plover[0],
        "event_mode": plover[1],
        "kg_class": local(cls),
        "event_date": text(node, KG.time),  # at the precision the text gives: 2021-06-27, 2021-02, 2020
        "date_text": text(node, KG.timeText),
        "actors": entities(KG.agent),
        "recipients": [_entity(graph, iri, types) for iri in sorted(recipients)],
        "target_events": sorted(target_events),
        "locations": entities(KG.location),
        "status": local(status) if status is not None else "asserted",
        "according_to": entities(KG.accordingTo),
        "confidence": float(confidence) if confidence is not None else None,
        "during": text(node, KG.during),
        "story_id": text(article, KG.articleId),
        "article": str(article) if article is not None else None,
        "title": text(article, DCTERMS.title),
        "publication_date": text(article, SCHEMA.datePublished),
        "source": text(article, SCHEMA.publisher),
        "source_url": text(article, SCHEMA.url),
        "sentence": text(node, KG.sentence),
        "trigger": text(node, KG.triggerText),
    }


def _entity(graph, iri: str, types: dict) -> dict:
    label = graph.value(URIRef(iri), RDFS.label)
    wikidata = graph.value(URIRef(iri), OWL.sameAs)
    return {
        "name": str(label) if label is not None else local(iri),
        "kg_type": types.get(iri, ""),
        "iri": iri,
        "wikidata": str(wikidata) if wikidata is not None else "",
    }
