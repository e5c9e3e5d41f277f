"""Graph files: atomic writes in the formats people open, and loading them back."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError
from kg.rdf.vocab import PREFIXES

# user-facing name -> (rdflib format, file suffix, keeps named graphs)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "turtle": ("turtle", ".ttl", False),
    "trig": ("trig", ".trig", True),
    "nquads": ("nquads", ".nq", True),
    "json-ld": ("json-ld", ".jsonld", True),
    "ntriples": ("nt", ".nt", False),
}
_BY_SUFFIX = {suffix: name for name, (_, suffix, _) in FORMATS.items()} | {".json": "json-ld"}


def format_for(path: str | Path) -> str:
    """The format name for a file name, from its suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return _BY_SUFFIX[suffix]
    except KeyError:
        raise GraphError(
            f"Can't tell the RDF format of '{path}': use one of "
            + ", ".join(sorted(_BY_SUFFIX))
        ) from None


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success.

    An interrupted write leaves the old file (or nothing), never half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.part"):  # left by a killed earlier write
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def union_graph(data: Graph | Dataset) -> Graph:
    """Every triple of ``data`` in one graph (named graphs flattened), with our prefixes."""
    if not isinstance(data, Dataset):
        return data
    flat = Graph()
    bind_prefixes(flat)
    for s, p, o, _ in data.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def bind_prefixes(graph: Graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)


def write_graph(data: Graph | Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Serialize ``data`` to ``path`` atomically; Turtle and N-Triples get the union."""
    fmt = fmt or format_for(path)
    if fmt not in FORMATS:
        raise GraphError(f"Unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    rdflib_format, _, keeps_graphs = FORMATS[fmt]
    target = data if keeps_graphs else union_graph(data)
    bind_prefixes(target)
    with atomic_path(path) as tmp:
        target.serialize(destination=str(tmp), format=rdflib_format, encoding="utf-8")
    return Path(path)


def load_graph(path: str | Path) -> Dataset:
    """Load a graph file written by kg (any of FORMATS), or a store directory, as a Dataset.

    SPARQL over the result sees the union of all named graphs.
    """
    path = Path(path)
    if path.is_dir():  # a store written by `kg build --store DIR`
        from kg.store.persistent import PersistentStore

        with PersistentStore.open(path) as store:
            return store.dataset()
    if not path.is_file():
        raise GraphError(f"No graph file or store at '{path}': build one with `kg build INPUT -o OUTDIR` "
                         "or `kg build INPUT --store DIR`")
    fmt = format_for(path)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        if FORMATS[fmt][2]:
            ds.parse(str(path), format=FORMATS[fmt][0])
        else:
            ds.default_graph.parse(str(path), format=FORMATS[fmt][0])
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphError(f"Can't read '{path}' as {fmt}: {err}") from err
    return ds
