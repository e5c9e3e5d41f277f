"""The actor network: RDF graph -> networkx graph, measures, report and exports.

    G = project(load_graph("out/graph.ttl"))    # nx.Graph of actors
    print(format_report(build_report(G)))
"""

from __future__ import annotations

from kg.analyze.project import project
from kg.analyze.report import annotate, build_report, format_report, summary_lines

__all__ = ["annotate", "build_report", "format_report", "project", "summary_lines"]
