"""--jobs auto: worker processes only when the inputs hold enough articles to pay for them;
a build takes one core per process."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_ARTICLE
from threadpoolctl import threadpool_info, threadpool_limits

from kg.builder import fanout, run
from kg.builder.sinks import Sink
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


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


@pytest.mark.slow
def test_fanout_a_build_takes_one_core_and_gives_the_callers_threads_back(pipeline):
    seen: list[set[int]] = []

    class Threads(Sink):
        def add(self, resolved):
            seen.append(_blas_threads())

    with threadpool_limits(2, user_api="blas"):
        before = _blas_threads()
        run(pipeline, [EXAMPLE_ARTICLE], [Threads()])
        after = _blas_threads()
    assert seen == [{1}]  # --jobs 1: one core, however many the machine has
    assert before == after == {2}  # a notebook's numpy keeps the threads it had
