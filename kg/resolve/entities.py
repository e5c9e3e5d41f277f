"""Clustering one article's mentions into entities, and merging entities across articles.

Within an article, mentions join when they share a gazetteer link, the same name, a
defined acronym, or a surname ("Mr Kirby" -> "John Kirby"); then pronouns and nominals
join their antecedents (:mod:`kg.resolve.coref`). Each entity's IRI comes from its
canonical label through :func:`kg.rdf.iri.entity_iri`, so the same actor gets the same
IRI in every article and every run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.rdf.iri import entity_iri, normalize_label
from kg.resolve import coref
from kg.resolve.acronyms import defined_acronyms
from kg.types import Entity, Extraction, GazetteerEntry, Mention, Relation

ONT = "https://w3id.org/kg-news/ontology#"
STRENGTH = {"gazetteer": 3, "cue": 2, "model": 1}
_ROLE_PREDICATES = {ONT + p for p in ("spokespersonFor", "leaderOf", "memberOf", "worksFor")}


class _Clusters:
    def __init__(self, mentions):
        self.parent = {m.id: m.id for m in mentions}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class ResolvedArticle:
    """One article's mentions mapped to entity IRIs, plus facts resolution itself found."""

    extraction: Extraction
    mention_entity: dict[int, str]
    entities: dict[str, Entity]
    relations: list[Relation] = field(default_factory=list)  # e.g. a body's country from context


def resolve_article(ex: Extraction, gazetteer: dict[str, GazetteerEntry]) -> ResolvedArticle:
    """Entities of one article; ``gazetteer`` maps IRI -> entry."""
    mentions = list(ex.mentions)
    by_id = {m.id: m for m in mentions}
    clusters = _Clusters(mentions)
    names = [m for m in mentions if m.kind in ("name", "demonym")]

    by_key: dict[str, int] = {}
    for m in names:
        key = m.link or "text:" + m.text.lower()
        if key in by_key:
            clusters.union(by_key[key], m.id)
        else:
            by_key[key] = m.id
        if m.link:
            text_key = "text:" + m.text.lower()
            if text_key in by_key:
                clusters.union(by_key[text_key], m.id)
            by_key.setdefault(text_key, m.id)
    for short, long in defined_acronyms(ex.article.text, mentions).items():
        clusters.union(short, long)
    _surnames(names, clusters)

    def groups() -> dict[int, list[Mention]]:
        out: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.kind in ("name", "demonym", "body") or clusters.find(m.id) != m.id:
                out[clusters.find(m.id)].append(m)
        return out

    def class_of_now():
        """``class_of(cluster id)`` for the clusters as they are now (each cluster voted once)."""
        members: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            members[clusters.find(m.id)].append(m)
        votes: dict[int, str] = {}

        def class_of(cid: int) -> str:
            root = clusters.find(cid)
            if root not in votes:
                votes[root] = coref.local(_vote(members[root]))
            return votes[root]
        return class_of

    # bodies first: "the Foreign Ministry" belongs to the most salient state before it
    extra_relations: list[Relation] = []
    body_country: dict[int, int] = {}
    for m in mentions:
        if m.kind != "body":
            continue
        state = m.country
        if state is None:
            cid = coref.best_antecedent(m, groups(), class_of_now(), {"State"})
            state = cid
        if state is not None:
            body_country[m.id] = clusters.find(state)
    # pronouns and nominals, in text order; "we" waits for its speaker
    for m in mentions:
        if m.kind in ("pronoun", "nominal") and m.speaker is None and m.text.lower() not in ("we", "our", "us"):
            cid = coref.best_antecedent(m, groups(), class_of_now(), coref.fits_for(m))
            if cid is not None:
                clusters.union(cid, m.id)
    for m in mentions:
        if m.speaker is not None:
            speaker = clusters.find(m.speaker)
            org = _organisation_of(speaker, ex.relations, clusters)
            target = org if org is not None else speaker
            if target in {clusters.find(x.id) for x in mentions if x.kind in ("name", "body", "demonym")}:
                clusters.union(target, m.id)

    # bodies are named after their state: "Foreign Ministry of Iran"
    entities: dict[str, Entity] = {}
    mention_entity: dict[int, str] = {}
    root_iri: dict[int, str] = {}
    final = groups()
    has_body = {clusters.find(m.id) for m in mentions if m.kind == "body"}
    states_first = sorted(final, key=lambda cid: 1 if cid in has_body else 0)
    for cid in states_first:
        members = final[cid]
        anchored = [m for m in members if m.kind in ("name", "demonym", "body")]
        if not anchored:
            continue
        cls = _vote(anchored)
        link = next((m.link for m in anchored if m.link), None)
        entry = gazetteer.get(link) if link else None
        country_iri = None
        body = next((m for m in anchored if m.kind == "body"), None)
        if entry is not None:
            label = entry.label
        elif body is not None and any(m.id in body_country for m in anchored):
            state_cid = body_country[next(m.id for m in anchored if m.id in body_country)]
            country_iri = root_iri.get(clusters.find(state_cid))
            if country_iri is None:
                label = _title(body.text)
            else:
                label = f"{_title(body.text)} of {entities[country_iri].label}"
        else:
            names_ = [m for m in anchored if m.kind == "name"] or anchored
            label = max(names_, key=lambda m: (len(m.text), -m.start)).text
        label = normalize_label(label) or label
        iri = entry.iri if entry is not None else entity_iri(label)
        ent = entities.get(iri)
        if ent is None:
            ent = entities[iri] = Entity(
                iri=iri, label=label, cls=entry.cls if entry else cls,
                wikidata=entry.wikidata if entry else None, country=country_iri,
            )
        ent.articles.add(ex.article.id)
        for m in anchored:
            if m.kind == "name" or (m.kind == "body" and not m.text.islower()):
                if m.text != label:
                    ent.aliases.add(m.text)
            if m.title:  # "President Biden", "Mr Kirby": how the article names them
                ent.aliases.add(f"{m.title} {m.text}")
                ent.titles.add(m.title)
        root_iri[cid] = iri
        for m in members:
            mention_entity[m.id] = iri
    for m in mentions:
        if m.id not in mention_entity and clusters.find(m.id) in root_iri:
            mention_entity[m.id] = root_iri[clusters.find(m.id)]
    # the body's state is a fact of the article: record it as a relation
    for body_id, state_cid in body_country.items():
        state_mentions = [x for x in _members(clusters, state_cid, mentions) if by_id[x].start < by_id[body_id].start]
        if not state_mentions or body_id not in mention_entity:
            continue
        state_m = by_id[max(state_mentions, key=lambda x: by_id[x].start)]
        body_m = by_id[body_id]
        same_sentence = state_m.sent == body_m.sent
        if body_m.sent < len(ex.sentences):
            extra_relations.append(Relation(
                ONT + "affiliatedWithCountry", body_id, state_m.id, ex.sentences[body_m.sent],
                0.8 if same_sentence else 0.6, "discourse-resolution",
            ))
    return ResolvedArticle(ex, mention_entity, entities, extra_relations)


def _members(clusters: _Clusters, cid: int, mentions) -> list[int]:
    root = clusters.find(cid)
    return [m.id for m in mentions if clusters.find(m.id) == root]


def _vote(members: list[Mention]) -> str:
    """The class the strongest evidence gives; ties go to the majority, then the first."""
    strongest = max(STRENGTH.get(m.typed_by, 0) for m in members)
    votes = Counter(m.cls for m in members if STRENGTH.get(m.typed_by, 0) == strongest and m.kind != "pronoun")
    if not votes:
        votes = Counter(m.cls for m in members)
    return votes.most_common(1)[0][0]


def _surnames(names: list[Mention], clusters: _Clusters) -> None:
    """ "Kirby" joins "John Kirby" when exactly one full name in the article ends so."""
    people = [m for m in names if m.cls == ONT + "Person"]
    full = defaultdict(set)
    for m in people:
        parts = m.text.split()
        if len(parts) > 1:
            full[parts[-1]].add(m.text)
    for m in people:
        parts = m.text.split()
        if len(parts) == 1 and len(full.get(parts[0], ())) == 1:
            target = next(x for x in people if x.text in full[parts[0]])
            clusters.union(target.id, m.id)


def _organisation_of(speaker_cid: int, relations, clusters: _Clusters) -> int | None:
    for r in relations:
        if r.predicate in _ROLE_PREDICATES and clusters.find(r.subject) == speaker_cid:
            return clusters.find(r.object)
    return None


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


class EntityTable:
    """All entities of a build, merged by IRI across articles."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._votes: dict[str, Counter] = defaultdict(Counter)

    def add(self, resolved: ResolvedArticle) -> None:
        for iri, ent in resolved.entities.items():
            have = self.entities.get(iri)
            if have is None:
                have = self.entities[iri] = Entity(iri=iri, label=ent.label, cls=ent.cls,
                                                   wikidata=ent.wikidata, country=ent.country)
            have.aliases |= ent.aliases
            have.articles |= ent.articles
            have.country = have.country or ent.country
            self._votes[iri][ent.cls] += 1
            if ent.wikidata:
                have.wikidata = ent.wikidata
            else:
                have.cls = self._votes[iri].most_common(1)[0][0]
