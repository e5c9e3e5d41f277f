"""Finding the mentions of actors and places in a parsed article.

Three kinds: names (from NER and the gazetteer ruler, with titles and determiners
stripped and their class corrected by syntax), pronouns (it, its, he, we), and
nominals (the group, the militia; Iraq's military). Pronouns and nominals are linked to
their antecedents later, in :mod:`kg.resolve.coref`.

A fourth kind, ``description`` ("two police officers", "the bomber", "scores more"), is
made only on request by the event extractor, for participants of an event that are not
named (:meth:`MentionFinder.description`). Descriptions are not entities: resolution
leaves them out, so they never become actors in the graph or the network, and no
other extractor sees them (they are not in the token map behind ``mention_at``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.extract import titles
from kg.nlp import lexicon as lex
from kg.nlp.spelling import name_key, typography, variant_eligible, variant_key
from kg.ontology import ONT, ORGANIZATIONS, is_a
from kg.types import GazetteerEntry, Mention

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
MODEL_CLASS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
_DETS = {"the", "a", "an"}
# words that say a name is a thing's, not a person's ("Prince Sultan Air Base")
_TYPE_WORDS = frozenset(
    {w for words in (*lex.TYPE_NOUNS.values(), *lex.ORG_NAME_WORDS.values()) for w in words}
    | lex.VESSEL_NOUNS
    | lex.FACILITY_NOUNS
    | {"air", "airport", "base", "road", "hotel", "station", "mosque", "hospital", "school"}
)
# nouns before a name that make it a place's or a ship's: "the cargo ship Galaxy Leader"
_PLACE_WORDS = lex.VESSEL_NOUNS | lex.FACILITY_NOUNS | lex.TYPE_NOUNS["Place"]


@dataclass
class Gazetteer:
    """Lookups over gazetteer entries: by IRI, by name, by demonym.

    Names and demonyms are looked up by their key (:func:`kg.nlp.spelling.name_key`:
    case and typography aside), and long names also by their transliteration key.
    """

    by_iri: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_name: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_demonym: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_variant: dict[str, GazetteerEntry] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries) -> Gazetteer:
        gaz = cls()
        for e in entries:
            gaz.by_iri[e.iri] = e
            for name in (e.label, *e.aliases):
                name = _strip_det(name)
                if _exact_only(name):
                    gaz.by_name.setdefault(_EXACT + typography(name), e)
                    continue
                gaz.by_name.setdefault(name_key(name), e)
                if variant_eligible(name.split()):
                    gaz.by_variant.setdefault(variant_key(name), e)
            for d in e.demonyms:
                gaz.by_demonym.setdefault(name_key(d), e)
        return gaz

    def named(self, text: str) -> GazetteerEntry | None:
        """The entry with the name ``text``: by its key, else a long name by its
        transliteration key."""
        if _exact_only(text):
            return self.by_name.get(_EXACT + typography(text))
        entry = self.by_name.get(name_key(text))
        if entry is None and variant_eligible(text.split()):
            entry = self.by_variant.get(variant_key(text))
        return entry


_EXACT = "="  # the key prefix of names looked up as written


def _exact_only(name: str) -> bool:
    """Acronyms are looked up as written ("IS" is no "Is")."""
    return name.replace(".", "").replace(" ", "").isupper()


def _strip_det(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


class MentionFinder:
    """Collects mentions of one Doc; ``token_mention`` maps token index -> mention id."""

    def __init__(self, doc, gazetteer: Gazetteer):
        self.doc = doc
        self.gaz = gazetteer
        self.mentions: list[Mention] = []
        self.token_mention: dict[int, int] = {}
        self.token_description: dict[int, int] = {}  # head token -> description mention id
        self.sent_index = {}
        for i, sent in enumerate(doc.sents):
            for tok in sent:
                self.sent_index[tok.i] = i

    # -- public ---------------------------------------------------------------------
    def find(self) -> list[Mention]:
        for ent in self.doc.ents:
            if ent.label_ in NAME_LABELS:
                self._add_name(ent)
        for tok in self.doc:
            if tok.i in self.token_mention:
                continue
            if tok.tag_ in ("PRP", "PRP$") and tok.lower_ in lex.PRONOUNS:
                if tok.text == "US":  # the country, not the pronoun
                    continue
                self._add(tok.i, tok.i + 1, lex.PRONOUNS[tok.lower_], kind="pronoun")
            elif tok.pos_ in ("NOUN", "ADJ", "PROPN"):
                self._maybe_body_or_nominal(tok)
        self.mentions.sort(key=lambda m: m.start)
        # ids follow text order; rebuild the token map accordingly
        order = {m.id: new for new, m in enumerate(self.mentions)}
        self.mentions = [_renumber(m, order) for m in self.mentions]
        self.token_mention = {t: order[m] for t, m in self.token_mention.items()}
        return self.mentions

    def mention_at(self, token) -> Mention | None:
        mid = self.token_mention.get(token.i)
        return None if mid is None else self.mentions[mid]

    def description(self, head, cls: str) -> Mention:
        """A ``description`` mention for the noun phrase headed by ``head`` (made once).

        The phrase runs from the first word before the head that depends on it ("six
        NATO service members", "more than 260") to the head itself: what follows the
        head ("killed in the blast") is not part of the description. Call after
        :meth:`find`; the mention gets the next free id.
        """
        mid = self.token_description.get(head.i)
        if mid is not None:
            return self.mentions[mid]
        left = {t.i for t in head.subtree if t.i <= head.i}
        start = head.i
        while start - 1 in left:  # the contiguous words before the head
            start -= 1
        while start < head.i and (self.doc[start].is_punct or self.doc[start].dep_ in ("cc", "prep")):
            start += 1
        span = self.doc[start : head.i + 1]
        mid = self._new(span, cls, "description", sent=self.sent_index.get(head.i, 0), role=_role(head), typed_by="cue")
        self.token_description[head.i] = mid
        return self.mentions[mid]

    def state_in_name(self, m: Mention) -> Mention | None:
        """The state a known body's name opens with ("Israeli military", "US Air Force"),
        as a mention of its own (made once, after :meth:`find`; not in the token map), or
        None: the name itself says whose body it is, when the gazetteer agrees."""
        entry = self.gaz.by_iri.get(m.link) if m.link and m.kind == "name" else None
        if entry is None or entry.country is None or entry.cls.removeprefix(ONT) not in ORGANIZATIONS:
            return None
        words = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if words is None or len(words) < 2:
            return None
        first = words[:1]
        demonym = self.gaz.by_demonym.get(name_key(first.text))
        state = demonym or self.gaz.named(first.text)
        if state is None or state.iri != entry.country:
            return None
        known = next((x for x in self.mentions if x.start == first.start_char and x.end == first.end_char), None)
        if known is not None:
            return known
        kind = "demonym" if demonym is not None else "name"
        mid = self._new(first, state.cls, kind, sent=m.sent, role="mod", link=state.iri, typed_by="gazetteer")
        return self.mentions[mid]

    # -- names ----------------------------------------------------------------------
    def _add_name(self, ent) -> None:
        tokens = _trimmed(ent)
        if not tokens:
            return
        if ent.label_ == "PERSON" and any(c.isdigit() for c in ent.text) and not ent.ent_id_:
            return  # "F-16s": names of people have no digits
        if not ent.ent_id_ and all(t.like_num or not any(c.isalpha() for c in t.text) for t in tokens):
            return  # "2019", "553": a year or a number is nobody and nowhere
        if (
            len(tokens) == 1
            and tokens[0].is_sent_start
            and tokens[0].tag_ in ("NN", "NNS", "NNPS")
            and not ent.ent_id_
            and ent.label_ != "NORP"
        ):
            return  # "Rockets are fired...": a common noun capitalised by its place, not a name
        if ent.label_ == "NORP":
            span = self.doc[tokens[0].i : tokens[-1].i + 1]
            entry = self.gaz.by_demonym.get(name_key(span.text))
            if entry is not None:
                self._add(span.start, span.end, entry.cls, kind="demonym", link=entry.iri, typed_by="gazetteer")
            return
        link = ent.ent_id_ or None
        if link is None and ent.label_ in ("PERSON", "ORG") and titles.is_role_phrase(ent, _TYPE_WORDS):
            return  # "Chief Ministry Spokesperson": a role, not a name (the title of a name nearby)
        if link is None and titles.in_title(self.doc[tokens[0].i : tokens[-1].i + 1]):
            return  # "Defense" of "Defense Secretary Mark Esper": part of the title
        while len(tokens) > 1 and tokens[0].lower_ in _DETS:
            tokens.pop(0)
        span = self.doc[tokens[0].i : tokens[-1].i + 1]
        if link is None and " ".join(span.text.lower().split()) in lex.DESIGNATION_KINDS:
            return  # "as a Foreign Terrorist Organization (FTO)": a designation's kind, no actor
        if (region := _region(span)) is not None:
            entry = self.gaz.named(region.text)
            if entry is None:
                self._add(region.start, region.end, ONT + "Place", kind="name", typed_by="cue")
            else:
                self._add(region.start, region.end, entry.cls, kind="name", link=entry.iri, typed_by="gazetteer")
            return
        entry = self.gaz.by_iri.get(link) if link else self.gaz.named(span.text)
        if entry is not None and entry.capital_of in self.gaz.by_iri and _acts_as_state(span.root):
            state = self.gaz.by_iri[entry.capital_of]  # "Moscow accused Kyiv": two states
            self._add(span.start, span.end, state.cls, kind="name", link=state.iri, typed_by="metonym")
            return
        if entry is not None:
            self._add(span.start, span.end, entry.cls, kind="name", link=entry.iri, typed_by="gazetteer")
            return
        if span[0].text in lex.VESSEL_PREFIXES and len(span) > 1:
            self._add(span.start, span.end, ONT + "Place", kind="name", typed_by="cue")  # "USS Carney"
            return
        span, title, person = self._title_and_name(span, ent.label_)
        if person:
            local, typed_by = "Person", ("model" if ent.label_ == "PERSON" else "cue")
        else:
            local, typed_by = self._classify(span, ent.label_)
        body = _generic_body(span.text)
        if body and not person:
            self._add(span.start, span.end, ONT + body, kind="body", typed_by="cue")
            return
        if local == "Person" and title is None:
            title = self._appositive_title(span)
        title = title if local == "Person" else None
        self._add(span.start, span.end, ONT + local, kind="name", typed_by=typed_by, title=title)

    def _title_and_name(self, span, label: str):
        """The name without its title, the title (or None), and whether a title makes
        the name a person's: "Brig. Gen. Yahya Saree", "Secretary of State Antony
        Blinken" (a span the model reads "State Antony Blinken", a place)."""
        doc = self.doc
        begin = titles.skip_title(doc, span.start, span.end, naming=label == "PERSON")
        before = titles.title_start(doc, begin, _TYPE_WORDS)
        name = doc[begin : span.end]
        if before == begin or not name[0].text[:1].isupper() or name[0].lower_ in lex.OFFICE_WORDS:
            return span, None, False  # no title, or no name after it ("Secretary of State")
        if label != "PERSON" and not titles.person_like(name, _TYPE_WORDS):
            return span, None, False  # "Prince Sultan Air Base" is no person
        if label != "PERSON" and self.gaz.named(name.text) is not None:
            return span, None, False
        return name, doc[before:begin].text, True

    def _appositive_title(self, span) -> str | None:
        """The role in apposition after a person's name: "X, chief ministry spokesperson,"."""
        found = titles.appositive_role(self.doc, span.end, _TYPE_WORDS)
        return None if found is None else self.doc[found[0] : found[1]].text

    def _classify(self, span, label: str) -> tuple[str, str]:
        """The class of an unknown name: cue words in and around it, else the model's label."""
        words = {t.lower_ for t in span}
        for cls, cue in lex.ORG_NAME_WORDS.items():
            if len(span) > 1 and words & cue and label in ("PERSON", "ORG"):
                return cls, "cue"
        cue = self._neighbour_type(span, label)
        # "US forces" are forces of the US: a place name keeps its kind unless the cue is a place
        if cue and (label in ("PERSON", "ORG", "NORP") and not (label == "ORG" and cue == "Place") or cue == "Place"):
            return cue, "cue"
        return MODEL_CLASS.get(label, "Organization"), "model"

    def _neighbour_type(self, span, label: str = "") -> str | None:
        """The class a noun next to the name gives it ("the town of X", "X news agency").

        A ship's or a facility's noun makes a place of the name it is in apposition with
        ("the cargo ship Galaxy Leader", "the Galaxy Leader, a car carrier"); after the
        name, only of a name the model took for a person's ("the Novak refinery"): an
        organisation has facilities of its own ("Iraqi government facilities").
        """
        root = span.root
        candidates = []
        if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end:
            candidates.append(root.head)  # "Sana news agency", "al-Qaim border crossing"
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < span.start:
            candidates.append(root.head.head)  # "the town of Albu Kamal"
        if root.dep_ == "appos":
            candidates.append(root.head)  # "Albu Kamal, a border town"
        candidates.extend(c for c in root.children if c.dep_ == "appos")
        # "the cargo ship Galaxy Leader": a ship's or a place's noun before the name
        candidates.extend(
            c for c in root.children if c.dep_ in ("compound", "nmod") and c.i < span.start and c.lower_ in _PLACE_WORDS
        )
        for noun in candidates:
            if noun.ent_type_ and noun.ent_type_ not in ("DATE", "TIME"):
                continue  # the neighbour is a name itself: "the Popular Mobilisation Forces (PMF)"
            lemma = noun.lemma_.lower()
            owner = noun.i == root.head.i and noun.i >= span.end  # "X refinery": X may own it
            if (lemma in _PLACE_WORDS or noun.lower_ in _PLACE_WORDS) and (label == "PERSON" or not owner):
                return "Place"  # "the Galaxy Leader, a cargo ship", "the Novak oil refinery"
            if noun.lower_ in lex.TYPE_NOUNS["ArmedGroup"]:
                lemma = noun.lower_  # "Al Shabaab fighters": the word list has the plural
            mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
            if lemma in lex.TYPE_NOUNS["Organization"] and mods & lex.ARMED_MODIFIERS:
                return "ArmedGroup"
            if lemma == "agency" and mods & {"news", "press"}:
                return "NewsOrganization"
            if lemma in ("agency", "media") and "news" in {noun.head.lower_, *mods}:
                return "NewsOrganization"
            for cls in ("Place", "NewsOrganization", "ArmedGroup", "GovernmentBody", "Military", "Organization"):
                if lemma in lex.TYPE_NOUNS[cls]:
                    if cls == "Place" and noun.lower_ == "state":
                        break
                    return cls
        return None

    # -- common nouns: "Iraq's military", "the group" --------------------------------
    def _maybe_body_or_nominal(self, tok) -> None:
        body = _generic_body(tok.lower_)
        if body is not None:
            has_country = any(
                c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
                for c in tok.children
            )
            # "army spokesman" speaks for an army; "the group's military spokesman" for the
            # group: a role held in an organisation that is no state's is no state body's
            in_role = (
                tok.dep_ in ("compound", "amod")
                and tok.head.lemma_.lower() in lex.ROLE_NOUNS
                and not any(
                    c.dep_ == "poss" and c.tag_ != "PRP$" and c.ent_type_ not in ("GPE", "NORP")
                    for c in tok.head.children
                )
            )
            if has_country or in_role:
                self._add(tok.i, tok.i + 1, ONT + body, kind="body", typed_by="cue")
                return
        if tok.pos_ != "NOUN":
            return
        cls = lex.NOMINAL_ANAPHORS.get(tok.lower_)
        dets = [c for c in tok.children if c.dep_ == "det"]
        if (
            cls
            and dets
            and dets[0].lower_ == "the"
            and not any(
                c.dep_ in ("compound", "nmod", "prep") or (c.dep_ == "amod" and not _describing(c))
                for c in tok.children
            )
        ):
            if tok.dep_ not in ("appos",) and not any(c.dep_ == "appos" for c in tok.children):
                # the described group is its noun: the names in its modifiers keep their own
                # mentions ("the al Qaeda-linked group")
                start = tok.i if any(c.dep_ == "amod" for c in tok.children) else dets[0].i
                self._add(start, tok.i + 1, ONT + cls, kind="nominal", typed_by="cue")

    # -- bookkeeping --------------------------------------------------------------------
    def _add(
        self,
        start_tok: int,
        end_tok: int,
        cls: str,
        *,
        kind: str,
        link: str | None = None,
        typed_by: str = "model",
        title: str | None = None,
    ) -> None:
        if cls in ("thing", "person", "speaker"):
            cls = ONT + {"thing": "Organization", "person": "Person", "speaker": "Organization"}[cls]
        span = self.doc[start_tok:end_tok]
        sent = self.sent_index.get(start_tok, 0)
        mid = self._new(span, cls, kind, sent=sent, role=_role(span.root), link=link, title=title, typed_by=typed_by)
        for i in range(start_tok, end_tok):
            self.token_mention[i] = mid

    def _new(self, span, cls: str, kind: str, **fields) -> int:
        """Append the mention of ``span`` with the next free id; returns that id."""
        mid = len(self.mentions)
        self.mentions.append(
            Mention(id=mid, start=span.start_char, end=span.end_char, text=span.text, cls=cls, kind=kind, **fields)
        )
        return mid


def _trimmed(ent) -> list:
    """The tokens of ``ent`` without punctuation at either end ("Abu Fadak -", "Barire.")
    and without a possessive ending."""
    tokens = list(ent)
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens.pop()
    return tokens


def _region(span):
    """The name with the kind of area that follows it and heads it ("Belgorod region",
    "Lower Shabelle region"), or None: the area is named by both words, and is not the
    city or the people it is named after."""
    doc = span.doc
    if span.end >= len(doc) or span.label_ == "PERSON":
        return None
    noun = doc[span.end]
    if noun.lower_ not in lex.REGION_NOUNS or span.root.head != noun or span.root.dep_ not in ("compound", "nmod"):
        return None
    return doc[span.start : span.end + 1]


def _acts_as_state(tok) -> bool:
    """Whether a capital's name stands for its state where it is: the subject of a verb
    of saying, deciding or acting ("Moscow accused Kyiv", "Washington and London said"),
    the state held to account ("blamed Kyiv"), the backer ("backed by Tehran",
    "Tehran-backed"), the possessor of a state's act or arm ("Tehran's support", "Moscow's
    forces"), the owner of a state's body ("the Bamako government"). Elsewhere it is the
    city: "a drone strike on Moscow", "the mayor of Kyiv"."""
    while tok.dep_ in ("conj", "appos"):
        tok = tok.head
    head = tok.head
    lemma = head.lemma_.lower()
    if tok.dep_ == "nsubj":
        return head.pos_ == "VERB" and lemma in lex.STATE_VOICE_VERBS
    if tok.dep_ == "dobj":
        return lemma in lex.STATE_HELD_VERBS
    if tok.dep_ == "pobj" and head.lower_ == "by":
        verb = head.head
        return verb.lower_ in lex.BACKING_WORDS or (verb.tag_ == "VBN" and verb.lemma_.lower() in lex.STATE_VOICE_VERBS)
    if tok.dep_ == "poss":
        return head.lower_ in lex.STATE_ACT_NOUNS or lemma in lex.STATE_ACT_NOUNS
    if tok.dep_ in ("npadvmod", "compound", "amod", "nmod"):
        # "Tehran-backed militias", "the Bamako government", "the Damascus regime"
        return head.lower_ in lex.BACKING_WORDS or (tok.dep_ != "npadvmod" and _generic_body(head.lower_) is not None)
    return False


def _describing(amod) -> bool:
    """A modifier that describes a group already named rather than naming another: "the
    militant group", "the al Qaeda-linked group", "the Iran-backed militia"."""
    if amod.ent_type_ in ("NORP", "GPE"):
        return False  # "the Palestinian militant group" may be a group not named before
    word = amod.lower_
    return word in lex.ARMED_MODIFIERS or (amod.tag_ == "VBN" and word in lex.LINK_WORDS | lex.BACKING_WORDS)


def _generic_body(text: str) -> str | None:
    return lex.GENERIC_BODIES.get(" ".join(text.lower().split()))


def _role(root) -> str:
    dep = root.dep_
    if _embedded(root):
        return "embedded"  # "forces backed by S", "a group that S supports": a side remark
    if dep in ("nsubj", "nsubjpass"):
        return "subj"
    if dep in ("dobj", "dative") and root.head.lemma_.lower() in ("tell", "inform"):
        return "addressee"  # "activists told Middle East Eye": who heard it, not who it is about
    if dep in ("dobj", "attr", "oprd"):
        return "obj"
    if dep == "pobj":
        return "pobj"
    if dep == "poss":
        return "poss"
    if dep in ("conj", "appos"):
        return _role(root.head)
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        return "mod"  # inside another noun phrase: "US forces"
    return "other"


def _embedded(root) -> bool:
    """Whether a name sits in a clause that only describes a noun (a participle or relative
    clause: "forces backed by Iran", "the militia, which Iran arms"), where a later "it"
    rarely points (Lappin & Leass's embedded noun phrases)."""
    clause = root.head if root.dep_ != "pobj" else root.head.head
    return clause.pos_ in ("VERB", "AUX") and clause.dep_ in ("acl", "relcl") and clause is not root


def _renumber(m: Mention, order: dict[int, int]) -> Mention:
    return replace(m, id=order[m.id])


def is_org_class(cls: str) -> bool:
    return is_a(cls, ORGANIZATIONS)
