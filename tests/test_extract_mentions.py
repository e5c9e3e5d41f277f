"""Which stretches of text become actors: names, not capitalised common nouns."""

from __future__ import annotations

import pytest

from kg.types import Article

pytestmark = pytest.mark.slow


def _names(pipeline, text: str) -> set[str]:
    (ex,) = pipeline.extract([Article(id="t", text=text)])
    return {m.text for m in ex.mentions if m.kind == "name"}


def test_extract_mentions_a_sentence_initial_plural_is_not_a_name(pipeline):
    names = _names(
        pipeline,
        "Officials in Baghdad said drones hit the base. Rockets are also fired at it. Militias blamed Washington.",
    )
    assert not {"Rockets", "Militias"} & names
    assert {"Baghdad", "Washington"} <= names


def test_extract_mentions_a_sentence_initial_name_or_demonym_is_kept(pipeline):
    (ex,) = pipeline.extract([Article(id="t", text="Hezbollah denied it. Iraqi officials were not hurt. Kirby spoke.")])
    assert {(m.text, m.kind) for m in ex.mentions if m.kind in ("name", "demonym")} == {
        ("Hezbollah", "name"),
        ("Iraqi", "demonym"),
        ("Kirby", "name"),
    }
