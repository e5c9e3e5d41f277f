"""``kg extract``: the extractions alone, as JSONL, no graph."""

from __future__ import annotations

import argparse
import sys

from kg.cli import example_epilog

DESCRIPTION = """\
Write every mention, relation and event found in the articles to a JSONL file
(the format is described in the README, "The extractions file"). Offsets index the
article text as kg read it."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "extract", help="Write the extractions (mentions, relations, events) as JSONL.",
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog("kg extract examples/articles -o extractions.jsonl",
                              "kg extract news.jsonl -o - | jq 'select(.kind==\"event\")'"),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="JSONL file, or - for stdout")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="extra gazetteer (Turtle)")
    p.add_argument("--model", default=None, help="spaCy model name or path")
    p.set_defaults(func=run)


def run(args) -> int:
    import json

    from kg.pipeline import Pipeline
    from kg.store.jsonl import records, write_extractions
    from kg.summary import EXIT_SKIPPED

    result = Pipeline(gazetteers=args.gazetteer, model=args.model).run(
        args.inputs, on_skip=lambda s: print(f"skipped {s.origin}: {s.reason}", file=sys.stderr)
    )
    if args.output == "-":
        for r in result.extractions:
            for rec in records(r):
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        n = write_extractions(result.extractions, args.output)
        print(f"wrote {n} records for {result.articles} article(s) to {args.output}", file=sys.stderr)
    return EXIT_SKIPPED if result.skipped else 0
