"""Titles and roles around a person's name, which are the person's title, never the name.

Three places hold one, all read from the words' layout and case (the parse of a title
is often wrong, which is why the name came out wrong in the first place):

* before the name: formal titles and role nouns with their modifiers, "Brig. Gen.",
  "Secretary of State", "Mr", "Hezbollah leader" (the title is "leader": the
  organisation is a name of its own), "military spokesman", "governor";
* at the start of the name the model found: "Gen. Yahya Saree", "State Antony Blinken"
  (the model cut "Secretary of State" in two);
* after the name, in apposition: "Nasser Kanaani, chief ministry spokesperson, said",
  "Omar Haddad, the commander of ...".

A span the model took for a name that is only a role ("Chief Ministry Spokesperson")
is no name at all (:func:`is_role_phrase`).
"""

from __future__ import annotations

from kg.nlp import lexicon as lex

# title words that also begin names of things ("General Motors", "King Fahd Airport",
# "Prince Sultan Air Base"): inside a span the model did not call a person, they are
# read as part of the name
NAMING_TITLES = frozenset(
    """general king queen prince princess sheikh shaikh imam pope cardinal lord lady sir dame
    emir sultan marshal field-marshal justice speaker judge bishop rabbi""".split()
)
_MODIFIER_TAGS = frozenset({"JJ", "JJS", "JJR", "NN", "NNP", "VBN"})
_DETERMINERS = frozenset({"the", "a", "an"})
# words that end the role words of an apposition: "X, the commander of ...", "X, spokesman, said"
_AFTER_ROLE = frozenset({"of", "for", "at", "in", "with", "who", "and", "to"})


def is_title_word(tok) -> bool:
    """A formal title ("Gen.", "President", "Mr") or a role noun in the singular
    ("spokesman", "leader")."""
    word = tok.lower_.rstrip(".")
    if word in lex.TITLES:
        return tok.is_alpha or tok.text.endswith(".")
    return tok.is_alpha and tok.tag_ in ("NN", "NNP") and word in lex.ROLE_NOUNS


def _glued_stop(doc, i: int) -> bool:
    """Token ``i`` is the full stop of an abbreviated title: "Brig" "."."""
    return doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].lower_ in lex.TITLE_ABBREVIATIONS


def _office_start(doc, j: int) -> int | None:
    """When tokens up to ``j`` end "Secretary of State": the index of "Secretary"."""
    k = j
    while k >= 0 and doc[k].lower_ in lex.OFFICE_WORDS and not doc[k].is_punct:
        k -= 1
    offices = [t for t in doc[k + 1 : j + 1] if t.lower_ != "the"]  # "a member of the Smith family": none
    if offices and doc[j].lower_ != "the" and k >= 1 and doc[k].lower_ == "of" and is_title_word(doc[k - 1]):
        return k - 1
    return None


def title_start(doc, i: int, type_words=frozenset()) -> int:
    """The first index of the title that ends just before token ``i`` (``i``: none).

    The word right before the name must be a title, a role noun, the stop of an
    abbreviated title or the office of "Secretary of State". Before it, more titles
    ("Brig. Gen.") and the title's modifiers belong to it: "Foreign Minister", "Prime
    Minister", "deputy governor", "military spokesman". A name, a nationality, a word
    that types a body (``type_words``: "Ministry") or a role before a formal title
    ("Military spokesman Gen X": the title is "Gen") ends it.
    """
    start, j = i, i - 1
    formal = False  # a formal title is in: a role noun before it is no part of it
    while j >= 0 and not (doc[j].is_space or "\n" in doc[j].whitespace_):
        tok = doc[j]
        if _glued_stop(doc, j) or tok.lower_.rstrip(".") in lex.TITLES and is_title_word(tok):
            start, j, formal = j, j - 1, True
        elif is_title_word(tok) and not formal:
            start, j = j, j - 1
        elif (office := _office_start(doc, j)) is not None:
            start, j, formal = office, office - 1, True
        elif tok.lower_ == "of" and j >= 1 and is_title_word(doc[j - 1]) and doc[j + 1].lower_ in lex.OFFICE_WORDS:
            start, j, formal = j - 1, j - 2, True  # "Secretary of" before "State Antony Blinken"
        elif start < i and not is_title_word(tok) and _modifier(tok, type_words):
            start, j = j, j - 1
        else:
            break
    return start


def _modifier(tok, type_words) -> bool:
    """A word that may modify a title: "deputy", "military", "Foreign", "Prime"; a
    capitalised one only when it names an office or a rank ("Ukrainian" is no part of
    "Ukrainian Foreign Minister")."""
    if not tok.is_alpha or tok.ent_type_ or tok.tag_ not in _MODIFIER_TAGS:
        return False
    if tok.lower_ in lex.OFFICE_WORDS or tok.lower_ in lex.TITLE_MODIFIERS:
        return True
    return tok.is_lower and tok.lower_ not in type_words and tok.lower_ not in _DETERMINERS


def skip_title(doc, start: int, end: int, *, naming: bool = True) -> int:
    """The first index of ``doc[start:end]`` after the title it begins with; never ``end``.

    With ``naming`` False, titles that also begin names of things ("General", "King")
    are not skipped. Office words right after "Secretary of" before the span ("State
    Antony Blinken") are skipped too.
    """
    i = start
    if i >= 2 and doc[i - 1].lower_ == "of" and is_title_word(doc[i - 2]):
        while i < end - 1 and doc[i].lower_ in lex.OFFICE_WORDS:
            i += 1
    while i < end - 1:
        tok = doc[i]
        if _glued_stop(doc, i) or is_title_word(tok) and (naming or tok.lower_.rstrip(".") not in NAMING_TITLES):
            i += 1
        elif tok.lower_ == "of" and i > start and (office := _office_end(doc, i, end)) is not None:
            i = office
        else:
            break
    return i


def _office_end(doc, i: int, end: int) -> int | None:
    """When ``doc[i]`` is the "of" of "Secretary of State X": the index after "State"."""
    k = i + 1
    while k < end - 1 and doc[k].lower_ in lex.OFFICE_WORDS:
        k += 1
    return k if k > i + 1 else None


def appositive_role(doc, end: int, type_words=frozenset()) -> tuple[int, int] | None:
    """The role words of an apposition after a name that ends at token ``end``.

    "Nasser Kanaani, chief ministry spokesperson, said" gives "chief ministry
    spokesperson"; "X, the group's military spokesman" gives "military spokesman";
    "X, a former Malian colonel who ..." gives "former Malian colonel". The determiner,
    possessor and names that open the apposition are not part of the title.
    """
    if end >= len(doc) or doc[end].text != ",":
        return None
    stop = doc[end].sent.end if doc.has_annotation("SENT_START") else len(doc)
    i = end + 1
    while i < stop and (doc[i].lower_ in _DETERMINERS or doc[i].tag_ in ("DT", "PDT")):
        i += 1  # "the", "another"
    # a short possessor: "the group's", "Iran's"
    k = i
    while k < min(stop, i + 4) and doc[k].tag_ in ("NN", "NNP", "NNS", "NNPS"):
        k += 1
    if k > i and k < stop and doc[k].tag_ == "POS":
        i = k + 1
    while i < stop:  # the names that open it: "al Shabaab military operations spokesman"
        ent = None if doc[i].tag_ == "PRP$" else _entity_at(doc, i)
        if doc[i].tag_ != "PRP$" and (ent is None or is_role_phrase(ent, type_words)):
            break
        i = i + 1 if ent is None else ent.end
    first = i
    while i < stop and not _ends_role(doc[i]):
        tok = doc[i]
        if not (tok.is_alpha or tok.text == "-" and i > first and i + 1 < stop and doc[i + 1].is_alpha):
            break  # words, and hyphens between them: "a high-level Hezbollah commander"
        i += 1
    role = next((r for r in range(i - 1, first - 1, -1) if is_title_word(doc[r])), None)
    if role is None or any(t.tag_ != "VBN" for t in doc[role + 1 : i]):
        return None  # after the role, only a participle: "a Hezbollah commander killed in ..."
    if role + 1 == i and i < stop and doc[i].is_alpha and doc[i].tag_.startswith("VB"):
        return None  # "X, the spokesman said": no apposition
    return first, role + 1


def _entity_at(doc, i: int):
    """The entity of ``doc`` that token ``i`` is in, if any."""
    if not doc[i].ent_type_:
        return None
    return next((e for e in doc.ents if e.start <= i < e.end), None)


def _ends_role(tok) -> bool:
    """A word after which the words of a role cannot go on: a preposition, a
    conjunction, a relative pronoun or a verb other than a participle."""
    return (
        tok.lower_ in _AFTER_ROLE
        or tok.tag_ in ("IN", "CC", "WP", "WDT", "TO")
        or (tok.tag_.startswith("VB") and tok.tag_ != "VBN")
    )


def is_role_phrase(span, type_words=frozenset()) -> bool:
    """A span the model took for a name that only names a role: "Chief Ministry
    Spokesperson", "Foreign Minister", "Supreme Leader".

    It has two words or more; its last is a title or role noun, and every word before
    it a title, a role, an office, a word that types a body (``type_words``:
    "Ministry"), an adjective or a nationality: "Galaxy Leader" (a ship) is a name.
    """
    last = span[-1]
    word = last.lower_.rstrip(".")
    if len(span) < 2 or not (last.is_alpha and (word in lex.ROLE_NOUNS or word in lex.TITLES)):
        return False  # one word may be a surname: "Bishop", "King"
    for tok in span[:-1]:
        w = tok.lower_.rstrip(".")
        known = w in lex.TITLES or w in lex.ROLE_NOUNS or w in lex.OFFICE_WORDS or w in type_words
        if not (known or tok.is_punct or tok.tag_ == "JJ" or tok.ent_type_ == "NORP"):
            return False
    return True


def in_title(span) -> bool:
    """Words of an office the model took for a name: "Defense" in "Defense Secretary X"
    and "Secretary of Defense", "Supreme" in "Supreme Leader"."""
    if not all(t.lower_ in lex.OFFICE_WORDS or t.lower_ in lex.TITLE_MODIFIERS for t in span):
        return False
    doc = span.doc
    if span.end < len(doc) and is_title_word(doc[span.end]):
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and is_title_word(doc[span.start - 2])


def person_like(span, type_words) -> bool:
    """Whether the words of ``span`` can be a person's name: one to four capitalised
    words (particles such as "al" allowed), none of them a word that types a thing
    (``type_words``: "Base", "Airport", "Brigades")."""
    words = [t for t in span if not (t.is_punct and t.text == "-")]
    if not 1 <= len([t for t in words if t.lower_ not in lex.NAME_PARTICLES]) <= 4:
        return False
    for t in words:
        if t.lower_ in lex.NAME_PARTICLES:
            continue
        if not (t.is_alpha and t.text[:1].isupper()) or t.lower_ in type_words:
            return False
    return True
