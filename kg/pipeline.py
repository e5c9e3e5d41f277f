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

    def __init__(self, *, gazetteers: Iterable[str | Path] = (), model: str | None = None):
        from kg.extract import Gazetteer
        from kg.nlp.pipeline import build_nlp
        from kg.rdf.gazetteer import load_gazetteer

        self.entries = load_gazetteer(gazetteers)
        self.gazetteer = Gazetteer.from_entries(self.entries)
        self.by_iri = {e.iri: e for e in self.entries}
        self.nlp = build_nlp(self.entries, model=model)

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Parse articles in batches and extract from each Doc; Docs are not kept."""
        from kg.extract import extract

        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            yield extract(doc, article, self.gazetteer)

    def resolved(
        self,
        inputs: Iterable[str | Path],
        *,
        progress: bool = False,
        on_skip: Callable[[Skipped], None] | None = None,
        stdin=None,
        max_chars: int = MAX_CHARS,
    ) -> Iterator[ResolvedArticle]:
        """Read, extract and resolve ``inputs`` lazily, one article at a time.

        Unreadable inputs go to ``on_skip`` and never stop the stream.
        """
        from kg.ingest import read_inputs
        from kg.resolve import resolve_article

        def articles() -> Iterator[Article]:
            for item in read_inputs(inputs, stdin=stdin):
                if not isinstance(item, Skipped) and len(item.text) > max_chars:
                    item = Skipped(item.origin or item.id, (
                        f"{item.origin or item.id} is {len(item.text):,} characters long; kg reads "
                        f"articles of up to {max_chars:,} characters: split it into articles "
                        "(one per file, or one per JSONL line)"))
                if isinstance(item, Skipped):
                    if on_skip:
                        on_skip(item)
                else:
                    yield item

        stream = articles()
        if progress:
            from tqdm import tqdm

            stream = tqdm(stream, desc="articles", unit="art", leave=False)
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
