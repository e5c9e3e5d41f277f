"""``kg build``: articles in, graph and extractions out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli import (
    EXIT_SKIPPED,
    add_pipeline_options,
    add_trust_options,
    example_epilog,
    pipeline_from_args,
    trust_from_args,
)
from kg.errors import InputError
from kg.store.formats import FORMATS

HELP = "Build the knowledge graph of news articles."
DESCRIPTION = """\
Read news articles, extract actors, relations and events, and write:
  OUTDIR/graph.ttl          the knowledge graph (or .trig/.nq/.jsonld with --format)
  OUTDIR/extractions.jsonl  every mention, relation and event with its offsets
  OUTDIR/graph.html         the actor network as an interactive page (works offline)
  OUTDIR/network.json       the actor network as node-link JSON (networkx)
and print a summary. INPUT is a .txt, .html or .jsonl file, a directory (read
recursively), or - for standard input (JSONL, HTML or text, told apart by content).
Inputs that cannot be read are listed with the reason and the others still make it
into the graph (exit status 3). The outputs are replaced together or not at all.

With --store DIR the graph goes into a persistent store that grows run by run
(query, analyze, render, export and serve accept DIR where they take a graph file);
-o OUTDIR is then optional and receives only this run's extractions.jsonl."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build",
        help=HELP,
        description=DESCRIPTION,
        epilog=example_epilog(
            "kg build examples/articles -o out",
            "kg build news/ more.jsonl -o out --format trig",
            "cat article.txt | kg build - -o out",
            "kg build news/ -o out --gazetteer my-actors.ttl",
            "kg build news/ -o out --model models/          # trained models from `kg train`",
            "kg build today/ --store kgstore                # grow a persistent store day by day",
            "kg build news/ -o out --jobs 2                # two processes on this machine",
            "kg build news/ -o out --cluster tcp://10.0.0.5:8786   # a Dask cluster",
        ),
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUTDIR",
        help="directory for the outputs (optional with --store: then only extractions.jsonl)",
    )
    p.add_argument(
        "--store",
        metavar="DIR",
        help="add the articles to the persistent store DIR (created if new): a new article is "
        "added, an unchanged one skipped, a changed one replaced; each article is "
        "committed on its own",
    )
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="with --store: replace articles even when their text is unchanged "
        "(after changing kg, the model or a gazetteer)",
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="with --store: print one line per article as it is committed"
    )
    p.add_argument(
        "--format",
        default="turtle",
        choices=list(FORMATS),
        help="graph format (default: turtle; trig/nquads/json-ld keep one named graph per article)",
    )
    add_pipeline_options(p)
    add_trust_options(p)
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default="auto",
        metavar="N",
        help="run the NLP in N processes, the same graph as --jobs 1 (default: auto, one process per usable "
        "core when the inputs hold enough articles to pay for starting them, else 1)",
    )
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        default=None,
        help="run the NLP on a Dask cluster: tcp://HOST:PORT of its scheduler, or local:N "
        "for N local worker processes (needs kg[cluster])",
    )
    p.add_argument(
        "--no-network",
        action="store_true",
        help="skip graph.html and network.json (the actor network) for a faster build",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.builder import write_files

    if not args.output and not args.store:
        raise InputError("Say where the graph goes: -o OUTDIR (files) or --store DIR (a persistent store)")
    pipeline = pipeline_from_args(args)
    progress = not args.no_progress and sys.stderr.isatty()
    if args.store:
        return _run_store(args, pipeline, progress)
    summary = write_files(
        pipeline,
        args.inputs,
        Path(args.output),
        fmt=args.format,
        jobs=args.jobs,
        cluster=args.cluster,
        progress=progress,
        network=not args.no_network,
        trust=trust_from_args(args),
    )
    if not args.quiet:
        print("wrote " + ", ".join(str(p) for p in summary.outputs))
        print("\n".join(summary.lines()))
    return EXIT_SKIPPED if summary.skipped else 0


def _run_store(args, pipeline, progress: bool) -> int:
    """``--store DIR``: articles stream into the store; -o OUTDIR gets only extractions.jsonl."""
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.builder import build_into_store

    def committed(iri: str, outcome: str) -> None:
        print(f"{outcome:9} {iri}", flush=True)

    extractions = Path(args.output) / "extractions.jsonl" if args.output else None
    run = build_into_store(
        pipeline,
        args.inputs,
        args.store,
        extractions=extractions,
        rebuild=args.rebuild,
        on_article=committed if args.verbose else None,
        progress=progress,
        jobs=args.jobs,
        cluster=args.cluster,
    )
    if not args.quiet:
        if extractions:
            print(f"wrote {extractions}")
        print("\n".join(run.lines() + run.summary.lines()))
    return EXIT_SKIPPED if run.summary.skipped else 0


def _jobs(text: str) -> int | str:
    """--jobs: a number of processes from 1, or "auto"."""
    if text == "auto":
        return text
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes or 'auto'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be at least 1, not {value}")
    return value
