"""Sparse binary logistic regression, trained by AdaGrad SGD: the one trainer behind the shipped
hedge and attribution-acceptance weights (scripts/train_hedges.py, scripts/train_acceptance.py)."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable

import numpy as np


def fit_logistic(
    data: list[tuple[list[str], int]], keep: Callable[[str, int], bool], *,
    epochs: int, l2: float, rate: float = 0.1, seed: int = 0,
) -> tuple[dict[str, float], float]:
    """Weights of the features ``keep(name, count)`` admits, and the bias, for examples of
    (feature names, 0/1 label); weights under 1e-3 are left out."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    names = sorted(f for f, n in counts.items() if keep(f, n))
    index = {f: i for i, f in enumerate(names)}
    rows = [([index[f] for f in set(feats) if f in index] + [len(names)], y) for feats, y in data]
    w = np.zeros(len(names) + 1)  # the last weight is the bias
    g2 = np.full(len(w), 1e-8)
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for k in order:
            idx, y = rows[k]
            z = float(w[idx].sum())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = (p - y) + l2 * w[idx]
            g2[idx] += grad * grad
            w[idx] -= rate * grad / np.sqrt(g2[idx])
    weights = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-3}
    return weights, round(float(w[-1]), 4)
