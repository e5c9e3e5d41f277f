"""kg's trained models: the linear classifier, the shipped artefacts, training, integration."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import DATA, EXAMPLE_ARTICLE, SECOND_ARTICLE

from kg.errors import ModelNotFound
from kg.learn.linear import SoftmaxClassifier, hash_features
from kg.nlp.model import ENTITY_RECOGNIZER, RELATION_CLASSIFIER, model_path, shipped_dir
from kg.rdf.vocab import KG

CONLL = DATA / "eval" / "conll04_tiny.json"


def test_learn_hashing_is_stable_across_processes():
    ids = hash_features(["w=kill", "types=PER>PER"], 2**18)
    # crc32, not Python's salted hash(): the same buckets in every process and run
    assert ids.tolist() == [
        int(__import__("zlib").crc32(b"w=kill") % 2**18),
        int(__import__("zlib").crc32(b"types=PER>PER") % 2**18),
    ]


def _toy():
    data = []
    for k in range(40):
        y = k % 3
        ids = hash_features([f"cue={y}", f"noise={k % 7}", "bias"], 1024)
        data.append((ids, y, None))
    return data


def test_learn_softmax_learns_and_round_trips(tmp_path):
    clf = SoftmaxClassifier(("none", "a", "b"), buckets=1024, meta={"threshold": 0.4})
    clf.fit(_toy(), epochs=10, lr=0.2)
    for ids, y, _ in _toy()[:6]:
        assert int(np.argmax(clf.proba(ids))) == y
    clf.save(tmp_path / "m")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as z:  # plain arrays, no pickle
        assert set(z.files) == {"rows", "values", "bias"}
    back = SoftmaxClassifier.load(tmp_path / "m")
    assert back.labels == clf.labels and back.meta["threshold"] == 0.4
    ids = _toy()[1][0]
    assert np.allclose(back.proba(ids), clf.proba(ids), atol=1e-3)


def test_learn_softmax_mask_forbids_labels():
    clf = SoftmaxClassifier(("none", "a", "b"), buckets=1024)
    clf.fit(_toy(), epochs=5, lr=0.2)
    ids = _toy()[1][0]  # label "a"
    p = clf.proba(ids, np.array([True, False, True]))
    assert p[1] == 0.0 and p.sum() == pytest.approx(1.0)


def test_learn_shipped_models_are_present_small_and_documented():
    for name in (ENTITY_RECOGNIZER, RELATION_CLASSIFIER):
        model_path(True, name)
    total = sum(p.stat().st_size for p in shipped_dir().rglob("*") if p.is_file())
    assert total < 20 * 2**20
    meta = json.loads((shipped_dir() / "relation-classifier.json").read_text())
    assert 0 < meta["threshold"] < 1 and meta["labels"][0] == "none"
    assert all(label.startswith(str(KG._NS)) for label in meta["labels"][1:])


def test_learn_missing_models_say_how_to_get_them(tmp_path):
    with pytest.raises(ModelNotFound, match="kg train conll04"):
        model_path(tmp_path, RELATION_CLASSIFIER)


@pytest.mark.slow
def test_learn_classifier_relations_are_marked_and_above_threshold(pipeline):
    """The classifier's own probability passes its threshold (calibration, which turns it
    into the chance of being right on news, is switched off here)."""
    from kg.pipeline import Pipeline

    raw = Pipeline(calibrated=False)
    raw._nlp = pipeline.nlp  # the same loaded spaCy pipeline, no second model load
    threshold = raw.relation_model.threshold
    found = [
        r for ex in raw.extract(raw.articles([EXAMPLE_ARTICLE])) for r in ex.relations
        if r.extractor == "relation-classifier"
    ]  # fmt: skip
    assert found
    for r in found:
        assert r.predicate.startswith(str(KG._NS))
        assert threshold <= r.confidence <= 1
    # the classifier adds a few facts to a long news article, it does not flood it
    assert len(found) <= 10


@pytest.mark.slow
@pytest.mark.parametrize(
    "negated,affirmed,predicate",
    [
        ("John Smith does not work for Reuters.", "John Smith works for Reuters.", "worksFor"),
        ("Hamas did not kill John Smith.", "Hamas killed John Smith.", "killed"),
        ("The Houthis are not backed by Iran.", "The Houthis are backed by Iran.", "backedBy"),
    ],
)
def test_learn_negated_link_gives_no_relation(pipeline, negated, affirmed, predicate):
    from kg.types import Article

    def predicates(text):
        (ex,) = pipeline.extract([Article("t", text)])
        return {r.predicate.rsplit("#", 1)[-1] for r in ex.relations}

    assert predicate in predicates(affirmed)  # the same words without "not" give the relation
    assert predicate not in predicates(negated)


@pytest.mark.slow
def test_learn_a_name_that_says_whose_office_is_not_located_anywhere(pipeline):
    from kg.types import Article

    (ex,) = pipeline.extract([Article("t", "Gunmen attacked the US embassy in Kabul on Monday.")])
    names = {m.id: m.text for m in ex.mentions}
    assert "Kabul" in names.values()
    assert not [r for r in ex.relations if names.get(r.subject) == "US" and r.predicate == str(KG.locatedIn)]


@pytest.mark.slow
def test_learn_recogniser_keeps_gazetteer_names_and_demonyms(pipeline):
    from kg.types import Article

    text = "Iranian officials met Kataib Hezbollah commanders in Baghdad, Reuters reported."
    ((doc, ex),) = list(pipeline.extract_docs([Article("t", text)]))
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Iranian") == "NORP"
    assert any(e.ent_id_ for e in doc.ents if e.text == "Kataib Hezbollah")
    assert "kg_entities" in doc.spans


@pytest.mark.slow
@pytest.mark.parametrize("article", [EXAMPLE_ARTICLE, SECOND_ARTICLE], ids=["example", "second"])
def test_learn_recogniser_narrowed_to_kgs_labels_finds_the_same_names(pipeline, article):
    from kg.nlp.recognizer import KEEP_LABELS, load_recognizer, recognised

    nlp = pipeline.nlp
    narrow = nlp.get_pipe("kg_entity_recognizer").ner
    full = load_recognizer(nlp, model_path(True, ENTITY_RECOGNIZER), narrow=False)
    assert set(narrow.labels) <= set(KEEP_LABELS) < set(full.labels)
    assert narrow.moves.n_moves < full.moves.n_moves / 2
    doc = nlp.make_doc(article.read_text(encoding="utf-8"))
    found = [(s.start, s.end, s.label_) for s in recognised(narrow, doc)]
    assert found and found == [(s.start, s.end, s.label_) for s in recognised(full, doc)]


@pytest.mark.slow
def test_learn_rules_only_pipeline_has_no_classifier(tmp_path):
    from kg.builder import build_in_memory
    from kg.pipeline import Pipeline

    p = Pipeline(trained=False)
    assert p.relation_model is None
    assert "kg_entity_recognizer" not in p.nlp.pipe_names
    result = build_in_memory(p, [EXAMPLE_ARTICLE])
    assert not any(r.extractor == "relation-classifier" for ra in result.extractions for r in ra.extraction.relations)


@pytest.mark.slow
def test_learn_train_writes_models_a_pipeline_can_use(tmp_path):
    from kg.pipeline import Pipeline
    from kg.train import train_conll04
    from kg.types import Article

    report = train_conll04(CONLL, CONLL, tmp_path, ner_epochs=1, classifier_epochs=2)
    assert report.candidates > 0 and report.positives > 0
    assert (tmp_path / "entity-recognizer.bin").is_file() and (tmp_path / "entity-recognizer.json").is_file()
    assert (tmp_path / "relation-classifier.npz").is_file()
    p = Pipeline(trained=tmp_path)
    assert p.relation_model.threshold == report.threshold
    (ex,) = list(p.extract([Article("t", "Maria Lopez lives in Lisbon .")]))
    assert any(m.text == "Maria Lopez" for m in ex.mentions)
