"""Gazetteer-driven entity ruling: known actors get the right span, label and link.

The small English model tags names such as "Kataib Hezbollah" or "Islamic State" as
PERSON. An ``entity_ruler`` placed before ``ner`` fixes those spans; ``ner`` then
predicts around them. Each pattern's ``id`` is the gazetteer IRI, so ``ent.ent_id_``
links the mention.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.types import GazetteerEntry

ONTOLOGY = "https://w3id.org/kg-news/ontology#"
# ontology class -> the spaCy label the rest of the model understands
SPACY_LABEL = {
    "Person": "PERSON",
    "State": "GPE",
    "City": "GPE",
    "Place": "LOC",
}
_DETERMINERS = {"the", "The"}


def spacy_label(cls_iri: str) -> str:
    return SPACY_LABEL.get(cls_iri.rsplit("#", 1)[-1], "ORG")


def _token_pattern(words: list[str]) -> list[dict] | None:
    if words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    text = "".join(words)
    if text.isupper() or any(c.isdigit() for c in text) or len(text) <= 3:
        # acronyms and short names match exactly: "IS" must never match "is"
        return [{"ORTH": w} for w in words]
    pattern = [{"LOWER": w.lower()} for w in words]
    # a name in running text starts with a capital: "turkey" is a bird, "Turkey" a state
    pattern[0]["IS_LOWER"] = False
    return pattern


def gazetteer_patterns(entries: Iterable[GazetteerEntry], tokenize) -> list[dict]:
    """EntityRuler patterns for every label and alias; ``tokenize(str) -> list[str]``."""
    patterns = []
    seen = set()
    for entry in entries:
        label = spacy_label(entry.cls)
        for name in (entry.label, *entry.aliases):
            pattern = _token_pattern(tokenize(name))
            if pattern is None:
                continue
            key = (repr(pattern), entry.iri)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": label, "pattern": pattern, "id": entry.iri})
    return patterns


def add_gazetteer_ruler(nlp, entries: Iterable[GazetteerEntry]) -> None:
    """Put an entity ruler fed from ``entries`` before the model's ``ner``."""
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", config={"overwrite_ents": True}, **where)
    tokenizer = nlp.tokenizer
    ruler.add_patterns(gazetteer_patterns(entries, lambda s: [t.text for t in tokenizer(s)]))
