"""Reuse detection over a whole archive: the one entry point the site calls.

Steps: keep the paragraphs that may be linked (long enough, not furniture),
sketch them (content words, sentence fingerprints), weigh their words, find
candidate pairs through inverted indexes, score each candidate, accept
weaker pairs their context supports (order, a third outlet), then group the
aligned sentences into statements.  Input order never matters: the
paragraphs are sorted first, and so are links and groups.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from typing import Iterable

from .candidates import candidate_pairs
from .cluster import statement_groups
from .corroborate import corroborated
from .model import Link, Paragraph, ReuseResult
from .score import Analysed, compare
from .sequence import order_supported
from .settings import ReuseSettings
from .sketches import Sketched, Sketches
from .weights import Weights


def detect(
    paragraphs: Iterable[Paragraph], settings: ReuseSettings = ReuseSettings(), *, known: Sketches | None = None
) -> ReuseResult:
    """Links between paragraphs that carry the same statement, and their groups.

    `known` holds sketches made with the same settings (by an earlier run, or
    ahead of time); the sketches this run makes are added to it.
    """
    if known is None:
        known = Sketches(settings)
    elif known.settings != settings:
        raise ValueError("the known sketches were made with other settings")
    # Millions of small containers are created and none holds a cycle: the
    # cyclic garbage collector would only rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _detect(paragraphs, settings, known)
    finally:
        if collecting:
            gc.enable()


def _detect(paragraphs: Iterable[Paragraph], settings: ReuseSettings, known: Sketches) -> ReuseResult:
    normaliser = known.normaliser
    kept: list[Paragraph] = []
    sketches: list[Sketched] = []
    for paragraph in _in_block_order(paragraphs, settings):
        sketched = known.of(paragraph)
        if sketched is not None:
            kept.append(paragraph)
            sketches.append(sketched)

    by_article: dict[str, list[int]] = defaultdict(list)
    for index, paragraph in enumerate(kept):
        by_article[paragraph.article].append(index)
    words = [sketched.sketch.words for sketched in sketches]
    word_ids = [sketched.word_ids for sketched in sketches]
    weights = Weights(word_ids, by_article.values(), settings.background_paragraphs, known.vocabulary)
    blocks = [_block(paragraph, settings) for paragraph in kept]
    pairs = candidate_pairs(word_ids, [sketched.sketch.fingerprints for sketched in sketches], blocks,
                            weights.document_frequency, settings.max_feature_df)

    analysed: dict[int, Analysed] = {}

    def analysis(index: int) -> Analysed:
        if index not in analysed:
            analysed[index] = Analysed(kept[index], words[index], weights.total(words[index]), normaliser)
        return analysed[index]

    matches = []
    for first, second in pairs:
        if kept[first].article == kept[second].article:
            continue
        if kept[second].key < kept[first].key:
            first, second = second, first
        match = compare(analysis(first), analysis(second), weights, settings)
        if match is not None:
            matches.append((first, second, match))
    linked = [(first, second) for first, second, _ in matches]
    matches += order_supported(kept, linked, by_article, blocks, analysis, weights, settings)
    matches += corroborated(kept, matches, blocks, analysis, weights, settings)

    links: list[Link] = []
    alignments = []
    for first, second, match in matches:
        if kept[second].key < kept[first].key:
            first, second = second, first
            match = dataclasses.replace(match, aligned=tuple((j, i) for i, j in match.aligned))
        a, b = kept[first].key, kept[second].key
        links.append(Link(a, b, match.strength, match.score, match.shared))
        alignments.extend(((a, i), (b, j)) for i, j in match.aligned)
    links.sort(key=lambda link: (link.a, link.b))
    return ReuseResult(links=links, groups=statement_groups(alignments))


def _block(paragraph: Paragraph, settings: ReuseSettings) -> str:
    """Paragraphs of one block are never linked: one article, or one outlet."""
    return paragraph.article if settings.link_same_source else paragraph.source


def _in_block_order(paragraphs: Iterable[Paragraph], settings: ReuseSettings) -> list[Paragraph]:
    ordered = sorted(paragraphs, key=lambda paragraph: (_block(paragraph, settings), paragraph.key))
    seen = set()
    for paragraph in ordered:
        if paragraph.key in seen:
            raise ValueError(f"paragraph id {paragraph.id!r} occurs twice in article {paragraph.article!r}")
        seen.add(paragraph.key)
    return ordered
