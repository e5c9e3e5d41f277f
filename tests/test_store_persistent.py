"""The persistent store: the contentHash rule, incremental builds, and opening a store where a file goes."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE_ARTICLE, SECOND_ARTICLE
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.errors import GraphError
from kg.rdf.vocab import KG, SCHEMA

ART = "https://w3id.org/kg-news/article/"
ENT = "https://w3id.org/kg-news/entity/"


def article(name: str, text_hash: str, facts: list[tuple[str, str, str]], published: str = "2024-01-12") -> Graph:
    """A hand-made article graph in kg's shape: the article node plus plain facts."""
    from rdflib import XSD  # imported here: pytest's collection trips over XSD's warnings

    iri = URIRef(ART + name)
    g = Graph(identifier=iri)
    g.add((iri, RDF.type, KG.Article))
    g.add((iri, KG.articleId, Literal(name)))
    g.add((iri, KG.contentHash, Literal("sha256:" + text_hash)))
    g.add((iri, SCHEMA.datePublished, Literal(published, datatype=XSD.date)))
    for s, p, o in facts:
        g.add((URIRef(ENT + s), KG[p], URIRef(ENT + o)))
        g.add((iri, SCHEMA.mentions, URIRef(ENT + s)))
    return g


def store_quads(store) -> set[tuple[str, str, str, str]]:
    return {(q.subject.value, q.predicate.value, str(q.object), q.graph_name.value) for q in store.quads()}


@pytest.fixture
def store(tmp_path):
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(tmp_path / "kgstore", write=True, create=True) as s:
        yield s


def test_store_persistent_same_hash_changes_nothing(store):
    from kg.store.persistent import ADDED, UNCHANGED

    a = article("a", "1", [("Iran", "supports", "Houthis")])
    assert store.put(a) == ADDED
    before = store_quads(store)
    assert store.put(article("a", "1", [("Iran", "supports", "Houthis")])) == UNCHANGED
    assert store_quads(store) == before and len(store) == len(a)


def test_store_persistent_changed_hash_replaces_the_article_graph(store):
    from kg.store.persistent import REPLACED

    store.put(article("a", "1", [("Iran", "supports", "Houthis")]))
    store.put(article("b", "2", [("Iran", "supports", "Houthis")]))
    assert store.put(article("a", "3", [("United_States", "attacked", "Houthis")])) == REPLACED
    a = store.graph(ART + "a")
    assert (URIRef(ENT + "United_States"), KG.attacked, URIRef(ENT + "Houthis")) in a
    assert (URIRef(ENT + "Iran"), KG.supports, URIRef(ENT + "Houthis")) not in a
    assert list(a.objects(URIRef(ART + "a"), KG.contentHash)) == [Literal("sha256:3")]
    # the other article's copy of the shared fact is untouched
    assert (URIRef(ENT + "Iran"), KG.supports, URIRef(ENT + "Houthis")) in store.graph(ART + "b")
    assert store.articles() == {ART + "a": "sha256:3", ART + "b": "sha256:2"}


def _merged_is_the_union(store) -> bool:
    import pyoxigraph as ox

    default = {q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return default == {q.triple for q in store.quads()}


def test_store_persistent_default_graph_is_the_merge_of_article_graphs(store):
    """Queries see each triple once, however many articles state it (Oxigraph's union is a bag)."""
    from kg.store.query import query

    shared = ("Iran", "supports", "Houthis")
    store.put(article("a", "1", [shared, ("Iran", "condemned", "United_States")]))
    store.put(article("b", "2", [shared]))
    assert _merged_is_the_union(store)
    assert len(query(store.ox, "SELECT * WHERE { kge:Iran kg:supports ?x }").rows) == 1
    store.put(article("a", "3", [shared]))  # a no longer says Iran condemned anyone
    assert _merged_is_the_union(store)
    assert not query(store.ox, "ASK { kge:Iran kg:condemned ?x }").boolean
    assert store.remove(ART + "b") and not store.remove(ART + "b")
    assert _merged_is_the_union(store)
    assert query(store.ox, "ASK { kge:Iran kg:supports kge:Houthis }").boolean  # a still says it
    store.remove(ART + "a")
    assert len(store) == 0 and len(store.ox) == 0


def test_store_persistent_force_replaces_an_unchanged_article(store):
    from kg.store.persistent import REPLACED

    store.put(article("a", "1", [("Iran", "supports", "Houthis")]))
    assert store.put(article("a", "1", [("Iran", "backedBy", "Houthis")]), force=True) == REPLACED
    assert (URIRef(ENT + "Iran"), KG.supports, URIRef(ENT + "Houthis")) not in store.graph(ART + "a")


def test_store_persistent_survives_reopening_and_is_read_only_for_readers(tmp_path):
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(tmp_path / "s", write=True, create=True) as s:
        s.put(article("a", "1", [("Iran", "supports", "Houthis")]))
    with PersistentStore.open(tmp_path / "s") as reader:
        assert reader.articles() == {ART + "a": "sha256:1"}
        with pytest.raises(GraphError, match="read-only"):
            reader.put(article("b", "2", []))


def test_store_persistent_second_writer_is_told_the_store_is_busy(tmp_path):
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(tmp_path / "s", write=True, create=True):
        with pytest.raises(GraphError, match="another process"):
            PersistentStore.open(tmp_path / "s", write=True)


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "No kg store"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "No kg store"),
    ],
)
def test_store_persistent_refuses_what_is_not_a_store(tmp_path, setup, message):
    from kg.store.persistent import PersistentStore

    setup(tmp_path / "x")
    with pytest.raises(GraphError, match=message):
        PersistentStore.open(tmp_path / "x")


def test_store_persistent_will_not_create_a_store_in_a_used_directory(tmp_path):
    from kg.store.persistent import PersistentStore

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(GraphError, match="not a kg store"):
        PersistentStore.open(tmp_path, write=True, create=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_store_persistent_refuses_a_store_of_another_oxigraph_version(tmp_path):
    from kg.store.persistent import MARKER, PersistentStore

    with PersistentStore.open(tmp_path / "s", write=True, create=True) as s:
        s.put(article("a", "1", []))
    marker = tmp_path / "s" / MARKER
    info = json.loads(marker.read_text())
    marker.write_text(json.dumps(info | {"engine_version": "0.4.11"}))
    with pytest.raises(GraphError, match="Oxigraph 0.4.11"):
        PersistentStore.open(tmp_path / "s")


def test_store_persistent_directory_is_accepted_wherever_a_graph_file_is(tmp_path):
    from kg.store.persistent import PersistentStore
    from kg.store.query import query
    from kg.store.source import load_graph

    with PersistentStore.open(tmp_path / "s", write=True, create=True) as s:
        s.put(article("a", "1", [("Iran", "supports", "Houthis")]))
        s.put(article("b", "2", [("United_States", "attacked", "Houthis")]))
    ds = load_graph(tmp_path / "s")
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {ART + "a", ART + "b"}
    assert len(ds) == 2 * 6
    rows = query(tmp_path / "s", "SELECT ?who WHERE { ?who kg:attacked kge:Houthis }").rows
    assert [r[0].value for r in rows] == [ENT + "United_States"]


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle"])
def test_store_persistent_exports_a_file_kg_reads_back(tmp_path, fmt):
    import pyoxigraph as ox

    from kg.store.formats import FORMATS
    from kg.store.persistent import PersistentStore
    from kg.store.source import load_graph

    with PersistentStore.open(tmp_path / "s", write=True, create=True) as s:
        s.put(article("a", "1", [("Iran", "supports", "Houthis")]))
        s.put(article("b", "2", [("Iran", "supports", "Houthis")]))
        path = s.export(tmp_path / ("graph" + FORMATS[fmt][1]))
    ox_fmt = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE}[fmt]
    assert list(ox.parse(path=str(path), format=ox_fmt))  # an independent parser reads it
    ds = load_graph(path)
    named = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert (named >= {ART + "a", ART + "b"}) if FORMATS[fmt][2] else len(ds) == 11  # the union: the shared fact once


# -- with the real pipeline ---------------------------------------------------------------------
def _quads(path) -> set:
    from kg.store.persistent import PersistentStore

    with PersistentStore.open(path) as s:
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in s.quads()}


@pytest.mark.slow
def test_store_incremental_builds_equal_one_build(pipeline, tmp_path):
    from kg.builder import build_into_store
    from kg.store.persistent import ADDED, UNCHANGED
    from kg.store.source import load_graph, union_graph

    first = build_into_store(pipeline, [EXAMPLE_ARTICLE], tmp_path / "ab")
    second = build_into_store(pipeline, [SECOND_ARTICLE], tmp_path / "ab")
    both = build_into_store(pipeline, [EXAMPLE_ARTICLE, SECOND_ARTICLE], tmp_path / "together")
    assert first.counts[ADDED] == second.counts[ADDED] == 1 and both.counts[ADDED] == 2
    assert _quads(tmp_path / "ab") == _quads(tmp_path / "together")
    g1, g2 = union_graph(load_graph(tmp_path / "ab")), union_graph(load_graph(tmp_path / "together"))
    if not isomorphic(g1, g2):
        _, only1, only2 = graph_diff(g1, g2)
        pytest.fail(f"only in A-then-B: {sorted(only1)[:5]}; only in A+B: {sorted(only2)[:5]}")

    before = _quads(tmp_path / "ab")
    again = build_into_store(pipeline, [EXAMPLE_ARTICLE], tmp_path / "ab")
    assert again.counts[UNCHANGED] == 1 and again.counts[ADDED] == 0
    assert _quads(tmp_path / "ab") == before
    assert (again.articles, again.triples) == (2, len({q[:3] for q in before}))


@pytest.mark.slow
def test_store_entities_of_two_articles_are_one_node(pipeline, tmp_path):
    from kg.builder import build_into_store
    from kg.store.query import query

    build_into_store(pipeline, [EXAMPLE_ARTICLE], tmp_path / "s")
    build_into_store(pipeline, [SECOND_ARTICLE], tmp_path / "s")
    rows = query(
        tmp_path / "s",
        'SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . ?e rdfs:label "Iran" } GROUP BY ?e',
    ).rows
    assert [(r[0].value, int(r[1].value)) for r in rows] == [(ENT + "Iran", 2)]


@pytest.mark.slow
def test_store_changed_article_text_replaces_its_facts(pipeline, tmp_path):
    from kg.builder import build_into_store
    from kg.store.persistent import REPLACED
    from kg.store.query import query

    build_into_store(pipeline, [EXAMPLE_ARTICLE], tmp_path / "s")
    ask = "ASK { kge:United_States kg:designated kge:Kataib_Hezbollah }"
    assert query(tmp_path / "s", ask).boolean
    edited = tmp_path / "edited" / EXAMPLE_ARTICLE.name  # same file name: the same article id
    edited.parent.mkdir()
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if "designated" not in line]
    assert len(kept) < len(text.splitlines())
    edited.write_text("\n".join(kept) + "\n", encoding="utf-8")
    run = build_into_store(pipeline, [edited], tmp_path / "s")
    assert run.counts[REPLACED] == 1 and run.articles == 1
    assert not query(tmp_path / "s", ask).boolean
    hashes = query(tmp_path / "s", "SELECT ?h WHERE { ?a kg:contentHash ?h }").rows
    assert len(hashes) == 1


@pytest.mark.slow
def test_store_cookbook_new_since_a_date_sees_only_later_articles(pipeline, tmp_path):
    from conftest import EXAMPLES

    from kg.builder import build_into_store
    from kg.store.query import query

    build_into_store(pipeline, [EXAMPLE_ARTICLE, SECOND_ARTICLE], tmp_path / "s")
    text = (EXAMPLES / "queries" / "14-new-since-a-date.rq").read_text(encoding="utf-8")
    rows = query(tmp_path / "s", text.replace('"2021-06-01"', '"2024-01-01"')).rows
    assert rows
    assert {r[3].value for r in rows} == {"2024-01-12"}
    labels = {(r[0].value, r[2].value) for r in rows}
    assert ("Houthis", "Iran") in labels
    # the 2021 article's facts are not new since 2024
    assert not any(r[0].value == "Kataib Hezbollah" for r in rows)


@pytest.mark.parametrize(
    "update, touched",
    [
        ("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }", {"urn:g"}),
        ("DROP SILENT GRAPH <urn:g> ; INSERT DATA { GRAPH <urn:h> { <urn:a> <urn:b> <urn:c> } }", {"urn:g", "urn:h"}),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", {"urn:g"}),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", set()),
        ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", None),
        ("INSERT DATA { GRAPH kga:x { <urn:a> <urn:b> <urn:c> } }", None),
        ("CLEAR ALL", None),
        ("COPY DEFAULT TO <urn:g>", None),
    ],
)
def test_store_persistent_update_names_the_graphs_it_touches(update, touched):
    from kg.store.persistent import touched_graphs

    assert touched_graphs(update) == touched


def test_store_persistent_updates_keep_the_merged_default_graph(store):
    from kg.store.persistent import apply_update
    from kg.store.query import query

    store.put(article("a", "1", [("Iran", "supports", "Houthis")]))
    ask = lambda where: query(store.ox, f"ASK {{ {where} }}").boolean  # noqa: E731
    apply_update(store.ox, "INSERT DATA { GRAPH <urn:notes> { kge:X kg:attacked kge:Y } }", prefixes=_prefixes())
    assert ask("kge:X kg:attacked kge:Y") and _merged_is_the_union(store)
    apply_update(store.ox, "INSERT DATA { kge:Z kg:attacked kge:Y }", prefixes=_prefixes())  # default graph only
    apply_update(store.ox, "DELETE WHERE { GRAPH ?g { kge:X ?p ?o } }", prefixes=_prefixes())
    assert not ask("kge:X kg:attacked kge:Y") and ask("kge:Z kg:attacked kge:Y")
    apply_update(store.ox, f"DROP GRAPH <{ART}a>", prefixes=_prefixes())
    assert not ask("kge:Iran kg:supports kge:Houthis")


def _prefixes() -> dict:
    from kg.rdf.vocab import PREFIXES as P

    return dict(P)
