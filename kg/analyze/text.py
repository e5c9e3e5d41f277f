"""The text forms of kg's reports, written once: aligned plain text or Markdown, a title
and sections of tables (``kg analyze``, ``kg diff``)."""

from __future__ import annotations

import json

FORMATS = ("table", "json", "markdown")


def as_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


class Document:
    """A report being written in ``fmt`` ("table" or "markdown"); ``limit`` caps each
    section's rows (0: none), saying how many were left out and how to see them."""

    def __init__(self, fmt: str, *, what: str = "report", limit: int = 0, more: str = ""):
        if fmt not in FORMATS or fmt == "json":
            raise ValueError(f"unknown {what} format {fmt!r}: choose one of {', '.join(FORMATS)}")
        self.md, self.limit, self.more = fmt == "markdown", limit, more
        self.lines: list[str] = []

    def title(self, text: str, *lines: str) -> None:
        self.lines += [("# " if self.md else "") + text, "", *lines, *([""] if lines else [])]

    def section(self, title: str, headers: list[str], rows: list[list], total: int | None = None) -> None:
        total = len(rows) if total is None else total
        self.lines += [f"## {title}" if self.md else title, ""]
        if not rows:
            self.lines.append("(none)")
        else:
            shown = rows[: self.limit] if self.limit else rows
            self.lines += markdown(headers, shown) if self.md else aligned(headers, shown)
            if len(shown) < total:
                self.lines.append(f"... and {total - len(shown)} more{self.more}")
        self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def aligned(headers: list[str], rows: list[list]) -> list[str]:
    cells = [[str(h) for h in headers]] + [[_one_line(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def markdown(headers: list[str], rows: list[list]) -> list[str]:
    def cell(v) -> str:
        return _one_line(v).replace("\\", "\\\\").replace("|", "\\|")

    return ["| " + " | ".join(map(cell, headers)) + " |", "|" + "---|" * len(headers)] + [
        "| " + " | ".join(map(cell, row)) + " |" for row in rows
    ]


def _one_line(value) -> str:
    return " ".join(str(value).split())
