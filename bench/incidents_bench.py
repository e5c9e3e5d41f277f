"""What working out incidents and merges costs, against the build it follows.

Builds a corpus (``corpus_bench.make_corpus``: real-length articles from paragraphs of
the bundled articles, fixed seed, dated over two months: the same paragraphs in many
articles make many reports of the same events, a hard case for joining) into a store, then times, on that store, one
consolidation (:func:`kg.store.consolidate.consolidate`: reading every event and actor,
joining, writing the merges graph) from nothing and again with nothing changed, with
the numbers of event reports and incidents and the build's own time, in one run:

    .venv/bin/python bench/incidents_bench.py --articles 500
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_bench import make_corpus  # noqa: E402

from kg.ontology import MERGES_GRAPH  # noqa: E402
from kg.store.persistent import PersistentStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--min-words", type=int, default=500)
    parser.add_argument("--keep", metavar="DIR", help="build the store in DIR and keep it (a second run reuses it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-incidents-bench-") as tmp:
        corpus, store = Path(tmp) / "corpus", Path(args.keep or tmp) / "kgstore"
        corpus.mkdir()
        words = make_corpus(corpus, args.articles, args.min_words)
        # dated over two months (a date in the file name is the article's), so that reports can meet
        for i, path in enumerate(sorted(corpus.glob("*.txt"))):
            day = date(2024, 1, 1) + timedelta(days=i % 60)
            path.rename(path.with_name(f"{path.stem}-{day.isoformat()}.txt"))
        started = time.perf_counter()
        cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "-q", "--jobs", "1"]
        subprocess.run(cmd, check=True)
        build = time.perf_counter() - started
        with PersistentStore.open(store, write=True) as s:
            s.ox.update(f"DROP SILENT GRAPH <{MERGES_GRAPH}>")  # as if never worked out
            t0 = time.perf_counter()
            lines = s.consolidate()
            fresh = time.perf_counter() - t0
            again = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                s.consolidate()
                again = min(again, time.perf_counter() - t0)
    print(f"{args.articles} articles, {words:,} words; kg build --store: {build:.1f} s")
    print(f"consolidation from nothing: {fresh:.2f} s = {100 * fresh / build:.1f}% of the build (which includes one)")
    print(f"consolidation again, nothing changed (best of 3): {again:.2f} s")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
