"""The bundled Turtle files: the ontology, the SHACL shapes and the gazetteer.

No spaCy needed. These tests pin what users and other modules rely on: the terms of
kg/rdf/vocab.py, the polarity that network analysis reads, the shape every written
graph must have, and gazetteer IRIs that match what the pipeline mints.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from kg import ontology as kg_ontology
from kg.ontology import entity_iri
from kg.rdf.vocab import KG, ONTOLOGY_IRI, SH

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGIES = ROOT / "ontologies"
ONTOLOGY_TTL = ONTOLOGIES / "kg.ttl"
SHAPES_TTL = ONTOLOGIES / "shapes.ttl"
GAZETTEER_TTL = ONTOLOGIES / "gazetteer.ttl"
DATA = Path(__file__).resolve().parent / "data" / "ontology"
CONFORMING_TTL = DATA / "conforming.ttl"
BROKEN_TTL = DATA / "broken.ttl"

KGE = Namespace("https://w3id.org/kg-news/entity/")
KGX = Namespace("https://w3id.org/kg-news/evidence/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
WIKIDATA_ITEM = re.compile(r"^http://www\.wikidata\.org/entity/Q[0-9]+$")
KG_NS = str(KG._NS)
VOCAB_TERMS = sorted(KG.__annotations__)

ACTOR_AND_PLACE_CLASSES = {
    KG.Actor,
    KG.Person,
    KG.Organization,
    KG.ArmedGroup,
    KG.GovernmentBody,
    KG.Military,
    KG.NewsOrganization,
    KG.State,
    KG.Place,
    KG.City,
}
EVENT_CLASSES = {
    KG.Event,
    KG.Attack,
    KG.AirStrike,
    KG.Killing,
    KG.Injury,
    KG.Designation,
    KG.Statement,
    KG.Condemnation,
    KG.Threat,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="module")
def gazetteer() -> Graph:
    return Graph().parse(GAZETTEER_TTL, format="turtle")


@pytest.fixture(scope="module")
def gazetteer_entries(gazetteer) -> list[URIRef]:
    return sorted(s for s in gazetteer.subjects(RDFS.label, None) if isinstance(s, URIRef))


def _validate(data: Graph, shapes: Graph) -> tuple[bool, list[tuple[object, object, str]]]:
    """Conformance and the (focus node, path, message) of each violation."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, meta_shacl=False)
    results = [
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath), str(report.value(r, SH.resultMessage)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return conforms, results


# --------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    "path",
    [ONTOLOGY_TTL, SHAPES_TTL, GAZETTEER_TTL, CONFORMING_TTL, BROKEN_TTL],
    ids=lambda p: p.name,
)
def test_ontology_files_parse_with_rdflib_and_oxigraph_alike(path):
    """rdflib reads some invalid IRIs silently, so Oxigraph must read the same triples."""
    quads = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    graph = Graph().parse(path, format="turtle")
    assert len(quads) == len(graph) > 0


# --------------------------------------------------------------------- ontology


def test_ontology_declares_exactly_the_vocab_terms(ontology):
    declared = {
        str(s)[len(KG_NS) :]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }
    assert not (set(VOCAB_TERMS) - declared), "in kg/ontology.py TERMS but not declared in kg.ttl"
    assert not (declared - set(VOCAB_TERMS)), "declared in kg.ttl but missing from kg/ontology.py TERMS"


def _class_and_subclasses(ontology: Graph, name: str) -> set[str]:
    """``name`` and every kg class below it in kg.ttl (transitively), by local name."""
    found = {str(c)[len(KG_NS) :] for c in ontology.transitive_subjects(RDFS.subClassOf, KG[name])}
    return {c for c in found if c in VOCAB_TERMS}


@pytest.mark.parametrize(
    "group, root, also, without",
    [
        ("ORGANIZATIONS", "Organization", set(), set()),
        ("ACTORS", "Actor", set(), {"Actor"}),
        ("PLACES", "Place", set(), set()),
        ("THINGS", "Organization", {"State"}, set()),
        ("EVENTS", "Event", set(), set()),
    ],
)
def test_ontology_class_groups_follow_kg_ttl(ontology, group, root, also, without):
    """A class added under kg:Organization in kg.ttl and not to kg/ontology.py fails here,
    so extraction cannot silently miss what analysis derives from the ontology."""
    expected = (_class_and_subclasses(ontology, root) | also) - without
    assert getattr(kg_ontology, group) == expected


def test_ontology_term_rejects_a_name_kg_ttl_does_not_declare():
    assert kg_ontology.term("ArmedGroup") == KG_NS + "ArmedGroup"
    with pytest.raises(KeyError, match="Persn"):
        kg_ontology.term("Persn")


def test_ontology_uses_no_undeclared_kg_terms(ontology):
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert {str(t)[len(KG_NS) :] for t in used} <= set(VOCAB_TERMS)


def test_ontology_header_names_version_and_license(ontology):
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(onto, URIRef("http://purl.org/dc/terms/license")) is not None
    assert ontology.value(onto, RDFS.comment) is not None


@pytest.mark.parametrize("term", VOCAB_TERMS)
def test_ontology_term_has_english_label_and_comment(ontology, term):
    iri = KG[term]
    for prop in (RDFS.label, RDFS.comment):
        english = [o for o in ontology.objects(iri, prop) if isinstance(o, Literal) and o.language == "en"]
        assert len(english) == 1, f"kg:{term} needs exactly one English {ontology.qname(prop)}"
        assert len(str(english[0])) > 2


@pytest.mark.parametrize("term", VOCAB_TERMS)
def test_ontology_term_has_one_owl_kind(ontology, term):
    kinds = {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.NamedIndividual,
    } & set(ontology.objects(KG[term], RDF.type))
    assert len(kinds) == 1, f"kg:{term} has OWL kinds {kinds}"


@pytest.mark.parametrize(
    ("term", "kind"),
    [
        ("polarity", OWL.AnnotationProperty),
        ("Polarity", OWL.Class),
        ("hostile", OWL.NamedIndividual),
        ("time", OWL.DatatypeProperty),
        ("designatedAs", OWL.DatatypeProperty),
        ("confidence", OWL.DatatypeProperty),
        ("participant", OWL.ObjectProperty),
        ("during", OWL.ObjectProperty),
    ],
)
def test_ontology_term_kind(ontology, term, kind):
    assert (KG[term], RDF.type, kind) in ontology


def _object_properties(ontology) -> list[URIRef]:
    return sorted(s for s in ontology.subjects(RDF.type, OWL.ObjectProperty) if str(s).startswith(KG_NS))


def _union_members(ontology, cls) -> set:
    """The classes of an owl:unionOf class expression (empty for a named class)."""
    members = ontology.value(cls, OWL.unionOf) if cls is not None else None
    return set(ontology.items(members)) if members is not None else set()


def test_ontology_every_relation_between_actors_has_one_polarity(ontology):
    """Network analysis reads polarity from the ontology: every non-role property needs one."""
    polarities = {KG.hostile, KG.cooperative, KG.neutral}
    missing = []
    for prop in _object_properties(ontology):
        domain = ontology.value(prop, RDFS.domain)
        if domain in (KG.Event, KG.Incident, KG.Merge) or {KG.Evidence, KG.Merge} & _union_members(ontology, domain):
            continue  # event roles (agent, target, ...), a fact's status and kg's own joins are not ties
        values = set(ontology.objects(prop, KG.polarity))
        if len(values) != 1 or not values <= polarities:
            missing.append(ontology.qname(prop))
    assert not missing, f"object properties without exactly one kg:polarity: {missing}"


EXPECTED_POLARITY = {
    "hostile": [
        "designated",
        "designatedBy",
        "killed",
        "killedBy",
        "attacked",
        "attackedBy",
        "targeted",
        "condemned",
        "threatened",
        "Attack",
        "AirStrike",
        "Killing",
        "Injury",
        "Designation",
        "Condemnation",
        "Threat",
    ],
    "cooperative": [
        "backedBy",
        "supports",
        "alliedWith",
        "memberOf",
        "leaderOf",
        "spokespersonFor",
        "worksFor",
        "affiliatedWith",
        "affiliatedWithCountry",
        "nationality",
    ],
    "neutral": ["killedAlongside", "locatedIn", "basedIn", "livesIn", "Statement"],
}


@pytest.mark.parametrize(
    ("term", "polarity"),
    [(t, p) for p, terms in EXPECTED_POLARITY.items() for t in terms],
)
def test_ontology_polarity_of(ontology, term, polarity):
    assert list(ontology.objects(KG[term], KG.polarity)) == [KG[polarity]]


def test_ontology_event_roles_have_no_polarity(ontology):
    for role in ("participant", "agent", "target", "victim", "location", "during"):
        assert ontology.value(KG[role], KG.polarity) is None


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        ("Person", "Actor"),
        ("Organization", "Actor"),
        ("ArmedGroup", "Organization"),
        ("GovernmentBody", "Organization"),
        ("NewsOrganization", "Organization"),
        ("Military", "GovernmentBody"),
        ("State", "Actor"),
        ("State", "Place"),
        ("City", "Place"),
        ("Attack", "Event"),
        ("AirStrike", "Attack"),
        ("Killing", "Event"),
        ("Injury", "Event"),
        ("Designation", "Event"),
        ("Statement", "Event"),
        ("Condemnation", "Statement"),
        ("Threat", "Statement"),
    ],
)
def test_ontology_class_hierarchy(ontology, sub, sup):
    assert (KG[sub], RDFS.subClassOf, KG[sup]) in ontology


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        ("worksFor", "affiliatedWith"),
        ("memberOf", "affiliatedWith"),
        ("leaderOf", "affiliatedWith"),
        ("spokespersonFor", "worksFor"),
        ("targeted", "attacked"),
        ("basedIn", "locatedIn"),
        ("agent", "participant"),
        ("target", "participant"),
        ("victim", "participant"),
        ("location", "participant"),
    ],
)
def test_ontology_property_hierarchy(ontology, sub, sup):
    assert (KG[sub], RDFS.subPropertyOf, KG[sup]) in ontology


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [("attackedBy", "attacked"), ("designatedBy", "designated"), ("killedBy", "killed"), ("supports", "backedBy")],
)
def test_ontology_inverse_properties(ontology, prop, inverse):
    assert (KG[prop], OWL.inverseOf, KG[inverse]) in ontology or (KG[inverse], OWL.inverseOf, KG[prop]) in ontology


@pytest.mark.parametrize("prop", ["killedAlongside", "alliedWith"])
def test_ontology_symmetric_properties(ontology, prop):
    assert (KG[prop], RDF.type, OWL.SymmetricProperty) in ontology


@pytest.mark.parametrize(
    ("cls", "external"),
    [
        ("Person", WD.Q5),
        ("City", WD.Q515),
        ("Organization", WD.Q43229),
        ("Person", URIRef("https://schema.org/Person")),
        ("Person", URIRef("http://xmlns.com/foaf/0.1/Person")),
    ],
)
def test_ontology_class_equivalent_to(ontology, cls, external):
    assert (KG[cls], OWL.equivalentClass, external) in ontology


@pytest.mark.parametrize(
    ("cls", "external"),
    [
        ("State", WD.Q6256),
        ("Evidence", RDF.Statement),
        ("Evidence", PROV.Entity),
        ("Extractor", PROV.SoftwareAgent),
        ("Event", URIRef("https://schema.org/Event")),
    ],
)
def test_ontology_class_aligned_below(ontology, cls, external):
    assert (KG[cls], RDFS.subClassOf, external) in ontology


def test_ontology_wikidata_alignments_are_item_iris(ontology):
    wikidata = {o for o in ontology.objects() if isinstance(o, URIRef) and str(o).startswith(str(WD))}
    assert wikidata and all(WIKIDATA_ITEM.match(str(o)) for o in wikidata)


def test_ontology_equivalent_classes_are_classes_only(ontology):
    """owl:equivalentClass never links a kg class to a kg property or individual."""
    for s, o in ontology.subject_objects(OWL.equivalentClass):
        assert (s, RDF.type, OWL.Class) in ontology
        assert not str(o).startswith(KG_NS) or (o, RDF.type, OWL.Class) in ontology


PLOVER = Namespace(kg_ontology.PLOVER_BASE)
EXPECTED_PLOVER = {
    "Attack": "ASSAULT",
    "AirStrike": "ASSAULT.aerial",
    "Killing": "ASSAULT",
    "Injury": "ASSAULT",
    "Designation": "SANCTION",
    "Condemnation": "ACCUSE",
    "Threat": "THREATEN",
    "Statement": None,  # PLOVER has no "make a statement"
    "Event": None,
}


def test_ontology_plover_prefix_is_the_namespace_kg_ontology_defines(ontology):
    assert dict(ontology.namespaces())["plover"] == URIRef(kg_ontology.PLOVER_BASE)


def test_ontology_every_event_class_is_in_the_plover_table():
    assert set(EXPECTED_PLOVER) == {str(c)[len(KG_NS) :] for c in EVENT_CLASSES}


@pytest.mark.parametrize(("cls", "plover"), EXPECTED_PLOVER.items())
def test_ontology_event_class_close_match_in_plover(ontology, cls, plover):
    matches = [o for o in ontology.objects(KG[cls], SKOS.closeMatch) if str(o).startswith(str(PLOVER))]
    assert matches == ([PLOVER[plover]] if plover else [])


def test_ontology_plover_matches_name_plover_types(ontology):
    targets = [o for _, o in ontology.subject_objects(SKOS.closeMatch) if str(o).startswith(str(PLOVER))]
    assert targets and all(kg_ontology.plover_type(o) for o in targets)
    assert {kg_ontology.plover_type(o)[0] for o in targets} <= set(kg_ontology.PLOVER_TYPES)
    assert len(kg_ontology.PLOVER_TYPES) == 16


# --------------------------------------------------------------------- shapes


def test_shapes_are_valid_shacl(shapes):
    """pyshacl checks the shapes graph itself against SHACL-SHACL with meta_shacl=True."""
    conforms, _, text = pyshacl.validate(Graph().parse(CONFORMING_TTL), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_shapes_target_every_actor_place_and_event_class(shapes):
    targets = set(shapes.objects(None, SH.targetClass))
    assert ACTOR_AND_PLACE_CLASSES | EVENT_CLASSES | {KG.Evidence, KG.Article, KG.Extractor} <= targets


def test_shapes_every_node_shape_says_what_it_checks(shapes):
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.comment) is not None, shape
        for prop in shapes.objects(shape, SH.property):
            assert shapes.value(prop, SH.message) is not None, shapes.value(prop, SH.path)


def test_shapes_accept_the_conforming_example(shapes):
    conforms, results = _validate(Graph().parse(CONFORMING_TTL), shapes)
    assert conforms, results


def test_shapes_reject_the_broken_example_for_each_known_fault(shapes):
    conforms, results = _validate(Graph().parse(BROKEN_TTL), shapes)
    assert not conforms
    faults = {(focus, path) for focus, path, _ in results}
    assert (KGE.No_Label, RDFS.label) in faults  # missing label
    assert (KGX["0123456789abcdef0123"], KG.confidence) in faults  # confidence 1.5
    assert (KGE.Iraq, OWL.sameAs) in faults  # sameAs literal


PREFIXES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kge: <https://w3id.org/kg-news/entity/>
PREFIX kga: <https://w3id.org/kg-news/article/>
PREFIX kgx: <https://w3id.org/kg-news/evidence/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""
ARTICLE = "kga:us-airstrikes-iraq-syria-2021-06-28"
EVIDENCE = "kgx:3f2a0c9e1b7d4a5f6e80"
DESIGNATION = "<https://w3id.org/kg-news/event/us-airstrikes-iraq-syria-2021-06-28/Designation-2391>"


@pytest.mark.parametrize(
    ("update", "path"),
    [
        ("INSERT DATA { kge:Iran rdfs:label 'Islamic Republic of Iran' }", RDFS.label),
        ("INSERT DATA { kge:Iran rdfs:label ''^^xsd:string }", RDFS.label),
        ("INSERT DATA { kge:Iraq owl:sameAs <https://www.wikidata.org/wiki/Q796> }", OWL.sameAs),
        ("INSERT DATA { kge:Iran owl:sameAs <http://www.wikidata.org/entity/Q795> }", OWL.sameAs),
        ("INSERT DATA { kge:Iran kg:attacked 'Iraq' }", KG.attacked),
        (
            f"DELETE WHERE {{ {EVIDENCE} kg:confidence ?c }} ; INSERT DATA {{ {EVIDENCE} kg:confidence 0.8 }}",
            KG.confidence,
        ),
        (f"DELETE WHERE {{ {EVIDENCE} prov:wasAttributedTo ?x }}", PROV.wasAttributedTo),
        (f"DELETE WHERE {{ {EVIDENCE} kg:subjectStart ?x }}", KG.subjectStart),
        (
            f"DELETE WHERE {{ {EVIDENCE} kg:objectEnd ?x }} ; INSERT DATA {{ {EVIDENCE} kg:objectEnd 1 }}",
            KG.objectStart,
        ),
        (f"INSERT DATA {{ {EVIDENCE} rdf:object 'Kataib Hezbollah' }}", RDF.object),
        (f"DELETE WHERE {{ {DESIGNATION} kg:time ?t }} ; INSERT DATA {{ {DESIGNATION} kg:time '2009' }}", KG.time),
        (f"INSERT DATA {{ {DESIGNATION} kg:time '2010'^^xsd:gYear }}", KG.time),
        (f"DELETE WHERE {{ {DESIGNATION} kg:start ?s }} ; INSERT DATA {{ {DESIGNATION} kg:start 2500 }}", KG.start),
        (f"DELETE WHERE {{ {DESIGNATION} kg:triggerText ?t }}", KG.triggerText),
        (f"INSERT DATA {{ {DESIGNATION} prov:wasDerivedFrom kga:other-article }}", PROV.wasDerivedFrom),
        (f"INSERT DATA {{ {DESIGNATION} kg:during {ARTICLE} }}", KG.during),
        (f"INSERT DATA {{ {DESIGNATION} kg:agent [] }}", KG.agent),
        (
            f"INSERT DATA {{ {ARTICLE} schema:datePublished '2021-06-29'^^xsd:date }}",
            URIRef("https://schema.org/datePublished"),
        ),
        (f"DELETE WHERE {{ {ARTICLE} kg:contentHash ?h }}", KG.contentHash),
        ("INSERT DATA { <https://w3id.org/kg-news/extractor/dependency-patterns> rdfs:label 'other' }", RDFS.label),
    ],
)
def test_shapes_reject_one_fault(shapes, update, path):
    graph = Graph().parse(CONFORMING_TTL)
    graph.update(PREFIXES + update)
    conforms, results = _validate(graph, shapes)
    assert not conforms
    assert path in {p for _, p, _ in results}, results


# --------------------------------------------------------------------- gazetteer


def test_gazetteer_iris_are_minted_from_labels(gazetteer, gazetteer_entries):
    wrong = []
    for entry in gazetteer_entries:
        labels = list(gazetteer.objects(entry, RDFS.label))
        assert len(labels) == 1, entry
        if str(entry) != entity_iri(str(labels[0])):
            wrong.append((str(entry), str(labels[0])))
        pyoxigraph.NamedNode(str(entry))  # raises on an invalid IRI
    assert not wrong, f"IRI is not entity_iri(rdfs:label): {wrong}"


def test_gazetteer_entry_has_one_class_declared_in_the_ontology(ontology, gazetteer, gazetteer_entries):
    for entry in gazetteer_entries:
        classes = list(gazetteer.objects(entry, RDF.type))
        assert len(classes) == 1, f"{entry} has classes {classes}"
        assert (classes[0], RDF.type, OWL.Class) in ontology, f"{entry}: {classes[0]} not in the ontology"
        assert classes[0] in ACTOR_AND_PLACE_CLASSES - {KG.Actor}, f"{entry}: {classes[0]} is not an entity class"


def test_gazetteer_every_typed_node_has_a_label(gazetteer, gazetteer_entries):
    assert set(gazetteer.subjects(RDF.type, None)) == set(gazetteer_entries)


def test_gazetteer_no_two_entries_share_a_name(gazetteer, gazetteer_entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer_entries:
        for prop in (RDFS.label, SKOS.altLabel):
            for name in gazetteer.objects(entry, prop):
                owners[str(name).casefold()].add(str(gazetteer.value(entry, RDFS.label)))
    shared = {name: sorted(labels) for name, labels in owners.items() if len(labels) > 1}
    assert not shared, f"names that would link to more than one entry: {shared}"


def test_gazetteer_no_two_entries_share_a_demonym(gazetteer):
    owners: dict[str, set] = defaultdict(set)
    for entry, demonym in gazetteer.subject_objects(KG.demonym):
        owners[str(demonym).casefold()].add(entry)
    assert not {d: e for d, e in owners.items() if len(e) > 1}


def test_gazetteer_wikidata_links_are_unique_item_iris(gazetteer):
    links = list(gazetteer.subject_objects(OWL.sameAs))
    assert links
    bad = [str(o) for _, o in links if not (isinstance(o, URIRef) and WIKIDATA_ITEM.match(str(o)))]
    assert not bad
    by_item = defaultdict(list)
    for s, o in links:
        by_item[o].append(s)
    assert not {o: s for o, s in by_item.items() if len(s) > 1}, "one Wikidata item linked from two entries"


def test_gazetteer_conforms_to_shapes(gazetteer, shapes):
    conforms, results = _validate(gazetteer, shapes)
    assert conforms, results[:10]


def test_gazetteer_links_point_at_states_in_the_gazetteer(gazetteer):
    for prop in (KG.locatedIn, KG.affiliatedWithCountry):
        for s, o in gazetteer.subject_objects(prop):
            assert (o, RDF.type, KG.State) in gazetteer, f"{s} {prop} {o}"


DISPUTED_CITIES = {"Jerusalem"}


def test_gazetteer_cities_are_located_in_one_state(gazetteer):
    for city in gazetteer.subjects(RDF.type, KG.City):
        label = str(gazetteer.value(city, RDFS.label))
        states = list(gazetteer.objects(city, KG.locatedIn))
        assert len(states) == (0 if label in DISPUTED_CITIES else 1), label


def test_gazetteer_government_bodies_belong_to_one_state(gazetteer):
    for cls in (KG.GovernmentBody, KG.Military):
        for body in gazetteer.subjects(RDF.type, cls):
            assert len(list(gazetteer.objects(body, KG.affiliatedWithCountry))) == 1, body


def test_gazetteer_covers_un_members_and_three_more_states(gazetteer):
    states = {str(gazetteer.value(s, RDFS.label)) for s in gazetteer.subjects(RDF.type, KG.State)}
    assert len(states) >= 193 + 3
    assert {"Palestine", "Kosovo", "Taiwan", "South Sudan", "Eswatini", "Tuvalu"} <= states


def test_gazetteer_lists_no_people(gazetteer):
    assert not list(gazetteer.subjects(RDF.type, KG.Person))


@pytest.mark.parametrize(
    ("name", "label", "cls"),
    [
        ("United States", "United States", KG.State),
        ("U.S.", "United States", KG.State),
        ("America", "United States", KG.State),
        ("Britain", "United Kingdom", KG.State),
        ("Pentagon", "United States Department of Defense", KG.GovernmentBody),
        ("the Pentagon", "United States Department of Defense", KG.GovernmentBody),
        ("CENTCOM", "United States Central Command", KG.Military),
        ("IRGC", "Islamic Revolutionary Guard Corps", KG.Military),
        ("IDF", "Israel Defense Forces", KG.Military),
        ("PMF", "Popular Mobilisation Forces", KG.ArmedGroup),
        ("Hashd al-Shaabi", "Popular Mobilisation Forces", KG.ArmedGroup),
        ("Kataib Hezbollah", "Kataib Hezbollah", KG.ArmedGroup),
        ("Kata'ib Sayyid al-Shuhada", "Kataib Sayyid al-Shuhada", KG.ArmedGroup),
        ("Daesh", "Islamic State", KG.ArmedGroup),
        ("ISIL", "Islamic State", KG.ArmedGroup),
        ("Ansar Allah", "Houthis", KG.ArmedGroup),
        ("Sana", "Syrian Arab News Agency", KG.NewsOrganization),
        ("AFP", "Agence France-Presse", KG.NewsOrganization),
        ("Nato", "NATO", KG.Organization),
        ("UN", "United Nations", KG.Organization),
        ("Irbil", "Erbil", KG.City),
        ("Washington DC", "Washington", KG.City),
        ("Kiev", "Kyiv", KG.City),
        ("Gaza", "Gaza Strip", KG.Place),
    ],
)
def test_gazetteer_name_resolves_to(gazetteer, name, label, cls):
    matches = {s for prop in (RDFS.label, SKOS.altLabel) for s in gazetteer.subjects(prop, Literal(name))}
    assert [str(m) for m in matches] == [entity_iri(label)]
    assert (next(iter(matches)), RDF.type, cls) in gazetteer


@pytest.mark.parametrize(
    ("label", "qid"),
    [("United States", "Q30"), ("Iraq", "Q796"), ("Iran", "Q794"), ("Syria", "Q858"), ("Palestine", "Q219060")],
)
def test_gazetteer_state_links_to_wikidata(gazetteer, label, qid):
    assert gazetteer.value(URIRef(entity_iri(label)), OWL.sameAs) == WD[qid]


def test_gazetteer_state_demonyms(gazetteer):
    demonyms = {str(d) for d in gazetteer.objects(URIRef(entity_iri("United States")), KG.demonym)}
    assert "American" in demonyms
    assert Literal("Iraqi") in set(gazetteer.objects(URIRef(entity_iri("Iraq")), KG.demonym))


def test_gazetteer_file_is_what_the_generator_writes():
    """ontologies/gazetteer.ttl is generated: edit scripts/build_gazetteer.py, then re-run it."""
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sections = module.entries()
    module.check(sections)
    assert GAZETTEER_TTL.read_text(encoding="utf-8") == module.turtle(sections)


def test_gazetteer_has_no_blank_nodes(gazetteer):
    assert not [t for triple in gazetteer for t in triple if isinstance(t, BNode)]
