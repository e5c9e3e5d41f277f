"""``kg export GRAPH --format graphml|gexf|csv|json -o OUT``: the actor network for Gephi, Cytoscape, a spreadsheet."""

from __future__ import annotations

import argparse

from kg.analyze import annotate, project_file
from kg.analyze.export import FORMATS, write
from kg.cli import add_trust_options, example_epilog, trust_from_args


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the network of actors as GraphML, GEXF, CSV or node-link JSON",
        description="Write the actor network with each actor's degree, PageRank, betweenness, community "
        "and component, and each tie's relations, polarity, sign, weight, articles and evidence. "
        "GraphML and GEXF hold only plain values: lists are joined with ' | '. "
        "With --format csv, OUT is a directory that receives nodes.csv and edges.csv.",
        epilog=example_epilog(
            "kg export out/graph.ttl --format gexf -o out/network.gexf      # Gephi",
            "kg export out/graph.ttl --format graphml -o out/network.graphml  # Cytoscape, yEd",
            "kg export out/graph.ttl --format csv -o out/network            # out/network/nodes.csv, edges.csv",
            "kg export out/graph.ttl --format json -o out/network.json      # networkx node-link JSON",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph file written by `kg build` (.ttl, .trig, .nq, .jsonld, .nt) or a store directory",
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="file format")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write (a directory for csv)")
    add_trust_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    G = annotate(project_file(args.graph, trust=trust_from_args(args)))
    for path in write(G, args.format, args.output):
        print(f"Wrote {path}")
    return 0
