"""A trained relation classifier over pairs of names in a sentence.

For every ordered pair of names (persons, organisations, places) in one sentence it
gives the probability of each relation it knows (:data:`PREDICATES`: killed, worksFor,
basedIn, livesIn, locatedIn) or of none. A relation is kept when its probability
reaches the threshold chosen on held-out data, when the ontology allows it between
those classes (a person lives in a place, an organisation is based in one), and when
the dependency rules have not already said the same or something more precise
("spokesman for" gives spokespersonFor, a kind of worksFor).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from kg.extract.syntax import sentence_span
from kg.learn.features import COARSE, dependency_path, pair_features
from kg.learn.linear import SoftmaxClassifier, hash_features
from kg.nlp import lexicon as lex
from kg.ontology import local, term
from kg.types import CLASSIFIER_EXTRACTOR, Mention, Relation

EXTRACTOR = CLASSIFIER_EXTRACTOR
NONE = "none"
# the predicates the classifier predicts, and the (subject, object) kinds each allows
PREDICATES = {
    term("killed"): {("PER", "PER"), ("ORG", "PER")},
    term("worksFor"): {("PER", "ORG")},
    term("basedIn"): {("ORG", "LOC")},
    term("livesIn"): {("PER", "LOC")},
    term("locatedIn"): {("LOC", "LOC")},
}
# a rule relation with one of these predicates already says what the classifier would
COVERED_BY = {
    term("worksFor"): {term("worksFor"), term("spokespersonFor"), term("leaderOf"), term("memberOf")},
    term("killed"): {term("killed")},
    # a state's body is its state's ("Iran's Quds Force"), not said to be based there
    term("basedIn"): {term("basedIn"), term("affiliatedWithCountry")},
    # an office the text states ("Niger President X") is why the two are named together, not a home
    term("livesIn"): {term("livesIn"), term("leaderOf")},
    term("locatedIn"): {term("locatedIn"), term("basedIn")},
}
MENTION_KINDS = frozenset({"name", "body"})
# names further apart in the parse than this many arcs are not compared: in long news
# sentences they are almost never related, and the training sentences are short
MAX_PATH = 5
_FORCE_AND_EVENT_NOUNS = frozenset(
    {
        *lex.EVENT_TRIGGERS,
        *lex.TYPE_NOUNS["Military"],
        *lex.TYPE_NOUNS["ArmedGroup"],
        *lex.TYPE_NOUNS["GovernmentBody"],
        "personnel",
        "drone",
        "jet",
        "warplane",
        "missile",
        "soldier",
    }
)
DEFAULT_THRESHOLD = 0.5


def candidates(doc, mentions: Iterable[Mention]) -> Iterator[tuple[Mention, Mention, object, object]]:
    """Ordered pairs of names in one sentence that may be related, with their spaCy spans.

    Left out: names further apart than :data:`MAX_PATH` arcs; a name that only says whose
    forces, strike or office something is ("US troops", "the US embassy"); a speaker and
    a name in what they said; names joined by negated words ("X does not work for Y").
    """
    by_sent: dict[int, list] = {}
    for m in mentions:
        if m.kind not in MENTION_KINDS or local(m.cls) not in COARSE or (m.kind == "body" and m.text.islower()):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or _modifies_common_noun(span):
            continue
        by_sent.setdefault(span.root.sent.start, []).append((m, span))
    for group in by_sent.values():
        group = [(m, span) for m, span in group if not _renames(m, span, group)]
        for a, sa in group:
            for b, sb in group:
                if a.id != b.id and not (sa.start < sb.end and sb.start < sa.end) and _linked(sa, sb):
                    yield a, b, sa, sb


def _renames(m: Mention, span, group: list) -> bool:
    """ "Kataib Hezbollah (KH), a designated Foreign Terrorist Organization": an organisation
    named in apposition to another is that one again (or what it is called), so its pairs
    are the other's."""
    root = span.root
    if root.dep_ != "appos" or COARSE.get(local(m.cls)) != "ORG":
        return False
    return any(
        o.id != m.id and COARSE.get(local(o.cls)) == "ORG" and so.start <= root.head.i < so.end for o, so in group
    )


def _linked(a, b) -> bool:
    """Near in the parse, not a speaker and what they said, and not joined by negated words."""
    up, down = dependency_path(a.root, b.root)
    return len(up) - 1 + len(down) <= MAX_PATH and not _across_speech(up, down) and not _denied(up, down)


def _modifies_common_noun(span) -> bool:
    """ "US troops", "US airstrikes", "the US embassy": the name says whose forces, strike or
    office, not who is where."""
    root = span.root
    head = root.head
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and head.pos_ == "NOUN"
        and head.i >= span.end
        and head.lemma_.lower() in _FORCE_AND_EVENT_NOUNS
    )


def _across_speech(up: list, down: list) -> bool:
    """One name speaks, the other is in what was said: "X said Y's sovereignty was violated".

    ``up`` and ``down`` are the dependency path between them (:func:`dependency_path`).
    """
    lca = up[-1]
    if lca.lemma_.lower() not in lex.SPEECH_VERBS:
        return False
    arms = [up[-2] if len(up) > 1 else None, down[0] if down else None]
    return any(t is not None and t.dep_ in ("ccomp", "parataxis") for t in arms)


def _denied(up: list, down: list) -> bool:
    """The words joining the names are negated: "X does not work for Y", "X did not kill Y"."""
    return any(c.dep_ == "neg" for t in (*up[1:], *down[:-1]) for c in t.children)


# arcs by which a place relation's two names are joined in "X in Y", "X, Y", "X, a town in Y"
_PLACE_ARCS = frozenset({"prep", "pobj", "appos", "acl", "relcl", "conj", "npadvmod"})
# arcs of "X, spokesman for Y", "Y's envoy X", "X of Y"
_NOUN_PHRASE_ARCS = frozenset({"prep", "pobj", "appos", "compound", "poss", "nmod", "amod", "conj"})
_PLACE_PREDICATES = frozenset({term("basedIn"), term("livesIn"), term("locatedIn")})
_PLACE_PREPOSITIONS = frozenset("in near at inside outside around across from into".split())


def supported(pred: str, a, b) -> bool:
    """Whether the parse states ``pred`` between spans ``a`` and ``b``, not only their
    being in one sentence: a killing needs a word of killing on the path between them;
    a place relation a noun phrase ("X in Y", "X, Y") or a verb of being somewhere, with
    X its own head (not "the US base in Syria"); working for someone a noun phrase
    ("X, spokesman for Y") or a verb of working.
    """
    up, down = dependency_path(a.root, b.root)
    path = [*up, *down]
    lemmas = {t.lemma_.lower() for t in path[1:-1]} | {t.lower_ for t in path[1:-1]}
    arcs = {t.dep_ for t in [*up[:-1], *down]}
    verbs = [t for t in path[1:-1] if t.pos_ in ("VERB", "AUX")]
    if pred == term("killed"):
        return bool(lemmas & lex.KILL_WORDS)
    if pred in _PLACE_PREDICATES:
        # X is its own head ("X in Y", "Y's X", "X, a Y native"), not what modifies a noun
        own_head = all(t.dep_ not in ("compound", "poss", "nmod", "amod") for t in up[:-1])
        if pred == term("livesIn") and _office_of(path):
            return False  # "X, deputy governor of Y": Y is where X holds office, not X's home
        if pred != term("locatedIn") and b.root.dep_ == "pobj" and _undergoes_an_event(a.root):
            return False  # "the assassination of X in Y": Y is where it happened, not X's home
        if lemmas & lex.SIDES_NOUNS or any(
            t.dep_ in ("compound", "nmod", "amod", "poss") and _is(t.head, lex.SIDES_NOUNS) for t in path
        ):
            return False  # "Israel's war with Hamas", "the Israel-Hamas war": sides, not places
        if verbs:  # "X was born in Y", "X is a native of Y", "X, who lives in Y"
            return own_head and all(_is(t, lex.LOCATIVE_VERBS) for t in verbs)
        return own_head and arcs <= _PLACE_ARCS | _NOUN_PHRASE_ARCS
    if pred == term("worksFor"):
        # the worker heads the phrase ("X, spokesman for Y"), not a place or a time in it
        # ("fighters from Y near X")
        if len(up) > 1 and up[0].dep_ == "pobj" and up[1].lower_ in _PLACE_PREPOSITIONS:
            return False
        return (arcs <= _NOUN_PHRASE_ARCS and not verbs) or any(_is(t, lex.WORK_VERBS) for t in verbs)
    return True


def _undergoes_an_event(tok) -> bool:
    """ "the assassination of X", "the arrest of X", "fighting X": X is what the event
    befell, so a place said of X is the event's place."""
    if tok.dep_ == "dobj":  # "forces fighting IS in Kobane": where they fight, not IS's base
        return _is(tok.head, lex.SIDES_NOUNS) or tok.head.lemma_.lower() in lex.EVENT_TRIGGERS
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.pos_ == "NOUN"
        and tok.head.head.lemma_.lower() in lex.EVENT_TRIGGERS
    )


def _office_of(path: list) -> bool:
    """The path runs through "<office> of Y" ("governor of Y", "minister for Y")."""
    inner = path[1:-1]
    return any(
        _is(t, lex.STATE_OFFICES)
        and any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c in inner for c in t.children)
        for t in inner
    )


def _is(tok, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def label_mask(labels: tuple[str, ...], a: Mention, b: Mention) -> np.ndarray:
    """Which labels the ontology allows from ``a``'s class to ``b``'s."""
    kinds = (COARSE.get(local(a.cls)), COARSE.get(local(b.cls)))
    return np.array([lab == NONE or kinds in PREDICATES.get(lab, ()) for lab in labels])


class RelationClassifier:
    """Loaded classifier plus its threshold; ``relations()`` is what :func:`kg.extract.extract` calls."""

    def __init__(self, model: SoftmaxClassifier, threshold: float | None = None):
        self.model = model
        self.threshold = float(threshold if threshold is not None else model.meta.get("threshold", DEFAULT_THRESHOLD))

    @classmethod
    def load(cls, path: str | Path) -> RelationClassifier:
        return cls(SoftmaxClassifier.load(path))

    def scored(self, doc, mentions: Iterable[Mention]) -> Iterator[tuple[Mention, Mention, object, object, str, float]]:
        """Every candidate pair with its best relation and probability (no threshold)."""
        labels = self.model.labels
        is_none = np.array([lab == NONE for lab in labels])
        for a, b, sa, sb in candidates(doc, mentions):
            mask = label_mask(labels, a, b)
            if mask.sum() <= 1:
                continue
            ids = hash_features(pair_features(doc, sa, sb, a.cls, b.cls), self.model.buckets)
            p = self.model.proba(ids, mask)
            k = int(np.argmax(np.where(is_none, -1.0, p)))
            yield a, b, sa, sb, labels[k], float(p[k])

    def relations(
        self, doc, mentions: Iterable[Mention], existing: Iterable[Relation] = (), *, threshold: float | None = None
    ) -> list[Relation]:
        return keep(self.scored(doc, mentions), existing, self.threshold if threshold is None else threshold)


def keep(
    scored: Iterable[tuple], existing: Iterable[Relation], threshold: float, *, syntax: bool = True
) -> list[Relation]:
    """The scored pairs that become relations: probable enough, not said by a rule, and
    (with ``syntax``) stated by the sentence's syntax (:func:`supported`)."""
    said = {(r.subject, r.object, r.predicate) for r in existing}
    out = []
    for a, b, sa, sb, pred, p in scored:
        if p < threshold or (syntax and not supported(pred, sa, sb)):
            continue
        if any((a.id, b.id, q) in said for q in COVERED_BY.get(pred, {pred})):
            continue
        out.append(Relation(pred, a.id, b.id, sentence_span(sa.root), round(p, 4), EXTRACTOR))
    return out
