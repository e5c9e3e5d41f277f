"""kg: news articles in, a knowledge graph of who did what to whom out.

The library comes first; the ``kg`` command is a thin layer over it::

    import kg
    ds = kg.build(["examples/articles"])          # rdflib Dataset, one graph per article
    rows = kg.query(ds, "SELECT ?s WHERE { ?s kg:designated ?o }")

Nothing is loaded at import time: spaCy and the model load on the first build.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"
__all__ = ["build", "query", "Pipeline"]

# the public names, imported on first use so that `import kg` stays instant
_LAZY = {"build": "kg.builder.loop", "Pipeline": "kg.pipeline", "query": "kg.store.query"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
