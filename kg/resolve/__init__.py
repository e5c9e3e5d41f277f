"""From mentions to entities: aliases, acronyms, coreference, canonical names, IRIs."""

from kg.resolve.entities import EntityTable, ResolvedArticle, resolve_article

__all__ = ["EntityTable", "ResolvedArticle", "resolve_article"]
