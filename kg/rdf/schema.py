"""The ontology file as a graph, and the tables kg reads from it.

``ontologies/kg.ttl`` is where kg's classes and properties are declared; code that needs
what they declare (polarity, the PLOVER type of an event class, the class hierarchy)
reads it through here instead of repeating it.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, SKOS, Graph, URIRef

from kg.errors import OntologyError
from kg.ontology import ontology_file, plover_type
from kg.rdf.vocab import KG


def ontology_path() -> Path:
    """Where the bundled ``kg.ttl`` is (inside the installed package, else in the checkout)."""
    return ontology_file("kg.ttl")


def load_ontology(path: str | Path | None = None) -> Graph:
    """The kg ontology as an rdflib Graph."""
    path = Path(path) if path else ontology_path()
    if not path.is_file():
        raise OntologyError(f"No ontology file at '{path}': reinstall kg or restore ontologies/kg.ttl")
    graph = Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as err:  # rdflib raises parser-specific types
        raise OntologyError(f"Can't read the ontology '{path}' as Turtle: {err}") from err
    return graph


def subclasses(graph: Graph, root: URIRef) -> set[URIRef]:
    """All classes below ``root`` (transitively), not ``root`` itself."""
    return {c for c in graph.transitive_subjects(RDFS.subClassOf, root) if isinstance(c, URIRef) and c != root}


def plover_table(onto: Graph) -> dict[URIRef, tuple[str, str]]:
    """Event class -> (PLOVER type, mode): its own skos:closeMatch, else its nearest superclass's."""
    own = {}
    for cls, target in onto.subject_objects(SKOS.closeMatch):
        found = plover_type(target)
        if found and isinstance(cls, URIRef):
            own[cls] = found
    table = {}
    for cls in {KG.Event} | subclasses(onto, KG.Event):
        queue, seen = deque([cls]), {cls}
        while queue:
            current = queue.popleft()
            if current in own:
                table[cls] = own[current]
                break
            for parent in sorted(onto.objects(current, RDFS.subClassOf)):
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
    return table


@lru_cache(maxsize=1)
def plover_families() -> dict[str, str]:
    """Event class IRI -> its PLOVER type ("ASSAULT"), from the bundled ontology."""
    return {str(cls): found[0] for cls, found in plover_table(load_ontology()).items()}
