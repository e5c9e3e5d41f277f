"""``kg push (STORE | GRAPH) URL``: send the graph to a shared triple store, one named graph per article."""

from __future__ import annotations

import argparse
import getpass
import os

from kg.cli import example_epilog

DESCRIPTION = """\
Send every article graph of a store (`kg build --store DIR`) or a TriG / N-Quads
graph file to a triple store, each as the named graph of its article IRI, replacing
what the store held under that name: pushing again never duplicates facts.

URL is the store's SPARQL 1.1 Graph Store Protocol endpoint (PUT per graph) or its
SPARQL Update endpoint (DROP + INSERT DATA per graph):
  Apache Jena Fuseki   http://HOST:3030/DATASET/data     or  .../DATASET/update
  Oxigraph server      http://HOST:7878/store            or  .../update
  GraphDB              http://HOST:7200/repositories/REPO/rdf-graphs/service
                                                         or  .../repositories/REPO/statements
With --protocol auto (the default) the URL's last segment decides; otherwise kg tries
the Graph Store Protocol and falls back to Update. For a store with accounts give
--user; the password is read from KG_PUSH_PASSWORD or asked for."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "push",
        help="Send the graph to a SPARQL triple store (Fuseki, Oxigraph, GraphDB, ...).",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg push kgstore http://localhost:3030/news/data",
            "kg push kgstore http://localhost:7878/store",
            "kg push out/graph.trig http://localhost:7200/repositories/news/statements --user analyst",
            "kg push out/graph.ttl http://localhost:3030/news/data --graph https://example.org/graph/today",
        ),
    )
    p.add_argument("source", metavar="STORE|GRAPH", help="a store directory or a graph file (.trig, .nq, ...)")
    p.add_argument("url", metavar="URL", help="the triple store's Graph Store or Update endpoint")
    p.add_argument(
        "--protocol",
        choices=["auto", "gsp", "update"],
        default="auto",
        help="gsp: Graph Store Protocol PUT; update: SPARQL Update; auto: find out (default)",
    )
    p.add_argument(
        "--graph", metavar="IRI", help="name of the graph for triples outside any named graph (a Turtle file's union)"
    )
    p.add_argument("--user", help="account name for HTTP basic authentication")
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS", help="time limit of one request (default: 60)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print each graph as it is sent")
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.serve.push import push

    password = None
    if args.user is not None:
        password = os.environ.get("KG_PUSH_PASSWORD")
        if password is None:
            password = getpass.getpass(f"password for {args.user}: ")

    def sent(name: str, count: int) -> None:
        print(f"{count:>8} triples  {name}", flush=True)

    report = push(
        args.source,
        args.url,
        protocol=args.protocol,
        graph=args.graph,
        user=args.user,
        password=password,
        timeout=args.timeout,
        on_graph=sent if args.verbose else None,
    )
    print(report.line())
    return 0
