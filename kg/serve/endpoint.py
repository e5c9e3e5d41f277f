"""A SPARQL 1.1 Protocol endpoint over a store or a graph file (``kg serve``).

``GET``/``POST /sparql`` answers queries (URL-encoded, form or ``application/sparql-query``
bodies) in SPARQL JSON, XML, CSV or TSV, and CONSTRUCT/DESCRIBE in Turtle, JSON-LD,
N-Triples or RDF/XML, chosen by the ``Accept`` header (or a ``format``/``output``
parameter). SPARQL Update (form or ``application/sparql-update``) is refused with 403
unless the endpoint was started with ``allow_update``. ``/`` is the interactive page of
the actor network (kg.render).

Queries run in worker processes (:mod:`kg.serve.pool`); media types are negotiated in
:mod:`kg.serve.media`.
"""

from __future__ import annotations

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

from kg.errors import GraphError, QueryError
from kg.rdf.vocab import PREFIXES
from kg.serve.media import CHARSET_TYPES, FORMAT_NAMES
from kg.serve.pool import QueryTimeout, QueueFull, WorkerPool
from kg.store.persistent import PersistentStore, is_store
from kg.store.source import open_store

MAX_BODY = 64 * 1024 * 1024
PAGE_TTL_S = 60.0


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
