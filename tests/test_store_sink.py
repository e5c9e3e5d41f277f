"""The build's graph sink: a large graph moves to disk and the outputs do not change."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("fmt,suffix,named", [("turtle", ".ttl", False), ("trig", ".trig", True)])
def test_store_sink_spilled_to_disk_writes_the_same_graph_and_network(example_result, tmp_path, fmt, suffix, named):
    from kg.analyze import project
    from kg.rdf.build import article_graph
    from kg.store.sink import GraphSink, network_view

    graphs = [article_graph(r) for r in example_result.extractions]
    results = {}
    for spill in (10**9, 100):  # in memory throughout; on disk after the first 100 quads
        with GraphSink(named=named, spill=spill) as sink:
            for g in graphs:
                sink.add(g, str(g.identifier))
            on_disk = sink.directory
            assert (on_disk is not None) == (spill == 100)
            path = sink.dump(tmp_path / f"{spill}{suffix}", fmt)
            G = project(network_view(sink))
        assert on_disk is None or not os.path.exists(on_disk)  # the temporary store is gone
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.TRIG if named else ox.RdfFormat.TURTLE)
        results[spill] = (set(store), dict(G.nodes(data=True)), sorted(map(repr, G.edges(data=True))))
    in_memory, spilled = results.values()
    assert in_memory[0] and in_memory == spilled
