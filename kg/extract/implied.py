"""Plain relations that events imply: an air strike's agent attacked its targets.

They carry the event's sentence and confidence, so each stays traceable to its text.
A revoked designation ("X was de-listed") implies no ``designated`` relation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.designations import is_revocation
from kg.ontology import ONT
from kg.ontology import local as _local
from kg.types import EventMention, Relation

# event class -> (from role, to role, predicate)
EVENT_RELATIONS = {
    "Attack": ("agent", "target", "attacked"),
    "AirStrike": ("agent", "target", "attacked"),
    "Killing": ("agent", "victim", "killed"),
    "Designation": ("agent", "target", "designated"),
    "Condemnation": ("agent", "target", "condemned"),
    "Threat": ("agent", "target", "threatened"),
}


def implied_relations(events: Iterable[EventMention]) -> Iterator[Relation]:
    for ev in events:
        args = ev.arguments
        rule = EVENT_RELATIONS.get(_local(ev.cls))
        if rule is not None and _local(ev.cls) == "Designation" and is_revocation(ev):
            rule = None
        if rule is not None:
            from_role, to_role, pred = rule
            preds = [pred]
            if pred == "attacked" and ev.trigger.text.lower().startswith("target"):
                preds.append("targeted")
            sources = [a.mention for a in args if _local(a.role) == from_role and a.mention is not None]
            targets = [a.mention for a in args if _local(a.role) == to_role and a.mention is not None]
            for s in sources:
                for o in targets:
                    if s != o:
                        for p in preds:
                            yield Relation(ONT + p, s, o, ev.sentence, ev.confidence, ev.extractor)
        if _local(ev.cls) == "Killing":
            victims = [a.mention for a in args if _local(a.role) == "victim" and a.mention is not None]
            for i, a in enumerate(victims):
                for b in victims[i + 1 :]:
                    yield Relation(ONT + "killedAlongside", a, b, ev.sentence, ev.confidence, ev.extractor)
