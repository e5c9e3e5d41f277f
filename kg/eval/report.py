"""Printing scores as plain-text tables (percentages with one decimal)."""

from __future__ import annotations

from collections.abc import Iterable

from kg.eval.scoring import ERROR_KINDS, PRF, Report


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def table(
    title: str,
    report: Report,
    *,
    order: Iterable[str] | None = None,
    kinds: Iterable[str] = ERROR_KINDS,
    present_only: bool = False,
    confusions: str = "type confusions (gold -> predicted)",
) -> list[str]:
    """Precision, recall and F1 per type and micro-averaged, then the errors by kind.

    ``order`` puts those types first (``present_only``: only the ones that occur);
    ``kinds`` are the error kinds listed, ``confusions`` the label of the confusion line.
    """
    types = list(order) if order is not None else sorted(report.per_type)
    if present_only:
        types = [t for t in types if t in report.per_type]
    types += [t for t in sorted(report.per_type) if t not in types]
    width = max([len(t) for t in types] + [len("micro")]) + 2
    lines = [title, f"  {'type':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for t in types:
        s = report.per_type.get(t, PRF())
        lines.append(
            f"  {t:<{width}}{_pct(s.precision):>7}{_pct(s.recall):>7}{_pct(s.f1):>7}{s.gold:>7}{s.predicted:>7}"
        )
    o = report.overall
    lines.append(
        f"  {'micro':<{width}}{_pct(o.precision):>7}{_pct(o.recall):>7}{_pct(o.f1):>7}{o.gold:>7}{o.predicted:>7}"
    )
    errors = ", ".join(f"{k} {report.errors[k]}" for k in kinds if report.errors.get(k))
    lines.append(f"  errors: {errors or 'none'}")
    confused = [(k, n) for k, n in report.confusion.most_common() if "-" not in k][:6]
    if confused:
        lines.append(f"  {confusions}: " + ", ".join(f"{g} -> {p} {n}" for (g, p), n in confused))
    return lines
