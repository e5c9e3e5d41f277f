"""Corpus-scale benchmark: kg's end-to-end throughput against raw spaCy, side by side.

Builds a corpus of real-length news articles from the bundled articles and test
fixtures (paragraphs drawn with a fixed seed), then measures in one run, each in a
fresh process on the same machine:

  raw spaCy   nlp.pipe over the same texts with the same model (words/s), on thinc's
              default backend (blis) and on numpy's BLAS, the backend kg runs it on
  kg -j 1     `kg build CORPUS -o OUT` from reading files to graph and JSONL written
  kg -j 2     the same with --jobs 2
  kg dask     the same with --cluster local:2 (a Dask LocalCluster of two processes)
  kg rules    --jobs 1 without the trained models (--rules-only): the trained entity
              recogniser is a second NER pass, the cost of its better names

and prints throughput, the kg/spaCy ratio, the --jobs 2 and Dask speed-ups, and the CPU
seconds and peak memory of the whole process tree (user plus system time and resident
set, sampled every 50 ms; raw spaCy's CPU is that of its ``nlp.pipe``). ``--only j1,j2``
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

TICKS = os.sysconf("SC_CLK_TCK")

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "examples" / "articles").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "ingest").glob("*.txt")),
]

RUNS = ("j1", "j2", "dask", "rules")
BASELINE = "kg build --jobs 1, baseline (--baseline)"
RAW_NUMPY = "raw spaCy, on numpy's BLAS as kg runs it"

RAW_SPACY = """
import sys, time, spacy
from pathlib import Path
from threadpoolctl import threadpool_limits
from kg.nlp.model import load_model, numpy_blas
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
if sys.argv[2] == "numpy":  # the backend kg runs the same model on, one thread
    threadpool_limits(1, user_api="blas")
    with numpy_blas():
        nlp = load_model()
else:  # thinc's default backend (blis)
    nlp = load_model()
t0, c0 = time.perf_counter(), time.process_time()
words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in nlp.pipe(texts, batch_size=16))
print(words, time.perf_counter() - t0, time.process_time() - c0)
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


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (children of every thread: Dask starts its workers
    from a thread of its own)."""
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return found


def rss(pid: int) -> int:
    """Resident memory of ``pid`` in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * 4096
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return 0


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU seconds ``pid`` has used so far, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def measure(cmd: list[str], source: Path | None = None) -> tuple[float, float, int, str]:
    """Wall time, CPU time and peak RSS of the process tree of ``cmd``, and its stdout
    (importing kg from ``source`` if given).

    Both are sampled every 50 ms: a process's last 50 ms of CPU may be missed, so the
    CPU figure is a lower bound by at most that much per process.
    """
    env = None
    if source is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    # `python -m` puts the working directory first on sys.path: run from ``source`` too
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=source)
    peak, cpu = 0, {}
    while proc.poll() is None:
        pids = tree(proc.pid)
        peak = max(peak, sum(rss(p) for p in pids))
        for p in pids:
            if (used := cpu_seconds(p)) is not None:
                cpu[p] = used
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return time.perf_counter() - t0, sum(cpu.values()), peak, out


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
        rows = []
        for backend, label in (("blis", "raw spaCy nlp.pipe (model only)"), ("numpy", RAW_NUMPY)):
            _, _, raw_peak, raw_out = measure([py, "-c", RAW_SPACY, str(corpus), backend])
            words, raw_nlp_time, raw_nlp_cpu = raw_out.split()
            rows.append((label, float(raw_nlp_time), float(raw_nlp_cpu), raw_peak))
        words = int(words)
        runs = [
            ("j1", "kg build --jobs 1 (read to graph written)", ["--jobs", "1"], None),
            *([("j1", BASELINE, ["--jobs", "1"], args.baseline)] if args.baseline else []),
            ("j2", "kg build --jobs 2", ["--jobs", "2"], None),
            ("dask", "kg build --cluster local:2 (Dask)", ["--cluster", "local:2"], None),
            ("rules", "kg build --jobs 1 --rules-only", ["--jobs", "1", "--rules-only"], None),
        ]
        runs = [run for run in runs if run[0] in args.only]
        for i, (_, label, options, source) in enumerate(runs):
            wall, cpu, peak, _ = measure(
                [py, "-m", "kg", "build", str(corpus), "-o", str(out / str(i)), *options, "-q", "--no-progress"],
                source,
            )
            rows.append((label, wall, cpu, peak))
    print(f"corpus: {args.articles} articles, {words:,} words (spaCy tokens, no punctuation)")
    print(f"{'':44} {'seconds':>8} {'CPU s':>8} {'words/s':>9} {'peak MB':>8}")
    for name, secs, cpu, peak in rows:
        print(f"{name:44} {secs:8.1f} {cpu:8.1f} {words / secs:9.0f} {peak / 2**20:8.0f}")
    times = {name: secs for name, secs, _, _ in rows}
    cpus = {name: cpu for name, _, cpu, _ in rows}
    raw, raw_cpu = rows[0][1], rows[0][2]
    by = {name: times[label] for name, label, _, source in runs if source is None}
    print(f"raw spaCy on numpy's BLAS / on blis:            {raw / times[RAW_NUMPY]:.2f}x")
    if "j1" in by:
        label = runs[0][1]
        print(f"kg --jobs 1 / raw spaCy throughput:              {raw / by['j1']:.2f}")
        print(f"kg --jobs 1 CPU / raw spaCy CPU:                 {cpus[label] / raw_cpu:.2f}")
        print(f"kg --jobs 1 / raw spaCy on numpy's BLAS:         {times[RAW_NUMPY] / by['j1']:.2f}")
    if args.baseline and "j1" in by:
        base = times[BASELINE]
        print(f"kg --jobs 1 from --baseline / raw spaCy:         {raw / base:.2f}")
        print(f"kg --jobs 1 from --baseline CPU / raw spaCy CPU: {cpus[BASELINE] / raw_cpu:.2f}")
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
