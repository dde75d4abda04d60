"""How much a shared word says about two paragraphs carrying one statement.

Two paragraphs of an archive about one event share its vocabulary ("Abu
Kamal", "coalition", "terrorists") whether or not one repeats the other, so a
word's weight combines two measures:

* rarity, ln((N + background) / df), normalised so that a word seen in a
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

The background (ReuseSettings.background_paragraphs) stands for the news
that is not in the archive: in a small archive, a word shared by two
paragraphs is still rare in news at large.  What a small archive cannot tell
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
        total = paragraphs + max(background, 1)
        scale = math.log(total)
        seen = np.flatnonzero(in_paragraphs)
        # math.log, not numpy's vectorised logarithm, whose last bit may depend
        # on the processor's instruction set: a score on the site should not.
        self._weights = {
            vocabulary[word]: math.log(total / count) / scale * (articles_with / count) ** _SPECIFICITY_POWER
            for word, count, articles_with in zip(seen.tolist(), in_paragraphs[seen].tolist(),
                                                  in_articles[seen].tolist())
        }

    def __getitem__(self, word: str) -> float:
        """The weight of `word`; a word the archive has never seen weighs 1."""
        return self._weights.get(word, 1.0)

    def total(self, words: Iterable[str]) -> float:
        """The summed weight of `words`."""
        return sum(map(self._weights.get, words, repeat(1.0)))


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
