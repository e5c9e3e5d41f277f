"""THE build loop, written once: inputs -> resolved articles -> every sink.

``kg build -o``, ``kg build --store``, ``kg extract``, :func:`kg.build` and the Python
API all run :func:`run`; they differ only in the sinks they hand it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from kg.analyze.project import DEFAULT_TRUST, Trust
from kg.atomic import staged_dir
from kg.builder.fanout import resolve_stream
from kg.builder.network import NetworkSink
from kg.builder.sinks import ExtractionsSink, GraphFileSink, MemorySink, Sink, StoreSink
from kg.builder.summary import BuildSummary, skip_message
from kg.errors import NoArticles, OutputError
from kg.pipeline import MAX_CHARS, Pipeline
from kg.resolve import EntityTable
from kg.store.formats import FORMATS
from kg.types import ResolvedArticle, Skipped

log = logging.getLogger(__name__)


def run(
    pipeline: Pipeline,
    inputs: Iterable[str | Path],
    sinks: Sequence[Sink],
    *,
    jobs: int = 1,
    cluster: str | None = None,
    progress: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    stdin=None,
    max_chars: int = MAX_CHARS,
) -> BuildSummary:
    """Stream ``inputs`` through ``pipeline`` into every sink, one article at a time.

    ``jobs`` > 1 runs the NLP in that many processes, ``cluster`` (``tcp://HOST:PORT``
    or ``local:N``) on a Dask cluster; the results are the same, in the same order.
    Unreadable inputs go to ``on_skip`` and the summary. With no readable article at
    all, :class:`NoArticles` is raised and no sink writes anything; a sink that cannot
    write raises :class:`OutputError`.

    A build takes one core per process: matrix products run on one thread here (as in
    each worker), so ``jobs`` says how many cores the build uses.
    """
    summary = BuildSummary()

    def skip(item: Skipped) -> None:
        summary.skipped.append(item)
        if on_skip:
            on_skip(item)

    articles = pipeline.articles(inputs, on_skip=skip, stdin=stdin, max_chars=max_chars)
    if progress:
        articles = tqdm(articles, desc="articles", unit="art", leave=False)
    try:
        with ExitStack() as stack:
            stack.enter_context(threadpool_limits(1, user_api="blas"))
            for sink in sinks:
                stack.enter_context(sink)
            for resolved in resolve_stream(pipeline, articles, jobs=jobs, cluster=cluster):
                for sink in sinks:
                    sink.add(resolved)
                summary.add(resolved)
            if not summary.articles:
                raise no_articles(summary.skipped)  # the sinks discard what they had begun
            for sink in sinks:
                summary.outputs += sink.finish(summary)
    except OSError as err:  # inputs never raise (they are skipped), so this is an output's
        raise OutputError.from_oserror(err) from err
    return summary


def no_articles(skipped: list[Skipped]) -> NoArticles:
    reasons = "; ".join(skip_message(s) for s in skipped) or "no inputs given"
    return NoArticles(f"No readable article in the inputs ({reasons})")


def write_files(
    pipeline: Pipeline,
    inputs: Iterable[str | Path],
    outdir: str | Path,
    *,
    fmt: str = "turtle",
    network: bool = True,
    trust: Trust = DEFAULT_TRUST,
    **options,
) -> BuildSummary:
    """Build ``inputs`` into files in ``outdir``, streaming: no article is kept in memory.

    Writes ``graph.<ext>`` (``fmt``) and ``extractions.jsonl``, and with ``network`` the
    actor network of the facts ``trust`` admits: ``graph.html`` (the interactive page)
    and ``network.json``. ``options`` go to :func:`run`. The summary's ``outputs`` lists
    the paths.

    All or nothing, as a set: the files are staged in a directory beside ``outdir`` and
    swapped in together once all are written. On any failure (:class:`NoArticles`,
    :class:`OutputError`, an interrupt) ``outdir`` keeps its previous files and a new
    ``outdir`` is not left behind.
    """
    outdir = Path(outdir)
    try:
        with staged_dir(outdir) as stage:
            graph = GraphFileSink(stage / ("graph" + FORMATS[fmt].suffix), fmt)
            sinks: list[Sink] = [graph, ExtractionsSink(stage / "extractions.jsonl")]
            if network:
                sinks.append(NetworkSink(graph, stage, trust=trust))
            summary = run(pipeline, inputs, sinks, **options)
    except OSError as err:
        raise OutputError.from_oserror(err, outdir) from err
    except OutputError as err:
        if not isinstance(err.__cause__, OSError):
            raise
        # name the output directory the user gave, not the staging directory
        raise OutputError.from_oserror(err.__cause__, outdir) from err.__cause__
    summary.outputs = [outdir / path.relative_to(stage) for path in summary.outputs]
    return summary


@dataclass
class StoreBuild:
    """What one ``kg build --store`` run did: ``counts`` of added, replaced and unchanged
    articles, the store's ``articles`` and ``triples`` after the run, and its summary."""

    path: Path
    summary: BuildSummary
    counts: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    triples: int = 0
    store_lines: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return self.store_lines


def build_into_store(
    pipeline: Pipeline,
    inputs: Iterable[str | Path],
    path: str | Path,
    *,
    extractions: str | Path | None = None,
    rebuild: bool = False,
    on_article=None,
    **options,
) -> StoreBuild:
    """Stream ``inputs`` through ``pipeline`` into the store at ``path`` (created if new).

    Each article is committed as soon as it is resolved. ``extractions``: also write
    this run's ``extractions.jsonl`` there (atomically, when the run completes).
    ``rebuild``: replace articles even when their text is unchanged (after a change of
    kg, model or gazetteer). ``on_article(iri, outcome)`` is called after each commit;
    ``options`` go to :func:`run` (``progress``, ``jobs``, ...).
    """
    store = StoreSink(path, rebuild=rebuild, on_article=on_article)
    sinks: list[Sink] = [store] + ([ExtractionsSink(extractions)] if extractions else [])
    summary = run(pipeline, inputs, sinks, **options)
    return StoreBuild(
        path=store.path,
        summary=summary,
        counts=store.counts,
        articles=store.articles,
        triples=store.triples,
        store_lines=store.lines(),
    )


@dataclass
class BuildResult:
    """An in-memory build: the dataset, per-article extractions, the entity table, what was skipped."""

    dataset: Dataset
    extractions: list[ResolvedArticle]
    table: EntityTable
    summary: BuildSummary

    @property
    def skipped(self) -> list[Skipped]:
        return self.summary.skipped

    @property
    def articles(self) -> int:
        return len(self.extractions)


def build_in_memory(pipeline: Pipeline, inputs: Iterable[str | Path], **options) -> BuildResult:
    """Build ``inputs`` into an rdflib Dataset, keeping every resolved article (``options``
    as for :func:`run`). For a corpus, :func:`write_files` or :func:`build_into_store` stream."""
    memory = MemorySink()
    summary = run(pipeline, inputs, [memory], **options)
    return BuildResult(dataset=memory.dataset, extractions=memory.extractions, table=memory.table, summary=summary)


def build(
    inputs: Iterable[str | Path],
    *,
    gazetteers: Iterable[str | Path] = (),
    model: str | None = None,
    trained: bool | str | Path = True,
    jobs: int = 1,
    cluster: str | None = None,
    progress: bool = False,
) -> Dataset:
    """Build the knowledge graph of ``inputs`` (files, directories, or "-" for stdin).

    Returns an rdflib ``Dataset`` with one named graph per article; SPARQL over it sees
    the union. Inputs that cannot be read are logged and skipped. ``jobs`` and
    ``cluster`` spread the NLP over processes or a Dask cluster, as on the command line.

    Example:
        >>> import kg  # doctest: +SKIP
        >>> ds = kg.build(["examples/articles"])  # doctest: +SKIP
        >>> ds.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
    """
    pipeline = Pipeline(gazetteers=gazetteers, model=model, trained=trained)
    result = build_in_memory(
        pipeline,
        inputs,
        jobs=jobs,
        cluster=cluster,
        progress=progress,
        on_skip=lambda s: log.warning("skipped %s", skip_message(s)),
    )
    return result.dataset
