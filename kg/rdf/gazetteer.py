"""Reading gazetteers: Turtle files of well-known actors and places.

Every file is checked as it loads, so that a bad entry stops the build with one
:class:`~kg.errors.OntologyError` naming the file, the entry and its line, instead of
reaching a graph that fails kg's own shapes: Turtle syntax, each entry's IRI (a valid
IRI in kg's entity namespace), its class (a kg actor or place class), its owl:sameAs
(a Wikidata item) and, for the user's files, the entity shape of ``shapes.ttl``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import OntologyError
from kg.ontology import ACTORS, ENTITY_BASE, ONT, PLACES, WIKIDATA_BASE, entity_iri, ontology_file, term
from kg.rdf.validate import shapes
from kg.rdf.vocab import KG, SH
from kg.types import GazetteerEntry

ENTITY_CLASSES = frozenset(term(c) for c in ACTORS | PLACES)  # what a gazetteer entry may be

_WIKIDATA_ITEM = re.compile(re.escape(WIKIDATA_BASE) + r"Q[0-9]+")
_MAX_PROBLEMS = 10  # enough to fix a file by; the rest come back on the next run


def load_gazetteer(extra: Iterable[str | Path] = ()) -> tuple[GazetteerEntry, ...]:
    """The bundled gazetteer plus the user's own files, in that order.

    A user's entry with the same IRI as a bundled one adds aliases to it. Each file is
    checked as it loads: a problem raises an :class:`~kg.errors.OntologyError`.
    """
    paths = [ontology_file("gazetteer.ttl"), *map(Path, extra)]
    return _load(tuple(str(p) for p in paths))


def state_bodies() -> dict[str, str]:
    """A state's military or government body -> the state, from the bundled gazetteer:
    "the IDF struck" and "Israel struck" name one side."""
    return {e.iri: e.country for e in load_gazetteer() if e.country and e.cls in _BODY_CLASSES}


_BODY_CLASSES = frozenset(term(c) for c in ("Military", "GovernmentBody"))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> tuple[GazetteerEntry, ...]:
    graph = Graph()
    for i, path in enumerate(paths):
        part = _parse(path)
        if i == 0:
            graph = part  # the bundled file: no need to copy its triples
        else:
            graph += part
        # SHACL over the bundled file costs about 1 s, five times its parse; tests/test_ontology.py
        # checks it against the shapes instead, so only the user's files pay for it here.
        _check(path, part, graph, shacl=i > 0)
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
                capital_of=str(capital) if (capital := graph.value(subject, KG.capitalOf)) is not None else None,
            )
        )
    return tuple(entries)


def _parse(path: str) -> Graph:
    if not Path(path).is_file():
        raise OntologyError(f"Gazetteer file '{path}' does not exist")
    try:
        return Graph().parse(path, format="turtle")
    except BadSyntax as err:
        why = getattr(err, "_why", err)  # rdflib's reason, without its multi-line excerpt
        raise OntologyError(
            f"Gazetteer '{path}' is not valid Turtle: line {err.lines + 1}: {why}; fix it there"
        ) from err
    except Exception as err:
        raise OntologyError(f"Gazetteer '{path}' is not valid Turtle: {err}") from err


def _check(path: str, part: Graph, graph: Graph, *, shacl: bool) -> None:
    """Raise one error listing what is wrong with the entries ``part`` (one file) states.

    ``graph`` holds every file loaded so far, so an entry that only adds aliases to a
    bundled one is checked with the bundled entry's label and class.
    """
    headers = set(part.subjects(RDF.type, OWL.Ontology))
    subjects = sorted(set(part.subjects()) - headers, key=str)
    problems = {s: _entry_problems(s, list(graph.predicate_objects(s))) for s in subjects}
    if shacl and not any(problems.values()):
        problems = _shape_problems(subjects, graph)
    bad = [(s, p) for s, ps in problems.items() for p in ps]
    if not bad:
        return
    lines = _subject_lines(path, part)
    shown = [f"  {_where(s, graph, lines)}: {p}" for s, p in bad[:_MAX_PROBLEMS]]
    more = [f"  ... and {len(bad) - _MAX_PROBLEMS} more"] if len(bad) > _MAX_PROBLEMS else []
    raise OntologyError(
        f"Gazetteer '{path}' has {len(bad)} problem(s); fix these entries or leave the file out:\n"
        + "\n".join(shown + more)
    )


def _entry_problems(subject: object, pairs: list) -> list[str]:
    """What is wrong with one entry, given its (property, value) pairs, by the rules kg mints entities with."""
    if not isinstance(subject, URIRef):
        return [f"an entry needs an IRI, not a blank node: write it as kge:Name, i.e. <{ENTITY_BASE}Name>"]
    problems = []
    iri = str(subject)
    valid = _valid_iri(iri)
    if not valid or not iri.startswith(ENTITY_BASE) or len(iri) == len(ENTITY_BASE):
        labels = [str(v) for p, v in pairs if p == RDFS.label]
        minted = f"<{entity_iri(labels[0])}>" if labels else f"<{ENTITY_BASE}> plus its label's slug"
        problems.append(
            f"not a valid IRI (spaces, angle brackets and quotes must be percent-encoded): use {minted}"
            if not valid
            else f"not in kg's entity namespace <{ENTITY_BASE}>: use {minted}"
        )
    types = {str(v) for p, v in pairs if p == RDF.type}
    unknown = sorted(c for c in types if c.startswith(ONT) and c not in ENTITY_CLASSES)
    if unknown or not types & ENTITY_CLASSES:
        allowed = ", ".join(sorted("kg:" + c for c in ACTORS | PLACES))
        named = ", ".join("kg:" + c[len(ONT) :] for c in unknown)
        problems.append(
            f"class {named} is not an actor or place class of the kg ontology: use one of {allowed}"
            if unknown
            else f"no kg actor or place class: add `a kg:Person` or another of {allowed}"
        )
    for prop, value in pairs:
        if prop == OWL.sameAs:
            if not (isinstance(value, URIRef) and _WIKIDATA_ITEM.fullmatch(str(value))):
                problems.append(
                    f"owl:sameAs {_show(value)} is not a Wikidata item IRI: "
                    f"write <{WIKIDATA_BASE}Q<digits>> or leave it out"
                )
        elif isinstance(value, URIRef) and prop != RDF.type and not _valid_iri(str(value)):
            problems.append(f"the value of {_show(prop)}, {_show(value)}, is not a valid IRI: percent-encode it")
    return problems


def _valid_iri(iri: str) -> bool:
    """Whether Oxigraph (and so every format kg writes) accepts ``iri``; rdflib's parser only warns."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def _shape_problems(subjects: list, graph: Graph) -> dict[object, list[str]]:
    """The entity shape's violations by entry: only the entries' own triples are validated."""
    from pyshacl import validate as shacl

    data = Graph()
    for subject in subjects:
        for prop, value in graph.predicate_objects(subject):
            data.add((subject, prop, value))
    conforms, report, _ = shacl(data, shacl_graph=_entity_shape(), inference="none", advanced=False)
    problems: dict[object, list[str]] = {}
    if conforms:
        return problems
    for result in sorted(report.subjects(RDF.type, SH.ValidationResult), key=str):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
        path = report.value(result, SH.resultPath)
        about = f"{path.n3(graph.namespace_manager)}: " if isinstance(path, URIRef) else ""
        problems.setdefault(focus, []).append(f"{about}{message}")
    return {focus: sorted(set(ps)) for focus, ps in problems.items()}


@lru_cache(maxsize=1)
def _entity_shape() -> Graph:
    """The node shape of ``shapes.ttl`` that targets actors and places, with its property shapes."""
    shape = shapes().value(predicate=SH.targetClass, object=KG.Person)
    if shape is None:
        raise OntologyError("ontologies/shapes.ttl has no shape for kg:Person: reinstall kg (`pip install -e .`)")
    return shapes().cbd(shape)


def _subject_lines(path: str, part: Graph) -> dict[str, int]:
    """Line (1-based) where each subject's statement starts, written as ``<iri>`` or ``prefix:local``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    spellings: dict[str, str] = {}
    for subject in part.subjects():
        iri = str(subject)
        spellings[f"<{iri}>"] = iri
        for prefix, namespace in part.namespaces():
            if iri.startswith(str(namespace)) and len(iri) > len(str(namespace)):
                spellings[f"{prefix}:{iri[len(str(namespace)) :]}"] = iri
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if stripped.startswith("<"):  # an <IRI> may hold the very space that makes it invalid
            head = stripped[: stripped.find(">") + 1]
        else:
            head = stripped.split(None, 1)[0] if stripped else ""
        iri = spellings.get(head.rstrip(";,."))
        if iri is not None:
            lines.setdefault(iri, number)
    return lines


def _where(subject: object, graph: Graph, lines: dict[str, int]) -> str:
    """``line 12, entry <iri> "label"``: as much as is known of where an entry is."""
    labels = sorted(str(label) for label in graph.objects(subject, RDFS.label) if isinstance(label, Literal))
    named = " ".join(f'"{label}"' for label in labels)
    entry = f"entry {_show(subject) if isinstance(subject, URIRef) else 'a blank node'}" + (
        f" {named}" if named else ""
    )
    line = lines.get(str(subject))
    return f"line {line}, {entry}" if line else entry


def _show(node: object) -> str:
    """A node as Turtle would write it; rdflib's ``n3()`` refuses the invalid IRIs reported here."""
    return f"<{node}>" if isinstance(node, URIRef) else node.n3() if isinstance(node, Literal) else str(node)
