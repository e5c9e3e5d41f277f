"""Across articles: the incidents and actor merges of a whole graph, worked out again.

After every build, kg reads every article's events and people from the graph (a store,
or the quads a file build collected), groups the reports of one real-world event into
incidents (:mod:`kg.resolve.incidents`) and joins short forms of names to the one full
name that ends so (:func:`kg.resolve.entities.short_forms`), and writes the result as
one named graph, :data:`kg.ontology.MERGES_GRAPH`, replacing the one before.

Working it out from everything each time, instead of patching the last result, is what
makes it incremental and deterministic at once: a store that got its articles in two
builds holds the incidents, with the same IRIs, that one build of them all gives.

Undoing a merge: its ``kg:Merge`` IRI goes in the store's ``merges-undone.json``
(``kg merges STORE --undo IRI``); the next consolidation leaves those two apart.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph

from kg.atomic import atomic_path
from kg.errors import GraphError
from kg.extract.timex import period
from kg.ingest.dates import parse_date
from kg.nlp.spelling import variant_key
from kg.ontology import EVENT_BASE, local
from kg.rdf.gazetteer import state_bodies
from kg.rdf.incidents import merges_graph
from kg.rdf.schema import plover_families
from kg.rdf.vocab import KG, PREFIXES
from kg.resolve.entities import short_forms, spelling_variants
from kg.resolve.incidents import Incident, Merge, Report, World, group, reported
from kg.types import Entity

UNDONE_FILE = "merges-undone.json"
_PERSON = str(KG.Person)
_KILLING = str(KG.Killing)

_EVENTS = f"""
SELECT DISTINCT ?e ?cls ?article ?published ?time ?text ?status WHERE {{
  ?e kg:triggerText ?trigger ; a ?cls ; prov:wasDerivedFrom ?article .
  FILTER (STRSTARTS(STR(?e), "{EVENT_BASE}") && STRSTARTS(STR(?cls), STR(kg:)))
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?e kg:time ?time }}
  OPTIONAL {{ ?e kg:timeText ?text }}
  OPTIONAL {{ ?e kg:status ?status }}
}}"""
_ROLES = f"""
SELECT DISTINCT ?e ?role ?x WHERE {{
  VALUES ?role {{ kg:agent kg:target kg:victim kg:location kg:during }}
  ?e ?role ?x .
  FILTER (STRSTARTS(STR(?e), "{EVENT_BASE}"))
}}"""
_PLACES = """
SELECT DISTINCT ?x ?cls ?label WHERE {
  VALUES ?cls { kg:State kg:City kg:Place }
  ?x a ?cls . OPTIONAL { ?x rdfs:label ?label }
}"""
_WITHIN = "SELECT DISTINCT ?x ?y WHERE { ?x kg:locatedIn ?y }"
# a state's military or government body, and the state
_BODIES = """
SELECT DISTINCT ?x ?y WHERE {
  VALUES ?cls { kg:Military kg:GovernmentBody }
  ?x a ?cls ; kg:affiliatedWithCountry ?y . ?y a kg:State .
}"""
_ACTORS = """
SELECT ?x ?cls (MIN(?name) AS ?label) (MIN(?link) AS ?same) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  VALUES ?cls { kg:Person kg:Organization kg:ArmedGroup kg:GovernmentBody kg:Military }
  ?x a ?cls ; rdfs:label ?name .
  OPTIONAL { ?x owl:sameAs ?link }
  OPTIONAL { ?article schema:mentions ?x }
} GROUP BY ?x ?cls"""


def consolidate(store: ox.Store, *, undone: frozenset[str] = frozenset()) -> tuple[Graph, list[Incident]]:
    """The merges graph of everything ``store`` holds, and its incidents."""
    # a file build's named graphs, or a store's (whose default graph is their merge)
    empty = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    union = {"use_default_graph_as_union": True} if empty else {}

    def rows(sparql: str):
        return store.query(sparql, prefixes=PREFIXES, **union)

    actors = _actor_merges(rows, undone)
    same = _followed({m.merged: m.into for m in actors})
    world = _world(rows)
    incidents = group(_reports(rows, same), world, undone=undone)
    return merges_graph(incidents, actors, world.labels), incidents


def incident_lines(incidents: list[Incident], graph: Graph) -> list[str]:
    """What a build says of the incidents and merges it wrote."""
    reports = sum(len(i.reports) for i in incidents)
    several = sum(1 for i in incidents if len(i.articles) > 1)
    actors = sum(1 for s in graph.subjects(KG.mergedInto, None) if (s, RDF.type, KG.Merge) not in graph)
    return [
        f"incidents: {len(incidents)} from {reports} event reports "
        f"({several} reported by several articles); "
        f"{actors} name{'s' if actors != 1 else ''} joined to another spelling or a full name (`kg merges`)"
    ]


def read_undone(directory: str | Path) -> frozenset[str]:
    """The merge IRIs a user undid in the store at ``directory``."""
    path = Path(directory) / UNDONE_FILE
    if not path.is_file():
        return frozenset()
    try:
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as err:
        raise GraphError(f"'{path}' is not a JSON list of merge IRIs: {err}") from err


def write_undone(directory: str | Path, iris: set[str]) -> Path:
    path = Path(directory) / UNDONE_FILE
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(sorted(iris), indent=1) + "\n", encoding="utf-8")
    return path


def _actor_merges(rows, undone: frozenset[str]) -> list[Merge]:
    """Spellings of one name joined first, then short forms to the one full name."""
    actors: dict[str, Entity] = {}
    # an actor typed two ways by two articles is read as the class that sorts first, so
    # that the joins never depend on the order the store answers in
    for s in sorted(rows(_ACTORS), key=lambda s: (s["x"].value, s["cls"].value)):
        iri = s["x"].value
        if iri in actors:
            continue
        wikidata = s["same"].value if s["same"] is not None else None
        articles = tuple(range(int(s["articles"].value)))  # only their number counts here
        actors[iri] = Entity(iri=iri, label=s["label"].value, cls=s["cls"].value, wikidata=wikidata, articles=articles)
    merges = []
    for variant, spelling in sorted(spelling_variants(actors).items()):
        a, b = actors[variant], actors[spelling]
        reason = (
            f"'{a.label}' and '{b.label}' are spellings of one name (transliteration key "
            f"'{variant_key(a.label)}'); '{b.label}' is written in more articles"
        )
        merges.append(Merge(variant, spelling, reason))
    joined = {m.merged for m in merges if m.iri not in undone}
    people = {iri: e for iri, e in actors.items() if e.cls == _PERSON and iri not in joined}
    for short, full in sorted(short_forms(people).items()):
        reason = (
            f"'{people[short].label}' is a short form of '{people[full].label}', "
            "the one person in the graph whose full name ends so"
        )
        merges.append(Merge(short, full, reason))
    return [m for m in merges if m.iri not in undone]


def _followed(same: dict[str, str]) -> dict[str, str]:
    """Each merged actor -> the actor it ends up as (a spelling of a short form, say)."""
    out = {}
    for start in same:
        seen, at = {start}, same[start]
        while at in same and same[at] not in seen:
            seen.add(at)
            at = same[at]
        out[start] = at
    return out


def _world(rows) -> World:
    states, labels = set(), {}
    for s in rows(_PLACES):
        iri = s["x"].value
        if s["cls"].value == str(KG.State):
            states.add(iri)
        if s["label"] is not None:
            labels.setdefault(iri, s["label"].value)
    up: dict[str, set[str]] = defaultdict(set)
    for s in rows(_WITHIN):
        up[s["x"].value].add(s["y"].value)
    within = {place: frozenset(_closure(place, up)) for place in up}
    people = frozenset(s["x"].value for s in rows("SELECT DISTINCT ?x WHERE { ?x a kg:Person }"))
    country = state_bodies() | {s["x"].value: s["y"].value for s in rows(_BODIES)}
    return World(states=frozenset(states), within=within, labels=labels, people=people, country=country)


def _closure(place: str, up: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [place]
    while todo:
        for parent in up.get(todo.pop(), ()):
            if parent not in seen and parent != place:
                seen.add(parent)
                todo.append(parent)
    return seen


def _reports(rows, same: dict[str, str]) -> list[Report]:
    families = plover_families()
    events: dict[str, dict] = {}
    for s in rows(_EVENTS):
        iri = s["e"].value
        cls = s["cls"].value
        have = events.get(iri)
        if have is not None and (have["cls"] in families or cls not in families):
            continue  # one class per event: the one with a PLOVER type
        events[iri] = {
            "cls": cls,
            "article": s["article"].value,
            "published": parse_date(s["published"].value) if s["published"] is not None else None,
            "time": s["time"],
            "text": s["text"] is not None,
            "status": local(s["status"].value) if s["status"] is not None else "asserted",
        }
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in rows(_ROLES):
        x = s["x"].value
        roles[s["e"].value][local(s["role"].value)].add(same.get(x, x))
    parent = {e: min(r["during"]) for e, r in roles.items() if r.get("during") and min(r["during"]) in events}
    parts: dict[str, list[str]] = defaultdict(list)
    for child, head in parent.items():
        parts[head].append(child)
    reports = []
    for iri, ev in sorted(events.items()):
        if iri in parent:
            continue  # it happened during another event of its article: it goes where that goes
        family = families.get(ev["cls"])
        when, dated_by = _when(ev)
        got = [roles[e] for e in (iri, *parts[iri])]
        reports.append(
            Report(
                iri=iri,
                article=ev["article"],
                cls=ev["cls"],
                family=family,
                when=when,
                dated_by=dated_by,
                agents=frozenset(x for r in got for x in r.get("agent", ())),
                targets=frozenset(x for r in got for x in r.get("target", ())),
                victims=frozenset(x for r in got for x in r.get("victim", ())),
                places=frozenset(x for r in got for x in r.get("location", ())),
                status=ev["status"],
                parts=tuple(sorted(parts[iri])),
                published=ev["published"],
                killed=frozenset(
                    x for e in (iri, *parts[iri]) if events[e]["cls"] == _KILLING for x in roles[e].get("victim", ())
                ),
            )
        )
    return reports


def _when(ev: dict) -> tuple[tuple[date, date] | None, str]:
    """The days an event happened in: its own date, else the days before its article's.

    A ``kg:time`` without ``kg:timeText`` was itself taken from the article's date.
    """
    time = ev["time"]
    if time is not None and ev["text"]:
        return period(time.value), "text"
    if ev["published"] is not None:
        return reported(ev["published"]), "article"
    return None, "text"
