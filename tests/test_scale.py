"""Corpus builds: parallel and distributed builds agree, junk never breaks one, kills never corrupt."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLE_ARTICLE, SECOND_ARTICLE

pytestmark = pytest.mark.slow

ACTORS = [
    "Hezbollah",
    "Hamas",
    "the Houthis",
    "Islamic State",
    "the Taliban",
    "al-Shabab",
    "Boko Haram",
    "Kataib Hezbollah",
    "the Wagner Group",
    "the PKK",
]
STATES = [
    "Iran",
    "Iraq",
    "Syria",
    "Israel",
    "Yemen",
    "Somalia",
    "Nigeria",
    "Turkey",
    "Lebanon",
    "Russia",
    "Ukraine",
    "Mali",
    "Afghanistan",
    "Pakistan",
    "the United States",
    "France",
]
CITIES = ["Baghdad", "Damascus", "Beirut", "Aden", "Mogadishu", "Kabul", "Kyiv", "Mosul", "Aleppo", "Sanaa"]
PEOPLE = ["Omar Haddad", "Leila Nasser", "Karim Saleh", "Anna Petrova", "David Cohen", "Amina Yusuf"]


def news(i: int) -> str:
    """A short, varied, English news article (no real events)."""
    rng = random.Random(i)
    a, b = rng.sample(ACTORS, 2)
    s1, s2 = rng.sample(STATES, 2)
    city, person = rng.choice(CITIES), rng.choice(PEOPLE)
    return (
        f"{s1} said on Monday that {a} had attacked its forces near {city}, killing three soldiers. "
        f"Officials in {s2} condemned the attack. {a} is backed by {s2}, according to {s1}. "
        f"Foreign Ministry spokesman {person} said the group would be held responsible. "
        f"{b} denied any role in the attack, which came after weeks of fighting in the region. "
        f"The {s1} military said it would respond to what it called an act of aggression.\n"
    )


def kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=900, **kw)


def triples(path: Path) -> set:
    def canon(t):
        if isinstance(t, ox.Literal) and t.datatype.value.endswith("#double"):
            return float(t.value)
        return t

    return {(q.subject, q.predicate, canon(q.object)) for q in ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE)}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(EXAMPLE_ARTICLE, corpus)
    shutil.copy(SECOND_ARTICLE, corpus)
    for i in range(30):
        (corpus / f"news-{i:03d}.txt").write_text(news(i))
    return corpus


@pytest.fixture(scope="module")
def single_process_build(small_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("j1")
    done = kg("build", str(small_corpus), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    return out


def test_scale_jobs_2_builds_the_same_graph_as_jobs_1(small_corpus, single_process_build, tmp_path):
    done = kg("build", str(small_corpus), "-o", str(tmp_path), "--jobs", "2", "-q")
    assert done.returncode == 0, done.stderr
    assert triples(tmp_path / "graph.ttl") == triples(single_process_build / "graph.ttl")
    assert (tmp_path / "extractions.jsonl").read_text() == (single_process_build / "extractions.jsonl").read_text()


def test_scale_local_dask_cluster_builds_the_same_graph(small_corpus, single_process_build, tmp_path):
    pytest.importorskip("distributed")
    done = kg("build", str(small_corpus), "-o", str(tmp_path), "--cluster", "local:2", "-q")
    assert done.returncode == 0, done.stderr
    assert triples(tmp_path / "graph.ttl") == triples(single_process_build / "graph.ttl")


def test_scale_unreachable_cluster_is_a_clear_error(small_corpus, tmp_path):
    pytest.importorskip("distributed")
    done = kg("build", str(small_corpus), "-o", str(tmp_path), "--cluster", "tcp://127.0.0.1:9", "-q")
    assert done.returncode == 1 and "[E007]" in done.stderr and "dask scheduler" in done.stderr


def test_scale_junk_corpus_keeps_every_good_article_and_names_every_bad_one(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(600):
        (corpus / f"a-{i:04d}.txt").write_text(news(i))
    lines = [json.dumps({"id": f"j-{i}", "text": news(1000 + i)}) for i in range(393)]
    lines.insert(200, '{"id": "broken", "text": "The Houthis said')  # truncated line
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n")
    bad = {
        "binary.txt": bytes(range(256)) * 64,
        "latin1.txt": "Les frappes a\xe9riennes".encode("latin-1") * 10,
        "empty.txt": b"",
        "nobody.html": b"<html><head><title>Menu</title></head><body><nav>Home | News</nav></body></html>",
        "huge.txt": (news(1) * 30_000).encode(),
        "french.txt": (
            "Les frappes aériennes américaines ont visé des milices soutenues par l'Iran "
            "près de la frontière, a annoncé le Pentagone dimanche soir. "
        ).encode()
        * 8,
    }
    for name, data in bad.items():
        (corpus / name).write_bytes(data)
    done = kg("build", str(corpus), "-o", str(tmp_path / "out"))
    assert done.returncode == 3, done.stderr
    report = done.stdout
    for name in [*bad, "wire.jsonl:201"]:
        assert any(name in line and ":" in line.split(name, 1)[1] for line in report.splitlines()), name
    assert "articles: 993" in report
    count = ox.Store()
    count.load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    n = next(iter(count.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/kg-news/ontology#Article> }")))
    assert int(n[0].value) == 993


def test_scale_sigkill_never_leaves_a_corrupt_output(small_corpus, single_process_build, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    for i in range(30, 150):
        (corpus / f"news-{i:03d}.txt").write_text(news(i))
    out = tmp_path / "out"
    rng = random.Random(11)
    for delay in sorted(rng.uniform(0.5, 12.0) for _ in range(4)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name in ("graph.ttl", "extractions.jsonl"):
            if (out / name).exists():  # complete from an earlier run, never half-written
                if name == "graph.ttl":
                    assert triples(out / name)
                else:
                    for line in (out / name).read_text().splitlines():
                        json.loads(line)
    done = kg("build", str(corpus), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    assert len(triples(out / "graph.ttl")) > len(triples(single_process_build / "graph.ttl"))
    assert not list(out.glob(".*.part"))
