"""Frozen records passed between the pipeline stages.

Offsets are always character offsets into ``Article.text`` (the text as kg read it,
after page furniture was removed), so ``article.text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# A lone UTF-16 surrogate (a JSON \ud800 escape with no partner, or a file name that is
# not UTF-8) is a str Python holds but no UTF-8 file, spaCy string store or RDF literal
# can; each becomes U+FFFD, one for one, so offsets into the text stay as they were.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid(value):
    """``value`` with each lone surrogate replaced; the same object when it has none."""
    if not isinstance(value, str) or not _LONE_SURROGATE.search(value):
        return value
    return _LONE_SURROGATE.sub("\ufffd", value)


def _replace_surrogates(record: object, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(record, name)
        if (fixed := _valid(value)) is not value:
            object.__setattr__(record, name, fixed)


@dataclass(frozen=True)
class Article:
    """One news article as read by ``kg.ingest``."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file path, "stdin", or "file.jsonl:LINE"
    metadata: tuple[tuple[str, str], ...] = ()  # anything else the reader kept

    def __post_init__(self) -> None:
        _replace_surrogates(self, ("id", "text", "title", "url", "source", "origin"))
        metadata = tuple((_valid(k), _valid(v)) for k, v in self.metadata)
        if metadata != self.metadata:
            object.__setattr__(self, "metadata", metadata)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read; reported, never silently dropped."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        _replace_surrogates(self, ("origin", "reason"))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an actor or place.

    ``kind`` is ``"name"`` (a proper name), ``"pronoun"`` (it, its, he, we),
    ``"nominal"`` (the group, the militia), or ``"description"`` (two soldiers, the
    bomber: an event participant that is never made an entity). ``cls`` is the ontology class IRI the
    extractor chose; ``link`` is a gazetteer IRI when the name is a known actor.
    """

    id: int
    start: int
    end: int
    text: str
    cls: str
    kind: str = "name"
    sent: int = 0
    link: str | None = None
    role: str = ""  # grammatical role used for salience: subj, obj, pobj, poss, embedded, mod, other
    title: str | None = None  # "President", "Gen", "Mr" stripped from the name
    country: int | None = None  # mention id of a state this body belongs to (Iraq's military)
    speaker: int | None = None  # for "we"/"our" inside a quote: the mention id of the speaker
    # what chose ``cls``: "gazetteer", "cue" (syntax, name words), "model", or "metonym" (a
    # capital standing for its state: "Moscow accused Kyiv"; linked to the state)
    typed_by: str = "model"
    not_coref: tuple[int, ...] = ()  # mentions this one cannot refer to (the subject of its own verb)


# How the text presents a fact: in the outlet's own voice, attributed to a party, hedged
# ("reportedly", "suspected"), denied by a party, or said not to have happened.
STATUSES = ("asserted", "claimed", "hedged", "denied", "negated")
# ``Relation.extractor`` of the trained relation classifier (kg.learn.relations), whose
# choices rest on the kinds of its two ends
CLASSIFIER_EXTRACTOR = "relation-classifier"


@dataclass(frozen=True)
class Relation:
    """A binary fact between two mentions, with its evidence."""

    predicate: str
    subject: int
    object: int
    sentence: Span
    confidence: float
    extractor: str
    status: str = "asserted"  # one of STATUSES
    source: int | None = None  # mention id of the party that claims or denies it
    former: bool = False  # the text says it no longer held ("former leader")
    since: tuple[str, str] | None = None  # (lexical value, XSD datatype IRI): "since 2019"
    until: tuple[str, str] | None = None  # the same: "until last year"


@dataclass(frozen=True)
class Argument:
    role: str
    mention: int | None = None  # a mention id, or None for a literal argument
    event: str | None = None  # another event's local id (a killing during a strike)
    value: str | None = None  # literal value (time, designation label)
    datatype: str | None = None  # XSD datatype IRI of ``value``
    span: Span | None = None  # the text the literal came from


@dataclass(frozen=True)
class EventMention:
    """An event (attack, killing, designation, ...) anchored on a trigger word."""

    id: str  # local to the article, e.g. "e3"
    cls: str
    trigger: Span
    arguments: tuple[Argument, ...]
    sentence: Span
    confidence: float
    extractor: str
    status: str = "asserted"  # one of STATUSES
    source: int | None = None  # mention id of the party that claims or denies it


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, before cross-article resolution."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    events: tuple[EventMention, ...]
    sentences: tuple[Span, ...] = ()  # sentence i is Mention.sent == i


@dataclass(frozen=True)
class Entity:
    """A resolved actor or place: one IRI, however many names it goes by.

    ``kg.resolve`` gives ``aliases``, ``articles`` and ``titles`` sorted, without repeats.
    """

    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    articles: tuple[str, ...] = ()  # article ids
    country: str | None = None  # IRI of the state a government body belongs to
    titles: tuple[str, ...] = ()  # "President", "Gen", "Mr"


@dataclass(frozen=True)
class GazetteerEntry:
    """A well-known actor or place from a gazetteer file (``ontologies/gazetteer.ttl``)."""

    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    demonyms: tuple[str, ...] = ()
    country: str | None = None  # IRI: affiliatedWithCountry / locatedIn
    capital_of: str | None = None  # IRI of the state whose national capital this city is


@dataclass
class ResolvedArticle:
    """One article's mentions mapped to entity IRIs, plus facts resolution itself found."""

    extraction: Extraction
    mention_entity: dict[int, str]
    entities: dict[str, Entity]
    relations: list[Relation] = field(default_factory=list)  # e.g. a body's country from context
