"""Binary relations from dependency patterns: roles, alliances, backing, bases,
nationality, and places inside places.

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


# of two roles one rule gives the same pair, the more specific one stands: a "senior
# member" the text also calls a commander is a leader
_ROLE_RANK = {"leaderOf": 3, "spokespersonFor": 3, "memberOf": 2, "worksFor": 1}


def find_relations(syn: Syntax) -> Iterator[Relation]:
    yield from _most_specific(_all_relations(syn))


def _all_relations(syn: Syntax) -> Iterator[Relation]:
    offices = _Offices()
    for tok in syn.doc:
        lemma = role_word(tok)
        if tok.pos_ in ("NOUN", "PROPN") and lemma in lex.ROLE_NOUNS:
            yield from _role_relations(syn, tok, lex.ROLE_NOUNS[lemma])
            yield from offices.read(syn, tok, lemma)
        if tok.pos_ in ("NOUN", "PROPN") and lemma in lex.ALLIANCE_NOUNS:
            yield from _alliance_relations(syn, tok)
        if tok.lower_ in lex.BACKING_WORDS and tok.tag_ == "VBN" and not negated(tok):
            yield from _backing(syn, tok)
        if tok.lower_ in lex.LINK_WORDS and tok.tag_ == "VBN" and not negated(tok):
            yield from _backing(syn, tok, pred="alliedWith")
        if tok.lower_ in lex.BASED_WORDS and tok.tag_ == "VBN" and not negated(tok):
            yield from _based(syn, tok)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.LEADING_VERBS and not negated(tok):
            yield from _leading(syn, tok)
    for m in list(syn.finder.mentions):
        if m.kind == "name" and local(m.cls) in ACTORS:
            yield from _country_of(syn, m)
            if (state := syn.finder.state_in_name(m)) is not None:
                # "the Israeli military": the name says whose body it is
                root = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root
                if (r := _rel("affiliatedWithCountry", m, state, root, 0.75)) is not None:
                    yield r
        if m.kind == "name" and local(m.cls) in ("City", "Place"):
            yield from _place_of(syn, m)


def _most_specific(relations: Iterator[Relation]) -> Iterator[Relation]:
    """The relations without a role that a more specific role of the same pair covers."""
    found = [r for r in relations if r is not None]
    best: dict[tuple[str, str], int] = {}
    for r in found:
        rank = _ROLE_RANK.get(local(r.predicate), 0)
        if rank:
            best[(r.subject, r.object)] = max(best.get((r.subject, r.object), 0), rank)
    for r in found:
        rank = _ROLE_RANK.get(local(r.predicate), 0)
        if rank and rank < best[(r.subject, r.object)]:
            continue
        if local(r.predicate) == "nationality" and best.get((r.subject, r.object), 0) > 0:
            continue  # "Niger President X": the state is X's office, not said to be X's nationality
        yield r


def role_word(tok) -> str:
    """The role noun ``tok`` ends: "secretary-general" from "Secretary - General"."""
    lemma = tok.lemma_.lower()
    i = tok.i
    if (
        i >= 2
        and tok.doc[i - 1].text in ("-", "–")
        and (joined := f"{tok.doc[i - 2].lower_}-{lemma}") in lex.ROLE_NOUNS
    ):
        return joined
    return lemma


def _described(syn: Syntax, role) -> list[Mention]:
    """Who a role noun describes: "spokesman John Kirby", "its leader, X", "X, leader of",
    "X is the leader", "X was identified as the group's commander"."""
    found = []
    head = role.head
    if role.dep_ in ("compound", "amod", "nmod") and (m := syn.mention(head)) is not None:
        found.append(m)
    for c in role.children:
        if c.dep_ == "appos":
            found.extend(syn.referents(c))
        elif c.dep_ == "prep" and c.lower_ in ("of", "for"):
            # "the mayor of X, Y, said": the parse hangs the person Y on the nearer X
            found.extend(
                m
                for pobj in c.children
                if pobj.dep_ == "pobj"
                for a in pobj.children
                if a.dep_ == "appos"
                for m in syn.referents(a)
                if local(m.cls) == "Person"
            )
    if role.dep_ == "appos":
        if (m := syn.mention(head)) is not None:
            found.append(m)
        else:  # "the Group for ... (JNIM), its wing": a name the parse left unnamed, and its acronym
            found.extend(
                m
                for c in head.children
                if c.dep_ == "appos" and c is not role and (m := syn.mention(c)) is not None and m.kind == "name"
            )
    if role.dep_ == "attr" and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ == "nsubj":
                found.extend(syn.referents(c))
    if role.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        # "X was identified as its commander", "named X as its leader"
        verb = head.head
        arg = "nsubjpass" if any(c.dep_ == "nsubjpass" for c in verb.children) else "dobj"
        for c in verb.children:
            if c.dep_ == arg:
                found.extend(syn.referents(c))
    return found


def _holders(syn: Syntax, role) -> list[Mention]:
    """The people a role noun describes (see :func:`_described`)."""
    found = _described(syn, role)
    return [m for m in found if local(m.cls) == "Person" or m.kind == "pronoun" and m.cls.endswith("Person")]


def _organisations(syn: Syntax, role) -> list[Mention]:
    """Who the role is for: "Pentagon spokesman", "its leader", "leader of X", "X's leader",
    "commander of X's coastal sector", "an official in the X media office". A demonym
    counts only for an office of state ("French President"); a common-noun body that only
    says which kind of role ("the group's military spokesman") never does."""
    state_office = role.lemma_.lower() in lex.STATE_OFFICES

    def fits(m: Mention) -> bool:
        # an office of state may be a region's or a city's: "the governor of X region"
        return (
            is_org_class(m.cls)
            or local(m.cls) == "State"
            or (state_office and local(m.cls) in PLACES and m.kind == "name")
        )

    found = []
    owned = any(c.dep_ == "poss" for c in role.children)
    for c in role.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss"):
            for t in syn.conjuncts(c):
                m = syn.mention(t)
                if m is None:
                    # "Foreign Ministry spokesman": the body is a multi-word compound chain
                    m = next((syn.mention(g) for g in t.children if syn.mention(g) is not None), None)
                if m is None or (m.kind == "demonym" and not state_office):
                    continue
                if c.dep_ != "poss" and m.kind == "body" and (owned or c.dep_ == "amod") and t.is_lower:
                    continue  # "the group's military spokesman": the word says which kind of spokesman
                if fits(m) or m.kind == "pronoun":
                    found.append(m)
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with", "in"):
            for pobj in c.children:
                if pobj.dep_ != "pobj":
                    continue
                named = [m for m in syn.referents(pobj) if fits(m)]
                if c.lower_ == "in":  # "a commander in Syria" says where, not for whom
                    named = [m for m in named if is_org_class(m.cls)]
                # "governor of the Y region": of Y, not of the state in "Z's Y province"
                places = [
                    m
                    for c in pobj.children
                    if state_office and c.dep_ == "compound" and pobj.lemma_.lower() in lex.PLACE_KIND_NOUNS
                    and (m := syn.mention(c)) is not None and m.kind == "name" and local(m.cls) in PLACES
                ]  # fmt: skip
                found.extend(named or places or _unit_owners(syn, pobj))
    return [m for m in found if not m.cls.endswith("#Person")]


def _unit_owners(syn: Syntax, noun) -> list[Mention]:
    """The organisation a unit belongs to: "X's coastal sector", "the X media office"."""
    if noun.pos_ != "NOUN":
        return []
    out = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound") and (m := syn.mention(c)) is not None:
            if m.kind != "demonym" and (is_org_class(m.cls) or m.kind == "pronoun") and not m.cls.endswith("#Person"):
                out.append(m)
    return out


def _role_relations(syn: Syntax, role, pred: str) -> Iterator[Relation]:
    holders = _holders(syn, role)
    if not holders:
        return
    orgs = _organisations(syn, role)
    if pred == "leaderOf" and any(c.lower_ in lex.DEPUTY_MODIFIERS for c in role.children):
        pred = "memberOf"  # "deputy commander": second to the leader
    confidence = 0.85
    for person in holders:
        for org in orgs:
            if org.kind == "pronoun" and org.cls.endswith("#Person"):
                continue
            # a state or a place has officials, not members
            p = "worksFor" if pred == "memberOf" and local(org.cls) in PLACES else pred
            conf = confidence * (0.85 if org.kind in ("pronoun", "nominal") else 1.0)
            if (r := _rel(p, person, org, role, conf)) is not None:
                yield r


class _Offices:
    """An office told before its holder is named: "the governor of Russia's Krasnodar
    region said ... Governor Veniamin Kondratyev said": Kondratyev is that governor.

    Only an office of state ("governor", "mayor", "minister"), only when the article has
    named exactly one place or body it is held of, and only for a holder named with the
    bare office word and nothing of their own to hold it of.
    """

    def __init__(self) -> None:
        self.held_of: dict[str, set[int] | None] = {}  # office word -> mention ids (None: ambiguous)
        self.mentions: dict[int, Mention] = {}

    def read(self, syn: Syntax, role, word: str) -> Iterator[Relation]:
        if role.lemma_.lower() not in lex.STATE_OFFICES:
            return
        holders = _holders(syn, role)
        held_of = _organisations(syn, role)
        orgs = [m for m in held_of if m.kind == "name"]
        if not holders and orgs:
            ids = {m.id for m in orgs}
            known = self.held_of.get(word, ids)
            self.held_of[word] = ids if known == ids else None
            self.mentions.update((m.id, m) for m in orgs)
            return
        earlier = self.held_of.get(word)
        if not holders or held_of or not earlier or len(earlier) != 1:
            return
        if any(c.dep_ in ("det", "poss", "amod") for c in role.children):
            return  # "a former governor X", "its governor X": not the office told before
        org = self.mentions[next(iter(earlier))]
        pred = lex.ROLE_NOUNS[word]
        for person in holders:
            p = "worksFor" if pred == "memberOf" and local(org.cls) in PLACES else pred
            if (r := _rel(p, person, org, role, 0.6)) is not None:
                yield r


def _alliance_relations(syn: Syntax, noun) -> Iterator[Relation]:
    """ "X, its wing in Y", "an affiliate of X", "X's branch, Y", "X ally Y": allied groups."""
    groups = [m for m in _described(syn, noun) if is_org_class(m.cls) or m.kind == "pronoun"]
    partners = [m for m in _organisations(syn, noun) if m.kind != "demonym" and local(m.cls) != "State"]
    if not groups:
        groups, partners = _name_noun_name(syn, noun)
    for g in groups:
        if g.kind == "pronoun" and g.cls.endswith("#Person"):
            continue
        for p in partners:
            if g.kind == "pronoun" and p.kind == "pronoun":
                continue
            if (r := _rel("alliedWith", g, p, noun, 0.75)) is not None:
                yield r


def _name_noun_name(syn: Syntax, noun) -> tuple[list[Mention], list[Mention]]:
    """ "Hamas ally Hezbollah", read off the words where the parse made nothing of them: a
    bare singular noun between two groups' names is a title of the second held of the first."""
    doc = syn.doc
    if noun.tag_ != "NN" or not 0 < noun.i < len(doc) - 1 or any(c.dep_ in ("det", "poss") for c in noun.children):
        return [], []
    before, after = syn.mention(doc[noun.i - 1]), syn.mention(doc[noun.i + 1])
    if before is None or after is None or before.id == after.id:
        return [], []
    if not all(m.kind == "name" and is_org_class(m.cls) for m in (before, after)):
        return [], []
    return [after], [before]


def _backing(syn: Syntax, word, pred: str = "backedBy") -> Iterator[Relation]:
    """ "Iran-backed groups, including X and Y"; "militias backed by Iran"; with ``pred``
    alliedWith, "the X-linked group"."""
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
        backed = syn.referents(word.head) or _typed_name(syn, word.head)
    else:  # "The Houthis are backed by Iran"
        backed = [m for c in word.children if c.dep_ == "nsubjpass" for m in syn.referents(c)]
    for b in backed:
        for s in backers:
            if pred == "alliedWith" and (local(s.cls) == "State" or not is_org_class(b.cls)):
                continue  # "Iran-linked" says nothing of which body; an alliance joins groups
            if is_org_class(b.cls) or local(b.cls) in ("Person", "State"):
                if (r := _rel(pred, b, s, word, 0.8)) is not None:
                    yield r


def _typed_name(syn: Syntax, noun) -> list[Mention]:
    """The name a common noun types: "the X militia group" is X."""
    if noun.pos_ != "NOUN":
        return []
    return [m for c in noun.children if c.dep_ == "compound" and (m := syn.mention(c)) is not None and m.kind == "name"]


def _leading(syn: Syntax, verb) -> Iterator[Relation]:
    """ "Soleimani, who led Iran's elite Quds Force", "X commands the brigade": X leads it."""
    leaders = []
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
            leaders.extend(syn.referents(verb.head))  # "X, who led Y"
        else:
            leaders.extend(syn.referents(c))
    led = [
        m
        for c in verb.children
        if c.dep_ == "dobj"
        for m in syn.referents(c)
        if is_org_class(m.cls) or local(m.cls) == "State"
    ]
    for person in leaders:
        if local(person.cls) != "Person":
            continue
        for org in led:
            if (r := _rel("leaderOf", person, org, verb, 0.8)) is not None:
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


_STATE_BODIES = frozenset({"Military", "GovernmentBody"})


def _country_of(syn: Syntax, m: Mention) -> Iterator[Relation]:
    """Demonyms and state names modifying a name or its title: "Iranian general Qasem
    Soleimani"; for a state's body, also the state's possessive: "Iran's Quds Force"."""
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
    if pred == "nationality" and any(w.lemma_.lower() in lex.STATE_OFFICES for w in words):
        return  # "Niger President X", "Israeli Foreign Minister X": the state employs X (a role)
    seen = set()
    # "Iran's Quds Force", "Iraq's Security Media Cell": a state's possessive on its own body
    owned = pred == "affiliatedWithCountry" and local(m.cls) in _STATE_BODIES
    for w in words:
        for c in w.children:
            if c.dep_ not in ("amod", "compound", "nmod") and not (owned and c.dep_ == "poss" and w is root):
                continue
            s = syn.mention(c)
            if s is None or s.id == m.id or s.id in seen or local(s.cls) != "State":
                continue
            if s.kind == "name" and c.dep_ == "compound" and pred == "affiliatedWithCountry":
                continue  # "US Air Force" is handled by the gazetteer; "Iran talks" is no tie
            seen.add(s.id)
            if (r := _rel(pred, m, s, c, 0.75)) is not None:
                yield r


def _place_of(syn: Syntax, m: Mention) -> Iterator[Relation]:
    """The larger place a named town or region is said to be in, by a noun phrase:
    "Syria's Idlib province", "the Russian town of X", "X in Y", "X, Y", "the village of X
    in southern Y"."""
    root = syn.doc.char_span(m.start, m.end, alignment_mode="expand").root
    # "the town of X": the type noun carries the phrase's modifiers
    nouns = [root]
    kind = lex.PLACE_KIND_NOUNS
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in kind:
        nouns.append(root.head.head)
    if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in kind:
        nouns.append(root.head)  # "the town, X", "X province"
    larger: list[Mention] = []
    for n in nouns:
        for c in n.children:
            if c.dep_ == "poss" or (c.dep_ == "amod" and n is not root):
                # a state's: "Syria's Idlib province", "the Russian town of X" ("Africa's
                # Sahel" is too loose a region to say one is inside the other)
                o = syn.mention(c)
                if o is not None and local(o.cls) == "State":
                    larger.append(o)
            elif c.dep_ == "prep" and c.lower_ == "in":
                larger.extend(o for g in c.children if g.dep_ == "pobj" for o in _place_names(syn, g))
            elif c.dep_ in ("appos", "npadvmod") and n is root:  # "Hodeida, Yemen"
                o = syn.mention(c)
                if o is not None and o.kind == "name" and local(o.cls) == "State":
                    larger.append(o)
    for o in larger:
        if o.id != m.id and (local(o.cls) == "State" or o.kind == "name"):
            if (r := _rel("locatedIn", m, o, root, 0.75)) is not None:
                yield r


def _place_names(syn: Syntax, tok) -> list[Mention]:
    """Place names a prepositional object stands for: "Y", "the Y region", "Z's Y province"."""
    m = syn.mention(tok)
    if m is not None:
        return [m] if local(m.cls) in PLACES and m.kind == "name" else []
    if tok.lemma_.lower() in lex.PLACE_KIND_NOUNS:
        return [
            o
            for c in tok.children
            if c.dep_ in ("compound", "poss") and (o := syn.mention(c)) is not None and local(o.cls) in PLACES
        ]
    return []
