"""Shared fixtures. Model-loading fixtures are session-scoped: the model loads once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_ARTICLE = EXAMPLES / "articles" / "us-airstrikes-iraq-syria-2021-06-28.txt"
QUERIES = sorted((EXAMPLES / "queries").glob("*.rq"))
DATA = Path(__file__).resolve().parent / "data"
SECOND_ARTICLE = DATA / "articles" / "red-sea-strikes-2024-01-12.txt"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline (model + gazetteer) for the whole session."""
    from kg.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_result(pipeline):
    """The bundled example article run through the real pipeline (a BuildResult)."""
    return pipeline.run([EXAMPLE_ARTICLE])


@pytest.fixture(scope="session")
def example_dataset(example_result):
    """The bundled example article built into an rdflib Dataset by the real pipeline."""
    return example_result.dataset


@pytest.fixture(scope="session")
def example_graph(example_dataset):
    """The example's graph as one rdflib Graph (the union of its named graphs)."""
    from kg.store.files import union_graph

    return union_graph(example_dataset)


@pytest.fixture(scope="session")
def example_out(tmp_path_factory):
    """What `kg build examples/articles -o OUT` writes, run through the real CLI."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("example-out")
    assert main(["build", str(EXAMPLES / "articles"), "-o", str(out), "-q"]) == 0
    return out
