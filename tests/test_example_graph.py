"""The example article's graph as a user receives it: valid, typed, traceable."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import EXAMPLE_ARTICLE
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

pytestmark = pytest.mark.slow
NAVIGATION_WORDS = {
    "Startups",
    "Wealth",
    "Rankings",
    "Leadership",
    "Travels",
    "Careers",
    "Luxury",
    "Retail",
    "Lifestyle",
    "Automotives",
    "Photography",
    "Press Release",
    "Getty Images",
    "Image Source",
}


XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"


def _ox_triples(data: bytes, fmt) -> set:
    """Triples as pyoxigraph reads them; doubles compared by value (0.75 == 7.5e-01)."""

    def canon(term):
        if isinstance(term, ox.Literal) and term.datatype.value == XSD_DOUBLE:
            return ("double", float(term.value))
        return term

    return {(q.subject, q.predicate, canon(q.object)) for q in ox.parse(data, format=fmt)}


def test_example_graph_parses_with_pyoxigraph_to_the_same_triples(example_out):
    ttl = (example_out / "graph.ttl").read_bytes()
    ours = Graph().parse(data=ttl, format="turtle")
    assert len(ours) > 200
    from_rdflib = _ox_triples(ours.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    from_oxigraph = _ox_triples(ttl, ox.RdfFormat.TURTLE)
    assert from_oxigraph == from_rdflib


def test_example_graph_conforms_to_the_shapes(example_out):
    from kg.rdf.validate import validate

    conforms, report = validate(Graph().parse(example_out / "graph.ttl", format="turtle"))
    assert conforms, report


def test_example_graph_iris_are_valid(example_graph):
    for term in {t for triple in example_graph for t in triple if isinstance(t, URIRef)}:
        ox.NamedNode(str(term))  # raises on an invalid IRI


def test_example_navigation_and_credits_are_not_entities(example_graph):
    names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in example_graph.objects(None, p)}
    leaked = {w for w in NAVIGATION_WORDS for n in names if w.lower() in n.lower()}
    assert not leaked
    assert not any(n in ("BBC", "Getty Images") for n in names)


def test_example_article_metadata_comes_from_the_page(example_graph):
    from kg.rdf.vocab import KG, SCHEMA

    article = next(example_graph.subjects(RDF.type, KG.Article))
    assert example_graph.value(article, SCHEMA.publisher) == Literal("BBC")
    assert str(example_graph.value(article, SCHEMA.datePublished)) == "2021-06-28"
    assert "Iran-Backed Militias" in str(example_graph.value(article, URIRef("http://purl.org/dc/terms/title")))


def test_example_every_relation_has_evidence(example_graph):
    from kg.rdf.vocab import KG

    entities = set(example_graph.subjects(RDFS.label, None))
    relation_triples = [
        (s, p, o) for s, p, o in example_graph if str(p).startswith(str(KG)) and s in entities and o in entities
    ]
    assert len(relation_triples) >= 15
    for s, p, o in relation_triples:
        evidence = (
            set(example_graph.subjects(RDF.subject, s))
            & set(example_graph.subjects(RDF.predicate, p))
            & set(example_graph.subjects(RDF.object, o))
        )
        assert evidence, f"no evidence for {s} {p} {o}"
        ev = next(iter(evidence))
        assert example_graph.value(ev, KG.sentence) is not None
        assert 0 < float(example_graph.value(ev, KG.confidence)) <= 1


def test_example_extraction_offsets_point_at_the_text(example_out):
    from kg.ingest import read_inputs

    text = next(read_inputs([EXAMPLE_ARTICLE])).text
    records = [json.loads(line) for line in (example_out / "extractions.jsonl").open(encoding="utf-8")]
    kinds = {r["kind"] for r in records}
    assert kinds == {"mention", "relation", "event"}
    for r in records:
        spans = []
        if r["kind"] == "mention":
            spans.append(r)
        elif r["kind"] == "relation":
            spans += [r["subject"], r["object"]]
            assert r["sentence"] in text
        else:
            spans.append(r["trigger"])
            spans += [a for a in r["arguments"] if "start" in a]
            assert r["sentence"] in text
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"], span


def test_example_extractions_name_ontology_terms(example_out):
    from kg.ontology import ontology_file

    ontology = Graph().parse(ontology_file("kg.ttl"))
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    for line in (example_out / "extractions.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        used = [r.get("class"), r.get("predicate")] + [a["role"] for a in r.get("arguments", [])]
        used += [r[k]["class"] for k in ("subject", "object") if k in r]
        for iri in filter(None, used):
            assert iri in declared, iri


def test_example_relative_dates_resolve_against_the_article_date(example_out):
    from kg.store.query import query

    rows = query(
        example_out / "graph.ttl",
        """
        SELECT ?text ?time WHERE { ?e kg:timeText ?text ; kg:time ?time }""",
    ).rows
    times = {r[0].value: r[1].value for r in rows}
    assert times.get("last year") == "2020"
    assert times.get("late February") == "2021-02"
