"""The short report printed after a build: what went in and what came out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.ontology import local as _local
from kg.types import ResolvedArticle, Skipped


class BuildSummary:
    """Counts a build article by article, so nothing of the corpus needs keeping."""

    def __init__(self) -> None:
        self.articles = 0
        self.skipped: list[Skipped] = []
        self.entity_class: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.relation_types: Counter[str] = Counter()
        self.event_types: Counter[str] = Counter()
        self.degree: Counter[str] = Counter()
        self._seen: set = set()
        self.outputs: list[Path] = []  # the files and stores the build wrote
        self.output_lines: list[str] = []  # what the outputs say of themselves (the network's measures)

    def add(self, resolved: ResolvedArticle) -> None:
        self.articles += 1
        for iri, ent in resolved.entities.items():
            self.entity_class.setdefault(iri, ent.cls)
            self.labels.setdefault(iri, ent.label)
        ents = resolved.mention_entity
        for rel in [*resolved.extraction.relations, *resolved.relations]:
            s, o = ents.get(rel.subject), ents.get(rel.object)
            if s is None or o is None or s == o or (s, rel.predicate, o) in self._seen:
                continue
            self._seen.add((s, rel.predicate, o))
            self.relation_types[_local(rel.predicate)] += 1
            self.degree[s] += 1
            self.degree[o] += 1
        events = {e.id: e for e in resolved.extraction.events}
        self.event_types.update(_local(e.cls) for e in events.values())

    def lines(self, *, top: int = 5) -> list[str]:
        """Articles, skipped inputs, entities by type, relations by type, most connected actors."""
        lines = [f"articles: {self.articles}"]
        if self.skipped:
            lines.append(f"skipped:  {len(self.skipped)}")
            lines += [f"  - {skip_message(s)}" for s in self.skipped]
        by_type = Counter(_local(c) for c in self.entity_class.values())
        lines.append(_counted("entities", by_type))
        lines.append(_counted("relations", self.relation_types))
        lines.append(_counted("events", self.event_types))
        if self.degree:
            lines.append("most connected actors:")
            for iri, n in self.degree.most_common(top):
                label, cls = self.labels[iri], _local(self.entity_class[iri])
                lines.append(f"  {label} ({cls}): {n} relation{'s' if n != 1 else ''}")
        return lines + self.output_lines


def skip_message(skipped: Skipped) -> str:
    """What was skipped and why, naming the location once (most reasons already start with it)."""
    reason = skipped.reason
    if reason.startswith(skipped.origin):
        reason = reason[len(skipped.origin) :].lstrip(" :")
    return f"{skipped.origin}: {reason}"


def _counted(name: str, counts: Counter) -> str:
    detail = ", ".join(f"{k} {v}" for k, v in counts.most_common())
    return f"{name + ':':<11}{sum(counts.values())}" + (f"  ({detail})" if detail else "")
