"""The linking rules: which mentions of one article are the same actor.

Each rule joins clusters of :class:`~kg.resolve.clusters.ArticleClusters`;
:func:`kg.resolve.entities.resolve_article` applies them in this order: same key,
acronym, alias given on the spot, surname, then (once the names are joined) body ->
state, pronouns and nominals, and "we" -> the speaker's organisation.
"""

from __future__ import annotations

from collections import defaultdict

from kg.nlp.lexicon import NAME_PARTICLES
from kg.nlp.spelling import name_key, variant_eligible, variant_key
from kg.ontology import term
from kg.resolve import coref
from kg.resolve.acronyms import defined_acronyms
from kg.resolve.aliases import defined_aliases
from kg.resolve.clusters import ArticleClusters
from kg.types import Mention

PERSON = term("Person")
# a speaker's relation to the organisation "we" in their quote stands for
ROLE_PREDICATES = frozenset(term(p) for p in ("spokespersonFor", "leaderOf", "memberOf", "worksFor"))
STATE = frozenset({"State"})  # what a government body can belong to (local class names)
FIRST_PERSON = ("we", "our", "us")  # these wait for their speaker; never coreference


def _names(art: ArticleClusters) -> list[Mention]:
    return [m for m in art.mentions if m.kind in ("name", "demonym")]


def _keys(m: Mention) -> tuple[str, ...]:
    if m.typed_by == "metonym":
        return (m.link,)  # "Moscow accused ..." is Russia; "a strike on Moscow" stays the city
    keys = ["text:" + name_key(m.text)]
    if variant_eligible(m.text.split()) and not m.text.isupper():
        keys.append("variant:" + variant_key(m.text))
    return (m.link, *keys) if m.link else tuple(keys)


def link_same_key(art: ArticleClusters) -> None:
    """Names join when they share a gazetteer link, the same text (ignoring case and
    typography: "Hay’at" is "Hay'at") or, when long, the same transliteration key
    ("Kataib Hizbullah", "Kataib Hezbollah")."""
    first: dict[str, int] = {}
    for m in _names(art):
        for key in _keys(m):
            if key in first:
                art.union(first[key], m.id)
            else:
                first[key] = m.id


def link_acronyms(art: ArticleClusters) -> None:
    """An acronym the article defines joins its long form: "... Forces (PMF)"."""
    for short, long in defined_acronyms(art.ex.article.text, art.mentions).items():
        art.union(short, long)


def link_aliases(art: ArticleClusters) -> None:
    """A name the article gives another on the spot joins it: "X, also known as Y", "X (Y)"."""
    for alias, name in defined_aliases(art.ex.article.text, art.mentions).items():
        art.union(name, alias)


def surname_key(name: str) -> str:
    """The key of a name's last word, without a particle: "al-Tamimi" -> "tamimi".

    >>> surname_key("Abd al-Karim al-Tamimi"), surname_key("Mr Kirby"), surname_key("Hamdi")
    ('tamimi', 'kirby', 'hamdi')
    """
    last = name_key(name).split()[-1] if name.split() else ""
    head, _, rest = last.partition("-")
    return rest if rest and head in NAME_PARTICLES else last


def link_surnames(art: ArticleClusters) -> None:
    """ "Kirby" joins "John Kirby" when exactly one full name in the article ends so.

    The one-word name may be a person's, or a name only the model typed ("Dembele", which
    it took for a place); the full names are people's. Particles do not count:
    "Tamimi" is the surname of "Abd al-Karim al-Tamimi".
    """
    names = _names(art)
    people = [m for m in names if m.cls == PERSON and len(m.text.split()) > 1]
    full: dict[str, set[str]] = defaultdict(set)
    for m in people:
        full[surname_key(m.text)].add(name_key(m.text))
    for m in names:
        if len(m.text.split()) != 1 or m.link or not (m.cls == PERSON or m.typed_by == "model"):
            continue
        found = full.get(surname_key(m.text), ())
        if len(found) == 1:
            target = next(x for x in people if name_key(x.text) in found)
            art.union(target.id, m.id)
            if m.cls != PERSON:
                art.retype(m.id, PERSON)


def body_states(art: ArticleClusters) -> dict[int, int]:
    """Mention id of each government body -> cluster id of the state it belongs to.

    The extractor's link ("Iraq's military") when it found one, else the most salient
    state before the body ("the Foreign Ministry" after "Iran"). Joins nothing.
    """
    out: dict[int, int] = {}
    for m in art.mentions:
        if m.kind != "body":
            continue
        state = m.country
        if state is None:
            state = coref.best_antecedent(m, _near(art, m), art.class_of, STATE)
        if state is not None:
            out[m.id] = art.find(state)
    return out


def _near(art: ArticleClusters, m: Mention) -> dict[int, list[Mention]]:
    """The clusters ``m``'s salience window reaches (the others score 0 in any case)."""
    return art.groups_near(range(m.sent - coref.WINDOW, m.sent + 1), m.start)


def _is_anaphor(m: Mention) -> bool:
    return m.kind in ("pronoun", "nominal") and m.speaker is None and m.text.lower() not in FIRST_PERSON


def link_anaphora(art: ArticleClusters) -> None:
    """Pronouns and nominals ("it", "he", "the group"), in text order, join their antecedent."""
    for m in art.mentions:
        if _is_anaphor(m):
            cid = coref.best_antecedent(m, _near(art, m), art.class_of, coref.fits_for(m))
            if cid is not None:
                art.union(cid, m.id)


def organisation_of(art: ArticleClusters, speaker_cid: int) -> int | None:
    """Cluster id of the organisation the article says the speaker speaks for or works for."""
    for r in art.ex.relations:
        if r.predicate in ROLE_PREDICATES and art.find(r.subject) == speaker_cid:
            return art.find(r.object)
    return None


def link_we_to_speaker(art: ArticleClusters) -> None:
    """ "We" in a quote joins the speaker's organisation, else the speaker, when it is named."""
    for m in art.mentions:
        if m.speaker is None:
            continue
        speaker = art.find(m.speaker)
        org = organisation_of(art, speaker)
        target = speaker if org is None else org
        if target in art.anchored_roots():
            art.union(target, m.id)
