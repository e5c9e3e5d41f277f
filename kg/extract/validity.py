"""When a relation held, where the text says so: "former", "ex-" and "then-" roles, and
"since" / "until" phrases.

A role the text calls former ("the former Secretary-General of G", "G's ex-leader X",
"then-commander X") no longer held when the article was written; the article's date is
the observation time. "X has led G since 2019" gives the start, "X led G until last
year" the end, both resolved against the article's date with their precision (see
:mod:`kg.extract.timex`). Only the words on the parse path that joins the relation's two
names count, and "former" only on a role noun: "a former colonel who joined G" is a
former colonel, not a former member of G.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.relations import role_word
from kg.extract.syntax import Syntax, dependency_path
from kg.extract.timex import resolve_time
from kg.nlp import lexicon as lex
from kg.ontology import local
from kg.types import Relation

_ROLE_PREDICATES = frozenset({"leaderOf", "memberOf", "worksFor", "spokespersonFor"})


def with_validity(syn: Syntax, r: Relation, published) -> Relation:
    """``r`` with ``former``, ``since`` and ``until`` as the sentence states them."""
    doc, mentions = syn.doc, syn.finder.mentions
    ends = [doc.char_span(mentions[i].start, mentions[i].end, alignment_mode="expand") for i in (r.subject, r.object)]
    if any(e is None or not len(e) for e in ends):
        return r
    up, down = dependency_path(ends[0].root, ends[1].root)
    path = [*up, *down]
    changes: dict = {}
    if local(r.predicate) in _ROLE_PREDICATES and any(_former(t) for t in path if _is_role(t)):
        changes["former"] = True
    for t in path:
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in lex.VALIDITY_PREPOSITIONS:
                continue
            field = lex.VALIDITY_PREPOSITIONS[c.lower_]
            for pobj in (p for p in c.children if p.dep_ == "pobj"):
                words = doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
                if field not in changes and (found := resolve_time(f"{c.lower_} {words}", published)) is not None:
                    changes[field] = found
    return replace(r, **changes) if changes else r


def _is_role(tok) -> bool:
    word = role_word(tok)
    return word in lex.ROLE_NOUNS or word in lex.STATE_OFFICES


def _former(tok) -> bool:
    """ "former leader", "ex-leader" (the tokenizer splits "ex" off), "then-commander"."""
    return any(c.lower_ in lex.FORMER_WORDS for c in tok.children if c.dep_ in ("amod", "advmod", "compound", "nmod"))
