"""SPARQL over a built graph, answered by Oxigraph.

rdflib's own SPARQL engine turns ordinary joins into cartesian products (a two-pattern
join over 24k triples took 9 s; see PITFALLS.md), so queries run in an in-memory
Oxigraph store loaded from the graph. Our ontology's prefixes are predeclared and the
default graph is the merge of all article graphs (each triple once).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import GraphError, QueryError
from kg.rdf.vocab import PREFIXES
from kg.store.files import FORMATS, format_for

_OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


@dataclass
class Result:
    """A SELECT's ``variables`` and ``rows`` (lists of terms or None), an ASK's
    ``boolean``, or a CONSTRUCT/DESCRIBE's ``triples`` (an rdflib Graph)."""

    variables: list[str] | None = None
    rows: list[list] | None = None
    boolean: bool | None = None
    triples: Graph | None = None
    _solutions_json: str | None = None
    _solutions_csv: str | None = None


def open_store(source: str | Path | Graph | Dataset | ox.Store) -> ox.Store:
    """An Oxigraph store holding ``source``: a graph file or rdflib graph (loaded into
    memory), or a store directory written by ``kg build --store`` (opened read-only)."""
    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    if isinstance(source, (Graph, Dataset)):
        if isinstance(source, Dataset):
            data = source.serialize(format="nquads", encoding="utf-8")
            store.load(data, ox.RdfFormat.N_QUADS)
            merge_named_graphs(store)
        else:
            store.load(source.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        return store
    path = Path(source)
    if path.is_dir():
        from kg.store.persistent import PersistentStore

        return PersistentStore.open(path).ox
    if not path.is_file():
        raise GraphError(f"No graph file or store at '{path}': build one with `kg build INPUT -o OUTDIR` "
                         "or `kg build INPUT --store DIR`")
    fmt = format_for(path)
    try:
        if fmt == "json-ld":  # Oxigraph 0.5 reads JSON-LD only partially: go through rdflib
            from kg.store.files import load_graph

            return open_store(load_graph(path))
        store.load(path=str(path), format=_OX_FORMAT[fmt])
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(f"Can't read '{path}' as {fmt}: {err}") from err
    if FORMATS[fmt][2]:
        merge_named_graphs(store)
    return store


def merge_named_graphs(store: ox.Store) -> None:
    """Put the merge of all named graphs into the default graph, where queries look.

    Oxigraph 0.5's "default graph as union" is a bag, not the RDF merge: a triple held
    by two article graphs (an actor's label) matches twice, so rows repeat, COUNTs
    inflate and joins multiply (oxigraph issue 1919, fixed after 0.5). The default graph
    is a set, so a triple lands there once however many articles state it.
    """
    store.extend([ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                  for q in store if not isinstance(q.graph_name, ox.DefaultGraph)])


def default_graph_is_empty(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def query(source, sparql: str) -> Result:
    """Run ``sparql`` over ``source`` (graph file path, rdflib Graph/Dataset, or ox.Store)."""
    store = open_store(source)
    # the default graph holds the merge of the article graphs (see merge_named_graphs);
    # a store that has only named graphs is asked through their union
    union = {"use_default_graph_as_union": True} if default_graph_is_empty(store) else {}
    try:
        answer = store.query(sparql, prefixes=PREFIXES, **union)
    except SyntaxError as err:
        raise QueryError(f"The query is not valid SPARQL: {err}") from err
    except OSError as err:
        raise QueryError(f"The query failed: {err}") from err
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        g = Graph()
        data = ox.serialize(answer, format=ox.RdfFormat.N_TRIPLES)
        if data:
            g.parse(data=data.decode("utf-8"), format="nt")
        return Result(triples=g)
    variables = [v.value for v in answer.variables]
    rows = [[solution[v] for v in variables] for solution in answer]
    return Result(variables=variables, rows=rows)


def term_text(term, compact: bool = True) -> str:
    """A term as a person reads it: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if compact:
            for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
                if iri.startswith(ns) and all(c not in iri[len(ns):] for c in "/#%"):
                    return f"{prefix}:{iri[len(ns):]}"
        return iri
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def format_result(result: Result, fmt: str = "table") -> str:
    """``table`` (aligned text), ``csv`` or ``json`` (SPARQL 1.1 JSON results)."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.triples is not None:
        from kg.store.files import bind_prefixes

        bind_prefixes(result.triples)
        return result.triples.serialize(format="json-ld" if fmt == "json" else "turtle")
    variables, rows = result.variables or [], result.rows or []
    if fmt == "json":
        return json.dumps(
            {"head": {"vars": variables},
             "results": {"bindings": [
                 {v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]}},
            ensure_ascii=False, indent=1,
        )
    if fmt == "csv":
        import csv

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([term_text(t, compact=False) for t in row])
        return out.getvalue()
    table = [[term_text(t) for t in row] for row in rows]
    widths = [max([len(v), *(len(r[i]) for r in table)]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in table]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


__all__ = ["FORMATS", "Result", "format_result", "open_store", "query", "term_text"]
