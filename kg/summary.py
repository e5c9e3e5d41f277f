"""The short report printed after a build: what went in and what came out."""

from __future__ import annotations

from collections import Counter

EXIT_SKIPPED = 3  # some inputs could not be read; the graph holds all the others


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def summary_lines(result, *, top: int = 5) -> list[str]:
    """Articles, skipped inputs, entities by type, relations by type, most connected actors."""
    lines = [f"articles: {result.articles}"]
    if result.skipped:
        lines.append(f"skipped:  {len(result.skipped)}")
        lines += [f"  - {s.origin}: {s.reason}" for s in result.skipped]
    table = result.table
    by_type = Counter(_local(e.cls) for e in table.entities.values())
    lines.append(f"entities: {sum(by_type.values())}  (" + ", ".join(f"{k} {v}" for k, v in by_type.most_common()) + ")")
    rel_types: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    seen = set()
    for r in result.extractions:
        ents = r.mention_entity
        for rel in [*r.extraction.relations, *r.relations]:
            s, o = ents.get(rel.subject), ents.get(rel.object)
            if s is None or o is None or s == o:
                continue
            key = (s, rel.predicate, o)
            if key in seen:
                continue
            seen.add(key)
            rel_types[_local(rel.predicate)] += 1
            degree[s] += 1
            degree[o] += 1
    events = Counter(_local(ev.cls) for r in result.extractions for ev in {e.id: e for e in r.extraction.events}.values())
    lines.append(f"relations: {sum(rel_types.values())}  (" + ", ".join(f"{k} {v}" for k, v in rel_types.most_common()) + ")")
    lines.append(f"events:   {sum(events.values())}  (" + ", ".join(f"{k} {v}" for k, v in events.most_common()) + ")")
    if degree:
        lines.append("most connected actors:")
        for iri, n in degree.most_common(top):
            ent = table.entities[iri]
            lines.append(f"  {ent.label} ({_local(ent.cls)}): {n} relation{'s' if n != 1 else ''}")
    return lines
