"""Which pairs of paragraphs are worth scoring, without comparing all pairs.

Two inverted indexes propose pairs:

* content words found in at most `max_df` paragraphs: a pair is proposed
  when it shares two of them.  Leaving out the commoner words bounds the
  work per word, so that the work grows with the archive, not with its
  square (the words left out still count when a candidate is scored);
* sentence fingerprints (see :meth:`Normaliser.sketch`): a pair is proposed
  when it shares one, however many paragraphs share it, so that a statement
  copied by every outlet is still found.

Only pairs from different blocks are proposed (a block is an outlet, or an
article when outlets may be linked to themselves); the indexes of a block
must be contiguous.  `query_pairs` proposes, by the same rule, the pairs
between an archive and a few paragraphs put to it (a correction's claims).

A hundred thousand paragraphs put a couple of million pairs on the word
index, almost all sharing a single word; they are counted as sorted arrays
of pair numbers (first * count + second), which takes a fraction of the time
and memory of counting them in a dictionary.
"""

from __future__ import annotations

from itertools import chain
from typing import Hashable, Sequence

import numpy as np

from .arrays import distinct, flattened, lengths

#: Shared indexed words needed to propose a pair.
_SHARED_WORDS = 2
#: A fingerprint shared by more paragraphs than this is boilerplate.
_MAX_FINGERPRINT_DF = 2000


def candidate_pairs(
    word_ids: Sequence[np.ndarray],
    fingerprints: Sequence[Sequence[int]],
    blocks: Sequence[Hashable],
    document_frequency: np.ndarray,
    max_df: int,
) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of paragraph indexes that may share a statement.

    `word_ids` are each paragraph's content words by number, and
    `document_frequency[number]` the number of paragraphs with that word.
    """
    count = len(word_ids)
    if count < 2:
        return []
    block_of = _block_numbers(blocks)
    words, holders = _postings(flattened(word_ids), lengths(word_ids))
    frequency = document_frequency[words]
    indexed = (frequency >= 2) & (frequency <= max_df)
    by_words = _shared_at_least(_pair_numbers(words[indexed], holders[indexed], block_of, max_df), _SHARED_WORDS)
    hashes = np.fromiter(chain.from_iterable(fingerprints), dtype=np.int64)
    prints, holders = _postings(_numbered(hashes), lengths(fingerprints))
    by_prints = _pair_numbers(prints, holders, block_of, _MAX_FINGERPRINT_DF)
    numbers = distinct(np.concatenate((by_words, by_prints)))
    return list(zip((numbers // count).tolist(), (numbers % count).tolist()))


def query_pairs(
    word_ids: Sequence[np.ndarray],
    fingerprints: Sequence[Sequence[int]],
    blocks: Sequence[Hashable],
    query_word_ids: Sequence[np.ndarray],
    query_fingerprints: Sequence[Sequence[int]],
    query_blocks: Sequence[Hashable],
    document_frequency: np.ndarray,
    max_df: int,
) -> list[tuple[int, int]]:
    """Sorted pairs (i, q): archive paragraph i and query q that `candidate_pairs`
    would propose over the archive and the queries together.

    `document_frequency` counts the queries' words too; pairs of two
    queries are not proposed."""
    words = flattened(word_ids)
    holders = np.repeat(np.arange(len(word_ids), dtype=np.int64), lengths(word_ids))
    hashes = np.fromiter(chain.from_iterable(fingerprints), dtype=np.int64)
    holding = np.repeat(np.arange(len(fingerprints), dtype=np.int64), lengths(fingerprints))
    pairs = []
    for query, (ids, prints, block) in enumerate(zip(query_word_ids, query_fingerprints, query_blocks)):
        frequency = document_frequency[ids]
        indexed = ids[(frequency >= 2) & (frequency <= max_df)]
        sharing = np.bincount(holders[np.isin(words, indexed)], minlength=len(word_ids))
        found = set(np.flatnonzero(sharing >= _SHARED_WORDS).tolist())
        for fingerprint in set(prints):
            held = distinct(holding[hashes == fingerprint])
            if len(held) + sum(fingerprint in other for other in query_fingerprints) <= _MAX_FINGERPRINT_DF:
                found.update(held.tolist())
        pairs += [(index, query) for index in found if blocks[index] != block]
    return sorted(pairs)


def _block_numbers(blocks: Sequence[Hashable]) -> np.ndarray:
    """Each index's block as a number: contiguous blocks, numbered in order."""
    changes = [index for index in range(1, len(blocks)) if blocks[index] != blocks[index - 1]]
    starts = np.zeros(len(blocks), dtype=np.int64)
    starts[changes] = 1
    return np.cumsum(starts)


def _postings(values: np.ndarray, held: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every distinct (feature, paragraph index) pair, sorted by feature, then
    by index.  Paragraph i holds the next `held[i]` of `values` (64-bit),
    features numbered from 0 (a number times the paragraph count must fit in
    63 bits)."""
    count = len(held)
    holders = np.repeat(np.arange(count, dtype=np.int64), held)
    # One sort of one number per pair, and a paragraph may repeat a sentence, so its fingerprint.
    postings = distinct(values * count + holders)
    return postings // count, postings % count


def _numbered(values: np.ndarray) -> np.ndarray:
    """`values` replaced by their ranks among the distinct values."""
    return np.searchsorted(distinct(values), values)


def _pair_numbers(features: np.ndarray, holders: np.ndarray, block_of: np.ndarray, max_holders: int) -> np.ndarray:
    """Sorted pair numbers, one for each feature two paragraphs of different
    blocks share, leaving out features held by more than `max_holders`."""
    count = len(block_of)
    starts = np.flatnonzero(np.r_[True, features[1:] != features[:-1]]) if len(features) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(features)])
    found = [np.zeros(0, np.int64)]
    # Features held by the same number of paragraphs form a matrix, one row
    # each, whose column pairs are the pairs of holders.
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_holders)]).tolist():
        rows = holders[starts[sizes == size][:, None] + np.arange(size)]
        left, right = np.triu_indices(size, 1)
        firsts, seconds = rows[:, left].ravel(), rows[:, right].ravel()
        across = block_of[firsts] != block_of[seconds]
        found.append(firsts[across] * count + seconds[across])
    numbers = np.concatenate(found)
    numbers.sort()
    return numbers


def _shared_at_least(numbers: np.ndarray, times: int) -> np.ndarray:
    """The distinct values of sorted `numbers` that occur at least `times` times."""
    if len(numbers) < times:
        return np.zeros(0, np.int64)
    repeated = numbers[times - 1:] == numbers[:len(numbers) - times + 1]
    return distinct(numbers[times - 1:][repeated])
