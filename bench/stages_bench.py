"""Where a kg build's time goes: each stage timed on the same articles as raw spaCy.

Writes the corpus of ``corpus_bench.py`` (same seed, fewer articles), then in this one
process, one after the other: raw spaCy (``nlp.pipe``, the plain English model), kg's
NLP with and without its trained entity recogniser, extraction, resolution, the RDF
graph of each article, adding the graphs to the build's Oxigraph store, the Turtle
dump and the JSONL. Each stage's seconds are printed beside raw spaCy's (wall clock,
models loaded beforehand; the three NLP runs are the best of two).

    .venv/bin/python bench/stages_bench.py --articles 40
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus_bench import make_corpus

NLP_RUNS = 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--min-words", type=int, default=600)
    args = ap.parse_args()

    from kg.extract import extract
    from kg.ingest import read_inputs
    from kg.nlp.model import load_model
    from kg.pipeline import BATCH_SIZE, Pipeline
    from kg.rdf.build import TRIPLES_ONLY, article_graph
    from kg.resolve import resolve_article
    from kg.store.jsonl import ExtractionsWriter
    from kg.store.sink import GraphSink

    rows: list[tuple[str, float]] = []

    def timed(name, work, repeat=1):
        """Run ``work`` ``repeat`` times; record the best time, return the last result."""
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = work()
            best = min(best, time.perf_counter() - t0)
        rows.append((name, best))
        return result

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        out.mkdir()
        words = make_corpus(corpus, args.articles, args.min_words)
        raw = load_model()
        pipeline = Pipeline()
        nlp, relation_model = pipeline.nlp, pipeline.relation_model
        articles = timed("read the files", lambda: list(read_inputs([corpus])))
        texts = [a.text for a in articles]
        # the three NLP runs: best of NLP_RUNS each, so that warm-up and noise do not decide
        timed("raw spaCy nlp.pipe (baseline)", lambda: list(raw.pipe(texts, batch_size=BATCH_SIZE)), NLP_RUNS)
        with nlp.select_pipes(disable=["kg_entity_recognizer"]):
            timed(
                "kg nlp without the trained recogniser", lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)), NLP_RUNS
            )
        docs = timed(
            "kg nlp (model, gazetteer, recogniser)", lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)), NLP_RUNS
        )
        extractions = timed(
            "extract (mentions, events, relations)",
            lambda: [extract(d, a, pipeline.gazetteer, relation_model=relation_model) for d, a in zip(docs, articles)],
        )
        resolved = timed("resolve", lambda: [resolve_article(e, pipeline.by_iri) for e in extractions])
        graphs = timed("article RDF graphs (rdflib)", lambda: [article_graph(r, store=TRIPLES_ONLY) for r in resolved])
        with GraphSink(named=False) as sink:
            timed("add to the build's Oxigraph store", lambda: [sink.add(g, str(g.identifier)) for g in graphs])
            timed("Turtle dump", lambda: sink.dump(out / "graph.ttl", "turtle"))

        def write_jsonl():
            with ExtractionsWriter(out / "extractions.jsonl") as writer:
                for r in resolved:
                    writer.write(r)

        timed("extractions.jsonl", write_jsonl)

    baseline = dict(rows)["raw spaCy nlp.pipe (baseline)"]
    print(f"{args.articles} articles, {words:,} words; seconds, and as a share of raw spaCy's time")
    for name, secs in rows:
        print(f"  {name:40} {secs:7.2f}  {secs / baseline:5.2f}")


if __name__ == "__main__":
    main()
