"""`kg eval news`: the news-dev scorer on hand-made kg output, and the command on a tiny file.

tests/data/eval/news-mini.jsonl holds three short synthetic articles in news-dev's
schema (validated with news-dev's own validate.py). Predictions are built by hand as
kg's own records (:mod:`kg.types`), so no model is loaded except in the one slow test.
"""

from __future__ import annotations

import doctest
import json
import random
import subprocess
import sys

import pytest
from conftest import DATA

from kg.errors import InputError
from kg.eval import mapping, news, news_align
from kg.eval.news_align import (
    DUPLICATE,
    WRONG_PREDICATE,
    GoldEntity,
    GoldEvent,
    NewsRecord,
    normalise,
)
from kg.eval.scoring import MISSING, PRF, SPURIOUS, WRONG_DIRECTION, WRONG_TYPE
from kg.ontology import ONT, entity_iri, term
from kg.types import Argument, Article, Entity, EventMention, Extraction, Mention, Relation, ResolvedArticle, Span

MINI = DATA / "eval" / "news-mini.jsonl"


@pytest.fixture(scope="module")
def mini():
    return {r.id: r for r in news.load(MINI)}


def sentence(record: NewsRecord, k: int) -> Span:
    """The k-th line of the record's text (each fixture sentence is one line)."""
    start = 0
    for _ in range(k):
        start = record.text.index("\n", start) + 1
    end = record.text.find("\n", start)
    end = len(record.text) if end < 0 else end
    return Span(start, end, record.text[start:end])


def resolved(record: NewsRecord, mentions, relations=(), events=()) -> ResolvedArticle:
    """A ResolvedArticle by hand.

    ``mentions``: ``(text, class, kind, entity label or None[, title][, occurrence])``;
    ``relations``: ``(predicate, subject index, object index[, confidence, status, sentence number])``;
    ``events``: ``(id, class, sentence number, ((role, mention index or event id), ...)[, extra])``
    with ``extra`` a dict of confidence, status, time.
    """
    ms, entities, mention_entity = [], {}, {}
    for i, (text, cls, kind, label, *rest) in enumerate(mentions):
        title = rest[0] if rest else None
        occurrence = rest[1] if len(rest) > 1 else 0
        at = -1
        for _ in range(occurrence + 1):
            at = record.text.index(text, at + 1)
        ms.append(Mention(i, at, at + len(text), text, term(cls), kind=kind, title=title))
        if label is not None:
            iri = entity_iri(label)
            entities.setdefault(iri, Entity(iri, label, term(cls)))
            mention_entity[i] = iri
    rels = []
    for pred, s, o, *rest in relations:
        conf, status, k = (rest + [0.8, "asserted", 0][len(rest) :])[:3]
        rels.append(Relation(ONT + pred, s, o, sentence(record, k), conf, "test", status=status))
    evs = []
    for eid, cls, k, args, *extra in events:
        extra = extra[0] if extra else {}
        arguments = tuple(
            Argument(term(role), event=x) if isinstance(x, str) else Argument(term(role), mention=x) for role, x in args
        )
        if "time" in extra:
            arguments += (Argument(term("time"), value=extra["time"]),)
        sent = sentence(record, k)
        evs.append(
            EventMention(
                eid,
                ONT + cls,
                Span(sent.start, sent.start + 1, sent.text[:1]),
                arguments,
                sent,
                extra.get("confidence", 0.75),
                "test",
                status=extra.get("status", "asserted"),
            )
        )
    ex = Extraction(Article(record.id, record.text), tuple(ms), tuple(rels), tuple(evs))
    return ResolvedArticle(ex, mention_entity, entities)


def score(record, ra):
    return news.score([(record, ra)])


# -- the modules' own examples -------------------------------------------------------------


@pytest.mark.parametrize("module", [news, news_align, mapping])
def test_eval_news_doctests_hold(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


# -- names and entity alignment ------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Jama’at Nusrat al-Islam", "jama'at nusrat al-islam"),
        ("The  Houthis", "Houthis"),
        ("Al‑Shabaab", "al-shabaab"),  # non-breaking hyphen
        ("ＵＳ", "us"),  # NFKC: full-width letters
    ],
)
def test_eval_news_normalise_makes_spellings_of_one_name_equal(a, b):
    assert normalise(a) == normalise(b)


def test_eval_news_normalise_keeps_different_names_apart():
    assert normalise("Theodore") != normalise("odore")
    assert normalise("Hamas") != normalise("Hama")


def test_eval_news_alignment_reads_curly_apostrophes(mini):
    r = mini["news-mini-03"]
    text = "Jama’at Nusrat al-Islam wal-Muslimin"
    straight = text.replace("’", "'")
    ra = resolved(r, [(text, "ArmedGroup", "name", straight)])
    assert news_align.align_entities(r, ra) == {entity_iri(straight): text}


def test_eval_news_alignment_reads_the_title_kg_strips():
    text = "Mr Austin said the strikes were proportionate."
    r = NewsRecord("t", text, entities=(GoldEntity("Lloyd Austin", "Person", ("Mr Austin",)),))
    ra = resolved(r, [("Austin", "Person", "name", "Austin", "Mr")])
    assert news_align.align_entities(r, ra) == {entity_iri("Austin"): "Lloyd Austin"}


def test_eval_news_alignment_takes_the_gold_entity_most_mentions_name():
    text = "Tehran is a city. Iran said Tehran would respond."
    gold = (GoldEntity("Tehran", "City", ("Tehran",)), GoldEntity("Iran", "State", ("Iran", "Tehran")))
    r = NewsRecord("t", text, entities=gold)
    ra = resolved(
        r,
        [
            ("Tehran", "City", "name", "Tehran"),
            ("Iran", "State", "name", "Iran"),
            ("Tehran", "State", "name", "Iran", None, 1),
        ],
    )
    # the city entity matches both by one mention: its own name decides; Iran has two mentions for Iran
    assert news_align.align_entities(r, ra) == {entity_iri("Tehran"): "Tehran", entity_iri("Iran"): "Iran"}


def test_eval_news_entities_count_demonyms_duplicates_and_types(mini):
    r = mini["news-mini-02"]
    ra = resolved(
        r,
        [
            ("Yemen", "State", "name", "Yemen"),
            ("Houthi rebels", "ArmedGroup", "name", "Houthis"),
            ("Red Sea", "City", "name", "Red Sea"),  # wrong type
            ("British", "State", "demonym", "United Kingdom"),  # a demonym names an entity
            ("Yahya Saree", "Person", "name", "Yahya Saree"),
            ("Saree", "Person", "name", "Saree", None, 1),  # the same person, split: a duplicate
            ("the group", "ArmedGroup", "nominal", "Houthis"),
            ("a commercial ship", "Place", "description", None),
            ("Monday", "Place", "name", "Monday"),  # spurious
        ],
    )
    r_ = score(r, ra)
    ents = r_.entities.scores.report()
    assert ents.overall == PRF(tp=5, fp=2, fn=4)  # gold: 9 entities; Sanaa, military, Israel, Hezbollah missed
    assert ents.errors == {DUPLICATE: 1, SPURIOUS: 1, MISSING: 4, WRONG_TYPE: 1}
    assert r_.entities.typed == {"matched": 5, "right": 4}
    assert ents.confusion[("Place", "City")] == 1


# -- relations -------------------------------------------------------------------------------

# news-mini-01: the US killed and attacked; Abu Baqir al-Saadi leads Kataib Hezbollah,
# which Iran backs; "Baghdad locatedIn Iraq" is optional
MENTIONS_01 = [
    ("US", "State", "name", "United States"),  # 0
    ("Baghdad", "City", "name", "Baghdad"),  # 1
    ("Abu Baqir al-Saadi", "Person", "name", "Abu Baqir al-Saadi"),  # 2
    ("Kataib Hezbollah", "ArmedGroup", "name", "Kataib Hezbollah"),  # 3
    ("Iran", "State", "name", "Iran"),  # 4
    ("Iraq", "State", "name", "Iraq"),  # 5
    ("a car", "Place", "description", None),  # 6
    ("Jordan", "State", "name", "Jordan"),  # 7
]


@pytest.mark.parametrize(
    "relation, right, error",
    [
        (("attackedBy", 3, 0), True, None),  # inverse read forwards: US attacked KH
        (("killedBy", 2, 0), True, None),
        (("supports", 4, 3), True, None),  # the gold's "KH backedBy Iran"
        (("backedBy", 3, 4), True, None),
        (("leaderOf", 3, 2), False, WRONG_DIRECTION),
        (("memberOf", 2, 3), False, WRONG_PREDICATE),
        (("attacked", 0, 7), False, SPURIOUS),
    ],
)
def test_eval_news_relations_normalise_inverses_and_name_errors(mini, relation, right, error):
    r = mini["news-mini-01"]
    rel = score(r, resolved(r, MENTIONS_01, [relation])).relations.scores.report()
    assert rel.overall.tp == int(right)
    assert rel.overall.fp == int(not right)
    assert rel.overall.fn == 4 - int(right)  # four required gold relations
    if error:
        assert rel.errors[error] == 1
    # a wrong direction or predicate explains its gold relation: it is not also missing
    assert rel.errors[MISSING] == (4 if error == SPURIOUS else 3)


def test_eval_news_a_relation_the_graph_does_not_state_is_not_scored(mini):
    """A relation to a mention that resolved to no entity ("a car") is not written to the
    graph, so it is neither right nor wrong."""
    r = mini["news-mini-01"]
    ra = resolved(r, MENTIONS_01, [("attacked", 0, 6)])
    assert ra.mention_entity.get(6) is None
    rel = score(r, ra).relations
    assert rel.scores.report().overall == PRF(tp=0, fp=0, fn=4)
    assert rel.calibration == []


def test_eval_news_optional_gold_is_neither_missing_nor_counted_when_found(mini):
    r = mini["news-mini-01"]
    found = score(r, resolved(r, MENTIONS_01, [("locatedIn", 1, 5)])).relations
    assert found.scores.report().overall == PRF(0, 0, 4)
    assert found.optional == {"gold": 1, "predicted": 1}
    assert found.calibration == []


def test_eval_news_symmetric_relations_match_in_either_order(mini):
    r = mini["news-mini-02"]
    ra = resolved(
        r,
        [("Hezbollah", "ArmedGroup", "name", "Hezbollah"), ("Houthis", "ArmedGroup", "name", "Houthis")],
        [("alliedWith", 0, 1)],
    )
    assert score(r, ra).relations.scores.report().per_type["alliedWith"] == PRF(1, 0, 0)


def test_eval_news_relations_are_deduplicated_keeping_the_highest_confidence(mini):
    r = mini["news-mini-01"]
    rels = [("killed", 0, 2, 0.4, "asserted"), ("killedBy", 2, 0, 0.9, "claimed"), ("attacked", 0, 7, 0.3, "asserted")]
    result = score(r, resolved(r, MENTIONS_01, rels))
    assert result.relations.scores.report().overall == PRF(1, 1, 3)
    assert sorted(result.relations.calibration) == [(0.3, False), (0.9, True)]
    assert result.relations.status.confusion == {("claimed", "claimed"): 1}  # the status of the kept one


def test_eval_news_status_is_read_in_the_gold_evidence_sentence(mini):
    # claimed where the gold's evidence says it; asserted, more confidently, in another sentence
    r = mini["news-mini-01"]
    rels = [("killed", 0, 2, 0.5, "claimed", 0), ("killed", 0, 2, 0.9, "asserted", 1)]
    result = score(r, resolved(r, MENTIONS_01, rels))
    assert result.relations.status.confusion == {("claimed", "claimed"): 1}
    rels = [("killed", 0, 2, 0.9, "asserted", 1)]  # stated only elsewhere: that statement's status
    assert score(r, resolved(r, MENTIONS_01, rels)).relations.status.confusion == {("claimed", "asserted"): 1}


# -- events ----------------------------------------------------------------------------------

STRIKE = [("agent", 0), ("target", 3), ("location", 1), ("target", 6)]  # "a car" is a description


def test_eval_news_casualties_fold_into_their_attack(mini):
    r = mini["news-mini-01"]
    events = [
        ("e1", "AirStrike", 0, STRIKE, {"time": "2024-01-31", "status": "claimed"}),
        ("e2", "Killing", 0, [("victim", 2), ("during", "e1")]),
    ]
    result = score(r, resolved(r, MENTIONS_01, events=events))
    c = result.events.counts
    assert (c["folded"], c["emitted"], c["fully right"]) == (1, 1, 1)
    assert c["unaligned arguments"] == 1  # "a car", left out on both sides
    assert result.events.arguments.report().overall == PRF(4, 0, 0)
    assert result.events.time == {"gold": 1, "exact": 1, "prefix": 1, "none": 0}
    assert result.events.status.confusion == {("claimed", "claimed"): 1}


def test_eval_news_a_casualty_without_its_attack_is_scored_on_its_own(mini):
    r = mini["news-mini-01"]
    events = [("e1", "AirStrike", 0, STRIKE), ("e2", "Killing", 0, [("victim", 2)])]
    result = score(r, resolved(r, MENTIONS_01, events=events))
    assert (result.events.counts["emitted"], result.events.counts["fully right"]) == (2, 0)
    assert result.events.types.report().errors[SPURIOUS] == 1  # no gold Killing: casualties are the attack's
    assert result.events.arguments.report().per_type["victim"] == PRF(0, 0, 1)


def test_eval_news_a_second_event_for_one_gold_event_is_a_duplicate(mini):
    r = mini["news-mini-01"]
    denied = {"status": "denied", "time": "2024-01"}
    events = [
        ("e1", "Attack", 2, [("agent", 3)], {"confidence": 0.5}),
        ("e2", "Attack", 2, [("agent", 3), ("location", 7)], denied),
    ]
    result = score(r, resolved(r, MENTIONS_01, events=events))
    types = result.events.types.report()
    assert types.per_type["Attack"] == PRF(1, 1, 0)  # e2 shares more arguments: it is the match
    assert types.errors[DUPLICATE] == 1
    assert result.fully_right == 0.5
    assert sorted(result.events.calibration) == [(0.5, False), (0.75, True)]


def test_eval_news_event_mentions_sharing_an_id_are_one_event(mini):
    r = mini["news-mini-01"]
    events = [("e1", "Attack", 2, [("agent", 3)]), ("e1", "Attack", 2, [("location", 7)], {"time": "2024-01-15"})]
    result = score(r, resolved(r, MENTIONS_01, events=events))
    assert result.events.counts["emitted"] == 1
    assert result.events.arguments.report().overall == PRF(2, 0, 0)
    assert result.events.time == {"gold": 1, "exact": 0, "prefix": 1, "none": 0}  # 2024-01 vs 2024-01-15


def test_eval_news_event_type_in_the_family_aligns_but_is_not_right(mini):
    r = mini["news-mini-01"]
    result = score(r, resolved(r, MENTIONS_01, events=[("e1", "Attack", 0, STRIKE)]))
    types = result.events.types.report()
    assert types.errors == {WRONG_TYPE: 1, MISSING: 2}
    assert types.confusion[("AirStrike", "Attack")] == 1
    assert result.event_detection == PRF(1, 0, 2)
    assert result.fully_right == 0.0


def test_eval_news_events_in_other_sentences_do_not_align(mini):
    r = mini["news-mini-01"]
    result = score(r, resolved(r, MENTIONS_01, events=[("e1", "AirStrike", 1, STRIKE)]))
    assert result.event_detection == PRF(0, 1, 3)


def test_eval_news_plover_types_are_one_table_line(monkeypatch):
    text = "Iran accused Israel of the blast."
    gold = GoldEvent("Other:ACCUSE", text, agent=("Iran",), target=("Israel",))
    r = NewsRecord(
        "t",
        text,
        entities=(GoldEntity("Iran", "State", ("Iran",)), GoldEntity("Israel", "State", ("Israel",))),
        events=(gold,),
    )
    ra = resolved(
        r,
        [("Iran", "State", "name", "Iran"), ("Israel", "State", "name", "Israel")],
        events=[("e1", "Accusation", 0, [("agent", 0), ("target", 1)])],
    )
    assert score(r, ra).events.counts["fully right"] == 1  # kg's Accusation is the gold's Other:ACCUSE
    monkeypatch.delitem(mapping.NEWS_PLOVER_EVENTS, "Accusation")
    assert score(r, ra).events.counts["fully right"] == 0  # without its table line, another type


# -- calibration -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pairs, ece",
    [
        ([(0.9, True), (0.9, False)], 0.4),
        ([(0.25, True), (0.25, False), (0.75, True), (0.75, True)], 0.25),  # two bins, each 0.25 off
        ([(0.05, False)] * 3 + [(0.95, True)] * 3, 0.05),
        ([(1.0, True)], 0.0),
        ([], 0.0),
    ],
)
def test_eval_news_expected_calibration_error_on_known_cases(pairs, ece):
    assert news.expected_calibration_error(pairs) == pytest.approx(ece)


def test_eval_news_reliability_has_ten_equal_bins():
    bins = news.reliability([(0.0, False), (0.31, True), (0.39, False), (1.0, True)])
    assert len(bins) == 10 and bins[3].low == pytest.approx(0.3)
    assert [b.count for b in bins] == [1, 0, 0, 2, 0, 0, 0, 0, 0, 1]
    assert (bins[3].confidence, bins[3].accuracy) == (pytest.approx(0.35), 0.5)


# -- split, reading, output ------------------------------------------------------------------


def test_eval_news_split_is_the_seeded_draw_and_covers_news_dev():
    ids = [f"news-dev-{n:02d}" for n in range(1, 21)]
    assert tuple(sorted(random.Random(news.SPLIT_SEED).sample(ids, 10))) == news.TUNE
    assert set(news.TUNE) | set(news.HELD) == set(ids) and not set(news.TUNE) & set(news.HELD)


def test_eval_news_split_selects_by_id(mini):
    records = [NewsRecord(i, "x") for i in ("news-dev-01", "news-dev-04", "news-dev-09")]
    assert [r.id for r in news.select(records, "tune")] == ["news-dev-04", "news-dev-09"]
    assert [r.id for r in news.select(records, "held")] == ["news-dev-01"]
    assert len(news.select(list(mini.values()), "all")) == 3
    with pytest.raises(InputError, match="--split all"):
        news.select(list(mini.values()), "held")


def test_eval_news_reads_the_record_as_a_users_json_line(mini):
    record = mini["news-mini-01"]
    article = news.to_article(record)
    assert article.id == "news-mini-01" and article.text.endswith("a US base in Jordan in January.")
    assert str(article.published) == "2024-02-03" and article.title.startswith("US strike")
    for event in record.events:  # found even when kg's reader drops the dateline the gold keeps
        start, end = news_align.evidence_span(article.text, event.evidence)
        assert event.evidence.endswith(article.text[start:end])


@pytest.mark.parametrize(
    "text, evidence, found",
    [
        ("A strike hit Jouya.", "A strike hit Jouya.", "A strike hit Jouya."),
        ("A strike hit\nJouya.", "A strike  hit Jouya.", "A strike hit\nJouya."),  # spaces differ
        ("A strike hit Jouya.", "BEIRUT (Reuters) - A strike hit Jouya.", "A strike hit Jouya."),  # dateline dropped
        ("A strike hit Jouya.", "A strike hit Jouya. Reporting by Laila Bassam", "A strike hit Jouya."),
        ("A strike hit Jouya.", "Hezbollah said nothing at all.", None),
    ],
)
def test_eval_news_evidence_is_found_in_the_text_kg_read(text, evidence, found):
    span = news_align.evidence_span(text, evidence)
    assert (text[span[0] : span[1]] if span else None) == found


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", ":2: not valid JSON"),
        ('{"id": "a", "text": "t", "entities": [], "relations": []}', ":2: lacks 'events'"),
        ('{"id": "a", "text": "t", "entities": {}, "relations": [], "events": []}', '"entities" must be a list'),
        (
            '{"id": "a", "text": "t", "entities": [], "relations": [{"subject": "X", "predicate": "killed",'
            ' "object": "Y", "evidence": "t", "status": "asserted"}], "events": []}',
            "'X' is not an entity",
        ),
        ('["a list"]', "JSON object"),
    ],
)
def test_eval_news_bad_lines_are_named(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(MINI.read_text(encoding="utf-8").splitlines()[0] + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        news.load(path)
    with pytest.raises(InputError, match="No news-dev file"):
        news.load(tmp_path / "missing.jsonl")


def test_eval_news_json_holds_every_headline_figure(mini):
    r = mini["news-mini-01"]
    events = [("e1", "AirStrike", 0, STRIKE), ("e2", "Killing", 0, [("victim", 2), ("during", "e1")])]
    out = json.loads(json.dumps(news.to_json(score(r, resolved(r, MENTIONS_01, [("killedBy", 2, 0)], events)))))
    assert out["entities"]["micro"]["f1"] > 0 and out["relations"]["micro"]["tp"] == 1
    assert out["events"]["fully_right"] == {"share": 1.0, "right": 1, "emitted": 1}  # the time is scored apart
    assert out["events"]["time"]["exact"] == 0.0 and out["events"]["time"]["gold"] == 1
    assert out["relations"]["status"]["accuracy"] == 0.0  # gold claimed, kg asserted
    assert len(out["calibration"]["all"]["bins"]) == 10
    for key in ("types", "detection", "arguments", "time", "status"):
        assert key in out["events"]
    report = "\n".join(news.text_report(score(r, resolved(r, MENTIONS_01, [], events))))
    assert "exact 0.0 (0 of 1)" in report and "kg gave none 1" in report  # counts, never False/True


# -- the command -------------------------------------------------------------------------------


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def test_eval_news_cli_explains_a_split_the_file_does_not_have():
    done = kg("eval", "news", str(MINI), "--split", "tune", "--rules-only")
    assert done.returncode == 1 and "--split all" in done.stderr and "Traceback" not in done.stderr
    done = kg("eval", "conll04", str(MINI), "--json")
    assert done.returncode == 1 and "kg eval news" in done.stderr


@pytest.mark.slow
def test_eval_news_cli_prints_every_section():
    done = kg("eval", "news", str(MINI))
    assert done.returncode == 0, done.stderr
    for words in (
        "split all, 3 articles",
        "Entities",
        "Relations",
        "Event types",
        "Event arguments",
        "Fully right events",
        "Event time",
        "relation status on matched",
        "event status on matched",
        "Calibration",
        "ECE",
    ):
        assert words in done.stdout, words
    as_json = json.loads(kg("eval", "news", str(MINI), "--json").stdout)
    assert as_json["articles"] == ["news-mini-01", "news-mini-02", "news-mini-03"]
    assert as_json["events"]["counts"]["emitted"] > 0
