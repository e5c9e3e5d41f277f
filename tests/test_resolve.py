"""Resolution rules on hand-made mentions: acronyms, salience, surnames, bodies, "we"."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kg.resolve.acronyms import defined_acronyms, matches
from kg.resolve.coref import best_antecedent, salience
from kg.types import GazetteerEntry, Mention, Relation, Span

ONT = "https://w3id.org/kg-news/ontology#"


@pytest.mark.parametrize(
    "long,short,ok",
    [
        ("Popular Mobilisation Forces", "PMF", True),
        ("Islamic State", "IS", True),
        ("Syrian Observatory for Human Rights", "SOHR", True),
        ("Islamic State", "ISIS", False),
        ("Kataib Hezbollah", "PMF", False),
    ],
)
def test_resolve_acronym_matching(long, short, ok):
    assert matches(long, short) is ok


def test_resolve_acronym_defined_in_parentheses():
    text = "the Popular Mobilisation Forces (PMF) said"
    long = Mention(0, 4, 31, "Popular Mobilisation Forces", ONT + "ArmedGroup")
    short = Mention(1, 33, 36, "PMF", ONT + "ArmedGroup")
    assert defined_acronyms(text, [long, short]) == {1: 0}


def _m(i, start, text, cls, sent, role, kind="name", **kw):
    return Mention(i, start, start + len(text), text, ONT + cls, kind=kind, sent=sent, role=role, **kw)


def test_resolve_salience_prefers_subjects_and_objects_over_modifiers():
    # "The US designated KH ... and accused it of attacks on US forces. Its leader ..."
    us, kh = _m(0, 0, "US", "State", 0, "subj"), _m(1, 20, "Kataib Hezbollah", "ArmedGroup", 0, "obj")
    it = _m(2, 50, "it", "Organization", 0, "obj", kind="pronoun")
    us_forces = _m(3, 70, "US", "State", 0, "mod")
    its = _m(4, 100, "Its", "Organization", 1, "poss", kind="pronoun")
    clusters = {0: [us, us_forces], 1: [kh, it]}
    classes = {0: "State", 1: "ArmedGroup"}
    assert salience([us_forces], its) == 0
    assert best_antecedent(its, clusters, classes.get, {"State", "ArmedGroup"}) == 1


def test_resolve_pronoun_never_takes_its_own_subject():
    us = _m(0, 0, "US", "State", 0, "subj")
    it = _m(1, 30, "it", "Organization", 0, "obj", kind="pronoun", not_coref=(0,))
    assert best_antecedent(it, {0: [us]}, {0: "State"}.get, {"State"}) is None


def test_resolve_he_needs_a_person():
    iran = _m(0, 0, "Iran", "State", 0, "subj")
    he = _m(1, 20, "he", "Person", 0, "subj", kind="pronoun")
    assert best_antecedent(he, {0: [iran]}, {0: "State"}.get, {"Person"}) is None


# -- the linking rules of resolve_article, on hand-made extractions (no spaCy) ----------

ENT = "https://w3id.org/kg-news/entity/"


def n(phrase, cls="Organization", **kw):
    """One mention of ``phrase`` (the next occurrence in the text), of class ``cls``."""
    return phrase, cls, kw


def _extraction(text, specs, relations=(), article_id="a1"):
    from kg.types import Article, Extraction, Span

    sentences = [Span(s.start(), s.end(), s.group()) for s in re.finditer(r"[^.]+\.?", text)]
    mentions, pos = [], 0
    for i, (phrase, cls, kw) in enumerate(specs):
        start = text.index(phrase, pos)
        pos = start + len(phrase)
        sent = next(k for k, s in enumerate(sentences) if s.start <= start < s.end)
        mentions.append(Mention(i, start, pos, phrase, ONT + cls, sent=sent, **kw))
    return Extraction(Article(article_id, text), tuple(mentions), tuple(relations), (), tuple(sentences))


def _resolve(text, *specs, relations=(), gazetteer=None, article_id="a1"):
    from kg.resolve import resolve_article

    return resolve_article(_extraction(text, specs, relations, article_id), gazetteer or {})


def _labels(resolved):
    """The label of the entity each mention became, in mention order (None: no entity)."""
    ents = resolved.mention_entity
    return [resolved.entities[ents[m.id]].label if m.id in ents else None for m in resolved.extraction.mentions]


KH = GazetteerEntry(
    ENT + "Kataib_Hezbollah", "Kataib Hezbollah", ONT + "ArmedGroup", wikidata="http://www.wikidata.org/entity/Q1754133"
)


@pytest.mark.parametrize(
    "text,specs,labels",
    [
        # a shared gazetteer link joins spellings, under the gazetteer's name
        (
            "Kata'ib Hezbollah fired. Kataib Hizbullah denied it.",
            [n("Kata'ib Hezbollah", link=KH.iri), n("Kataib Hizbullah", link=KH.iri)],
            ["Kataib Hezbollah", "Kataib Hezbollah"],
        ),
        # the same text joins, whatever its case; a linked name joins its unlinked namesake
        ("HAMAS fired. Hamas denied it.", [n("HAMAS"), n("Hamas")], ["HAMAS", "HAMAS"]),
        (
            "Kataib Hizbullah fired. Kataib Hizbullah denied it.",
            [n("Kataib Hizbullah"), n("Kataib Hizbullah", link=KH.iri)],
            ["Kataib Hezbollah", "Kataib Hezbollah"],
        ),
        # different names stay apart
        ("Hamas fired. Hezbollah denied it.", [n("Hamas"), n("Hezbollah")], ["Hamas", "Hezbollah"]),
    ],
)
def test_resolve_same_key_joins_one_name(text, specs, labels):
    resolved = _resolve(text, *specs, gazetteer={KH.iri: KH})
    assert _labels(resolved) == labels
    assert len(resolved.entities) == len(set(labels))


def test_resolve_gazetteer_entity_keeps_its_iri_and_the_article_spellings():
    resolved = _resolve(
        "Kata'ib Hezbollah fired. Kataib Hizbullah denied it.",
        n("Kata'ib Hezbollah", link=KH.iri),
        n("Kataib Hizbullah", link=KH.iri),
        gazetteer={KH.iri: KH},
    )
    (ent,) = resolved.entities.values()
    assert (ent.iri, ent.cls, ent.wikidata) == (KH.iri, KH.cls, KH.wikidata)
    assert ent.aliases == ("Kata'ib Hezbollah", "Kataib Hizbullah")
    assert ent.articles == ("a1",)


PMF = "Popular Mobilisation Forces"


@pytest.mark.parametrize(
    "text,short,labels",
    [
        # the acronym joins its long form, and so does every later use of it
        ("The Popular Mobilisation Forces (PMF) said. The PMF fought.", "PMF", [PMF, PMF, PMF]),
        # not defined in parentheses: no join
        ("The Popular Mobilisation Forces said PMF. The PMF fought.", "PMF", [PMF, "PMF", "PMF"]),
        ("The Popular Mobilisation Forces, PMF said. The PMF fought.", "PMF", [PMF, "PMF", "PMF"]),
        # in parentheses right after the name, an acronym is the name's even when its
        # letters are not the initials (it keeps those of the name in another language)
        ("The Popular Mobilisation Forces (PFM) said. The PFM fought.", "PFM", [PMF, PMF, PMF]),
    ],
)
def test_resolve_acronym_joins_its_long_form(text, short, labels):
    resolved = _resolve(text, n(PMF, "ArmedGroup"), n(short, "ArmedGroup"), n(short, "ArmedGroup"))
    assert _labels(resolved) == labels


@pytest.mark.parametrize(
    "text,specs,labels",
    [
        (
            "John Kirby said. Mr Kirby added.",
            [n("John Kirby", "Person"), n("Kirby", "Person", title="Mr")],
            ["John Kirby", "John Kirby"],
        ),
        # the surname comes first: it still joins the one full name
        (
            "Kirby said. John Kirby added.",
            [n("Kirby", "Person"), n("John Kirby", "Person")],
            ["John Kirby", "John Kirby"],
        ),
        # two full names end so: ambiguous, no join
        (
            "John Kirby met Jane Kirby. Kirby added.",
            [n("John Kirby", "Person"), n("Jane Kirby", "Person"), n("Kirby", "Person")],
            ["John Kirby", "Jane Kirby", "Kirby"],
        ),
        # only people have surnames: a one-word name a cue or the gazetteer typed as
        # something else stays apart; one only the model typed may be a surname
        (
            "John Kirby said. Kirby added.",
            [n("John Kirby", "Person"), n("Kirby", "Organization", typed_by="cue")],
            ["John Kirby", "Kirby"],
        ),
        (
            "John Kirby said. Kirby added.",
            [n("John Kirby", "Person"), n("Kirby", "Organization", link=KH.iri, typed_by="gazetteer")],
            ["John Kirby", "Kataib Hezbollah"],
        ),
        (
            "Amadou Kouffa said. Kouffa added.",
            [n("Amadou Kouffa", "Person"), n("Kouffa", "Place", typed_by="model")],
            ["Amadou Kouffa", "Amadou Kouffa"],
        ),
        # particles are no part of a surname; titles are no part of a name
        (
            "Abd al-Aziz al-Muhammadawi said. Muhammadawi added.",
            [n("Abd al-Aziz al-Muhammadawi", "Person"), n("Muhammadawi", "Person")],
            ["Abd al-Aziz al-Muhammadawi"] * 2,
        ),
        (
            "Taleb Abdallah died. Abdallah led it.",
            [n("Taleb Abdallah", "Person"), n("Abdallah", "Person")],
            ["Taleb Abdallah"] * 2,
        ),
        (
            "Brig. Gen. Yahya Saree said. Mr Saree added.",
            [n("Yahya Saree", "Person", title="Brig. Gen."), n("Saree", "Person", title="Mr")],
            ["Yahya Saree"] * 2,
        ),
    ],
)
def test_resolve_surname_joins_the_full_name(text, specs, labels):
    assert _labels(_resolve(text, *specs, gazetteer={KH.iri: KH})) == labels


def test_resolve_surname_keeps_the_title_as_the_article_gives_it():
    resolved = _resolve("John Kirby said. Mr Kirby added.", n("John Kirby", "Person"), n("Kirby", "Person", title="Mr"))
    (ent,) = resolved.entities.values()
    assert (ent.label, ent.aliases, ent.titles) == ("John Kirby", ("Kirby", "Mr Kirby"), ("Mr",))


IRAN = n("Iran", "State", role="subj")
MINISTRY = n("foreign ministry", "GovernmentBody", kind="body", role="subj")


@pytest.mark.parametrize(
    "text,specs,body,country,confidence",
    [
        # the most salient state before the body, in an earlier sentence or the same one
        ("Iran spoke. The foreign ministry said.", [IRAN, MINISTRY], "Foreign Ministry of Iran", "Iran", 0.6),
        ("Iran and its foreign ministry said.", [IRAN, MINISTRY], "Foreign Ministry of Iran", "Iran", 0.8),
        # the state the extractor linked ("the military of Syria") beats the more salient one
        (
            "Iraq said Syria was hit. The military of Syria said.",
            [
                n("Iraq", "State", role="subj"),
                n("Syria", "State", role="obj"),
                n("military", "Military", kind="body", role="subj", country=1),
            ],
            "Military of Syria",
            "Syria",
            0.6,
        ),
        # no state before it (a person is no state, a state three sentences back is forgotten):
        # the body keeps its words as the text gives them
        (
            "John Kirby spoke. The foreign ministry said.",
            [n("John Kirby", "Person", role="subj"), MINISTRY],
            "foreign ministry",
            None,
            None,
        ),
        ("Iran spoke. A. B. The foreign ministry said.", [IRAN, MINISTRY], "foreign ministry", None, None),
    ],
)
def test_resolve_body_belongs_to_its_state(text, specs, body, country, confidence):
    resolved = _resolve(text, *specs)
    ent = resolved.entities[resolved.mention_entity[len(specs) - 1]]
    assert ent.label == body
    assert ent.iri == ENT + body.replace(" ", "_")
    by_label = {e.label: e.iri for e in resolved.entities.values()}
    assert ent.country == by_label.get(country)
    found = [
        (resolved.mention_entity[r.object], r.confidence)
        for r in resolved.relations
        if r.predicate == ONT + "affiliatedWithCountry"
    ]
    assert found == ([(by_label[country], confidence)] if country else [])


@pytest.mark.parametrize(
    "text,specs,labels",
    [
        (
            "Kataib Hezbollah attacked. It said.",
            [n("Kataib Hezbollah", "ArmedGroup", role="subj"), n("It", kind="pronoun", role="subj")],
            ["Kataib Hezbollah", "Kataib Hezbollah"],
        ),
        (
            "Kataib Hezbollah attacked. The group said.",
            [n("Kataib Hezbollah", "ArmedGroup", role="subj"), n("The group", "ArmedGroup", kind="nominal")],
            ["Kataib Hezbollah", "Kataib Hezbollah"],
        ),
        (
            "John Kirby spoke. He said.",
            [n("John Kirby", "Person", role="subj"), n("He", "Person", kind="pronoun", role="subj")],
            ["John Kirby", "John Kirby"],
        ),
        # "he" is a person, "it" is not; "we" outside a quote is nobody
        ("Iran spoke. He said.", [IRAN, n("He", "Person", kind="pronoun", role="subj")], ["Iran", None]),
        (
            "John Kirby spoke. It said.",
            [n("John Kirby", "Person", role="subj"), n("It", kind="pronoun", role="subj")],
            ["John Kirby", None],
        ),
        (
            "Kataib Hezbollah attacked. We said.",
            [n("Kataib Hezbollah", "ArmedGroup", role="subj"), n("We", kind="pronoun", role="subj")],
            ["Kataib Hezbollah", None],
        ),
        # every pronoun of the group joins it
        (
            "Kataib Hezbollah attacked. It said its men fought.",
            [
                n("Kataib Hezbollah", "ArmedGroup", role="subj"),
                n("It", kind="pronoun", role="subj"),
                n("its", kind="pronoun", role="poss"),
            ],
            ["Kataib Hezbollah"] * 3,
        ),
    ],
)
def test_resolve_pronoun_and_nominal_join_their_antecedent(text, specs, labels):
    assert _labels(_resolve(text, *specs)) == labels


def _spoke(predicate=None):
    return [] if predicate is None else [Relation(ONT + predicate, 0, 1, Span(0, 10, "x"), 0.9, "test")]


@pytest.mark.parametrize(
    "relations,label",
    [
        (_spoke("spokespersonFor"), "Pentagon"),
        (_spoke("worksFor"), "Pentagon"),
        # no role in an organisation: "we" is the speaker
        (_spoke(), "John Kirby"),
        (_spoke("attacked"), "John Kirby"),
    ],
)
def test_resolve_we_is_the_speakers_organisation(relations, label):
    text = 'John Kirby of the Pentagon said: "we will respond".'
    resolved = _resolve(
        text,
        n("John Kirby", "Person", role="subj"),
        n("Pentagon", "GovernmentBody"),
        n("we", kind="pronoun", role="subj", speaker=0),
        relations=relations,
    )
    assert _labels(resolved) == ["John Kirby", "Pentagon", label]


def test_resolve_we_of_an_unnamed_speaker_is_nobody():
    resolved = _resolve(
        'An official said: "we will respond".',
        n("An official", "Person", kind="description"),
        n("we", kind="pronoun", role="subj", speaker=0),
    )
    assert _labels(resolved) == [None, None]
    assert resolved.entities == {}


def test_resolve_entities_are_frozen_records():
    resolved = _resolve("John Kirby said. Mr Kirby added.", n("John Kirby", "Person"), n("Kirby", "Person", title="Mr"))
    (ent,) = resolved.entities.values()
    with pytest.raises(dataclasses.FrozenInstanceError):
        ent.label = "Kirby"
    assert isinstance(ent.aliases, tuple) and isinstance(ent.articles, tuple) and isinstance(ent.titles, tuple)


def test_resolve_entity_table_merges_articles():
    from kg.resolve import EntityTable

    table = EntityTable()
    for article_id, spelling in [("a2", "HAMAS"), ("a1", "hamas")]:
        table.add(_resolve(f"Hamas fired. {spelling} denied.", n("Hamas"), n(spelling), article_id=article_id))
    (hamas,) = table.entities.values()
    assert (hamas.label, hamas.articles, hamas.aliases) == ("Hamas", ("a1", "a2"), ("HAMAS", "hamas"))


@pytest.mark.parametrize(
    "classes,winner",
    [
        (["Organization", "ArmedGroup", "ArmedGroup"], "ArmedGroup"),
        (["ArmedGroup", "Organization", "Organization"], "Organization"),
    ],
)
def test_resolve_entity_table_takes_the_class_most_articles_give(classes, winner):
    from kg.resolve import EntityTable

    table = EntityTable()
    for i, cls in enumerate(classes):
        table.add(_resolve("Hamas fired.", n("Hamas", cls), article_id=f"a{i}"))
    (ent,) = table.entities.values()
    assert ent.cls == ONT + winner
    assert ent.articles == ("a0", "a1", "a2")


def test_resolve_fits_name_ontology_classes():
    from kg.ontology import THINGS, term
    from kg.resolve.coref import FITS, fits_for

    for name in {*FITS, *(c for fits in FITS.values() for c in fits)}:
        assert term(name)
    # "it" and an anaphor of a class without its own rule may stand for any organisation or state
    it, other = (Mention(0, 0, 2, "it", ONT + cls, kind="pronoun") for cls in ("Organization", "Actor"))
    assert fits_for(it) == THINGS == fits_for(other)


def test_resolve_the_group_is_never_a_state_nor_its_army():
    """ "The US military struck ... the group's headquarters": "the group" is a group."""
    from kg.resolve.coref import fits_for

    group = Mention(0, 0, 9, "the group", ONT + "Organization", kind="nominal")
    agency = Mention(1, 0, 10, "the agency", ONT + "Organization", kind="nominal")
    assert not fits_for(group) & {"State", "Military", "GovernmentBody"}
    assert "ArmedGroup" in fits_for(group)
    assert "GovernmentBody" in fits_for(agency)  # "the agency" may be a state's


# -- aliases given on the spot: "X, also known as Y", "X (Y)", "X, or Y," ------------------

ABU_FADAK = "Abd al-Aziz al-Muhammadawi"


@pytest.mark.parametrize(
    "text,specs,labels",
    [
        (
            f"{ABU_FADAK}, also known as Abu Fadak, was designated. Abu Fadak denied it.",
            [n(ABU_FADAK, "Person"), n("Abu Fadak", "Person"), n("Abu Fadak", "Person")],
            [ABU_FADAK] * 3,
        ),
        (  # dashes and typography around the phrase
            f"{ABU_FADAK} \u2013 also known as Abu Fadak \u2013 was designated.",
            [n(ABU_FADAK, "Person"), n("Abu Fadak", "Person")],
            [ABU_FADAK] * 2,
        ),
        (
            "Taleb Abdallah, known as Abu Taleb, died.",
            [n("Taleb Abdallah", "Person"), n("Abu Taleb", "Person")],
            ["Taleb Abdallah"] * 2,
        ),
        (  # a parenthesised acronym, whatever its letters
            "The Group for Support of Islam and Muslims (JNIM) said.",
            [n("Group for Support of Islam and Muslims", "ArmedGroup"), n("JNIM", "Organization")],
            ["Group for Support of Islam and Muslims"] * 2,
        ),
        (
            "The Quds Force, or Qods Force, trained them.",
            [n("Quds Force", "Military"), n("Qods Force", "Military")],
            ["Quds Force"] * 2,
        ),
        (
            "Hamas (the Islamic Resistance Movement) said.",
            [n("Hamas", "ArmedGroup"), n("Islamic Resistance Movement", "ArmedGroup")],
            ["Islamic Resistance Movement"] * 2,
        ),
        # a person is no organisation; a place in parentheses is where the first one is
        (
            "John Smith (CNN) said.",
            [n("John Smith", "Person"), n("CNN", "NewsOrganization")],
            ["John Smith", "CNN"],
        ),
        (
            "Ali Hassan (Kurdistan Democratic Party) said.",
            [n("Ali Hassan", "Person"), n("Kurdistan Democratic Party", "Organization", typed_by="cue")],
            ["Ali Hassan", "Kurdistan Democratic Party"],
        ),
        (
            "Fighting in Tal Shair (Kobane) went on.",
            [n("Tal Shair", "Place"), n("Kobane", "City")],
            ["Tal Shair", "Kobane"],
        ),
        # two gazetteer entries are two actors, however the text puts them
        (
            "Kataib Hezbollah, also known as Hamas, said.",
            [n("Kataib Hezbollah", link=KH.iri), n("Hamas", link=ENT + "Hamas")],
            ["Kataib Hezbollah", "Hamas"],
        ),
        # a list is no alias: "X, or Y" needs the comma after Y; "known" alone is no cue
        (
            "Iran, or Iraq will pay.",
            [n("Iran", "State"), n("Iraq", "State")],
            ["Iran", "Iraq"],
        ),
        (
            "John Smith called Jane Jones a liar.",
            [n("John Smith", "Person"), n("Jane Jones", "Person")],
            ["John Smith", "Jane Jones"],
        ),
        (
            "Taleb Abdallah also known as Abu Taleb died.",
            [n("Taleb Abdallah", "Person"), n("Abu Taleb", "Person")],
            ["Taleb Abdallah"] * 2,
        ),
        (
            "Taleb Abdallah, Abu Taleb and others died.",
            [n("Taleb Abdallah", "Person"), n("Abu Taleb", "Person")],
            ["Taleb Abdallah", "Abu Taleb"],
        ),
    ],
)
def test_resolve_alias_given_on_the_spot_joins_the_name(text, specs, labels):
    assert _labels(_resolve(text, *specs, gazetteer={KH.iri: KH})) == labels


def test_resolve_alias_makes_no_relation_between_the_two_names():
    from kg.resolve import resolve_article

    text = f"{ABU_FADAK}, also known as Abu Fadak, was designated."
    works_for = Relation(ONT + "worksFor", 1, 0, Span(0, len(text), text), 0.6, "test")
    ex = _extraction(text, [n(ABU_FADAK, "Person"), n("Abu Fadak", "Person")], [works_for])
    resolved = resolve_article(ex, {})
    (ent,) = resolved.entities.values()
    assert ent.aliases == ("Abu Fadak",)
    # the relation now joins the entity to itself, which the graph leaves out
    assert resolved.mention_entity[0] == resolved.mention_entity[1]


@pytest.mark.parametrize(
    "text,specs,labels",
    [
        # typography and transliteration of long names are one name
        (
            "Hay\u2019at Tahrir al-Sham said. Hay'at Tahrir al-Sham fought.",
            [n("Hay\u2019at Tahrir al-Sham"), n("Hay'at Tahrir al-Sham")],
            ["Hay\u2019at Tahrir al-Sham"] * 2,
        ),
        (
            "Kataib Hizbullah said. Kataeb Hezbollah fought.",
            [n("Kataib Hizbullah"), n("Kataeb Hezbollah")],
            ["Kataib Hizbullah"] * 2,
        ),
        # short names must match as written (case aside)
        ("Hamas said. Hamis fought.", [n("Hamas"), n("Hamis")], ["Hamas", "Hamis"]),
    ],
)
def test_resolve_same_key_ignores_typography_and_transliteration(text, specs, labels):
    assert _labels(_resolve(text, *specs)) == labels


def test_resolve_a_surname_the_model_mistyped_makes_a_person():
    resolved = _resolve(
        "Amadou Kouffa led it. Kouffa is alive. Kouffa spoke.",
        n("Amadou Kouffa", "Person"),
        n("Kouffa", "Place"),
        n("Kouffa", "Place"),
    )
    (ent,) = resolved.entities.values()
    assert (ent.label, ent.cls) == ("Amadou Kouffa", ONT + "Person")


@pytest.mark.parametrize(
    "text,title,aliases",
    [
        # a formal title written before the name makes a name
        ("Brig. Gen. Yahya Saree said.", "Brig. Gen.", ("Brig. Gen. Yahya Saree",)),
        ("Then governor Yahya Saree said.", "governor", ("governor Yahya Saree",)),
        # a role is a title, not a name; so is a title in apposition
        ("Then military spokesman Yahya Saree said.", "military spokesman", ()),
        ("Yahya Saree, the commander, said.", "commander", ()),
    ],
)
def test_resolve_titles_make_names_only_when_formal_and_before_the_name(text, title, aliases):
    resolved = _resolve(text, n("Yahya Saree", "Person", title=title))
    (ent,) = resolved.entities.values()
    assert (ent.aliases, ent.titles) == (aliases, (title,))


# -- across articles: a short form joins the one full name ---------------------------------


def _table(*articles):
    from kg.resolve import EntityTable

    table = EntityTable()
    for i, (text, specs) in enumerate(articles):
        table.add(_resolve(text, *specs, article_id=f"a{i}"))
    return table


def _people(table):
    return sorted((e.label, e.aliases, e.articles) for e in table.entities.values())


@pytest.mark.parametrize("order", [1, -1])
def test_resolve_entity_table_joins_a_surname_to_the_one_full_name(order):
    articles = [
        ("Yahya Saree said.", [n("Yahya Saree", "Person")]),
        ("Saree said.", [n("Saree", "Person")]),
        ("Khalid al-Shami said.", [n("Khalid al-Shami", "Person")]),
        ("Abu Khalid al-Shami said.", [n("Abu Khalid al-Shami", "Person")]),
    ][::order]
    table = _table(*articles)
    first, last = ("a0", "a1"), ("a2", "a3")
    assert _people(table) == [
        ("Abu Khalid al-Shami", ("Khalid al-Shami",), last if order == 1 else first),
        ("Yahya Saree", ("Saree",), first if order == 1 else last),
    ]
    assert table.canonical(ENT + "Saree") == ENT + "Yahya_Saree"


@pytest.mark.parametrize(
    "articles",
    [
        # two full names end so: ambiguous
        [
            ("John Kirby said.", [n("John Kirby", "Person")]),
            ("Jane Kirby said.", [n("Jane Kirby", "Person")]),
            ("Kirby said.", [n("Kirby", "Person")]),
        ],
        # only people: an organisation's short name is not a surname
        [
            ("Rapid Support Forces said.", [n("Rapid Support Forces", "ArmedGroup")]),
            ("Forces said.", [n("Forces", "ArmedGroup")]),
        ],
    ],
)
def test_resolve_entity_table_keeps_short_forms_apart_without_one_candidate(articles):
    table = _table(*articles)
    assert len(table.entities) == sum(len(specs) for _, specs in articles)


@pytest.mark.slow
def test_resolve_pipeline_joins_aliases_surnames_and_titled_names(pipeline):
    from kg.types import Article

    text = (
        "Hezbollah said the commander was Taleb Abdallah, also known as Abu Taleb. "
        "Abu Taleb led the central region. Abdallah was 55. "
        "Brig. Gen. Yahya Saree said the Houthis fired missiles. Mr Saree added more."
    )
    (resolved,) = pipeline.resolve([Article(id="t", text=text)])
    people = sorted((e.label, e.aliases) for e in resolved.entities.values() if e.cls == ONT + "Person")
    assert people == [
        ("Taleb Abdallah", ("Abdallah", "Abu Taleb")),
        ("Yahya Saree", ("Brig. Gen. Yahya Saree", "Mr Saree", "Saree")),
    ]


@pytest.mark.parametrize("module", ["kg.resolve.rules", "kg.resolve.entities", "kg.resolve.acronyms"])
def test_resolve_doctests_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_resolve_it_skips_a_state_named_in_a_clause_that_describes_a_noun():
    """ "Fighting raged around Hezbollah, opposed by forces backed by Israel. But it still
    controls the south": "it" is Hezbollah, not the nearer state in the participle clause."""
    group = _m(0, 20, "Hezbollah", "ArmedGroup", 0, "pobj")
    state = _m(1, 60, "Israel", "State", 0, "embedded")
    it = _m(2, 76, "it", "Organization", 1, "subj", kind="pronoun")
    kinds = {0: "ArmedGroup", 1: "State"}
    fits = {"ArmedGroup", "State"}
    assert best_antecedent(it, {0: [group], 1: [state]}, kinds.get, fits) == 0
    # the same state as a plain prepositional object is the nearer, equally salient one
    plain = dataclasses.replace(state, role="pobj")
    assert best_antecedent(it, {0: [group], 1: [plain]}, kinds.get, fits) == 1


def _resolved_triples(pipeline, text: str) -> set[tuple[str, str, str]]:
    """(subject label, predicate local name, object label) of the relations the graph states."""
    from kg.types import Article

    (ra,) = pipeline.resolve([Article(id="t", text=text)])
    label = {iri: e.label for iri, e in ra.entities.items()}
    ends = ra.mention_entity
    return {
        (label[ends[r.subject]], r.predicate.rsplit("#", 1)[-1], label[ends[r.object]])
        for r in (*ra.extraction.relations, *ra.relations)
        if r.subject in ends and r.object in ends
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,triple",
    [
        (
            "Al Shabaab aims to topple the government. The al Qaeda-linked group was driven out of the capital.",
            ("al-Shabab", "alliedWith", "al-Qaeda"),
        ),
        (
            "Hezbollah fired rockets at Israel. The Iran-backed militant group said it hit a base.",
            ("Hezbollah", "backedBy", "Iran"),
        ),
    ],
)
def test_resolve_the_described_group_is_the_group_named_before(pipeline, text, triple):
    assert triple in _resolved_triples(pipeline, text)


@pytest.mark.slow
def test_resolve_the_group_is_never_a_state_or_the_outlet_told(pipeline):
    """ "the group's spokesman" after "Syrian activists told Middle East Eye" is neither
    Syria's nor the outlet's spokesman, nor is his "military" Syria's military."""
    text = (
        "A rocket attack killed a commander in northwestern Syria on Thursday, Syrian activists told "
        "Middle East Eye. Abu Khalid al-Shami, the group's military spokesman, was killed too."
    )
    triples = _resolved_triples(pipeline, text)
    assert not [t for t in triples if t[0] == "Abu Khalid al-Shami" and t[1] == "spokespersonFor"]
    assert not [t for t in triples if t[1] == "affiliatedWithCountry"]


def test_resolve_a_classifier_relation_whose_end_changed_kind_is_dropped():
    """ "Eldon Elliott, owner of Elliott's Body Shop": the model read "Elliott" as a place and
    the classifier made the shop live in it; the surname is the person, so nobody lives there."""
    text = "Eldon Elliott, owner of Elliott's Body Shop, spoke. Hamas fighters are in Gaza."
    lives = Relation(ONT + "livesIn", 2, 1, Span(0, 52, text[:52]), 0.5, "relation-classifier")
    based = Relation(ONT + "basedIn", 3, 4, Span(53, len(text), text[53:]), 0.6, "relation-classifier")
    ra = _resolve(
        text,
        n("Eldon Elliott", "Person"),
        n("Elliott", "Place"),
        n("Body Shop", "Person"),
        n("Hamas", "ArmedGroup"),
        n("Gaza", "Place"),
        relations=(lives, based),
    )
    assert ra.mention_entity[0] == ra.mention_entity[1]  # the surname joined the person
    assert [r.predicate for r in ra.extraction.relations] == [ONT + "basedIn"]
