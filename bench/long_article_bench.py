"""Long articles: time and peak memory of ``kg build`` on one article of 125k to 1M characters.

Each article is made of the paragraphs of the bundled articles and test fixtures,
drawn with a fixed seed and joined by blank lines until it reaches its length (the
``MAX_CHARS`` limit of :mod:`kg.pipeline` is 1,000,000). Each size is built in a fresh
process (``kg build FILE -o OUT --jobs 1``), as is a short article first: its time is
the fixed cost (Python, models, outputs) that the per-100k figure leaves out. Prints
characters, seconds, seconds per 100k characters beyond the fixed cost (constant when
the time is linear in the length) and the peak resident memory of the process tree.

    .venv/bin/python bench/long_article_bench.py
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from corpus_bench import SOURCES, measure

SIZES = (125_000, 250_000, 500_000, 1_000_000)


def paragraphs() -> list[str]:
    """The news paragraphs (12 words or more) of the bundled articles and fixtures."""
    from kg.ingest import read_inputs

    out = []
    for art in read_inputs(SOURCES):
        if hasattr(art, "text"):
            out += [p.strip() for p in art.text.split("\n") if len(p.split()) >= 12]
    return out


def long_article(chars: int, seed: int = 11) -> str:
    """A text of exactly ``chars`` characters or a few less: paragraphs joined by blank lines."""
    rng = random.Random(seed)
    pool = paragraphs()
    body, size = [], 0
    while True:
        p = rng.choice(pool)
        if size + len(p) + 2 > chars:
            break
        body.append(p)
        size += len(p) + 2
    return "\n\n".join(body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="article lengths in characters")
    args = ap.parse_args()
    py = sys.executable
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for chars in (5_000, *args.sizes):
            src = Path(tmp) / f"article-{chars}.txt"
            src.write_text(long_article(chars), encoding="utf-8")
            wall, peak, _ = measure(
                [py, "-m", "kg", "build", str(src), "-o", str(Path(tmp) / f"out-{chars}"), "-q", "--no-progress"]
            )
            rows.append((len(src.read_text(encoding="utf-8")), wall, peak))
            print(f"{rows[-1][0]:>10,} characters: {wall:.1f} s, {peak / 2**20:.0f} MB", file=sys.stderr, flush=True)
    (base_chars, base_secs, _), *long_rows = rows
    print(f"fixed cost (a {base_chars:,}-character article): {base_secs:.1f} s")
    print(f"{'characters':>10} {'seconds':>8} {'s/100k':>7} {'peak MB':>8}")
    for chars, secs, peak in long_rows:
        per = (secs - base_secs) / (chars - base_chars) * 100_000
        print(f"{chars:>10,} {secs:8.1f} {per:7.1f} {peak / 2**20:8.0f}")


if __name__ == "__main__":
    main()
