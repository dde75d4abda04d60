"""Candidate pairs from the inverted indexes, against the rule they implement
checked pair by pair on small random archives."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest

from archive.reuse.candidates import candidate_pairs


def by_the_rule(words, fingerprints, blocks, max_df):
    """Every pair of different blocks sharing two words held by 2..max_df
    paragraphs, or one fingerprint held by at most 2,000."""
    frequency = {}
    for held in words:
        for word in set(held):
            frequency[word] = frequency.get(word, 0) + 1
    indexed = {word for word, count in frequency.items() if 2 <= count <= max_df}
    pairs = []
    for i, j in combinations(range(len(words)), 2):
        if blocks[i] == blocks[j]:
            continue
        if len(set(words[i]) & set(words[j]) & indexed) >= 2 or set(fingerprints[i]) & set(fingerprints[j]):
            pairs.append((i, j))
    return pairs


def frequencies(words, vocabulary_size):
    return np.bincount(np.concatenate([np.zeros(0, np.int64), *(np.array(w, np.int64) for w in words)]),
                       minlength=vocabulary_size)


@pytest.mark.parametrize("seed", range(6))
def test_candidate_pairs_follow_the_rule(seed):
    rng = random.Random(seed)
    count, vocabulary_size, max_df = 60, 40, 6
    words = [rng.sample(range(vocabulary_size), rng.randint(0, 8)) for _ in range(count)]
    # Hash-like fingerprints, some shared, one repeated within a paragraph.
    pool = [rng.getrandbits(63) - 2 ** 62 for _ in range(12)]
    fingerprints = [tuple(rng.sample(pool, rng.randint(0, 2))) for _ in range(count)]
    fingerprints[0] = (pool[0], pool[0])
    blocks = sorted(rng.choice("abcdefg") for _ in range(count))
    found = candidate_pairs([np.array(w, np.int32) for w in words], fingerprints, blocks,
                            frequencies(words, vocabulary_size), max_df)
    assert found == by_the_rule(words, fingerprints, blocks, max_df)
    assert found  # the random archives do propose pairs


def test_one_block_or_one_paragraph_proposes_nothing():
    words = [np.array([1, 2, 3], np.int32)] * 3
    assert candidate_pairs(words, [(7,)] * 3, ["x"] * 3, frequencies([[1, 2, 3]] * 3, 4), 30) == []
    assert candidate_pairs(words[:1], [(7,)], ["x"], frequencies([[1, 2, 3]], 4), 30) == []
