"""Running nlp, extraction and resolution in worker processes.

Each worker loads its own pipeline once. Articles go out in batches, at most a few
batches in flight, so the corpus is never read ahead into memory; results come back in
input order, so ``--jobs N`` builds exactly the graph ``--jobs 1`` builds.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

_worker = None  # the pipeline of this worker process


def _init(gazetteers: tuple[str, ...], model: str | None, trained: bool | str) -> None:
    global _worker
    from kg.pipeline import Pipeline

    _worker = Pipeline(gazetteers=gazetteers, model=model, trained=trained)


def _run(batch: list) -> list:
    from kg.resolve import resolve_article

    return [resolve_article(ex, _worker.by_iri) for ex in _worker.extract(batch)]


def resolve_in_processes(
    articles: Iterable, *, jobs: int, gazetteers: tuple[str, ...] = (), model: str | None = None,
    trained: bool | str = True, batch_size: int = 8,
) -> Iterator:
    """Resolved articles of ``articles``, computed by ``jobs`` processes, in input order."""
    context = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init,
                             initargs=(tuple(map(str, gazetteers)), model, trained)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(it, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_run, batch))
            if not pending:
                return
            yield from pending.popleft().result()
