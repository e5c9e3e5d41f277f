"""One article's mentions while they are being clustered into entities.

A union-find over mention ids: a cluster is named by its smallest mention id. What the
linking rules ask of the clusters (which clusters there are, what class each has) is
computed once per state of the clusters and kept until the next join.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from kg.ontology import local
from kg.types import Extraction, Mention

# the kinds of mention that name an entity; pronouns, nominals and "we" only join one
ANCHOR_KINDS = ("name", "demonym", "body")
# how sure the extractor was of a mention's class: "cue" is syntax or name words
STRENGTH = {"gazetteer": 3, "cue": 2, "model": 1}


class ArticleClusters:
    """The mentions of one article, grouped into clusters that rules join."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.mentions = list(ex.mentions)
        self.by_id = {m.id: m for m in self.mentions}
        self._parent = {m.id: m.id for m in self.mentions}
        self._version = 0  # bumped by every join; the caches below belong to one version
        self._groups: tuple[int, dict[int, list[Mention]]] | None = None
        self._classes: tuple[int, dict[int, list[Mention]], dict[int, str]] | None = None

    def retype(self, x: int, cls: str, typed_by: str = "cue") -> None:
        """Mention ``x`` is of class ``cls`` after all: a join showed it ("Kouffa", which
        the model took for a place, is the surname of "Amadou Kouffa")."""
        m = replace(self.by_id[x], cls=cls, typed_by=typed_by)
        self.by_id[x] = m
        self.mentions = [m if old.id == x else old for old in self.mentions]
        self._version += 1

    def find(self, x: int) -> int:
        """The id of the cluster mention ``x`` is in."""
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
            self._version += 1

    def groups(self) -> dict[int, list[Mention]]:
        """Cluster id -> its mentions, for clusters with a name or with more than one mention.

        The caller must not change the lists: they are kept until the next join.
        """
        if self._groups is None or self._groups[0] != self._version:
            out: dict[int, list[Mention]] = defaultdict(list)
            for m in self.mentions:
                root = self.find(m.id)
                if m.kind in ANCHOR_KINDS or root != m.id:
                    out[root].append(m)
            self._groups = (self._version, out)
        return self._groups[1]

    def members(self, cid: int) -> list[Mention]:
        """Every mention in the cluster of ``cid``, in text order."""
        root = self.find(cid)
        return [m for m in self.mentions if self.find(m.id) == root]

    def class_of(self, cid: int) -> str:
        """The local class name the mentions of ``cid``'s cluster vote for ("ArmedGroup")."""
        if self._classes is None or self._classes[0] != self._version:
            by_root: dict[int, list[Mention]] = defaultdict(list)
            for m in self.mentions:
                by_root[self.find(m.id)].append(m)
            self._classes = (self._version, by_root, {})
        _, by_root, votes = self._classes
        root = self.find(cid)
        if root not in votes:
            votes[root] = local(vote_class(by_root[root]))
        return votes[root]

    def anchored_roots(self) -> set[int]:
        """The clusters that hold a name, a demonym or a body."""
        return {self.find(m.id) for m in self.mentions if m.kind in ANCHOR_KINDS}


def vote_class(members: list[Mention]) -> str:
    """The class the strongest evidence gives; ties go to the majority, then the first."""
    strongest = max(STRENGTH.get(m.typed_by, 0) for m in members)
    votes = Counter(m.cls for m in members if STRENGTH.get(m.typed_by, 0) == strongest and m.kind != "pronoun")
    if not votes:
        votes = Counter(m.cls for m in members)
    return votes.most_common(1)[0][0]
