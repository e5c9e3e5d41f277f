"""Turning a resolved article into RDF: plain triples plus their evidence.

Each article gets one named graph (its IRI) holding every triple derived from it:
the article node, the entities it mentions, relation triples, events, and one
``kg:Evidence`` node per fact (an ``rdf:Statement`` with the sentence, character
offsets, extractor and confidence). The union of all graphs is the knowledge graph.

An event's role filled by a mention that is no entity (a ``description`` such as "two
soldiers", see :mod:`kg.extract.mentions`) is left out: the shapes want every role to
point at an entity or event IRI, and a description must not become an actor in the
network. The event itself is still written, so "a bomb exploded" is an attack with no
participant; the description stays in the :class:`kg.types.Extraction`, where the
benchmarks read it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg import ontology as mint
from kg.extract.counts import count
from kg.ontology import local as _local
from kg.rdf.vocab import KG, SCHEMA
from kg.types import Argument, EventMention, Mention, ResolvedArticle, Span

# facts written in both directions, so a user can ask either way without a reasoner
INVERSES = {
    KG.designated: KG.designatedBy,
    KG.killed: KG.killedBy,
    KG.attacked: KG.attackedBy,
    KG.backedBy: KG.supports,
}

# statements about an event: the agent's plain relation to the event node
EVENT_OBJECT_PREDICATES = {"Condemnation": KG.condemned, "Threat": KG.threatened}


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Triples:
    """An article's triples in the order rdflib's triples-only store would give them
    (subject by subject, each predicate's objects together), without a graph's indexes:
    what a build writes to a file or a store, where nothing is looked up."""

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self._spo: dict = {}

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        self._spo.setdefault(s, {}).setdefault(p, {})[o] = None

    def __iter__(self):
        for s, po in self._spo.items():
            for p, objects in po.items():
                for o in objects:
                    yield s, p, o

    def __len__(self) -> int:
        return sum(len(objects) for po in self._spo.values() for objects in po.values())


class ArticleGraphBuilder:
    """Writes one resolved article's triples into ``graph`` (an rdflib Graph, or :class:`Triples`)."""

    def __init__(self, graph: Graph | Triples, resolved: ResolvedArticle):
        self.r = resolved
        self.ex = resolved.extraction
        self.article = URIRef(mint.article_iri(self.ex.article.id))
        self.g = graph
        self.mentions = {m.id: m for m in self.ex.mentions}
        self.extractors: set[str] = set()

    def build(self) -> Graph | Triples:
        self._article()
        for iri in sorted(set(self.r.mention_entity.values())):
            self._entity(iri)
        for rel in [*self.ex.relations, *self.r.relations]:
            s, o = self._ent(rel.subject), self._ent(rel.object)
            if s is None or o is None or s == o:
                continue
            self._fact(
                s,
                URIRef(rel.predicate),
                o,
                rel.sentence,
                self.mentions[rel.subject],
                self.mentions[rel.object],
                rel.confidence,
                rel.extractor,
                status=rel.status,
                source=rel.source,
                validity=(rel.former, rel.since, rel.until),
            )
        self._events()
        for name in sorted(self.extractors):
            node = URIRef(mint.extractor_iri(name))
            self.g.add((node, RDF.type, KG.Extractor))
            self.g.add((node, RDFS.label, Literal(name)))
        return self.g

    # -- nodes -----------------------------------------------------------------------
    def _article(self) -> None:
        a, g = self.ex.article, self.g
        g.add((self.article, RDF.type, KG.Article))
        g.add((self.article, KG.articleId, Literal(a.id)))
        g.add((self.article, KG.contentHash, Literal(content_hash(a.text))))
        if a.title:
            g.add((self.article, DCTERMS.title, Literal(a.title)))
        if a.published:
            g.add((self.article, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
        if a.url:
            g.add((self.article, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.source:
            g.add((self.article, SCHEMA.publisher, Literal(a.source)))

    def _entity(self, iri: str) -> None:
        # what this article says of the entity: builds of A then B, or A+B at once, agree
        ent = self.r.entities[iri]
        node, g = URIRef(iri), self.g
        g.add((node, RDF.type, URIRef(ent.cls)))
        g.add((node, RDFS.label, Literal(ent.label)))
        for alias in sorted(ent.aliases):
            if alias != ent.label:
                g.add((node, SKOS.altLabel, Literal(alias)))
        for title in sorted(ent.titles):
            g.add((node, KG.title, Literal(title)))
        if ent.wikidata:
            g.add((node, OWL.sameAs, URIRef(ent.wikidata)))
        g.add((self.article, SCHEMA.mentions, node))

    def _ent(self, mention_id: int) -> URIRef | None:
        iri = self.r.mention_entity.get(mention_id)
        return URIRef(iri) if iri else None

    # -- facts -------------------------------------------------------------------------
    def _fact(
        self,
        s,
        p,
        o,
        sentence: Span,
        subj: Span | Mention,
        obj: Span | Mention | None,
        confidence: float,
        extractor: str,
        *,
        status: str = "asserted",
        source: int | None = None,
        validity: tuple = (False, None, None),
        inverse: bool = True,
    ) -> None:
        g = self.g
        g.add((s, p, o))
        # an asserted fact keeps the IRI it always had; another status is another piece of evidence
        how = () if status == "asserted" else (status,)
        ev = URIRef(
            mint.evidence_iri(
                self.ex.article.id,
                s,
                p,
                o,
                subj.start,
                subj.end,
                obj.start if obj else "",
                obj.end if obj else "",
                *how,
            )
        )
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, PROV.wasDerivedFrom, self.article))
        g.add((ev, KG.sentence, Literal(sentence.text)))
        g.add((ev, KG.sentenceStart, Literal(sentence.start)))
        g.add((ev, KG.sentenceEnd, Literal(sentence.end)))
        g.add((ev, KG.subjectStart, Literal(subj.start)))
        g.add((ev, KG.subjectEnd, Literal(subj.end)))
        if obj is not None:
            g.add((ev, KG.objectStart, Literal(obj.start)))
            g.add((ev, KG.objectEnd, Literal(obj.end)))
        g.add((ev, KG.confidence, Literal(round(float(confidence), 4), datatype=XSD.double)))
        g.add((ev, PROV.wasAttributedTo, URIRef(mint.extractor_iri(extractor))))
        self._status(ev, status, source)
        self._validity(ev, *validity)
        self.extractors.add(extractor)
        if inverse and p in INVERSES:
            self._fact(
                o, INVERSES[p], s, sentence, obj or subj, subj, confidence, extractor,
                status=status, source=source, validity=validity, inverse=False,
            )  # fmt: skip

    def _validity(self, node, former: bool, since, until) -> None:
        """When the fact held, where the text says: kg:former, kg:validFrom, kg:validUntil."""
        if former:
            self.g.add((node, KG.former, Literal(True)))
        for prop, found in ((KG.validFrom, since), (KG.validUntil, until)):
            if found is not None:
                self.g.add((node, prop, Literal(found[0], datatype=URIRef(found[1]))))

    def _status(self, node, status: str, source: int | None) -> None:
        """How the text presents the fact or event ``node`` states, and whose word it is."""
        self.g.add((node, KG.status, KG[status]))
        party = self._ent(source) if source is not None else None
        if party is not None:
            self.g.add((node, KG.accordingTo, party))

    # -- events ------------------------------------------------------------------------
    def _events(self) -> None:
        by_id: dict[str, list[EventMention]] = defaultdict(list)
        for ev in self.ex.events:
            by_id[ev.id].append(ev)
        nodes = {
            local_id: URIRef(mint.event_iri(self.ex.article.id, evs[0].trigger.start, _local(evs[0].cls)))
            for local_id, evs in by_id.items()
        }
        for local_id, evs in by_id.items():
            node, first = nodes[local_id], evs[0]
            g = self.g
            g.add((node, RDF.type, URIRef(first.cls)))
            g.add((node, KG.triggerText, Literal(first.trigger.text)))
            g.add((node, KG.start, Literal(first.trigger.start)))
            g.add((node, KG.end, Literal(first.trigger.end)))
            g.add((node, KG.sentence, Literal(first.sentence.text)))
            g.add((node, KG.confidence, Literal(round(first.confidence, 4), datatype=XSD.double)))
            self._status(node, first.status, first.source)
            g.add((node, PROV.wasDerivedFrom, self.article))
            has_time = False
            for ev in evs:
                for arg in ev.arguments:
                    has_time = self._argument(node, ev, arg, nodes, has_time)
            toll = max((self._toll(ev) for ev in evs), default=0)
            if toll:
                g.add((node, KG.deathToll, Literal(toll)))

    def _toll(self, ev: EventMention) -> int:
        """How many people one mention of a killing says were killed: its victims'
        descriptions ("three soldiers and two civilians": 5)."""
        if _local(ev.cls) != "Killing":
            return 0
        victims = {a.mention for a in ev.arguments if a.role == str(KG.victim) and a.mention is not None}
        found = [count(self.mentions[m].text) for m in sorted(victims) if self.mentions[m].kind == "description"]
        return sum(n for n in found if n)

    def _argument(self, node, ev: EventMention, arg: Argument, nodes, has_time: bool) -> bool:
        role = URIRef(arg.role)
        if arg.mention is not None:
            target = self._ent(arg.mention)
            if target is not None:
                mention = self.mentions[arg.mention]
                self._fact(
                    node, role, target, ev.sentence, ev.trigger, mention, ev.confidence, ev.extractor,
                    status=ev.status, source=ev.source,
                )  # fmt: skip
        elif arg.event is not None and arg.event in nodes and nodes[arg.event] != node:
            other = nodes[arg.event]
            self._fact(
                node, role, other, ev.sentence, ev.trigger, None, ev.confidence, ev.extractor,
                status=ev.status, source=ev.source,
            )  # fmt: skip
            verb = EVENT_OBJECT_PREDICATES.get(_local(ev.cls))
            if verb is not None and role == KG.target:
                # "Iran condemned the strikes": Iran kg:condemned <the strike event>
                for agent in ev.arguments:
                    if agent.role == str(KG.agent) and agent.mention is not None and self._ent(agent.mention):
                        self._fact(
                            self._ent(agent.mention),
                            verb,
                            other,
                            ev.sentence,
                            self.mentions[agent.mention],
                            ev.trigger,
                            ev.confidence,
                            ev.extractor,
                            status=ev.status,
                            source=ev.source,
                        )
        elif arg.value is not None and role == KG.time and not has_time:
            self.g.add((node, KG.time, Literal(arg.value, datatype=URIRef(arg.datatype))))
            if arg.span is not None:
                self.g.add((node, KG.timeText, Literal(arg.span.text)))
            return True
        elif arg.value is not None and role == KG.designatedAs:
            self.g.add((node, KG.designatedAs, Literal(arg.value)))
        return has_time


def article_iri(resolved: ResolvedArticle) -> URIRef:
    return URIRef(mint.article_iri(resolved.extraction.article.id))


# the rdflib store for an article graph whose triples are only read back (the build's
# sink, the persistent store): it keeps no contexts and fills 1.7x faster than the
# default, but tools that need a context-aware graph (pySHACL) refuse it
TRIPLES_ONLY = "SimpleMemory"


def article_graph(resolved: ResolvedArticle, *, store: str = "default") -> Graph:
    """The graph of one article on its own (named by :func:`article_iri` in datasets).

    ``store=TRIPLES_ONLY`` is faster for callers that only read the triples back.
    """
    return ArticleGraphBuilder(Graph(store=store, identifier=article_iri(resolved)), resolved).build()


def article_triples(resolved: ResolvedArticle) -> Triples:
    """The triples of one article, for a file or a store: no rdflib graph is built
    (:func:`article_graph` when an rdflib object is wanted)."""
    return ArticleGraphBuilder(Triples(article_iri(resolved)), resolved).build()


def add_article(dataset: Dataset, resolved: ResolvedArticle) -> Graph:
    """Write ``resolved`` into ``dataset`` as its own named graph; returns that graph."""
    return ArticleGraphBuilder(dataset.graph(article_iri(resolved)), resolved).build()
