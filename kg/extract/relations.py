"""Binary relations from dependency patterns: roles, backing, bases, nationality.

Each pattern is general English news syntax; none names an actor. Every relation
keeps the sentence it came from; confidence is the pattern's prior (see docs/design.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.mentions import is_org_class
from kg.extract.syntax import Syntax, sentence_span
from kg.extract.triggers import negated
from kg.nlp import lexicon as lex
from kg.ontology import ACTORS, ONT, PLACES, local
from kg.types import Mention, Relation

EXTRACTOR = "dependency-patterns"


def _rel(pred: str, subj: Mention, obj: Mention, tok, confidence: float) -> Relation | None:
    if subj.id == obj.id:
        return None
    return Relation(ONT + pred, subj.id, obj.id, sentence_span(tok), confidence, EXTRACTOR)


def find_relations(syn: Syntax) -> Iterator[Relation]:
    for tok in syn.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and lemma in lex.ROLE_NOUNS:
            yield from _role_relations(syn, tok, lex.ROLE_NOUNS[lemma])
        if tok.lower_ in lex.BACKING_WORDS and tok.tag_ == "VBN" and not negated(tok):
            yield from _backing(syn, tok)
        if tok.lower_ in lex.BASED_WORDS and tok.tag_ == "VBN" and not negated(tok):
            yield from _based(syn, tok)
    for m in syn.finder.mentions:
        if m.kind == "name" and local(m.cls) in ACTORS:
            yield from _country_of(syn, m)


def _holders(syn: Syntax, role) -> list[Mention]:
    """The people a role noun describes: "spokesman John Kirby", "its leader, X", "X, leader of"."""
    found = []
    head = role.head
    if role.dep_ in ("compound", "amod", "nmod") and (m := syn.mention(head)) is not None:
        found.append(m)
    for c in role.children:
        if c.dep_ == "appos":
            found.extend(syn.referents(c))
    if role.dep_ == "appos" and (m := syn.mention(head)) is not None:
        found.append(m)
    if role.dep_ == "attr" and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ == "nsubj":
                found.extend(syn.referents(c))
    return [m for m in found if local(m.cls) == "Person" or m.kind == "pronoun" and m.cls.endswith("Person")]


def _organisations(syn: Syntax, role) -> list[Mention]:
    """Who the role is for: "Pentagon spokesman", "its leader", "leader of X", "X's leader"."""
    found = []
    for c in role.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss"):
            for t in syn.conjuncts(c):
                m = syn.mention(t)
                if m is None:
                    # "Foreign Ministry spokesman": the body is a multi-word compound chain
                    m = next((syn.mention(g) for g in t.children if syn.mention(g) is not None), None)
                if (
                    m is not None
                    and m.kind != "demonym"
                    and (is_org_class(m.cls) or local(m.cls) == "State" or m.kind == "pronoun")
                ):
                    found.append(m)
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with"):
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    found.extend(m for m in syn.referents(pobj) if is_org_class(m.cls) or local(m.cls) == "State")
    return [m for m in found if not m.cls.endswith("#Person")]


def _role_relations(syn: Syntax, role, pred: str) -> Iterator[Relation]:
    holders = _holders(syn, role)
    if not holders:
        return
    orgs = _organisations(syn, role)
    confidence = 0.85
    for person in holders:
        for org in orgs:
            if org.kind == "pronoun" and org.cls.endswith("#Person"):
                continue
            conf = confidence * (0.85 if org.kind in ("pronoun", "nominal") else 1.0)
            if (r := _rel(pred, person, org, role, conf)) is not None:
                yield r


def _backing(syn: Syntax, word) -> Iterator[Relation]:
    """ "Iran-backed groups, including X and Y"; "militias backed by Iran"."""
    backers = []
    for c in word.children:
        if c.dep_ in ("npadvmod", "compound", "nmod") and (m := syn.mention(c)) is not None:
            backers.append(m)
        if c.dep_ == "agent":
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    backers.extend(syn.referents(pobj))
    if not backers:
        return
    if word.dep_ in ("amod", "acl"):  # "Iran-backed groups", "groups backed by Iran"
        backed = syn.referents(word.head)
    else:  # "The Houthis are backed by Iran"
        backed = [m for c in word.children if c.dep_ == "nsubjpass" for m in syn.referents(c)]
    for b in backed:
        for s in backers:
            if is_org_class(b.cls) or local(b.cls) in ("Person", "State"):
                if (r := _rel("backedBy", b, s, word, 0.8)) is not None:
                    yield r


def _based(syn: Syntax, word) -> Iterator[Relation]:
    """ "a UK-based monitoring group"; "X, based in Y"."""
    places = []
    for c in word.children:
        if c.dep_ in ("npadvmod", "compound") and (m := syn.mention(c)) is not None:
            places.append(m)
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            places.extend(syn.places(word))
    if not places or word.dep_ not in ("amod", "acl"):
        return
    noun = word.head
    subjects = syn.referents(noun)
    if not subjects and noun.dep_ == "appos" and (m := syn.mention(noun.head)) is not None:
        subjects = [m]
    for s in subjects:
        for p in places:
            if s.id != p.id and is_org_class(s.cls):
                if (r := _rel("basedIn", s, p, word, 0.8)) is not None:
                    yield r


def _country_of(syn: Syntax, m: Mention) -> Iterator[Relation]:
    """Demonyms and state names modifying a name or its title: "Iranian general Qasem Soleimani"."""
    doc = syn.doc
    root = doc.char_span(m.start, m.end, alignment_mode="expand").root
    words = [root]
    words.extend(
        c for c in root.children if c.dep_ in ("amod", "compound", "appos") and (c.i < root.i - 0 or c.dep_ == "appos")
    )
    if root.dep_ == "appos":  # "a powerful Iraqi militia alliance, the PMF"
        words.append(root.head)
    pred = "nationality" if local(m.cls) == "Person" else "affiliatedWithCountry"
    if local(m.cls) in PLACES:
        return
    seen = set()
    for w in words:
        for c in w.children:
            if c.dep_ not in ("amod", "compound", "nmod"):
                continue
            s = syn.mention(c)
            if s is None or s.id == m.id or s.id in seen or local(s.cls) != "State":
                continue
            if s.kind == "name" and c.dep_ == "compound" and pred == "affiliatedWithCountry":
                continue  # "US Air Force" is handled by the gazetteer; "Iran talks" is no tie
            seen.add(s.id)
            if (r := _rel(pred, m, s, c, 0.75)) is not None:
                yield r
