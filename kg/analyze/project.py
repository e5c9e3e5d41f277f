"""Project kg's RDF graph onto a networkx graph of actors.

The result is an undirected ``nx.Graph``: the measures (communities, bridges, balance,
betweenness) are about who is tied to whom, not who acted on whom. Direction is kept on
each edge in ``facts``: a list of ``{"source", "relation", "target", "polarity"}``.

Nodes are entity IRIs, with ``iri``, ``label``, ``type`` (class local name), ``aliases``
(list), ``wikidata`` (IRI or ""), ``articles`` (how many articles mention the actor).

Edges come from two kinds of facts:

- a relation triple between two entities (``kge:United_States kg:designated
  kge:Kataib_Hezbollah``): the relation is the predicate's local name;
- an event: its agent(s) to each target and victim (when the target is itself an
  event, to that event's agents: Iran condemns the air strike -> Iran to the striker),
  and for a killing, victim to victim as ``killedAlongside``. The relation is the
  event class's local name and the event IRI is kept in ``events``.

Edge attributes: ``relations`` (sorted local names), ``polarity`` (combined over the
facts, see :func:`kg.analyze.polarity.combine`), ``sign`` (+1, -1, 0), ``weight`` (the
number of independent mentions: distinct (article, sentence) pairs over all its facts;
a fact with no evidence at all counts once), ``articles``, ``evidence`` (list of
``{"article", "sentence"}``), ``events``, ``facts``, and ``support``: each fact's own
evidence graded and dated, ``{"source", "relation", "target", "article", "sentence",
"confidence", "status", "date"}`` (confidence None when the graph gives none), for a reader
who wants to weigh each statement (the page's confidence slider, status filter and date
range). ``date`` is the first day of the fact as an ISO string: an event's ``kg:time``, else
the article's ``schema:datePublished`` ("" when there is neither). Where the text bounds the
fact a row also has ``from`` (``kg:validFrom``'s first day) and ``until``, the last day it
held: ``kg:validUntil``'s last day, the day before its article's date for a role the text
calls former, and for an event the last day its time covers (an event does not go on).
Nodes also get ``first_seen``: the earliest date among their rows and the articles that
mention them ("" when none is dated).

Places: a place is a node only when it takes part in a fact with an actor (KH is
based in Jurf al-Sakhar; an air strike targeted a town); places that are merely where
an event happened (``kg:location``) are left out. Places tied only to other places are
left out too, so a gazetteer's ``locatedIn`` chains do not fill the network.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from urllib.parse import unquote

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.analyze.polarity import NEUTRAL, SIGNS, combine, polarity_table
from kg.extract.timex import period
from kg.ontology import local
from kg.rdf.schema import load_ontology, subclasses
from kg.rdf.vocab import KG, SCHEMA, WD
from kg.store.sink import StoreView
from kg.store.source import open_store, union_graph

# most specific first: a node typed both kg:ArmedGroup and kg:Organization is an ArmedGroup
ACTOR_TYPES = (
    KG.Person,
    KG.ArmedGroup,
    KG.Military,
    KG.GovernmentBody,
    KG.NewsOrganization,
    KG.Organization,
    KG.State,
    KG.Actor,
)
PLACE_TYPES = (KG.City, KG.Place)
EVENT_TYPES = (
    KG.AirStrike,
    KG.Attack,
    KG.Killing,
    KG.Injury,
    KG.Designation,
    KG.Condemnation,
    KG.Threat,
    KG.Statement,
    KG.Event,
)
ROLES_OUT = (KG.agent,)
ROLES_IN = (KG.target, KG.victim)
_NOT_RELATIONS = {KG.polarity, KG.participant, KG.agent, KG.target, KG.victim, KG.location, KG.during, KG.time}
_NOT_RELATIONS |= {KG.mergedInto, KG.merged, KG.report}  # kg's own joins across articles
_WIKIDATA = (str(WD), "https://www.wikidata.org/entity/")

Pair = tuple[str, str]  # (article IRI, sentence)
# (article IRI, sentence, confidence, status, date, from, until); the dates ISO or ""
Support = tuple[str, str, float | None, str, str, str, str]
SUPPORT_KEYS = ("article", "sentence", "confidence", "status", "date", "from", "until")

# What the network is drawn from by default: facts kg is fairly sure of (confidence is
# calibrated: about this share of such facts is right, see docs/quality.md), stated by
# the outlet or attributed to a party. Hedged and denied facts stay in the graph.
DEFAULT_MIN_CONFIDENCE = 0.5
DEFAULT_STATUSES = frozenset({"asserted", "claimed"})
STATUSES = ("asserted", "claimed", "hedged", "denied", "negated")


@dataclass(frozen=True)
class Trust:
    """Which facts count as ties: a confidence floor and the statuses let through."""

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    statuses: frozenset[str] = DEFAULT_STATUSES

    def admits(self, graph: Graph, node, values: dict | None = None) -> bool:
        """Whether the evidence or event ``node`` is sure enough and of an admitted status
        (a graph written before statuses existed counts as asserted); ``values``, if given,
        are ``node``'s (:func:`node_values`)."""
        if values is None:
            values = {prop: graph.value(node, prop) for prop in (KG.confidence, KG.status)}
        confidence, status = values.get(KG.confidence), values.get(KG.status)
        sure = confidence is None or float(confidence) >= self.min_confidence
        return sure and (local(status) if status is not None else "asserted") in self.statuses

    def admits_mentioned(self, graph: Graph, articles: set[str]) -> bool:
        """Whether an actor mentioned by ``articles`` (IRIs) is part of the network: always,
        unless a date window leaves all of them out (:class:`kg.analyze.timeline.Window`)."""
        return True


DEFAULT_TRUST = Trust()
EVERYTHING = Trust(min_confidence=0.0, statuses=frozenset(STATUSES))


@dataclass(frozen=True)
class Fact:
    """One directed, sourced statement that two actors are tied."""

    source: str
    target: str
    relation: str
    polarity: str
    evidence: frozenset[Support]
    event: str = ""


def project(data, *, ontology: Graph | None = None, trust: Trust = DEFAULT_TRUST) -> nx.Graph:
    """The actor network of ``data``: a Graph or Dataset written by kg's pipeline, or a
    :class:`kg.store.sink.StoreView` of an Oxigraph store (no rdflib copy of the graph).

    ``ontology`` supplies ``kg:polarity``; by default the bundled ``kg.ttl`` is read.
    ``trust`` says which facts become ties: by default those of confidence 0.5 or more
    that the text asserts or attributes to a party (:data:`EVERYTHING` for all).
    """
    graph = union_graph(data) if isinstance(data, Graph) else data
    onto = load_ontology() if ontology is None else ontology
    table = polarity_table(onto, graph)
    actors, places = _entity_types(graph, onto)
    types = actors | places
    calendar = Calendar(graph)
    evidence = _evidence_index(graph, trust, calendar)
    facts = list(_relation_facts(graph, types, evidence, table))
    facts += _event_facts(graph, types, evidence, table, onto, trust, calendar)
    # an actor kg joined to another spelling or full name (kg merges) is that actor
    merged = _merged_actors(graph, types)
    facts = [f for f in (_renamed(f, merged) for f in facts) if f.source != f.target]
    for gone in merged:
        actors.pop(gone, None)
        places.pop(gone, None)
    kept_places = {
        n for f in facts for n, other in ((f.source, f.target), (f.target, f.source)) if n in places and other in actors
    }
    mentions = _mentions(graph, facts, merged)
    # an actor neither in an admitted fact nor mentioned by an admitted article is not part
    # of this network (a date window)
    tied = {n for f in facts for n in (f.source, f.target)}
    nodes = {n for n in actors if n in tied or trust.admits_mentioned(graph, mentions[n])} | kept_places
    facts = [f for f in facts if f.source in nodes and f.target in nodes]

    G = nx.Graph()
    seen = _first_seen(facts, mentions, calendar)
    for iri in sorted(nodes):
        joined = sorted(gone for gone, into in merged.items() if into == iri)
        attrs = _node_attrs(graph, URIRef(iri), types[iri], len(mentions[iri]), joined)
        G.add_node(iri, **attrs, first_seen=seen.get(iri, ""))
    by_pair: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_pair[tuple(sorted((fact.source, fact.target)))].append(fact)
    for (u, v), group in sorted(by_pair.items()):
        G.add_edge(u, v, **_edge_attrs(group))
    return G


def project_file(source, *, trust: Trust = DEFAULT_TRUST) -> nx.Graph:
    """The actor network of a graph file or a ``kg build --store`` directory.

    The graph is read into Oxigraph (a store is opened read-only where it lies) and
    projected from its indexes, so a large graph never has to fit in rdflib.
    """
    return project(StoreView(open_store(source)), trust=trust)


def _entity_types(graph: Graph, onto: Graph) -> tuple[dict[str, str], dict[str, str]]:
    """Actors and places: IRI -> local name of their most specific class."""
    actor_classes = list(ACTOR_TYPES) + sorted(subclasses(onto, KG.Actor) - set(ACTOR_TYPES))
    # a class under both (kg:State is an Actor and a Place) counts as an actor
    place_classes = [
        c for c in list(PLACE_TYPES) + sorted(subclasses(onto, KG.Place) - set(PLACE_TYPES)) if c not in actor_classes
    ]
    rank = {cls: i for i, cls in enumerate(actor_classes + place_classes)}
    actors: dict[str, str] = {}
    places: dict[str, str] = {}
    best: dict[str, URIRef] = {}
    for cls in rank:
        for subject in graph.subjects(RDF.type, cls):
            key = str(subject)
            if isinstance(subject, URIRef) and (key not in best or rank[cls] < rank[best[key]]):
                best[key] = cls
    for key, cls in best.items():
        (places if cls in place_classes else actors)[key] = local(cls)
    return actors, places


def _evidence_index(graph: Graph, trust: Trust, calendar: Calendar) -> dict[tuple[str, str, str], set[Support] | None]:
    """(subject, predicate, object) -> the :data:`Support` rows for it, from the evidence
    ``trust`` admits; None for a triple whose every piece of evidence it refuses."""
    index: dict[tuple[str, str, str], set[Support] | None] = {}
    for node in graph.subjects(RDF.type, KG.Evidence):
        values = node_values(graph, node)
        s, p, o = (values.get(term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            continue
        key = (str(s), str(p), str(o))
        if trust.admits(graph, node, values):
            index[key] = (index.get(key) or set()) | {_pair(node, calendar, values)}
        else:
            index.setdefault(key, None)
    return index


class Calendar:
    """The dates rows need: articles' first days, each looked up once, and the bounds texts
    give facts (``kg:validFrom``, ``kg:validUntil``, ``kg:former``), read in one pass over those
    few triples rather than looked up for every fact."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._published: dict = {}
        self.bounds: dict = defaultdict(dict)
        for prop in (KG.validFrom, KG.validUntil, KG.former):
            for node, value in graph.subject_objects(prop):
                self.bounds[node].setdefault(prop, value)

    def published(self, article) -> date | None:
        """The first day of ``article``'s ``schema:datePublished``, or None."""
        if article is None:
            return None
        if article not in self._published:
            span = period(self.graph.value(article, SCHEMA.datePublished))
            self._published[article] = span[0] if span else None
        return self._published[article]

    def event_span(self, node) -> tuple[date, date] | None:
        """The first and last day of event ``node``: its ``kg:time``, else its article's date."""
        span = period(self.graph.value(node, KG.time))
        if span is None and (day := self.published(self.graph.value(node, PROV.wasDerivedFrom))) is not None:
            span = (day, day)
        return span


def node_values(graph: Graph, node) -> dict:
    """Each property of ``node`` -> one of its values (the first found), read in one lookup:
    an evidence node's eight or so values cost one index scan instead of eight."""
    values: dict = {}
    for prop, value in graph.predicate_objects(node):
        values.setdefault(prop, value)
    return values


def _pair(node, calendar: Calendar, values: dict) -> Support:
    """The row of the evidence or event ``node`` (its ``values``: :func:`node_values`), dated
    by its article and the text's bounds."""
    article = values.get(PROV.wasDerivedFrom)
    sentence = values.get(KG.sentence)
    confidence = values.get(KG.confidence)
    status = values.get(KG.status)
    day = calendar.published(article)
    bounds = calendar.bounds.get(node, {})
    since, until = period(bounds.get(KG.validFrom)), period(bounds.get(KG.validUntil))
    last = until[1] if until else None
    former = bounds.get(KG.former)
    if former is not None and day is not None and bool(Literal(former).toPython()):
        last = min(filter(None, (last, day - timedelta(days=1))))
    return (
        str(article) if article is not None else "",
        str(sentence) if sentence is not None else "",
        float(confidence) if confidence is not None else None,
        local(status) if status is not None else "asserted",
        _iso(day),
        _iso(since[0] if since else None),
        _iso(last),
    )


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _relation_facts(graph: Graph, types: dict[str, str], evidence, table) -> Iterator[Fact]:
    """Plain relation triples between two entities, in the kg namespace."""
    namespace = str(KG._NS)
    for s in sorted(types):
        for p, o in graph.predicate_objects(URIRef(s)):
            if isinstance(o, URIRef) and str(p).startswith(namespace) and p not in _NOT_RELATIONS and str(o) in types:
                pairs = evidence.get((s, str(p), str(o)), set())  # no evidence at all: a gazetteer fact
                if pairs is not None:
                    yield Fact(s, str(o), local(p), table.get(p, NEUTRAL), frozenset(pairs))


def _event_facts(
    graph: Graph, types: dict[str, str], evidence, table, onto: Graph, trust: Trust, calendar: Calendar
) -> Iterator[Fact]:
    """Agent -> target/victim for every event; victim <-> victim for killings. Every row of an
    event's facts is dated by the event: its ``kg:time``, else its own article's date."""
    event_classes = set(EVENT_TYPES) | subclasses(onto, KG.Event)
    killings = {KG.Killing} | subclasses(onto, KG.Killing)
    events = {str(e): cls for e, cls in _event_classes(graph, event_classes)}
    for event, cls in sorted(events.items()):
        node = URIRef(event)
        values = node_values(graph, node)
        if not trust.admits(graph, node, values):
            continue
        own = _pair(node, calendar, values)
        base = {own} if own[:2] != ("", "") else set()
        span = calendar.event_span(node)

        def dated(rows, span=span) -> frozenset[Support]:
            if span is None:
                return frozenset(rows)
            return frozenset((*r[:4], span[0].isoformat(), "", span[1].isoformat()) for r in rows)

        relation, polarity = local(cls), table.get(cls, NEUTRAL)
        agents = [str(a) for a in graph.objects(node, KG.agent) if str(a) in types]
        for agent in sorted(agents):
            agent_pairs = evidence.get((event, str(KG.agent), agent)) or set()
            for role in ROLES_IN:
                for target in sorted(map(str, graph.objects(node, role))):
                    role_pairs = evidence.get((event, str(role), target)) or set()
                    for end in _participants(graph, target, types, events):
                        yield Fact(agent, end, relation, polarity, dated(base | agent_pairs | role_pairs), event)
        if cls in killings:
            victims = sorted(str(v) for v in graph.objects(node, KG.victim) if str(v) in types)
            for i, a in enumerate(victims):
                for b in victims[i + 1 :]:
                    pairs = (evidence.get((event, str(KG.victim), a)) or set()) | (
                        evidence.get((event, str(KG.victim), b)) or set()
                    )
                    yield Fact(
                        a,
                        b,
                        local(KG.killedAlongside),
                        table.get(KG.killedAlongside, NEUTRAL),
                        dated(base | pairs),
                        event,
                    )


def _event_classes(graph: Graph, event_classes: set[URIRef]) -> Iterator[tuple[URIRef, URIRef]]:
    """Each event with its most specific class (the one no other of its classes is below)."""
    rank = {cls: i for i, cls in enumerate(EVENT_TYPES)}
    by_event: dict[URIRef, set[URIRef]] = defaultdict(set)
    for cls in event_classes:
        for event in graph.subjects(RDF.type, cls):
            if isinstance(event, URIRef):
                by_event[event].add(cls)
    for event, classes in by_event.items():
        yield event, min(classes, key=lambda c: (rank.get(c, -1), str(c)))


def _participants(graph: Graph, target: str, types: dict[str, str], events: dict[str, URIRef]) -> list[str]:
    """An entity target is itself; an event target stands for that event's agents."""
    if target in types:
        return [target]
    if target in events:
        return sorted(str(a) for a in graph.objects(URIRef(target), KG.agent) if str(a) in types)
    return []


def _merged_actors(graph: Graph, types: dict[str, str]) -> dict[str, str]:
    """Actor -> the actor kg joined it to (``kg:mergedInto`` on the actor, not on a kg:Merge)."""
    return {
        str(s): str(o)
        for s, o in graph.subject_objects(KG.mergedInto)
        if str(s) in types and str(o) in types and str(s) != str(o)
    }


def _renamed(fact: Fact, merged: dict[str, str]) -> Fact:
    if fact.source not in merged and fact.target not in merged:
        return fact
    return replace(fact, source=merged.get(fact.source, fact.source), target=merged.get(fact.target, fact.target))


def _mentions(graph: Graph, facts: Iterable[Fact], merged: dict[str, str]) -> dict[str, set[str]]:
    """Entity IRI -> the articles that mention it (schema:mentions or evidence)."""
    found: dict[str, set[str]] = defaultdict(set)
    for article, entity in graph.subject_objects(SCHEMA.mentions):
        found[merged.get(str(entity), str(entity))].add(str(article))
    for fact in facts:
        for article, *_ in fact.evidence:
            if article:
                found[fact.source].add(article)
                found[fact.target].add(article)
    return found


def _node_attrs(graph: Graph, node: URIRef, type_: str, articles: int, joined: Iterable[str] = ()) -> dict:
    """A node's attributes; the names of the actors ``joined`` to it are among its aliases."""
    label = _label(graph, node)
    names = {
        str(a) for n in (node, *map(URIRef, joined)) for a in graph.objects(n, SKOS.altLabel) if isinstance(a, Literal)
    }
    aliases = sorted((names | {_label(graph, URIRef(n)) for n in joined}) - {label})
    wikidata = sorted(str(o) for o in graph.objects(node, OWL.sameAs) if str(o).startswith(_WIKIDATA))
    return {
        "iri": str(node),
        "label": label,
        "type": type_,
        "aliases": aliases,
        "wikidata": wikidata[0] if wikidata else "",
        "articles": articles,
    }


def _label(graph: Graph, node: URIRef) -> str:
    labels = sorted(map(str, graph.objects(node, RDFS.label))) or sorted(map(str, graph.objects(node, SKOS.prefLabel)))
    return labels[0] if labels else unquote(local(node)).replace("_", " ")


def _edge_attrs(facts: list[Fact]) -> dict:
    pairs: set = set()
    for fact in facts:
        # a fact nobody wrote a sentence for still counts, once
        pairs |= {(a, s) for a, s, *_ in fact.evidence} or {
            ("", f"{fact.source} {fact.relation} {fact.target} {fact.event}")
        }
    real = sorted({(a, s) for f in facts for a, s, *_ in f.evidence})
    polarity = combine(f.polarity for f in facts)
    return {
        "relations": sorted({f.relation for f in facts}),
        "polarity": polarity,
        "sign": SIGNS[polarity],
        "weight": len(pairs),
        "articles": sorted({a for a, _ in real if a}),
        "evidence": [{"article": a, "sentence": s} for a, s in real],
        "events": sorted({f.event for f in facts if f.event}),
        "facts": [
            dict(zip(("source", "relation", "target", "polarity"), t))
            for t in sorted({(f.source, f.relation, f.target, f.polarity) for f in facts})
        ],
        "support": [
            _row(t)
            for t in sorted(
                {(f.source, f.relation, f.target, *e) for f in facts for e in f.evidence}, key=lambda t: str(t)
            )
        ],
    }


def _row(t: tuple) -> dict:
    """A support row: ``from`` and ``until`` only where the text gives them."""
    row = dict(zip(("source", "relation", "target", *SUPPORT_KEYS), t))
    return {k: v for k, v in row.items() if v or k not in ("from", "until")}


def _first_seen(facts: list[Fact], mentions: dict[str, set[str]], calendar: Calendar) -> dict[str, str]:
    """Entity IRI -> the earliest date of its facts' rows and of the articles that mention it."""
    seen: dict[str, str] = {}
    for fact in facts:
        first = min((row[4] for row in fact.evidence if row[4]), default="")
        for node in (fact.source, fact.target):
            if first and (node not in seen or first < seen[node]):
                seen[node] = first
    for node, articles in mentions.items():
        first = min(filter(None, (_iso(calendar.published(URIRef(a))) for a in articles)), default="")
        if first and (node not in seen or first < seen[node]):
            seen[node] = first
    return seen
