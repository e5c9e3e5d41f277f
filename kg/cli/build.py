"""``kg build``: articles in, graph and extractions out."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.cli import example_epilog

HELP = "Build the knowledge graph of news articles."
DESCRIPTION = """\
Read news articles, extract actors, relations and events, and write:
  OUTDIR/graph.ttl          the knowledge graph (or .trig/.nq/.jsonld with --format)
  OUTDIR/extractions.jsonl  every mention, relation and event with its offsets
and print a summary. INPUT is a .txt, .html or .jsonl file, a directory (read
recursively), or - for standard input. Inputs that cannot be read are listed with
the reason and the others still make it into the graph (exit status 3)."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build", help=HELP, description=DESCRIPTION,
        epilog=example_epilog(
            "kg build examples/articles -o out",
            "kg build news/ more.jsonl -o out --format trig",
            "cat article.txt | kg build - -o out",
            "kg build news/ -o out --gazetteer my-actors.ttl",
        ),
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="directory for the outputs")
    p.add_argument("--format", default="turtle", choices=["turtle", "trig", "nquads", "json-ld"],
                   help="graph format (default: turtle; trig/nquads/json-ld keep one named graph per article)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="extra gazetteer of known actors in Turtle (repeatable)")
    p.add_argument("--model", default=None, help="spaCy model name or path (default: en_core_web_sm)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=run)


def run(args) -> int:
    from kg.pipeline import Pipeline
    from kg.store.files import FORMATS, write_graph
    from kg.store.jsonl import write_extractions
    from kg.summary import EXIT_SKIPPED, summary_lines

    out = Path(args.output)
    pipeline = Pipeline(gazetteers=args.gazetteer, model=args.model)
    progress = not args.no_progress and sys.stderr.isatty()
    result = pipeline.run(args.inputs, progress=progress)
    graph_path = out / ("graph" + FORMATS[args.format][1])
    write_graph(result.dataset, graph_path, args.format)
    write_extractions(result.extractions, out / "extractions.jsonl")
    if not args.quiet:
        print(f"wrote {graph_path} and {out / 'extractions.jsonl'}")
        print("\n".join(summary_lines(result)))
    return EXIT_SKIPPED if result.skipped else 0
