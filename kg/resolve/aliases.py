"""Other names an article gives a name on the spot: "X, also known as Y", "X (Y)", "X, or Y,".

Read from the text between two name mentions, as :mod:`kg.resolve.acronyms` reads a
defined acronym. The second name is an alias of the first: the two are one entity, and
no relation stands between them. The layouts:

* "X, also known as Y", "X, known as Y", "X - also known as Y -", "X (also called Y)",
  "X, aka Y";
* "X (Y)": the parentheses hold nothing but the name, an acronym ("Front for the
  Liberation of the North (FLN)") or a name of the same kind ("Jaish al-Shamal
  (Army of the North)"); a place in parentheses is where the first place
  is ("Mosul (Nineveh)"), not its name, so places never join this way;
* "X, or Y,": "the Quds Force, or Qods Force, ...".

The two names must be able to be one thing: both people, both organisations or both
places, and never two different gazetteer entries; an acronym stands for the name of
an organisation only ("John Smith (CNN)" says where Smith works).
"""

from __future__ import annotations

import re

from kg.nlp.spelling import typography
from kg.ontology import ORGANIZATIONS, local
from kg.types import Mention

_ADVERB = r"(?:also|better|otherwise|commonly|widely|locally)"
# a comma, bracket or dash, or an adverb, before the cue: in "Smith called Jones" it is a verb
_KNOWN_AS = re.compile(
    rf"\s*(?:[,(\-]\s*(?:{_ADVERB}\s+)?|\s{_ADVERB}\s+)(?:known\s+as|called|aka|a\.k\.a\.)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OPEN = re.compile(r"\s*\(\s*(?:the\s+)?$", re.IGNORECASE)
_CLOSE = re.compile(r"\s*\)")
_OR = re.compile(r"\s*,\s*or\s+(?:the\s+)?$", re.IGNORECASE)
_OR_END = re.compile(r"\s*[,)]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-\.&]{1,9}s?")
_FAMILIES = (("person", frozenset({"Person"})), ("org", ORGANIZATIONS), ("place", frozenset({"Place", "City"})))


def family(m: Mention) -> str:
    """Which kind of thing ``m`` names: "person", "org", "state" or "place"."""
    name = local(m.cls)
    return next((f for f, classes in _FAMILIES if name in classes), name.lower())


def can_be_one(x: Mention, y: Mention, *, places: bool = True) -> bool:
    """Whether names ``x`` and ``y`` can name one thing (see the module docs)."""
    if x.link and y.link:
        return x.link == y.link
    if _ACRONYM.fullmatch(y.text) and len(x.text.split()) > 1:
        return family(x) == "org"  # "John Smith (CNN)": a person's affiliation, no alias
    if family(x) in ("place", "state") and not places:
        return False
    return family(x) == family(y)


def defined_aliases(text: str, mentions: list[Mention]) -> dict[int, int]:
    """Mention id of each alias defined on the spot -> mention id of the name it is given to."""
    names = sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start)
    out = {}
    for x, y in zip(names, names[1:]):
        between = typography(text[x.end : y.start])
        after = typography(text[y.end : y.end + 3])
        if _KNOWN_AS.fullmatch(between) or _OR.fullmatch(between) and _OR_END.match(after):
            ok = can_be_one(x, y)
        elif _OPEN.fullmatch(between) and _CLOSE.match(after):
            ok = can_be_one(x, y, places=False)
        else:
            ok = False
        if ok:
            out[y.id] = x.id
    return out
