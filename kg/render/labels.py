"""How a tie reads, in words, from either of its ends: all of it from the ontology's names.

A relation and its inverse (``attacked`` / ``attackedBy``, ``supports`` / ``backedBy``)
are one tie, kept in the direction whose name does not end in ``By`` (the reading
``kg eval`` scores too); symmetric relations (``alliedWith``) keep their ends in sorted
order. Seen from the subject the tie reads as its ``rdfs:label`` ("attacked"); seen from
the object as the label of its declared inverse ("attacked by"), or, where kg.ttl
declares none, as the passive an English reader expects: an event or a past participle
takes "by" ("air strike by", "condemned by"), a role "X of" / "X for" becomes "has X"
("has leader"). Where no passive is safe (``basedIn``, ``worksFor``) there is none, and
the page puts the other actor first ("← Kataib Hezbollah based in").
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, Graph, URIRef

from kg.ontology import local
from kg.rdf.vocab import KG, property_forms

_ROLE_ENDINGS = (" of", " for")


@dataclass(frozen=True)
class Wording:
    """The words for relations, read from an ontology graph with :meth:`from_ontology`."""

    labels: dict[str, str]  # local name -> rdfs:label
    inverse_of: dict[str, str]  # the "...By" name -> the name kept ("attackedBy" -> "attacked")
    symmetric: frozenset[str]
    events: frozenset[str]  # event class names: nouns ("air strike")

    @classmethod
    def from_ontology(cls, onto: Graph) -> Wording:
        labels = {
            local(term): str(label)
            for term, label in onto.subject_objects(RDFS.label)
            if isinstance(term, URIRef)
            and str(term).startswith(str(KG._NS))
            and getattr(label, "language", None) in (None, "en")
        }
        inverse_of, symmetric = property_forms(onto)
        events = frozenset(local(c) for c in onto.transitive_subjects(RDFS.subClassOf, KG.Event))
        return cls(labels, inverse_of, symmetric, events)

    def canonical(self, source: str, relation: str, target: str) -> tuple[str, str, str]:
        """The one direction a tie is drawn in: inverses read forwards, symmetric ends sorted.

        >>> from kg.rdf.schema import load_ontology
        >>> words = Wording.from_ontology(load_ontology())
        >>> words.canonical("KH", "attackedBy", "US")
        ('US', 'attacked', 'KH')
        >>> words.canonical("KH", "alliedWith", "Hamas")
        ('Hamas', 'alliedWith', 'KH')
        """
        if relation in self.inverse_of:
            source, relation, target = target, self.inverse_of[relation], source
        if relation in self.symmetric and target < source:
            source, target = target, source
        return source, relation, target

    def forward(self, relation: str) -> str:
        """The relation read from its subject ("attacked").

        >>> from kg.rdf.schema import load_ontology
        >>> Wording.from_ontology(load_ontology()).forward("AirStrike")
        'air strike'
        """
        return self.labels.get(relation) or relation

    def backward(self, relation: str) -> str | None:
        """The relation read from its object ("attacked by"), or None when English has no safe passive.

        >>> from kg.rdf.schema import load_ontology
        >>> words = Wording.from_ontology(load_ontology())
        >>> [words.backward(r) for r in ("attacked", "supports", "AirStrike", "leaderOf", "alliedWith", "basedIn")]
        ['attacked by', 'backed by', 'air strike by', 'has leader', 'allied with', None]
        """
        inverse = next((by for by, kept in self.inverse_of.items() if kept == relation), None)
        if inverse is not None:
            return self.forward(inverse)
        label = self.forward(relation)
        if relation in self.symmetric:
            return label
        if relation in self.events or label.endswith("ed"):
            return label + " by"
        for ending in _ROLE_ENDINGS:
            role = label[: -len(ending)]
            if label.endswith(ending) and " " not in role and not role.endswith("s"):
                return "has " + role
        return None
