"""Scoring incidents: does kg make one event of the reports of one, and keep others apart?

A set (``examples/multi-report/``) is a directory with ``reports.jsonl`` (articles, as
``kg build`` reads them) and ``gold.json``: each real event with the articles that
report it and, per article, the words that first name it there (the trigger).

Each (article, gold event) pair is an *item*. kg's answer for an item is the incident
of the kg event that pair aligns to: an event whose sentence holds the gold trigger,
preferring one whose trigger overlaps it, then one of the same PLOVER family, then the
nearest. An item with no kg event in that sentence is a singleton of its own (it costs
recall, never precision). Merge quality is B-cubed over the items: precision is how
much of each item's kg incident is its gold event, recall how much of its gold event
is in its kg incident.

The set is built twice, at once and in two halves into one store, and the incidents of
the two stores are compared: the same IRIs with the same reports, or the difference.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.builder import build_into_store
from kg.errors import InputError
from kg.rdf.schema import plover_families
from kg.rdf.vocab import PREFIXES
from kg.store.persistent import PersistentStore

_EVENTS = """
SELECT ?e ?cls ?id ?start ?end ?sentence WHERE {
  ?e kg:triggerText ?t ; a ?cls ; kg:start ?start ; kg:end ?end ; kg:sentence ?sentence ;
     prov:wasDerivedFrom ?article .
  ?article kg:articleId ?id .
  FILTER (STRSTARTS(STR(?cls), STR(kg:)))
}"""
# gold types kg has no class of its own for -> the kg class they fall under
GOLD_TYPES = {"Bombing": "Attack"}
_INCIDENTS = "SELECT ?i ?e WHERE { GRAPH ?g { ?i a kg:Incident ; kg:report ?e } }"


@dataclass(frozen=True)
class GoldReport:
    article: str
    trigger: str


@dataclass(frozen=True)
class GoldEvent:
    id: str
    type: str
    date: str
    reports: tuple[GoldReport, ...]


@dataclass
class IncidentScore:
    items: int = 0
    aligned: int = 0
    precision: float = 0.0
    recall: float = 0.0
    gold_events: int = 0
    kg_incidents: int = 0  # distinct incidents the aligned items fall in
    all_incidents: int = 0  # every incident kg made of the set
    several: int = 0  # incidents reported by more than one article
    incremental_same: bool = False
    incremental_diff: list[str] = field(default_factory=list)
    baseline_apart: tuple[float, float] = (0.0, 0.0)  # every report its own incident
    baseline_family: tuple[float, float] = (0.0, 0.0)  # one incident per family
    split: list[str] = field(default_factory=list)  # gold events kg split, and how
    joined: list[str] = field(default_factory=list)  # kg incidents holding several gold events

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load(directory: str | Path) -> tuple[Path, list[GoldEvent]]:
    directory = Path(directory)
    reports, gold = directory / "reports.jsonl", directory / "gold.json"
    for path in (reports, gold):
        if not path.is_file():
            raise InputError(f"'{directory}' has no {path.name}: a multi-report set needs reports.jsonl and gold.json")
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
        events = [
            GoldEvent(
                e["id"],
                e["type"],
                e.get("date", ""),
                tuple(GoldReport(r["article"], r["trigger"]) for r in e["reports"]),
            )
            for e in data["events"]
        ]
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"'{gold}' is not a gold event list ({{\"events\": [...]}}): {err}") from err
    return reports, events


def evaluate(pipeline, directory: str | Path, *, progress: bool = False) -> IncidentScore:
    path, gold = load(directory)
    texts = {a.id: a.text for a in pipeline.articles([path])}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="kg-eval-reports-") as tmp:
        once, halves = Path(tmp) / "once", Path(tmp) / "halves"
        build_into_store(pipeline, [path], once, progress=progress)
        for n, part in enumerate((lines[: len(lines) // 2], lines[len(lines) // 2 :])):
            half = Path(tmp) / f"half{n}.jsonl"
            half.write_text("\n".join(part) + "\n", encoding="utf-8")
            build_into_store(pipeline, [half], halves, progress=progress)
        with PersistentStore.open(once) as a, PersistentStore.open(halves) as b:
            events, incidents = _events(a.ox), _incidents(a.ox)
            other = _incidents(b.ox)
    score = _score(gold, texts, events, incidents)
    score.incremental_diff = _differences(incidents, other)
    score.incremental_same = not score.incremental_diff
    return score


def _events(store: ox.Store) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    families = plover_families()
    seen = set()
    for s in store.query(_EVENTS, prefixes=PREFIXES):
        iri = s["e"].value
        if iri in seen:  # an event has one class; a union graph may answer twice
            continue
        seen.add(iri)
        by_article[s["id"].value].append(
            {
                "iri": iri,
                "family": families.get(s["cls"].value),
                "start": int(s["start"].value),
                "end": int(s["end"].value),
                "sentence": s["sentence"].value,
            }
        )
    return by_article


def _incidents(store: ox.Store) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for s in store.query(_INCIDENTS, prefixes=PREFIXES):
        members[s["i"].value].add(s["e"].value)
    return {i: frozenset(m) for i, m in members.items()}


def _differences(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> list[str]:
    out = [f"only in the one-build store: {i} ({len(a[i])} reports)" for i in sorted(set(a) - set(b))]
    out += [f"only in the two-build store: {i} ({len(b[i])} reports)" for i in sorted(set(b) - set(a))]
    out += [f"different reports: {i}" for i in sorted(set(a) & set(b)) if a[i] != b[i]]
    return out


def _align(text: str, trigger: str, family: str | None, events: list[dict]) -> str | None:
    """The kg event an item's trigger names: in the trigger's sentence, overlapping it
    first, then of the gold's family, then the nearest."""
    pos = text.find(trigger)
    if pos < 0:
        return None
    end = pos + len(trigger)
    candidates = []
    for ev in events:
        s0 = text.find(ev["sentence"], max(0, ev["start"] - len(ev["sentence"])))
        if s0 < 0 or not s0 <= pos < s0 + len(ev["sentence"]):
            continue
        overlap = ev["start"] < end and pos < ev["end"]
        candidates.append((not overlap, ev["family"] != family, abs(ev["start"] - pos), ev["iri"]))
    return min(candidates)[3] if candidates else None


def _score(gold, texts, events, incidents) -> IncidentScore:
    home = {e: i for i, members in incidents.items() for e in members}
    articles = {ev["iri"]: article for article, evs in events.items() for ev in evs}
    families = {cls.rsplit("#", 1)[-1]: fam for cls, fam in plover_families().items()}
    families |= {name: families[kg] for name, kg in GOLD_TYPES.items()}
    items, system = [], {}
    for event in gold:
        for report in event.reports:
            item = (report.article, event.id)
            items.append(item)
            kg_event = _align(
                texts.get(report.article, ""), report.trigger, families.get(event.type), events.get(report.article, [])
            )
            if kg_event is not None and kg_event in home:
                system[item] = home[kg_event]
    gold_of = {item: item[1] for item in items}
    sys_of = {item: system.get(item, ("alone", item)) for item in items}
    score = IncidentScore(items=len(items), aligned=len(system), gold_events=len(gold))
    score.precision, score.recall = bcubed(items, gold_of, sys_of)
    score.kg_incidents = len(set(system.values()))
    score.all_incidents = len(incidents)
    score.several = sum(1 for members in incidents.values() if len({articles[m] for m in members}) > 1)
    score.baseline_apart = bcubed(items, gold_of, {item: item for item in items})
    score.baseline_family = bcubed(items, gold_of, {item: families.get(_type(gold, item[1])) for item in items})
    for event in gold:
        got = defaultdict(list)
        for report in event.reports:
            got[sys_of[(report.article, event.id)]].append(report.article)
        if len(got) > 1:
            score.split.append(f"{event.id}: {len(got)} incidents: " + " | ".join(", ".join(a) for a in got.values()))
    by_incident = defaultdict(set)
    for item, incident in system.items():
        by_incident[incident].add(item[1])
    score.joined = [f"{i.rsplit('/', 1)[-1]}: {', '.join(sorted(g))}" for i, g in by_incident.items() if len(g) > 1]
    return score


def _type(gold: list[GoldEvent], event_id: str) -> str:
    return next(e.type for e in gold if e.id == event_id)


def bcubed(items, gold_of, sys_of) -> tuple[float, float]:
    """B-cubed (precision, recall) of the clusters ``sys_of`` gives ``items`` against ``gold_of``'s."""
    by_gold, by_sys = defaultdict(set), defaultdict(set)
    for item in items:
        by_gold[gold_of[item]].add(item)
        by_sys[sys_of[item]].add(item)
    p = sum(len(by_gold[gold_of[i]] & by_sys[sys_of[i]]) / len(by_sys[sys_of[i]]) for i in items) / len(items)
    r = sum(len(by_gold[gold_of[i]] & by_sys[sys_of[i]]) / len(by_gold[gold_of[i]]) for i in items) / len(items)
    return p, r


def text_report(score: IncidentScore, directory: str) -> list[str]:
    lines = [
        f"Incidents across reports, {directory}: {score.items} (article, event) items of {score.gold_events} "
        f"gold events; {score.aligned} aligned to a kg event",
        "",
        f"  B-cubed precision {100 * score.precision:.1f}  recall {100 * score.recall:.1f}  F1 {100 * score.f1:.1f}",
        f"  gold events {score.gold_events}; kg incidents holding them {score.kg_incidents}; "
        f"kg incidents from the set in all {score.all_incidents} ({score.several} reported by several articles)",
        f"  baselines: every report apart P {100 * score.baseline_apart[0]:.1f} R {100 * score.baseline_apart[1]:.1f}; "
        f"one incident per event family P {100 * score.baseline_family[0]:.1f} R {100 * score.baseline_family[1]:.1f}",
        "  built at once and in two halves: "
        + ("the same incidents, IRIs and reports" if score.incremental_same else "DIFFERENT"),
    ]
    lines += [f"    {d}" for d in score.incremental_diff]
    if score.split:
        lines += ["", "Gold events kg split:"] + [f"  {s}" for s in score.split]
    if score.joined:
        lines += ["", "kg incidents joining several gold events:"] + [f"  {j}" for j in score.joined]
    return lines
