"""How much a shared word says about two paragraphs carrying one statement.

Two paragraphs of an archive about one event share its vocabulary ("Abu
Kamal", "coalition", "terrorists") whether or not one repeats the other, so a
word's weight combines two measures:

* rarity, ln(max(N, background) / df), normalised so that a word seen in a
  single paragraph weighs 1: words used everywhere prove nothing;
* specificity, (articles containing it / paragraphs containing it) to the
  power 1.5.  A topic word recurs in paragraph after paragraph of every
  article about the topic, while the words of one particular statement
  ("15-km", "Geneva", "Wadi al-Sabha") appear in one paragraph per article
  that repeats it.  The power makes a word found in two paragraphs of each
  article count about a third, three paragraphs a fifth: a release often
  words two of its statements alike ("the eastern bank of the Euphrates"),
  so a word in two paragraphs an article is only partly a topic word.

This is the passim/TextPAIR idea of suppressing what is everywhere, applied
inside articles as well as across them.

Two paragraphs are compared with the lower of two specificities: the
archive's, and the one their two articles alone give the word
(:meth:`Weights.between`).  The archive's says that a word is the topic
elsewhere; the pair's keeps an article added later from raising a word's
weight between two others (it uses "Geneva" once, and "Geneva" looks more
specific everywhere), which would link them for a reason that is not theirs.

The background (ReuseSettings.background_paragraphs) stands for the news
that is not in the archive: an archive smaller than it counts as that
large, so that in a small archive a word shared by two paragraphs is still
rare, as it is in news at large, and an added article changes no weight of
a word it does not use.  What a small archive cannot tell
is which words are common in general ("town", "residents"), so there a
statement of common words shared by two outlets is easier to mistake for
reuse than in a large one.
"""

from __future__ import annotations

import math
from itertools import repeat
from typing import Iterable, Sequence

import numpy as np

from .arrays import distinct, flattened, lengths

_SPECIFICITY_POWER = 1.5


class Weights:
    """Weights of the content words of one archive."""

    def __init__(
        self,
        word_ids: Sequence[np.ndarray],
        articles: Iterable[Iterable[int]],
        background: int,
        vocabulary: Sequence[str],
    ) -> None:
        """`word_ids` are the paragraphs' content words, as indexes into
        `vocabulary`; `articles` group the paragraphs' indexes."""
        paragraphs, in_articles = _counts(word_ids, articles, len(vocabulary))
        self._set(paragraphs, in_articles, len(word_ids), background, vocabulary)

    def with_paragraphs(self, word_ids: Sequence[np.ndarray], articles: Iterable[Iterable[int]],
                        vocabulary: Sequence[str]) -> Weights:
        """The weights of this archive with more paragraphs, of articles of their own.

        `vocabulary` holds this archive's words first, as numbered before."""
        paragraphs, in_articles = _counts(word_ids, articles, len(vocabulary))
        extended = Weights.__new__(Weights)
        extended._set(paragraphs + _padded(self.document_frequency, len(vocabulary)),
                      in_articles + _padded(self._in_articles, len(vocabulary)),
                      self._paragraphs + len(word_ids), self._background, vocabulary)
        return extended

    def _set(self, in_paragraphs: np.ndarray, in_articles: np.ndarray, paragraphs: int, background: int,
             vocabulary: Sequence[str]) -> None:
        #: In how many paragraphs each word (by number) occurs.
        self.document_frequency = in_paragraphs
        self._in_articles, self._paragraphs, self._background = in_articles, paragraphs, background
        # An archive smaller than the background counts as that large: then an
        # added article changes no weight of a word it does not use.
        total = max(paragraphs, background, 2)
        scale = math.log(total)
        seen = np.flatnonzero(in_paragraphs)
        # math.log, not numpy's vectorised logarithm, whose last bit may depend
        # on the processor's instruction set: a score on the site should not.
        self._rarity = {vocabulary[word]: math.log(total / count) / scale
                        for word, count in zip(seen.tolist(), in_paragraphs[seen].tolist())}
        self._weights = {
            vocabulary[word]: self._rarity[vocabulary[word]] * (articles_with / count) ** _SPECIFICITY_POWER
            for word, count, articles_with in zip(seen.tolist(), in_paragraphs[seen].tolist(),
                                                  in_articles[seen].tolist())
        }

    def between(self, first: Mapping[str, int], second: Mapping[str, int]) -> "PairWeights":
        """The weights for comparing two articles, specificity counted in those two alone.

        `first` and `second` give, for each word, how many paragraphs of each
        article have it."""
        return PairWeights(self._rarity, self._weights, first, second)

    def __getitem__(self, word: str) -> float:
        """The weight of `word`; a word the archive has never seen weighs 1."""
        return self._weights.get(word, 1.0)

    def total(self, words: Iterable[str]) -> float:
        """The summed weight of `words`."""
        return sum(map(self._weights.get, words, repeat(1.0)))


class PairWeights:
    """Weights of words for comparing two articles: rarity times the lower of
    two specificities, the archive's and the one the two articles alone give
    the word (see the module docstring).

    Through the archive's specificity, a word that is the topic elsewhere
    weighs little here too; through the pair's, an article added later that
    uses a word once cannot make it weigh more between two others, so it
    cannot link them (it can still corroborate them, see corroborate.py)."""

    __slots__ = ("_rarity", "_archive", "_first", "_second", "_known")

    def __init__(self, rarity: Mapping[str, float], archive: Mapping[str, float], first: Mapping[str, int],
                 second: Mapping[str, int]) -> None:
        self._rarity, self._archive, self._first, self._second = rarity, archive, first, second
        self._known: dict[str, float] = {}

    def __getitem__(self, word: str) -> float:
        try:
            return self._known[word]
        except KeyError:
            in_first, in_second = self._first.get(word, 0), self._second.get(word, 0)
            paragraphs = in_first + in_second
            articles = (in_first > 0) + (in_second > 0)
            in_pair = self._rarity.get(word, 1.0) * ((articles / paragraphs) ** _SPECIFICITY_POWER if paragraphs else 1.0)
            weight = self._known[word] = min(in_pair, self._archive.get(word, 1.0))
            return weight

    def total(self, words: Iterable[str]) -> float:
        """The summed weight of `words`."""
        return sum(map(self.__getitem__, words))


def _counts(word_ids: Sequence[np.ndarray], articles: Iterable[Iterable[int]], size: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """For each word number: in how many of the paragraphs, and of the articles, it occurs."""
    every = flattened(word_ids)
    article_of = np.empty(len(word_ids), dtype=np.int64)
    for number, members in enumerate(articles):
        article_of[list(members)] = number
    # A word counts once per article however many of its paragraphs have it.
    in_article = distinct(np.repeat(article_of, lengths(word_ids)) * size + every)
    return np.bincount(every, minlength=size), np.bincount(in_article % size, minlength=size)


def _padded(counts: np.ndarray, size: int) -> np.ndarray:
    """`counts` with zeros for the words numbered since."""
    return np.concatenate((counts, np.zeros(size - len(counts), counts.dtype)))
