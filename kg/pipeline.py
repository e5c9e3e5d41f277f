"""The one place that knows the order of the stages: ingest, nlp, extract, resolve, rdf."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from kg.errors import NoArticles
from kg.types import Article, Extraction, Skipped

if TYPE_CHECKING:
    from kg.resolve import ResolvedArticle

log = logging.getLogger(__name__)
BATCH_SIZE = 16
# spaCy's own limit for one text; a longer "article" is almost always a dump of many
MAX_CHARS = 1_000_000


@dataclass
class BuildResult:
    """What a build produced: the dataset, per-article extractions, and what was skipped."""

    dataset: Dataset
    extractions: list = field(default_factory=list)  # list[ResolvedArticle]
    skipped: list[Skipped] = field(default_factory=list)
    table: object = None  # kg.resolve.EntityTable

    @property
    def articles(self) -> int:
        return len(self.extractions)


class Pipeline:
    """A loaded spaCy pipeline plus gazetteer; reuse it for many builds."""

    def __init__(self, *, gazetteers: Iterable[str | Path] = (), model: str | None = None,
                 trained: bool | str | Path = True):
        """``trained``: True for the models shipped in ``kg/data`` (entity recogniser, relation
        classifier), the directory of models written by ``kg train``, or False for rules only."""
        from kg.extract import Gazetteer
        from kg.rdf.gazetteer import load_gazetteer

        self.gazetteer_files = tuple(str(g) for g in gazetteers)
        self.model = model
        self.entries = load_gazetteer(self.gazetteer_files)
        self.gazetteer = Gazetteer.from_entries(self.entries)
        self.by_iri = {e.iri: e for e in self.entries}
        self._nlp = None
        self.trained = trained if isinstance(trained, bool) else str(trained)  # picklable for workers
        self._relation_model = None

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use (worker processes load their own)."""
        if self._nlp is None:
            from kg.nlp.pipeline import build_nlp

            self._nlp = build_nlp(self.entries, model=self.model)
            if self.trained:
                from kg.learn import add_entity_recognizer

                add_entity_recognizer(self._nlp, self.trained)
        return self._nlp

    @property
    def relation_model(self):
        """The trained relation classifier, or None for rules only (loaded on first use)."""
        if self._relation_model is None and self.trained:
            from kg.learn import load_relation_model

            self._relation_model = load_relation_model(self.trained)
        return self._relation_model

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Parse articles in batches and extract from each Doc; Docs are not kept."""
        for _doc, ex in self.extract_docs(articles):
            yield ex

    def extract_docs(self, articles: Iterable[Article]) -> Iterator[tuple[object, Extraction]]:
        """Like :meth:`extract`, with each article's spaCy ``Doc`` (for evaluation)."""
        from kg.extract import extract

        relation_model = self.relation_model
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            yield doc, extract(doc, article, self.gazetteer, relation_model=relation_model)

    def resolved(
        self,
        inputs: Iterable[str | Path],
        *,
        progress: bool = False,
        on_skip: Callable[[Skipped], None] | None = None,
        stdin=None,
        max_chars: int = MAX_CHARS,
        jobs: int = 1,
        cluster: str | None = None,
    ) -> Iterator[ResolvedArticle]:
        """Read, extract and resolve ``inputs`` lazily, one article at a time.

        Unreadable inputs go to ``on_skip`` and never stop the stream. With ``jobs`` > 1
        the NLP runs in that many processes; with ``cluster`` (``tcp://HOST:PORT`` or
        ``local:N``) on a Dask cluster. The results are the same, in the same order.
        """
        from kg.ingest import read_inputs
        from kg.ingest.language import not_english_reason
        from kg.resolve import resolve_article

        def articles() -> Iterator[Article]:
            for item in read_inputs(inputs, stdin=stdin):
                if not isinstance(item, Skipped) and len(item.text) > max_chars:
                    item = Skipped(item.origin or item.id, (
                        f"{item.origin or item.id} is {len(item.text):,} characters long; kg reads "
                        f"articles of up to {max_chars:,} characters: split it into articles "
                        "(one per file, or one per JSONL line)"))
                elif not isinstance(item, Skipped) and (why := not_english_reason(item.text)):
                    item = Skipped(item.origin or item.id, f"{item.origin or item.id} {why}")
                if isinstance(item, Skipped):
                    if on_skip:
                        on_skip(item)
                else:
                    yield item

        stream = articles()
        if progress:
            from tqdm import tqdm

            stream = tqdm(stream, desc="articles", unit="art", leave=False)
        if cluster:
            from kg.distributed import resolve_on_cluster

            yield from resolve_on_cluster(stream, cluster, gazetteers=self.gazetteer_files, model=self.model,
                                          trained=self.trained)
            return
        if jobs > 1:
            from kg.parallel import resolve_in_processes

            yield from resolve_in_processes(stream, jobs=jobs, gazetteers=self.gazetteer_files, model=self.model,
                                            trained=self.trained)
            return
        for ex in self.extract(stream):
            yield resolve_article(ex, self.by_iri)

    def run(
        self,
        inputs: Iterable[str | Path],
        *,
        progress: bool = False,
        on_skip: Callable[[Skipped], None] | None = None,
        stdin=None,
        max_chars: int = MAX_CHARS,
    ) -> BuildResult:
        """Read ``inputs``, extract, resolve and build the dataset in memory."""
        from kg.rdf.build import add_article
        from kg.resolve import EntityTable
        from kg.store.files import bind_prefixes

        skipped: list[Skipped] = []

        def skip(item: Skipped) -> None:
            skipped.append(item)
            if on_skip:
                on_skip(item)

        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        table = EntityTable()
        resolved = []
        for r in self.resolved(inputs, progress=progress, on_skip=skip, stdin=stdin, max_chars=max_chars):
            table.add(r)
            add_article(dataset, r)
            resolved.append(r)
        if not resolved:
            raise no_articles(skipped)
        return BuildResult(dataset=dataset, extractions=resolved, skipped=skipped, table=table)


    def write(
        self,
        inputs: Iterable[str | Path],
        outdir: str | Path,
        *,
        fmt: str = "turtle",
        jobs: int = 1,
        cluster: str | None = None,
        progress: bool = False,
        on_skip: Callable[[Skipped], None] | None = None,
        stdin=None,
        max_chars: int = MAX_CHARS,
        network: bool = True,
    ):
        """Build ``inputs`` into files in ``outdir``, streaming: no article is kept in memory.

        Writes ``graph.<ext>`` (``fmt``) and ``extractions.jsonl``, each atomically, and
        with ``network`` the actor network: ``graph.html`` (the interactive page) and
        ``network.json``. Returns the :class:`kg.summary.BuildSummary` with the paths in
        ``.outputs`` and the network's summary lines in ``.network_lines``.
        """
        from kg.rdf.build import TRIPLES_ONLY, article_graph
        from kg.store.files import FORMATS
        from kg.store.jsonl import ExtractionsWriter
        from kg.store.sink import GraphSink, network_view
        from kg.summary import BuildSummary

        outdir = Path(outdir)
        summary = BuildSummary()

        def skip(item: Skipped) -> None:
            summary.skipped.append(item)
            if on_skip:
                on_skip(item)

        jsonl_path = outdir / "extractions.jsonl"
        with GraphSink(named=FORMATS[fmt][2]) as sink:
            with ExtractionsWriter(jsonl_path) as jsonl:
                for r in self.resolved(inputs, progress=progress, on_skip=skip, stdin=stdin,
                                       max_chars=max_chars, jobs=jobs, cluster=cluster):
                    graph = article_graph(r, store=TRIPLES_ONLY)
                    sink.add(graph, str(graph.identifier))
                    jsonl.write(r)
                    summary.add(r)
                if not summary.articles:
                    raise no_articles(summary.skipped)  # the half-written JSONL is discarded
            graph_path = sink.dump(outdir / ("graph" + FORMATS[fmt][1]), fmt)
            summary.outputs = [graph_path, jsonl_path]
            if network:
                summary.outputs += write_network(network_view(sink), outdir, summary)
        return summary


def write_network(graph, outdir: Path, summary) -> list[Path]:
    """The actor network of ``graph``: page, node-link JSON, and lines for the summary."""
    from kg.analyze import annotate, project, summary_lines
    from kg.analyze.export import write_network_json
    from kg.render.html import write_html

    G = annotate(project(graph))
    summary.network_lines = summary_lines(G)
    title = f"kg: actor network of {summary.articles} article{'s' if summary.articles != 1 else ''}"
    return [write_html(G, outdir / "graph.html", title=title), write_network_json(G, outdir / "network.json")]


def no_articles(skipped: list[Skipped]) -> NoArticles:
    reasons = "; ".join(f"{s.origin}: {s.reason}" for s in skipped) or "no inputs given"
    return NoArticles(f"No readable article in the inputs ({reasons})")


def build(
    inputs: Iterable[str | Path],
    *,
    gazetteers: Iterable[str | Path] = (),
    model: str | None = None,
    progress: bool = False,
) -> Dataset:
    """Build the knowledge graph of ``inputs`` (files, directories, or "-" for stdin).

    Returns an rdflib ``Dataset`` with one named graph per article; SPARQL over it sees
    the union. Inputs that cannot be read are logged and skipped.

    Example:
        >>> import kg  # doctest: +SKIP
        >>> ds = kg.build(["examples/articles"])  # doctest: +SKIP
        >>> ds.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
    """
    result = Pipeline(gazetteers=gazetteers, model=model).run(
        inputs, progress=progress, on_skip=lambda s: log.warning("skipped %s: %s", s.origin, s.reason)
    )
    return result.dataset
