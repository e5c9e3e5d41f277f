"""Sending the graph to a shared triple store, one named graph per article (``kg push``).

Two protocols, both SPARQL 1.1 standards that Fuseki, Oxigraph server, GraphDB,
Virtuoso, Stardog and Blazegraph speak:

- Graph Store Protocol: ``PUT URL?graph=<article IRI>`` with the graph as N-Triples;
  PUT replaces the graph, so pushing again leaves one copy of each article.
- SPARQL Update: ``POST URL`` with ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {...} }``,
  one transaction per article on every store we know.

``protocol="auto"`` picks by the URL's last path segment (``/store``, ``/data``,
``/rdf-graphs/service`` are Graph Store endpoints; ``/update``, ``/statements`` Update
endpoints) and otherwise tries the Graph Store Protocol on the first graph, falling
back to Update when the server answers that it does not speak it.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import GraphError
from kg.ontology import MERGES_GRAPH
from kg.store.source import open_store

GSP, UPDATE, AUTO = "gsp", "update", "auto"
PROTOCOL_NAMES = {GSP: "Graph Store Protocol", UPDATE: "SPARQL Update"}
_GSP_ENDS = ("store", "data", "service", "gsp", "rdf-graphs")
_UPDATE_ENDS = ("update", "statements")
# what a server that does not speak a protocol answers: wrong method, no such path, wrong media type
_NOT_SPOKEN = {400, 404, 405, 406, 415, 501}


@dataclass
class PushReport:
    url: str
    protocol: str
    graphs: int = 0
    triples: int = 0
    names: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"pushed {self.graphs} graph{'s' if self.graphs != 1 else ''} ({self.triples:,} triples) "
            f"to {self.url} with the {PROTOCOL_NAMES[self.protocol]}"
        )


class PushError(GraphError):
    """The target refused or could not be reached; the message says which and why."""


def guess_protocol(url: str) -> str:
    """GSP or UPDATE from the URL's last path segment; AUTO when it does not tell."""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    if last in _GSP_ENDS:
        return GSP
    if last in _UPDATE_ENDS:
        return UPDATE
    return AUTO


def named_graphs(source: str | Path, *, graph: str | None = None) -> Iterator[tuple[str, bytes, int]]:
    """(graph IRI, N-Triples, triple count) for each article graph of a store or graph file,
    and for the graph of incidents and merges (kg.store.consolidate), empty or not.

    A file without named graphs (Turtle, N-Triples) is sent as one graph named ``graph``;
    with named graphs, the default graph (their merge) is not sent.
    """
    store = open_store(source)
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    # with article graphs, the default graph is only their merge (see kg.store.source.merge_named_graphs)
    default = [] if names else list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default:
        if not graph:
            raise PushError(
                f"'{source}' holds triples outside any named graph (Turtle and N-Triples keep only the union): "
                "give --graph IRI to send them as one graph, or push a store (`kg build --store`) or a TriG / "
                "N-Quads build to keep one graph per article"
            )
        yield graph, ox.serialize([q.triple for q in default], format=ox.RdfFormat.N_TRIPLES), len(default)
    if names and MERGES_GRAPH not in names:
        names.append(MERGES_GRAPH)  # sent empty: the merges the last push sent are gone
    for name in names:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]
        if triples or name == MERGES_GRAPH:
            yield name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def push(
    source: str | Path,
    url: str,
    *,
    protocol: str = AUTO,
    graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
    on_graph: Callable[[str, int], None] | None = None,
) -> PushReport:
    """Send every article graph of ``source`` (store directory or graph file) to ``url``."""
    if protocol not in (GSP, UPDATE, AUTO):
        raise PushError(f"Unknown protocol '{protocol}': choose gsp, update or auto")
    if urlsplit(url).scheme not in ("http", "https"):
        raise PushError(f"'{url}' is not an http(s) URL of a SPARQL endpoint")
    auth = None
    if user is not None:
        auth = "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
    chosen = protocol if protocol != AUTO else guess_protocol(url)
    report = PushReport(url=url, protocol=chosen if chosen != AUTO else GSP)
    for name, data, count in named_graphs(source, graph=graph):
        if chosen == AUTO:
            chosen = _probe(url, name, data, auth, timeout)
            report.protocol = chosen
        else:
            _send(chosen, url, name, data, auth, timeout)
        report.graphs += 1
        report.triples += count
        report.names.append(name)
        if on_graph:
            on_graph(name, count)
    return report


def _probe(url: str, name: str, data: bytes, auth: str | None, timeout: float) -> str:
    """Send the first graph with the Graph Store Protocol, else with Update; the one that worked."""
    try:
        _send(GSP, url, name, data, auth, timeout)
        return GSP
    except _Refused as gsp_err:
        try:
            _send(UPDATE, url, name, data, auth, timeout)
            return UPDATE
        except _Refused as update_err:
            raise PushError(
                f"{url} accepts neither protocol: Graph Store PUT got {gsp_err.status} ({gsp_err.detail}); "
                f"SPARQL Update got {update_err.status} ({update_err.detail}). Give the store's Graph Store "
                "URL (Fuseki: /DATASET/data, Oxigraph: /store, GraphDB: /repositories/REPO/rdf-graphs/service) "
                "or its Update URL (Fuseki: /DATASET/update, Oxigraph: /update, GraphDB: "
                "/repositories/REPO/statements)"
            ) from None


class _Refused(PushError):
    def __init__(self, status: int, detail: str, message: str):
        super().__init__(message)
        self.status, self.detail = status, detail


def _send(protocol: str, url: str, name: str, data: bytes, auth: str | None, timeout: float) -> None:
    if protocol == GSP:
        target = f"{url}{'&' if '?' in url else '?'}graph={quote(name, safe='')}"
        request = urllib.request.Request(
            target, data=data, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
    else:
        body = f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n".encode() + data + b"} }\n"
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": "application/sparql-update; charset=utf-8"}
        )
    if auth:
        request.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        detail = err.read(500).decode("utf-8", "replace").strip().replace("\n", " ") or err.reason
        message = f"{url} refused graph <{name}> ({PROTOCOL_NAMES[protocol]}): HTTP {err.code} {detail}"
        if err.code in (401, 403):
            raise PushError(message + ": give --user (and KG_PUSH_PASSWORD), or check the account may write") from None
        if err.code in _NOT_SPOKEN:
            raise _Refused(err.code, str(detail), message) from None
        raise PushError(message) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"Can't reach {url}: {reason}. Is the triple store running, and the URL right?") from None
