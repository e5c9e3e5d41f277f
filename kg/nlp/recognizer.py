"""A trained entity recogniser that corrects the English model's names, as a spaCy component.

The small English model finds names well but draws their edges and types its own way
(OntoNotes). kg ships a copy of its entity recogniser fine-tuned on annotated news
(see :mod:`kg.train`) to find person, organisation and location names, and
"other" names (dates, events, works: label ``MISC``). The component runs that copy on
the words of each Doc and merges its answer in, so the ontology's finer classes and
the gazetteer's knowledge survive:

* names the gazetteer linked (``ent.ent_id_``) are kept, unless the recogniser found a
  longer proper name around one ("Latin America", "American University of Beirut"):
  that name is not the gazetteer's actor, and loses the link (a name is linked on its
  whole, never through a word it shares with a better-known one);
* the model's person, organisation and place names are replaced by the recogniser's
  (``PERSON``, ``ORG``, or the model's own place label, ``GPE`` when it had none); the
  mention finder then types them into our classes (armed group, government body...)
  from cue words and the gazetteer, as before;
* the model's other labels (``DATE``, ``NORP``...) stay unless a recognised name covers
  them, so times are read as before; a demonym ("Iraqi") stays a demonym even when the
  recogniser reads it as a place;
* every recognised span, "other" ones included, is kept in ``doc.spans["kg_entities"]``.

The copy still has the English model's 18 labels in its output layer, but fine-tuning
taught it never to choose the ones CoNLL04 does not mark (``DATE``, ``NORP``...). It is
loaded narrowed to the labels kg reads (:func:`narrowed`): each of its steps, one per
word, then weighs 26 actions instead of 78, and it finds the same names in 15-25% less
time (its word embedding, unchanged, is now nearly all of its cost; see
docs/benchmarks.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import EntityRecognizer as NerPipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch
from thinc.api import Linear

from kg.nlp import lexicon as lex

FACTORY = "kg_entity_recognizer"
SPAN_KEY = "kg_entities"
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# what the recogniser's labels become (labels missing here are ignored)
KEEP_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "GPE", "MISC": "MISC"}
_BRACKETS = frozenset("()[]{}")


def save_recognizer(ner, config: dict, path: str | Path, meta: dict) -> None:
    """Write a trained ``ner`` pipe to ``path.bin`` and how to rebuild it to ``path.json``.

    The weights are spaCy's own serialisation (msgpack, no pickle).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".bin").write_bytes(ner.to_bytes(exclude=["vocab"]))
    body = {"factory": "ner", "config": config, "meta": meta}
    path.with_suffix(".json").write_text(json.dumps(body, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_recognizer(nlp: Language, path: str | Path, *, narrow: bool = True):
    """The trained ``ner`` pipe saved at ``path`` (.bin, .json), built on ``nlp``'s vocabulary;
    unless ``narrow`` is False, choosing only among the labels kg keeps (see :func:`narrowed`)."""
    path = Path(path)
    body = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    pipe = nlp.create_pipe(body["factory"], name=FACTORY + "_inner", config=body["config"])
    pipe = pipe.from_bytes(path.with_suffix(".bin").read_bytes(), exclude=["vocab"])
    return narrowed(pipe, KEEP_LABELS) if narrow else pipe


def narrowed(ner: NerPipe, labels) -> NerPipe:
    """``ner`` choosing only among the actions for ``labels`` (and the label-less "outside").

    A transition NER scores and checks every action at every word, so its time grows
    with its number of labels. If ``ner`` never chooses the actions left out, the result
    finds exactly the same names; where it would have, it takes the best action left.
    ``ner`` is used up (the result takes its model, without the other actions' weights):
    narrow a loaded pipe, never one still to be trained or saved.
    """
    moves = ner.moves
    actions = {
        move: {label: freq for label, freq in counts.items() if not label or label in labels}
        for move, counts in moves.labels.items()
    }
    fewer = type(moves)(ner.vocab.strings, actions, incorrect_spans_key=ner.cfg["incorrect_spans_key"])
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    keep = [names.index(fewer.get_class_name(i)) for i in range(fewer.n_moves)]
    if len(keep) == len(names):
        return ner
    model = ner.model
    upper = model.get_ref("upper")
    smaller = Linear(nO=len(keep), nI=upper.get_dim("nI"))
    smaller.set_param("W", upper.get_param("W")[keep])
    smaller.set_param("b", upper.get_param("b")[keep])
    model.replace_node(upper, smaller)
    unseen = model.attrs["unseen_classes"]
    model.attrs["unseen_classes"] = {i for i, old in enumerate(keep) if old in unseen}
    cfg = ner.cfg
    return NerPipe(
        ner.vocab,
        model,
        name=ner.name,
        moves=fewer,
        update_with_oracle_cut_size=cfg["update_with_oracle_cut_size"],
        beam_width=cfg["beam_width"],
        beam_density=cfg["beam_density"],
        beam_update_prob=cfg["beam_update_prob"],
        incorrect_spans_key=cfg["incorrect_spans_key"],
    )


def recognised(ner, doc) -> list[Span]:
    """The recogniser's spans on ``doc``'s words (ignoring entities already set on ``doc``)."""
    return _spans(doc, ner(_words(doc)))


def _words(doc) -> Doc:
    """A fresh Doc of ``doc``'s words: the recogniser must not see the model's entities."""
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def _spans(doc, parsed: Doc) -> list[Span]:
    """The names the recogniser found in ``parsed`` (``doc``'s words), as spans of ``doc``.

    A bracket ends a name: "ISIS [Islamic State" is two.
    """
    out = []
    for e in parsed.ents:
        if e.label_ not in KEEP_LABELS:
            continue
        start = e.start
        for i in [*(t.i for t in e if t.text in _BRACKETS), e.end]:
            if i > start:
                out.append(Span(doc, start, i, label=KEEP_LABELS[e.label_]))
            start = i + 1
    return out


def _extends_name(span: Span, ent: Span, known: frozenset[int] = frozenset()) -> bool:
    """``span`` is a longer proper name around ``ent``: "Latin America", "American University of Beirut".

    Its other words must not all be qualifiers: titles ("President Biden"),
    determiners, a possessive, a nationality before the name ("Lebanese Hezbollah": an
    adjective the model calls NORP) or other known names (``known``: the tokens of other
    gazetteer names; "Islamic Revolutionary Guard Corps - Qods Force" is two known
    names, the Qods Force of the IRGC). One capitalised word more makes another name:
    "Kataib Imam Ali Hezbollah" is not Hezbollah.
    """
    if not (span.start <= ent.start and ent.end <= span.end and len(span) > len(ent)):
        return False
    extra = [t for t in span if not ent.start <= t.i < ent.end and not _qualifier(t, ent, known)]
    return any(t.is_title or t.is_upper for t in extra if t.is_alpha)


def _qualifier(tok, ent: Span, known: frozenset[int]) -> bool:
    """A word around a known name that leaves it that name (see :func:`_extends_name`)."""
    if tok.lower_.rstrip(".") in lex.TITLES or tok.lower_ in ("the", "a", "an") or tok.tag_ == "POS":
        return True
    return tok.i in known or tok.is_punct or tok.i < ent.start and _nationality(tok)


def _extended(ent: Span, linked: list[Span], longer: list[Span]) -> bool:
    """Whether a longer recognised name around ``ent`` makes it another name (the tokens of
    the other gazetteer names are gathered only when such a span exists)."""
    around = [s for s in longer if s.start <= ent.start and ent.end <= s.end and len(s) > len(ent)]
    if not around:
        return False
    known = _other_names(ent, linked)
    return any(_extends_name(s, ent, known) for s in around)


def _other_names(ent: Span, linked: list[Span]) -> frozenset[int]:
    """The tokens of the gazetteer names in ``linked`` other than ``ent``."""
    return frozenset(i for x in linked if x != ent for i in range(x.start, x.end))


def _nationality(tok) -> bool:
    """A demonym used as an adjective: "Lebanese", "Iraqi" (not "Latin" of "Latin America")."""
    return tok.ent_type_ == "NORP" and tok.tag_ == "JJ"


def apply_spans(doc, spans: list[Span]) -> None:
    """Merge recognised spans into ``doc.ents`` and ``doc.spans[SPAN_KEY]`` (see module docs)."""
    old = list(doc.ents)
    longer = [s for s in spans if s.label_ in ("PERSON", "ORG", "GPE")]
    linked = [e for e in old if e.ent_id_]
    fixed = [e for e in linked if not _extended(e, linked, longer)]
    taken = {i for e in fixed for i in range(e.start, e.end)}
    names = []
    for span in spans:
        label = span.label_
        if label == "MISC" or any(i in taken for i in range(span.start, span.end)):
            continue
        if any(x.label_ == "NORP" and x.start <= span.start and span.end <= x.end for x in old):
            continue  # "Iraqi" stays a demonym, read through the gazetteer's demonyms
        if label == "GPE":
            model = [x for x in old if x.start < span.end and span.start < x.end and x.label_ in PLACE_LABELS]
            if model:
                label = model[0].label_
        names.append(Span(doc, span.start, span.end, label=label))
    covered = {i for x in names for i in range(x.start, x.end)} | taken
    kept = [
        x
        for x in old
        if not x.ent_id_ and x.label_ not in NAME_LABELS and not any(i in covered for i in range(x.start, x.end))
    ]
    linked = {i for e in fixed for i in range(e.start, e.end)}
    for tok in doc:
        if tok.i not in linked:
            tok.ent_id = 0  # spaCy keeps a token's link when a longer unlinked span covers it
    doc.ents = filter_spans([*fixed, *names, *kept])
    doc.spans[SPAN_KEY] = list(spans)


class EntityRecognizer:
    """The spaCy component: recognises names, then merges them into ``doc.ents``."""

    def __init__(self, ner):
        self.ner = ner

    def __call__(self, doc):
        apply_spans(doc, recognised(self.ner, doc))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        """Recognise a batch of Docs at once (``nlp.pipe`` calls this): the transition
        model then steps through all of them together, 1.4x faster than one by one."""
        for batch in minibatch(docs, size=batch_size):
            for doc, parsed in zip(batch, self.ner.pipe([_words(d) for d in batch], batch_size=batch_size)):
                apply_spans(doc, _spans(doc, parsed))
                yield doc


@Language.factory(FACTORY, default_config={"path": ""})
def make_entity_recognizer(nlp: Language, name: str, path: str) -> EntityRecognizer:
    return EntityRecognizer(load_recognizer(nlp, path))
