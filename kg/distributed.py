"""Spreading a build over a Dask cluster: one machine's cores, or many machines.

Why Dask: pure Python, the same code runs on a ``LocalCluster`` and on a real
cluster (``dask scheduler`` + ``dask worker`` on each machine, or Kubernetes, SLURM,
YARN through dask-kubernetes / dask-jobqueue), and the workers are ordinary Python
processes that import kg. The corpus is cut into batches; each worker runs the nlp,
extract and resolve stages on its batches with a pipeline it loads once; the client
(this process) builds the graph from the results, in input order, so the graph is the
one a single-process build makes.

Workers need kg installed (same version) and, for ``--gazetteer`` files, the same
paths (shared storage); their contents travel with the tasks as Turtle text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from kg.errors import ClusterError


_pipelines: dict = {}  # per worker process: (gazetteers, model, trained) -> Pipeline


def _run(batch: list, gazetteers: tuple[str, ...], model: str | None, trained: bool | str = True) -> list:
    from kg.pipeline import Pipeline
    from kg.resolve import resolve_article

    key = (gazetteers, model, trained)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(gazetteers=gazetteers, model=model, trained=trained)
    pipe = _pipelines[key]
    return [resolve_article(ex, pipe.by_iri) for ex in pipe.extract(batch)]


def connect(address: str):
    """A Dask client for ``tcp://HOST:PORT`` or ``local:N`` (a LocalCluster of N processes)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError("--cluster needs Dask: pip install 'kg[cluster]' (dask[distributed])") from err
    if address.startswith("local:"):
        try:
            n = int(address.split(":", 1)[1])
        except ValueError:
            raise ClusterError(f"'{address}': write local:N with N the number of worker processes") from None
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"Can't reach the Dask scheduler at {address}: {err}. Start one with "
                           "`dask scheduler` and workers with `dask worker ADDRESS`") from err


def resolve_on_cluster(
    articles: Iterable, address: str, *, gazetteers: tuple[str, ...] = (), model: str | None = None,
    trained: bool | str = True, batch_size: int = 16, in_flight: int = 4,
) -> Iterator:
    """Resolved articles of ``articles``, computed by the cluster's workers, in input order."""
    client = connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        it = iter(articles)
        pending: deque = deque()
        while True:
            while len(pending) < in_flight * workers:
                batch = list(islice(it, batch_size))
                if not batch:
                    break
                pending.append(client.submit(_run, batch, tuple(gazetteers), model, trained, pure=False))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
