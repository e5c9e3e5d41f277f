"""Latency of cheap queries at the SPARQL endpoint while slow ones hold its workers.

An endpoint is started on 127.0.0.1 over a generated graph, twice in one run: without
the reserve worker (the pre-issue-11 shape: a cheap query waits for a regular worker)
and with it (the default). Each time, for --seconds, ``--slow`` client threads send a
query that runs past the time limit, again a second after it is stopped, and ``--cheap``
client threads send quick lookups with a short pause between. Printed: p50, p95 and
max latency of the cheap queries, answered or not (a client that waited for a timeout
error waited too), and how many were answered and how many refused or timed out. The
waiting line is long enough for every client unless --queue says otherwise, so that
refusals don't hide waits.

    .venv/bin/python bench/endpoint_bench.py                 # 2 workers, 2 slow + 4 cheap clients, 20 s each
    .venv/bin/python bench/endpoint_bench.py --seconds 10 --timeout 2
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.serve.endpoint import Endpoint  # noqa: E402

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "SELECT ?p ?o WHERE {{ <urn:x:s{n}> ?p ?o }} LIMIT 5"
PAUSE_S = 0.05  # between one cheap client's queries
SLOW_PAUSE_S = 1.0  # a slow client retries a second after its error (at once, it would starve the cheap ones)


def write_graph(path: Path, triples: int) -> Path:
    path.write_text(
        "".join(f"<urn:x:s{i % 50}> <urn:x:p{i % 7}> <urn:x:o{i}> .\n" for i in range(triples)), encoding="utf-8"
    )
    return path


def ask(url: str, query: str) -> tuple[int, float]:
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as err:
        err.read()
        status = err.code
    return status, time.monotonic() - t0


def load(url: str, *, seconds: float, slow: int, cheap: int) -> dict:
    """Run the mixed load; figures of the cheap queries."""
    stop = time.monotonic() + seconds
    cheap_results: list[tuple[int, float]] = []
    slow_results: list[tuple[int, float]] = []

    def slow_client() -> None:
        while time.monotonic() < stop:
            slow_results.append(ask(url, SLOW))
            time.sleep(SLOW_PAUSE_S)

    def cheap_client(k: int) -> None:
        n = 0
        while time.monotonic() < stop:
            cheap_results.append(ask(url, CHEAP.format(n=(k * 7 + n) % 50)))
            n += 1
            time.sleep(PAUSE_S)

    threads = [threading.Thread(target=slow_client) for _ in range(slow)]
    threads += [threading.Thread(target=cheap_client, args=(k,)) for k in range(cheap)]
    for t in threads:
        t.start()
        time.sleep(0.01)
    for t in threads:
        t.join()
    # every cheap request counts: a client that waited 5 s for a timeout error waited 5 s
    seconds = sorted(s for _, s in cheap_results)
    answered = sum(status == 200 for status, _ in cheap_results)
    return {
        "answered": answered,
        "failed": len(cheap_results) - answered,
        "p50": statistics.median(seconds) if seconds else float("nan"),
        "p95": seconds[max(0, round(0.95 * len(seconds)) - 1)] if seconds else float("nan"),
        "max": seconds[-1] if seconds else float("nan"),
        "slow": len(slow_results),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0, help="load time per configuration (default: 20)")
    ap.add_argument("--timeout", type=float, default=3.0, help="the endpoint's time limit (default: 3)")
    ap.add_argument("--workers", type=int, default=2, help="regular workers (default: 2)")
    ap.add_argument("--slow", type=int, default=2, help="clients sending slow queries (default: 2)")
    ap.add_argument("--cheap", type=int, default=4, help="clients sending cheap queries (default: 4)")
    ap.add_argument(
        "--queue", type=int, default=None, help="the endpoint's waiting line (default: every client can wait)"
    )
    ap.add_argument("--triples", type=int, default=300, help="size of the generated graph (default: 300)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-endpoint-bench-") as tmp:
        graph = write_graph(Path(tmp) / "graph.nt", args.triples)
        print(
            f"{args.workers} workers, --timeout {args.timeout:g}; {args.slow} slow + {args.cheap} cheap clients "
            f"for {args.seconds:g} s each; cheap-query latency in seconds"
        )
        print(f"{'configuration':<22} {'answered':>8} {'failed':>6} {'p50':>7} {'p95':>7} {'max':>7} {'slow sent':>9}")
        queue = args.slow + args.cheap if args.queue is None else args.queue
        for name, reserve in (("no reserve (before)", 0), ("reserve worker (now)", 1)):
            with Endpoint(
                graph, port=0, timeout=args.timeout, workers=args.workers, queue=queue, reserve=reserve, quiet=True
            ).start() as endpoint:
                ask(endpoint.url, "ASK {}")  # warm
                r = load(endpoint.url, seconds=args.seconds, slow=args.slow, cheap=args.cheap)
            print(
                f"{name:<22} {r['answered']:>8} {r['failed']:>6} {r['p50']:>7.3f} {r['p95']:>7.3f} "
                f"{r['max']:>7.3f} {r['slow']:>9}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
