"""``kg serve (STORE | GRAPH)``: a SPARQL 1.1 Protocol endpoint and the graph's page."""

from __future__ import annotations

import argparse
import signal

from kg.cli import example_epilog

DESCRIPTION = """\
Serve a store (`kg build --store DIR`) or a graph file over HTTP:
  http://HOST:PORT/sparql   SPARQL 1.1 Protocol: GET or POST queries; results as SPARQL
                            JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE as Turtle, JSON-LD,
                            N-Triples or RDF/XML, by the Accept header
  http://HOST:PORT/         the interactive page of the actor network
The default graph is the union of all article graphs; kg's prefixes are predeclared.
The endpoint is read-only unless --allow-update is given (SPARQL Update is then
written to the store; to a graph file's in-memory copy only, lost when the server
stops). A query running past --timeout is stopped with an error and the server keeps
serving; the limit counts from the request's arrival, waiting included. At most
--queue queries wait for a free process (one more is refused at once with 503 and
Retry-After), and a reserve process answers quick queries while slow ones hold the
others. Ctrl-C stops it."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="Serve a store or graph file as a SPARQL endpoint, with the graph's page.",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg serve kgstore                      # http://127.0.0.1:7878/sparql",
            "kg serve out/graph.ttl --port 8000",
            "kg serve kgstore --allow-update --timeout 120",
            "curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s kg:attacked ?o }' "
            "http://127.0.0.1:7878/sparql",
        ),
    )
    p.add_argument("source", metavar="STORE|GRAPH", help="a store directory or a graph file (.ttl, .trig, .nq, ...)")
    p.add_argument("--port", type=int, default=7878, help="port to listen on (default: 7878; 0: any free port)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL Update requests")
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="time limit of one query (default: 30)"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="queries answered at once, one process each (default: 2; 1 with --allow-update)",
    )
    p.add_argument(
        "--queue",
        type=int,
        default=None,
        metavar="N",
        help="queries waiting for a free process at most; one more is refused with 503 (default: 2 x --workers)",
    )
    p.add_argument("--cors", action="store_true", help="allow queries from web pages of any origin (CORS)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not log each request")
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.serve.endpoint import Endpoint

    endpoint = Endpoint(
        args.source,
        host=args.host,
        port=args.port,
        allow_update=args.allow_update,
        timeout=args.timeout,
        workers=args.workers,
        queue=args.queue,
        cors=args.cors,
        quiet=args.quiet,
    )
    # SIGTERM (a service manager, a test) stops the server like Ctrl-C: workers and temp files go too
    signal.signal(signal.SIGTERM, _interrupt)
    mode = "read-write" if args.allow_update else "read-only"
    print(
        f"Serving {args.source} at {endpoint.url} ({mode}, {args.timeout:g} s per query); "
        f"the graph's page at {endpoint.url[: -len('sparql')]}",
        flush=True,
    )
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.close()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
