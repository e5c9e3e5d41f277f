"""Where the bundled ontology, shapes and gazetteer files are."""

from __future__ import annotations

from pathlib import Path

from kg.errors import OntologyError


def ontology_file(name: str) -> Path:
    """Path of a bundled file in ``ontologies/`` (``kg.ttl``, ``shapes.ttl``, ``gazetteer.ttl``)."""
    candidates = []
    try:
        from importlib.resources import files

        candidates.append(Path(str(files("kg.ontologies") / name)))
    except (ModuleNotFoundError, TypeError):
        pass
    candidates.append(Path(__file__).resolve().parents[1] / "ontologies" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise OntologyError(
        f"The bundled file ontologies/{name} is missing: reinstall kg (`pip install -e .`)"
    )
