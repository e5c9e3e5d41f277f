"""Time expressions resolve against the article's date, keeping their granularity."""

from __future__ import annotations

from datetime import date

import pytest

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
