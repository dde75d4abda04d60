"""Array helpers for the steps over the whole archive."""

from __future__ import annotations

from typing import Sequence

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted.

    By sorting: numpy's own `unique` hashes integers, which is several times
    slower on the millions of pair and word numbers of a large archive."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def lengths(rows: Sequence[Sequence]) -> np.ndarray:
    """How many values each row holds."""
    return np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))


def flattened(rows: Sequence[np.ndarray]) -> np.ndarray:
    """The rows' values one after the other, as 64-bit integers (none at all for no rows)."""
    return np.concatenate([np.zeros(0, np.int64), *rows]).astype(np.int64)
