"""Array helpers for the steps over the whole archive."""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted.

    By sorting: numpy's own `unique` hashes integers, which is several times
    slower on the millions of pair and word numbers of a large archive."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered
