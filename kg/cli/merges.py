"""``kg merges SOURCE``: what kg joined across articles, why, and undoing it."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from kg.cli import example_epilog


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "merges",
        help="list what kg joined across articles (incidents, names) and why; undo a join",
        description="After every build kg joins, across articles, the reports of one real-world event into "
        "one incident (kg:Incident, with kg:report to each article's event) and the spellings and short "
        "forms of one name into one actor (kg:mergedInto). Each join is a kg:Merge with its reason. "
        "This lists them; --undo keeps two things apart from now on (in a store: the next builds keep "
        "them apart too), --redo lets kg join them again. docs/incidents.md says how kg decides.",
        epilog=example_epilog(
            "kg merges kgstore                            # every join, with its reason",
            "kg merges out/graph.ttl --kind actor",
            "kg merges kgstore --undo 65db300a9a756f3a         # the id kg merges prints",
            "kg merges kgstore --format json | jq '.[].reason'",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="a store directory or a graph file written by kg build")
    parser.add_argument("--kind", choices=["incident", "actor"], default=None, help="list only joins of this kind")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--undo", nargs="+", metavar="MERGE", default=None, help="keep these joins undone (a store; id or IRI)"
    )
    action.add_argument("--redo", nargs="+", metavar="MERGE", default=None, help="let kg make these joins again")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store.merges import list_merges, set_undone

    if args.undo or args.redo:
        lines = set_undone(args.source, args.undo or args.redo, undo=bool(args.undo))
        print(("undone: " if args.undo else "redone: ") + ", ".join(args.undo or args.redo))
        print("\n".join(lines))
        return 0
    rows = [r for r in list_merges(args.source) if args.kind in (None, r.kind)]
    if args.format == "json":
        print(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no merges: kg joined nothing across the articles")
        return 0
    for r in rows:
        print(f"{r.kind}: {r.merged_label}  ->  {r.into_label}")
        print(f"  why: {r.reason}")
        print(f"  id:  {r.iri.rsplit('/', 1)[-1]}")
    return 0
