"""The actor network of a build, drawn once its graph is complete: page and node-link JSON."""

from __future__ import annotations

from pathlib import Path

from kg.analyze import annotate, network_lines, project
from kg.analyze.export import write_network_json
from kg.analyze.project import DEFAULT_TRUST, Trust
from kg.builder.sinks import GraphFileSink, Sink
from kg.builder.summary import BuildSummary
from kg.render.html import page_title, write_html
from kg.store.sink import network_view
from kg.types import ResolvedArticle


class NetworkSink(Sink):
    """``graph.html`` (the interactive page) and ``network.json``, projected from the
    quads ``graph`` collected; its measures go to the build summary."""

    def __init__(self, graph: GraphFileSink, outdir: str | Path, *, trust: Trust = DEFAULT_TRUST):
        self.graph, self.outdir, self.trust = graph, Path(outdir), trust

    def add(self, resolved: ResolvedArticle) -> None:
        pass  # the network is projected from the finished graph

    def finish(self, summary: BuildSummary) -> list[Path]:
        G = annotate(project(network_view(self.graph.graphs), trust=self.trust))
        summary.output_lines += network_lines(G)
        return [
            write_html(G, self.outdir / "graph.html", title=page_title(summary.articles)),
            write_network_json(G, self.outdir / "network.json"),
        ]
