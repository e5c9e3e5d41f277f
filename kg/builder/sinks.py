"""Where a build's resolved articles go: one class per output.

A sink is a context manager with :meth:`Sink.add` (one resolved article) and
:meth:`Sink.finish` (the loop ended with at least one article: write the output,
return its paths). Leaving the ``with`` block without ``finish`` (an error, an
interrupted build) leaves no half-written output behind. A new per-article output is
one new subclass, given to :func:`kg.builder.run`.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from rdflib import Dataset

from kg.builder.summary import BuildSummary
from kg.ontology import MERGES_GRAPH
from kg.rdf.build import add_article, article_triples
from kg.resolve import EntityTable
from kg.store.consolidate import consolidate, incident_lines
from kg.store.formats import FORMATS, bind_prefixes
from kg.store.jsonl import ExtractionsWriter
from kg.store.persistent import ADDED, REPLACED, UNCHANGED, PersistentStore
from kg.store.sink import GraphSink
from kg.store.source import open_store
from kg.types import ResolvedArticle


class Sink:
    """Base class: enter, ``add`` each article, ``finish`` on success, exit to clean up."""

    def __enter__(self) -> Sink:
        self._stack = ExitStack().__enter__()
        self.open(self._stack)
        return self

    def __exit__(self, *exc) -> None:
        self._stack.__exit__(*exc)

    def open(self, stack: ExitStack) -> None:
        """Acquire what the sink needs; register its clean-up on ``stack``."""

    def add(self, resolved: ResolvedArticle) -> None:
        raise NotImplementedError

    def finish(self, summary: BuildSummary) -> list[Path]:
        """Write the output once every article is in; returns the paths written."""
        return []


class GraphFileSink(Sink):
    """``graph.<ext>``: every article's triples, dumped once at the end by Oxigraph.

    The file is written in a thread of its own while the sinks after this one (the
    network, read from the same store) finish: Oxigraph reads a store from several
    threads at once and writes the file without holding the interpreter, so the dump
    costs a large build almost no time (on 500 articles, the network and the file took
    8 s together instead of 12 s one after the other). The sink's exit waits for the
    file and raises what writing it raised; an interrupt in those last seconds waits
    for the file too (Oxigraph can't stop a dump), which the staging then discards.
    """

    def __init__(self, path: str | Path, fmt: str = "turtle"):
        self.path, self.fmt = Path(path), fmt
        self._written: Future | None = None

    def open(self, stack: ExitStack) -> None:
        self.graphs = stack.enter_context(GraphSink(named=FORMATS[self.fmt].named))
        self._writer = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-graph-file"))
        stack.callback(self._wait)  # runs before the pool and the store close

    def add(self, resolved: ResolvedArticle) -> None:
        triples = article_triples(resolved)
        self.graphs.add(triples, str(triples.identifier))

    def finish(self, summary: BuildSummary) -> list[Path]:
        self.graphs.flush()
        merged, incidents = consolidate(self.graphs.store)
        self.graphs.add(merged, MERGES_GRAPH)
        self.graphs.flush()  # nothing is left pending: the readers from here on only read
        summary.output_lines += incident_lines(incidents, merged)
        self._written = self._writer.submit(self.graphs.dump, self.path, self.fmt)
        return [self.path]

    def _wait(self) -> None:
        if self._written is not None:
            self._written.result()


class ExtractionsSink(Sink):
    """``extractions.jsonl``: mentions, relations and events, one JSON object a line."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def open(self, stack: ExitStack) -> None:
        # the file is renamed into place when the build's with-block exits without an error
        self.writer = stack.enter_context(ExtractionsWriter(self.path))

    def add(self, resolved: ResolvedArticle) -> None:
        self.writer.write(resolved)

    def finish(self, summary: BuildSummary) -> list[Path]:
        return [self.path]


class StoreSink(Sink):
    """A persistent store: each article committed as soon as it is resolved."""

    def __init__(self, path: str | Path, *, rebuild: bool = False, on_article=None):
        self.path, self.rebuild, self.on_article = Path(path), rebuild, on_article
        self.counts = {ADDED: 0, REPLACED: 0, UNCHANGED: 0}
        self.articles = 0  # articles in the store after the run
        self.triples = 0  # distinct triples in the store after the run

    def open(self, stack: ExitStack) -> None:
        self.store = stack.enter_context(PersistentStore.open(self.path, write=True, create=True))

    def add(self, resolved: ResolvedArticle) -> None:
        triples = article_triples(resolved)
        outcome = self.store.put(triples, force=self.rebuild)
        self.counts[outcome] += 1
        if self.on_article:
            self.on_article(str(triples.identifier), outcome)

    def finish(self, summary: BuildSummary) -> list[Path]:
        summary.output_lines += self.store.consolidate()
        self.articles, self.triples = len(self.store.articles()), len(self.store)
        return [self.path]

    def lines(self) -> list[str]:
        c = self.counts
        return [
            f"store:     {self.path}: {self.articles} articles, {self.triples:,} triples "
            f"(this run: {c[ADDED]} added, {c[REPLACED]} replaced, {c[UNCHANGED]} unchanged)"
        ]


class MemorySink(Sink):
    """An in-memory rdflib Dataset (one named graph per article), the resolved articles
    and the cross-article entity table: what the Python API returns."""

    def __init__(self) -> None:
        self.dataset = Dataset(default_union=True)
        bind_prefixes(self.dataset)
        self.table = EntityTable()
        self.extractions: list[ResolvedArticle] = []

    def add(self, resolved: ResolvedArticle) -> None:
        self.table.add(resolved)
        add_article(self.dataset, resolved)
        self.extractions.append(resolved)

    def finish(self, summary: BuildSummary) -> list[Path]:
        merged, incidents = consolidate(open_store(self.dataset))
        graph = self.dataset.graph(merged.identifier)
        for triple in merged:
            graph.add(triple)
        summary.output_lines += incident_lines(incidents, merged)
        return []
