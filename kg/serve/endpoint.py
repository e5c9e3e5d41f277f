"""A SPARQL 1.1 Protocol endpoint over a store or a graph file (``kg serve``).

``GET``/``POST /sparql`` answers queries (URL-encoded, form or ``application/sparql-query``
bodies) in SPARQL JSON, XML, CSV or TSV, and CONSTRUCT/DESCRIBE in Turtle, JSON-LD,
N-Triples or RDF/XML, chosen by the ``Accept`` header (or a ``format``/``output``
parameter). SPARQL Update (form or ``application/sparql-update``) is refused with 403
unless the endpoint was started with ``allow_update``. ``/`` is the interactive page of
the actor network (kg.render).

Queries run in worker processes, each holding the store open (read-only, unless
updates are allowed: then one read-write worker). pyoxigraph can't cancel a running
query, so a query past the time limit is stopped by killing its worker; a new one takes
its place (started in the background: the client has its answer at once) and the server
keeps serving. A graph file is loaded once into a temporary
store that the workers share, removed when the server stops.

Scheduling. A request's deadline is its arrival + the time limit: waiting for a worker
counts, and a request still waiting at its deadline gets the timeout error (503) without
running. At most ``queue`` requests wait (default: twice the workers); one more is
answered 503 at once, with a Retry-After of the seconds until a running query is sure
to have ended. Waiting requests are served oldest first.

So that a cheap query is not held behind slow ones, the pool keeps one reserve worker
beside the regular ones (none with ``allow_update``: a read-write store opens in one
process only). Only a request that has waited RESERVE_AFTER_S may take it, and it runs
there for at most RESERVE_LIMIT_S: a query past that is stopped and goes back to wait for a
regular worker, within its own deadline. Slow queries therefore can't occupy the reserve
for longer than RESERVE_LIMIT_S each, and a query that runs in under RESERVE_LIMIT_S waits
about RESERVE_AFTER_S (plus the cheap queries ahead of it, and a worker restart after
a slow one was stopped there), however many slow queries hold the regular workers. The
price: one more process holding the store, and up to RESERVE_LIMIT_S of work thrown away
for a slow query that tried the reserve first. Ordering by expected cost was rejected:
the cost of a SPARQL query is not known before it runs.
"""

from __future__ import annotations

import bisect
import math
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.analyze import project
from kg.errors import GraphError, QueryError
from kg.rdf.vocab import PREFIXES
from kg.render import render_html
from kg.store.persistent import PersistentStore, apply_update, is_store
from kg.store.query import syntax_message
from kg.store.sink import StoreView
from kg.store.source import default_graph_is_empty, open_store

R, G = ox.QueryResultsFormat, ox.RdfFormat
# media type -> format, per kind of result; the first of each is the default
SOLUTION_TYPES = {
    "application/sparql-results+json": R.JSON,
    "application/json": R.JSON,
    "application/sparql-results+xml": R.XML,
    "application/xml": R.XML,
    "text/xml": R.XML,
    "text/csv": R.CSV,
    "text/tab-separated-values": R.TSV,
}
GRAPH_TYPES = {
    "text/turtle": G.TURTLE,
    "application/x-turtle": G.TURTLE,
    "application/ld+json": G.JSON_LD,
    "application/n-triples": G.N_TRIPLES,
    "application/rdf+xml": G.RDF_XML,
}
# the `format` / `output` parameter some clients send instead of an Accept header
FORMAT_NAMES = {
    "solutions": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ttl": "text/turtle",
        "json-ld": "application/ld+json",
        "jsonld": "application/ld+json",
        "json": "application/ld+json",
        "nt": "application/n-triples",
        "ntriples": "application/n-triples",
        "xml": "application/rdf+xml",
        "rdfxml": "application/rdf+xml",
        "rdf+xml": "application/rdf+xml",
        "n3": "text/turtle",
    },
}
CHARSET_TYPES = ("text/", "application/sparql-results+json", "application/json", "application/ld+json")
MAX_BODY = 64 * 1024 * 1024
REFRESH_S = 1.0  # a read-only worker reopens the store at most this often, to see new articles
PAGE_TTL_S = 60.0
# the reserve: a query that has waited RESERVE_AFTER_S for a worker may run on the reserve
# worker for up to RESERVE_LIMIT_S; past that it is stopped and waits for a regular worker
RESERVE_AFTER_S = 0.2
RESERVE_LIMIT_S = 1.0


def negotiate(accept: str | None, kind: str) -> str | None:
    """The media type to answer a ``kind`` ("solutions", "boolean" or "graph") result
    with, given an Accept header; None when nothing acceptable is on offer.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
    'application/sparql-results+xml'
    >>> negotiate("text/turtle", "solutions") is None
    True
    """
    table = GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES
    default = next(iter(table))
    if not accept or not accept.strip():
        return default
    offers = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            offers.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(offers):
        if media in table:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            match = next((t for t in table if t.startswith(media[:-1])), None)
            if match:
                return match
    return None


# -- worker processes ------------------------------------------------------------------------
def _watch_parent() -> None:
    """Exit when the server process is gone, even in the middle of a query."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _worker(conn, location: str, writable: bool, prefixes: dict[str, str]) -> None:
    """A worker process: open the store, then answer jobs from ``conn`` one at a time."""
    _watch_parent()
    try:
        store, opened = (ox.Store(location) if writable else ox.Store.read_only(location)), time.monotonic()
    except OSError as err:
        conn.send(("fatal", str(err)))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if not writable and time.monotonic() - opened > REFRESH_S:
            del store  # see articles committed since (a `kg build --store` running beside us)
            store, opened = ox.Store.read_only(location), time.monotonic()
        conn.send(execute(store, job, prefixes))


def execute(store: ox.Store, job: dict, prefixes: dict[str, str]) -> tuple:
    """Run one job; the reply is ("ok", media type, bytes) or (status, message)."""
    try:
        if job["kind"] == "update":
            apply_update(store, job["text"], prefixes=prefixes)
            return ("ok", "text/plain", b"")
        if job["kind"] == "page":  # drawn here, from the store's indexes: no copy of the graph travels
            return ("ok", "text/html", render_html(project(StoreView(store)), title=job["title"]).encode("utf-8"))
        merged = not default_graph_is_empty(store)
        graphs = {}
        if job.get("default"):
            graphs["default_graph"] = [ox.NamedNode(g) for g in job["default"]]
        elif not merged:  # kg keeps the merge of the article graphs in the default graph
            graphs["use_default_graph_as_union"] = True
        if job.get("named"):
            graphs["named_graphs"] = [ox.NamedNode(g) for g in job["named"]]
        result = store.query(job["text"], prefixes=prefixes, **graphs)
        kind = (
            "graph"
            if isinstance(result, ox.QueryTriples)
            else "boolean"
            if isinstance(result, ox.QueryBoolean)
            else "solutions"
        )
        media = negotiate(job.get("accept"), kind)
        if media is None:
            offered = ", ".join(GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES)
            return (
                "unacceptable",
                str(QueryError(f"Can't answer a {kind} result in '{job.get('accept')}': ask for one of {offered}")),
            )
        if kind == "graph":
            fmt = GRAPH_TYPES[media]
            extra = {"prefixes": prefixes} if fmt == G.TURTLE else {}
            return ("ok", media, ox.serialize(result, format=fmt, **extra))
        return ("ok", media, result.serialize(format=SOLUTION_TYPES[media]))
    except SyntaxError as err:  # a short message with line, column and a caret, not the grammar's ranges
        return ("bad", str(QueryError(syntax_message(job["text"], str(err), update=job["kind"] == "update"))))
    except (OSError, ValueError, RuntimeError) as err:
        return ("error", str(QueryError(f"The {job['kind']} failed: {err}")))


class QueryTimeout(QueryError):
    pass


class QueueFull(QueryError):
    """Every query process is busy and the waiting line is full; ``retry_after`` is in seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class WorkerPool:
    """Worker processes over one store location, with a bounded waiting line and a reserve.

    A job's deadline is its arrival + ``timeout``; a job past it while waiting gets
    QueryTimeout without running, and one past it while running has its worker killed.
    """

    def __init__(
        self,
        location: str,
        *,
        size: int,
        writable: bool,
        prefixes: dict[str, str],
        queue: int | None = None,
        reserve: int = 1,
    ):
        self.location, self.writable, self.prefixes = location, writable, prefixes
        self.size = 1 if writable else max(1, size)
        self.queue_max = 2 * self.size if queue is None else max(0, queue)
        self._ctx = multiprocessing.get_context("spawn")  # never fork a process with server threads
        self._cond = threading.Condition()
        self._idle: list = []  # regular workers
        self._spare: list = []  # the reserve
        self._waiting: list = []  # (arrival, seq, may use the reserve), oldest first
        self._running: dict = {}  # seq -> deadline of each job running
        self._seq = 0
        self._workers: set = set()
        self._lock = threading.Lock()
        self._closed = False
        self._failure: str | None = None
        for _ in range(self.size):
            self._idle.append(self._start())
        # a read-write store opens in one process only: no reserve beside it
        for _ in range(0 if writable else max(0, reserve)):
            self._spare.append(self._start())

    def _start(self):
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker,
            args=(child, self.location, self.writable, self.prefixes),
            daemon=True,
            name="kg-sparql-worker",
        )
        proc.start()
        child.close()
        with self._lock:
            self._workers.add((proc, parent))
        if not parent.poll(60):
            self._stop((proc, parent))
            raise GraphError(f"The query process did not start in 60 s on '{self.location}'")
        reply = parent.recv()
        if reply[0] != "ready":
            self._stop((proc, parent))
            raise GraphError(f"Can't open the store '{self.location}': {reply[1]}")
        return proc, parent

    def _stop(self, worker) -> None:
        """Kill ``worker`` once: a restart thread and close() may both reach it."""
        with self._lock:
            if worker not in self._workers:
                return
            self._workers.discard(worker)
        proc, conn = worker
        proc.kill()
        proc.join(5)
        conn.close()

    def _replace(self, worker, into: list) -> None:
        """Kill ``worker``; start its replacement in the background (the client has its answer)."""

        def restart() -> None:
            self._stop(worker)
            if self._closed:
                return
            try:
                fresh = self._start()
            except (GraphError, OSError, EOFError) as err:
                if self._closed:  # stopped while starting: not a failure
                    return
                with self._cond:
                    self._failure = str(err)
                    self._cond.notify_all()
                return
            if self._closed:
                self._stop(fresh)
                return
            with self._cond:
                into.append(fresh)
                self._cond.notify_all()

        threading.Thread(target=restart, name="kg-sparql-restart", daemon=True).start()

    def _retry_after(self) -> int:
        """Seconds until some running job is sure to have ended (its deadline)."""
        now = time.monotonic()
        soonest = min(self._running.values(), default=now + 1)
        return max(1, math.ceil(soonest - now))

    def _take(self, arrival: float, deadline: float, reserve_ok: bool, timeout: float, first: bool):
        """Wait for a worker: (worker, from the reserve?); QueueFull / QueryTimeout when none comes."""
        with self._cond:
            self._seq += 1
            me = (arrival, self._seq, reserve_ok)
            if first and not self._idle and len(self._waiting) >= self.queue_max:
                raise QueueFull(
                    f"Every query process is busy and {len(self._waiting)} queries are waiting: try again later "
                    "(or start the endpoint with more --workers or a longer --queue)",
                    self._retry_after(),
                )
            bisect.insort(self._waiting, me)
            try:
                while True:
                    if self._failure:
                        raise GraphError(self._failure)
                    now = time.monotonic()
                    if now >= deadline:
                        raise QueryTimeout(
                            f"The query waited {now - arrival:.1f} s for a free query process and reached the "
                            f"time limit of {timeout:g} s without running: try again later (or start the "
                            "endpoint with more --workers)"
                        )
                    if self._idle and self._waiting[0] == me:
                        return self._idle.pop(), False
                    wake = deadline
                    if reserve_ok:
                        due = arrival + RESERVE_AFTER_S
                        ahead = next(w for w in self._waiting if w[2] and w[0] + RESERVE_AFTER_S <= now or w == me)
                        if now >= due and self._spare and ahead == me:
                            return self._spare.pop(), True
                        if now < due:
                            wake = min(wake, due)
                    self._cond.wait(max(0.0, wake - now))
            finally:
                self._waiting.remove(me)
                self._cond.notify_all()

    def run(self, job: dict, *, timeout: float, arrival: float | None = None) -> tuple:
        """Run ``job`` by ``arrival`` (default: now) + ``timeout`` seconds (QueryTimeout past it)."""
        arrival = time.monotonic() if arrival is None else arrival
        deadline = arrival + timeout
        reserve_ok, first = job["kind"] == "query", True  # the page is never quick: it waits for a regular worker
        while True:
            worker, spare = self._take(arrival, deadline, reserve_ok, timeout, first)
            first = False
            home = self._spare if spare else self._idle
            limit = deadline - time.monotonic()
            if spare:
                limit = min(limit, RESERVE_LIMIT_S)
            with self._cond:
                self._seq += 1
                key = self._seq
                self._running[key] = time.monotonic() + limit
            proc, conn = worker
            try:
                conn.send(job)
                if conn.poll(max(0.0, limit)):
                    reply = conn.recv()
                    with self._cond:
                        home.append(worker)
                        self._cond.notify_all()
                    return reply
                stopped = True
            except (EOFError, OSError):
                stopped = False
            finally:
                with self._cond:
                    self._running.pop(key, None)
            self._replace(worker, home)
            if not stopped:
                return ("error", str(QueryError(f"The query process ended while running the {job['kind']}")))
            if spare and time.monotonic() < deadline:
                reserve_ok = False  # not a cheap query: wait for a regular worker, within the same deadline
                continue
            raise QueryTimeout(
                f"The {job['kind']} ran past the time limit of {timeout:g} s and was stopped "
                "(start the endpoint with a larger --timeout, or narrow the query)"
            )

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)


# -- the HTTP side ---------------------------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/1"
    endpoint: Endpoint  # set on the subclass made per endpoint

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            return self._page()
        if url.path != "/sparql":
            return self._text(404, f"Nothing at {url.path}: the SPARQL endpoint is /sparql, the graph page /")
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._text(405, "Send SPARQL Update with POST (form field 'update' or application/sparql-update)")
        if "query" not in params:
            return self._text(
                400,
                "No query: GET /sparql?query=... or POST one (SPARQL 1.1 Protocol), e.g.\n"
                f"curl --data-urlencode 'query=ASK {{}}' {self.endpoint.url}",
            )
        self._query(params)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._text(404, f"Nothing at {url.path}: the SPARQL endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._text(413, f"The request body is over {MAX_BODY // 2**20} MiB")
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/sparql-update":
            params["update"] = [body]
        else:
            return self._text(
                415,
                "POST a form (application/x-www-form-urlencoded), application/sparql-query "
                "or application/sparql-update",
            )
        if ("query" in params) == ("update" in params):
            return self._text(400, "Give exactly one of 'query' and 'update'")
        if "update" in params:
            return self._update(params)
        self._query(params)

    def do_OPTIONS(self) -> None:
        self._send(204, "text/plain", b"", extra={"Allow": "GET, POST, OPTIONS"})

    def _query(self, params: dict) -> None:
        if len(params["query"]) != 1:
            return self._text(400, "Give one query")
        accept = self.headers.get("Accept")
        wanted = []  # `format` / `output` values: names (json, csv, ...) or media types; unknown ones ignored
        for name in params.get("format", []) + params.get("output", []):
            name = name.strip().lower()
            if "/" in name:
                wanted.append(name)
            else:
                wanted += [t for t in (FORMAT_NAMES["solutions"].get(name), FORMAT_NAMES["graph"].get(name)) if t]
        if wanted:
            accept = ", ".join(wanted)
        job = {
            "kind": "query",
            "text": params["query"][0],
            "accept": accept,
            "default": params.get("default-graph-uri", []),
            "named": params.get("named-graph-uri", []),
        }
        self._reply(job)

    def _update(self, params: dict) -> None:
        if not self.endpoint.allow_update:
            return self._text(
                403,
                str(
                    QueryError(
                        "This endpoint is read-only: start it with "
                        "`kg serve STORE --allow-update` to accept SPARQL Update"
                    )
                ),
            )
        self._reply({"kind": "update", "text": params["update"][0]})

    def parse_request(self) -> bool:
        self.arrived = time.monotonic()  # the request line is in: the time limit counts from here
        return super().parse_request()

    def _reply(self, job: dict) -> None:
        try:
            reply = self.endpoint.pool.run(job, timeout=self.endpoint.timeout, arrival=self.arrived)
        except QueueFull as err:
            return self._send(
                503,
                "text/plain; charset=utf-8",
                (str(err) + "\n").encode("utf-8"),
                extra={"Retry-After": str(err.retry_after)},
            )
        except QueryTimeout as err:
            return self._text(503, str(err))
        except GraphError as err:  # no worker could be restarted
            return self._text(500, str(err))
        status = {"ok": 200, "bad": 400, "unacceptable": 406, "error": 500}[reply[0]]
        if status != 200:
            return self._text(status, reply[1])
        if job["kind"] == "update":
            self.endpoint.changed()
            return self._send(204, "text/plain", b"")
        self._send(200, reply[1], reply[2])

    def _page(self) -> None:
        try:
            page = self.endpoint.page()
        except Exception as err:  # the page is a convenience: report, keep serving
            return self._text(500, f"Can't draw the graph page: {err}")
        self._send(200, "text/html; charset=utf-8", page)

    def _text(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: int, media: str, body: bytes, extra: dict | None = None) -> None:
        if media.startswith(CHARSET_TYPES) and "charset" not in media:
            media += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if self.endpoint.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        if not self.endpoint.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")


class Endpoint:
    """The endpoint over ``source`` (a store directory or a graph file); ``port=0`` picks a free port.

    ``queue`` bounds the requests waiting for a worker (default: twice ``workers``);
    ``reserve`` is the number of reserve workers (0: none, as before issue 11).
    """

    def __init__(
        self,
        source: str | Path,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        allow_update: bool = False,
        timeout: float = 30.0,
        workers: int = 2,
        queue: int | None = None,
        reserve: int = 1,
        cors: bool = False,
        quiet: bool = False,
    ):
        self.name, self.allow_update, self.timeout = Path(source).name, allow_update, timeout
        self.cors, self.quiet = cors, quiet
        self._tmp: str | None = None
        self._serving = False
        self.httpd = None
        self._page_cache: tuple[tuple, bytes] | None = None
        self._page_lock = threading.Lock()
        self.generation = 0
        self.pool = None
        try:
            location = self._location(Path(source))
            self.pool = WorkerPool(
                location,
                size=workers,
                writable=allow_update,
                prefixes=dict(PREFIXES),
                queue=queue,
                reserve=reserve,
            )
            self.httpd = ThreadingHTTPServer((host, port), type("BoundHandler", (Handler,), {"endpoint": self}))
        except BaseException as err:
            self.close()  # no worker or temporary store left behind
            if isinstance(err, OSError):
                raise GraphError(f"Can't listen on {host}:{port}: {err} (choose another --port)") from err
            raise
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.url = f"http://{host}:{port}/sparql"

    def _location(self, source: Path) -> str:
        if source.is_dir() and is_store(source):
            # opening checks the store (and creates the database of a new one) before workers start
            with PersistentStore.open(source, write=self.allow_update) as store:
                return str(store.database)
        memory = open_store(source)  # a graph file: parsed once, shared through a temporary store
        self._tmp = tempfile.mkdtemp(prefix="kg-serve-")
        disk = ox.Store(os.path.join(self._tmp, "db"))
        disk.bulk_extend(memory)
        disk.flush()
        del disk, memory
        return os.path.join(self._tmp, "db")

    def changed(self) -> None:
        self.generation += 1

    def page(self) -> bytes:
        """The interactive page of the actor network; redrawn after an update, or a minute
        later (articles may have been added by a build beside us)."""
        with self._page_lock:
            key = (self.generation, int(time.monotonic() // PAGE_TTL_S))
            if self._page_cache and self._page_cache[0] == key:
                return self._page_cache[1]
            reply = self.pool.run(
                {"kind": "page", "title": f"Actor network: {self.name}"}, timeout=max(self.timeout, 300.0)
            )
            if reply[0] != "ok":
                raise GraphError(reply[1])
            page = reply[2]
            self._page_cache = (key, page)
            return page

    def serve_forever(self) -> None:
        self._serving = True
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        finally:
            self._serving = False

    def start(self) -> Endpoint:
        """Serve from a background thread (for tests and notebooks); :meth:`close` stops it."""
        self._serving = True
        threading.Thread(target=self.serve_forever, name="kg-sparql", daemon=True).start()
        return self

    def close(self) -> None:
        """Stop listening, stop the workers, remove the temporary store of a graph file."""
        if getattr(self, "httpd", None) is not None:
            if self._serving:
                self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        if self.pool is not None:
            self.pool.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
