"""Accumulating article graphs for a file output without holding them in rdflib.

rdflib keeps about a kilobyte per triple and serializes large graphs slowly; an
in-memory Oxigraph store holds the same quads in a fraction of that and writes Turtle,
TriG, N-Quads and JSON-LD as a stream. A corpus build adds each article's graph here
as soon as it is built, then dumps once.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import atomic_path
from kg.rdf.vocab import PREFIXES
from kg.store.formats import OxTerms, checked_format, from_ox

SPILL_QUADS = 500_000


class GraphSink:
    """Article graphs in, one file out. ``named=False`` merges them into the default graph.

    The quads live in an in-memory Oxigraph store (about 300 bytes a quad) until there
    are ``spill`` of them; then they move to an on-disk Oxigraph store in a temporary
    directory (``TMPDIR``), so a corpus build's memory stays flat however large its graph
    grows. Use it as a context manager, or call :meth:`close`, to remove that directory.
    """

    def __init__(self, *, named: bool, spill: int = SPILL_QUADS):
        self.store = ox.Store()
        self._terms = OxTerms()
        self.named = named
        self.spill = spill
        self.added = 0  # quads added, duplicates included
        self.directory: str | None = None
        self._pending: list = []

    def add(self, graph: Iterable[tuple], name: str) -> None:
        """Add the triples of ``graph`` (an rdflib Graph or :class:`kg.rdf.build.Triples`) as graph ``name``."""
        g = ox.NamedNode(name) if self.named else ox.DefaultGraph()
        term = self._terms
        quads = [ox.Quad(term(s), term(p), term(o), g) for s, p, o in graph]
        self.added += len(quads)
        if self.directory is None and self.added > self.spill:
            self.directory = tempfile.mkdtemp(prefix="kg-sink-")
            on_disk = ox.Store(self.directory)
            on_disk.bulk_extend(self.store)
            self.store = on_disk
        if self.directory is None:
            self.store.extend(quads)
        else:
            self._pending += quads
            if len(self._pending) >= 100_000:
                self.flush()

    def flush(self) -> None:
        """Load the pending quads into the on-disk store in one bulk load (no transaction:
        the store is private; a bulk load per article graph was 2.6x slower)."""
        if self._pending:
            self.store.bulk_extend(self._pending)
            self._pending = []

    def close(self) -> None:
        if self.directory is not None:
            self.store = ox.Store()  # drops the on-disk store before its files go
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def __enter__(self) -> GraphSink:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        self.flush()
        return len(self.store)

    def dump(self, path: str | Path, fmt: str) -> Path:
        """Write everything atomically to ``path`` in ``fmt`` (a name of FORMATS).

        Oxigraph streams the file: Turtle and TriG group each subject's statements
        (``;`` and ``,``) under kg's prefixes, at a few hundred thousand triples a second
        (rdflib's pretty printer managed about 4,000).
        """
        spec = checked_format(fmt)
        self.flush()
        with atomic_path(path) as tmp:
            kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "trig") else {}
            if not self.named or fmt in ("turtle", "ntriples"):
                self.store.dump(str(tmp), spec.ox, from_graph=ox.DefaultGraph(), **kwargs)
            else:
                self.store.dump(str(tmp), spec.ox, **kwargs)
        return Path(path)


class StoreView:
    """The read-only part of rdflib's Graph API over an Oxigraph store, enough for
    :func:`kg.analyze.project`: the union of all its graphs, each triple once.

    Lookups go to Oxigraph's indexes; nothing is copied into rdflib, whose ~1.5 kB a
    triple would make a corpus build's memory grow with its evidence.
    """

    def __init__(self, store: ox.Store):
        self.store = store
        # a graph names the same predicates, classes and values thousands of times
        self._rdf = OxTerms(convert=from_ox)
        self._ox = OxTerms()

    def _triples(self, s, p, o):
        seen = set()
        s, p, o = (None if t is None else self._ox(t) for t in (s, p, o))
        for q in self.store.quads_for_pattern(s, p, o, None):
            key = (q.subject, q.predicate, q.object)
            if key not in seen:
                seen.add(key)
                yield key

    def subjects(self, predicate=None, obj=None):
        rdf = self._rdf
        return iter(dict.fromkeys(rdf(s) for s, _, _ in self._triples(None, predicate, obj)))

    def objects(self, subject=None, predicate=None):
        rdf = self._rdf
        return iter(dict.fromkeys(rdf(o) for _, _, o in self._triples(subject, predicate, None)))

    def subject_objects(self, predicate=None):
        rdf = self._rdf
        return iter(dict.fromkeys((rdf(s), rdf(o)) for s, _, o in self._triples(None, predicate, None)))

    def predicate_objects(self, subject=None):
        rdf = self._rdf
        return iter(dict.fromkeys((rdf(p), rdf(o)) for _, p, o in self._triples(subject, None, None)))

    def value(self, subject=None, predicate=None, object=None):
        found = next(self._triples(subject, predicate, object), None)
        if found is None:
            return None
        return self._rdf(found[2] if object is None else found[0])


def network_view(sink: GraphSink) -> StoreView:
    """What the actor network reads, straight from the sink's store."""
    sink.flush()
    return StoreView(sink.store)
