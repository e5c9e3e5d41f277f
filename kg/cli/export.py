"""``kg export GRAPH --format graphml|gexf|csv|json -o OUT``: the actor network for Gephi, Cytoscape, a spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.analyze import annotate, project_file
from kg.analyze.export import FORMATS, write
from kg.atomic import staged_dir
from kg.cli import add_trust_options, example_epilog, trust_from_args
from kg.errors import OutputError


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
    out = Path(args.output)
    try:
        if args.format == "csv":  # two files, swapped in together
            with staged_dir(out) as stage:
                paths = [out / p.relative_to(stage) for p in write(G, args.format, stage)]
        else:
            paths = write(G, args.format, out)
    except OSError as err:
        raise OutputError.from_oserror(err, out) from err
    for path in paths:
        print(f"Wrote {path}")
    return 0
