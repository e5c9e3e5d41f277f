"""Clustering one article's mentions into entities, and merging entities across articles.

Within an article, mentions join when they share a gazetteer link, the same name, a
defined acronym, an alias given on the spot ("X, also known as Y"), or a surname
("Mr Kirby" -> "John Kirby"); then pronouns and nominals
join their antecedents (:mod:`kg.resolve.coref`) and "we" joins the speaker's
organisation (the rules are in :mod:`kg.resolve.rules`). Each entity's IRI comes from
its canonical label through :func:`kg.ontology.entity_iri`, so the same actor gets the
same IRI in every article and every run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from kg.nlp.lexicon import TITLES
from kg.nlp.spelling import name_key, variant_eligible, variant_key
from kg.ontology import PLACES, entity_iri, local, normalize_label, term
from kg.resolve import rules
from kg.resolve.clusters import ANCHOR_KINDS, ArticleClusters, vote_class
from kg.types import CLASSIFIER_EXTRACTOR, Entity, Extraction, GazetteerEntry, Mention, Relation, ResolvedArticle

AFFILIATED_WITH_COUNTRY = term("affiliatedWithCountry")
PERSON = term("Person")
# confidence of a body's state found by resolution: named in the body's sentence, or before
SAME_SENTENCE, EARLIER_SENTENCE = 0.8, 0.6


def resolve_article(ex: Extraction, gazetteer: dict[str, GazetteerEntry]) -> ResolvedArticle:
    """Entities of one article; ``gazetteer`` maps IRI -> entry."""
    art = ArticleClusters(ex)
    rules.link_same_key(art)
    rules.link_acronyms(art)
    rules.link_aliases(art)
    rules.link_surnames(art)
    # bodies first, on the names alone: "the Foreign Ministry" belongs to the most
    # salient state before it
    body_state = rules.body_states(art)
    rules.link_anaphora(art)
    rules.link_we_to_speaker(art)
    root_iri, drafts = _EntityNamer(art, gazetteer, body_state).name_all()
    mention_entity = map_mentions(art, root_iri)
    relations = state_relations(art, body_state, mention_entity)
    entities = {iri: draft.freeze() for iri, draft in drafts.items()}
    by_id = {m.id: m for m in ex.mentions}
    kept = tuple(r for r in ex.relations if _kinds_hold(r, by_id, mention_entity, entities))
    if len(kept) != len(ex.relations):
        ex = replace(ex, relations=kept)
    return ResolvedArticle(ex, mention_entity, entities, relations)


def _kinds_hold(
    r: Relation, by_id: dict[int, Mention], mention_entity: dict[int, str], entities: dict[str, Entity]
) -> bool:
    """Whether a relation the classifier chose for its ends' kinds (a person, a group, a
    place) still fits once they are resolved: "Elliott's Body Shop" read as a place
    "Elliott" is the person Eldon Elliott, who is nobody's home."""
    if r.extractor != CLASSIFIER_EXTRACTOR:
        return True
    for mid in (r.subject, r.object):
        entity = entities.get(mention_entity.get(mid, ""))
        if entity is None or mid not in by_id:
            continue
        kinds = {_kind(by_id[mid].cls), _kind(entity.cls)}
        if len(kinds) > 1 and "state" not in kinds:
            return False
    return True


def _kind(cls: str) -> str:
    name = local(cls)
    if name == "Person":
        return "person"
    if name == "State":
        return "state"  # an actor and a place: fits either
    return "place" if name in PLACES else "group"


# -- naming the clusters ---------------------------------------------------------------


@dataclass
class _Draft:
    """An entity while its article's mentions still add names to it."""

    iri: str
    label: str
    cls: str
    wikidata: str | None
    country: str | None
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    def freeze(self) -> Entity:
        return Entity(
            iri=self.iri,
            label=self.label,
            cls=self.cls,
            aliases=_sorted(self.aliases),
            wikidata=self.wikidata,
            articles=_sorted(self.articles),
            country=self.country,
            titles=_sorted(self.titles),
        )


class _EntityNamer:
    """Gives each cluster with a name its entity; states before the bodies named after them."""

    def __init__(self, art: ArticleClusters, gazetteer: dict[str, GazetteerEntry], body_state: dict[int, int]) -> None:
        self.art, self.gazetteer, self.body_state = art, gazetteer, body_state
        self.root_iri: dict[int, str] = {}
        self.drafts: dict[str, _Draft] = {}

    def name_all(self) -> tuple[dict[int, str], dict[str, _Draft]]:
        """Cluster id -> entity IRI, and the entities by IRI."""
        for cid, members in states_first(self.art):
            anchored = [m for m in members if m.kind in ANCHOR_KINDS]
            if anchored:
                self.root_iri[cid] = self.add(anchored)
        return self.root_iri, self.drafts

    def add(self, anchored: list[Mention]) -> str:
        """The IRI of the entity the named mentions ``anchored`` of one cluster stand for."""
        entry = gazetteer_entry(anchored, self.gazetteer)
        state = self.state_of(anchored, entry)
        country = self.root_iri.get(state) if state is not None else None
        country_label = self.drafts[country].label if country is not None else None
        label = canonical_label(anchored, entry, state is not None, country_label)
        iri = mint_iri(label, entry)
        draft = self.drafts.get(iri)
        if draft is None:
            draft = self.drafts[iri] = _Draft(
                iri, label, canonical_class(anchored, entry), entry.wikidata if entry else None, country
            )
        draft.articles.add(self.art.ex.article.id)
        add_names(draft, anchored, label, self.art.ex.article.text)
        return iri

    def state_of(self, anchored: list[Mention], entry: GazetteerEntry | None) -> int | None:
        """Cluster id of the state a body among ``anchored`` belongs to (none for a known actor)."""
        if entry is not None:
            return None
        first = next((m.id for m in anchored if m.id in self.body_state), None)
        return self.art.find(self.body_state[first]) if first is not None else None


def states_first(art: ArticleClusters) -> list[tuple[int, list[Mention]]]:
    """The clusters in text order, those holding a government body last."""
    has_body = {art.find(m.id) for m in art.mentions if m.kind == "body"}
    return sorted(art.groups().items(), key=lambda item: item[0] in has_body)


def gazetteer_entry(anchored: list[Mention], gazetteer: dict[str, GazetteerEntry]) -> GazetteerEntry | None:
    """The gazetteer entry of the first mention with a link."""
    link = next((m.link for m in anchored if m.link), None)
    return gazetteer.get(link) if link else None


def canonical_label(
    anchored: list[Mention], entry: GazetteerEntry | None, of_state: bool, country_label: str | None
) -> str:
    """The gazetteer's label; a body's name after its state ("Foreign Ministry of Iran")
    when ``of_state``; else the longest name, the first of equals."""
    if entry is not None:
        label = entry.label
    elif of_state:
        body = next(m for m in anchored if m.kind == "body")
        label = _title(body.text) if country_label is None else f"{_title(body.text)} of {country_label}"
    else:
        names = [m for m in anchored if m.kind == "name"] or anchored
        label = max(names, key=lambda m: (len(m.text), -m.start)).text
    return normalize_label(label) or label


def canonical_class(anchored: list[Mention], entry: GazetteerEntry | None) -> str:
    """The gazetteer's class, else the class the mentions' strongest evidence gives."""
    return entry.cls if entry is not None else vote_class(anchored)


def mint_iri(label: str, entry: GazetteerEntry | None) -> str:
    """The gazetteer's IRI, else one minted from the canonical label."""
    return entry.iri if entry is not None else entity_iri(label)


def add_names(draft: _Draft, anchored: list[Mention], label: str, text: str = "") -> None:
    """The other names the article gives the entity, with formal titles as ``text`` (the
    article) writes them before the name ("President Biden", "Brig. Gen. Yahya Saree");
    a role ("leader", "chief ministry spokesperson") or a title in apposition ("X, the
    commander of ...") is a title, but makes no name."""
    for m in anchored:
        if (m.kind == "name" or (m.kind == "body" and not m.text.islower())) and m.text != label:
            draft.aliases.add(m.text)
        if m.title:
            if formal_title(m.title) and text[max(0, m.start - len(m.title) - 1) : m.start] == m.title + " ":
                draft.aliases.add(f"{m.title} {m.text}")
            draft.titles.add(m.title)


def formal_title(title: str) -> bool:
    """A title whose head is a formal one: "Brig. Gen.", "Secretary of State", "Foreign
    Minister", "governor"; not a role such as "military spokesman".

    >>> formal_title("Secretary of State"), formal_title("Brig. Gen."), formal_title("chief spokesperson")
    (True, True, False)
    """
    words = title.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower().rstrip(".") in TITLES


def map_mentions(art: ArticleClusters, root_iri: dict[int, str]) -> dict[int, str]:
    """Mention id -> entity IRI, for every mention in a named cluster."""
    out = {}
    for m in art.mentions:
        root = art.find(m.id)
        if root in root_iri:
            out[m.id] = root_iri[root]
    return out


# -- facts resolution finds ------------------------------------------------------------


def state_relations(art: ArticleClusters, body_state: dict[int, int], mention_entity: dict[int, str]) -> list[Relation]:
    """A body's state is a fact of the article: body affiliatedWithCountry state."""
    out = []
    for body_id, state_cid in body_state.items():
        if body_id in mention_entity:
            relation = state_relation(art, art.by_id[body_id], state_cid)
            if relation is not None:
                out.append(relation)
    return out


def state_relation(art: ArticleClusters, body: Mention, state_cid: int) -> Relation | None:
    """The relation from ``body`` to the last mention of its state before it, if any."""
    earlier = [m for m in art.members(state_cid) if m.start < body.start]
    sentences = art.ex.sentences
    if not earlier or body.sent >= len(sentences):
        return None
    state = max(earlier, key=lambda m: m.start)
    confidence = SAME_SENTENCE if state.sent == body.sent else EARLIER_SENTENCE
    return Relation(
        AFFILIATED_WITH_COUNTRY, body.id, state.id, sentences[body.sent], confidence, "discourse-resolution"
    )


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def _sorted(values) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


# -- across articles -------------------------------------------------------------------


class EntityTable:
    """All entities of a build, merged by IRI across articles.

    A person known only by a short form in some article ("Saree", "Sami al-Hamdi")
    joins the one full name elsewhere that ends so ("Yahya Saree"); when no full name,
    or more than one, ends so, the short form stays an entity of its own. The join is
    worked out from all the articles added so far, so their order does not matter.
    """

    def __init__(self) -> None:
        self._by_iri: dict[str, Entity] = {}
        self._votes: dict[str, Counter] = defaultdict(Counter)
        self._joined: dict[str, Entity] | None = None

    def add(self, resolved: ResolvedArticle) -> None:
        for iri, ent in resolved.entities.items():
            self._votes[iri][ent.cls] += 1
            self._by_iri[iri] = self._merge(iri, self._by_iri.get(iri), ent)
        self._joined = None

    @property
    def entities(self) -> dict[str, Entity]:
        """The entities by IRI, short forms joined to their full names."""
        if self._joined is None:
            joined = dict(self._by_iri)
            for short, full in short_forms(self._by_iri).items():
                joined[full] = self._merge(full, joined[full], joined.pop(short), vote=False)
            self._joined = joined
        return self._joined

    def canonical(self, iri: str) -> str:
        """The IRI the entity ``iri`` is listed under (its full name's, for a short form)."""
        return short_forms(self._by_iri).get(iri, iri)

    def _merge(self, iri: str, have: Entity | None, ent: Entity, *, vote: bool = True) -> Entity:
        """``have`` with ``ent``'s names and articles; the class most articles give,
        unless ``ent`` has a Wikidata link. Titles are not merged (they never were)."""
        if have is None:
            have = replace(ent, iri=iri, aliases=(), articles=(), titles=())
        names = ent.aliases if ent.label == have.label else (*ent.aliases, ent.label)
        merged = replace(
            have,
            aliases=_sorted(have.aliases + names),
            articles=_sorted(have.articles + ent.articles),
            country=have.country or ent.country,
        )
        if ent.wikidata:
            return replace(merged, wikidata=ent.wikidata)
        return replace(merged, cls=self._votes[iri].most_common(1)[0][0]) if vote else merged


def short_forms(entities: dict[str, Entity]) -> dict[str, str]:
    """IRI of each person named by a short form -> IRI of the one full name ending so.

    A short form is the last word of a full name ("Saree", "Tamimi" of "Abd
    al-Karim al-Tamimi"), or its last words ("Sami al-Hamdi"); neither has a
    Wikidata link (a gazetteer entry is known by its own names).
    """
    people = [e for e in entities.values() if e.cls == PERSON and not e.wikidata]
    full_names = [(e.iri, name_key(e.label).split()) for e in people if len(e.label.split()) > 1]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for iri, words in full_names:
        by_surname[rules.surname_key(" ".join(words))].add(iri)
    out = {}
    for e in people:
        words = name_key(e.label).split()
        if len(words) == 1:
            found = by_surname.get(rules.surname_key(e.label), set())
        else:
            found = {iri for iri, full in full_names if len(full) > len(words) and full[-len(words) :] == words}
        found.discard(e.iri)
        if len(found) == 1:
            out[e.iri] = next(iter(found))
    return out


def spelling_variants(entities: dict[str, Entity]) -> dict[str, str]:
    """IRI of each actor written in another transliteration of a name -> the IRI of the
    spelling most articles use ("Qassem Farahani", "Qasem Farahani", "Qasim Farahani"
    are one man).

    Two actors are one only when they have the same class, no different Wikidata links,
    and the same transliteration key (:func:`kg.nlp.spelling.variant_key`) on a name
    long enough for a chance clash to be rare (:func:`variant_eligible`).
    """
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in entities.values():
        if variant_eligible(e.label.split()):
            groups[(e.cls, variant_key(e.label))].append(e)
    out = {}
    for members in groups.values():
        if len(members) < 2 or len({e.wikidata for e in members if e.wikidata}) > 1:
            continue
        best = min(members, key=lambda e: (not e.wikidata, -len(e.articles), e.label, e.iri))
        out.update({e.iri: best.iri for e in members if e.iri != best.iri})
    return out
