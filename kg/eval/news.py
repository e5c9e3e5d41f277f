"""news-dev: score kg on annotated real news articles (``kg eval news``).

news-dev (``news-dev.jsonl``, schema in its README) holds news article openings with
their entities, relations and events and the status of each claim. kg reads each
record as a user's JSON line would be read (:func:`kg.ingest.jsonl.article_from_json`:
id, text, title, ``date`` as the published date), extracts and resolves it, and its
output is aligned with the gold per article (:mod:`kg.eval.news_align`). Conventions:

Names
    Normalised before matching: NFKC, curly quotes, apostrophes and dashes to ASCII,
    casefolded, a leading "the " dropped, spaces collapsed.
Entity alignment
    A kg entity aligns to the gold entity whose name or an alias equals the text of
    one of the kg entity's mentions (any kind, with or without the title kg strips from
    a name: "Mr Austin") or its label. If several gold entities match: the one matched
    by most mentions, then by the label, then by its own name rather than an alias.
    Gold demonym aliases ("Israeli") match kg demonym mentions like any other text.
Entities
    The kg entities scored are those with a name, demonym or body mention ("Iraq's
    military", kg's third anchor kind). P/R/F1 by name match: right if aligned; a second
    kg entity aligned to the same gold entity is a *duplicate* (a false positive).
    Type accuracy (kg class local name == gold type) is apart, on the matched ones.
Relations
    A kg relation (``extraction.relations`` and ``ResolvedArticle.relations``) becomes
    (gold subject, predicate, gold object) through the alignment of its ends; an end that
    does not align makes it *spurious*. Inverse properties read forwards (``attackedBy``
    -> ``attacked`` swapped; every ``...By`` with ``owl:inverseOf`` in kg.ttl, so
    ``backedBy`` reads as ``supports``, gold and kg alike); symmetric ones (alliedWith,
    killedAlongside) match in either order. Triples are deduplicated per article, keeping
    the highest confidence and its status. Errors: *wrong predicate* (the gold relates the
    same pair otherwise), *wrong direction*, *missing*, *spurious*. A gold relation whose
    note says "could be dropped" is optional: never missing, and not counted when
    predicted.
Events
    kg event mentions sharing an id are one event, as the graph holds them (type,
    confidence and status of the first, arguments pooled). A kg Killing or Injury with a
    ``during`` argument naming an attack-family kg event is *folded*: not scored as an
    event, its victims count as the attack's (the gold's convention: casualties are the
    attack's victims). A kg event may align to a gold event when one of its sentences
    overlaps the gold evidence (found in the text kg read) and the types are of one
    family (Attack, AirStrike, Other:ASSAULT; Killing, Injury; others alone; gold
    ``Other:<PLOVER>`` types match kg classes through ``mapping.NEWS_PLOVER_EVENTS``,
    empty for now). Pairs are taken one to one, greedily, most shared arguments first;
    another kg event that could only align to an already matched gold event is a
    *duplicate*. The event type counts as right only if it is the same type.
Arguments
    agent, target, victim, location, as sets of gold entity names, on matched events.
    Gold ``~literal`` arguments and kg arguments with no aligned entity (descriptions such
    as "three fighters") are left out on both sides; the kg ones are counted and reported.
Fully right
    The share of kg's *emitted* events (scored ones: duplicates and spurious included,
    folded casualties not) with the right type and exactly the gold's entities in every
    compared role. The issue's target is 0.70 or more.
Time
    On matched events whose gold has a time: kg's time value equal to the gold's
    (*exact*), or equal at the coarser of the two precisions (*prefix*: "2024-06" vs
    "2024-06-11").
Status
    On matched relations and events: accuracy, overall and per gold status (claimed,
    hedged, denied...), and the confusion gold status -> kg status.
Calibration
    For each emitted relation (one per deduplicated triple, its highest confidence) and
    each emitted event: (confidence, right), right meaning a matched gold relation or a
    fully right event. Ten equal-width bins (count, mean confidence, accuracy) and the
    expected calibration error (count-weighted mean of |accuracy - confidence|).

The split into tuning and held-out articles is fixed (:data:`TUNE`, :data:`HELD`): tune
on the first, report the second.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.errors import InputError
from kg.eval import mapping
from kg.eval import news_align as align
from kg.eval.news_align import GoldEntity, GoldEvent, GoldRelation, NewsRecord
from kg.eval.report import table as report_table
from kg.eval.scoring import PRF, Report
from kg.ingest.jsonl import article_from_json
from kg.types import Article, ResolvedArticle, Skipped

# Drawn once, before any tuning: sorted(random.Random(2026).sample(news-dev ids, 10)).
SPLIT_SEED = 2026
TUNE = tuple(f"news-dev-{n:02d}" for n in (4, 9, 10, 11, 13, 15, 16, 17, 18, 20))
HELD = tuple(f"news-dev-{n:02d}" for n in (1, 2, 3, 5, 6, 7, 8, 12, 14, 19))
SPLITS = {"tune": TUNE, "held": HELD, "all": None}

STATUSES_OF_INTEREST = ("claimed", "hedged", "denied")  # status accuracy reported on each
TARGET_FULLY_RIGHT = 0.70


# -- reading -----------------------------------------------------------------------------


def load(path: str | Path) -> list[NewsRecord]:
    """Read a news-dev JSONL file; a line that does not fit the schema is an InputError naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"No news-dev file at {path}: give the path of news-dev.jsonl") from None
    except (UnicodeDecodeError, IsADirectoryError) as err:
        raise InputError(f"{path} is not a UTF-8 JSON lines file ({err})") from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(_record(json.loads(line)))
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{n}: not valid JSON ({err.msg} at column {err.colno})") from None
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            why = f"lacks {err}" if isinstance(err, KeyError) else str(err)
            raise InputError(f"{path}:{n}: {why} (news-dev schema: see its README)") from None
    if not records:
        raise InputError(f"{path} holds no records")
    ids = Counter(r.id for r in records)
    if dup := [i for i, k in ids.items() if k > 1]:
        raise InputError(f"{path}: id {dup[0]!r} is on more than one line")
    return records


def _strings(value, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{what} must be a list of strings")
    return tuple(value)


def _record(obj) -> NewsRecord:
    if not isinstance(obj, dict):
        raise TypeError("expected a JSON object per line")
    for key, kind in (("id", str), ("text", str), ("entities", list), ("relations", list), ("events", list)):
        if not isinstance(obj[key], kind):
            raise TypeError(f'"{key}" must be a {"string" if kind is str else "list"}')
    entities = tuple(
        GoldEntity(e["name"], e["type"], _strings(e.get("aliases", []), "entity aliases")) for e in obj["entities"]
    )
    relations = tuple(
        GoldRelation(
            r["subject"],
            r["predicate"],
            r["object"],
            r["evidence"],
            r["status"],
            optional=align.OPTIONAL_NOTE in (r.get("note") or ""),
        )
        for r in obj["relations"]
    )
    events = tuple(
        GoldEvent(
            e["type"],
            e["evidence"],
            e["status"],
            e.get("trigger", ""),
            *(_strings(e.get(role, []), f"event {role}") for role in ("agent", "target", "victim", "location")),
            time=e.get("time"),
        )
        for e in obj["events"]
    )
    names = {e.name for e in entities}
    for r in relations:
        for end in (r.subject, r.object):
            if end not in names:
                raise ValueError(f"relation end {end!r} is not an entity of the article")
    return NewsRecord(
        id=obj["id"],
        text=obj["text"],
        title=obj.get("title"),
        date=obj.get("date"),
        url=obj.get("source"),
        outlet=obj.get("outlet"),
        entities=entities,
        relations=relations,
        events=events,
    )


def select(records: list[NewsRecord], split: str = "all") -> list[NewsRecord]:
    """The records of ``split`` ("tune", "held" or "all"), matched by id, in file order."""
    if split not in SPLITS:
        raise InputError(f"Unknown split {split!r}: use one of {', '.join(SPLITS)}")
    ids = SPLITS[split]
    if ids is None:
        return list(records)
    chosen = [r for r in records if r.id in ids]
    if not chosen:
        raise InputError(f"No record has an id of the {split} split (news-dev ids): score this file with --split all")
    return chosen


def to_article(record: NewsRecord) -> Article:
    """The Article kg reads for ``record``, exactly as from a user's JSON line."""
    line = {"id": record.id, "text": record.text, "title": record.title, "published": record.date}
    line |= {"url": record.url, "source": record.outlet}
    article = article_from_json(json.dumps({k: v for k, v in line.items() if v is not None}), f"{record.id}:1")
    if isinstance(article, Skipped):
        raise InputError(f"kg cannot read record {record.id}: {article.reason}")
    return article


# -- scoring -----------------------------------------------------------------------------


@dataclass
class NewsReport:
    """Every figure of one ``kg eval news`` run (:func:`evaluate`)."""

    split: str
    articles: tuple[str, ...] = ()
    entities: align.EntityTally = field(default_factory=align.EntityTally)
    relations: align.RelationTally = field(default_factory=align.RelationTally)
    events: align.EventTally = field(default_factory=align.EventTally)

    @property
    def fully_right(self) -> float:
        """Share of emitted kg events fully right (type and every compared argument set)."""
        c = self.events.counts
        return c["fully right"] / c["emitted"] if c["emitted"] else 0.0

    @property
    def event_detection(self) -> PRF:
        """kg events matched to gold events of their family, whatever the exact type."""
        c = self.events.counts
        return PRF(c["matched"], c["emitted"] - c["matched"], c["gold"] - c["matched"])

    def calibration(self, which: str = "all") -> list[tuple[float, bool]]:
        """``(confidence, right)`` of the emitted "relations", "events" or "all"."""
        rel, ev = self.relations.calibration, self.events.calibration
        return {"relations": rel, "events": ev, "all": rel + ev}[which]

    def ece(self, which: str = "all") -> float:
        return expected_calibration_error(self.calibration(which))


def score(pairs: Iterable[tuple[NewsRecord, ResolvedArticle]], *, split: str = "all") -> NewsReport:
    """Score kg's resolved articles against their gold records (pure: no model)."""
    report = NewsReport(split)
    ids = []
    for record, ra in pairs:
        ids.append(record.id)
        entity_of = align.align_entities(record, ra)
        align.score_entities(record, ra, entity_of, report.entities)
        align.score_relations(record, ra, entity_of, report.relations)
        align.score_events(record, ra.extraction.article.text, ra, entity_of, report.events)
    report.articles = tuple(ids)
    return report


def evaluate(pipeline, records: list[NewsRecord], *, split: str = "all", min_confidence: float = 0.0) -> NewsReport:
    """Run ``pipeline`` (a :class:`kg.pipeline.Pipeline`) on the records of ``split`` and
    score the facts of confidence ``min_confidence`` or more."""
    chosen = select(records, split)
    resolved = (confident(ra, min_confidence) for ra in pipeline.resolve(to_article(r) for r in chosen))
    return score(zip(chosen, resolved), split=split)


def confident(ra: ResolvedArticle, min_confidence: float) -> ResolvedArticle:
    """``ra`` with only the relations and events of confidence ``min_confidence`` or more."""
    if min_confidence <= 0:
        return ra
    ex = ra.extraction
    ex = replace(
        ex,
        relations=tuple(r for r in ex.relations if r.confidence >= min_confidence),
        events=tuple(e for e in ex.events if e.confidence >= min_confidence),
    )
    return replace(ra, extraction=ex, relations=[r for r in ra.relations if r.confidence >= min_confidence])


# -- calibration -------------------------------------------------------------------------

BINS = 10


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float  # mean confidence in the bin (0 when empty)
    accuracy: float  # share right in the bin (0 when empty)


def reliability(pairs: Iterable[tuple[float, bool]], *, bins: int = BINS) -> list[Bin]:
    """``(confidence, right)`` pairs in ``bins`` equal-width bins over [0, 1]; 1.0 is in the last.

    >>> [(b.count, b.confidence, b.accuracy) for b in reliability([(0.9, True), (0.95, False)], bins=2)]
    [(0, 0.0, 0.0), (2, 0.925, 0.5)]
    """
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for conf, right in pairs:
        conf = min(max(float(conf), 0.0), 1.0)
        groups[min(int(conf * bins), bins - 1)].append((conf, bool(right)))
    out = []
    for k, g in enumerate(groups):
        n = len(g)
        out.append(
            Bin(
                k / bins,
                (k + 1) / bins,
                n,
                sum(c for c, _ in g) / n if n else 0.0,
                sum(r for _, r in g) / n if n else 0.0,
            )
        )
    return out


def expected_calibration_error(pairs: Iterable[tuple[float, bool]], *, bins: int = BINS) -> float:
    """The count-weighted mean of |accuracy - mean confidence| over the bins (0 is perfect).

    >>> expected_calibration_error([(0.9, True), (0.9, False)])
    0.4
    >>> expected_calibration_error([(0.25, True), (0.25, False), (0.75, True), (0.75, True)])
    0.25
    >>> expected_calibration_error([(1.0, True), (0.0, False)]), expected_calibration_error([])
    (0.0, 0.0)
    """
    table = reliability(pairs, bins=bins)
    total = sum(b.count for b in table)
    if not total:
        return 0.0
    return round(sum(b.count * abs(b.accuracy - b.confidence) for b in table) / total, 12)


# -- output ------------------------------------------------------------------------------


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def _prf(p: PRF) -> dict:
    return {"tp": p.tp, "fp": p.fp, "fn": p.fn, "precision": p.precision, "recall": p.recall, "f1": p.f1}


def _report(r: Report) -> dict:
    return {
        "micro": _prf(r.overall),
        "per_type": {t: _prf(p) for t, p in r.per_type.items()},
        "errors": dict(r.errors),
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in r.confusion.most_common()],
    }


def _status(s: align.StatusTally) -> dict:
    right, total = s.accuracy()
    out = {"accuracy": _ratio(right, total), "matched": total, "per_gold_status": {}}
    for status in sorted({g for g, _ in s.confusion}):
        r, n = s.accuracy(status)
        out["per_gold_status"][status] = {"accuracy": _ratio(r, n), "matched": n}
    out["confusion"] = [{"gold": g, "kg": k, "count": n} for (g, k), n in sorted(s.confusion.items())]
    return out


def to_json(report: NewsReport) -> dict:
    """Every figure of ``report`` as plain JSON values."""
    ev = report.events
    right, matched = report.entities.typed["right"], report.entities.typed["matched"]
    calibration = {}
    for which in ("relations", "events", "all"):
        pairs = report.calibration(which)
        calibration[which] = {
            "count": len(pairs),
            "ece": expected_calibration_error(pairs),
            "bins": [vars(b) for b in reliability(pairs)],
        }
    t = ev.time
    return {
        "split": report.split,
        "articles": list(report.articles),
        "entities": _report(report.entities.scores.report())
        | {"type_accuracy": _ratio(right, matched), "type_matched": matched},
        "relations": _report(report.relations.scores.report())
        | {"status": _status(report.relations.status), "optional": dict(report.relations.optional)},
        "events": {
            "types": _report(ev.types.report()),
            "detection": _prf(report.event_detection),
            "arguments": _report(ev.arguments.report()),
            "fully_right": {
                "share": report.fully_right,
                "right": ev.counts["fully right"],
                "emitted": ev.counts["emitted"],
            },
            "target_fully_right": TARGET_FULLY_RIGHT,
            "time": {
                "gold": t["gold"],
                "exact": _ratio(t["exact"], t["gold"]),
                "prefix": _ratio(t["prefix"], t["gold"]),
                "counts": dict(t),
            },
            "status": _status(ev.status),
            "counts": dict(ev.counts),
        },
        "calibration": calibration,
    }


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def _share(right: int, total: int) -> str:
    """ "80.0 (4 of 5)", or "- (0 of 0)"."""
    return f"{_pct(_ratio(right, total)).strip()} ({right} of {total})"


def _table(title: str, r: Report, kinds: tuple[str, ...], order: Iterable[str] = ()) -> list[str]:
    """:func:`kg.eval.report.table` with this section's own error kinds."""
    return report_table(title, r, order=order, kinds=kinds, present_only=True, confusions="confusions (gold -> kg)")


def _status_lines(what: str, s: align.StatusTally) -> list[str]:
    right, total = s.accuracy()
    parts = [f"{what} status on matched: {_share(right, total)}"]
    for status in STATUSES_OF_INTEREST:
        r, n = s.accuracy(status)
        parts.append(f"{status} {_share(r, n)}")
    confusion = ", ".join(f"{g} -> {k} {n}" for (g, k), n in sorted(s.confusion.items()))
    return ["  " + "; ".join(parts), f"  status (gold -> kg): {confusion or 'none'}"]


def text_report(report: NewsReport) -> list[str]:
    """The report as plain-text tables (percentages with one decimal)."""
    ev, c, t = report.events, report.events.counts, report.events.time
    right, matched = report.entities.typed["right"], report.entities.typed["matched"]
    lines = _table(
        "Entities (named kg entities vs gold entities, by name; per gold type, spurious per kg type)",
        report.entities.scores.report(),
        align.ENTITY_ERRORS,
        mapping.NEWS_ENTITY_TYPES,
    )
    lines += [f"  type accuracy on matched: {_share(right, matched)}"]
    lines += [""] + _table(
        "Relations (aligned ends, inverses read forwards, deduplicated)",
        report.relations.scores.report(),
        align.RELATION_ERRORS,
    )
    opt = report.relations.optional
    lines += [f"  optional gold relations: {opt['gold']} (predicted {opt['predicted']}, not counted)"]
    lines += _status_lines("relation", report.relations.status)
    lines += [""] + _table(
        "Event types (sentence overlap, one family, one to one; right only if the same type)",
        ev.types.report(),
        align.EVENT_ERRORS,
        mapping.NEWS_EVENT_TYPES,
    )
    d = report.event_detection
    lines += [
        f"  detection (family only): P {_pct(d.precision).strip()}  R {_pct(d.recall).strip()}"
        f"  F1 {_pct(d.f1).strip()}; folded casualty events {c['folded']}; "
        f"gold evidence found in part {c['evidence found in part']}, not found {c['evidence not found']}",
        "",
    ]
    lines += _table("Event arguments (matched events; role, gold entity)", ev.arguments.report(), align.ARGUMENT_ERRORS)
    lines += [f"  kg arguments with no aligned entity (ignored): {c['unaligned arguments']}", ""]
    lines += [
        f"Fully right events (right type, every compared argument set): {_share(c['fully right'], c['emitted'])}"
        f" of the emitted; target {100 * TARGET_FULLY_RIGHT:.0f}",
        f"Event time, on matched events with a gold time: exact {_share(t['exact'], t['gold'])},"
        f" prefix {_share(t['prefix'], t['gold'])}; kg gave none {t['none']};"
        f" kg dated {t['dated_anyway']} of the {t['undated']} the gold leaves undated",
    ]
    lines += _status_lines("event", ev.status)
    lines += ["", "Calibration (confidence vs right; 10 equal-width bins: count, mean confidence, accuracy)"]
    which = ("relations", "events", "all")
    tables = {w: reliability(report.calibration(w)) for w in which}
    lines.append("  bin      " + "".join(f"{w:>22}" for w in which))
    for k in range(BINS):
        cells = []
        for w in which:
            b = tables[w][k]
            cells.append(
                f"{b.count:>8}{_pct(b.confidence if b.count else None):>7}{_pct(b.accuracy if b.count else None):>7}"
            )
        lines.append(f"  {k / BINS:.1f}-{(k + 1) / BINS:.1f}  " + "".join(cells))
    lines.append("  ECE      " + "".join(f"{report.ece(w):>22.3f}" for w in which))
    return lines
