"""Reading gazetteers: Turtle files of well-known actors and places."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from kg.errors import OntologyError
from kg.ontology import ACTORS, PLACES, ontology_file, term
from kg.rdf.vocab import KG
from kg.types import GazetteerEntry

ENTITY_CLASSES = frozenset(term(c) for c in ACTORS | PLACES)  # what a gazetteer entry may be


def load_gazetteer(extra: Iterable[str | Path] = ()) -> tuple[GazetteerEntry, ...]:
    """The bundled gazetteer plus the user's own files, in that order.

    A user's entry with the same IRI as a bundled one adds aliases to it.
    """
    paths = [ontology_file("gazetteer.ttl"), *map(Path, extra)]
    return _load(tuple(str(p) for p in paths))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> tuple[GazetteerEntry, ...]:
    graph = Graph()
    for path in paths:
        if not Path(path).is_file():
            raise OntologyError(f"Gazetteer file '{path}' does not exist")
        try:
            graph.parse(path, format="turtle")
        except Exception as err:
            raise OntologyError(f"Gazetteer '{path}' is not valid Turtle: {err}") from err
    entries = []
    for subject in sorted(set(graph.subjects(RDFS.label, None)), key=str):
        if not isinstance(subject, URIRef):
            continue
        classes = sorted(str(c) for c in graph.objects(subject, RDF.type) if str(c) in ENTITY_CLASSES)
        if not classes:
            continue
        label = str(graph.value(subject, RDFS.label))
        same = [str(o) for o in graph.objects(subject, OWL.sameAs)]
        country = graph.value(subject, KG.affiliatedWithCountry) or graph.value(subject, KG.locatedIn)
        entries.append(
            GazetteerEntry(
                iri=str(subject),
                label=label,
                cls=classes[0],
                aliases=tuple(sorted({str(a) for a in graph.objects(subject, SKOS.altLabel)} - {label})),
                wikidata=same[0] if same else None,
                demonyms=tuple(sorted(str(d) for d in graph.objects(subject, KG.demonym))),
                country=str(country) if country is not None else None,
            )
        )
    return tuple(entries)
