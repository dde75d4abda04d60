"""Corroboration as evidence: a third outlet that repeats both paragraphs.

Two paragraphs of two outlets that are both linked to one paragraph of a
third outlet very likely carry its statement too, even when they word it
too differently to be linked on their words alone (one outlet sums up in a
line what another quotes at length).  Such a pair is accepted with the lower
bar of context evidence (ReuseSettings.with_context): one pair of its
sentences must still share a few specific words, and the third outlet's
paragraph must have those words too.

Only links found on words or on order corroborate.  A corroborated link does
not corroborate further, so that one doubtful link cannot start a chain
through the archive.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Callable, Hashable, Iterable, Sequence

from .model import Paragraph
from .score import Analysed, Match, compare, sentence_pairs
from .settings import ReuseSettings
from .weights import Weights


def corroborated(
    kept: Sequence[Paragraph],
    matches: Sequence[tuple[int, int, Match]],
    blocks: Sequence[Hashable],
    analysis: Callable[[int], Analysed],
    weights: Weights,
    settings: ReuseSettings,
) -> list[tuple[int, int, Match]]:
    """New (first, second, match) links between paragraphs that `matches` link to a common third."""
    if not settings.corroboration:
        return []
    neighbours = neighbours_of((first, second) for first, second, _ in matches)
    linked = {(first, second) for first, second, _ in matches}
    proposed: dict[tuple[int, int], list[int]] = defaultdict(list)
    for middle, around in neighbours.items():
        # Links never join one block, so the common paragraph is of a third
        # block whenever the two around it are of different blocks.
        for first, second in combinations(sorted(around, key=lambda index: kept[index].key), 2):
            if blocks[first] != blocks[second] and (first, second) not in linked and (second, first) not in linked:
                proposed[(first, second)].append(middle)

    relaxed = settings.with_context()
    found = []
    for (first, second), middles in sorted(proposed.items(), key=lambda item: (kept[item[0][0]].key, kept[item[0][1]].key)):
        match = compare(analysis(first), analysis(second), weights, relaxed)
        if match is not None and any(
            _carried_by(analysis(middle), analysis(first), analysis(second), weights, relaxed)
            for middle in middles
        ):
            found.append((first, second, match))
    return found


def neighbours_of(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each paragraph's partners in `pairs`, both ways."""
    neighbours: dict[int, set[int]] = defaultdict(set)
    for first, second in pairs:
        neighbours[first].add(second)
        neighbours[second].add(first)
    return neighbours


def _carried_by(middle: Analysed, a: Analysed, b: Analysed, weights: Weights, settings: ReuseSettings) -> bool:
    """Whether `a` and `b` share, in one pair of sentences, enough words that
    `middle` has too.

    A paragraph of the third outlet may hold two statements, one repeated by
    `a` and the other by `b`; then what `a` and `b` share is not its words.
    """
    weights = weights.between(a.counts, b.counts)
    for _, _, i, j in sentence_pairs(a, b, weights):
        common = a.sentences[i].content() & b.sentences[j].content() & middle.words
        if len(common) >= settings.min_shared_words and weights.total(common) >= settings.min_shared_weight:
            return True
    return False

