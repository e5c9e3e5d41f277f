"""Contested facts: where the sources kg read disagree, with every side and its source.

kg never overwrites one report with another: each statement is its own ``kg:Evidence``
(or event node) with its status, the party it is attributed to (``kg:accordingTo``), its
sentence and its article. Two kinds of disagreement are listed:

* **claimed and denied**: the same fact, stated or claimed by one source and denied by
  another ("Russia accused Ukraine of the strike" / "Ukraine denied responsibility for
  the strike"). For an event role the fact is read without the event node, which is per
  article: (event class, role, participant), e.g. "AirStrike agent Ukraine";
* **who did it**: reports of one incident (:mod:`kg.resolve.incidents` joined them)
  that name different agents ("G claimed the bombing" in one article, "H carried out
  the bombing" in another).

* **death toll**: reports of one incident, from different articles, that give
  different numbers killed (``kg:deathToll``: "at least 20 people", "276 people"). A
  toll that rose over the days is listed too: each figure stays with its source and
  date, and the reader can tell an early count from a dispute.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from kg.ontology import local
from kg.rdf.build import INVERSES
from kg.rdf.gazetteer import state_bodies
from kg.store.query import query

# a fact written both ways ("X attacked Y", "Y attackedBy X") is one fact, read forwards
_FORWARD = {str(inverse): str(forward) for forward, inverse in INVERSES.items()}

# every statement a party denies, and everything said of the same (subject or event class, predicate, object)
_STATEMENTS = """
SELECT ?s ?cls ?p ?o ?ol ?sl ?status ?party ?sentence ?article WHERE {
  ?e a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:status ?status ;
     kg:sentence ?sentence ; prov:wasDerivedFrom ?article .
  { SELECT DISTINCT ?p ?o WHERE { ?d a kg:Evidence ; rdf:predicate ?p ; rdf:object ?o ; kg:status kg:denied } }
  OPTIONAL { ?s a ?cls . FILTER (STRSTARTS(STR(?s), STR(kgv:)) && STRSTARTS(STR(?cls), STR(kg:))) }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?e kg:accordingTo ?who . ?who rdfs:label ?party }
}
"""
# the agents each report of an incident names (kg.store.consolidate joined the reports)
_AGENTS = """
SELECT ?incident ?cls ?day ?label ?event ?agent ?al ?party ?sentence ?article WHERE {
  ?incident a kg:Incident ; kg:reportCount ?n ; dcterms:type ?cls ; rdfs:label ?label ; kg:report ?event .
  FILTER (?n > 1)
  OPTIONAL { ?incident dcterms:date ?day }
  ?event kg:agent ?agent ; kg:sentence ?sentence ; prov:wasDerivedFrom ?article .
  ?agent rdfs:label ?al .
  OPTIONAL { ?event kg:accordingTo ?who . ?who rdfs:label ?party }
}
"""

# the death toll each report of an incident gives
_TOLLS = """
SELECT ?incident ?cls ?day ?label ?toll ?party ?sentence ?article WHERE {
  ?incident a kg:Incident ; kg:reportCount ?n ; dcterms:type ?cls ; rdfs:label ?label ; kg:report ?event .
  FILTER (?n > 1)
  OPTIONAL { ?incident dcterms:date ?day }
  ?event kg:deathToll ?toll ; kg:sentence ?sentence ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?event kg:accordingTo ?who . ?who rdfs:label ?party }
}
"""
# an agent that acts for another: "the president ordered the strike" / "the US struck"
_ACTS_FOR = """
SELECT DISTINCT ?x ?y WHERE {
  VALUES ?p { kg:leaderOf kg:worksFor kg:memberOf kg:spokespersonFor kg:affiliatedWithCountry kg:mergedInto }
  ?x ?p ?y .
}
"""


@dataclass(frozen=True, order=True)
class Side:
    """One source's word on a contested fact."""

    says: str  # asserted, claimed, hedged, denied, or the agent it names
    party: str  # who it is attributed to ("" for the outlet's own voice)
    article: str
    sentence: str


@dataclass(frozen=True)
class Contest:
    kind: str  # "claimed and denied" or "who did it"
    fact: str  # the fact in words: "AirStrike agent Ukraine"
    sides: tuple[Side, ...]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "fact": self.fact, "sides": [vars(s) for s in self.sides]}


def contested(source) -> list[Contest]:
    """The contested facts of a graph file, store or rdflib graph, most sides first."""
    found = _claims_and_denials(source) + _who_did_it(source) + _tolls(source)
    return sorted(found, key=lambda c: (-len(c.sides), c.kind, c.fact))


def _text(term) -> str:
    return "" if term is None else str(term.value if hasattr(term, "value") else term)


def _claims_and_denials(source) -> list[Contest]:
    result = query(source, _STATEMENTS)
    sides: dict[tuple, set[Side]] = defaultdict(set)
    labels: dict[tuple, str] = {}
    for row in result.rows or []:
        s, cls, p, o, ol, sl, status, party, sentence, article = (_text(t) for t in row)
        if cls and local(p) != "agent":
            continue  # a denial of an event is a denial of who did it, not of where or to whom
        if p in _FORWARD and not cls:
            s, p, o, sl, ol = o, _FORWARD[p], s, ol, sl
        subject = local(cls) if cls else (sl or local(s))
        # event roles sort first: "Ukraine attacked Moscow", read off the same sentences as
        # "AirStrike agent Ukraine", then says nothing more
        key = (not cls, subject if cls else s, p, o)
        sides[key].add(Side(local(status), party, article, sentence))
        labels.setdefault(key, f"{subject} {local(p)} {ol or local(o)}")
    out, seen = [], set()
    for key in sorted(sides):
        ordered = tuple(sorted(sides[key]))
        says = {side.says for side in ordered}
        if "denied" in says and says & {"asserted", "claimed"} and ordered not in seen:
            seen.add(ordered)
            out.append(Contest("claimed and denied", labels[key], ordered))
    return out


def _who_did_it(source) -> list[Contest]:
    """Incidents whose reports, from different articles, name agents none of them shares
    (an agent acting for another, a leader for the state, counts as that other; a person
    against a group or state is no dispute)."""
    result = query(source, _AGENTS)
    ties = {(_text(x), _text(y)) for x, y in query(source, _ACTS_FOR).rows or []} | set(state_bodies().items())
    people = {_text(x) for (x,) in query(source, "SELECT DISTINCT ?x WHERE { ?x a kg:Person }").rows or []}
    incidents: dict[str, dict] = {}
    for row in result.rows or []:
        incident, cls, day, label, event, agent, al, party, sentence, article = (_text(t) for t in row)
        reports = incidents.setdefault(incident, {"what": _incident(cls, day, label), "reports": {}})["reports"]
        report = reports.setdefault(event, {"agents": set(), "labels": set(), "source": (party, article, sentence)})
        report["agents"].add(agent)
        report["labels"].add(al)

    def apart(a: dict, b: dict) -> bool:
        if a["source"][1] == b["source"][1]:
            return False
        # a person and a group or state are no dispute: the president who ordered, the state that struck
        if any((x in people) != (y in people) for x in a["agents"] for y in b["agents"]):
            return False
        return not any(x == y or (x, y) in ties or (y, x) in ties for x in a["agents"] for y in b["agents"])

    out = []
    for incident in incidents.values():
        reports = list(incident["reports"].values())
        if any(apart(a, b) for a, b in itertools.combinations(reports, 2)):
            sides = tuple(sorted({Side(" and ".join(sorted(r["labels"])), *r["source"]) for r in reports}))
            out.append(Contest("who did it", incident["what"], sides))
    return out


def _incident(cls: str, day: str, label: str) -> str:
    """An incident in words: "AirStrike on 2024-06-11", else its label."""
    return f"{local(cls)} on {day}" if day else label


def _tolls(source) -> list[Contest]:
    """Incidents whose reports, from different articles, give different death tolls
    (each article's largest)."""
    result = query(source, _TOLLS)
    incidents: dict[str, dict] = {}
    for row in result.rows or []:
        incident, cls, day, label, toll, party, sentence, article = (_text(t) for t in row)
        by_article = incidents.setdefault(incident, {"what": _incident(cls, day, label), "tolls": {}})["tolls"]
        side = (int(toll), party, sentence)
        by_article[article] = max(by_article.get(article, side), side)
    out = []
    for incident in incidents.values():
        tolls = incident["tolls"]
        if len({toll for toll, _, _ in tolls.values()}) > 1:
            sides = tuple(
                sorted(Side(f"{toll} killed", party, article, s) for article, (toll, party, s) in tolls.items())
            )
            out.append(Contest("death toll", incident["what"], sides))
    return out
