"""The terms of the kg ontology (``ontologies/kg.ttl``) as Python attributes.

``KG.Persn`` is an ``AttributeError``, not a silent new IRI. A test checks that this
list and the ontology file declare exactly the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"
ONTOLOGY_IRI = BASE + "ontology"

ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
EVENT = Namespace(BASE + "event/")
EVIDENCE = Namespace(BASE + "evidence/")
EXTRACTOR = Namespace(BASE + "extractor/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class KG(DefinedNamespace):
    """Classes, properties and individuals of the kg ontology."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # actors and places
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    ArmedGroup: URIRef
    GovernmentBody: URIRef
    Military: URIRef
    NewsOrganization: URIRef
    State: URIRef
    Place: URIRef
    City: URIRef
    # events
    Event: URIRef
    Attack: URIRef
    AirStrike: URIRef
    Killing: URIRef
    Injury: URIRef
    Designation: URIRef
    Statement: URIRef
    Condemnation: URIRef
    Threat: URIRef
    # provenance
    Article: URIRef
    Evidence: URIRef
    Extractor: URIRef
    # polarity of relations, for signed network analysis
    Polarity: URIRef
    hostile: URIRef
    cooperative: URIRef
    neutral: URIRef
    polarity: URIRef  # annotation property on object properties and event classes

    # relations between actors
    designated: URIRef
    designatedBy: URIRef
    killed: URIRef
    killedBy: URIRef
    killedAlongside: URIRef
    affiliatedWith: URIRef
    worksFor: URIRef
    leaderOf: URIRef
    memberOf: URIRef
    spokespersonFor: URIRef
    backedBy: URIRef
    supports: URIRef
    alliedWith: URIRef
    attacked: URIRef
    attackedBy: URIRef
    targeted: URIRef
    condemned: URIRef
    threatened: URIRef
    locatedIn: URIRef
    basedIn: URIRef
    livesIn: URIRef
    nationality: URIRef
    affiliatedWithCountry: URIRef

    # event roles
    participant: URIRef
    agent: URIRef
    target: URIRef
    victim: URIRef
    location: URIRef
    during: URIRef
    time: URIRef

    # literals about actors and events
    designatedAs: URIRef
    title: URIRef
    demonym: URIRef
    timeText: URIRef
    triggerText: URIRef

    # provenance literals (on Evidence and Event nodes)
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    start: URIRef
    end: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    confidence: URIRef
    articleId: URIRef
    contentHash: URIRef


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kge": str(ENTITY),
    "kga": str(ARTICLE),
    "kgv": str(EVENT),
    "kgx": str(EVIDENCE),
    "wd": str(WD),
    "schema": str(SCHEMA),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
}


def sparql_prologue() -> str:
    """``PREFIX`` lines for every prefix above, to put in front of a user's query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
