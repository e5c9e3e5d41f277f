"""The network at a date or over a window of dates: which facts held when.

Every fact kg states carries the date of the article it was read from (the observation
time, ``schema:datePublished``), and where the text says so, when it held: a role the
text calls former (``kg:former``), ``kg:validFrom`` ("since 2019") and ``kg:validUntil``
("until last year"). An event has its own ``kg:time`` (to the day, month or year the text
gives), else its article's date.

:class:`Window` is a :class:`kg.analyze.project.Trust` that also asks *when*:

* **as of D** (``Window(end=D)``): the facts articles published on or before D report,
  that had neither ended by D (former, or valid until before D) nor not yet begun (valid
  from after D); the events that happened on or before D, even if reported later (an
  event's own time is known; whether a relation held before it was reported is not);
* **from A to B** (``Window(start=A, end=B)``): the facts articles published between A
  and B report, less those the text says ended before A or began after B, and less
  former roles; the events whose time overlaps A..B.

A fact or an event with no date at all (an article without a publication date) is left
out of any window: kg cannot place it in time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from kg.analyze.project import DEFAULT_MIN_CONFIDENCE, DEFAULT_STATUSES, Calendar, Trust
from kg.extract.timex import period
from kg.rdf.vocab import KG


@dataclass(frozen=True)
class Window(Trust):
    """A :class:`Trust` over a window of dates (``start`` None: as of ``end``)."""

    start: date | None = None
    end: date | None = None
    _calendars: dict = field(default_factory=dict, compare=False, repr=False)  # id(graph) -> Calendar

    def admits(self, graph, node, values: dict | None = None) -> bool:
        if not super().admits(graph, node, values):
            return False
        calendar = self._calendar(graph)
        subject = values.get(RDF.subject) if values is not None else graph.value(node, RDF.subject)
        if subject is not None:  # an evidence node: a relation
            return self._fact_holds(calendar, node)
        span = calendar.event_span(node)
        return span is not None and self._overlaps(*span)

    def admits_mentioned(self, graph, articles: set[str]) -> bool:
        """An actor is in the window's network when an article of the window mentions it."""
        calendar = self._calendar(graph)
        return any(self._in_window(calendar.published(URIRef(a))) for a in articles)

    def _calendar(self, graph) -> Calendar:
        if id(graph) not in self._calendars:
            self._calendars[id(graph)] = Calendar(graph)
        return self._calendars[id(graph)]

    def _in_window(self, day: date | None) -> bool:
        return day is not None and self._overlaps(day, day)

    def _overlaps(self, first: date, last: date) -> bool:
        return (self.end is None or first <= self.end) and (self.start is None or last >= self.start)

    def _fact_holds(self, calendar: Calendar, node) -> bool:
        if not self._in_window(calendar.published(calendar.graph.value(node, PROV.wasDerivedFrom))):
            return False
        bounds = calendar.bounds.get(node, {})
        former = bounds.get(KG.former)
        if former is not None and bool(Literal(former).toPython()):
            return False  # the role had ended by its article's date, within or before the window
        until, since = period(bounds.get(KG.validUntil)), period(bounds.get(KG.validFrom))
        first = self.start if self.start is not None else self.end
        if until is not None and first is not None and until[1] < first:
            return False
        return not (since is not None and self.end is not None and since[0] > self.end)


def window(
    *, start: date | None = None, end: date | None = None, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    statuses: frozenset[str] = DEFAULT_STATUSES,
) -> Trust:  # fmt: skip
    """The :class:`Trust` for a window: a plain one when no date bounds it."""
    if start is None and end is None:
        return Trust(min_confidence=min_confidence, statuses=statuses)
    return Window(min_confidence=min_confidence, statuses=statuses, start=start, end=end)
