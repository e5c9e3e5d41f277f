"""Reading and undoing merges: ``kg merges``.

Every join kg made across articles is a ``kg:Merge`` in the merges graph (see
:mod:`kg.store.consolidate`): a report joining an incident, or one spelling or short
form of a name joining another. Undoing one writes its IRI to the store's
``merges-undone.json`` and works the merges out again at once, so the two stay apart
in this store and in every later build into it; redoing takes it off that list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ontology import MERGE_BASE
from kg.rdf.vocab import PREFIXES
from kg.store.consolidate import read_undone, write_undone
from kg.store.persistent import PersistentStore, is_store
from kg.store.source import open_store

_MERGES = """
SELECT ?m ?merged ?into ?reason ?ml ?il ?kind WHERE {
  ?m a kg:Merge ; kg:merged ?merged ; kg:mergedInto ?into ; kg:reason ?reason .
  OPTIONAL { ?merged rdfs:label ?ml0 }
  OPTIONAL { ?merged kg:triggerText ?trigger ; prov:wasDerivedFrom ?article . ?article kg:articleId ?aid }
  OPTIONAL { ?into rdfs:label ?il }
  BIND (IF(EXISTS { ?into a kg:Incident }, "incident", "actor") AS ?kind)
  BIND (COALESCE(?ml0, CONCAT("'", ?trigger, "' in ", ?aid)) AS ?ml)
} ORDER BY ?kind ?il ?ml"""


@dataclass(frozen=True)
class MergeRow:
    iri: str
    kind: str  # "incident": a report joined one; "actor": a name joined another
    merged: str
    merged_label: str
    into: str
    into_label: str
    reason: str


def list_merges(source: str | Path) -> list[MergeRow]:
    """Every merge in a graph file or store, incidents' joins first."""
    store = open_store(source)
    rows = []
    seen = set()
    for s in store.query(_MERGES, prefixes=PREFIXES, use_default_graph_as_union=True):
        iri = s["m"].value
        if iri in seen:
            continue
        seen.add(iri)
        rows.append(
            MergeRow(
                iri=iri,
                kind=s["kind"].value,
                merged=s["merged"].value,
                merged_label=s["ml"].value if s["ml"] is not None else s["merged"].value,
                into=s["into"].value,
                into_label=s["il"].value if s["il"] is not None else s["into"].value,
                reason=s["reason"].value,
            )
        )
    return rows


def set_undone(path: str | Path, iris: list[str], *, undo: bool = True) -> list[str]:
    """Undo (or redo) the merges ``iris`` (IRIs, or the ids ending them) in the store at
    ``path``, and work the merges out again; returns what the consolidation says."""
    if not is_store(path):
        raise InputError(
            f"'{path}' is not a kg store: undoing a merge needs one (`kg build ... --store DIR`), "
            "where the undone merges are kept for every later build"
        )
    iris = [iri if "/" in iri else MERGE_BASE + iri for iri in iris]  # the id alone, as `kg merges` prints it
    with PersistentStore.open(path, write=True) as store:
        undone = set(read_undone(path))
        if undo:
            known = {row.iri for row in list_merges(store.ox)}
            unknown = [iri for iri in iris if iri not in known and iri not in undone]
            if unknown:
                raise InputError(f"No merge {', '.join(unknown)} in '{path}' (list them with `kg merges {path}`)")
            undone |= set(iris)
        else:
            undone -= set(iris)
        write_undone(path, undone)
        return store.consolidate()


_INCIDENTS = """
SELECT ?i ?label ?n WHERE { ?i a kg:Incident ; rdfs:label ?label ; kg:reportCount ?n }"""


def incident_rows(source, *, min_reports: int = 1) -> list[dict]:
    """Every incident of a graph file, store or Oxigraph store that at least ``min_reports``
    articles report, as ``{"iri", "label", "reports"}``, most reported first."""
    store = open_store(source)
    rows = {
        s["i"].value: {"iri": s["i"].value, "label": s["label"].value, "reports": int(s["n"].value)}
        for s in store.query(_INCIDENTS, prefixes=PREFIXES, use_default_graph_as_union=True)
        if int(s["n"].value) >= min_reports
    }
    return sorted(rows.values(), key=lambda r: (-r["reports"], r["label"], r["iri"]))


def reported_incidents(source, top: int = 10) -> list[dict]:
    """The incidents most articles report (two or more), most first: label, reports, IRI."""
    return incident_rows(source, min_reports=2)[:top]
