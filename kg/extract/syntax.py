"""Walking the dependency parse from words to the mentions they stand for."""

from __future__ import annotations

from kg.extract.mentions import MentionFinder
from kg.nlp import lexicon as lex
from kg.ontology import PLACES, local
from kg.types import Mention, Span

_INCLUDING = {"including", "include", "such", "like", "notably", "especially"}
_PLACE_PREPS = {"in", "near", "at", "inside", "outside", "across", "around", "on", "into", "from", "along", "over"}
_TIME_LABELS = {"DATE", "TIME"}


def dependency_path(a, b) -> tuple[list, list]:
    """Tokens from ``a`` up to the lowest common ancestor, and from there down to ``b``."""
    up_a = [a]
    while up_a[-1].head.i != up_a[-1].i:
        up_a.append(up_a[-1].head)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = [b]
    while up_b[-1].i not in index and up_b[-1].head.i != up_b[-1].i:
        up_b.append(up_b[-1].head)
    if up_b[-1].i not in index:
        return up_a, list(reversed(up_b))  # different sentences: no common ancestor
    lca = index[up_b[-1].i]
    return up_a[: lca + 1], list(reversed(up_b[:-1]))


def conjuncts(tok) -> list:
    """``tok`` and the words coordinated with it ("KH and KSS"), in text order."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def sentence_span(token) -> Span:
    """The sentence of ``token``, trimmed of surrounding white space."""
    sent = token.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Span(start, start + len(body), body)


class Syntax:
    """Mention lookups over one parsed Doc."""

    def __init__(self, finder: MentionFinder):
        self.finder = finder
        self.doc = finder.doc

    def mention(self, tok) -> Mention | None:
        return self.finder.mention_at(tok)

    def conjuncts(self, tok) -> list:
        """``tok`` and the words coordinated with it ("KH and KSS")."""
        return conjuncts(tok)

    def referents(self, tok, *, through_roles: bool = True) -> list[Mention]:
        """The mentions a noun phrase headed by ``tok`` refers to.

        Follows coordination, apposition ("its leader, Abu Mahdi al-Muhandis") and
        lists ("several groups, including KH and KSS").
        """
        found: list[Mention] = []
        for t in self.conjuncts(tok):
            m = self.mention(t)
            if m is not None:
                found.append(m)
                continue
            for child in t.children:
                if child.dep_ == "appos":
                    found.extend(self.referents(child, through_roles=through_roles))
                elif child.dep_ == "prep" and child.lower_ in _INCLUDING:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(self.referents(pobj))
            if t.dep_ == "appos" and self.mention(t.head) is not None:
                found.append(self.mention(t.head))
        unique = {m.id: m for m in found}
        return [unique[k] for k in sorted(unique)]

    def owners(self, tok) -> list[Mention]:
        """Actors that own or hold a thing: "its forces", "US forces", "facilities used by X"."""
        found = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "amod" and c.ent_type_ == "NORP"):
                m = self.mention(c)
                if m is not None and not (m.kind == "demonym" and _non_state_group(tok)):
                    found.append(m)
        # "the facilities were ... used by X": the passive clause whose subject is tok
        if tok.dep_ in ("nsubj", "nsubjpass"):
            verbs = [tok.head, *[c for c in tok.head.children if c.dep_ == "conj"]]
            for verb in verbs:
                if verb.lemma_.lower() in lex.OWNER_VERBS:
                    for agent in verb.children:
                        if agent.dep_ == "agent":
                            for pobj in agent.children:
                                if pobj.dep_ == "pobj":
                                    found.extend(self.referents(pobj))
        # "facilities used by X" as a reduced relative clause
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in lex.OWNER_VERBS:
                for agent in c.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                found.extend(self.referents(pobj))
        return found

    def places(self, tok, *, skip=()) -> list[Mention]:
        """Place mentions in the prepositional phrases of ``tok`` ("in Baghdad", "near X").

        The walk stops at nested events ("killed in a US drone strike in Baghdad": the
        strike has its own place) and at nouns that are not places ("on US personnel").
        """
        found: list[Mention] = []
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and prep.i not in skip:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        self._place_phrase(pobj, found, depth=0)
        unique = {m.id: m for m in found}
        return [unique[k] for k in sorted(unique)]

    def _place_phrase(self, tok, found: list[Mention], depth: int) -> None:
        if depth > 4:
            return
        for t in self.conjuncts(tok):
            m = self.mention(t)
            if m is not None:
                if local(m.cls) in PLACES and m.kind == "name":
                    found.append(m)
                continue
            if lex.EVENT_TRIGGERS.get(t.lemma_.lower()) is not None and t.pos_ == "NOUN":
                continue  # a nested event keeps its own places
            if t.lemma_.lower() in lex.TYPE_NOUNS["Place"] or t.lemma_.lower() in (
                "location",
                "site",
                "position",
                "territory",
            ):
                for c in t.children:
                    if c.dep_ in ("compound", "poss", "nmod") or (c.dep_ == "amod" and c.ent_type_):
                        m = self.mention(c)
                        if m is not None and local(m.cls) in PLACES:
                            found.append(m)
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS | {"with", "of"}:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            self._place_phrase(g, found, depth + 1)

    def time_expressions(self, tok) -> list:
        """DATE/TIME entities attached to ``tok`` directly or through a preposition."""
        out = []
        for c in tok.children:
            candidates = [c]
            if c.dep_ == "prep":
                candidates = [g for g in c.children if g.dep_ == "pobj"]
            for t in candidates:
                if t.ent_type_ in _TIME_LABELS:
                    ent = next((e for e in self.doc.ents if e.start <= t.i < e.end), None)
                    if ent is not None:
                        prep = c.text + " " if c.dep_ == "prep" else ""
                        out.append((self._whole_time(t, ent), prep))
        return out

    def _whole_time(self, head, ent):
        """``ent`` with the time words that modify its head: "Thursday morning" (a DATE and
        a TIME entity), "late Tuesday"."""
        words = [t for t in head.subtree if t.ent_type_ in _TIME_LABELS or t.i in range(ent.start, ent.end)]
        start, end = min(ent.start, *(t.i for t in words)), max(ent.end, *(t.i + 1 for t in words))
        return self.doc[start:end] if end - start < 8 else ent


def _non_state_group(tok) -> bool:
    """A group of people that is no state's own: "rebels", "the militant group"."""
    return tok.lower_ in lex.NON_STATE_GROUP_NOUNS or tok.lemma_.lower() in lex.NON_STATE_GROUP_NOUNS
