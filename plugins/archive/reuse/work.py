"""Detection's two heaviest steps as independent pieces of work, for an engine that spreads them.

Sketching a paragraph needs only its text; scoring a candidate pair needs
only the two paragraphs, their words and the archive's word weights.  Both
can therefore run anywhere, in any order, and their results put back in
order give exactly what one process gives.  A *runner* does the running:

    runner(function, chunks, shared) -> [function(chunk, shared) for chunk in chunks]

in that order, with `shared` (the settings, the weights) sent once to
wherever the work runs.  `detect(..., runner=...)` hands its sketching and
scoring to one; without a runner everything happens in this process, as
before.  An engine's runner lives outside the core (dask_detection).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .model import Paragraph
from .normalise import Normaliser, Sketch
from .score import Analysed, Match, compare
from .settings import ReuseSettings
from .sketches import linkable_text_sketch
from .weights import Weights

#: runner(function, chunks, shared) -> results in the order of the chunks.
Runner = Callable[[Callable[[Any, Any], Any], Sequence[Any], Any], list]

#: Texts sketched, and pairs scored, per piece of work: enough to outweigh sending it.
SKETCH_CHUNK = 5_000
SCORE_CHUNK = 20_000


def in_this_process(function: Callable[[Any, Any], Any], chunks: Sequence[Any], shared: Any) -> list:
    """The runner of one process: each chunk in turn."""
    return [function(chunk, shared) for chunk in chunks]


def chunked(items: Sequence, size: int) -> list[Sequence]:
    return [items[start:start + size] for start in range(0, len(items), size)]


def sketch_texts(texts: Sequence[tuple[str, str]], settings: ReuseSettings) -> list[Sketch | None]:
    """The linkable sketch of each (text, language), or None (see sketches.linkable_sketch)."""
    normaliser = Normaliser(settings)
    return [linkable_text_sketch(text, lang, normaliser, settings) for text, lang in texts]


@dataclass(frozen=True)
class ScoringChunk:
    """Candidate pairs (indexes into the archive's kept paragraphs), with what scoring them needs."""

    pairs: tuple[tuple[int, int], ...]
    paragraphs: dict[int, tuple[Paragraph, frozenset[str]]]   # index -> (paragraph, its content words)


@dataclass(frozen=True)
class Scoring:
    """What every scoring chunk shares."""

    settings: ReuseSettings
    weights: Weights
    article_counts: dict[str, Counter]   # article -> how many of its paragraphs have each word


def score_chunk(chunk: ScoringChunk, shared: Scoring) -> list[tuple[int, int, Match]]:
    """(first, second, match) of the pairs of `chunk` that match on their words, in its order."""
    normaliser = Normaliser(shared.settings)
    analysed: dict[int, Analysed] = {}

    def analysis(index: int) -> Analysed:
        if index not in analysed:
            paragraph, words = chunk.paragraphs[index]
            analysed[index] = Analysed(paragraph, words, shared.article_counts[paragraph.article], normaliser)
        return analysed[index]

    found = []
    for first, second in chunk.pairs:
        match = compare(analysis(first), analysis(second), shared.weights, shared.settings)
        if match is not None:
            found.append((first, second, match))
    return found
