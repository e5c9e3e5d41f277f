"""The one place that knows the order of the stages: ingest, nlp, extract, resolve.

A :class:`Pipeline` holds the loaded models and turns inputs into a lazy stream of
resolved articles, one process, one article at a time. It writes nothing and fans out
nothing: outputs (files, stores) and ``--jobs``/``--cluster`` are :mod:`kg.builder`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from pathlib import Path

from kg.extract import Gazetteer, extract
from kg.extract.combine import Section, combine
from kg.ingest import read_inputs
from kg.ingest.language import not_english_reason
from kg.ingest.sections import SECTION_CHARS, sections
from kg.learn import load_calibrator, load_relation_model
from kg.nlp.assembly import build_nlp
from kg.rdf.gazetteer import load_gazetteer
from kg.resolve import resolve_article
from kg.types import Article, Extraction, ResolvedArticle, Skipped

# articles parsed together by spaCy's nlp.pipe, and sent together to a worker process
BATCH_SIZE = 16
# spaCy's own limit for one text; a longer "article" is almost always a dump of many
MAX_CHARS = 1_000_000
# an article longer than SECTION_CHARS is parsed in sections of up to that many
# characters (kg.ingest.sections), this many sections at a time: the memory spaCy takes
# grows with the characters of a batch
SECTION_BATCH = 2


class Pipeline:
    """A loaded spaCy pipeline plus gazetteer; reuse it for many builds."""

    def __init__(
        self,
        *,
        gazetteers: Iterable[str | Path] = (),
        model: str | None = None,
        trained: bool | str | Path = True,
        calibrated: bool = True,
    ):
        """``trained``: True for the models shipped in ``kg/data`` (entity recogniser, relation
        classifier, confidence calibrator), the directory of models written by ``kg train``,
        or False for rules only. ``calibrated=False`` keeps each extractor's own confidence
        (what the calibrator is trained on)."""
        self.gazetteer_files = tuple(str(g) for g in gazetteers)
        self.model = model
        self.entries = load_gazetteer(self.gazetteer_files)
        self.gazetteer = Gazetteer.from_entries(self.entries)
        self.by_iri = {e.iri: e for e in self.entries}
        self._nlp = None
        self.trained = trained if isinstance(trained, bool) else str(trained)  # picklable for workers
        self._relation_model = None
        self.calibrated = calibrated
        self.calibrator = load_calibrator(self.trained) if self.trained and calibrated else None

    @property
    def settings(self) -> tuple[tuple[str, ...], str | None, bool | str, bool]:
        """What a worker process needs to load the same pipeline: gazetteers, model, trained, calibrated."""
        return self.gazetteer_files, self.model, self.trained, self.calibrated

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use (worker processes load their own)."""
        if self._nlp is None:
            self._nlp = build_nlp(self.entries, model=self.model, trained=self.trained)
        return self._nlp

    @property
    def relation_model(self):
        """The trained relation classifier, or None for rules only (loaded on first use)."""
        if self._relation_model is None and self.trained:
            self._relation_model = load_relation_model(self.trained)
        return self._relation_model

    def articles(
        self,
        inputs: Iterable[str | Path],
        *,
        on_skip: Callable[[Skipped], None] | None = None,
        stdin=None,
        max_chars: int = MAX_CHARS,
    ) -> Iterator[Article]:
        """The readable English articles of ``inputs`` (files, directories, "-" for stdin).

        Unreadable, over-long and non-English inputs go to ``on_skip`` and never stop the stream.
        """
        for item in read_inputs(inputs, stdin=stdin):
            if not isinstance(item, Skipped):
                item = _checked(item, max_chars)
            if isinstance(item, Skipped):
                if on_skip:
                    on_skip(item)
            else:
                yield item

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Parse articles in batches and extract from each Doc; Docs are not kept."""
        for _doc, ex in self.extract_docs(articles):
            yield ex

    def extract_docs(self, articles: Iterable[Article]) -> Iterator[tuple[object, Extraction]]:
        """Like :meth:`extract`, with each article's spaCy ``Doc`` (for evaluation).

        An article longer than :data:`SECTION_CHARS` is parsed section by section (see
        :mod:`kg.ingest.sections`), so the memory and time of its parse grow with its length
        alone; its Extraction is one, with offsets into the whole text (see
        :mod:`kg.extract.combine`), and its Doc is None: no Doc of the whole text is made.
        """
        for long, run in groupby(articles, key=lambda a: len(a.text) > SECTION_CHARS):
            if long:
                for article in run:
                    yield None, self._calibrated(self._extract_sections(article))
            else:
                pairs = ((a.text, a) for a in run)
                for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
                    yield doc, self._calibrated(self._extract(doc, article))

    def _extract(self, doc, article: Article) -> Extraction:
        return extract(doc, article, self.gazetteer, relation_model=self.relation_model)

    def _calibrated(self, ex: Extraction) -> Extraction:
        return self.calibrator.calibrate_all(ex) if self.calibrator is not None else ex

    def _extract_sections(self, article: Article) -> Extraction:
        """One Extraction of ``article`` read section by section; each Doc is dropped once read."""
        cuts = sections(article.text, SECTION_CHARS)
        texts = ((article.text[start:end], start) for start, end in cuts)
        parts, tokens = [], 0
        for doc, start in self.nlp.pipe(texts, as_tuples=True, batch_size=SECTION_BATCH):
            parts.append(Section(start, tokens, self._extract(doc, article)))
            tokens += len(doc)
        return combine(article, parts)

    def resolve(self, articles: Iterable[Article]) -> Iterator[ResolvedArticle]:
        """Extract and resolve ``articles`` lazily, in this process, in their order."""
        for ex in self.extract(articles):
            yield resolve_article(ex, self.by_iri)

    def resolved(self, inputs: Iterable[str | Path], **options) -> Iterator[ResolvedArticle]:
        """:meth:`articles` of ``inputs`` (``options`` as there), extracted and resolved."""
        return self.resolve(self.articles(inputs, **options))


def _checked(article: Article, max_chars: int) -> Article | Skipped:
    """``article``, or why kg skips it: too long to be one article, or not English."""
    where = article.origin or article.id
    if len(article.text) > max_chars:
        return Skipped(
            where,
            (
                f"{where} is {len(article.text):,} characters long; kg reads "
                f"articles of up to {max_chars:,} characters: split it into articles "
                "(one per file, or one per JSONL line)"
            ),
        )
    if why := not_english_reason(article.text):
        return Skipped(where, f"{where} {why}")
    return article
