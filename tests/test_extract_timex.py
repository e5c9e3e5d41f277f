"""Time expressions resolve against the article's date, keeping their granularity."""

from __future__ import annotations

from datetime import date

import pytest
from support.extraction import extract_one

from kg.extract.timex import XSD_DATE, XSD_GYEAR, XSD_GYEARMONTH, resolve_time

MONDAY = date(2021, 6, 28)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("last year", ("2020", XSD_GYEAR)),
        ("since 2009", ("2009", XSD_GYEAR)),
        ("late February", ("2021-02", XSD_GYEARMONTH)),
        ("in September", ("2020-09", XSD_GYEARMONTH)),  # a month after the article's is last year's
        ("early on Monday", ("2021-06-28", XSD_DATE)),  # the article's own weekday is that day
        ("Sunday", ("2021-06-27", XSD_DATE)),
        ("last night", ("2021-06-27", XSD_DATE)),
        ("two years ago", ("2019", XSD_GYEAR)),
        ("March 3", ("2021-03-03", XSD_DATE)),
        ("June 28, 2021", ("2021-06-28", XSD_DATE)),
        ("in recent years", None),
        ("about 01:00", None),
    ],
)
def test_extract_timex_resolves(text, expected):
    assert resolve_time(text, MONDAY) == expected


def test_extract_timex_without_a_date_only_absolute_times_resolve():
    assert resolve_time("last year", None) is None
    assert resolve_time("since 2009", None) == ("2009", XSD_GYEAR)


@pytest.mark.slow
def test_an_act_a_day_before_the_ledes_news_is_dated_the_day_before(pipeline):
    text = "A day after Veridia accused Ostrana of shelling a border town, the mayor said a fire broke out."
    (accusation,) = [e for e in extract_one(pipeline, text, published=date(2025, 4, 9)).events if "Accusation" in e.cls]
    assert [a.value for a in accusation.arguments if a.role.endswith("#time")] == ["2025-04-08"]


@pytest.mark.slow
def test_the_raids_just_told_of_take_the_time_of_the_attack_told_before(pipeline):
    text = (
        "A drone attack killed a commander of the Lantern Front near Kassala on Monday morning, residents said. "
        "Three civilians were also killed in the raids."
    )
    events = extract_one(pipeline, text, published=date(2025, 4, 9)).events
    (raids,) = [e for e in events if e.trigger.text == "raids"]
    assert [a.value for a in raids.arguments if a.role.endswith("#time")] == ["2025-04-07"]
