"""``kg query``: SPARQL over a built graph."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import example_epilog
from kg.errors import QueryError

DESCRIPTION = """\
Run a SPARQL 1.1 query over a graph written by `kg build`. The prefixes kg:, kge:,
kga:, kgv:, kgx:, wd:, schema:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, foaf: and
dcterms: are predeclared; the default graph is the union of all article graphs."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "query",
        help="Run a SPARQL query over a built graph.",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg query out/graph.ttl 'SELECT ?who ?whom WHERE { ?who kg:designated ?whom }'",
            "kg query out/graph.ttl --file examples/queries/03-leaders.rq --format csv",
        ),
    )
    p.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph file (.ttl, .trig, .nq, .nt, .jsonld) or a store directory (`kg build --store`)",
    )
    p.add_argument("query", nargs="?", metavar="QUERY", help="the SPARQL query text")
    p.add_argument("--file", metavar="FILE.rq", help="read the query from a file")
    p.add_argument("--format", default="table", choices=["table", "csv", "json"], help="output format")
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.store.query import format_result, query

    if (args.query is None) == (args.file is None):
        raise QueryError("Give the query either as text or with --file FILE.rq (exactly one)")
    text = args.query
    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise QueryError(f"No query file at '{path}'")
        text = path.read_text(encoding="utf-8")
    print(format_result(query(args.graph, text), args.format))
    return 0
