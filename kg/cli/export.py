"""``kg export GRAPH --format FORMAT -o OUT``: the actor network for Gephi, Cytoscape, a
spreadsheet, or the events as PLOVER records."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from kg.analyze.export import FORMATS, export
from kg.analyze.project import DEFAULT_MIN_CONFIDENCE, EVERYTHING, Trust
from kg.cli import add_time_options, add_trust_options, example_epilog, trust_from_args
from kg.errors import OutputError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the network of actors as GraphML, GEXF, CSV or node-link JSON, or the events as PLOVER JSONL",
        description="Write the actor network with each actor's degree, PageRank, betweenness, community "
        "and component, and each tie's relations, polarity, sign, weight, articles and evidence. "
        "GraphML and GEXF hold only plain values: lists are joined with ' | '. "
        "With --format csv, OUT is a directory that receives nodes.csv and edges.csv. "
        "With --format plover, OUT receives one POLECAT-style record per event (JSON Lines): "
        "its PLOVER type and mode, date, actors, recipients, places, status, confidence, article "
        "and sentence. Each record carries its status and confidence, so every event is written "
        "unless --min-confidence is given; events of a class PLOVER has no type for (statements) "
        "are left out.",
        epilog=example_epilog(
            "kg export out/graph.ttl --format gexf -o out/network.gexf      # Gephi",
            "kg export out/graph.ttl --format graphml -o out/network.graphml  # Cytoscape, yEd",
            "kg export out/graph.ttl --format csv -o out/network            # out/network/nodes.csv, edges.csv",
            "kg export out/graph.ttl --format json -o out/network.json      # networkx node-link JSON",
            "kg export kgstore --format plover -o events.jsonl             # one PLOVER event record a line",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph file written by `kg build` (.ttl, .trig, .nq, .jsonld, .nt) or a store directory",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="; ".join(f"{name}: {what}" for name, what in FORMATS.items()),
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write (a directory for csv)")
    add_trust_options(parser)
    add_time_options(parser)
    parser.set_defaults(func=run, min_confidence=None)  # None: the network's floor, or none for plover


def _trust(args: argparse.Namespace) -> Trust:
    if args.format == "plover":
        args.min_confidence = 0.0 if args.min_confidence is None else args.min_confidence
        return replace(trust_from_args(args), statuses=EVERYTHING.statuses)  # every status, each record says its own
    if args.min_confidence is None:
        args.min_confidence = DEFAULT_MIN_CONFIDENCE
    return trust_from_args(args)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    try:
        paths, note = export(args.graph, args.format, out, trust=_trust(args))
    except OSError as err:
        raise OutputError.from_oserror(err, out) from err
    for path in paths:
        print(f"Wrote {path}" + (f": {note}" if note else ""))
    return 0
