"""The kg ontology's names, for every stage: namespaces, terms, class groups, IRI minting.

This is the one place that knows the ontology's IRIs. It needs neither rdflib nor
spaCy, so the extraction stages can use it; ``kg.rdf.vocab`` builds rdflib's
``DefinedNamespace`` from the same :data:`TERMS`. A test checks the terms and the class
groups against ``ontologies/kg.ttl``, so a class added there and not here fails it.

Minted IRIs are plain ``str`` values that are valid absolute IRIs for *any* input
text: local names are NFC-normalised, whitespace becomes ``_`` and everything outside
the unreserved characters is percent-encoded, so spaces, quotes, angle brackets,
control characters, ``%`` and ``#`` can never reach a serializer raw; so is a final
``.``, which Turtle writers escape in a way rdflib cannot read.
"""

from __future__ import annotations

import hashlib
import unicodedata
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from kg.errors import OntologyError

BASE = "https://w3id.org/kg-news/"
ONTOLOGY_IRI = BASE + "ontology"
ONT = ONTOLOGY_IRI + "#"
ENTITY_BASE = BASE + "entity/"
ARTICLE_BASE = BASE + "article/"
EVENT_BASE = BASE + "event/"
INCIDENT_BASE = BASE + "incident/"
MERGE_BASE = BASE + "merge/"
# the named graph of the incidents and merges worked out across all articles
MERGES_GRAPH = BASE + "graph/merges"
EVIDENCE_BASE = BASE + "evidence/"
EXTRACTOR_BASE = BASE + "extractor/"
WIKIDATA_BASE = "http://www.wikidata.org/entity/"
SCHEMA_BASE = "https://schema.org/"
SHACL_BASE = "http://www.w3.org/ns/shacl#"
# PLOVER event types (POLECAT's ontology), which publishes no RDF vocabulary: kg names them
# here, local name = PLOVER's code ("ASSAULT"), or code.mode ("ASSAULT.aerial"). kg.ttl
# maps its event classes to them with skos:closeMatch.
PLOVER_BASE = BASE + "plover#"
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Every class, property and individual that ontologies/kg.ttl declares, by local name.
TERMS: tuple[str, ...] = (
    # actors and places
    "Actor",
    "Person",
    "Organization",
    "ArmedGroup",
    "GovernmentBody",
    "Military",
    "NewsOrganization",
    "State",
    "Place",
    "City",
    # events
    "Event",
    "Attack",
    "AirStrike",
    "Killing",
    "Injury",
    "Designation",
    "Statement",
    "Condemnation",
    "Threat",
    "Accusation",
    "Rejection",
    "Agreement",
    "Arrest",
    "Protest",
    "Aid",
    "Mobilization",
    # across articles
    "Incident",
    "Merge",
    "report",
    "reportCount",
    "merged",
    "mergedInto",
    "reason",
    # provenance
    "Article",
    "Evidence",
    "Extractor",
    # polarity of relations, for signed network analysis
    "Polarity",
    "hostile",
    "cooperative",
    "neutral",
    "polarity",
    # how the text presents a fact
    "Status",
    "asserted",
    "claimed",
    "hedged",
    "denied",
    "negated",
    "status",
    "accordingTo",
    # relations between actors
    "designated",
    "designatedBy",
    "killed",
    "killedBy",
    "killedAlongside",
    "affiliatedWith",
    "worksFor",
    "leaderOf",
    "memberOf",
    "spokespersonFor",
    "backedBy",
    "supports",
    "alliedWith",
    "attacked",
    "attackedBy",
    "targeted",
    "condemned",
    "threatened",
    "locatedIn",
    "basedIn",
    "capitalOf",
    "livesIn",
    "nationality",
    "affiliatedWithCountry",
    # event roles
    "participant",
    "agent",
    "target",
    "victim",
    "location",
    "during",
    "time",
    # literals about actors and events
    "designatedAs",
    "deathToll",
    "title",
    "demonym",
    "timeText",
    "triggerText",
    # provenance literals (on Evidence and Event nodes)
    "sentence",
    "sentenceStart",
    "sentenceEnd",
    "start",
    "end",
    "subjectStart",
    "subjectEnd",
    "objectStart",
    "objectEnd",
    "confidence",
    "former",
    "validFrom",
    "validUntil",
    "articleId",
    "contentHash",
)
_TERM_SET = frozenset(TERMS)

# Class groups by local name; tests check each against kg.ttl's rdfs:subClassOf.
ORGANIZATIONS = frozenset({"Organization", "ArmedGroup", "GovernmentBody", "Military", "NewsOrganization"})
ACTORS = ORGANIZATIONS | {"Person", "State"}  # the named subclasses of kg:Actor
PLACES = frozenset({"Place", "City", "State"})  # a State is an actor and a place
# what "it" or "the group" can stand for: an organisation or a state, never a person
THINGS = ORGANIZATIONS | {"State"}
EVENTS = frozenset(
    {"Event", "Attack", "AirStrike", "Killing", "Injury", "Designation", "Statement", "Condemnation", "Threat"}
    | {"Accusation", "Rejection", "Agreement", "Arrest", "Protest", "Aid", "Mobilization"}
)

_MAX_SLUG = 120


def term(name: str) -> str:
    """The IRI of the ontology term ``name``; a name kg.ttl does not declare is an error.

    >>> term("Person")
    'https://w3id.org/kg-news/ontology#Person'
    >>> term("Persn")
    Traceback (most recent call last):
    ...
    KeyError: "'Persn' is not a term of the kg ontology"
    """
    if name not in _TERM_SET:
        raise KeyError(f"{name!r} is not a term of the kg ontology")
    return ONT + name


def local(iri: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local("https://w3id.org/kg-news/ontology#ArmedGroup")
    'ArmedGroup'
    >>> local("https://w3id.org/kg-news/entity/Kataib_Hezbollah")
    'Kataib_Hezbollah'
    """
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :]


def is_a(cls: str, group: frozenset[str]) -> bool:
    """Whether the class IRI ``cls`` is one of the kg classes in ``group``."""
    return cls.startswith(ONT) and cls[len(ONT) :] in group


def ontology_file(name: str) -> Path:
    """Path of a bundled file in ``ontologies/`` (``kg.ttl``, ``shapes.ttl``, ``gazetteer.ttl``)."""
    candidates = []
    try:
        candidates.append(Path(str(files("kg.ontologies") / name)))
    except (ModuleNotFoundError, TypeError):
        pass
    candidates.append(Path(__file__).resolve().parents[1] / "ontologies" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise OntologyError(f"The bundled file ontologies/{name} is missing: reinstall kg (`pip install -e .`)")


def normalize_label(text: str) -> str:
    """A label as kg stores it: NFC, no control characters, single spaces.

    Two labels that normalise alike get the same IRI, and vice versa.
    """
    norm = unicodedata.normalize("NFC", text)
    norm = "".join(ch for ch in norm if unicodedata.category(ch)[0] != "C" or ch in "\t\n\r")
    return " ".join(norm.split())


def slug(text: str) -> str:
    """A percent-encoded local name for ``text``; never empty.

    >>> slug("Kataib Hezbollah")
    'Kataib_Hezbollah'
    >>> slug('a <b> "c" 100%#')
    'a_%3Cb%3E_%22c%22_100%25%23'
    """
    norm = normalize_label(text).replace(" ", "_")
    if not norm:
        return "_" + _digest(text)
    if len(norm) > _MAX_SLUG:  # keep IRIs readable; the digest keeps them distinct
        norm = norm[:_MAX_SLUG] + "-" + _digest(norm)
    local_name = quote(norm, safe="")
    # a final "." is written kge:Name\. in Turtle, which rdflib's parser cannot read
    return local_name[:-1] + "%2E" if local_name.endswith(".") else local_name


def _digest(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def entity_iri(label: str) -> str:
    """The IRI of the actor or place whose canonical label is ``label``."""
    return ENTITY_BASE + slug(label)


def article_iri(article_id: str) -> str:
    return ARTICLE_BASE + slug(article_id)


def event_iri(article_id: str, trigger_start: int, cls_local: str) -> str:
    """Events are per article: the article, the trigger offset and the event class."""
    return f"{EVENT_BASE}{slug(article_id)}/{cls_local}-{trigger_start}"


def incident_iri(first_report: str) -> str:
    """An incident is named after its first report (the earliest, then the smallest IRI),
    so reports added later join it under the IRI it already had."""
    return INCIDENT_BASE + _digest(first_report, 16)


def merge_iri(merged: str, into: str) -> str:
    return MERGE_BASE + _digest(merged + " " + into, 16)


def evidence_iri(*parts: object) -> str:
    """A content-addressed IRI: the same fact from the same text gets the same IRI."""
    return EVIDENCE_BASE + _digest("\x1f".join(map(str, parts)), 20)


def extractor_iri(name: str) -> str:
    return EXTRACTOR_BASE + slug(name)


def wikidata_iri(qid: str) -> str:
    return WIKIDATA_BASE + slug(qid)


def plover_type(iri: object) -> tuple[str, str] | None:
    """The PLOVER (type, mode) an IRI of the plover namespace names; None for any other IRI.

    >>> plover_type(PLOVER_BASE + "ASSAULT.aerial")
    ('ASSAULT', 'aerial')
    >>> plover_type(PLOVER_BASE + "ACCUSE")
    ('ACCUSE', '')
    >>> plover_type(PLOVER_BASE + "FIGHT") is None
    True
    """
    text = str(iri)
    if not text.startswith(PLOVER_BASE):
        return None
    code, _, mode = text[len(PLOVER_BASE) :].partition(".")
    return (code, mode) if code in PLOVER_TYPES else None
