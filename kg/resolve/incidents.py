"""Incidents: the reports of one real-world event by several articles, joined.

An article's event node is one *report*. Two reports are of one incident when all of
these hold (``docs/incidents.md`` gives the reasons for each):

* neither is negated;
* their classes map to the same PLOVER type (an air strike, an attack and the killing
  it caused are all ASSAULT; a designation and a sanction are SANCTION);
* their dates fit: each report's date is an interval (a day, a month, or, with no date of
  its own, the :data:`REPORTING_DAYS` before its article was published) and the two
  intervals overlap, give or take :data:`SLACK_DAYS`. A report dated only to a year is
  never joined: a year names no occurrence;
* they share a participant (agent, target or victim), or else are of one class, on one
  day their texts give, in one city; and no role is swapped: an actor
  that is the agent of one and the target of the other, with no shared agent, makes
  them a strike and its retaliation, two incidents;
* their places do not clash (a city is compatible with its country); when neither gives
  a place, the shared participants must include one that is no state, or be two: "the
  United States" takes part in too many strikes to identify one;
* two reports from one article (an article telling of one strike in two sentences,
  which kg's per-article assembly kept apart) must share an actor that is no state and
  must not name two different agents.

A person is killed once: reports of the killing of one named person are one incident
whenever their dates can be one day, even when one report has no date of its own
(:func:`fold` applies this inside an article too).

Joining is complete-link: a report joins an incident only when it fits every report
already in it; of several it fits, the one it shares most actors with (states counted
last). Reports are taken in a fixed order (their article's date, the event's date, the
article, the IRI), so the incidents are a function of the set of reports: building
articles in two halves gives what building them at once gives. An incident is named
after its first report, so later articles join it under the IRI it had.

Nothing here knows RDF: :mod:`kg.store.consolidate` reads the reports from a graph and
writes the incidents back.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.ontology import incident_iri, merge_iri

#: how many days before its article's date a report with no date of its own may be about
REPORTING_DAYS = 3
#: time zones and "late on Thursday" against "early Friday"
SLACK_DAYS = 1
#: an interval longer than this (a year) names no occurrence
LONGEST_INTERVAL = 31


@dataclass(frozen=True)
class Report:
    """One article's event, as much of it as joining needs (IRIs throughout)."""

    iri: str
    article: str
    cls: str
    family: str | None  # the PLOVER type of its class; None: never joined (a statement)
    when: tuple[date, date] | None  # the interval it happened in
    dated_by: str = "text"  # "text" (its own date) or "article" (its article's)
    agents: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    status: str = "asserted"
    parts: tuple[str, ...] = ()  # events of the same article that are part of it
    published: date | None = None  # its article's date
    killed: frozenset[str] = frozenset()  # victims of a killing, among ``victims``

    @property
    def participants(self) -> frozenset[str]:
        return self.agents | self.targets | self.victims


@dataclass(frozen=True)
class World:
    """What the graph says of the participants: which are states, what contains what."""

    states: frozenset[str] = frozenset()
    within: dict[str, frozenset[str]] = field(default_factory=dict)  # place -> every place containing it
    labels: dict[str, str] = field(default_factory=dict)
    people: frozenset[str] = frozenset()
    country: dict[str, str] = field(default_factory=dict)  # a military or ministry -> its state

    def sides(self, actors: frozenset[str]) -> frozenset[str]:
        """``actors`` with a state's military or government read as the state: "the
        IDF struck" and "Israel struck" name one agent."""
        return frozenset(self.country.get(x, x) for x in actors)

    def name(self, iri: str) -> str:
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1].replace("_", " ")

    def places_fit(self, a: frozenset[str], b: frozenset[str]) -> bool | None:
        """True when a place of one is, contains or lies in a place of the other; False
        when they clash (two states, or places known to lie in two different states);
        None when one gives no place, or the graph cannot tell (an airport and its city)."""
        if not a or not b:
            return None
        for x in a:
            for y in b:
                if x == y or x in self.within.get(y, ()) or y in self.within.get(x, ()):
                    return True
        if self._countries(a) & self._countries(b):
            return None
        return False if self._countries(a) and self._countries(b) else None

    def _countries(self, places: frozenset[str]) -> set[str]:
        return {c for p in places for c in ({p} | self.within.get(p, frozenset())) if c in self.states}


@dataclass(frozen=True)
class Merge:
    """One join kg made across articles, and why: a report into an incident, or an actor
    (another spelling, a short form) into another actor."""

    merged: str
    into: str
    reason: str

    @property
    def iri(self) -> str:
        return merge_iri(self.merged, self.into)


@dataclass
class Incident:
    iri: str
    reports: list[Report]
    joins: list[Merge] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {r.article for r in self.reports}

    @property
    def cls(self) -> str:
        """The class most reports give (the first report's on a tie)."""
        counts = Counter(r.cls for r in self.reports)
        return max(self.reports, key=lambda r: counts[r.cls]).cls

    @property
    def day(self) -> date | None:
        """The day the reports that date it themselves give most (the earliest on a tie)."""
        days = Counter(r.when[0] for r in self.reports if r.dated_by == "text" and r.when and r.when[0] == r.when[1])
        return min(days, key=lambda d: (-days[d], d)) if days else None

    def ties(self, report: Report, world: World) -> tuple[int, int]:
        """How strongly ``report`` is tied to this incident: the actors, no states, then
        all actors it shares with the incident's reports."""
        shared = report.participants & frozenset().union(*(r.participants for r in self.reports))
        return len(shared - world.states), len(shared)

    def fits(self, report: Report, world: World) -> str | None:
        """Why ``report`` is this incident, judged against every report in it; None if it is not."""
        if not self._may_fit(report, world):
            return None
        first = same_incident(self.reports[0], report, world)
        if first and all(same_incident(member, report, world) for member in self.reports[1:]):
            return first
        return None

    def _may_fit(self, report: Report, world: World) -> bool:
        """A quick no: ``report``'s dates miss all of the incident's, and no one killed in
        it was killed in the incident (:func:`_one_death` joins across dates)."""
        spans = [r.when for r in self.reports if r.when]
        slack = timedelta(days=SLACK_DAYS)
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        if report.when[0] <= hi + slack and lo <= report.when[1] + slack:
            return True
        return bool(report.killed & world.people & frozenset().union(*(r.killed for r in self.reports)))


def same_incident(a: Report, b: Report, world: World) -> str | None:
    """Why ``a`` and ``b`` report one incident, in words; None when they do not."""
    if a.family is None or a.family != b.family:
        return None
    if "negated" in (a.status, b.status):
        return None
    when = _dates_fit(a, b) or _one_death(a, b, world)
    if when is None:
        return None
    agents_a, agents_b = world.sides(a.agents), world.sides(b.agents)
    if (agents_a & world.sides(b.targets) or world.sides(a.targets) & agents_b) and not agents_a & agents_b:
        return None  # a strike and the strike back
    shared = world.sides(a.participants) & world.sides(b.participants)
    if not shared:
        return _same_place_and_day(a, b, world)
    if a.article == b.article and (not shared - world.states or agents_a and agents_b and not agents_a & agents_b):
        return None  # one article telling of one event twice names an actor, no state, in both, and one agent
    where = world.places_fit(a.places, b.places)
    if where is False:
        return None
    if where is None and not shared - world.states and len(shared) < 2:
        return None
    said = [f"same kind of event ({a.family})", when, "shared " + ", ".join(sorted(world.name(x) for x in shared))]
    if where:
        said.append("places agree")
    return "; ".join(said)


def group(reports: Iterable[Report], world: World, *, undone: frozenset[str] = frozenset()) -> list[Incident]:
    """The incidents ``reports`` make, in the order of their first reports. A report of
    no PLOVER type (a plain statement) is in none.

    ``undone``: IRIs of joins a user undid (:attr:`Merge.iri`); those reports stay apart.

    A report is tried only against the incidents it could fit (:func:`_keys`: an actor
    that is no state, a state in the same week, a city on the same day), so the cost
    grows with the reports, not with their square.
    """
    incidents: list[Incident] = []
    index: dict[tuple, list[int]] = defaultdict(list)  # key -> incidents (by number) under it
    for report in sorted(fold([r for r in reports if r.family is not None], world), key=_order):
        home, join = None, None
        if report.when is not None:
            candidates = sorted({n for k in _keys(report, world, widen=True) for n in index.get(k, ())})
            best = None
            for n in candidates:
                incident = incidents[n]
                reason = incident.fits(report, world)
                found = Merge(report.iri, incident.iri, reason) if reason else None
                if found is None or found.iri in undone:
                    continue
                strength = (incident.ties(report, world), -n)
                if best is None or strength > best[0]:
                    best = (strength, n, found)
            if best is not None:
                _, number, join = best
                home = incidents[number]
                home.reports.append(report)
                home.joins.append(join)
        if home is None:
            number = len(incidents)
            home = Incident(incident_iri(report.iri), [report])
            incidents.append(home)
        if report.when is not None:
            for k in _keys(report, world):
                if not index[k] or index[k][-1] != number:
                    index[k].append(number)
    return incidents


def _keys(report: Report, world: World, *, widen: bool = False) -> set[tuple]:
    """What an incident that ``report`` fits must share with it: an actor that is no
    state; a state, in a week the report's dates touch; or its class, day and city.
    ``widen``: the weeks of the dates give or take :data:`SLACK_DAYS`, for looking up."""
    keys: set[tuple] = {(report.family, "place", report.cls, report.when, p) for p in report.places - world.states}
    lo, hi = report.when
    if widen:
        lo, hi = lo - timedelta(days=SLACK_DAYS), hi + timedelta(days=SLACK_DAYS)
    weeks = range(lo.toordinal() // 7, hi.toordinal() // 7 + 1) if (hi - lo).days <= LONGEST_INTERVAL + 2 else ()
    for x in world.sides(report.participants):
        if x in world.states:
            keys |= {(report.family, "state", x, w) for w in weeks}
        else:
            keys.add((report.family, "actor", x))
    return keys


def _order(report: Report) -> tuple:
    """Articles in the order they came out: a report published later never comes first,
    so an incident keeps the IRI of its first report as later reports join it."""
    return (report.published or date.max, report.when[0] if report.when else date.max, report.article, report.iri)


def _same_place_and_day(a: Report, b: Report, world: World) -> str | None:
    """Two reports of one class, on one day the texts give, in one city (no state), with
    no actor in common: one event whose reports disagree on who took part ("G attacked
    a hotel in Mogadishu on Thursday", "H carried out an attack on a hotel in Mogadishu
    on Thursday")."""
    if a.cls != b.cls or a.article == b.article or "article" in (a.dated_by, b.dated_by):
        return None
    if a.when != b.when or a.when[0] != a.when[1]:
        return None
    cities = (a.places & b.places) - world.states
    if not cities:
        return None
    where = ", ".join(sorted(world.name(x) for x in cities))
    return f"same class ({a.cls.rsplit('#', 1)[-1]}), same day ({a.when[0].isoformat()}) and place ({where})"


def _one_death(a: Report, b: Report, world: World) -> str | None:
    """A person is killed once: two reports of the killing of one named person are one
    incident whenever their dates can be one day. A report with no date of its own says
    only that it happened by its article's date; a year is enough here."""
    dead = a.killed & b.killed & world.people
    if not dead or a.when is None or b.when is None:
        return None
    (alo, ahi), (blo, bhi) = (_by(r) for r in (a, b))
    slack = timedelta(days=SLACK_DAYS)
    if alo > bhi + slack or blo > ahi + slack:
        return None
    return "the killing of " + ", ".join(sorted(world.name(x) for x in dead)) + " (a person is killed once)"


def _by(report: Report) -> tuple[date, date]:
    return (date.min, report.when[1]) if report.dated_by == "article" else report.when


def fold(reports: list[Report], world: World) -> list[Report]:
    """One article's reports that share a person killed are one report of one incident:
    a person is killed once ("a strike killed X", "X's killing" in one article)."""
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article].append(r)
    out = []
    for rs in by_article.values():
        groups: list[list[Report]] = []
        for r in sorted(rs, key=lambda r: r.iri):
            dead = r.killed & world.people
            hits = [g for g in groups if dead and any(m.family == r.family and m.victims & dead for m in g)]
            if not hits:
                groups.append([r])
                continue
            merged = [m for g in hits for m in g] + [r]
            groups = [g for g in groups if g not in hits] + [merged]
        out += [_folded(g) for g in groups]
    return out


def _folded(group: list[Report]) -> Report:
    if len(group) == 1:
        return group[0]
    head = min(group, key=lambda r: (r.dated_by != "text", -len(r.participants), r.iri))
    rest = [r for r in group if r is not head]
    return replace(
        head,
        agents=frozenset().union(*(r.agents for r in group)),
        targets=frozenset().union(*(r.targets for r in group)),
        victims=frozenset().union(*(r.victims for r in group)),
        places=frozenset().union(*(r.places for r in group)),
        parts=tuple(sorted({*head.parts, *(r.iri for r in rest), *(p for r in rest for p in r.parts)})),
        killed=frozenset().union(*(r.killed for r in group)),
    )


def _dates_fit(a: Report, b: Report) -> str | None:
    if a.when is None or b.when is None:
        return None
    for lo, hi in (a.when, b.when):
        if (hi - lo).days > LONGEST_INTERVAL:
            return None
    slack = timedelta(days=SLACK_DAYS)
    if a.when[0] > b.when[1] + slack or b.when[0] > a.when[1] + slack:
        return None
    return "dates fit (" + ", ".join(_interval(r) for r in (a, b)) + ")"


def _interval(report: Report) -> str:
    lo, hi = report.when
    text = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
    return text + (" by its article's date" if report.dated_by == "article" else "")


def reported(published: date) -> tuple[date, date]:
    """The days a report with no date of its own may be about: the few before its article."""
    return published - timedelta(days=REPORTING_DAYS), published
