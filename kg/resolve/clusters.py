"""One article's mentions while they are being clustered into entities.

A union-find over mention ids: a cluster is named by its smallest mention id. What the
linking rules ask of the clusters (which clusters there are, what class each has) is
computed once per state of the clusters and kept until the next join.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from heapq import merge

from kg.ontology import local
from kg.types import Extraction, Mention

# the kinds of mention that name an entity; pronouns, nominals and "we" only join one
ANCHOR_KINDS = ("name", "demonym", "body")
# how sure the extractor was of a mention's class: "cue" is syntax or name words
STRENGTH = {"gazetteer": 3, "metonym": 3, "cue": 2, "model": 1}


class ArticleClusters:
    """The mentions of one article, grouped into clusters that rules join."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.mentions = list(ex.mentions)
        self.by_id = {m.id: m for m in self.mentions}
        self._parent = {m.id: m.id for m in self.mentions}
        self._version = 0  # bumped by every join; the cache below belongs to one version
        self._groups: tuple[int, dict[int, list[Mention]]] | None = None
        # kept up to date by every join, so that no rule rescans the article per join:
        self._members = {m.id: [m] for m in self.mentions}  # cluster id -> mentions, in text order
        self._votes: dict[int, str] = {}  # cluster id -> its class_of, until its next join
        self._anchored = {m.id for m in self.mentions if m.kind in ANCHOR_KINDS}
        self._by_sent: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self._by_sent[m.sent].append(m)

    def retype(self, x: int, cls: str, typed_by: str = "cue") -> None:
        """Mention ``x`` is of class ``cls`` after all: a join showed it ("Dembele", which
        the model took for a place, is the surname of "Amadou Dembele")."""
        m = replace(self.by_id[x], cls=cls, typed_by=typed_by)
        self.by_id[x] = m
        self.mentions = [m if old.id == x else old for old in self.mentions]
        root = self.find(x)
        self._members[root] = [m if old.id == x else old for old in self._members[root]]
        self._votes.pop(root, None)
        self._version += 1

    def find(self, x: int) -> int:
        """The id of the cluster mention ``x`` is in."""
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self._parent[rb] = ra
            self._members[ra] = list(merge(self._members[ra], self._members.pop(rb), key=lambda m: m.id))
            self._votes.pop(ra, None)
            self._votes.pop(rb, None)
            if rb in self._anchored:
                self._anchored.discard(rb)
                self._anchored.add(ra)
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

    def groups_near(self, sentences: range, before: int) -> dict[int, list[Mention]]:
        """The clusters of :meth:`groups` with a mention in ``sentences`` that starts before
        character ``before``, in the same order: all a salience window can reach."""
        roots = {self.find(m.id) for s in sentences for m in self._by_sent.get(s, ()) if m.start < before}
        out = {}
        for root in roots:
            group = [m for m in self._members[root] if m.kind in ANCHOR_KINDS or m.id != root]
            if group:
                out[root] = group
        return dict(sorted(out.items(), key=lambda item: item[1][0].id))

    def members(self, cid: int) -> list[Mention]:
        """Every mention in the cluster of ``cid``, in text order."""
        return list(self._members[self.find(cid)])

    def class_of(self, cid: int) -> str:
        """The local class name the mentions of ``cid``'s cluster vote for ("ArmedGroup")."""
        root = self.find(cid)
        if root not in self._votes:
            self._votes[root] = local(vote_class(self._members[root]))
        return self._votes[root]

    def anchored_roots(self) -> set[int]:
        """The clusters that hold a name, a demonym or a body."""
        return set(self._anchored)


def vote_class(members: list[Mention]) -> str:
    """The class the strongest evidence gives; ties go to the majority, then the first."""
    strongest = max(STRENGTH.get(m.typed_by, 0) for m in members)
    votes = Counter(m.cls for m in members if STRENGTH.get(m.typed_by, 0) == strongest and m.kind != "pronoun")
    if not votes:
        votes = Counter(m.cls for m in members)
    return votes.most_common(1)[0][0]
