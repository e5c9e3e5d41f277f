"""Extraction quality before and after kg's trained models, on CoNLL04 and WikiEvents.

Prints one table: micro precision, recall and F1 with the rules alone (the English
model's names, kg's dependency rules) and with the shipped trained models (entity
recogniser and relation classifier), plus the seconds each run took.

    python bench/eval_quality.py --conll04 data/conll04/conll04_dev.json \
        --wikievents data/wikievents/dev.jsonl
"""

from __future__ import annotations

import argparse
import sys
import time


def _row(name: str, setting: str, prf, seconds: float) -> str:
    return (
        f"{name:<34}{setting:<10}{100 * prf.precision:>7.1f}{100 * prf.recall:>7.1f}{100 * prf.f1:>7.1f}{seconds:>8.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conll04", metavar="JSON", help="CoNLL04 file (SpERT format)")
    parser.add_argument("--wikievents", metavar="JSONL", help="WikiEvents file (coref-*.jsonlines beside it)")
    parser.add_argument("--model", metavar="DIR", default=None, help="trained models (default: the shipped ones)")
    args = parser.parse_args(argv)
    if not (args.conll04 or args.wikievents):
        parser.error("give --conll04 and/or --wikievents")

    from kg.eval import conll04, wikievents
    from kg.pipeline import Pipeline

    sentences = conll04.load(args.conll04) if args.conll04 else None
    documents = wikievents.load(args.wikievents) if args.wikievents else None
    print(f"{'measure':<34}{'setting':<10}{'P':>7}{'R':>7}{'F1':>7}{'sec':>8}")
    for setting, trained in (("rules", False), ("trained", args.model or True)):
        pipeline = Pipeline(trained=trained)
        if sentences:
            started = time.perf_counter()
            r = conll04.evaluate(pipeline, sentences)
            took = time.perf_counter() - started
            print(_row("CoNLL04 entities (strict)", setting, r.entities.overall, took))
            print(_row("CoNLL04 relations (strict)", setting, r.relations.overall, took))
        if documents:
            started = time.perf_counter()
            w = wikievents.evaluate(pipeline, documents)
            took = time.perf_counter() - started
            print(_row("WikiEvents triggers", setting, w.triggers.overall, took))
            print(_row("WikiEvents arguments (head)", setting, w.arguments_head.overall, took))
            print(_row("WikiEvents arguments (coref)", setting, w.arguments_coref.overall, took))
    return 0


if __name__ == "__main__":
    sys.exit(main())
