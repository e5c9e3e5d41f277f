"""Aligning kg's output on one news-dev article with its gold annotations, and scoring it.

Pure functions over kg's records (:mod:`kg.types`) and the gold records defined here:
no model, no file. The conventions they implement are written down in
:mod:`kg.eval.news`; labels are translated in :mod:`kg.eval.mapping` only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.eval import mapping
from kg.eval.scoring import MISSING, PRF, SPURIOUS, WRONG_DIRECTION, WRONG_TYPE, Report
from kg.ontology import local
from kg.types import EventMention, Relation, ResolvedArticle

WRONG_PREDICATE = "wrong predicate"
WRONG_ROLE = "wrong role"
DUPLICATE = "duplicate"
# error kinds in the order reports print them, per section
ENTITY_ERRORS = (WRONG_TYPE, DUPLICATE, MISSING, SPURIOUS)
RELATION_ERRORS = (WRONG_PREDICATE, WRONG_DIRECTION, MISSING, SPURIOUS)
EVENT_ERRORS = (WRONG_TYPE, DUPLICATE, MISSING, SPURIOUS)
ARGUMENT_ERRORS = (WRONG_ROLE, MISSING, SPURIOUS)

OPTIONAL_NOTE = "could be dropped"  # a gold relation whose note says so is optional
LITERAL = "~"  # a gold argument that is a literal from the text, not an entity
UNALIGNED = "?"  # prefix of a kg relation end with no gold entity


# -- gold records ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    evidence: str
    status: str = "asserted"
    optional: bool = False  # its note says it "could be dropped"


@dataclass(frozen=True)
class GoldEvent:
    type: str
    evidence: str
    status: str = "asserted"
    trigger: str = ""
    agent: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    victim: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    time: str | None = None

    def entities(self, role: str) -> frozenset[str]:
        """The gold entity names filling ``role`` (``~literal`` arguments left out)."""
        return frozenset(a for a in getattr(self, role) if not a.startswith(LITERAL))


@dataclass(frozen=True)
class NewsRecord:
    """One annotated article of news-dev."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    events: tuple[GoldEvent, ...] = ()


# -- names -------------------------------------------------------------------------------

# curly quotes and apostrophes, guillemets, dashes and minus -> ASCII
_ASCII = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u2033\u00ab\u00bb", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
)


def normalise(name: str) -> str:
    """A name as matched: NFKC, ASCII quotes and dashes, casefolded, no leading "the ", single spaces.

    >>> normalise("  The  Houthis’ ")
    "houthis'"
    >>> normalise("Al‑Shabaab") == normalise("al-Shabaab")
    True
    >>> normalise("Theodore")
    'theodore'
    """
    text = unicodedata.normalize("NFKC", name).translate(_ASCII).casefold()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def align_entities(record: NewsRecord, ra: ResolvedArticle) -> dict[str, str]:
    """kg entity IRI -> the gold entity name it stands for, for the entities that align.

    A kg entity aligns to the gold entity one of whose names (name or alias, normalised)
    equals the text of one of its mentions (with or without the title kg stripped) or
    its label. When several gold entities match: the one most mentions match, then one
    its label matches, then one whose own name (not an alias) matches, then the first.
    """
    gold_names: dict[str, list[int]] = defaultdict(list)
    own_name = {}
    for i, g in enumerate(record.entities):
        for n in {normalise(x) for x in (g.name, *g.aliases)}:
            gold_names[n].append(i)
        own_name[i] = normalise(g.name)
    mentions = defaultdict(list)
    for m in ra.extraction.mentions:
        iri = ra.mention_entity.get(m.id)
        if iri is not None:
            mentions[iri].append(m)
    out = {}
    for iri, entity in ra.entities.items():
        votes: Counter = Counter()
        for m in mentions.get(iri, ()):
            forms = {normalise(m.text)} | ({normalise(f"{m.title} {m.text}")} if m.title else set())
            forms |= _with_country(m, ra)
            for i in {i for f in forms for i in gold_names.get(f, ())}:
                votes[i] += 1
        label = normalise(entity.label)
        by_label = set(gold_names.get(label, ()))
        candidates = set(votes) | by_label
        if not candidates:
            continue
        forms = {normalise(m.text) for m in mentions.get(iri, ())} | {label}
        best = min(candidates, key=lambda i: (-votes[i], i not in by_label, own_name[i] not in forms, i))
        out[iri] = record.entities[best].name
    return out


def _with_country(m, ra: ResolvedArticle) -> set[str]:
    """The body's name with the state that qualifies it, as the text reads ("the Malian
    military", "Iran's army"): kg keeps the body ("military") and its country apart.

    >>> from kg.types import Article, Extraction, Mention
    >>> text = "The Malian military said."
    >>> demonym = Mention(0, 4, 10, "Malian", "State", kind="demonym")
    >>> ms = (demonym, Mention(1, 11, 19, "military", "Military", kind="body", country=0))
    >>> sorted(_with_country(ms[1], ResolvedArticle(Extraction(Article("a", text), ms, (), ()), {}, {})))
    ['malian military']
    """
    if m.kind != "body" or m.country is None:
        return set()
    c = ra.extraction.mentions[m.country]
    start, end = min(c.start, m.start), max(c.end, m.end)
    return {normalise(ra.extraction.article.text[start:end])} if end - start < 80 else set()


def named_entities(ra: ResolvedArticle) -> list[str]:
    """IRIs of the kg entities with a name, demonym or body mention (the ones scored), in order."""
    seen: dict[str, None] = {}
    for m in ra.extraction.mentions:
        iri = ra.mention_entity.get(m.id)
        if iri is not None and m.kind in mapping.NEWS_ENTITY_KINDS and iri in ra.entities:
            seen.setdefault(iri)
    return list(seen)


# -- tallies -----------------------------------------------------------------------------


@dataclass
class Tally:
    """True positives, false positives and false negatives by type, pooled over articles."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (gold type, predicted type) -> count

    def hit(self, typ: str) -> None:
        self.tp[typ] += 1

    def false_positive(self, typ: str, kind: str, gold_type: str = "-") -> None:
        """A prediction not in the gold; ``gold_type`` is the gold item it was taken for, if any."""
        self.fp[typ] += 1
        self.errors[kind] += 1
        if gold_type != typ:
            self.confusion[(gold_type, typ)] += 1

    def false_negative(self, typ: str, kind: str | None = MISSING) -> None:
        """A gold item not found; ``kind`` None when a false positive already explained it."""
        self.fn[typ] += 1
        if kind is not None:
            self.errors[kind] += 1
            self.confusion[(typ, "-")] += 1

    def report(self) -> Report:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        per = {t: PRF(self.tp[t], self.fp[t], self.fn[t]) for t in types}
        overall = sum(per.values(), PRF())
        return Report(overall, per, Counter(self.errors), Counter(self.confusion))


@dataclass
class StatusTally:
    """Gold status -> kg status on matched items."""

    confusion: Counter = field(default_factory=Counter)

    def add(self, gold: str, kg: str) -> None:
        self.confusion[(gold, kg)] += 1

    def accuracy(self, gold: str | None = None) -> tuple[int, int]:
        """``(right, total)``, over all matched items or those of one gold status."""
        pairs = [(g, k, n) for (g, k), n in self.confusion.items() if gold is None or g == gold]
        return sum(n for g, k, n in pairs if g == k), sum(n for _, _, n in pairs)


# -- entities ----------------------------------------------------------------------------


@dataclass
class EntityTally:
    scores: Tally = field(default_factory=Tally)
    typed: Counter = field(default_factory=Counter)  # "right" / "matched": type accuracy on matched


def score_entities(record: NewsRecord, ra: ResolvedArticle, align: dict[str, str], into: EntityTally) -> None:
    """Named kg entities vs gold entities by name; the type is scored apart, on matched ones.

    Two kg entities aligned to one gold entity: the one with more mentions is the
    match, the other a *duplicate* (a false positive).
    """
    gold_type = {g.name: g.type for g in record.entities}
    by_gold = defaultdict(list)
    t = into.scores
    for iri in named_entities(ra):
        kg_type = local(ra.entities[iri].cls)
        if iri in align:
            by_gold[align[iri]].append(iri)
        else:
            t.false_positive(kg_type, SPURIOUS)
    weight = Counter(ra.mention_entity.values())
    for name, iris in by_gold.items():
        first, *others = sorted(iris, key=lambda i: -weight[i])
        t.hit(gold_type[name])
        into.typed["matched"] += 1
        kg_type = local(ra.entities[first].cls)
        if kg_type == gold_type[name]:
            into.typed["right"] += 1
        else:
            t.errors[WRONG_TYPE] += 1
            t.confusion[(gold_type[name], kg_type)] += 1
        for iri in others:
            t.false_positive(local(ra.entities[iri].cls), DUPLICATE, gold_type[name])  # a split entity
    for g in record.entities:
        if g.name not in by_gold:
            t.false_negative(g.type)


# -- relations ---------------------------------------------------------------------------


@dataclass
class RelationTally:
    scores: Tally = field(default_factory=Tally)
    status: StatusTally = field(default_factory=StatusTally)
    optional: Counter = field(default_factory=Counter)  # "gold" / "predicted"
    calibration: list[tuple[float, bool]] = field(default_factory=list)


def kg_triples(ra: ResolvedArticle, align: dict[str, str]) -> dict[tuple[str, str, str], tuple[float, str]]:
    """kg's relations of one article as scored triples -> (highest confidence, its status).

    An end with no aligned gold entity is ``"?"`` + its entity IRI (or mention id).
    """
    out: dict[tuple[str, str, str], tuple[float, str]] = {}
    for r in stated(ra):
        key = relation_key(r, ra, align)
        if key not in out or r.confidence > out[key][0]:
            out[key] = (r.confidence, r.status)
    return out


def stated(ra: ResolvedArticle) -> list[Relation]:
    """The relations the graph states: both ends are entities, and not the same one (a
    relation to a mention left unresolved, "the group", is not written, so not scored)."""
    ends = ra.mention_entity
    return [
        r
        for r in (*ra.extraction.relations, *ra.relations)
        if ends.get(r.subject) and ends.get(r.object) and ends[r.subject] != ends[r.object]
    ]


def relation_key(r: Relation, ra: ResolvedArticle, align: dict[str, str]) -> tuple[str, str, str]:
    """The scored triple of one kg relation: its ends as gold names (``"?"`` + IRI when
    unaligned), inverse and symmetric predicates normalised."""
    ends = []
    for mid in (r.subject, r.object):
        iri = ra.mention_entity.get(mid)
        ends.append(align.get(iri) if iri in align else f"{UNALIGNED}{iri or mid}")
    return mapping.news_triple(ends[0], r.predicate, ends[1])


def _status_at(ra: ResolvedArticle, align: dict[str, str], key: tuple[str, str, str], g: GoldRelation) -> str | None:
    """The status kg gives ``key`` in the gold's evidence sentence (the most confident
    such fact), or None when kg states it only elsewhere: a status belongs to a statement,
    and the same triple may be asserted in one sentence and claimed in another."""
    span = evidence_span(ra.extraction.article.text, g.evidence)
    here = [
        r
        for r in stated(ra)
        if _overlaps([(r.sentence.start, r.sentence.end)], span) and relation_key(r, ra, align) == key
    ]
    return max(here, key=lambda r: r.confidence).status if here else None


def gold_relation_keys(record: NewsRecord) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """The gold triples of ``record``, normalised as :func:`relation_key`: required, optional."""
    required = {mapping.news_triple(g.subject, g.predicate, g.object) for g in record.relations if not g.optional}
    optional = {mapping.news_triple(g.subject, g.predicate, g.object) for g in record.relations if g.optional}
    return required, optional - required


def score_relations(record: NewsRecord, ra: ResolvedArticle, align: dict[str, str], into: RelationTally) -> None:
    """kg's triples vs the gold's, both normalised (inverses, symmetric order) and deduplicated."""
    gold: dict[tuple, GoldRelation] = {}
    optional = set()
    for g in record.relations:
        key = mapping.news_triple(g.subject, g.predicate, g.object)
        if g.optional:
            optional.add(key)
        else:
            gold.setdefault(key, g)
    optional -= set(gold)
    into.optional["gold"] += len(optional)
    t = into.scores
    explained = set()
    predicted = kg_triples(ra, align)
    for key, (confidence, status) in predicted.items():
        s, p, o = key
        if key in optional:
            into.optional["predicted"] += 1
            continue
        into.calibration.append((confidence, key in gold))
        if key in gold:
            t.hit(p)
            into.status.add(gold[key].status, _status_at(ra, align, key, gold[key]) or status)
            continue
        same_pair = [k for k in gold if k not in explained and {k[0], k[2]} == {s, o} and k[1] != p]
        same_pair = [k for k in same_pair if (k[0], k[2]) == (s, o)] or same_pair
        if s.startswith(UNALIGNED) or o.startswith(UNALIGNED):
            t.false_positive(p, SPURIOUS)
        elif (o, p, s) in gold and (o, p, s) not in explained:
            t.false_positive(p, WRONG_DIRECTION, p)
            explained.add((o, p, s))
        elif same_pair:
            t.false_positive(p, WRONG_PREDICATE, same_pair[0][1])
            explained.add(same_pair[0])
        else:
            t.false_positive(p, SPURIOUS)
    for key in gold:
        if key not in predicted:
            t.false_negative(key[1], None if key in explained else MISSING)


# -- events ------------------------------------------------------------------------------


@dataclass
class KgEvent:
    """One kg event as the graph holds it: the event mentions that share a local id."""

    id: str
    type: str  # news-dev type
    sentences: tuple[tuple[int, int], ...]
    args: dict[str, set[str]]  # role -> aligned gold entity names
    unaligned: int  # arguments (of compared roles) naming no aligned entity
    time: str | None
    confidence: float
    status: str
    unaligned_victims: int = 0  # of ``unaligned``: what folding hands on to an attack
    folded: int = 0  # casualty events folded into this one


def kg_events(ra: ResolvedArticle, align: dict[str, str]) -> tuple[list[KgEvent], int]:
    """The scored kg events of one article, and how many casualty events were folded into attacks.

    Event mentions sharing an id are one event (type, confidence and status of the first,
    arguments pooled), as :mod:`kg.rdf.build` writes them. A Killing or Injury with a
    ``during`` argument naming an attack-family event is not scored: its victims are the
    attack's.
    """
    groups: dict[str, list[EventMention]] = defaultdict(list)
    for ev in ra.extraction.events:
        groups[ev.id].append(ev)
    types = {i: mapping.news_event_type(evs[0].cls) for i, evs in groups.items()}
    attacks = {i for i, t in types.items() if mapping.news_event_family(t) == "attack"}
    events = {i: _kg_event(i, types[i], evs, ra, align) for i, evs in groups.items()}
    folded = 0
    for i, evs in groups.items():
        if types[i] not in ("Killing", "Injury"):
            continue
        into = next((a.event for ev in evs for a in ev.arguments if local(a.role) == "during" and a.event), None)
        if into in attacks and into != i:
            attack, casualty = events[into], events.pop(i)
            attack.args["victim"] |= casualty.args["victim"]
            attack.unaligned += casualty.unaligned_victims
            attack.folded += 1
            folded += 1
    return list(events.values()), folded


def _kg_event(i: str, typ: str, evs: list[EventMention], ra: ResolvedArticle, align: dict[str, str]) -> KgEvent:
    args: dict[str, set[str]] = {r: set() for r in mapping.NEWS_ROLES}
    unaligned: Counter = Counter()
    time = None
    for ev in evs:
        for a in ev.arguments:
            role = local(a.role)
            if role == "time" and a.value and time is None:
                time = a.value
            if role not in args or a.mention is None:
                continue
            iri = ra.mention_entity.get(a.mention)
            if iri in align:
                args[role].add(align[iri])
            else:
                unaligned[role] += 1
    first = evs[0]
    return KgEvent(
        id=i,
        type=typ,
        sentences=tuple(dict.fromkeys((ev.sentence.start, ev.sentence.end) for ev in evs)),
        args=args,
        unaligned=sum(unaligned.values()),
        time=time,
        confidence=first.confidence,
        status=first.status,
        unaligned_victims=unaligned["victim"],
    )


@dataclass
class EventTally:
    types: Tally = field(default_factory=Tally)
    arguments: Tally = field(default_factory=Tally)
    status: StatusTally = field(default_factory=StatusTally)
    counts: Counter = field(default_factory=Counter)  # emitted, fully right, matched, folded, ...
    time: Counter = field(default_factory=Counter)  # gold, exact, prefix, none
    calibration: list[tuple[float, bool]] = field(default_factory=list)


def evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the gold evidence is in the text kg read: verbatim, else the longest part found.

    kg's reader may drop page furniture the gold text keeps (a dateline such as "BEIRUT,
    June 12 (Reuters) -", a byline): then the evidence is found without its first words
    (or its last), keeping at least half of them.

    >>> evidence_span("Gunmen attacked a base.", "KABUL (AP) - Gunmen attacked a base.")
    (0, 23)
    >>> evidence_span("Gunmen attacked a base.", "Police said nothing.") is None
    True
    """
    words = evidence.split()
    keep = max(1, (len(words) + 1) // 2)
    for cut in range(len(words) - keep + 1):
        for part in {" ".join(words[cut:]), " ".join(words[: len(words) - cut])}:
            pattern = r"\s+".join(re.escape(w) for w in part.split())
            if m := re.search(pattern, text):
                return m.start(), m.end()
    return None


_family = mapping.news_event_family


def _overlaps(spans: Iterable[tuple[int, int]], span: tuple[int, int] | None) -> bool:
    return span is not None and any(s < span[1] and span[0] < e for s, e in spans)


def _agreement(e: KgEvent, g: GoldEvent) -> int:
    return sum(len(e.args[r] & g.entities(r)) for r in mapping.NEWS_ROLES)


def fully_right(e: KgEvent, g: GoldEvent | None) -> bool:
    """The right type and, in every compared role, exactly the gold's entities."""
    return g is not None and e.type == g.type and all(e.args[r] == g.entities(r) for r in mapping.NEWS_ROLES)


def time_match(kg: str | None, gold: str) -> tuple[bool, bool]:
    """``(exact, prefix)``: the same value; the same at the coarser of the two precisions.

    >>> time_match("2024-06", "2024-06-11"), time_match("2024-06-11", "2024-06-11")
    ((False, True), (True, True))
    >>> time_match("2024-05", "2024-06-11"), time_match(None, "2024")
    ((False, False), (False, False))
    """
    if not kg:
        return False, False
    n = min(len(kg), len(gold))
    return kg == gold, kg[:n] == gold[:n]


def match_events(events: list[KgEvent], gold: list[GoldEvent], spans: list) -> dict[int, int]:
    """kg event index -> gold event index, one to one.

    A pair is possible when the kg event's sentence overlaps the gold evidence and their
    types are of one family; pairs are taken greedily, most shared arguments first, then
    the same type, then in text order.
    """
    pairs = []
    for j, e in enumerate(events):
        for i, g in enumerate(gold):
            if _family(e.type) == _family(g.type) and _overlaps(e.sentences, spans[i]):
                pairs.append((-_agreement(e, g), e.type != g.type, i, j))
    taken_gold, out = set(), {}
    for _, _, i, j in sorted(pairs):
        if i not in taken_gold and j not in out:
            taken_gold.add(i)
            out[j] = i
    return out


def score_events(record: NewsRecord, text: str, ra: ResolvedArticle, align: dict[str, str], into: EventTally) -> None:
    """kg's scored events vs the gold events of one article (see :func:`match_events`)."""
    events, folded = kg_events(ra, align)
    gold = list(record.events)
    spans = [evidence_span(text, g.evidence) for g in gold]
    c = into.counts
    c["folded"] += folded
    c["gold"] += len(gold)
    c["evidence not found"] += sum(s is None for s in spans)
    c["evidence found in part"] += sum(s is not None and g.evidence not in text for s, g in zip(spans, gold))
    matched = match_events(events, gold, spans)
    explained = set()
    for j, e in enumerate(events):
        c["emitted"] += 1
        c["unaligned arguments"] += e.unaligned
        g = gold[matched[j]] if j in matched else None
        right = fully_right(e, g)
        c["fully right"] += right
        into.calibration.append((e.confidence, right))
        if g is None:
            # every gold event it could align to is taken (a duplicate), else another
            # family's gold event in its sentence (a wrong type), else nothing (spurious)
            near = [i for i, span in enumerate(spans) if _overlaps(e.sentences, span)]
            free = [i for i in near if i not in matched.values() and i not in explained]
            if any(_family(gold[i].type) == _family(e.type) for i in near):
                into.types.false_positive(e.type, DUPLICATE)
            elif free:
                into.types.false_positive(e.type, WRONG_TYPE, gold[free[0]].type)
                explained.add(free[0])
            else:
                into.types.false_positive(e.type, SPURIOUS)
            continue
        c["matched"] += 1
        if e.type == g.type:
            into.types.hit(g.type)
        else:
            into.types.false_positive(e.type, WRONG_TYPE, g.type)
            explained.add(matched[j])
        _score_arguments(e, g, into.arguments)
        into.status.add(g.status, e.status)
        if g.time:
            exact, prefix = time_match(e.time, g.time)
            into.time.update(gold=1, exact=int(exact), prefix=int(prefix), none=int(e.time is None))
        else:
            into.time.update(undated=1, dated_anyway=int(e.time is not None))  # a date the text does not fix
    right_type = {i for j, i in matched.items() if events[j].type == gold[i].type}
    for i, g in enumerate(gold):
        if i not in right_type:
            into.types.false_negative(g.type, None if i in explained else MISSING)


def _score_arguments(e: KgEvent, g: GoldEvent, t: Tally) -> None:
    """(role, entity) pairs of one matched event; an entity in another gold role is a *wrong role*."""
    kg_pairs = {(r, x) for r in mapping.NEWS_ROLES for x in e.args[r]}
    gold_pairs = {(r, x) for r in mapping.NEWS_ROLES for x in g.entities(r)}
    explained = set()
    for r, x in sorted(kg_pairs):
        if (r, x) in gold_pairs:
            t.hit(r)
            continue
        other = [(gr, gx) for gr, gx in sorted(gold_pairs - kg_pairs) if gx == x and (gr, gx) not in explained]
        if other:
            t.false_positive(r, WRONG_ROLE, other[0][0])
            explained.add(other[0])
        else:
            t.false_positive(r, SPURIOUS)
    for r, x in sorted(gold_pairs - kg_pairs):
        t.false_negative(r, None if (r, x) in explained else MISSING)
