"""Order as evidence: links found between two links two articles already share.

Outlets that rework one statement release keep its order.  When two articles
share links that run in the same order in both (anchors), a weaker match
that lies between two consecutive anchors, at the same place in both
articles, is accepted with less evidence in its words: its place in the
sequence supports what its words alone cannot prove.  Only gaps bounded by
anchors on both sides are searched, and only pairs that keep the order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from .model import Paragraph
from .score import Analysed, Match, compare
from .settings import ReuseSettings
from .weights import Weights


def _longest_chain(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (position in a, position in b) increasing in both."""
    anchors = sorted(anchors)
    best: list[list[tuple[int, int]]] = []
    for anchor in anchors:
        chains = [chain for chain in best if chain[-1][0] < anchor[0] and chain[-1][1] < anchor[1]]
        longest = max(chains, key=len, default=[])
        best.append(longest + [anchor])
    return max(best, key=len, default=[])


def order_supported(
    kept: list[Paragraph],
    linked: list[tuple[int, int]],
    articles: dict[str, list[int]],
    blocks: list[str],
    analysis: Callable[[int], Analysed],
    weights: Weights,
    settings: ReuseSettings,
) -> list[tuple[int, int, Match]]:
    """New (first, second, match) links found between anchors; `linked` are the anchors' indices."""
    if settings.order_anchors < 1:
        return []
    relaxed = settings.with_context()
    by_pair: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for first, second in linked:
        if kept[first].article > kept[second].article:
            first, second = second, first
        by_pair[(kept[first].article, kept[second].article)].append((first, second))

    found = []
    for (article_a, article_b), pairs in sorted(by_pair.items()):
        position = {index: kept[index].position for pair in pairs for index in pair}
        if len(pairs) < settings.order_anchors or None in position.values():
            continue
        chain = _longest_chain([(position[a], position[b]) for a, b in pairs])
        if len(chain) < settings.order_anchors:
            continue
        already = set(pairs)
        side_a = sorted((kept[i].position, i) for i in articles[article_a] if kept[i].position is not None)
        side_b = sorted((kept[i].position, i) for i in articles[article_b] if kept[i].position is not None)
        # Only gaps with an anchor on each side: an open end (before the first
        # anchor) gave the seeds more false links than true ones.
        for low, high in zip(chain, chain[1:]):
            gap_a = [i for p, i in side_a if low[0] < p < high[0]]
            gap_b = [i for p, i in side_b if low[1] < p < high[1]]
            found += _best_in_order(gap_a, gap_b, already, blocks, analysis, weights, relaxed, kept)
    return found


def _best_in_order(gap_a, gap_b, already, blocks, analysis, weights, settings, kept) -> list[tuple[int, int, Match]]:
    """The strongest matches of one gap that keep the order, one per paragraph."""
    scored = []
    for first in gap_a:
        for second in gap_b:
            if blocks[first] == blocks[second] or (first, second) in already:
                continue
            match = compare(analysis(first), analysis(second), weights, settings)
            if match is not None:
                scored.append((-match.score, kept[first].key, kept[second].key, first, second, match))
    accepted: list[tuple[int, int, Match]] = []
    for _, _, _, first, second, match in sorted(scored):
        if any(first == a or second == b for a, b, _ in accepted):
            continue
        if any((kept[first].position - kept[a].position) * (kept[second].position - kept[b].position) < 0
               for a, b, _ in accepted):
            continue
        accepted.append((first, second, match))
    return accepted
