"""Where a graph comes from: a graph file or a store directory, decided in one place.

:func:`locate` tells the two apart (and says what to do when there is neither);
:func:`open_store` gives an Oxigraph store to query, :func:`load_graph` an rdflib
``Dataset`` for the Python API. Graph files are written by :func:`write_graph`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.atomic import atomic_path
from kg.errors import GraphError
from kg.store.formats import FORMATS, bind_prefixes, checked_format, format_for
from kg.store.persistent import PersistentStore


class Location(NamedTuple):
    path: Path
    fmt: str | None  # the graph file's format, or None for a store directory

    @property
    def is_store(self) -> bool:
        return self.fmt is None


def locate(path: str | Path) -> Location:
    """A store directory (written by ``kg build --store``) or a graph file in a known format."""
    path = Path(path)
    if path.is_dir():
        return Location(path, None)
    if not path.is_file():
        raise GraphError(
            f"No graph file or store at '{path}': build one with `kg build INPUT -o OUTDIR` "
            "or `kg build INPUT --store DIR`"
        )
    return Location(path, format_for(path))


def load_graph(path: str | Path) -> Dataset:
    """Load a graph file written by kg (any of FORMATS), or a store directory, as a Dataset.

    SPARQL over the result sees the union of all named graphs.
    """
    where = locate(path)
    if where.is_store:
        with PersistentStore.open(where.path) as store:
            return store.dataset()
    fmt = FORMATS[where.fmt]
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        if fmt.named:
            ds.parse(str(where.path), format=fmt.rdflib)
        else:
            ds.default_graph.parse(str(where.path), format=fmt.rdflib)
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphError(f"Can't read '{where.path}' as {where.fmt}: {err}") from err
    return ds


def open_store(source: str | Path | Graph | Dataset | ox.Store) -> ox.Store:
    """An Oxigraph store holding ``source``: a graph file or rdflib graph (loaded into
    memory), or a store directory written by ``kg build --store`` (opened read-only)."""
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, (Graph, Dataset)):
        return _from_rdflib(source)
    where = locate(source)
    if where.is_store:
        return PersistentStore.open(where.path).ox
    if where.fmt == "json-ld":  # Oxigraph 0.5 reads JSON-LD only partially: go through rdflib
        return _from_rdflib(load_graph(where.path))
    store = ox.Store()
    try:
        store.load(path=str(where.path), format=FORMATS[where.fmt].ox)
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(f"Can't read '{where.path}' as {where.fmt}: {err}") from err
    if FORMATS[where.fmt].named:
        merge_named_graphs(store)
    return store


def _from_rdflib(source: Graph | Dataset) -> ox.Store:
    store = ox.Store()
    if isinstance(source, Dataset):
        store.load(source.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
        merge_named_graphs(store)
    else:
        store.load(source.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def merge_named_graphs(store: ox.Store) -> None:
    """Put the merge of all named graphs into the default graph, where queries look.

    Oxigraph 0.5's "default graph as union" is a bag, not the RDF merge: a triple held
    by two article graphs (an actor's label) matches twice, so rows repeat, COUNTs
    inflate and joins multiply (oxigraph issue 1919, fixed after 0.5). The default graph
    is a set, so a triple lands there once however many articles state it.
    """
    store.extend(
        [
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for q in store
            if not isinstance(q.graph_name, ox.DefaultGraph)
        ]
    )


def default_graph_is_empty(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def union_graph(data: Graph | Dataset) -> Graph:
    """Every triple of ``data`` in one graph (named graphs flattened), with our prefixes."""
    if not isinstance(data, Dataset):
        return data
    flat = Graph()
    bind_prefixes(flat)
    for s, p, o, _ in data.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def write_graph(data: Graph | Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Serialize ``data`` to ``path`` atomically; Turtle and N-Triples get the union."""
    fmt = fmt or format_for(path)
    spec = checked_format(fmt)
    target = data if spec.named else union_graph(data)
    bind_prefixes(target)
    with atomic_path(path) as tmp:
        target.serialize(destination=str(tmp), format=spec.rdflib, encoding="utf-8")
    return Path(path)
