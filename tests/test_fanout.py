"""--jobs auto: worker processes only when the inputs hold enough articles to pay for them."""

from __future__ import annotations

from kg.builder import fanout
from kg.types import Article


class _Here:
    """A stand-in pipeline that resolves in this process (each article as itself)."""

    settings = None

    def resolve(self, articles):
        return iter(list(articles))


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text="x") for i in range(n)]


def test_fanout_jobs_auto_uses_every_core_only_for_enough_articles(monkeypatch):
    calls: list[int] = []

    def in_processes(articles, jobs, settings):
        calls.append(jobs)
        return iter(list(articles))

    monkeypatch.setattr(fanout, "_in_processes", in_processes)
    monkeypatch.setattr(fanout, "usable_cores", lambda: 4)
    few = _articles(fanout.AUTO_MIN_ARTICLES - 1)
    assert list(fanout.resolve_stream(_Here(), few, jobs="auto")) == few and calls == []
    many = _articles(fanout.AUTO_MIN_ARTICLES + 5)
    assert list(fanout.resolve_stream(_Here(), iter(many), jobs="auto")) == many  # nothing lost by the look ahead
    assert calls == [4]


def test_fanout_usable_cores_is_at_least_one():
    assert fanout.usable_cores() >= 1
