"""``kg extract``: the extractions alone, as JSONL, no graph."""

from __future__ import annotations

import argparse
import sys

from kg.cli import EXIT_SKIPPED, add_pipeline_options, example_epilog, pipeline_from_args
from kg.errors import OutputError

DESCRIPTION = """\
Write every mention, relation and event found in the articles to a JSONL file
(the format is described in the README, "The extractions file"). Offsets index the
article text as kg read it."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="Write the extractions (mentions, relations, events) as JSONL.",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg extract examples/articles -o extractions.jsonl",
            "kg extract news.jsonl -o - | jq 'select(.kind==\"event\")'",
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="JSONL file, or - for stdout")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.builder import build_in_memory
    from kg.builder.summary import skip_message
    from kg.store.jsonl import json_line, records, write_extractions

    result = build_in_memory(
        pipeline_from_args(args),
        args.inputs,
        on_skip=lambda s: print(f"skipped {skip_message(s)}", file=sys.stderr),
    )
    if args.output == "-":
        for r in result.extractions:
            for rec in records(r):
                sys.stdout.write(json_line(rec))
    else:
        try:
            n = write_extractions(result.extractions, args.output)
        except OSError as err:
            raise OutputError.from_oserror(err, args.output) from err
        print(f"wrote {n} records for {result.articles} article(s) to {args.output}", file=sys.stderr)
    return EXIT_SKIPPED if result.skipped else 0
