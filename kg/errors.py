"""The exceptions kg raises, each with a stable code a user can search for.

Library code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations

import errno


class KGError(Exception):
    """Base class: ``str(err)`` is a complete message that says what to do."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class InputError(KGError):
    """An input file or stream could not be read as news articles."""

    code = "E001"


class ModelNotFound(KGError):
    """No usable spaCy English model is installed."""

    code = "E002"


class OntologyError(KGError):
    """The ontology, shapes or a gazetteer file is missing or invalid."""

    code = "E003"


class QueryError(KGError):
    """A SPARQL query could not be parsed or run."""

    code = "E004"


class GraphError(KGError):
    """A graph file could not be read or written."""

    code = "E005"


class NoArticles(KGError):
    """A build was given inputs but none of them held a readable article."""

    code = "E006"


class ClusterError(KGError):
    """A Dask cluster could not be reached or used."""

    code = "E007"


class NotInGraph(KGError):
    """A name given by the user (an actor, a type) matches nothing in the graph, or several actors."""

    code = "E008"


class OutputError(KGError):
    """An output file or directory could not be written."""

    code = "E009"

    @classmethod
    def from_oserror(cls, err: OSError, target: object = None) -> OutputError:
        """The error for ``err``, met writing ``target`` (the output as the user named it)."""
        where = target if target is not None else err.filename
        reason = (err.strerror or str(err) or type(err).__name__).strip().rstrip(".")
        advice = _OUTPUT_ADVICE.get(err.errno, "choose an output location you can write to")
        return cls(f"Cannot write '{where}': {reason}; {advice}".replace("\n", " "))


_OUTPUT_ADVICE = {
    errno.ENOSPC: "free some disk space or write elsewhere",
    errno.EDQUOT: "free some disk space or write elsewhere",
    errno.ENOTDIR: "give a directory, not a file, for the outputs",
    errno.EISDIR: "give a file name, not a directory",
    errno.EROFS: "the file system is read-only: write elsewhere",
}
