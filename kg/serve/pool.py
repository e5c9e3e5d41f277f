"""The endpoint's worker processes and how requests are scheduled on them.

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
import threading
import time

import pyoxigraph as ox

from kg.analyze import project
from kg.errors import GraphError, QueryError
from kg.lifeline import exit_with
from kg.render import render_html
from kg.serve.media import GRAPH_TYPES, SOLUTION_TYPES, negotiate
from kg.store.persistent import apply_update
from kg.store.query import syntax_message
from kg.store.sink import StoreView
from kg.store.source import default_graph_is_empty

G = ox.RdfFormat
REFRESH_S = 1.0  # a read-only worker reopens the store at most this often, to see new articles
# the reserve: a query that has waited RESERVE_AFTER_S for a worker may run on the reserve
# worker for up to RESERVE_LIMIT_S; past that it is stopped and waits for a regular worker
RESERVE_AFTER_S = 0.2
RESERVE_LIMIT_S = 1.0


# -- worker processes ------------------------------------------------------------------------
def _worker(conn, location: str, writable: bool, prefixes: dict[str, str], parent: int) -> None:
    """A worker process: open the store, then answer jobs from ``conn`` one at a time."""
    exit_with(parent)
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
            args=(child, self.location, self.writable, self.prefixes, os.getpid()),
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
