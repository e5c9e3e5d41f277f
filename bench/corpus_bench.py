"""Corpus-scale benchmark: kg's end-to-end throughput against raw spaCy, side by side.

Builds a corpus of real-length news articles from the bundled articles and test
fixtures (paragraphs drawn with a fixed seed), then measures in one run, each in a
fresh process on the same machine:

  raw spaCy   nlp.pipe over the same texts with the same model (words/s)
  kg -j 1     `kg build CORPUS -o OUT` from reading files to graph and JSONL written
  kg -j 2     the same with --jobs 2
  kg dask     the same with --cluster local:2 (a Dask LocalCluster of two processes)
  kg rules    --jobs 1 without the trained models (--rules-only): the trained entity
              recogniser is a second NER pass, the cost of its better names

and prints throughput, the kg/spaCy ratio, the --jobs 2 and Dask speed-ups and the peak
memory (resident set of the whole process tree, sampled every 50 ms). ``--only j1,j2``
runs some of the kg builds (names: j1, j2, dask, rules; raw spaCy always runs), for
example the memory of a 2,000-article build without the hour the others take.

With ``--baseline SRC`` it also runs ``kg build --jobs 1`` with the kg of another copy
of the source (SRC holds its ``kg`` package and ``ontologies/``, for example a checkout
of an earlier commit) right after the one with the working directory's kg, so that a
change is measured before and after in one run on a shared machine.

    .venv/bin/python bench/corpus_bench.py --articles 2000
    .venv/bin/python bench/corpus_bench.py --articles 150 --baseline /tmp/before
    .venv/bin/python bench/corpus_bench.py --articles 2000 --only j1
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "examples" / "articles").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "ingest").glob("*.txt")),
]

RUNS = ("j1", "j2", "dask", "rules")
BASELINE = "kg build --jobs 1, baseline (--baseline)"

RAW_SPACY = """
import sys, time, spacy
from pathlib import Path
from kg.nlp.model import load_model
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = load_model()
t0 = time.perf_counter()
words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in nlp.pipe(texts, batch_size=16))
print(words, time.perf_counter() - t0)
"""


def make_corpus(directory: Path, n: int, min_words: int, seed: int = 7) -> int:
    """Write ``n`` articles of at least ``min_words`` words; returns the total word count."""
    rng = random.Random(seed)
    paragraphs = []
    for src in SOURCES:
        from kg.ingest import read_inputs

        for art in read_inputs([src]):
            if hasattr(art, "text"):
                paragraphs += [p.strip() for p in art.text.split("\n") if len(p.split()) >= 12]
    total = 0
    for i in range(n):
        body, words = [], 0
        while words < min_words:
            p = rng.choice(paragraphs)
            body.append(p)
            words += len(p.split())
        total += words
        (directory / f"article-{i:05d}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
    return total


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * 4096
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return total


def measure(cmd: list[str], source: Path | None = None) -> tuple[float, int, str]:
    """Wall time, peak tree RSS and stdout of ``cmd`` (importing kg from ``source`` if given)."""
    env = None
    if source is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    # `python -m` puts the working directory first on sys.path: run from ``source`` too
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=source)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return time.perf_counter() - t0, peak, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--min-words", type=int, default=600)
    ap.add_argument("--baseline", type=Path, metavar="SRC", help="also time `kg build --jobs 1` with kg from SRC")
    ap.add_argument(
        "--only", default="j1,j2,dask,rules", help="the kg builds to run, comma-separated: j1, j2, dask, rules"
    )
    args = ap.parse_args()
    args.only = set(args.only.split(","))
    if args.only - set(RUNS):
        sys.exit(f"--only: unknown runs {sorted(args.only - set(RUNS))}; choose from {', '.join(RUNS)}")
    if args.baseline:
        args.baseline = args.baseline.resolve()
        if not (args.baseline / "kg" / "__init__.py").is_file():
            sys.exit(f"--baseline {args.baseline}: no kg package there")
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        make_corpus(corpus, args.articles, args.min_words)
        raw_time, raw_peak, raw_out = measure([py, "-c", RAW_SPACY, str(corpus)])
        words, raw_nlp_time = raw_out.split()
        words = int(words)
        rows = [("raw spaCy nlp.pipe (model only)", float(raw_nlp_time), raw_peak)]
        runs = [
            ("j1", "kg build --jobs 1 (read to graph written)", ["--jobs", "1"], None),
            *([("j1", BASELINE, ["--jobs", "1"], args.baseline)] if args.baseline else []),
            ("j2", "kg build --jobs 2", ["--jobs", "2"], None),
            ("dask", "kg build --cluster local:2 (Dask)", ["--cluster", "local:2"], None),
            ("rules", "kg build --jobs 1 --rules-only", ["--jobs", "1", "--rules-only"], None),
        ]
        runs = [run for run in runs if run[0] in args.only]
        for i, (_, label, options, source) in enumerate(runs):
            wall, peak, _ = measure(
                [py, "-m", "kg", "build", str(corpus), "-o", str(out / str(i)), *options, "-q", "--no-progress"],
                source,
            )
            rows.append((label, wall, peak))
    print(f"corpus: {args.articles} articles, {words:,} words (spaCy tokens, no punctuation)")
    print(f"{'':44} {'seconds':>8} {'words/s':>9} {'peak MB':>8}")
    for name, secs, peak in rows:
        print(f"{name:44} {secs:8.1f} {words / secs:9.0f} {peak / 2**20:8.0f}")
    times = {name: secs for name, secs, _ in rows}
    raw = rows[0][1]
    by = {name: times[label] for name, label, _, source in runs if source is None}
    if "j1" in by:
        print(f"kg --jobs 1 / raw spaCy throughput:              {raw / by['j1']:.2f}")
    if args.baseline and "j1" in by:
        base = times[BASELINE]
        print(f"kg --jobs 1 from --baseline / raw spaCy:         {raw / base:.2f}")
        print(f"kg --jobs 1 speed-up over --baseline:            {base / by['j1']:.2f}x")
    if "rules" in by:
        print(f"kg --jobs 1 --rules-only / raw spaCy throughput: {raw / by['rules']:.2f}")
    for name, what in (("j2", "--jobs 2"), ("dask", "--cluster local:2")):
        if name in by:
            print(f"kg {what} / raw spaCy throughput: {raw / by[name]:.2f}")
            if "j1" in by:
                print(f"{what} speed-up over --jobs 1: {by['j1'] / by[name]:.2f}x")


if __name__ == "__main__":
    main()
