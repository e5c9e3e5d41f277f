"""The ``kg`` command: a thin layer that wires library functions to arguments.

Each command lives in its own module with ``add_parser(subparsers)`` that registers
its arguments and sets ``func`` to a ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import KGError

COMMANDS = ("build", "extract", "query", "analyze", "render", "export", "serve", "push")

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


def example_epilog(*lines: str) -> str:
    """An 'Examples:' block for a command's --help."""
    return "Examples:\n" + "\n".join(f"  {line}" for line in lines)


if __name__ == "__main__":
    sys.exit(main())
