"""``kg analyze GRAPH``: who is central, which blocs form, who bridges them, who is hostile to whom."""

from __future__ import annotations

import argparse
import sys

from kg.analyze import build_report, format_report, project_file
from kg.analyze.contested import contested
from kg.analyze.report import FORMATS
from kg.cli import add_time_options, add_trust_options, example_epilog, trust_from_args
from kg.store.merges import reported_incidents
from kg.store.source import open_store


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="measure the network of actors: centrality, communities, brokers, balance",
        description="Project the graph onto a network of actors (relations and events become ties, "
        "marked hostile, cooperative or neutral by the ontology) and report its most central "
        "actors, Louvain communities, brokers and bridges between them, and the triads that "
        "break structural balance.",
        epilog=example_epilog(
            "kg analyze out/graph.ttl",
            "kg analyze out/graph.ttl --format markdown --top 20 > network.md",
            'kg analyze out/graph.ttl --path "Iran" "Kataib Hezbollah"',
            "kg analyze kgstore --as-of 2024-01-31      # the network as the articles describe it on that day",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph file written by `kg build` (.ttl, .trig, .nq, .jsonld, .nt) or a store directory",
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument(
        "--path",
        nargs=2,
        metavar=("A", "B"),
        help="also show the shortest chain of ties between two actors (label, alias or IRI)",
    )
    parser.add_argument("--top", type=int, default=10, metavar="N", help="actors and brokers to list (default: 10)")
    parser.add_argument("--seed", type=int, default=0, help="seed for Louvain communities (default: 0)")
    add_trust_options(parser)
    add_time_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.graph)  # read once, for the network and the contested facts
    G = project_file(store, trust=trust_from_args(args))
    report = build_report(
        G,
        top=args.top,
        seed=args.seed,
        path=tuple(args.path) if args.path else None,
        contested=contested(store),
        incidents=reported_incidents(store, args.top),
    )
    sys.stdout.write(format_report(report, args.format))
    return 0
