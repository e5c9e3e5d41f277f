"""The actor network: RDF graph -> networkx graph, measures, report, diff and exports.

G = project_file("out/graph.ttl")    # nx.Graph of actors (a store directory works too)
print(format_report(build_report(G)))
print(format_diff(diff_files("monday/graph.ttl", "kgstore")))
"""

from __future__ import annotations

from kg.analyze.diff import diff_files, format_diff
from kg.analyze.project import project, project_file
from kg.analyze.report import annotate, build_report, format_report, network_lines

__all__ = [
    "annotate",
    "build_report",
    "diff_files",
    "format_diff",
    "format_report",
    "project",
    "project_file",
    "network_lines",
]
