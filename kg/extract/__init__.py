"""From a parsed article to mentions, relations and events, with offsets and evidence.

Only :mod:`kg.nlp`, this package and :mod:`kg.learn` touch spaCy objects; everything returned is a plain
record from :mod:`kg.types`.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.events import find_events
from kg.extract.implied import implied_relations
from kg.extract.mentions import Gazetteer, MentionFinder
from kg.extract.quotes import speakers
from kg.extract.relations import find_relations
from kg.extract.syntax import Syntax, sentence_span
from kg.ontology import local
from kg.types import Article, Extraction

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
    _attach_context(syn)
    events = tuple(find_events(syn, article.published))
    # a description ("two soldiers") is no entity, so no relation can reach the graph through it
    described = {m.id for m in finder.mentions if m.kind == "description"}
    implied = (r for r in implied_relations(events) if r.subject not in described and r.object not in described)
    relations = (*find_relations(syn), *implied)
    if relation_model is not None:
        relations = (*relations, *relation_model.relations(doc, finder.mentions, relations))
    sentences = tuple(sentence_span(sent[0]) for sent in doc.sents)
    return Extraction(
        article=article, mentions=tuple(finder.mentions), relations=relations, events=events, sentences=sentences
    )


def _attach_context(syn: Syntax) -> None:
    """Record quote speakers and the state a generic body belongs to on the mentions."""
    finder = syn.finder
    spoken = speakers(syn)
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
        if m.kind == "body":
            root = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root
            for c in root.children:
                s = syn.mention(c)
                if s is not None and local(s.cls) == "State" and c.dep_ in ("poss", "amod", "compound"):
                    changes["country"] = s.id
                    break
        if changes:
            finder.mentions[m.id] = replace(m, **changes)
