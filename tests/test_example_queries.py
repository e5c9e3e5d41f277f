"""The example article's graph answers the cookbook queries in examples/queries/.

Each .rq file carries its expected answers as comment lines:
``# expect: var=value | var=value`` must match at least one result row (on the
variables named), ``# expect-not:`` must match none.
"""

from __future__ import annotations

import pytest
from conftest import QUERIES

pytestmark = pytest.mark.slow


def _expectations(text: str, tag: str) -> list[dict[str, str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith(f"# {tag}:"):
            pairs = [p.strip().split("=", 1) for p in line.split(":", 1)[1].split("|")]
            rows.append({k.strip(): v.strip() for k, v in pairs})
    return rows


def _matches(row: dict[str, str], want: dict[str, str]) -> bool:
    return all(row.get(k) == v for k, v in want.items())


@pytest.mark.parametrize("path", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_query_answers(path, example_out):
    from kg.store.query import query, term_text

    text = path.read_text(encoding="utf-8")
    expected, forbidden = _expectations(text, "expect"), _expectations(text, "expect-not")
    assert expected, f"{path.name} states no expected answer"
    result = query(example_out / "graph.ttl", text)
    rows = [{v: term_text(t) for v, t in zip(result.variables, r)} for r in result.rows]
    for want in expected:
        assert any(_matches(r, want) for r in rows), f"{path.name}: no row matches {want}; got {rows}"
    for bad in forbidden:
        assert not any(_matches(r, bad) for r in rows), f"{path.name}: a row matches {bad}"


def test_example_queries_cover_every_point_of_the_issue():
    names = {q.stem.split("-", 1)[0] for q in QUERIES}
    assert {f"{i:02d}" for i in range(1, 10)} <= names
