"""``kg diff OLD NEW``: what changed between two graphs or stores, and in the actor network."""

from __future__ import annotations

import argparse
import sys

from kg.analyze.diff import DEFAULT_LIMIT, FORMATS, diff_files, format_diff
from kg.cli import add_trust_options, example_epilog, trust_from_args


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two graphs or stores: actors, relations, events, the network",
        description="Compare two graphs (files or `kg build --store` directories): the actors, relations "
        "and events added or removed, relations and events whose status changed (asserted, claimed, "
        "hedged, denied), the ties of the actor network added or removed, who rose or fell among the "
        "most central actors (PageRank), which actors changed community, and the change in structural "
        "balance. Things are matched by IRI: kg gives an actor the same IRI in every build. The "
        "relations and events listed are every fact in the graphs; the network's ties and measures use "
        "the facts --min-confidence and --include-hedged admit, as in `kg analyze`. Exits 0 whether or "
        "not anything changed.",
        epilog=example_epilog(
            "kg build monday/ --store kgstore && cp -r kgstore kgstore-monday",
            "kg build tuesday/ --store kgstore",
            "kg diff kgstore-monday kgstore                   # what Tuesday's articles changed",
            "kg diff old/graph.ttl new/graph.trig --format markdown > changes.md",
            "kg diff old/graph.ttl new/graph.ttl --format json | jq '.actors.added[].label'",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name, when in (("old", "before"), ("new", "after")):
        parser.add_argument(
            name,
            metavar=name.upper(),
            help=f"the graph {when}: a graph file (.ttl, .trig, .nq, .jsonld, .nt) or a store directory",
        )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument(
        "--top", type=int, default=10, metavar="N", help="compare the ranks of the N most central actors (default: 10)"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"rows per list in the table and Markdown (default: {DEFAULT_LIMIT}; 0 for all; json lists all)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for Louvain communities (default: 0)")
    add_trust_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = diff_files(args.old, args.new, trust=trust_from_args(args), top=args.top, seed=args.seed)
    sys.stdout.write(format_diff(report, args.format, limit=args.limit))
    return 0
