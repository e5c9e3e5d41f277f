"""A small linear model over hashed string features, in numpy alone.

:class:`SoftmaxClassifier` is multinomial logistic regression trained with AdaGrad; it
gives probabilities a threshold can act on.

Weights are saved as ``.npz`` (numpy arrays only, loaded with ``allow_pickle=False``)
next to a ``.json`` file with the labels and settings, so an artefact is data, never
code. Only the non-zero rows are stored.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DEFAULT_BUCKETS = 2**18


def hash_features(features: Sequence[str], buckets: int) -> np.ndarray:
    """Stable bucket ids of feature strings (crc32, the same in every process)."""
    return np.fromiter((zlib.crc32(f.encode("utf-8")) % buckets for f in features), dtype=np.int64, count=len(features))


def _save(path: Path, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path.with_suffix(".npz"), **arrays)
    path.with_suffix(".json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _load(path: Path) -> tuple[dict, dict[str, np.ndarray]]:
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    with np.load(path.with_suffix(".npz"), allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    return meta, arrays


def _sparse_rows(w: np.ndarray) -> dict[str, np.ndarray]:
    rows = np.flatnonzero(np.any(w != 0, axis=1))
    return {"rows": rows.astype(np.int32), "values": w[rows].astype(np.float16)}


def _dense(arrays: dict[str, np.ndarray], buckets: int, n_labels: int) -> np.ndarray:
    w = np.zeros((buckets, n_labels), dtype=np.float32)
    w[arrays["rows"]] = arrays["values"].astype(np.float32)
    return w


# -- classification -------------------------------------------------------------------------


class SoftmaxClassifier:
    """Multinomial logistic regression over hashed features; label 0 is "no relation"."""

    def __init__(self, labels: Sequence[str], *, buckets: int = DEFAULT_BUCKETS, meta: dict | None = None):
        self.labels = tuple(labels)
        self.buckets = buckets
        self.w = np.zeros((buckets, len(self.labels)), dtype=np.float32)
        self.b = np.zeros(len(self.labels), dtype=np.float32)
        self.meta = dict(meta or {})

    def proba(self, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        z = self.w[ids].sum(axis=0) + self.b
        if mask is not None:
            z = np.where(mask, z, -1e9)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def fit(
        self,
        data: list[tuple[np.ndarray, int, np.ndarray | None]],
        *,
        epochs: int = 20,
        lr: float = 0.05,
        l2: float = 1e-6,
        seed: int = 0,
    ) -> None:
        """AdaGrad on the log loss; ``data`` holds (feature ids, label index, label mask)."""
        rng = np.random.default_rng(seed)
        g2 = np.full_like(self.w, 1e-8)
        gb2 = np.full_like(self.b, 1e-8)
        for _ in range(epochs):
            for k in rng.permutation(len(data)):
                ids, y, mask = data[k]
                p = self.proba(ids, mask)
                grad = p.copy()
                grad[y] -= 1.0
                uniq, counts = np.unique(ids, return_counts=True)
                gw = counts[:, None].astype(np.float32) * grad[None, :] + l2 * self.w[uniq]
                g2[uniq] += gw * gw
                self.w[uniq] -= lr * gw / np.sqrt(g2[uniq])
                gb2 += grad * grad
                self.b -= lr * grad / np.sqrt(gb2)

    def save(self, path: str | Path) -> None:
        meta = {**self.meta, "kind": "softmax-classifier", "labels": list(self.labels), "buckets": self.buckets}
        _save(Path(path), meta, {**_sparse_rows(self.w), "bias": self.b})

    @classmethod
    def load(cls, path: str | Path) -> SoftmaxClassifier:
        meta, arrays = _load(Path(path))
        clf = cls(meta["labels"], buckets=meta["buckets"], meta=meta)
        clf.w = _dense(arrays, clf.buckets, len(clf.labels))
        clf.b = arrays["bias"].astype(np.float32)
        return clf
