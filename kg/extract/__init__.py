"""From a parsed article to mentions, relations and events, with offsets and evidence.

Only :mod:`kg.nlp`, this package and :mod:`kg.learn` touch spaCy objects; everything returned is a plain
record from :mod:`kg.types`.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.events import find_events
from kg.extract.implied import implied_relations
from kg.extract.mentions import Gazetteer, MentionFinder
from kg.extract.modality import modality
from kg.extract.quotes import quotations, quoted_in, speakers
from kg.extract.relations import find_relations
from kg.extract.syntax import Syntax, dependency_path, sentence_span
from kg.extract.triggers import PERFORMATIVE, in_question
from kg.extract.validity import with_validity
from kg.ontology import local
from kg.types import Article, EventMention, Extraction, Relation

__all__ = ["Gazetteer", "extract"]


def extract(doc, article: Article, gazetteer: Gazetteer, *, relation_model=None) -> Extraction:
    """Everything kg reads in one article's Doc.

    Antecedents of pronouns are not chosen here (see :mod:`kg.resolve.coref`); what the
    parse alone knows is recorded on the mentions: the speaker of a "we" in a quote, and
    the state of "Iraq's military". ``relation_model`` (see :mod:`kg.learn.relations`)
    adds the relations a trained classifier finds between the names of each sentence.
    """
    finder = MentionFinder(doc, gazetteer)
    finder.find()
    syn = Syntax(finder)
    quotes = quotations(syn)
    _attach_context(syn, quotes)
    events = tuple(
        _with_status(syn, ev, quotes) for ev in find_events(syn, article.published) if not _in_question(doc, ev)
    )
    # a description ("two soldiers") is no entity, so no relation can reach the graph through it
    described = {m.id for m in finder.mentions if m.kind == "description"}
    implied = (
        replace(r, status=ev.status, source=ev.source)
        for ev in events
        for r in implied_relations([ev])
        if r.subject not in described and r.object not in described
    )
    # relations read off a noun phrase are the outlet's own description (see _with_status)
    relations = (*(_with_status(syn, r, quotes) for r in find_relations(syn) if not _in_question(doc, r)), *implied)
    if relation_model is not None:
        found = relation_model.relations(doc, finder.mentions, relations)
        relations = (*relations, *(_with_status(syn, r, quotes) for r in found if not _in_question(doc, r)))
    relations = tuple(with_validity(syn, r, article.published) for r in relations)
    events = _most_specific_places(events, relations)
    sentences = tuple(sentence_span(sent[0]) for sent in doc.sents)
    return Extraction(
        article=article, mentions=tuple(finder.mentions), relations=relations, events=events, sentences=sentences
    )


def _most_specific_places(events: tuple[EventMention, ...], relations) -> tuple[EventMention, ...]:
    """Each event located at its most specific place only: "near Barwa in the Northern
    region" locates the attack at Barwa, and the graph's ``locatedIn`` says Barwa is
    in Gao. A place another location of the same event is said to be in is dropped."""
    inside = {(r.subject, r.object) for r in relations if local(r.predicate) == "locatedIn"}
    out = []
    for ev in events:
        places = {a.mention for a in ev.arguments if local(a.role) == "location" and a.mention is not None}
        larger = {p for p in places if any((q, p) in inside for q in places if q != p)}
        if larger:
            kept = tuple(a for a in ev.arguments if not (local(a.role) == "location" and a.mention in larger))
            ev = replace(ev, arguments=kept)
        out.append(ev)
    return tuple(out)


def _in_question(doc, fact: Relation | EventMention) -> bool:
    """Whether the fact comes from a sentence in question form, which asserts nothing."""
    span = doc.char_span(fact.sentence.start, fact.sentence.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and in_question(span[-1])


def _with_status(syn: Syntax, fact: Relation | EventMention, quotes: list) -> Relation | EventMention:
    """``fact`` with the status its clause gives it (see :mod:`kg.extract.modality`).

    A status an extractor already set ("G claimed the bombing" makes G the claimed
    agent) stands unless the clause hedges or denies it. A fact stated inside a direct
    quotation is the speaker's words: claimed by the speaker (see :func:`_quoted`).
    """
    anchor = _anchor(syn, fact)
    if anchor is None or (isinstance(fact, Relation) and _descriptive(syn, fact)):
        return _quoted(syn, fact, quotes)
    performative = isinstance(fact, EventMention) and local(fact.cls) in PERFORMATIVE
    found = modality(syn, anchor, performative=performative)
    if found.status == "asserted" and not performative:
        return _quoted(syn, fact, quotes)
    if found.status == "asserted" or (fact.status == "claimed" and found.status == "claimed"):
        return fact
    return replace(fact, status=found.status, source=found.source)


def _quoted(syn: Syntax, fact: Relation | EventMention, quotes: list) -> Relation | EventMention:
    """An asserted ``fact`` whose words all lie inside a direct quotation, claimed by its
    speaker: '... said its "aircraft struck X, the commander of G"' is the speaker's
    description of X, not the outlet's. Other facts are returned unchanged."""
    if fact.status != "asserted":
        return fact
    if isinstance(fact, EventMention):
        spans = [(fact.trigger.start, fact.trigger.end)]
    else:
        mentions = syn.finder.mentions
        spans = [(mentions[i].start, mentions[i].end) for i in (fact.subject, fact.object)]
    quote = quoted_in(quotes, *spans)
    return fact if quote is None else replace(fact, status="claimed", source=quote[2])


def _descriptive(syn: Syntax, r: Relation) -> bool:
    """Whether no verb joins a relation's two names ("the village of Marwin in southern
    Lebanon", "Hezbollah commander X"): the outlet's own description, asserted."""
    doc, mentions = syn.doc, syn.finder.mentions
    ends = [doc.char_span(mentions[i].start, mentions[i].end, alignment_mode="expand") for i in (r.subject, r.object)]
    if any(e is None or not len(e) for e in ends):
        return False
    up, down = dependency_path(ends[0].root, ends[1].root)
    return not any(t.pos_ in ("VERB", "AUX") for t in [*up[1:], *down[:-1]])


def _anchor(syn: Syntax, fact: Relation | EventMention):
    """The token heading the clause that states ``fact``: an event's trigger, or the
    lowest word that governs both names of a relation."""
    doc, mentions = syn.doc, syn.finder.mentions
    if isinstance(fact, EventMention):
        span = doc.char_span(fact.trigger.start, fact.trigger.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None
    ends = [
        doc.char_span(mentions[i].start, mentions[i].end, alignment_mode="expand") for i in (fact.subject, fact.object)
    ]
    if any(e is None or not len(e) for e in ends):
        return None
    above = list(ends[0].root.ancestors)
    shared = [t for t in [ends[1].root, *ends[1].root.ancestors] if t in above or t == ends[0].root]
    return shared[0] if shared else None


def _attach_context(syn: Syntax, quotes: list) -> None:
    """Record quote speakers and the state a generic body belongs to on the mentions."""
    finder = syn.finder
    spoken = speakers(syn, quotes)
    for m in list(finder.mentions):
        changes = {}
        if m.id in spoken:
            changes["speaker"] = spoken[m.id]
        if m.kind == "pronoun" and m.role in ("obj", "pobj"):
            # "The US ... has accused it": an object pronoun is not its own verb's subject
            tok = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and verb.dep_ == "conj":
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            excluded = tuple(s.id for c in subjects for s in syn.referents(c))
            if excluded:
                changes["not_coref"] = excluded
        if m.kind == "pronoun" and m.role == "poss":
            # "X, its wing in Y": the group a name is described by is not the name itself
            noun = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root.head
            if noun.dep_ == "appos":
                named = [noun.head, *(c for c in noun.head.children if c.dep_ == "appos" and c is not noun)]
                excluded = tuple(dict.fromkeys(x.id for t in named for x in syn.referents(t)))
                if excluded:
                    changes["not_coref"] = excluded
        if m.kind == "body":
            root = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root
            for c in root.children:
                s = syn.mention(c)
                if s is not None and local(s.cls) == "State" and c.dep_ in ("poss", "amod", "compound"):
                    changes["country"] = s.id
                    break
        if changes:
            finder.mentions[m.id] = replace(m, **changes)
