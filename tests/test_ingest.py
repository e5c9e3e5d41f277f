"""kg.ingest: inputs -> articles, page furniture, bad inputs reported and skipped."""

from __future__ import annotations

import doctest
import hashlib
import html
import importlib
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest import Page, normalise_whitespace, parse_date, read_inputs, strip_furniture
from kg.types import Article, Skipped

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "ingest"
EXAMPLE = ROOT / "examples" / "articles" / "us-airstrikes-iraq-syria-2021-06-28.txt"
BODY = (
    "Work to deepen the main shipping channel of the harbour resumed on Tuesday.\n\n"
    "The port authority said the dredger would work through the night."
)


def read_all(*inputs, **kwargs) -> list[Article | Skipped]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def only_article(*inputs, **kwargs) -> Article:
    items = read_all(*inputs, **kwargs)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    return path


# --- scraped pages ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path, title, published, source, first, image",
    [
        (
            EXAMPLE,
            "US Air Strikes In Iraq And Syria Target Iran-Backed Militias",
            date(2021, 6, 28),
            "BBC",
            "The US says it has carried out airstrikes",
            "Getty Images",
        ),
        (
            DATA / "scraped-wildfires.txt",
            "Chile Declares Emergency As Wildfires Reach Vina Del Mar",
            date(2024, 2, 4),
            "Reuters",
            "Chile has declared a state of emergency",
            "AFP via Getty Images",
        ),
    ],
    ids=["example", "wildfires"],
)
def test_ingest_scraped_page_furniture_becomes_fields(path, title, published, source, first, image):
    article = only_article(path)
    assert article.title == title
    assert article.published == published
    assert article.source == source
    assert article.text.startswith(first)
    assert ("image_source", image) in article.metadata
    for furniture in ("Home", "Startups Business", "×", "✕", "☰", "Source:", "Image Source", "Photo:", title):
        assert furniture not in article.text
    assert "\n\n\n" not in article.text and "\xa0\n" not in article.text


def test_ingest_example_body_is_byte_identical_to_the_file():
    article = only_article(EXAMPLE)
    raw = EXAMPLE.read_text(encoding="utf-8")
    # one contiguous stretch of the file (after whitespace normalisation): no line edited
    assert article.text in normalise_whitespace(raw)
    assert article.text.endswith("gradually breaching agreed limits on its nuclear activities.")
    assert "early on Monday\xa0were intended" in article.text  # nbsp inside a line is kept
    assert article.id == EXAMPLE.stem
    assert article.origin == str(EXAMPLE)


def test_ingest_plain_text_keeps_every_line_but_its_headline():
    path = DATA / "plain-harbour.txt"
    headline, body = path.read_text(encoding="utf-8").strip("\n").split("\n\n", 1)
    article = only_article(path)
    assert (article.title, article.text) == (headline, body) == ("Harbour dredging resumes", body)
    assert article.published is None and article.source is None and article.metadata == ()


def test_ingest_whitespace_is_normalised(tmp_path):
    path = tmp_path / "spaced.txt"
    path.write_bytes(b"\r\n\r\nFirst line.\r\nSecond line.\r\n \xc2\xa0\t\r\n\r\n\r\n\r\nThird  line.\r\n\r\n")
    assert only_article(path).text == "First line.\nSecond line.\n\nThird  line."


def test_ingest_menu_of_long_capitalised_words_before_a_title_is_dropped():
    menu = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima"
    page = strip_furniture(f"{menu}\n\nFerry Service Restored\n\n3 March 2022\n\n{BODY}")
    assert (page.title, page.published, page.text) == ("Ferry Service Restored", date(2022, 3, 3), BODY)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Harbour dredging resumes\n\n" + BODY, "Harbour dredging resumes"),
        ("Harbour dredging resumes\n" + BODY, "Harbour dredging resumes"),  # no blank line: not glued on
        ("HARBOUR DREDGING RESUMES AFTER STORMS\n\n" + BODY, "HARBOUR DREDGING RESUMES AFTER STORMS"),
        ("Ferry Service Restored\n\n3 March 2022\n\n" + BODY, "Ferry Service Restored"),
    ],
    ids=["blank-line", "single-newline", "all-caps", "with-date-line"],
)
def test_ingest_headline_of_plain_text_becomes_the_title(text, title):
    page = strip_furniture(text)
    assert (page.title, page.text, page.metadata) == (title, BODY, ())


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Harbour dredging resumes",  # a headline with no body after it is the text
        '"The channel will reopen by May," the port authority said.\n\n' + BODY,
    ],
    ids=["sentences", "headline-only", "quote-first"],
)
def test_ingest_text_without_a_headline_is_unaltered(text):
    assert strip_furniture(text) == Page(text=text)


sentence = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("Lu", "Ll", "Nd", "Zs", "Po", "Sm", "So")),
        min_size=1,
        max_size=60,
    )
    .map(lambda s: s.strip() + ".")
    .filter(lambda s: len(s) > 1 and "\n" not in s)
)


@given(st.lists(sentence, min_size=1, max_size=8))
def test_ingest_furniture_never_drops_a_sentence(lines):
    text = "\n\n".join(lines)
    assert strip_furniture(text).text == normalise_whitespace(text)


# --- news furniture: datelines, credits, teasers, bylines, standfirsts ----------------

STORY = (
    "An Israeli strike on the village of Jouya killed a senior Hezbollah commander, three security sources said.\n\n"
    "Hezbollah confirmed the death of the commander in a statement."
)
HEADLINE = "Israeli strike kills Hezbollah commander in south Lebanon"
FURNITURE_KEYS = {"dateline", "agency", "byline", "standfirst", "caption", "image_source", "teaser", "reporting"}


def read_as(fmt: str, tmp_path: Path, text: str, title: str | None = None) -> Article:
    """One article from ``text`` saved as a .txt file, a JSONL line (with ``title``) or an HTML page.

    The HTML page has ``title`` as its <title> and <h1> and one <p> per non-blank line.
    """
    if fmt == "txt":
        path = tmp_path / "story.txt"
        path.write_text(text, encoding="utf-8")
    elif fmt == "jsonl":
        path = tmp_path / "story.jsonl"
        path.write_text(json.dumps({"id": "story", "title": title, "text": text}) + "\n", encoding="utf-8")
    else:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        page = (
            f"<html><head><title>{html.escape(title or '')}</title></head><body><article>"
            f"<h1>{html.escape(title or '')}</h1>\n{paragraphs}</article></body></html>"
        )
        path = tmp_path / "story.html"
        path.write_text(page, encoding="utf-8")
    return only_article(path)


def furniture(article: Article) -> tuple[tuple[str, str], ...]:
    return tuple(pair for pair in article.metadata if pair[0] in FURNITURE_KEYS)


def as_html_text(text: str) -> str:
    """``text`` as trafilatura writes an HTML body: one paragraph a line."""
    return "\n".join(p for p in text.split("\n") if p.strip())


def check(article: Article, title: str | None, text: str, meta: tuple, fmt: str) -> None:
    want = as_html_text(text) if fmt == "html" else text
    assert (article.title, article.text, furniture(article)) == (title, want, meta)


DATELINES = [
    ("txt", f"BEIRUT, June 12 (Reuters) - {STORY}", None, (("dateline", "BEIRUT"), ("agency", "Reuters"))),
    ("jsonl", f"BEIRUT, June 12 (Reuters) - {STORY}", HEADLINE, (("dateline", "BEIRUT"), ("agency", "Reuters"))),
    ("html", f"BEIRUT, June 12 (Reuters) - {STORY}", HEADLINE, (("dateline", "BEIRUT"), ("agency", "Reuters"))),
    ("txt", f"PARIS (AFP) – {STORY}", None, (("dateline", "PARIS"), ("agency", "AFP"))),
    ("txt", f"KYIV, Ukraine (AP) — {STORY}", None, (("dateline", "KYIV, Ukraine"), ("agency", "AP"))),
    (
        "jsonl",
        f"Washington [US], January 14 (ANI/Sputnik): {STORY}",
        HEADLINE,
        (("dateline", "Washington [US]"), ("agency", "ANI"), ("agency", "Sputnik")),
    ),
    ("txt", f"MOSCOW, June 12. /TASS/. {STORY}", None, (("dateline", "MOSCOW"), ("agency", "TASS"))),
    ("txt", f"New Delhi, Jun 12 (PTI) {STORY}", None, (("dateline", "New Delhi"), ("agency", "PTI"))),
    ("txt", f"BEIJING, June 12 (Xinhua) -- {STORY}", None, (("dateline", "BEIJING"), ("agency", "Xinhua"))),
    ("txt", f"WASHINGTON — {STORY}", None, (("dateline", "WASHINGTON"),)),
    (
        "txt",
        f"WASHINGTON/BAGHDAD, June 12 (Reuters) - {STORY}",
        None,
        (("dateline", "WASHINGTON"), ("dateline", "BAGHDAD"), ("agency", "Reuters")),
    ),
    ("txt", f"BAGHDAD, June 12 (Reuters) -\n\n{STORY}", None, (("dateline", "BAGHDAD"), ("agency", "Reuters"))),
    ("txt", f"{HEADLINE}\n\nISTANBUL (AA) - {STORY}", HEADLINE, (("dateline", "ISTANBUL"), ("agency", "AA"))),
]


@pytest.mark.parametrize("fmt, text, title, meta", DATELINES, ids=[f"{d[0]}-{i}" for i, d in enumerate(DATELINES)])
def test_ingest_dateline_is_cut_from_the_first_paragraph(tmp_path, fmt, text, title, meta):
    article = read_as(fmt, tmp_path, text, title if fmt != "txt" else None)
    check(article, title, STORY, meta, fmt)


SIGNOFFS = [
    ("jsonl", f"{STORY} (ANI/Sputnik)", (("agency", "ANI"), ("agency", "Sputnik"))),
    ("txt", f"{STORY} (Reuters)", (("agency", "Reuters"),)),
    ("txt", f"{STORY}\n\n(Reuters)", (("agency", "Reuters"),)),
    ("html", f"{STORY}\n\n— AFP", (("agency", "AFP"),)),
    ("txt", f"{STORY}\n\n(With inputs from PTI)", (("agency", "PTI"),)),
    ("txt", f"{STORY}\n\n(With inputs from agencies)", ()),
]


@pytest.mark.parametrize("fmt, text, meta", SIGNOFFS, ids=[f"{s[0]}-{i}" for i, s in enumerate(SIGNOFFS)])
def test_ingest_agency_signoff_is_cut_from_the_last_paragraph(tmp_path, fmt, text, meta):
    title = None if fmt == "txt" else HEADLINE
    check(read_as(fmt, tmp_path, text, title), title, STORY, meta, fmt)


FIRST, SECOND = STORY.split("\n\n")
TEASERS = [
    (
        "txt",
        "Read more: Rockets hit US base in Iraq, killing a contractor",
        ("Rockets hit US base in Iraq, killing a contractor",),
    ),
    ("jsonl", "READ MORE: Rockets hit US base in Iraq", ("Rockets hit US base in Iraq",)),
    ("html", "Related: Hezbollah fires rockets at northern Israel", ("Hezbollah fires rockets at northern Israel",)),
    ("txt", "Also read | Houthis claim attack on ship in Red Sea", ("Houthis claim attack on ship in Red Sea",)),
    ("txt", "Watch: Smoke rises over Jouya after the strike", ("Smoke rises over Jouya after the strike",)),
    ("txt", "[Read more: Iran warns of wider war]", ("Iran warns of wider war",)),
    (
        "txt",
        "READ MORE\nHezbollah fires rockets at northern Israel\nIran warns of wider war",
        ("Hezbollah fires rockets at northern Israel", "Iran warns of wider war"),
    ),
]


@pytest.mark.parametrize("fmt, teaser, headlines", TEASERS, ids=[f"{t[0]}-{i}" for i, t in enumerate(TEASERS)])
def test_ingest_teaser_lines_are_removed(tmp_path, fmt, teaser, headlines):
    title = None if fmt == "txt" else HEADLINE
    article = read_as(fmt, tmp_path, f"{FIRST}\n\n{teaser}\n\n{SECOND}", title)
    check(article, title, STORY, tuple(("teaser", h) for h in headlines), fmt)


CAPTION = "Smoke rises over the village of Jouya after the strike."
CREDITS = [
    ("txt", "Photograph: Jane Roe/AP", (("image_source", "Jane Roe/AP"),)),
    ("txt", f"{CAPTION} Photograph: Jane Roe/AP", (("caption", CAPTION), ("image_source", "Jane Roe/AP"))),
    ("html", f"{CAPTION} Photograph: Jane Roe/AP", (("caption", CAPTION), ("image_source", "Jane Roe/AP"))),
    ("jsonl", "Jane Roe/AP Photo", (("image_source", "Jane Roe/AP Photo"),)),
    ("txt", "Reuters/Jane Roe", (("image_source", "Reuters/Jane Roe"),)),
    ("txt", f"{CAPTION} (AP Photo/Jane Roe)", (("caption", CAPTION), ("image_source", "AP Photo/Jane Roe"))),
    (
        "txt",
        f"{CAPTION} (Photo by Jane Roe/AFP via Getty Images)",
        (("caption", CAPTION), ("image_source", "Jane Roe/AFP via Getty Images")),
    ),
    ("jsonl", "(AFP via Getty Images)", (("image_source", "AFP via Getty Images"),)),
    ("txt", f"{CAPTION} Jane Roe/Reuters", (("caption", CAPTION), ("image_source", "Jane Roe/Reuters"))),
    (
        "txt",
        f"Image source, Getty Images\nImage caption, {CAPTION}",
        (("image_source", "Getty Images"), ("caption", CAPTION)),
    ),
]


@pytest.mark.parametrize("fmt, credit, meta", CREDITS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CREDITS)])
def test_ingest_photo_captions_and_credits_are_removed(tmp_path, fmt, credit, meta):
    title = None if fmt == "txt" else HEADLINE
    check(read_as(fmt, tmp_path, f"{FIRST}\n\n{credit}\n\n{SECOND}", title), title, STORY, meta, fmt)


BYLINES = [
    (
        "txt",
        f"{HEADLINE}\n\nBy Jane Roe and John Doe, Reuters\n\n{STORY}",
        (("byline", "Jane Roe"), ("byline", "John Doe"), ("agency", "Reuters")),
    ),
    (
        "html",
        f"By Jane Roe and John Doe, Reuters\n{STORY}",
        (("byline", "Jane Roe"), ("byline", "John Doe"), ("agency", "Reuters")),
    ),
    ("jsonl", f"Jane Roe | Reuters\n\n{STORY}", (("byline", "Jane Roe"), ("agency", "Reuters"))),
    ("txt", f"{HEADLINE}\n\nJane Roe in Beirut\n\n{STORY}", (("byline", "Jane Roe"),)),
    (
        "txt",
        f"{HEADLINE}\n\nBY JANE ROE, ASSOCIATED PRESS\n\n{STORY}",
        (("byline", "JANE ROE"), ("agency", "ASSOCIATED PRESS")),
    ),
    ("jsonl", f"{STORY}\n\nJane Roe, Associated Press", (("byline", "Jane Roe"), ("agency", "Associated Press"))),
    (
        "txt",
        f"{STORY}\n\n(Reporting by Jane Roe in Beirut; Editing by John Doe)",
        (("reporting", "Reporting by Jane Roe in Beirut; Editing by John Doe"),),
    ),
]


@pytest.mark.parametrize("fmt, text, meta", BYLINES, ids=[f"{b[0]}-{i}" for i, b in enumerate(BYLINES)])
def test_ingest_bylines_are_removed(tmp_path, fmt, text, meta):
    title = HEADLINE if fmt != "txt" or text.startswith(HEADLINE) else None
    check(read_as(fmt, tmp_path, text, title), title, STORY, meta, fmt)


def test_ingest_byline_date_becomes_the_published_date(tmp_path):
    article = read_as("txt", tmp_path, f"{HEADLINE}\n\nBy Jane Roe | June 12, 2024\n\n{STORY}")
    assert (article.published, furniture(article), article.text) == (
        date(2024, 6, 12),
        (("byline", "Jane Roe"),),
        STORY,
    )


STANDFIRST = "The group confirmed the death of its most senior member killed since October"
STANDFIRSTS = [
    ("txt", f"{HEADLINE}\n\n{STANDFIRST}\n\n{STORY}", STORY, STANDFIRST),
    ("txt", f"{HEADLINE}\n{STANDFIRST}\n{STORY}", STORY, STANDFIRST),  # single newlines: never glued on
    ("jsonl", f"{STANDFIRST}\n\n{STORY}", STORY, STANDFIRST),
    ("html", f"{STANDFIRST}\n{STORY}", STORY, STANDFIRST),
    # a standfirst that ends in a full stop is known by the dateline under it
    ("txt", f"{HEADLINE}\n\n{STANDFIRST}.\n\nBEIRUT (Reuters) - {STORY}", STORY, f"{STANDFIRST}."),
    ("jsonl", f"{STANDFIRST}.\nBEIRUT (Reuters) - {STORY}", STORY, f"{STANDFIRST}."),
]


@pytest.mark.parametrize(
    "fmt, text, body, standfirst", STANDFIRSTS, ids=[f"{s[0]}-{i}" for i, s in enumerate(STANDFIRSTS)]
)
def test_ingest_standfirst_goes_to_metadata(tmp_path, fmt, text, body, standfirst):
    article = read_as(fmt, tmp_path, text, None if fmt == "txt" else HEADLINE)
    assert article.title == HEADLINE
    assert article.text == (as_html_text(body) if fmt == "html" else body)
    assert furniture(article)[0] == ("standfirst", standfirst)


def test_ingest_jsonl_title_field_stays_the_title_and_a_repeated_headline_goes(tmp_path):
    article = read_as("jsonl", tmp_path, f"{HEADLINE} - Reuters\n\n{STORY}", HEADLINE)
    assert (article.title, article.text, furniture(article)) == (HEADLINE, STORY, ())


WIRE_FURNITURE = ("BEIRUT", "Reuters", "Read more", "READ MORE", "Photograph", "AP Photo", "Jane Roe", "Reporting by")


@pytest.mark.parametrize(
    "path, n", [(DATA / "wire-story.txt", 0), (DATA / "wire-story.html", 0), (DATA / "wire-stories.jsonl", 1)]
)
def test_ingest_wire_story_page_keeps_only_the_story(path, n):
    article = read_all(path)[n]
    assert article.title.startswith("Israeli strike kills Hezbollah field commander")
    assert article.text.startswith("An Israeli strike on the village of Jouya")
    assert [f for f in WIRE_FURNITURE if f in article.text] == []
    assert ("dateline", "BEIRUT") in article.metadata
    assert ("teaser", "Rockets hit US base in Iraq, killing a contractor") in article.metadata
    raw = normalise_whitespace(path.read_text(encoding="utf-8"))
    for line in article.text.split("\n"):
        assert line in raw  # every story line is exactly as it was (the dateline cut off the first)


def test_ingest_wire_story_txt_in_full():
    article = only_article(DATA / "wire-story.txt")
    assert article.published == date(2024, 6, 12)
    assert article.text == (
        "An Israeli strike on the village of Jouya in southern Lebanon late on Tuesday killed a senior field "
        "commander of Hezbollah and three fighters, three security sources said.\n\n"
        "Hezbollah confirmed the death of the commander and said in a statement that he was Taleb Abdallah.\n\n"
        "The sources said the four men were likely targeted during a meeting in the village.\n\n"
        "There was no immediate comment from the Israeli military."
    )
    assert article.metadata == (
        ("standfirst", "Group confirms the death of its most senior member killed since October"),
        ("byline", "Jane Roe"),
        ("caption", "Smoke rises over the village of Jouya after the strike."),
        ("image_source", "Jane Roe/AP"),
        ("dateline", "BEIRUT"),
        ("agency", "Reuters"),
        ("teaser", "Rockets hit US base in Iraq, killing a contractor"),
        ("caption", "Mourners carry the coffin of a fighter in Nabatieh."),
        ("image_source", "AP Photo/John Doe"),
        ("reporting", "Reporting by Jane Roe; Editing by John Doe"),
        ("teaser", "Hezbollah fires rockets at northern Israel"),
        ("teaser", "Iran warns of wider war"),
        ("copyright", "© 2024 Harbour Herald"),
    )


# Story sentences shaped like furniture: each must be kept, in every position.
LOOKALIKES = [
    "Read more than 300 pages of the report, she said.",
    "Paris, the French capital, hosted the talks on Monday.",
    "Paris, June 12 was the hottest day on record, officials said.",
    "Beirut (the capital) was quiet on Tuesday, residents said.",
    '"That is what I told the AP," she said.',
    "Asked about the strike, the minister told AP that the army would respond.",
    "By Tuesday, the army had retaken the town.",
    "Watch out for more strikes, the army warned residents.",
    "Related fighting spread to the north, the ministry said.",
    "Support for the war fell to 40 percent in a Reuters/Ipsos poll.",
    "Jane Roe, a Reuters photographer, was wounded in the strike.",
    "The group said it had released a photo: it showed the wreckage.",
    "The talks ended without a deal, the release added (AP).",
    "BEIRUT is the capital of Lebanon, and the strike was 80 km to the south.",
    "US forces struck back — The Pentagon said three sites were hit.",
    "(Reuters could not independently verify the footage.)",
    "Reporting by the BBC found that the convoy had been hit twice.",
]


furniture_opener = st.sampled_from(
    ["Read more", "READ MORE", "Watch", "Related", "Also read", "By", "Paris,", "Paris, June 12", "BEIRUT",
     "PARIS (AFP)", "Photograph", "Image caption", "Jane Roe/AP", "Jane Roe |", "Reporting by", "With inputs from"]
)  # fmt: skip
prose = st.lists(st.sampled_from("the army said it would respond to any attack on its forces".split()), min_size=1)


@given(st.lists(st.tuples(furniture_opener, prose), min_size=1, max_size=5))
def test_ingest_sentences_opening_like_furniture_are_never_dropped(openers):
    text = "\n\n".join(f"{opener} {' '.join(words)}." for opener, words in openers)
    assert strip_furniture(text, known_title="A headline") == Page(text=text)


def test_ingest_jsonl_without_a_title_field_takes_the_headline_from_its_text(tmp_path):
    article = read_as("jsonl", tmp_path, f"{HEADLINE}\n{STORY}")
    assert (article.title, article.text, furniture(article)) == (HEADLINE, STORY, ())


@pytest.mark.parametrize("sentence", LOOKALIKES)
@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_ingest_story_sentences_that_look_like_furniture_are_kept(tmp_path, fmt, sentence):
    # first line (where datelines and headlines are), middle, and last line (where sign-offs are)
    text = f"{sentence}\n\n{FIRST}\n\n{sentence}\n\n{SECOND}\n\n{sentence}"
    article = read_as(fmt, tmp_path, text, HEADLINE)
    assert (article.text, furniture(article)) == (text, ())


# --- HTML and JSONL --------------------------------------------------------------


def test_ingest_html_keeps_body_and_metadata_not_boilerplate():
    article = only_article(DATA / "glacier-page.html")
    assert article.id == "glacier-page"
    assert article.title == "Swiss glaciers lose four percent of their ice in a year"
    assert article.published == date(2023, 9, 28)
    assert article.url == "https://alpinetimes.example/climate/swiss-glaciers-melt"
    assert article.source == "Alpine Times"
    assert article.text.startswith("Switzerland's glaciers lost four percent")
    assert "most Swiss glaciers could vanish by the end of the century." in article.text
    for boilerplate in ("cookies", "Subscribe", "Most read", "Ski resorts", "Privacy", "All rights reserved"):
        assert boilerplate not in article.text
    assert not article.text.startswith(article.title)


def test_ingest_jsonl_reads_good_lines_and_reports_bad_ones():
    path = DATA / "articles.jsonl"
    items = read_all(path)
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.id for a in articles] == ["port-1", "port-2", "3"]
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first = articles[0]
    assert (first.title, first.published, first.source, first.url) == (
        "Rotterdam dock strike",
        date(2023, 5, 12),
        "NOS",
        "https://example.org/port-1",
    )
    assert dict(first.metadata) == {"lang": "en", "tags": '["labour", "ports"]'}
    assert articles[1].published == date(2023, 5, 13)
    assert "\n\nShipping lines said" in articles[1].text
    assert [s.origin for s in skipped] == [f"{path}:5", f"{path}:6"]
    assert skipped[0].reason.startswith(f"{path}:5: not valid JSON")
    assert skipped[1].reason.startswith(f'{path}:6: no "text"')


@pytest.mark.parametrize(
    "line, expected",
    [
        ('{"text": "An article without an id."}', 'no usable "id"'),
        ('{"id": "", "text": "Blank id."}', 'no usable "id"'),
        ('{"id": "x", "text": "   "}', 'an empty "text"'),
        ('{"id": "x", "text": 42}', 'a non-string "text"'),
        ('["id", "text"]', "expected a JSON object"),
    ],
)
def test_ingest_jsonl_line_without_id_or_text_is_skipped(tmp_path, line, expected):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + '\n{"id": "ok", "text": "A good line."}\n', encoding="utf-8")
    bad, good = read_all(path)
    assert isinstance(bad, Skipped) and bad.reason.startswith(f"{path}:1: ") and expected in bad.reason
    assert isinstance(good, Article) and good.id == "ok"


def test_ingest_jsonl_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    # JSON may escape half a UTF-16 pair ("\\ud800"); Python accepts it, UTF-8 output cannot hold it.
    path = tmp_path / "surrogates.jsonl"
    path.write_text(
        '{"id": "s\\udc80", "text": "Iran said \\ud800 it.", "title": "T\\udfff", "note": "\\ud83d"}\n',
        encoding="utf-8",
    )
    (article,) = read_all(path)
    assert article.text == "Iran said \ufffd it."  # one for one: offsets into the text are kept
    assert (article.id, article.title, dict(article.metadata)) == ("s\ufffd", "T\ufffd", {"note": "\ufffd"})


# --- bad inputs ------------------------------------------------------------------

BAD_INPUTS = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n\xc2\xa0\n", "is empty"),
    ("blob.txt", bytes(range(256)) * 40, "looks like a binary file"),
    ("controls.txt", b"\x01\x02\x03\x04 abc \x05\x06\x07\x08" * 100, "looks like a binary file"),
    ("latin1.txt", "Le café est fermé.".encode("latin-1"), "is not valid UTF-8 (byte 0xe9 at offset 6); convert it"),
    ("utf16.txt", "Hello.".encode("utf-16"), "UTF-16"),
    ("report.pdf", b"%PDF-1.4\n", "has extension .pdf; kg reads .txt, .html/.htm and .jsonl"),
    ("notes", b"No extension.", "has no extension"),
    ("missing.txt", None, "does not exist"),
    ("blob.html", b"\x00\x01\x02" * 100, "looks like a binary file"),
    ("nav.html", (DATA / "nav-only.html").read_bytes(), "no article text found in the HTML"),
    ("empty.jsonl", b"\n\n", "is empty"),
    ("blob.jsonl", b"\x00" * 64, "looks like a binary file"),
]


@pytest.mark.parametrize("name, content, expected", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_ingest_bad_input_is_skipped_and_others_still_read(tmp_path, good_file, name, content, expected):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    skipped, article = read_all(bad, good_file)
    assert isinstance(skipped, Skipped), skipped
    assert skipped.origin == str(bad)
    assert str(bad) in skipped.reason and expected in skipped.reason
    assert isinstance(article, Article) and article.text == BODY


def test_ingest_shipped_bad_fixtures_are_skipped_by_name():
    skipped = {s.origin: s.reason for s in read_all(DATA) if isinstance(s, Skipped)}
    assert f"{DATA}/empty.txt" in skipped and "is empty" in skipped[f"{DATA}/empty.txt"]
    assert "has extension .pdf" in skipped[f"{DATA}/report.pdf"]
    assert "no article text found" in skipped[f"{DATA}/nav-only.html"]


def test_ingest_five_megabyte_article_is_accepted(tmp_path):
    paragraph = "The convoy crossed the border before dawn and reached the city by noon. " * 10
    text = "\n\n".join([paragraph.strip()] * 7000)
    assert len(text.encode()) > 5_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert only_article(path).text == text


def test_ingest_file_over_the_limit_is_skipped_with_its_size(tmp_path, good_file):
    big = tmp_path / "big.txt"
    big.write_text("A sentence.\n" * 200, encoding="utf-8")  # 2,400 bytes
    skipped, article = read_all(big, good_file, max_bytes=1000)
    assert isinstance(skipped, Skipped) and "2,400 bytes" in skipped.reason and "1,000-byte limit" in skipped.reason
    assert isinstance(article, Article)


# --- ids, order, directories, stdin -------------------------------------------------


def test_ingest_ids_are_stable_and_unique(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    jsonl = tmp_path / "z.jsonl"
    jsonl.write_text('{"id": "story", "text": "Third."}\n{"id": "story", "text": "Fourth."}\n', encoding="utf-8")
    runs = [[a.id for a in read_all(tmp_path)] for _ in range(2)]
    assert runs[0] == runs[1] == ["story", "story-2", "story-3", "story-4"]


def test_ingest_directory_is_read_recursively_in_sorted_order(tmp_path):
    for rel in ("b.txt", "a/2.txt", "a/1.txt", "c/d/e.htm", ".hidden.txt", ".git/x.txt", "notes.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Some text.", encoding="utf-8")
    origins = [item.origin for item in read_all(tmp_path)]
    assert origins == [str(tmp_path / rel) for rel in ("a/1.txt", "a/2.txt", "b.txt", "c/d/e.htm", "notes.md")]


def test_ingest_empty_directory_is_reported(tmp_path):
    (tmp_path / ".only-hidden").write_text("x", encoding="utf-8")
    [skipped] = read_all(tmp_path)
    assert isinstance(skipped, Skipped) and "no files" in skipped.reason


def test_ingest_inputs_come_out_in_the_order_given(good_file):
    items = read_all(DATA / "scraped-wildfires.txt", good_file, EXAMPLE)
    assert [a.id for a in items] == ["scraped-wildfires", "good", EXAMPLE.stem]


def test_ingest_single_path_string_is_one_input(good_file):
    assert [a.id for a in read_inputs(str(good_file))] == ["good"]


def test_ingest_is_lazy_and_does_not_raise_for_missing_paths():
    items = read_inputs(["/no/such/dir/a.txt"])
    assert iter(items) is items
    assert isinstance(next(items), Skipped)


@pytest.mark.parametrize("as_bytes", [False, True], ids=["text-stream", "byte-stream"])
def test_ingest_stdin_text_gets_a_content_id(as_bytes):
    text = "Ferry Service Restored\n\n3 March 2022\n\n" + BODY
    stream = io.BytesIO(text.encode()) if as_bytes else io.StringIO(text)
    article = only_article("-", stdin=stream)
    assert article.id == "stdin-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    assert (article.origin, article.title, article.published, article.text) == (
        "stdin",
        "Ferry Service Restored",
        date(2022, 3, 3),
        BODY,
    )


def test_ingest_stdin_jsonl_is_read_line_by_line():
    stream = io.StringIO('{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n{"id": "c", "te')
    items = read_all("-", stdin=stream)
    assert [i.origin for i in items] == ["stdin:1", "stdin:3", "stdin:4"]
    assert [i.id for i in items[:2]] == ["a", "b"] and isinstance(items[2], Skipped)


def test_ingest_stdin_given_twice_is_reported():
    first, second = read_all("-", "-", stdin=io.StringIO("Only once."))
    assert isinstance(first, Article) and isinstance(second, Skipped) and "more than once" in second.reason


# --- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021-06-28", date(2021, 6, 28)),
        ("2021-06-28T09:30:00Z", date(2021, 6, 28)),
        ("2021-06-28T23:30:00-05:00", date(2021, 6, 28)),
        ("June 28, 2021", date(2021, 6, 28)),
        ("28 June 2021", date(2021, 6, 28)),
        ("Monday 28th June 2021", date(2021, 6, 28)),
        ("Sept. 3, 2020", date(2020, 9, 3)),
        ("28 June 2021 | 10:30 BST", date(2021, 6, 28)),
        ("June 2021", None),
        ("yesterday", None),
        ("2 days ago", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_parse_date(text, expected):
    assert parse_date(text) == expected


def test_ingest_iso_date_in_file_name_is_the_fallback(tmp_path):
    named = tmp_path / "2022-03-01-harbour.txt"
    named.write_text(BODY, encoding="utf-8")
    dated = tmp_path / "2022-03-01-ferry.txt"
    dated.write_text("Ferry Service Restored\n\n3 March 2022\n\n" + BODY, encoding="utf-8")
    assert [a.published for a in read_all(named, dated)] == [date(2022, 3, 1), date(2022, 3, 3)]


@pytest.mark.parametrize("module", ["agencies", "credits", "dateline", "dates", "teasers"])
def test_ingest_doctests_hold(module):
    result = doctest.testmod(importlib.import_module(f"kg.ingest.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_ingest_import_loads_no_heavy_libraries():
    code = "import sys, kg.ingest; print(sorted({'trafilatura', 'dateparser', 'lxml'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- stdin is read like a file -------------------------------------------------------

JSONL_GOOD = '{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'


def _same_as_by_path(tmp_path, name: str, content: bytes) -> tuple[list, list]:
    path = tmp_path / name
    path.write_bytes(content)
    by_path, by_stdin = read_all(path), read_all("-", stdin=io.BytesIO(content))

    def shape(items):
        return [
            (type(i).__name__, i.id, i.text, i.title)
            if isinstance(i, Article)
            else ("Skipped", i.origin.replace(str(path), "F"), i.reason.replace(str(path), "F"))
            for i in items
        ]

    return shape(by_path), [
        (s[0], s[1].replace("stdin", "F"), s[2].replace("stdin", "F"), *s[3:]) for s in shape(by_stdin)
    ]


@pytest.mark.parametrize(
    "content",
    [
        JSONL_GOOD + "this line is not JSON\n",
        "not JSON on the first line\n" + JSONL_GOOD,
        JSONL_GOOD + '{"id": "c", "te\n',
        JSONL_GOOD.encode().decode() + '{"id": "d", "text": "Caf\udce9"}\n',
    ],
    ids=["broken-last-line", "broken-first-line", "cut-short", "bad-utf8-line"],
)
def test_ingest_stdin_jsonl_with_a_broken_line_reads_as_the_same_file(tmp_path, content):
    data = content.encode("utf-8", "surrogateescape")
    by_path, by_stdin = _same_as_by_path(tmp_path, "f.jsonl", data)
    assert by_stdin == by_path
    assert [s[1] for s in by_path if s[0] == "Article"] == ["a", "b"]


def test_ingest_stdin_jsonl_data_file_reads_as_by_path(tmp_path):
    by_path, by_stdin = _same_as_by_path(tmp_path, "f.jsonl", (DATA / "articles.jsonl").read_bytes())
    assert by_stdin == by_path


def test_ingest_stdin_html_is_recognised_by_content(tmp_path):
    data = (DATA / "wire-story.html").read_bytes()
    [from_file] = read_all(DATA / "wire-story.html")
    from_stdin = only_article("-", stdin=io.BytesIO(data))
    assert (from_stdin.text, from_stdin.title) == (from_file.text, from_file.title)
    assert from_stdin.origin == "stdin" and from_stdin.id.startswith("stdin-")


# --- skipped inputs -----------------------------------------------------------------


def test_ingest_dangling_symlink_in_a_directory_is_listed_as_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = read_all(tmp_path)
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.origin for s in skipped] == [str(tmp_path / "gone.txt")]
    assert "nowhere.txt" in skipped[0].reason and "does not exist" in skipped[0].reason
