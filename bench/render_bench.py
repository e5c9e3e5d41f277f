"""Benchmark of `kg render` pages: synthetic actor networks of growing size in headless Chromium.

For each size it prints the time to build the page in Python, the HTML size, and what
the page itself recorded (milliseconds from navigation start until vis-network first drew
and until the first view was fitted and labelled: positions come from Python, there is no
physics to wait for), plus the wall time seen from outside. Chromium runs offline with the
same flags as the browser tests (tests/support/browser.py). An argument that is a
``network.json`` written by ``kg build`` adds a row for that real network.

    .venv/bin/python bench/render_bench.py              # 300, 500, 2000, 4000 nodes
    .venv/bin/python bench/render_bench.py 1000 out/network.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import find_chromium, open_page, png_size_and_colours  # noqa: E402

from kg.analyze.polarity import SIGNS  # noqa: E402
from kg.render.html import write_html  # noqa: E402

TYPES = ["State", "ArmedGroup", "Person", "Organization", "GovernmentBody", "Military", "City"]
RELATIONS = {
    "attacked": "hostile",
    "condemned": "hostile",
    "AirStrike": "hostile",
    "backedBy": "cooperative",
    "memberOf": "cooperative",
    "leaderOf": "cooperative",
    "basedIn": "neutral",
}


def synthetic(n: int, seed: int = 1) -> nx.Graph:
    """A graph shaped like a projection of many articles: blocs of 10-60 actors, ~2.5 ties each."""
    rng = random.Random(seed)
    sizes, left = [], n
    while left > 0:
        sizes.append(min(left, rng.randint(10, 60)))
        left -= sizes[-1]
    base = nx.random_partition_graph(sizes, 0.12, 0.4 / n, seed=seed)
    G = nx.Graph()
    for node in base:
        G.add_node(
            f"https://w3id.org/kg-news/entity/actor_{node}",
            iri=f"https://w3id.org/kg-news/entity/actor_{node}",
            label=f"Actor {node}",
            type=rng.choice(TYPES),
            aliases=[f"A{node}"],
            wikidata=f"http://www.wikidata.org/entity/Q{1000 + node}",
            articles=rng.randint(1, 9),
        )
    for u, v in base.edges():
        relation = rng.choice(list(RELATIONS))
        polarity = RELATIONS[relation]
        evidence = [
            {
                "article": f"https://w3id.org/kg-news/article/story-{rng.randint(1, 400)}",
                "sentence": f"Actor {u} and Actor {v} were reported in a sentence of about the usual length "
                f"for a news article, number {k}.",
            }
            for k in range(rng.randint(1, 3))
        ]
        a, b = f"https://w3id.org/kg-news/entity/actor_{u}", f"https://w3id.org/kg-news/entity/actor_{v}"
        G.add_edge(
            a,
            b,
            relations=[relation],
            polarity=polarity,
            sign=SIGNS[polarity],
            weight=len(evidence),
            articles=sorted({e["article"] for e in evidence}),
            evidence=evidence,
            events=[],
            facts=[{"source": a, "relation": relation, "target": b, "polarity": polarity}],
        )
    return G


def main(sizes: list[str]) -> int:
    chromium = find_chromium()
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    print(
        f"{'nodes':>6} {'edges':>6} {'build s':>8} {'html MB':>8} {'drawn s':>8} {'fitted s':>9} "
        f"{'wall s':>7} {'colours':>8} errors"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            G = (
                synthetic(int(size))
                if size.isdigit()
                else nx.node_link_graph(json.loads(Path(size).read_text()), edges="edges")
            )
            n = len(G)
            page = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            write_html(G, page, title=f"Network of {n} actors")
            built = time.perf_counter() - start
            run = open_page(page, timeout=300)
            colours = png_size_and_colours(run.screenshot)[2]
            drawn = f"{run.drawn_ms / 1000:.2f}" if run.drawn_ms is not None else "-"
            stable = f"{run.stable_ms / 1000:.2f}" if run.stable_ms is not None else "never"
            print(
                f"{n:>6} {G.number_of_edges():>6} {built:>8.2f} {page.stat().st_size / 1e6:>8.2f} "
                f"{drawn:>8} {stable:>9} {run.wall_s:>7.2f} {colours:>8} {len(run.errors) + len(run.requests)}",
                flush=True,
            )
    return 0


def _arguments(argv: list[str]) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "sizes", nargs="*", default=["300", "500", "2000", "4000"], metavar="N|network.json",
        help="synthetic networks of N actors, or a network.json written by kg build (default: 300 500 2000 4000)",
    )  # fmt: skip
    return parser.parse_args(argv).sizes


if __name__ == "__main__":
    sys.exit(main(_arguments(sys.argv[1:])))
