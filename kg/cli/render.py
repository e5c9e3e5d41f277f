"""``kg render GRAPH -o graph.html``: the actor network as an interactive page that works offline."""

from __future__ import annotations

import argparse

from kg.cli import add_time_options, add_trust_options, example_epilog, trust_from_args
from kg.errors import OutputError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw the network of actors as one interactive HTML file (works offline)",
        description="Write one self-contained HTML page (vis-network inlined, no external URL) showing the "
        "actors, coloured by type or community and sized by PageRank, and their ties, coloured by polarity "
        "and drawn per direction. Click an actor for its ties and their evidence sentences; search by name; "
        "filter by type, confidence and status. --as-of or --from/--to draw the network at a date or over dates.",
        epilog=example_epilog(
            "kg render out/graph.ttl -o out/graph.html",
            'kg render out/graph.ttl -o kh.html --focus "Kataib Hezbollah" --depth 2',
            "kg render out/graph.ttl -o top.html --top 200 --types State ArmedGroup Person",
            "kg render kgstore -o june.html --from 2024-06-01 --to 2024-06-30",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph file written by `kg build` (.ttl, .trig, .nq, .jsonld, .nt) or a store directory",
    )
    parser.add_argument(
        "-o", "--output", default="graph.html", metavar="HTML", help="page to write (default: graph.html)"
    )
    parser.add_argument("--focus", metavar="NAME", help="draw only the actors around this one (label, alias or IRI)")
    parser.add_argument("--depth", type=int, default=2, help="with --focus: how many ties away to go (default: 2)")
    parser.add_argument("--top", type=int, metavar="N", help="draw only the N most central actors (PageRank)")
    parser.add_argument(
        "--types", nargs="+", metavar="TYPE", help="draw only actors of these types, e.g. State ArmedGroup Person"
    )
    parser.add_argument("--title", help="page title (default: as `kg build` titles it, by its article count)")
    add_trust_options(parser)
    add_time_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from rdflib import RDF

    from kg.analyze import project
    from kg.rdf.vocab import KG
    from kg.render import page_title, write_html
    from kg.store.sink import StoreView
    from kg.store.source import open_store

    graph = StoreView(open_store(args.graph))
    G = project(graph, trust=trust_from_args(args))
    as_of, since, until = args.as_of, args.since, args.until
    title = args.title or page_title(
        sum(1 for _ in graph.subjects(RDF.type, KG.Article)),
        as_of=as_of[1] if as_of else None,
        since=since[0] if since else None,
        until=until[1] if until else None,
    )
    try:
        path = write_html(
            G, args.output, title=title, focus=args.focus, depth=args.depth, top=args.top, types=args.types
        )
    except OSError as err:
        raise OutputError.from_oserror(err, args.output) from err
    print(f"Wrote {path} ({G.number_of_nodes()} actors in the graph); open it in a browser")
    return 0
