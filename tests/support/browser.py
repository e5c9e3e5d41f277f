"""Open a page written by ``kg render`` in headless Chromium, offline, and report what happened.

Used by the browser tests and ``bench/render_bench.py``. It speaks the DevTools
protocol over ``--remote-debugging-pipe`` (file descriptors 3 and 4), so it needs no
Python package beyond the standard library, only a ``chromium`` binary. Networking is
off three ways: DevTools' offline emulation, a host resolver that resolves nothing and
a proxy that does not exist; any request that is not ``file:`` or ``data:`` is recorded.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


@dataclass
class PageRun:
    """What a page did: its state attributes, errors, requests, timings and a screenshot."""

    state: str = ""
    stable_ms: float | None = None  # navigation start -> physics stopped (page's own clock)
    drawn_ms: float | None = None
    start_ms: float | None = None  # navigation start -> the page's script began (parsing done)
    wall_s: float = 0.0  # navigate -> state "stable", measured here
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # URLs other than file: and data:
    title: str = ""
    values: dict = field(default_factory=dict)  # results of the ``evaluate`` expressions
    screenshot: bytes = b""


def find_chromium() -> str | None:
    """The path of a Chromium binary, or None."""
    override = os.environ.get("KG_CHROMIUM")
    if override:
        return shutil.which(override) or (override if Path(override).is_file() else None)
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


def open_page(
    path: str | Path,
    *,
    timeout: float = 60.0,
    width: int = 1280,
    height: int = 800,
    evaluate: dict[str, str] | None = None,
    mouse_at: str | None = None,
    chromium: str | None = None,
) -> PageRun:
    """Load ``path`` from a file: URL, wait until the layout is stable (or ``timeout``), inspect it.

    ``mouse_at`` is a JavaScript expression giving ``[x, y]`` in the viewport: the mouse
    moves there before ``evaluate`` (names -> JavaScript expressions) is run, so that
    tooltips can be checked. Values end up in ``values``.
    """
    binary = chromium or find_chromium()
    if not binary:
        raise FileNotFoundError("no chromium binary: install Debian's `chromium` package")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, _Browser(binary, profile) as browser:
        return browser.run(Path(path).resolve().as_uri(), timeout, width, height, evaluate or {}, mouse_at)


class _Browser:
    def __init__(self, binary: str, profile: str):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # move the child's ends above 9, so that renumbering them to 3 and 4 clobbers nothing
        to_chrome_r, from_chrome_w = (_high(fd) for fd in (to_chrome_r, from_chrome_w))
        self._proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=lambda: (os.dup2(to_chrome_r, 3), os.dup2(from_chrome_w, 4)),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue = queue.Queue()
        self._lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def __enter__(self) -> _Browser:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._lock:
                    self._replies[-1] = {"closed": True}
                    self._lock.notify_all()
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        self._replies[message["id"]] = message
                        self._lock.notify_all()
                else:
                    self._events.put(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30.0) -> dict:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._replies:
                if -1 in self._replies or not self._lock.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise TimeoutError(f"chromium did not answer {method}")
            reply = self._replies.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def run(
        self, url: str, timeout: float, width: int, height: int, evaluate: dict[str, str], mouse_at: str | None
    ) -> PageRun:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.send(method, session=session)
        self.send(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            session=session,
        )
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        run = PageRun()
        start = time.monotonic()
        self.send("Page.navigate", {"url": url}, session=session)
        state = ""
        while time.monotonic() - start < timeout:
            state = self._eval(session, "document.body ? document.body.dataset.kgState || '' : ''") or ""
            if state == "stable":
                break
            time.sleep(0.05)
        run.wall_s = time.monotonic() - start
        time.sleep(0.3)  # let the final frame paint
        run.state = state
        dataset = self._eval(session, "JSON.stringify(Object.assign({}, document.body.dataset))")
        dataset = json.loads(dataset or "{}")
        run.stable_ms = float(dataset["kgStableMs"]) if "kgStableMs" in dataset else None
        run.drawn_ms = float(dataset["kgDrawnMs"]) if "kgDrawnMs" in dataset else None
        run.start_ms = float(dataset["kgStartMs"]) if "kgStartMs" in dataset else None
        if mouse_at:
            x, y = self._eval(session, mouse_at) or (0, 0)
            for dx in (-3, 0):  # vis-network reacts to movement, not to a position
                self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y}, session=session)
                time.sleep(0.1)
            time.sleep(0.8)  # tooltipDelay, then the popup is shown
        run.title = self._eval(session, "document.title") or ""
        run.values = {name: self._eval(session, expr) for name, expr in evaluate.items()}
        shot = self.send("Page.captureScreenshot", {"format": "png"}, session=session)
        run.screenshot = base64.b64decode(shot["data"])
        self._collect(run)
        return run

    def _eval(self, session: str, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def _collect(self, run: PageRun) -> None:
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                return
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                run.errors.append(
                    "exception: " + str(details.get("exception", {}).get("description") or details.get("text"))
                )
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                run.errors.append(
                    "console.error: "
                    + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                )
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                run.errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith(("file:", "data:", "about:")):
                    run.requests.append(url)


def _high(fd: int) -> int:
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def png_size_and_colours(png: bytes, limit: int = 4096) -> tuple[int, int, int]:
    """(width, height, number of distinct pixel colours, counted up to ``limit``) of a PNG.

    A small decoder for 8-bit RGB/RGBA/grey PNGs (what Chromium writes), so tests can
    tell a drawn network from a blank canvas without an imaging library.
    """
    import struct
    import zlib

    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        chunk = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or interlace or colour_type not in (0, 2, 4, 6):
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour_type]
    raw, stride = zlib.decompress(idat), width * bpp
    previous, seen, offset = bytearray(stride), set(), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if len(seen) < limit:
            seen.update(bytes(line[i : i + bpp]) for i in range(0, stride, bpp))
        previous = line
    return width, height, min(len(seen), limit)
