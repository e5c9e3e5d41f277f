"""Contested facts: where the sources kg read disagree, with every side and its source.

kg never overwrites one report with another: each statement is its own ``kg:Evidence``
(or event node) with its status, the party it is attributed to (``kg:accordingTo``), its
sentence and its article. Two kinds of disagreement are listed:

* **claimed and denied**: the same fact, stated or claimed by one source and denied by
  another ("Russia accused Ukraine of the strike" / "Ukraine denied responsibility for
  the strike"). For an event role the fact is read without the event node, which is per
  article: (event class, role, participant), e.g. "AirStrike agent Ukraine";
* **who did it**: reports of one event (same class, same day, a shared place or
  target) that name different agents ("G claimed the bombing" in one article, "H
  carried out the bombing" in another).

Death tolls are not compared: kg does not read numbers of victims into the graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.ontology import local
from kg.rdf.build import INVERSES
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
# the agents of each dated event, with where and on whom it happened
_AGENTS = """
SELECT ?event ?cls ?time ?agent ?al ?where ?status ?party ?sentence ?article WHERE {
  ?event kg:agent ?agent ; a ?cls ; kg:time ?time ; kg:status ?status ; kg:sentence ?sentence ;
         prov:wasDerivedFrom ?article .
  FILTER (STRSTARTS(STR(?event), STR(kgv:)) && STRSTARTS(STR(?cls), STR(kg:)))
  ?agent rdfs:label ?al .
  { ?event kg:location ?where } UNION { ?event kg:target ?where . FILTER (!STRSTARTS(STR(?where), STR(kgv:))) }
  OPTIONAL { ?event kg:accordingTo ?who . ?who rdfs:label ?party }
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
    found = _claims_and_denials(source) + _who_did_it(source)
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
    result = query(source, _AGENTS)
    events: dict[str, dict] = {}
    for row in result.rows or []:
        event, cls, time, _agent, al, where, _status, party, sentence, article = (_text(t) for t in row)
        e = events.setdefault(event, {"cls": local(cls), "time": time, "agents": set(), "where": set()})
        e["agents"].add(al)
        e["where"].add(where)
        e["source"] = (party, article, sentence)
    # reports of one occurrence: same class and day, a shared place or target
    by_day: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for e in events.values():
        if len(e["time"]) == 10:  # to the day: a month or a year is too coarse to say "the same event"
            by_day[(e["cls"], e["time"])].append(e)
    out = []
    for (cls, day), reports in sorted(by_day.items()):
        for group in _overlapping(reports):
            agents = {frozenset(e["agents"]) for e in group}
            if len(agents) < 2:
                continue
            sides = tuple(sorted(Side(" and ".join(sorted(e["agents"])), *e["source"]) for e in group))
            out.append(Contest("who did it", f"{cls} on {day}", sides))
    return out


def _overlapping(reports: list[dict]) -> list[list[dict]]:
    """Groups of reports linked by a shared place or target."""
    groups: list[list[dict]] = []
    for e in reports:
        joined = [g for g in groups if any(e["where"] & other["where"] for other in g)]
        merged = [e, *(x for g in joined for x in g)]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups
