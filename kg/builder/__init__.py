"""Building: the one loop that streams resolved articles into outputs (:mod:`kg.builder.loop`),
its sinks, the fan-out over processes and clusters, and the network drawn after it."""

from kg.builder.loop import (
    BuildResult,
    StoreBuild,
    build,
    build_in_memory,
    build_into_store,
    no_articles,
    run,
    write_files,
)
from kg.builder.sinks import ExtractionsSink, GraphFileSink, MemorySink, Sink, StoreSink
from kg.builder.summary import BuildSummary

__all__ = [
    "BuildResult",
    "BuildSummary",
    "ExtractionsSink",
    "GraphFileSink",
    "MemorySink",
    "Sink",
    "StoreBuild",
    "StoreSink",
    "build",
    "build_in_memory",
    "build_into_store",
    "no_articles",
    "run",
    "write_files",
]
