"""Over-long articles are read in sections: bounded Docs, offsets into the whole text."""

from __future__ import annotations

import dataclasses
import random

import pytest
from conftest import EXAMPLE_ARTICLE, SECOND_ARTICLE
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.combine import Section, combine
from kg.ingest import read_inputs
from kg.ingest.sections import SECTION_CHARS, sections
from kg.ingest.text import article_from_text
from kg.types import Argument, Article, EventMention, Extraction, Mention, Relation, Span

ONT = "https://w3id.org/kg-news/ontology#"


# -- cutting the text ----------------------------------------------------------------


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(2, 60))
def test_sections_tile_the_text_within_the_size(text, size):
    cuts = sections(text, size)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(0 < end - start <= size for start, end in cuts) or text == ""


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(2, 60))
def test_sections_never_cut_inside_a_word(text, size):
    for start, end in sections(text, size)[:-1]:
        if any(c.isspace() for c in text[start + 1 : end]):
            assert text[end - 1].isspace()


@pytest.mark.parametrize(
    "text,size,first",
    [
        # a blank line beats a line break, a line break a full stop, a full stop a space
        ("One line.\nTwo line.\n\nThree line. Four line here", 30, "One line.\nTwo line.\n\n"),
        ("Para one.\n  \nPara two is long and long", 20, "Para one.\n  \n"),
        ("One line. Still one.\nTwo line. And more words", 30, "One line. Still one.\n"),
        ("He said so. Then he left the room and went", 20, "He said so. "),
        ("He said “No.” Then he left the room", 20, "He said “No.” "),
        ("words without any stop at all here", 20, "words without any "),
        ("x" * 30, 20, "x" * 20),  # no whitespace at all: cut where it must
    ],
)
def test_sections_cut_at_the_best_boundary(text, size, first):
    (start, end), *_ = sections(text, size)
    assert text[start:end] == first


def test_sections_doctests_hold():
    import doctest

    import kg.ingest.sections

    result = doctest.testmod(kg.ingest.sections)
    assert result.attempted and not result.failed


@pytest.mark.parametrize("text", ["", "Short.", "x" * SECTION_CHARS])
def test_sections_text_up_to_the_size_is_one_section(text):
    assert sections(text) == [(0, len(text))]


def test_sections_dateline_is_read_at_the_start_of_the_article_only():
    """Page furniture is removed by ``kg.ingest`` on the whole text, before any cut: a
    dateline at the start of a later section stays story text."""
    later = "BEIRUT, June 12 (Reuters) - An Israeli strike killed three people, officials said."
    body = "The army said the strike hit a depot near the border on Monday night.\n\n" * 800
    page = article_from_text(
        "BAGHDAD (Reuters) - Militias said they would respond.\n\n" + body + later + "\n", article_id="t", origin="t"
    )
    assert page.text.startswith("Militias said")
    assert len(sections(page.text)) > 1
    assert page.text.rstrip().endswith(later)


# -- combining the sections' extractions ---------------------------------------------


def _mention(i, start, text, sent, kind="name", **kw):
    return Mention(i, start, start + len(text), text, ONT + "ArmedGroup", kind=kind, sent=sent, **kw)


def _section_extraction(article: Article, text: str) -> Extraction:
    """What ``extract`` makes of the section ``text`` ("X said it attacked Y. Y denied it."):
    mentions in text order, then a description; an event with an event argument."""
    x, y = text.index("Xa"), text.index("Yb")
    mentions = (
        _mention(0, x, "Xa", 0, role="subj"),
        _mention(1, text.index("it"), "it", 0, kind="pronoun", not_coref=(0,)),
        _mention(2, y, "Yb", 0, country=0),
        _mention(3, text.rindex("Yb"), "Yb", 1, speaker=0),
        _mention(4, text.index("two men"), "two men", 1, kind="description"),
    )
    first = Span(0, text.index(".") + 1, text[: text.index(".") + 1])
    second = Span(first.end + 1, len(text), text[first.end + 1 :])
    attack = text.index("attacked")
    events = (
        EventMention(
            "e3",
            ONT + "Attack",
            Span(attack, attack + 8, "attacked"),
            (Argument(ONT + "agent", mention=0), Argument(ONT + "patient", mention=4)),
            first,
            0.8,
            "rules",
            source=1,
        ),
        EventMention(
            "e9",
            ONT + "Denial",
            Span(second.start, second.start + 2, "Yb"),
            (Argument(ONT + "about", event="e3"),),
            second,
            0.7,
            "rules",
        ),
    )
    relations = (Relation(ONT + "enemyOf", 0, 2, first, 0.6, "rules", source=3),)
    return Extraction(article, mentions, relations, events, (first, second))


def test_combine_points_every_offset_and_id_into_the_whole_article():
    one = "Xa said it attacked Yb. Yb denied two men.\n\n"
    two = "Xa said it attacked Yb there. Yb denied two men again."
    text = one + two
    article = Article("a", text)
    parts = [Section(0, 0, _section_extraction(article, one)), Section(len(one), 20, _section_extraction(article, two))]
    ex = combine(article, parts)

    assert [m.id for m in ex.mentions] == list(range(10))
    assert [m.kind for m in ex.mentions][-2:] == ["description", "description"]
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text
    names = [m for m in ex.mentions if m.kind != "description"]
    assert [m.start for m in names] == sorted(m.start for m in names)
    # the second section's records point at its own mentions, sentences and events
    x2, it2, y2, y2b = names[4:]
    desc2 = ex.mentions[9]
    assert (it2.not_coref, y2.country, y2b.speaker) == ((x2.id,), x2.id, x2.id)
    assert (x2.sent, y2b.sent, desc2.sent) == (2, 3, 3)
    assert [text[s.start : s.end] == s.text for s in ex.sentences] == [True] * 4
    rel = ex.relations[1]
    assert (rel.subject, rel.object, rel.source) == (x2.id, y2.id, y2b.id)
    assert text[rel.sentence.start : rel.sentence.end] == rel.sentence.text
    attack, denial = ex.events[2:]
    assert (attack.id, denial.id, denial.arguments[0].event) == ("e23", "e29", "e23")
    assert [a.mention for a in attack.arguments] == [x2.id, desc2.id]
    assert attack.source == it2.id
    assert text[attack.trigger.start : attack.trigger.end] == "attacked"
    assert ex.events[0].id == "e3" and ex.events[0].arguments[1].mention == ex.mentions[8].id


# the fields kg.extract.combine shifts or renumbers, and those it may copy as they are;
# a new field holding an offset, a mention id or an event id must be added to _Shift
COMBINED_FIELDS = {
    Mention: {"id", "start", "end", "sent", "country", "speaker", "not_coref"},
    Relation: {"subject", "object", "sentence", "source"},
    Argument: {"mention", "event", "span"},
    EventMention: {"id", "trigger", "arguments", "sentence", "source"},
}
COPIED_FIELDS = {
    Mention: {"text", "cls", "kind", "link", "role", "title", "typed_by"},
    Relation: {"predicate", "confidence", "extractor", "status", "former", "since", "until"},
    Argument: {"role", "value", "datatype"},
    EventMention: {"cls", "confidence", "extractor", "status"},
}


@pytest.mark.parametrize("record", list(COMBINED_FIELDS))
def test_combine_knows_every_field_of_the_records(record):
    fields = {f.name for f in dataclasses.fields(record)}
    assert fields == COMBINED_FIELDS[record] | COPIED_FIELDS[record], "update kg.extract.combine._Shift"


def test_combine_one_whole_section_is_returned_as_is():
    article = Article("a", "Xa said it attacked Yb. Yb denied two men.")
    ex = _section_extraction(article, article.text)
    assert combine(article, [Section(0, 0, ex)]) is ex


# -- the pipeline ----------------------------------------------------------------------


class _CountingNlp:
    """Stands in for a pipeline's spaCy ``Language`` and records the length of every Doc."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.lengths: list[int] = []

    def pipe(self, texts, *, as_tuples=False, **options):
        for out in self.nlp.pipe(texts, as_tuples=as_tuples, **options):
            self.lengths.append(len((out[0] if as_tuples else out).text))
            yield out


@pytest.fixture
def counting(pipeline, monkeypatch):
    spy = _CountingNlp(pipeline.nlp)
    monkeypatch.setattr(pipeline, "_nlp", spy)
    return spy


def _news(chars: int, seed: int = 3) -> str:
    """Paragraphs of the example articles drawn at random until ``chars`` is nearly reached."""
    pool = [
        p.strip()
        for art in read_inputs([EXAMPLE_ARTICLE, SECOND_ARTICLE])
        for p in art.text.split("\n")
        if len(p.split()) >= 12
    ]
    rng, body, size = random.Random(seed), [], 0
    while size < chars:
        body.append(rng.choice(pool))
        size += len(body[-1]) + 2
    return "\n\n".join(body)


def _assert_offsets_point_into(text: str, ex: Extraction) -> None:
    assert [m.id for m in ex.mentions] == list(range(len(ex.mentions)))
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text
    spans = [*ex.sentences, *(r.sentence for r in ex.relations)]
    for ev in ex.events:
        spans += [ev.trigger, ev.sentence, *(a.span for a in ev.arguments if a.span is not None)]
    for s in spans:
        assert text[s.start : s.end] == s.text
    for m in ex.mentions:
        assert ex.sentences[m.sent].start <= m.start and m.end <= ex.sentences[m.sent].end


@pytest.mark.slow
def test_pipeline_long_article_is_parsed_in_sections(pipeline, counting):
    text = _news(5 * SECTION_CHARS + SECTION_CHARS // 2)
    ((doc, ex),) = pipeline.extract_docs([Article("long", text)])
    assert doc is None  # no Doc of the whole text
    assert len(counting.lengths) >= 6 and max(counting.lengths) <= SECTION_CHARS
    assert sum(counting.lengths) == len(text)
    _assert_offsets_point_into(text, ex)
    assert len(ex.mentions) > 500 and ex.events and ex.relations


@pytest.mark.slow
def test_pipeline_short_article_is_one_doc_as_before(pipeline, counting):
    from kg.extract import extract

    article = Article("short", EXAMPLE_ARTICLE.read_text(encoding="utf-8"))
    ((doc, ex),) = pipeline.extract_docs([article])
    assert counting.lengths == [len(article.text)] and doc.text == article.text
    alone = extract(pipeline.nlp.nlp(article.text), article, pipeline.gazetteer, relation_model=pipeline.relation_model)
    assert ex == (pipeline.calibrator.calibrate_all(alone) if pipeline.calibrator else alone)


@pytest.mark.slow
def test_pipeline_sections_resolve_as_one_article(pipeline, counting, monkeypatch):
    """Names of one entity in different sections resolve together: aliases, surnames, acronyms."""
    monkeypatch.setattr("kg.pipeline.SECTION_CHARS", 1500)
    filler = _news(3000)
    text = (
        "Brigadier General Hamid Qasemi Farahani, the commander of the Northern Valley Defence Front "
        "(NVDF), said on Monday that his fighters had shot down a drone over the town of Qaim.\n\n"
        f"{filler}\n\nFarahani said the NVDF would not withdraw from the valley.\n"
    )
    articles = [
        Article("a", EXAMPLE_ARTICLE.read_text(encoding="utf-8")),
        Article("b", text),
        Article("c", text[:1000]),
    ]
    (_, first), (doc, ex), (_, last) = pipeline.extract_docs(articles)
    assert doc is None and len(counting.lengths) > 4 and max(counting.lengths) <= 1500
    assert first.article.id == "a" and last.article.id == "c"
    _assert_offsets_point_into(text, ex)
    resolved = pipeline.resolve([Article("b", text)])
    entity = next(resolved).mention_entity
    at = {(m.text, m.start > len(text) // 2): entity.get(m.id) for m in ex.mentions if m.kind == "name"}
    assert at[("Farahani", True)] == at[("Hamid Qasemi Farahani", False)]
    assert at[("NVDF", True)] == at[("Northern Valley Defence Front", False)]
    # every name of the sectioned article was also found by reading it whole
    monkeypatch.setattr("kg.pipeline.SECTION_CHARS", len(text))
    ((_, whole),) = pipeline.extract_docs([Article("b", text)])
    names = {(m.start, m.text) for m in ex.mentions if m.kind == "name"}
    whole_names = {(m.start, m.text) for m in whole.mentions if m.kind == "name"}
    assert len(names & whole_names) >= 0.9 * len(whole_names)


@pytest.mark.slow
def test_pipeline_long_article_outputs_point_into_the_text(pipeline, monkeypatch, tmp_path):
    """``kg build`` of an article read in sections: a valid graph, and every offset in
    extractions.jsonl is the place of its text in the article."""
    import json

    import pyoxigraph as ox

    from kg.builder import write_files

    monkeypatch.setattr("kg.pipeline.SECTION_CHARS", 1500)
    src = tmp_path / "long.txt"
    src.write_text(_news(8000, seed=5) + "\n", encoding="utf-8")
    (article,) = read_inputs([src])
    write_files(pipeline, [src], tmp_path / "out")
    assert list(ox.parse((tmp_path / "out" / "graph.ttl").read_bytes(), format=ox.RdfFormat.TURTLE))
    lines = (tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    places = []
    for record in records:
        if record["kind"] == "mention":
            places.append(record)
        elif record["kind"] == "relation":
            places += [record["subject"], record["object"]]
        elif record["kind"] == "event":
            places += [record["trigger"], *(a for a in record["arguments"] if a.get("start") is not None)]
    assert len(places) > 200
    assert [p["text"] for p in places] == [article.text[p["start"] : p["end"]] for p in places]
    # events of the later sections made it too, with their offsets shifted
    assert max(r["trigger"]["start"] for r in records if r["kind"] == "event") > len(article.text) // 2
