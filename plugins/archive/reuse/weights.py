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
from collections import Counter
from itertools import repeat
from typing import Iterable, Sequence

_SPECIFICITY_POWER = 1.5


class Weights:
    """Weights of the content words of one archive."""

    def __init__(
        self,
        paragraphs: Sequence[frozenset[str]],
        articles: Iterable[Iterable[int]],
        background: int,
    ) -> None:
        """`paragraphs` are content-word sets; `articles` group their indexes."""
        in_paragraphs: Counter[str] = Counter()
        for words in paragraphs:
            in_paragraphs.update(words)
        in_articles: Counter[str] = Counter()
        for members in articles:
            in_articles.update(frozenset().union(*(paragraphs[i] for i in members)))
        total = len(paragraphs) + max(background, 1)
        scale = math.log(total)
        self._weights = {
            word: math.log(total / count) / scale * (in_articles[word] / count) ** _SPECIFICITY_POWER
            for word, count in in_paragraphs.items()
        }
        #: In how many paragraphs each word occurs.
        self.document_frequency = in_paragraphs

    def __getitem__(self, word: str) -> float:
        """The weight of `word`; a word the archive has never seen weighs 1."""
        return self._weights.get(word, 1.0)

    def total(self, words: Iterable[str]) -> float:
        """The summed weight of `words`."""
        return sum(map(self._weights.get, words, repeat(1.0)))

