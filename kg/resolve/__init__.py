"""From mentions to entities: aliases, acronyms, coreference, canonical names, IRIs."""

from kg.resolve.entities import EntityTable, resolve_article

__all__ = ["EntityTable", "resolve_article"]
