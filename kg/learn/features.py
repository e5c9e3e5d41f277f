"""Sparse features of a pair of names for the relation classifier, as strings.

The classes of the two names, their order and distance, the words between and around
them, and the dependency path that joins them (hashed by :mod:`kg.learn.linear`). None
of them names an actor or a benchmark sentence.
"""

from __future__ import annotations

from kg.extract.syntax import dependency_path
from kg.ontology import local

# coarse kind of a kg class local name, as the relation classifier sees it
COARSE = {
    "Person": "PER",
    "Organization": "ORG",
    "ArmedGroup": "ORG",
    "GovernmentBody": "ORG",
    "Military": "ORG",
    "NewsOrganization": "ORG",
    "State": "LOC",
    "City": "LOC",
    "Place": "LOC",
}


def pair_features(doc, a, b, a_cls: str, b_cls: str) -> list[str]:
    """Features of the ordered pair (``a``, ``b``) of spaCy spans with kg classes."""
    ca, cb = local(a_cls), local(b_cls)
    ka, kb = COARSE.get(ca, "X"), COARSE.get(cb, "X")
    types = ka + ">" + kb
    order = "ab" if a.start < b.start else "ba"
    first, second = (a, b) if order == "ab" else (b, a)
    between = doc[first.end : second.start]
    words = [t for t in between if not t.is_punct or t.text in (",", "(", "'s")]
    f = [
        "bias",
        "types=" + types,
        "cls=" + ca + ">" + cb,
        "order=" + order,
        "to=" + types + order,
        "dist=" + str(min(len(between), 10) if len(between) <= 10 else 10 + len(between) // 10),
    ]
    if len(between) <= 12:
        lemmas = [t.lemma_.lower() for t in words]
        for lem in set(lemmas):
            f.append("bw=" + lem)
            f.append(types + order + "|bw=" + lem)
        for x, y in zip(lemmas, lemmas[1:]):
            f.append("bb=" + x + "_" + y)
        if not words:
            f.append("adjacent")
        if len(words) <= 4:
            f.append("btw=" + " ".join(lemmas))
    else:
        f.append("far")
    for k in (1, 2):
        if first.start - k >= 0:
            f.append(f"before{k}=" + doc[first.start - k].lower_)
        if second.end + k - 1 < len(doc):
            f.append(f"after{k}=" + doc[second.end + k - 1].lower_)
    f += [
        "ha=" + a.root.lemma_.lower(),
        "hb=" + b.root.lemma_.lower(),
        "da=" + a.root.dep_,
        "db=" + b.root.dep_,
        "pa=" + a.root.head.lemma_.lower(),
        "pb=" + b.root.head.lemma_.lower(),
    ]
    up, down = dependency_path(a.root, b.root)
    deps = [("^" + t.dep_) for t in up[:-1]] + [("v" + t.dep_) for t in down]
    mid = [t.lemma_.lower() for t in up[1:]] + [t.lemma_.lower() for t in down[:-1]]
    f.append("path=" + types + "|" + " ".join(deps))
    f.append("plen=" + str(min(len(deps), 8)))
    if len(deps) <= 6:
        full = []
        for k, t in enumerate(up[:-1]):
            full.append("^" + t.dep_)
            full.append(up[k + 1].lemma_.lower())
        for t in down:
            full.append("v" + t.dep_)
        f.append("lpath=" + " ".join(full))
    lca = up[-1]
    f.append("lca=" + lca.lemma_.lower())
    f.append(types + "|lca=" + lca.lemma_.lower())
    for lem in set(mid):
        f.append("pw=" + lem)
        f.append(types + "|pw=" + lem)
    return f


__all__ = ["COARSE", "dependency_path", "pair_features"]
