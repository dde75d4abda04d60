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
must be contiguous, which lets pairs inside a block be skipped unseen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Hashable, Iterable, Sequence

from .normalise import Sketch

#: Shared indexed words needed to propose a pair.
_SHARED_WORDS = 2
#: A fingerprint shared by more paragraphs than this is boilerplate.
_MAX_FINGERPRINT_DF = 2000


def candidate_pairs(
    sketches: Sequence[Sketch],
    blocks: Sequence[Hashable],
    document_frequency: Counter[str],
    max_df: int,
) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of paragraph indexes that may share a statement."""
    block_ends = _block_ends(blocks)
    indexed = frozenset(word for word, count in document_frequency.items() if 2 <= count <= max_df)
    by_word: dict[str, list[int]] = defaultdict(list)
    by_fingerprint: dict[int, list[int]] = defaultdict(list)
    for index, sketch in enumerate(sketches):
        for word in sketch.words & indexed:
            by_word[word].append(index)
        for fingerprint in sketch.fingerprints:
            by_fingerprint[fingerprint].append(index)

    count = len(sketches)
    shared_words: Counter[int] = Counter()
    for members in by_word.values():
        shared_words.update(_cross_block_keys(members, block_ends, count))
    keys = {key for key, shared in shared_words.items() if shared >= _SHARED_WORDS}
    for members in by_fingerprint.values():
        if 2 <= len(members) <= _MAX_FINGERPRINT_DF:
            keys.update(_cross_block_keys(members, block_ends, count))
    return sorted(divmod(key, count) for key in keys)


def _block_ends(blocks: Sequence[Hashable]) -> list[int]:
    """For each index, the first index of the next block."""
    ends = [0] * len(blocks)
    start = 0
    for index in range(1, len(blocks) + 1):
        if index == len(blocks) or blocks[index] != blocks[start]:
            ends[start:index] = [index] * (index - start)
            start = index
    return ends


def _cross_block_keys(members: list[int], block_ends: list[int], count: int) -> Iterable[int]:
    """Pair keys (first * count + second) of members in different blocks."""
    keys: list[int] = []
    for position, first in enumerate(members):
        later = bisect_left(members, block_ends[first], position + 1)
        if later < len(members):
            base = first * count
            keys.extend([base + second for second in members[later:]])
    return keys
