"""The terms of the kg ontology (``ontologies/kg.ttl``) as rdflib attributes.

``KG.Persn`` is an ``AttributeError``, not a silent new IRI. The names come from
:data:`kg.ontology.TERMS`; a test checks that list against the ontology file.
"""

from __future__ import annotations

from rdflib import OWL, RDF, Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.ontology import (
    ARTICLE_BASE,
    BASE,
    ENTITY_BASE,
    EVENT_BASE,
    EVIDENCE_BASE,
    EXTRACTOR_BASE,
    ONT,
    ONTOLOGY_IRI,
    SCHEMA_BASE,
    SHACL_BASE,
    TERMS,
    WIKIDATA_BASE,
    local,
)

__all__ = [
    "ARTICLE",
    "BASE",
    "ENTITY",
    "EVENT",
    "EVIDENCE",
    "EXTRACTOR",
    "KG",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "property_forms",
    "SCHEMA",
    "SH",
    "WD",
    "sparql_prologue",
]

ENTITY = Namespace(ENTITY_BASE)
ARTICLE = Namespace(ARTICLE_BASE)
EVENT = Namespace(EVENT_BASE)
EVIDENCE = Namespace(EVIDENCE_BASE)
EXTRACTOR = Namespace(EXTRACTOR_BASE)
WD = Namespace(WIKIDATA_BASE)
SCHEMA = Namespace(SCHEMA_BASE)
SH = Namespace(SHACL_BASE)

# Classes, properties and individuals of the kg ontology, named once in kg.ontology.TERMS.
KG = type(
    "KG",
    (DefinedNamespace,),
    {
        "__doc__": "Classes, properties and individuals of the kg ontology.",
        "__annotations__": dict.fromkeys(TERMS, URIRef),
        "_NS": Namespace(ONT),
        "_fail": True,
        # each term as a plain class attribute: ``KG.sentence`` is then an attribute read,
        # not DefinedNamespace's lookup (about 5 µs, tens of thousands of times per article)
        **{term: URIRef(ONT + term) for term in TERMS},
    },
)


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


def property_forms(onto: Graph) -> tuple[dict[str, str], frozenset[str]]:
    """``(inverse -> the property it inverts, symmetric properties)``, local names, as
    ``onto`` (kg.ttl) declares them with ``owl:inverseOf`` and ``owl:SymmetricProperty``.

    Only an inverse whose name ends in ``By`` is read as the other one (``killedBy`` ->
    ``killed``), so each pair has one forward reading.
    """
    inverses = {}
    for a, b in onto.subject_objects(OWL.inverseOf):
        for x, y in ((local(a), local(b)), (local(b), local(a))):
            if x.endswith("By") and not y.endswith("By"):
                inverses[x] = y
    return inverses, frozenset(local(p) for p in onto.subjects(RDF.type, OWL.SymmetricProperty))
