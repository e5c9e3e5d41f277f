"""The persistent store: a directory that grows article by article.

A store is a directory holding ``kg-store.json`` (what it is, which engine wrote it)
and ``oxigraph/``, an on-disk Oxigraph database (RocksDB) with one named graph per
article, named by the article IRI, exactly as ``kg build --format trig`` writes them.

Adding an article follows its ``kg:contentHash``: the same hash as the stored copy
changes nothing; a different hash replaces that article's graph; a new article is
added. Each article is one transaction, so a build killed at any point (even SIGKILL)
leaves a readable store holding every article it had fully processed, and re-running
the build finishes the job.

Why pyoxigraph directly and not oxrdflib (rdflib's API over Oxigraph):

- the contentHash rule needs "drop the old graph and add the new one" as *one*
  transaction; ``Store.update`` (a SPARQL update) is transactional, and oxrdflib
  gives no handle on transactions;
- the on-disk format is Oxigraph's own either way (oxrdflib adds nothing to it), and
  its stability is Oxigraph's: ``kg-store.json`` records the engine version, we pin
  ``pyoxigraph<0.6`` and refuse, with a message, a store written by another minor
  version instead of letting RocksDB fail obscurely;
- one dependency fewer, and the database directory is a plain Oxigraph store that
  ``oxigraph serve-read-only --location DIR/oxigraph`` serves as it is.

The default graph holds the merge of all article graphs, kept up to date in the same
transaction as each article, and is what queries see. Oxigraph 0.5's "default graph
as union" is a bag, not a set: an actor's label stated by 500 articles would match 500
times, repeating rows, inflating COUNTs and multiplying joins (oxigraph issue 1919,
fixed after 0.5). The merge costs each triple a second copy on disk.

Code that needs rdflib objects (``kg analyze``, ``kg render``) gets an in-memory
rdflib ``Dataset`` from :meth:`PersistentStore.dataset`, the same object
:func:`kg.store.source.load_graph` returns for a file.

One process writes at a time (RocksDB's lock). Read-only opens (queries, the endpoint's
workers) see the store as it was when opened; pyoxigraph calls a read-only open while
another process writes "undefined behaviour", and in practice it reads a consistent
snapshot of the committed articles.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.atomic import atomic_path
from kg.errors import GraphError
from kg.ontology import MERGES_GRAPH
from kg.rdf.build import Triples, article_triples
from kg.rdf.vocab import KG, PREFIXES
from kg.store.consolidate import consolidate, incident_lines, read_undone
from kg.store.formats import OxTerms, bind_prefixes, checked_format, format_for
from kg.store.formats import to_ox as convert
from kg.types import ResolvedArticle

MARKER = "kg-store.json"
DATABASE = "oxigraph"
STORE_FORMAT = "kg-store"
STORE_VERSION = 1

ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"

_CONTENT_HASH = ox.NamedNode(str(KG.contentHash))
_DEFAULT = ox.DefaultGraph()
_ARTICLES = f"""
SELECT ?article ?hash WHERE {{
  GRAPH ?article {{ ?article a <{KG.Article}> . OPTIONAL {{ ?article <{KG.contentHash}> ?hash }} }}
}} ORDER BY ?article"""


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a kg store directory."""
    return (Path(path) / MARKER).is_file()


def _engine_version() -> str:
    return version("pyoxigraph")


def _minor(v: str) -> tuple[str, ...]:
    return tuple(v.split(".")[:2])


def to_ox(term):
    """The pyoxigraph term for an rdflib term (raises on an IRI no parser would accept)."""
    try:
        return convert(term)
    except ValueError as err:
        raise GraphError(f"Invalid RDF term {term!r}: {err}") from err


class PersistentStore:
    """A kg store directory; open it with :meth:`open` (read-only unless ``write``)."""

    def __init__(self, path: Path, store: ox.Store, *, writable: bool):
        self.path = path
        self.ox = store
        self.writable = writable
        self._terms = OxTerms(to_ox)

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, write: bool = False, create: bool = False) -> PersistentStore:
        """Open the store at ``path``; ``create`` makes a new one if there is none.

        Raises GraphError when ``path`` is something else, the store is locked by
        another writer, or was written by another Oxigraph minor version.
        """
        path = Path(path)
        if not is_store(path):
            if not create:
                raise GraphError(f"No kg store at '{path}': create one with `kg build INPUT --store {path}`")
            _create(path)
        _check_marker(path, write)
        db = path / DATABASE
        try:
            store = ox.Store(str(db)) if write else ox.Store.read_only(str(db))
        except OSError as err:
            if "lock" in str(err).lower():
                raise GraphError(
                    f"The store '{path}' is open for writing by another process (a running "
                    "`kg build --store` or `kg serve --allow-update`): wait for it to finish"
                ) from err
            raise GraphError(f"Can't open the store '{path}': {err}") from err
        return cls(path, store, writable=write)

    def close(self) -> None:
        """Release the database (its lock, for a writer); pending writes are flushed."""
        if self.ox is not None:
            if self.writable:
                self.ox.flush()
            self.ox = None

    def __enter__(self) -> PersistentStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def database(self) -> Path:
        """The Oxigraph database directory (what ``oxigraph --location`` takes)."""
        return self.path / DATABASE

    # -- writing -----------------------------------------------------------------------
    def put(self, graph: Graph | Triples, name: str | None = None, *, force: bool = False) -> str:
        """Store one article's graph under ``name`` (default: the graph's identifier).
        ``graph`` is an rdflib Graph or the :class:`kg.rdf.build.Triples` a build makes.

        Returns ADDED, REPLACED or UNCHANGED. The article's ``kg:contentHash`` decides:
        the stored hash equal to the new one leaves the store as it was (unless
        ``force``); otherwise the old graph is replaced, in one transaction. The
        default graph, the merge of all article graphs, follows.
        """
        if not self.writable:
            raise GraphError(f"The store '{self.path}' is open read-only")
        name = str(name or graph.identifier)
        article = URIRef(name)
        new_hash = next((o for s, p, o in graph if p == KG.contentHash and s == article), None)
        if not force and new_hash is not None and self.content_hash(name) == str(new_hash):
            return UNCHANGED
        term = self._terms
        triples = {ox.Triple(term(s), term(p), term(o)) for s, p, o in graph}
        if any(isinstance(t, ox.BlankNode) for tr in triples for t in (tr.subject, tr.object)):
            raise GraphError(f"The graph of <{name}> has blank nodes; a store needs every node named by an IRI")
        g = ox.NamedNode(name)
        if not self.ox.contains_named_graph(g):
            # one transaction: the article's graph and its triples in the merged default graph
            self.ox.extend([ox.Quad(*t, g) for t in triples] + [ox.Quad(*t, _DEFAULT) for t in triples])
            return ADDED
        self.ox.update(_replace_update(g, self._orphans(g, triples), triples))
        return REPLACED

    def add_resolved(self, resolved: ResolvedArticle, *, force: bool = False) -> str:
        """Build the graph of one resolved article and :meth:`put` it."""
        return self.put(article_triples(resolved), force=force)

    def consolidate(self) -> list[str]:
        """Work out the incidents and actor merges of everything stored again (after a
        build: :mod:`kg.store.consolidate`); returns what to tell the user."""
        graph, incidents = consolidate(self.ox, undone=read_undone(self.path))
        g = ox.NamedNode(MERGES_GRAPH)
        term = self._terms
        new = {ox.Triple(term(s), term(p), term(o)) for s, p, o in graph}
        old = {q.triple for q in self.ox.quads_for_pattern(None, None, None, g)}
        gone, added = old - new, new - old
        if gone or added:  # one transaction, and only what changed: most builds move a few joins
            parts = [f"DELETE DATA {{ GRAPH {g} {{\n{_nt(gone)}}}\n{_nt(self._orphans(g, new))}}}"] if gone else []
            parts += [f"INSERT DATA {{ GRAPH {g} {{\n{_nt(added)}}}\n{_nt(added)}}}"] if added else []
            self.ox.update(" ;\n".join(parts))
        return incident_lines(incidents, graph)

    def remove(self, article: str) -> bool:
        """Drop one article's graph (and what only it said from the default graph); False if absent."""
        g = ox.NamedNode(str(article))
        if not self.ox.contains_named_graph(g):
            return False
        self.ox.update(_replace_update(g, self._orphans(g, set()), set(), drop_only=True))
        return True

    def _orphans(self, g: ox.NamedNode, keep: set) -> list:
        """Triples of graph ``g`` that no other article graph holds and ``keep`` lacks."""
        orphans = []
        for quad in self.ox.quads_for_pattern(None, None, None, g):
            t = quad.triple
            if t in keep:
                continue
            others = self.ox.quads_for_pattern(t.subject, t.predicate, t.object, None)
            if not any(q.graph_name != g and not isinstance(q.graph_name, ox.DefaultGraph) for q in others):
                orphans.append(t)
        return orphans

    # -- reading -----------------------------------------------------------------------
    def content_hash(self, article: str) -> str | None:
        """The stored ``kg:contentHash`` of ``article`` (an IRI), or None."""
        node = ox.NamedNode(str(article))
        for quad in self.ox.quads_for_pattern(node, _CONTENT_HASH, None, node):
            return quad.object.value
        return None

    def articles(self) -> dict[str, str | None]:
        """Article IRI -> content hash, for every article graph in the store."""
        return {s["article"].value: (s["hash"].value if s["hash"] else None) for s in self.ox.query(_ARTICLES)}

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of every article graph, or of one (the merged default graph left out)."""
        if graph:
            return self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return (q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph))

    def graph(self, article: str) -> Graph:
        """One article's graph as an rdflib Graph (empty if the article is not stored)."""
        g = Graph(identifier=URIRef(article))
        bind_prefixes(g)
        data = self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(article))
        if data:
            g.parse(data=data.decode("utf-8"), format="nt")
        return g

    def dataset(self) -> Dataset:
        """Everything, as an in-memory rdflib Dataset with one named graph per article,
        as ``kg build --format trig`` writes it; SPARQL over it sees the union."""
        ds = Dataset(default_union=True)
        bind_prefixes(ds)
        data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
        if data:
            ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the store to a graph file, atomically: TriG, N-Quads and JSON-LD keep one
        graph per article, Turtle and N-Triples get the merged graph."""
        fmt = fmt or format_for(path)
        spec = checked_format(fmt)
        kwargs = {"prefixes": PREFIXES} if fmt in ("trig", "turtle") else {}
        with atomic_path(path) as tmp:
            if spec.named:
                with open(tmp, "wb") as fh:
                    ox.serialize(self.quads(), fh, spec.ox, **kwargs)
            else:
                self.ox.dump(str(tmp), spec.ox, from_graph=_DEFAULT, **kwargs)
        return Path(path)

    def __len__(self) -> int:
        """The number of distinct triples (in the merged default graph)."""
        return int(next(iter(self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def _nt(triples) -> str:
    """Triples as N-Triples text, sorted (the same update for the same triples)."""
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""


def _replace_update(g: ox.NamedNode, orphans: list, triples: set, *, drop_only: bool = False) -> str:
    """One SPARQL update (one transaction): a reader never sees the article half replaced."""
    parts = []
    if orphans:
        parts.append(f"DELETE DATA {{\n{_nt(orphans)}}}")
    parts.append(f"DROP SILENT GRAPH {g}")
    if not drop_only:
        data = _nt(triples)
        parts.append(f"INSERT DATA {{ GRAPH {g} {{\n{data}}}\n{data}}}")
    return " ;\n".join(parts)


_GRAPH_WORDS = re.compile(r"\b(GRAPH|INTO|WITH|TO)\b\s*(<[^>]*>)?", re.IGNORECASE)
_WHOLE = re.compile(r"\b(ALL|NAMED|DEFAULT)\b", re.IGNORECASE)


def touched_graphs(update: str) -> set[str] | None:
    """The named graphs a SPARQL update can change, or None when it can't be told
    (``GRAPH ?g``, a prefixed graph name, ALL, NAMED, DEFAULT)."""
    if _WHOLE.search(update):
        return None
    names = set()
    for match in _GRAPH_WORDS.finditer(update):
        if not match.group(2):
            return None
        names.add(match.group(2)[1:-1])
    return names


def apply_update(store: ox.Store, update: str, *, prefixes: dict[str, str] | None = None) -> None:
    """Run a SPARQL update, then bring the merged default graph up to date: it gains what
    the named graphs gained and loses what none of them holds any more. Triples written
    straight to the default graph stay."""
    names = touched_graphs(update)

    def snapshot() -> set:
        graphs = names if names is not None else [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        return {q.triple for n in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(n))}

    before = snapshot()
    store.update(update, prefixes=prefixes)
    after = snapshot()
    gone = [
        t
        for t in before - after
        if not any(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)
        )
    ]
    parts = ([f"DELETE DATA {{\n{_nt(gone)}}}"] if gone else []) + (
        [f"INSERT DATA {{\n{_nt(after - before)}}}"] if after - before else []
    )
    if parts:
        store.update(" ;\n".join(parts))


def _create(path: Path) -> None:
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        what = "a directory that is not a kg store" if path.is_dir() else "a file"
        raise GraphError(f"'{path}' is {what}: give --store an empty or new directory")
    path.mkdir(parents=True, exist_ok=True)
    _write_marker(path)


def _write_marker(path: Path) -> None:
    info = {
        "format": STORE_FORMAT,
        "version": STORE_VERSION,
        "engine": "oxigraph",
        "engine_version": _engine_version(),
        "layout": "one named graph per article, named by its IRI",
    }
    with atomic_path(path / MARKER) as tmp:
        tmp.write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")


def _check_marker(path: Path, write: bool) -> None:
    try:
        info = json.loads((path / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GraphError(f"The store '{path}' has an unreadable {MARKER}: {err}") from err
    if info.get("format") != STORE_FORMAT or not isinstance(info.get("version"), int):
        raise GraphError(f"'{path / MARKER}' does not describe a kg store")
    if info["version"] > STORE_VERSION:
        raise GraphError(
            f"The store '{path}' was written by a newer kg (store version {info['version']}): upgrade kg to read it"
        )
    have, wrote = _engine_version(), str(info.get("engine_version", ""))
    if _minor(have) != _minor(wrote):
        raise GraphError(
            f"The store '{path}' was written with Oxigraph {wrote} and this kg has {have}; their on-disk "
            f"formats may differ: rebuild it (`kg build INPUT --store NEWDIR`), or export it with the "
            f"version that wrote it"
        )
    if write and not (path / DATABASE).exists():
        os.makedirs(path / DATABASE, exist_ok=True)
    elif not write and not (path / DATABASE).exists():
        raise GraphError(f"The store '{path}' holds no data yet: add articles with `kg build INPUT --store {path}`")
    if write and have != wrote:
        _write_marker(path)
