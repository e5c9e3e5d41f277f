"""Reading the benchmarks, mapping kg's output back to their tokens, and `kg eval` itself.

The fixtures under tests/data/eval/ are tiny hand-written files in the benchmarks'
formats; the benchmarks themselves are never read here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.errors import InputError
from kg.eval import conll04, mapping, wikievents
from kg.rdf.vocab import KG
from kg.types import Article, Extraction, Mention, Relation
from kg.types import Span as TextSpan

EVAL = DATA / "eval"
CONLL = EVAL / "conll04_tiny.json"
WIKI = EVAL / "wikievents_tiny.jsonl"


def test_eval_conll04_reads_spert_json():
    sentences = conll04.load(CONLL)
    assert len(sentences) == 5
    first = sentences[0]
    assert first.text.startswith("Maria Lopez , a lawyer")
    assert (0, 2, "Peop") in first.entities
    assert first.gold_relations() == {
        (first.id, (0, 2, "Peop"), (8, 9, "Loc"), "Live_In"),
        (first.id, (0, 2, "Peop"), (13, 15, "Org"), "Work_For"),
    }


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not CoNLL04 JSON"),
        ('{"tokens": []}', "list of records"),
        ('[{"tokens": ["a"]}]', "lacks"),
    ],
)
def test_eval_conll04_bad_files_are_explained(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        conll04.load(path)
    with pytest.raises(InputError, match="No CoNLL04 file"):
        conll04.load(tmp_path / "missing.json")


def test_eval_token_map_maps_characters_back_to_tokens():
    tmap = conll04.TokenMap(["Kevin", "O", "'Brien", "said", "."])
    assert tmap.span(0, 14) == (0, 3)  # "Kevin O 'Brien"
    assert tmap.span(8, 14) == (2, 3)
    assert tmap.span(9, 12) == (2, 3)  # inside a token: the whole token
    assert tmap.span(15, 19) == (3, 4)


def _doc(words, ents=()):
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _mention(mid, text, full, cls, kind="name", title=None):
    start = full.index(text)
    return Mention(id=mid, start=start, end=start + len(text), text=text, cls=str(cls), kind=kind, title=title)


def test_eval_conll04_predictions_map_classes_titles_and_predicates():
    words = "Ms. Karin Dahl , a spokeswoman for Nordic Rail , lives in Oslo .".split()
    s = conll04.Sentence("s1", tuple(words), (), ())
    text = s.text
    doc = _doc(words, [(0, 3, "PERSON"), (7, 9, "ORG"), (12, 13, "GPE")])
    doc.spans["kg_entities"] = [Span(doc, 0, 3, label="PERSON"), Span(doc, 12, 13, label="GPE")]
    m = [
        _mention(0, "Karin Dahl", text, KG.Person, title="Ms."),
        _mention(1, "Nordic Rail", text, KG.NewsOrganization),
        _mention(2, "Oslo", text, KG.City),
        _mention(3, "a spokeswoman", text, KG.Person, kind="nominal"),
    ]
    sent = TextSpan(0, len(text), text)
    rels = (
        Relation(str(KG.spokespersonFor), 0, 1, sent, 0.9, "rules"),
        Relation(str(KG.livesIn), 0, 2, sent, 0.7, "relation-classifier"),
        Relation(str(KG.backedBy), 1, 2, sent, 0.7, "rules"),
    )
    ex = Extraction(Article("s1", text), tuple(m), rels, ())
    p = conll04.predictions(s, doc, ex)
    assert p.entities == {("s1", 0, 3, "Peop"), ("s1", 7, 9, "Org"), ("s1", 12, 13, "Loc")}
    assert p.relations == {
        ("s1", (0, 3, "Peop"), (7, 9, "Org"), "Work_For"),
        ("s1", (0, 3, "Peop"), (12, 13, "Loc"), "Live_In"),
    }


def test_eval_conll04_title_outside_the_recognised_name_stays_out():
    words = "Gov. Jim Martin spoke .".split()
    s = conll04.Sentence("s1", tuple(words), (), ())
    doc = _doc(words, [(1, 3, "PERSON")])
    ex = Extraction(Article("s1", s.text), (_mention(0, "Jim Martin", s.text, KG.Person, title="Gov."),), (), ())
    assert conll04.predictions(s, doc, ex).entities == {("s1", 1, 3, "Peop")}


def test_eval_conll04_other_comes_from_the_recogniser_span_group():
    words = "It rained on Jan. 4 .".split()
    s = conll04.Sentence("s1", tuple(words), (), ())
    doc = _doc(words, [(3, 5, "DATE")])
    doc.spans["kg_entities"] = [Span(doc, 3, 5, label="MISC")]
    ex = Extraction(Article("s1", s.text), (), (), ())
    assert conll04.predictions(s, doc, ex).entities == {("s1", 3, 5, "Other")}


def test_eval_mapping_covers_every_class_and_benchmark_label():
    assert set(mapping.CLASS_TO_CONLL04.values()) == {"Peop", "Org", "Loc"}
    assert set(mapping.PREDICATE_TO_CONLL04.values()) == set(mapping.CONLL04_RELATION_TYPES)
    assert set(mapping.CONLL04_TO_PREDICATE) == set(mapping.CONLL04_RELATION_TYPES)
    for label, predicate in mapping.CONLL04_TO_PREDICATE.items():
        assert mapping.conll04_relation_type(predicate) == label
    assert mapping.kairos_event_type("Conflict.Attack.DetonateExplode") == "Conflict.Attack"
    assert mapping.kairos_event_type("Contact.Contact.Broadcast") is None
    assert set(mapping.EVENT_TO_KAIROS.values()) == set(mapping.KAIROS_EVENT_TYPES)


def test_eval_wikievents_reads_documents_with_coreference():
    (doc,) = wikievents.load(WIKI)
    assert doc.id == "d1"
    assert [e.type for e in doc.events] == ["Conflict.Attack", "Life.Die", "Life.Injure"]  # Broadcast dropped
    assert ("d1-T1", "d1-T4") in doc.clusters  # found beside the file: coref-wikievents_tiny.jsonlines
    assert doc.text.startswith("Gunmen attacked a checkpoint in Kandor on Monday . They killed")
    assert doc.text.split(" ") == list(doc.tokens)


def test_eval_wikievents_role_mapping_matches_the_kairos_role_file(tmp_path):
    assert wikievents.check_roles(EVAL / "kairos_roles_tiny.json") == []
    (tmp_path / "roles.json").write_text('{"Life.Die.Unspecified": {"roles": ["Victim"]}}')
    assert "Life.Die.Killer" in wikievents.check_roles(tmp_path / "roles.json")


def test_eval_wikievents_gold_heads_follow_coreference():
    (d,) = wikievents.load(WIKI)
    words = d.text.split(" ")
    doc = Doc(Vocab(), words=words, spaces=[True] * (len(words) - 1) + [False])
    heads = wikievents._Heads(doc, conll04.TokenMap(d.tokens), d.text)
    triggers, args = wikievents.gold_items(d, heads)
    assert ("d1", 1, 2, "Conflict.Attack") in triggers
    killer = next(a for a in args if a.role == "Killer")
    assert {d.tokens[i] for i in killer.cluster_heads} == {"Gunmen", "They"}


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_eval_conll04_cli_prints_scores_per_type():
    done = kg("eval", "conll04", str(CONLL))
    assert done.returncode == 0, done.stderr
    for word in ("Entities", "Relations", "Peop", "Work_For", "micro", "errors:"):
        assert word in done.stdout
    micro = [line for line in done.stdout.splitlines() if line.strip().startswith("micro")]
    entity_f1 = float(micro[0].split()[3])
    assert entity_f1 >= 50, done.stdout


@pytest.mark.slow
def test_eval_wikievents_cli_prints_trigger_and_argument_scores():
    done = kg("eval", "wikievents", str(WIKI), "--roles", str(EVAL / "kairos_roles_tiny.json"))
    assert done.returncode == 0, done.stderr
    for word in ("Triggers", "head word", "coreference", "Conflict.Attack", "micro"):
        assert word in done.stdout


def test_eval_cli_missing_inputs_are_errors_not_tracebacks(tmp_path):
    done = kg("eval", "conll04", str(tmp_path / "missing.json"), "--rules-only")
    assert done.returncode == 1 and "No CoNLL04 file" in done.stderr and "Traceback" not in done.stderr
    done = kg("eval", "conll04", str(CONLL), "--model", str(tmp_path / "nowhere"))
    assert done.returncode == 1 and "--model" in done.stderr
