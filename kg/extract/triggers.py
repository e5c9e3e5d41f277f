"""Which words are events, and of which class: the trigger lexicon read against the parse.

A lemma in :data:`kg.nlp.lexicon.EVENT_TRIGGERS` is an event only in the right use:
"fire" the verb but not the noun, "blast" the noun but not the verb ("blasted the
decision"), "dead" said of someone, "bombs went off" with its particle. Some uses change
the class ("an assassination attempt" is an attack, no death) or cancel it ("a general
strike", "fire 200 workers", "the death penalty"), and so does negation ("no one was
hurt").

What kind of attack it is comes from its own words through a table
(:data:`kg.nlp.lexicon.ATTACK_TYPES`): an attack by aircraft or drones ("air strikes",
"warplanes struck", "a drone strike", "bombing from aircraft") is an air strike, and so
is a country's strike with no ground weapon named ("an Israeli strike"); a missile,
rocket, artillery or anti-ship attack stays an attack. Only an explicit statement ("said
in a statement", "announced", "the group's statement reads") is a Statement event. A
sentence in question form asserts nothing, so its words are no events (:func:`in_question`).
"""

from __future__ import annotations

from kg.extract.designations import designates_here
from kg.nlp import lexicon as lex

ATTACKS = ("Attack", "AirStrike")
HARMS = ("Killing", "Injury")
# acts done by saying them: a designation announced by its maker, a statement, a
# condemnation or a threat is reported as made, not as a claim, and dated by its report
PERFORMATIVE = frozenset({"Designation", "Statement", "Condemnation", "Threat", "Accusation", "Rejection", "Agreement"})


def trigger_lemma(tok) -> str:
    """The lemma, with participles used as adjectives reduced too ("targeted" -> "target")."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.EVENT_TRIGGERS and tok.tag_ == "JJ" and lemma.endswith("ed"):
        for stem in (lemma[:-2], lemma[:-1]):
            if stem in lex.EVENT_TRIGGERS:
                return stem
    return lemma


def _phrasal_class(tok) -> str | None:
    """ "blew himself up", "the bombs went off": attacks only with their particle."""
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    for (verb, particle), cls in lex.PHRASAL_TRIGGERS.items():
        if tok.lemma_.lower() == verb and particle in particles and tok.pos_ == "VERB":
            if verb == "go":  # only a device goes off as an attack
                subjects = {c.lower_ for c in tok.children if c.dep_ == "nsubj"}
                if not subjects & lex.DEVICE_NOUNS:
                    return None
            return cls
    return None


def is_predicative(tok) -> bool:
    """ "were dead", "shot dead", "were injured" (tagged an adjective): said of someone."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj")


def trigger_class(tok) -> str | None:
    """The event class local name ``tok`` signals ("Attack", "Killing"...), or None."""
    designation = designates_here(tok)
    if designation is not None:
        return "Designation" if designation and not negated(tok) else None
    lemma = trigger_lemma(tok)
    cls = lex.EVENT_TRIGGERS.get(lemma)
    if cls is None:
        return _phrasal_class(tok)
    is_verb = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    adjectival = tok.dep_ == "amod" and tok.tag_ in ("VBN", "JJ") and cls in ("Attack", *HARMS)
    predicative = is_predicative(tok) and cls in HARMS
    if lemma in lex.PREDICATIVE_TRIGGERS and not (predicative or tok.pos_ == "NOUN"):
        return None
    if lemma in lex.VERB_ONLY_TRIGGERS and not (is_verb or adjectival or undergone_under(tok) is not None):
        return None
    if lemma == "launch" and not _launches_a_weapon(tok):
        return None
    if lemma in lex.NOUN_ONLY_TRIGGERS and tok.pos_ != "NOUN":
        return None
    if not is_verb and tok.pos_ != "NOUN" and not adjectival and not predicative:
        return None
    if cls == "Killing" and _attempted(tok):
        return "Attack"  # "an assassination attempt", "attempted murder": an attack, no death
    if tok.pos_ == "NOUN" and tok.dep_ == "compound":
        head = tok.head.lemma_.lower()
        # "shooting attack": the head says what happened; "suicide bomber", "death penalty",
        # "murder charges" name no death, but a "death toll" counts them
        if lex.EVENT_TRIGGERS.get(head) or (cls in HARMS and head not in lex.COUNT_NOUNS):
            return None
    if lemma == "strike" and tok.pos_ == "NOUN" and _labour_strike(tok):
        return None
    if lemma == "fire" and _fired_from_a_job(tok):
        return None
    if lemma in lex.EXPLODING_VERBS and is_verb and not _device_went_off(tok):
        return None
    if negated(tok):
        return None
    if cls == "Statement" and not explicit_statement(tok):
        return None
    if cls == "Attack":
        return attack_type(tok)
    return cls


def explicit_statement(verb) -> bool:
    """ "announced", "said in a statement", "the group's statement reads": a statement
    made as such. Plain "X said" reports words, and is no event of its own."""
    if verb.lemma_.lower() in lex.ANNOUNCING_VERBS:
        return True
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.STATEMENT_NOUNS for c in verb.children):
        return True  # "the group's statement reads", "the release said"
    return any(
        p.lemma_.lower() in lex.STATEMENT_NOUNS or p.lower_ in lex.STATEMENT_NOUNS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "through", "via")
        for p in c.children
        if p.dep_ == "pobj"
    )


def attack_type(tok) -> str:
    """The attack class its own words give ``tok``: its modifiers, its subject, who or
    what it came from ("by warplanes", "from aircraft"); the first row of
    :data:`kg.nlp.lexicon.ATTACK_TYPES` that matches, else "Attack"."""
    words = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubj"):
            words |= {c.lower_, c.lemma_.lower()}
        if c.dep_ == "nsubj":  # "an airstrike campaign targeted ...": the campaign's kind
            words |= {g.lower_ for g in c.children if g.dep_ in ("compound", "amod")}
        elif c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from"):
            words |= {p.lemma_.lower() for p in c.children if p.dep_ == "pobj"}
    for cls, cues in lex.ATTACK_TYPES:
        if words & cues:
            return cls
    if _state_strike(tok, words):
        return "AirStrike"
    return "Attack"


def _state_strike(tok, words: set[str]) -> bool:
    """ "an Israeli strike", "US strikes": a strike a country makes, with no weapon named
    that fires from the ground, is made from the air."""
    if tok.lemma_.lower() != "strike" or tok.pos_ != "NOUN" or words & lex.GROUND_STRIKE_MODIFIERS:
        return False
    return any(
        (c.dep_ == "amod" and c.ent_type_ == "NORP") or (c.dep_ in ("compound", "poss") and c.ent_type_ == "GPE")
        for c in tok.children
    )


_WH_WORDS = frozenset("who whom whose what which where when why how".split())


def in_question(tok) -> bool:
    """Whether ``tok`` is in a sentence in question form (see :func:`question_sentence`)."""
    return question_sentence(tok.sent)


def question_sentence(sent) -> bool:
    """Whether the spaCy sentence ``sent`` is in question form, which asserts nothing.

    A question ends with "?" (closing quotes and brackets aside), or opens with a wh-word
    whose clause is inverted: "Which groups did France strike" has its auxiliary before
    its subject. "Who attacked the base remains unclear" is no question.
    """
    if sent.text.rstrip().rstrip("\"'”’)]»").endswith("?"):
        return True
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.lower_ not in _WH_WORDS:
        return False
    root = sent.root
    subjects = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    auxiliaries = [c.i for c in root.children if c.dep_ in ("aux", "auxpass") and c.i > first.i]
    if root.lemma_ == "be" and root.i > first.i:
        auxiliaries.append(root.i)
    return bool(subjects and auxiliaries and min(auxiliaries) < min(subjects))


def negated(tok) -> bool:
    """The text says it did not happen: "did not attack", "were never hurt", "was not
    dead", "no one was killed", "none of them were injured", "there was no attack"."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    if _held_back(tok):
        return True
    words = [tok, tok.head] if is_predicative(tok) and tok.head.lemma_ == "be" else [tok]
    for word in words:
        for c in word.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in lex.NEGATIVE_PRONOUNS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            ):
                return True
    return False


def _held_back(tok) -> bool:
    """An act someone kept from doing: "stopped short of striking Iran", "refrained from
    attacking", "refused to strike", "avoided striking"."""
    head = tok.head
    if tok.dep_ == "xcomp":
        return head.lemma_.lower() in lex.HOLDING_BACK_VERBS
    if tok.dep_ == "pcomp" and head.lower_ in ("from", "of"):
        gov = head.head
        return (head.lower_ == "from" and gov.lemma_.lower() in lex.HOLDING_BACK_VERBS) or (
            head.lower_ == "of" and gov.lower_ == "short"  # "stopped short of", "fell short of"
        )
    return False


def _attempted(tok) -> bool:
    """ "assassination attempt", "attempted murder", "tried to kill him"."""
    if tok.pos_ != "NOUN":
        return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.ATTEMPT_VERBS
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    head_is_attempt = tok.dep_ == "compound" and tok.head.lemma_.lower() == "attempt"
    return bool(mods & lex.ATTEMPT_WORDS) or head_is_attempt


_TIME_UNITS = frozenset("hour day week month year".split())


def _labour_strike(tok) -> bool:
    """ "a general strike", "a 48-hour strike", "workers went on strike"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and not any(c.dep_ == "det" for c in tok.children):
        return True
    # the strike's own modifiers, not its whole subtree: in "last week's US strikes" the
    # "week" is when, not what kind; "a 48-hour strike" and "the teachers' strike" are kinds
    words = {
        w
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod", "poss")
        for w in (c.lemma_.lower(), c.lower_)
        if not (c.dep_ == "poss" and w in _TIME_UNITS)
    }
    return bool(words & lex.LABOUR_STRIKE_MODIFIERS) and not words & lex.AIR_MODIFIERS


def _device_went_off(verb) -> bool:
    """ "the bomb exploded", "it exploded", "detonated a bomb"; not "shares exploded"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.dep_ == "dobj" for c in verb.children):
        return True
    return any(
        s.pos_ == "PRON" or s.lemma_.lower() in lex.DEVICE_NOUNS or s.lower_ in lex.DEVICE_NOUNS for s in subjects
    )


def undergone_under(tok):
    """ "the base came under fire": the verb whose subject undergoes the noun ``tok``
    (the noun "fire" is an attack in this phrase only), else None."""
    head = tok.head
    if tok.pos_ == "NOUN" and head.lower_ == "under" and head.head.lemma_.lower() in lex.UNDERGOING_VERBS:
        return head.head
    return None


def _launches_a_weapon(tok) -> bool:
    """ "launched missiles at", "rockets were launched": a weapon, not a campaign or a product."""
    return tok.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in lex.LAUNCHED_WEAPONS for c in tok.children
    )


def _fired_from_a_job(tok) -> bool:
    """ "they'll fire us", "they'll be fired": people are fired from jobs, weapons at people."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.pos_ == "PRON" and c.lower_ not in ("it", "them") or is_person(c) for c in objects)


def has_device_subject(verb) -> bool:
    """ "the bomb exploded", "bombs went off": an intransitive explosion's subject is the device."""
    if verb.lemma_.lower() not in lex.EXPLODING_VERBS and _phrasal_class(verb) is None:
        return False
    if verb.lemma_.lower() == "blow":
        return False  # "blew himself up": the bomber
    return not any(c.dep_ == "dobj" for c in verb.children)


def is_bare_participle(tok) -> bool:
    """ "three others wounded", "7 militants killed in blasts": a passive without its "were"."""
    deps = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and "nsubj" in deps and not deps & {"aux", "auxpass", "dobj"}


def is_person(tok) -> bool:
    """A common noun for people: "civilians", "the bomber", "two police officers"."""
    return (
        tok.lemma_.lower() in lex.PERSON_NOUNS
        or tok.lower_ in lex.PERSON_NOUNS
        or tok.lemma_.lower() in lex.ROLE_NOUNS
        or tok.lower_.rstrip(".") in lex.TITLES
    )


def is_group(tok) -> bool:
    """A common noun for an armed or governing body: "troops", "militia", "police"."""
    return any(
        tok.lemma_.lower() in lex.TYPE_NOUNS[c] or tok.lower_ in lex.TYPE_NOUNS[c]
        for c in ("ArmedGroup", "Military", "GovernmentBody")
    )
