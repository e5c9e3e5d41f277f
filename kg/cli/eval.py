"""``kg eval``: run kg on a public benchmark and print its scores."""

from __future__ import annotations

import argparse
import json
import sys
import time

from kg.cli import add_pipeline_options, example_epilog, pipeline_from_args
from kg.errors import InputError

DESCRIPTION = """\
Run the real kg pipeline on a human-annotated benchmark and print precision, recall
and F1 per type and micro-averaged, with the errors by kind (wrong type, wrong span,
wrong direction, missing, spurious).

  conll04 PATH      CoNLL04 in SpERT's JSON format: strict entity scores (span and
                    type) and strict relation scores (relation type, both arguments'
                    spans and entity types)
  wikievents PATH   WikiEvents dev/test .jsonl: attack, die and injure triggers (type
                    and overlapping span) and arguments, matched by head word and by
                    coreference cluster
  news PATH         news-dev.jsonl, kg's own annotated news articles: entities,
                    relations (with their status), events and their arguments,
                    the share of events fully right, and calibration (ECE);
                    --split tune|held|all picks the fixed tuning or held-out half
  reports DIR       a multi-report set (reports.jsonl and gold.json, e.g.
                    examples/multi-report): whether kg makes one incident of the
                    reports of one real event and keeps the others apart (B-cubed),
                    and whether building in two halves gives the same incidents

How kg's classes, properties and roles read as benchmark labels is documented in
kg/eval/mapping.py. By default kg runs with the models it ships (kg/data); --model
DIR uses models written by `kg train`, --rules-only none."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "eval",
        help="Score kg's extraction on a benchmark (CoNLL04, WikiEvents, news-dev).",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg eval conll04 data/conll04/conll04_dev.json",
            "kg eval conll04 conll04_dev.json --rules-only",
            "kg eval conll04 conll04_dev.json --model models/",
            "kg eval wikievents data/wikievents/dev.jsonl",
            "kg eval news data/news-dev/news-dev.jsonl --split held",
            "kg eval news news-dev.jsonl --split tune --json > tune.json",
            "kg eval reports examples/multi-report",
        ),
    )
    p.add_argument("benchmark", choices=["conll04", "wikievents", "news", "reports"], help="which benchmark PATH holds")
    p.add_argument("path", metavar="PATH", help="the benchmark file")
    p.add_argument(
        "--coref",
        metavar="FILE",
        default=None,
        help="wikievents: coreference clusters (default: coref-<split>.jsonlines beside PATH)",
    )
    p.add_argument(
        "--roles", metavar="FILE", default=None, help="wikievents: KAIROS role file, to check the role mapping against"
    )
    p.add_argument(
        "--split",
        choices=["tune", "held", "all"],
        default=None,
        help="news: the fixed half of news-dev to score, by record id (default: all)",
    )
    p.add_argument("--json", action="store_true", help="news: print every figure as JSON instead of tables")
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="P",
        help="news: score only the facts of confidence P or more, as the network draws them (default: 0, all)",
    )
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.eval import conll04, mapping, report, wikievents

    if args.benchmark == "news":
        return _news(args)
    if args.benchmark == "reports":
        return _reports(args)
    if args.split or args.json or args.min_confidence:
        raise InputError("--split, --json and --min-confidence are options of `kg eval news`")
    pipeline = pipeline_from_args(args)
    started = time.perf_counter()
    setting = _setting(args)
    if args.benchmark == "conll04":
        sentences = conll04.load(args.path)
        result = conll04.evaluate(pipeline, sentences, progress=sys.stderr.isatty())
        lines = [f"CoNLL04 {args.path}: {result.sentences} sentences, kg with {setting}", ""]
        lines += report.table("Entities (strict: span and type)", result.entities, order=mapping.CONLL04_ENTITY_TYPES)
        lines.append("")
        lines += report.table(
            "Relations (strict: type, argument spans and types)", result.relations, order=mapping.CONLL04_RELATION_TYPES
        )
    else:
        if args.roles:
            unknown = wikievents.check_roles(args.roles)
            if unknown:
                raise InputError(f"kg/eval/mapping.py maps to roles {args.roles} does not list: {', '.join(unknown)}")
        docs = wikievents.load(args.path, args.coref)
        result = wikievents.evaluate(pipeline, docs)
        lines = [f"WikiEvents {args.path}: {result.documents} documents, kg with {setting}", ""]
        lines += report.table(
            "Triggers (event type, overlapping span)", result.triggers, order=mapping.KAIROS_EVENT_TYPES
        )
        lines.append("")
        lines += report.table("Arguments, head word match", result.arguments_head)
        lines.append("")
        lines += report.table("Arguments, coreference match", result.arguments_coref)
    lines += ["", f"({time.perf_counter() - started:.0f} s)"]
    print("\n".join(lines))
    return 0


def _reports(args) -> int:
    from kg.eval import reports

    reports.load(args.path)  # a directory without the set is an error before any model loads
    pipeline = pipeline_from_args(args)
    started = time.perf_counter()
    score = reports.evaluate(pipeline, args.path, progress=sys.stderr.isatty())
    lines = reports.text_report(score, args.path) + ["", f"({time.perf_counter() - started:.0f} s)"]
    print("\n".join(lines))
    return 0


def _setting(args) -> str:
    return "rules only" if args.rules_only else f"trained models from {args.model or 'kg/data'}"


def _news(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.eval import news

    split = args.split or "all"
    records = news.load(args.path)
    news.select(records, split)  # a split the file does not have is an error before any model loads
    pipeline = pipeline_from_args(args)
    started = time.perf_counter()
    result = news.evaluate(pipeline, records, split=split, min_confidence=args.min_confidence)
    if args.json:
        print(json.dumps(news.to_json(result) | {"path": str(args.path), "setting": _setting(args)}, indent=2))
        return 0
    ids = ", ".join(result.articles)
    head = f"news-dev {args.path}: split {split}, {len(result.articles)} articles ({ids}), kg with {_setting(args)}"
    if args.min_confidence:
        head += f", facts of confidence {args.min_confidence} or more"
    lines = [head, ""]
    lines += news.text_report(result)
    lines += ["", f"({time.perf_counter() - started:.0f} s)"]
    print("\n".join(lines))
    return 0
