"""The one place that says how kg's ontology terms read as benchmark labels.

kg extracts into its own ontology (``ontologies/kg.ttl``); benchmarks have their own
labels. Every translation between the two lives here, so a reader can check a reported
figure against exactly what was compared.

CoNLL04 (Roth & Yih 2004)
-------------------------
Entities. Our mention classes map to the three CoNLL04 name types:

==========================================================  =========
kg class                                                    CoNLL04
==========================================================  =========
Person                                                      Peop
Organization, ArmedGroup, GovernmentBody, Military,         Org
NewsOrganization
State, City, Place                                          Loc
==========================================================  =========

Only *names* count (mention kinds ``name`` and ``body`` read from a named entity):
pronouns, nominals ("the group") and demonyms ("Iranian", which CoNLL04 leaves
unannotated or tags Other) are not CoNLL04 entities. kg strips a title from a person's
name and keeps it as ``kg:title``; when the recognised name included the title ("Ms.
Toth"), the benchmark span includes it again.

CoNLL04's fourth type, **Other** (dates, quantities, events, works: "Jan. 4", "42
percent", "World War II"), has no class in our ontology: kg never turns such spans into
actors. The entity recogniser still finds them (they are its ``MISC`` label, kept in
``doc.spans["kg_entities"]``) and they are scored as Other, so the entity figure covers
all four types as published systems report it. :data:`CONLL04_OTHER_LABELS` lists the
recogniser labels read as Other.

Relations (subject -> object, as in the ontology):

==========================================================  ============
kg property                                                 CoNLL04
==========================================================  ============
killed                                                      Kill
worksFor, spokespersonFor, leaderOf, memberOf               Work_For
basedIn                                                     OrgBased_In
livesIn                                                     Live_In
locatedIn                                                   Located_In
==========================================================  ============

Other properties (backedBy, nationality, affiliatedWithCountry, attacked, ...) have no
CoNLL04 counterpart and are not scored. ``nationality`` is *not* read as Live_In: a
national of a state need not live there.

WikiEvents (KAIROS ontology)
----------------------------
Only the attack, die and injure families are scored, at their second level (the
KAIROS subtype is ignored: ``Conflict.Attack.DetonateExplode`` is ``Conflict.Attack``):

=================  ==================  =============================================
kg event class     KAIROS type         roles (kg -> KAIROS)
=================  ==================  =============================================
Attack, AirStrike  Conflict.Attack     agent -> Attacker, target -> Target,
                                       location -> Place
Killing            Life.Die            agent -> Killer, victim -> Victim,
                                       location -> Place
Injury             Life.Injure         agent -> Injurer, victim -> Victim,
                                       location -> Place
=================  ==================  =============================================

news-dev (kg's own annotated news articles, ``kg eval news``)
--------------------------------------------------------------
news-dev is annotated in kg's own terms, so most labels are kg's local names as they
are. What is not:

* event types ``Other:<PLOVER>``: a kg event class that stands for one is one line in
  :data:`NEWS_PLOVER_EVENTS` (``"Accusation": "Other:ACCUSE"``); gold events of a PLOVER
  type kg has no class for (RETREAT, COOPERATE...) are simply missing;
* event families (:data:`NEWS_EVENT_FAMILIES`; a type not listed is its own family):
  Attack, AirStrike and Other:ASSAULT; Killing and Injury. A kg event aligns only to a
  gold event of its family, and counts as the right type only if the type is the same;
* predicates: an inverse property (``attackedBy``) reads as the property it inverts,
  subject and object swapped, and a symmetric one (``alliedWith``) matches in either
  order. Both come from ``owl:inverseOf`` and ``owl:SymmetricProperty`` in
  ``ontologies/kg.ttl`` (:func:`news_predicate_forms`), so a new inverse there is read
  here without a change. ``backedBy`` is declared the inverse of ``supports``: the
  gold's "X backedBy Y" and kg's are both scored as "Y supports X".
"""

from __future__ import annotations

import functools

from rdflib import Graph

from kg.ontology import ACTORS, PLACES, TERMS, local, ontology_file
from kg.rdf.vocab import KG, property_forms

# -- CoNLL04 -----------------------------------------------------------------------------

CONLL04_ENTITY_TYPES = ("Peop", "Org", "Loc", "Other")
CONLL04_RELATION_TYPES = ("Kill", "Work_For", "OrgBased_In", "Live_In", "Located_In")

#: kg mention class -> CoNLL04 entity type
CLASS_TO_CONLL04 = {
    str(KG.Person): "Peop",
    str(KG.Organization): "Org",
    str(KG.ArmedGroup): "Org",
    str(KG.GovernmentBody): "Org",
    str(KG.Military): "Org",
    str(KG.NewsOrganization): "Org",
    str(KG.State): "Loc",
    str(KG.City): "Loc",
    str(KG.Place): "Loc",
}
#: mention kinds that are names (pronouns, nominals, demonyms are not CoNLL04 entities)
CONLL04_MENTION_KINDS = frozenset({"name", "body"})
#: entity-recogniser labels read as CoNLL04 Other
CONLL04_OTHER_LABELS = frozenset({"MISC"})

#: kg property -> CoNLL04 relation type
PREDICATE_TO_CONLL04 = {
    str(KG.killed): "Kill",
    str(KG.worksFor): "Work_For",
    str(KG.spokespersonFor): "Work_For",
    str(KG.leaderOf): "Work_For",
    str(KG.memberOf): "Work_For",
    str(KG.basedIn): "OrgBased_In",
    str(KG.livesIn): "Live_In",
    str(KG.locatedIn): "Located_In",
}
#: CoNLL04 relation type -> the kg property a model trained on CoNLL04 predicts
CONLL04_TO_PREDICATE = {
    "Kill": str(KG.killed),
    "Work_For": str(KG.worksFor),
    "OrgBased_In": str(KG.basedIn),
    "Live_In": str(KG.livesIn),
    "Located_In": str(KG.locatedIn),
}
#: CoNLL04 entity type -> the spaCy label kg's entity recogniser learns for it
#: (:mod:`kg.nlp.recognizer`; the mention finder refines these into our classes)
CONLL04_TO_SPACY = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE", "Other": "MISC"}


def conll04_entity_type(cls: str) -> str | None:
    """The CoNLL04 type of a kg class IRI, or None if it has none."""
    return CLASS_TO_CONLL04.get(cls)


def conll04_relation_type(predicate: str) -> str | None:
    """The CoNLL04 relation of a kg property IRI, or None if it has none."""
    return PREDICATE_TO_CONLL04.get(predicate)


# -- WikiEvents / KAIROS -------------------------------------------------------------------

KAIROS_EVENT_TYPES = ("Conflict.Attack", "Life.Die", "Life.Injure")

#: kg event class -> KAIROS event type (second level)
EVENT_TO_KAIROS = {
    str(KG.Attack): "Conflict.Attack",
    str(KG.AirStrike): "Conflict.Attack",
    str(KG.Killing): "Life.Die",
    str(KG.Injury): "Life.Injure",
}
#: (KAIROS event type, kg role) -> KAIROS role
ROLE_TO_KAIROS = {
    ("Conflict.Attack", str(KG.agent)): "Attacker",
    ("Conflict.Attack", str(KG.target)): "Target",
    ("Conflict.Attack", str(KG.location)): "Place",
    ("Life.Die", str(KG.agent)): "Killer",
    ("Life.Die", str(KG.victim)): "Victim",
    ("Life.Die", str(KG.location)): "Place",
    ("Life.Injure", str(KG.agent)): "Injurer",
    ("Life.Injure", str(KG.victim)): "Victim",
    ("Life.Injure", str(KG.location)): "Place",
}


def kairos_event_type(full_type: str) -> str | None:
    """The scored family of a KAIROS type ("Life.Die.Unspecified" -> "Life.Die"), or None."""
    coarse = ".".join(full_type.split(".")[:2])
    return coarse if coarse in KAIROS_EVENT_TYPES else None


def kg_event_type(cls: str) -> str | None:
    """The KAIROS type of a kg event class IRI, or None if it is not scored."""
    return EVENT_TO_KAIROS.get(cls)


def kg_role(event_type: str, role: str) -> str | None:
    """The KAIROS role of a kg role IRI in an event of ``event_type``, or None."""
    return ROLE_TO_KAIROS.get((event_type, role))


# -- news-dev ------------------------------------------------------------------------------

#: gold entity types (kg's class local names)
NEWS_ENTITY_TYPES = tuple(t for t in TERMS if t in ACTORS | PLACES)
#: gold event types kg's event classes are named after (kg local name == gold type)
NEWS_EVENT_TYPES = ("Attack", "AirStrike", "Killing", "Injury", "Designation", "Statement", "Condemnation", "Threat")
#: kg event class local name -> gold ``Other:<PLOVER>`` type (the closeMatch in kg.ttl);
#: a condemnation is PLOVER's ACCUSE ("criticize or denounce"), as the gold annotates it
NEWS_PLOVER_EVENTS: dict[str, str] = {
    "Accusation": "Other:ACCUSE",
    "Condemnation": "Other:ACCUSE",
    "Rejection": "Other:REJECT",
    "Agreement": "Other:AGREE",
    "Arrest": "Other:COERCE",
    "Protest": "Other:PROTEST",
    "Aid": "Other:AID",
    "Mobilization": "Other:MOBILIZE",
}
#: gold or kg event type -> family; kg events align only to gold events of their family
NEWS_EVENT_FAMILIES = {
    "Attack": "attack",
    "AirStrike": "attack",
    "Other:ASSAULT": "attack",
    "Killing": "harm",
    "Injury": "harm",
}
#: the event roles compared (kg role local names == gold keys)
NEWS_ROLES = ("agent", "target", "victim", "location")
#: mention kinds that make a kg entity a *named* one (scored as an entity): a proper
#: name, a demonym ("Israeli") and a state's body ("Iraq's military"), kg's anchor kinds
NEWS_ENTITY_KINDS = frozenset({"name", "demonym", "body"})


def news_event_type(cls: str) -> str:
    """The news-dev type of a kg event class IRI (its local name unless a PLOVER table entry says otherwise)."""
    name = local(cls)
    return NEWS_PLOVER_EVENTS.get(name, name)


def news_event_family(event_type: str) -> str:
    """The family an event type aligns within ("AirStrike" -> "attack"; others: themselves)."""
    return NEWS_EVENT_FAMILIES.get(event_type, event_type)


@functools.cache
def news_predicate_forms() -> tuple[dict[str, str], frozenset[str]]:
    """``(inverse -> property it inverts, symmetric properties)``, local names, read from kg.ttl.

    Only an inverse whose name ends in ``By`` is rewritten (``killedBy`` -> ``killed``),
    so each pair has one reading. Read once, when first asked.
    """
    return property_forms(Graph().parse(ontology_file("kg.ttl"), format="turtle"))


def news_triple(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """A relation as scored: inverses read forwards, symmetric ones in sorted order.

    ``predicate`` is a local name or an IRI.

    >>> news_triple("Hezbollah", "attackedBy", "Israel")
    ('Israel', 'attacked', 'Hezbollah')
    >>> news_triple("Hamas", "alliedWith", "Hezbollah")
    ('Hamas', 'alliedWith', 'Hezbollah')
    >>> news_triple("Hezbollah", "alliedWith", "Hamas")
    ('Hamas', 'alliedWith', 'Hezbollah')
    """
    inverses, symmetric = news_predicate_forms()
    name = local(predicate)
    if name in inverses:
        name, subject, obj = inverses[name], obj, subject
    if name in symmetric and obj < subject:
        subject, obj = obj, subject
    return subject, name, obj
