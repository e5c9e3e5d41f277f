"""Running nlp, extraction and resolution in worker processes (``--jobs``) or on a Dask
cluster (``--cluster``).

Each worker loads its own pipeline once. Articles go out in batches of
:data:`kg.pipeline.BATCH_SIZE`, a few batches per worker in flight, so the corpus is
never read ahead into memory; results come back in input order, so a fanned-out build
makes exactly the graph a one-process build makes.

Why Dask for clusters: pure Python, the same code runs on a ``LocalCluster`` and on a
real cluster (``dask scheduler`` + ``dask worker`` on each machine, or Kubernetes,
SLURM, YARN through dask-kubernetes / dask-jobqueue), and the workers are ordinary
Python processes that import kg. Workers need kg installed (same version) and, for
``--gazetteer`` files, the same paths (shared storage).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice

from threadpoolctl import threadpool_limits

from kg.errors import ClusterError
from kg.lifeline import exit_with
from kg.pipeline import BATCH_SIZE, Pipeline
from kg.types import Article, ResolvedArticle

IN_FLIGHT = 2  # batches per worker submitted ahead of the one being collected
AUTO = "auto"
# --jobs auto fans out only for at least this many articles: a worker loads its own
# pipeline (a few seconds), which fewer articles do not pay back (docs/benchmarks.md)
AUTO_MIN_ARTICLES = 64
Settings = tuple[tuple[str, ...], str | None, bool | str, bool]  # Pipeline.settings

# How kg starts the workers of a local cluster (local:N). Dask has its workers hand freed
# memory back to the system from 64 kB up (MALLOC_TRIM_THRESHOLD_): spaCy's arrays were
# then mapped and unmapped batch after batch, three times the system CPU and 7% more
# wall time on 150 articles (docs/benchmarks.md). kg's local workers keep the C library's
# default. (A remote cluster's workers are started by their owner.)
LOCAL_WORKERS = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}

_pipelines: dict[Settings, Pipeline] = {}  # per worker process, loaded on its first batch


def resolve_batch(batch: list[Article], settings: Settings) -> list[ResolvedArticle]:
    """Run in a worker: the resolved articles of ``batch`` with the pipeline ``settings`` describe.

    A worker's matrix products take one thread: the workers are the parallelism, and
    BLAS threads of their own would fight them for the same cores.
    """
    if settings not in _pipelines:
        threadpool_limits(1, user_api="blas")
        gazetteers, model, trained, calibrated = settings
        _pipelines[settings] = Pipeline(gazetteers=gazetteers, model=model, trained=trained, calibrated=calibrated)
    return list(_pipelines[settings].resolve(batch))


def usable_cores() -> int:
    """The CPUs this process may run on (its affinity, which containers and taskset narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_stream(
    pipeline: Pipeline, articles: Iterable[Article], *, jobs: int | str = 1, cluster: str | None = None
) -> Iterator[ResolvedArticle]:
    """The resolved articles of ``articles``, in input order: in this process, in ``jobs``
    processes, or on the Dask ``cluster`` (``tcp://HOST:PORT`` or ``local:N``).

    ``jobs="auto"``: one process per usable core when the stream holds at least
    :data:`AUTO_MIN_ARTICLES` articles (read ahead to see), else this process.
    """
    if cluster:
        return _on_cluster(articles, cluster, pipeline.settings)
    if jobs == AUTO:
        it = iter(articles)
        ahead = list(islice(it, AUTO_MIN_ARTICLES))
        articles = chain(ahead, it)
        jobs = usable_cores() if len(ahead) >= AUTO_MIN_ARTICLES else 1
    if jobs > 1:
        return _in_processes(articles, jobs, pipeline.settings)
    return pipeline.resolve(articles)


def _in_order(articles: Iterable[Article], submit: Callable, limit: int) -> Iterator[ResolvedArticle]:
    """Submit batches while fewer than ``limit`` are pending; yield results in input order."""
    it = iter(articles)
    pending: deque = deque()
    while True:
        while len(pending) < limit:
            batch = list(islice(it, BATCH_SIZE))
            if not batch:
                break
            pending.append(submit(batch))
        if not pending:
            return
        yield from pending.popleft().result()


def _in_processes(articles: Iterable[Article], jobs: int, settings: Settings) -> Iterator[ResolvedArticle]:
    context = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    # a worker leaves when this process does, even one killed with kill -9
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=exit_with, initargs=(os.getpid(),)
    ) as pool:
        yield from _in_order(articles, lambda batch: pool.submit(resolve_batch, batch, settings), IN_FLIGHT * jobs)


def _on_cluster(articles: Iterable[Article], address: str, settings: Settings) -> Iterator[ResolvedArticle]:
    client = connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(
            articles, lambda batch: client.submit(resolve_batch, batch, settings, pure=False), IN_FLIGHT * workers
        )
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def connect(address: str):
    """A Dask client for ``tcp://HOST:PORT`` or ``local:N`` (a LocalCluster of N processes)."""
    try:
        # Dask is optional (kg[cluster]) and slow to import: only --cluster loads it
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError("--cluster needs Dask: pip install 'kg[cluster]' (dask[distributed])") from err
    if address.startswith("local:"):
        try:
            n = int(address.split(":", 1)[1])
        except ValueError:
            raise ClusterError(f"'{address}': write local:N with N the number of worker processes") from None
        with dask.config.set(LOCAL_WORKERS):
            cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as err:
        raise ClusterError(
            f"Can't reach the Dask scheduler at {address}: {err}. Start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`"
        ) from err
