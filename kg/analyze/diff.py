"""What changed between two graphs: actors, relations and events, and the network's measures.

``diff_files(old, new)`` reads two graph files or store directories and returns one
JSON-serialisable dict; :func:`format_diff` prints it as a table, Markdown or JSON.
Everything is identified by IRI (kg mints the same IRI for an actor in every run, and an
event's IRI is its article, class and trigger offset), so "added" means "no node with
this IRI before", not "a similar name".

- **actors**: the nodes of the actor network (:func:`kg.analyze.project.project`);
- **relations**: relation triples between two entities, whatever their confidence, with
  the statuses of their evidence (``asserted``, ``claimed``, ``hedged``, ``denied``); a
  fact written both ways (``designated`` / ``designatedBy``, a symmetric
  ``killedAlongside``) is listed once, under the property name that sorts first;
- **events**: event nodes with their ``kg:status``;
- **incidents**: the real-world events kg joined across reports (``kg:Incident``): new
  ones, gone ones, and those more articles (or fewer) now report; an incident keeps its
  IRI as reports join it, so "more reports" is the same event heard again;
- **ties**: edges of the actor network, drawn from the facts ``trust`` admits;
- **centrality**: PageRank ranks (the order ``kg analyze`` lists) of the ``top`` actors of
  either graph; **communities**: Louvain on each side, each new community matched to the
  old one it shares most actors with, and the actors whose community is not that match;
  **balance**: :func:`kg.analyze.metrics.balance` on each side, and its unbalanced triads
  that appeared or went.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

import networkx as nx
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV

from kg.analyze import metrics
from kg.analyze.polarity import polarity_table
from kg.analyze.project import DEFAULT_TRUST, EVENT_TYPES, Trust, _event_classes, project
from kg.analyze.report import annotate
from kg.analyze.text import Document, as_json
from kg.ontology import ENTITY_BASE, EVENT_BASE, local
from kg.rdf.schema import load_ontology, subclasses
from kg.rdf.vocab import KG
from kg.store.merges import incident_rows
from kg.store.sink import StoreView
from kg.store.source import open_store

FORMATS = ("table", "json", "markdown")
DEFAULT_LIMIT = 20  # rows per list in the table and Markdown forms; JSON lists everything
ASSERTED = "asserted"  # the status of a fact written before statuses existed
_ROLES_IN = (KG.target, KG.victim)
_COMPANIONS = 5  # community members named beside an actor that moved


@dataclass(frozen=True)
class Snapshot:
    """One side of a diff: the graph, its annotated actor network and its facts."""

    source: str
    network: nx.Graph  # annotated: pagerank, community, ...
    relations: dict[tuple[str, str, str], tuple[str, ...]]  # (s, relation, o) -> statuses
    events: dict[str, dict]  # IRI -> class, status, agents, recipients
    incidents: dict[str, dict]  # IRI -> label, reports
    labels: dict[str, str]
    articles: int
    balance: dict


def snapshot(source, *, trust: Trust = DEFAULT_TRUST, seed: int = 0, ontology: Graph | None = None) -> Snapshot:
    """Read a graph file, a store directory, an rdflib graph or an Oxigraph store once."""
    view = StoreView(open_store(source))
    onto = load_ontology() if ontology is None else ontology
    G = project(view, ontology=onto, trust=trust)
    labels = {n: d.get("label", n) for n, d in G.nodes(data=True)}
    relations = _relations(view, onto)
    events = _events(view, onto)
    for iri in {x for s, _, o in relations for x in (s, o)} | {
        a for e in events.values() for a in e["agents"] + e["recipients"]
    }:
        if iri not in labels:
            labels[iri] = _label(view, iri)
    return Snapshot(
        source=str(source),
        network=annotate(G, seed=seed),
        relations=relations,
        events=events,
        incidents={r["iri"]: r for r in incident_rows(view.store)},
        labels=labels,
        articles=sum(1 for _ in view.subjects(RDF.type, KG.Article)),
        balance=metrics.balance(G),
    )


def diff_files(old, new, *, trust: Trust = DEFAULT_TRUST, top: int = 10, seed: int = 0) -> dict:
    """What changed from the graph or store ``old`` to ``new`` (see :func:`diff`)."""
    onto = load_ontology()
    return diff(
        snapshot(old, trust=trust, seed=seed, ontology=onto),
        snapshot(new, trust=trust, seed=seed, ontology=onto),
        top=top,
    )


def diff(old: Snapshot, new: Snapshot, *, top: int = 10) -> dict:
    """Everything ``kg diff`` prints, as plain data."""
    label = {**old.labels, **new.labels}.get
    return {
        "old": _summary(old),
        "new": _summary(new),
        "actors": _added_removed(
            {n: _actor(n, d) for n, d in old.network.nodes(data=True)},
            {n: _actor(n, d) for n, d in new.network.nodes(data=True)},
        ),
        "relations": _relations_diff(old.relations, new.relations, label),
        "events": _events_diff(old.events, new.events, label),
        "incidents": _incidents_diff(old.incidents, new.incidents),
        "ties": _ties_diff(old.network, new.network),
        "centrality": _centrality(old.network, new.network, top),
        "communities": _communities(old.network, new.network),
        "balance": _balance(old, new, label),
    }


# --------------------------------------------------------------------- reading a side


def _relations(view, onto: Graph) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Relation triples between entities -> the sorted statuses of their evidence
    (empty for a fact with no evidence, such as one from a gazetteer)."""
    properties = [
        p for p in polarity_table(onto) if (p, RDF.type, OWL.ObjectProperty) in onto and str(p).startswith(str(KG._NS))
    ]
    inverse = {}
    for a, b in onto.subject_objects(OWL.inverseOf):
        inverse[str(a)], inverse[str(b)] = str(b), str(a)
    symmetric = {str(p) for p in onto.subjects(RDF.type, OWL.SymmetricProperty)}

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        if p in inverse and inverse[p] < p:
            s, p, o = o, inverse[p], s
        if p in symmetric and o < s:
            s, o = o, s
        return s, p, o

    statuses: dict[tuple[str, str, str], set[str]] = {}
    for p in properties:
        for s, o in view.subject_objects(p):
            if str(s).startswith(ENTITY_BASE) and str(o).startswith(ENTITY_BASE):
                statuses.setdefault(key(str(s), str(p), str(o)), set())
    for node in view.subjects(RDF.type, KG.Evidence):
        s, p, o = (view.value(node, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        k = key(str(s), str(p), str(o)) if None not in (s, p, o) else None
        if k in statuses:
            status = view.value(node, KG.status)
            statuses[k].add(local(status) if status is not None else ASSERTED)
    return {(s, local(p), o): tuple(sorted(v)) for (s, p, o), v in statuses.items()}


def _events(view, onto: Graph) -> dict[str, dict]:
    classes = set(EVENT_TYPES) | subclasses(onto, KG.Event)
    found = {str(e): cls for e, cls in _event_classes(view, classes)}
    events = {}
    for iri, cls in found.items():
        node = URIRef(iri)
        status = view.value(node, KG.status)
        recipients = set()
        for role in _ROLES_IN:
            for target in map(str, view.objects(node, role)):
                # a condemnation of a strike is aimed at the strike's agents
                recipients |= {str(a) for a in view.objects(URIRef(target), KG.agent)} if target in found else {target}
        events[iri] = {
            "class": local(cls),
            "status": local(status) if status is not None else ASSERTED,
            "agents": sorted(str(a) for a in view.objects(node, KG.agent)),
            "recipients": sorted(recipients),
            "article": str(view.value(node, PROV.wasDerivedFrom) or ""),
        }
    return events


def _incidents_diff(old: dict, new: dict) -> dict:
    return _changes(old, new, lambda r: (r["label"], r["iri"]), "reports")


def _label(view, iri: str) -> str:
    found = view.value(URIRef(iri), RDFS.label)
    return str(found) if found is not None else unquote(local(iri)).replace("_", " ")


def _summary(side: Snapshot) -> dict:
    G = side.network
    return {
        "source": side.source,
        "articles": side.articles,
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "relations": len(side.relations),
        "events": len(side.events),
        "incidents": len(side.incidents),
    }


# --------------------------------------------------------------------- comparing


def _actor(iri: str, data: dict) -> dict:
    return {"iri": iri, "label": data.get("label", iri), "type": data.get("type", "")}


def _added_removed(old: dict, new: dict) -> dict:
    return {
        "added": [new[k] for k in sorted(set(new) - set(old), key=lambda k: _sort_key(new[k]))],
        "removed": [old[k] for k in sorted(set(old) - set(new), key=lambda k: _sort_key(old[k]))],
    }


def _sort_key(item: dict) -> tuple:
    return tuple(str(item.get(k, "")) for k in ("label", "subject_label", "relation", "object_label", "iri"))


def _relations_diff(old: dict, new: dict, label) -> dict:
    def row(k, statuses) -> dict:
        s, relation, o = k
        return {
            "subject": s,
            "subject_label": label(s, s),
            "relation": relation,
            "object": o,
            "object_label": label(o, o),
            "status": list(statuses),
        }

    found = _added_removed({k: row(k, v) for k, v in old.items()}, {k: row(k, v) for k, v in new.items()})
    changed = [
        row(k, new[k]) | {"old_status": list(old[k]), "status": list(new[k])}
        for k in set(old) & set(new)
        if old[k] != new[k]
    ]
    return found | {"status_changed": sorted(changed, key=_sort_key)}


def _events_diff(old: dict, new: dict, label) -> dict:
    def row(iri: str, event: dict) -> dict:
        return {
            "iri": iri,
            "class": event["class"],
            "status": event["status"],
            "agents": [label(a, a) for a in event["agents"]],
            "recipients": [label(r, r) for r in event["recipients"]],
            "article": event["article"],
        }

    found = {
        kind: sorted(rows, key=lambda r: r["iri"])
        for kind, rows in _added_removed(
            {k: row(k, v) for k, v in old.items()}, {k: row(k, v) for k, v in new.items()}
        ).items()
    }
    changed = [
        row(k, new[k]) | {"old_status": old[k]["status"]}
        for k in sorted(set(old) & set(new))
        if old[k]["status"] != new[k]["status"]
    ]
    return found | {"status_changed": changed}


def _ties_diff(old: nx.Graph, new: nx.Graph) -> dict:
    def ties(G: nx.Graph) -> dict:
        found = {}
        for u, v, d in G.edges(data=True):
            a, b = sorted((u, v))
            found[(a, b)] = {
                "source": a,
                "target": b,
                "source_label": G.nodes[a].get("label", a),
                "target_label": G.nodes[b].get("label", b),
                "relations": list(d.get("relations", [])),
                "polarity": d.get("polarity", "neutral"),
            }
        return found

    return _changes(ties(old), ties(new), lambda t: (t["source_label"], t["target_label"]), "polarity")


def _changes(before: dict, after: dict, key, field: str) -> dict:
    """Rows added, removed, and those whose ``field`` changed (with ``old_<field>``), each sorted by ``key``."""
    return {
        "added": sorted((after[k] for k in set(after) - set(before)), key=key),
        "removed": sorted((before[k] for k in set(before) - set(after)), key=key),
        f"{field}_changed": sorted(
            (
                after[k] | {f"old_{field}": before[k][field]}
                for k in set(before) & set(after)
                if before[k][field] != after[k][field]
            ),
            key=key,
        ),
    }


def _ranks(G: nx.Graph) -> dict[str, int]:
    """1-based rank by PageRank, in the order ``kg analyze`` lists actors."""
    order = sorted(G, key=lambda n: (-G.nodes[n]["pagerank"], G.nodes[n].get("label", str(n))))
    return {n: i + 1 for i, n in enumerate(order)}


def _centrality(old: nx.Graph, new: nx.Graph, top: int) -> dict:
    before, after = _ranks(old), _ranks(new)
    shown = {n for ranks in (before, after) for n, r in ranks.items() if r <= top}
    rows = []
    for n in shown:
        a, b = before.get(n), after.get(n)
        if a is None:
            move = "new"
        elif b is None:
            move = "gone"
        else:
            move = "rose" if b < a else "fell" if b > a else "same"
        data = new.nodes[n] if n in new else old.nodes[n]
        rows.append(
            {
                "iri": n,
                "label": data.get("label", n),
                "old_rank": a,
                "new_rank": b,
                "change": move,
                "old_pagerank": old.nodes[n]["pagerank"] if n in old else None,
                "new_pagerank": new.nodes[n]["pagerank"] if n in new else None,
            }
        )
    rows.sort(key=lambda r: (r["new_rank"] is None, r["new_rank"] or 0, r["old_rank"] or 0, r["label"]))
    return {"measure": "pagerank", "top": top, "actors": rows}


def _groups(G: nx.Graph) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for n, d in G.nodes(data=True):
        found[d["community"]].add(n)
    return found


def _communities(old: nx.Graph, new: nx.Graph) -> dict:
    """Counts and modularity on each side, and the actors that changed community.

    Community numbers mean nothing across two runs, so each new community is matched to
    the old community holding most of its actors (of those in both networks); an actor
    moved when its old community is not its new community's match. A community that
    split leaves its smaller parts "moved"; two that merged move the smaller one.
    """
    before, after = _groups(old), _groups(new)
    common = set(old) & set(new)
    match = {}
    for cid, members in after.items():
        overlap = Counter(old.nodes[n]["community"] for n in members & common)
        match[cid] = min(overlap, key=lambda c: (-overlap[c], c)) if overlap else None

    def companions(G: nx.Graph, group: set[str], n: str) -> list[str]:
        others = sorted(group - {n}, key=lambda m: (-G.nodes[m]["pagerank"], G.nodes[m].get("label", m)))
        return [G.nodes[m].get("label", m) for m in others[:_COMPANIONS]]

    moved = []
    for n in sorted(common, key=lambda m: new.nodes[m].get("label", m)):
        was, now = old.nodes[n]["community"], new.nodes[n]["community"]
        if match[now] != was:
            moved.append(
                {
                    "iri": n,
                    "label": new.nodes[n].get("label", n),
                    "old_community": was + 1,
                    "new_community": now + 1,
                    "old_with": companions(old, before[was], n),
                    "new_with": companions(new, after[now], n),
                }
            )

    def side(G: nx.Graph, groups: dict) -> dict:
        return {"count": len(groups), "modularity": G.graph.get("modularity", 0.0)}

    return {"old": side(old, before), "new": side(new, after), "moved": moved}


def _balance(old: Snapshot, new: Snapshot, label) -> dict:
    def triads(b: dict) -> dict:
        return {tuple(sorted(t["nodes"])): t["signs"] for t in b["unbalanced_triads"]}

    def row(nodes: tuple, signs: list) -> dict:
        return {"iris": list(nodes), "labels": [label(n, n) for n in nodes], "signs": signs}

    before, after = triads(old.balance), triads(new.balance)
    keep = ("triads", "balanced", "unbalanced", "ratio")
    return {
        "old": {k: old.balance[k] for k in keep},
        "new": {k: new.balance[k] for k in keep},
        "unbalanced_added": [row(k, after[k]) for k in sorted(set(after) - set(before))],
        "unbalanced_removed": [row(k, before[k]) for k in sorted(set(before) - set(after))],
    }


# --------------------------------------------------------------------- printing


def format_diff(report: dict, fmt: str = "table", *, limit: int = DEFAULT_LIMIT) -> str:
    """``report`` as "table" (aligned plain text), "markdown" or "json" (everything, unabridged).

    ``limit`` caps each list in the table and Markdown forms (0: no cap).
    """
    if fmt == "json":
        return as_json(report)
    doc = Document(fmt, what="diff", limit=limit, more=" (--limit 0 lists all; --format json has everything)")
    section = doc.section

    old, new = report["old"], report["new"]
    doc.title("What changed", f"old: {old['source']}", f"new: {new['source']}")
    section(
        "Counts",
        ["", "old", "new", "change"],
        [
            [k, old[k], new[k], f"{new[k] - old[k]:+d}"]
            for k in ("articles", "actors", "ties", "relations", "events", "incidents")
        ],
    )
    for kind in ("added", "removed"):
        rows = report["actors"][kind]
        section(
            f"Actors {kind} ({len(rows)})", ["actor", "type", "iri"], [[a["label"], a["type"], a["iri"]] for a in rows]
        )

    rel = report["relations"]
    for kind in ("added", "removed"):
        section(
            f"Relations {kind} ({len(rel[kind])})",
            ["subject", "relation", "object", "status"],
            [[r["subject_label"], r["relation"], r["object_label"], _statuses(r["status"])] for r in rel[kind]],
        )
    section(
        f"Relations whose status changed ({len(rel['status_changed'])})",
        ["subject", "relation", "object", "was", "now"],
        [
            [r["subject_label"], r["relation"], r["object_label"], _statuses(r["old_status"]), _statuses(r["status"])]
            for r in rel["status_changed"]
        ],
    )

    ev = report["events"]
    for kind in ("added", "removed"):
        section(
            f"Events {kind} ({len(ev[kind])})",
            ["event", "class", "who", "whom", "status"],
            [_event_row(e) + [e["status"]] for e in ev[kind]],
        )
    section(
        f"Events whose status changed ({len(ev['status_changed'])})",
        ["event", "class", "who", "whom", "was", "now"],
        [_event_row(e) + [e["old_status"], e["status"]] for e in ev["status_changed"]],
    )

    inc = report["incidents"]
    for kind in ("added", "removed"):
        section(
            f"Incidents {kind} ({len(inc[kind])})",
            ["incident", "reports"],
            [[i["label"], i["reports"]] for i in inc[kind]],
        )
    section(
        f"Incidents more or fewer articles report ({len(inc['reports_changed'])})",
        ["incident", "reports before", "now"],
        [[i["label"], i["old_reports"], i["reports"]] for i in inc["reports_changed"]],
    )

    ties = report["ties"]
    for kind in ("added", "removed"):
        section(
            f"Ties {kind} ({len(ties[kind])})",
            ["actor", "actor", "relations", "polarity"],
            [[t["source_label"], t["target_label"], ", ".join(t["relations"]), t["polarity"]] for t in ties[kind]],
        )
    section(
        f"Ties whose polarity changed ({len(ties['polarity_changed'])})",
        ["actor", "actor", "was", "now"],
        [[t["source_label"], t["target_label"], t["old_polarity"], t["polarity"]] for t in ties["polarity_changed"]],
    )

    c = report["centrality"]
    section(
        f"Most central actors (PageRank rank, top {c['top']} of either graph)",
        ["actor", "old", "new", "change"],
        [[a["label"], _rank(a["old_rank"]), _rank(a["new_rank"]), a["change"]] for a in c["actors"]],
    )

    com = report["communities"]
    o, n = com["old"], com["new"]
    section(
        f"Communities: {o['count']} -> {n['count']} (modularity {o['modularity']:.2f} -> {n['modularity']:.2f}); "
        f"{len(com['moved'])} actor(s) moved",
        ["actor", "was with", "now with"],
        [[m["label"], _names(m["old_with"]) or "(alone)", _names(m["new_with"]) or "(alone)"] for m in com["moved"]],
    )

    b = report["balance"]
    section(
        f"Structural balance: {_balance_line(b['old'])} -> {_balance_line(b['new'])}",
        ["unbalanced triad", "signs", ""],
        [[" / ".join(t["labels"]), _signs(t["signs"]), "new"] for t in b["unbalanced_added"]]
        + [[" / ".join(t["labels"]), _signs(t["signs"]), "gone"] for t in b["unbalanced_removed"]],
    )
    return doc.text()


def _statuses(statuses: list[str]) -> str:
    return ", ".join(statuses) or "-"  # no evidence: a gazetteer fact


def _names(names: list[str]) -> str:
    return ", ".join(names)


def _rank(rank: int | None) -> str:
    return "-" if rank is None else str(rank)


def _signs(signs: list[int]) -> str:
    return " ".join("+" if s > 0 else "-" for s in signs)


def _event_row(event: dict) -> list[str]:
    """An event's short IRI (``kgv:``), class, agents and whom it was aimed at."""
    iri = event["iri"]
    short = "kgv:" + iri[len(EVENT_BASE) :] if iri.startswith(EVENT_BASE) else iri
    return [short, event["class"], _names(event["agents"]), _names(event["recipients"])]


def _balance_line(b: dict) -> str:
    ratio = "n/a" if b["ratio"] is None else f"{b['ratio']:.0%}"
    return f"{b['triads']} triads, {b['unbalanced']} unbalanced ({ratio} balanced)"
