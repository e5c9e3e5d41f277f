"""Worker processes that never outlive the process that started them.

A server or a build killed with ``kill -9`` cannot stop its workers; each worker
watches instead, and leaves when its parent has gone (the endpoint's query processes,
``kg build --jobs``'s NLP processes).
"""

from __future__ import annotations

import os
import threading
import time

POLL_S = 1.0


def exit_with(pid: int) -> None:
    """In a worker: exit as soon as process ``pid`` (the one that started it) has gone."""

    def watch() -> None:
        while _alive(pid):
            time.sleep(POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="kg-lifeline", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, and someone else's: not ours any more
        return False
    return True
