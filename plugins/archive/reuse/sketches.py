"""Which paragraphs may be linked at all, and their sketches, computed once.

A paragraph's sketch depends only on its text, its language and the
settings, so one run of detection can hand its sketches to the next (the
claims put to an archive reuse the archive's).

Each sketch comes with its content words as numbers (`Sketched.word_ids`),
so that the steps over the whole archive (word weights, candidate pairs)
count with arrays instead of sets of strings.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .model import Paragraph
from .normalise import Normaliser, Sketch
from .settings import ReuseSettings
from .translations import Embeddings


class Sketched(NamedTuple):
    """A linkable paragraph's sketch, and its content words by number in `Sketches.vocabulary`."""

    sketch: Sketch
    word_ids: np.ndarray


def linkable_sketch(paragraph: Paragraph, normaliser: Normaliser, settings: ReuseSettings) -> Sketch | None:
    """The sketch of `paragraph`, or None if it may not be linked at all.

    A paragraph may not be linked when it is page furniture or has fewer than
    `settings.min_words` words (chunks of text between spaces).
    """
    return linkable_text_sketch(paragraph.text, paragraph.lang, normaliser, settings)


def linkable_text_sketch(text: str, lang: str, normaliser: Normaliser, settings: ReuseSettings) -> Sketch | None:
    """The sketch of a text in a language, or None if it may not be linked (see linkable_sketch)."""
    if normaliser.is_furniture(text):
        return None
    sketch = normaliser.sketch(text, lang)
    return sketch if sketch.size >= settings.min_words else None


class Sketches:
    """Linkable sketches by (text, language), for one set of settings.

    Detection asks for every paragraph's sketch through :meth:`of`; a text
    sketched before, by this run or an earlier one, is not sketched again.
    """

    def __init__(self, settings: ReuseSettings) -> None:
        self.settings = settings
        self.normaliser = Normaliser(settings)
        #: Paragraphs' and sentences' embeddings, for translations (made only when needed).
        self.embeddings = Embeddings()
        self._number: dict[str, int] = {}  # content word -> its number, in the order first seen
        self._known: dict[tuple[str, str], Sketched | None] = {}

    def of(self, paragraph: Paragraph) -> Sketched | None:
        """The sketch of `paragraph`, or None if it may not be linked at all."""
        return self.add(paragraph.text, paragraph.lang)

    def add(self, text: str, lang: str) -> Sketched | None:
        """Sketch `text` unless it is known already; its sketch or None."""
        key = (text, lang)
        try:
            return self._known[key]
        except KeyError:
            sketch = linkable_text_sketch(text, lang, self.normaliser, self.settings)
            sketched = self._known[key] = None if sketch is None else Sketched(sketch, self._numbers(sketch.words))
            return sketched

    def missing(self, paragraphs) -> list[tuple[str, str]]:
        """The (text, language) of `paragraphs` not sketched yet, each once, in order of appearance."""
        return list(dict.fromkeys((p.text, p.lang) for p in paragraphs if (p.text, p.lang) not in self._known))

    def put(self, text: str, lang: str, sketch: Sketch | None) -> None:
        """Take the sketch of `text` made elsewhere (by linkable_text_sketch, with these settings)."""
        if (text, lang) not in self._known:
            self._known[(text, lang)] = None if sketch is None else Sketched(sketch, self._numbers(sketch.words))

    @property
    def vocabulary(self) -> list[str]:
        """Every content word sketched so far; a word's number is its index."""
        return list(self._number)

    def _numbers(self, words: frozenset[str]) -> np.ndarray:
        numbers = self._number
        number, size = numbers.setdefault, numbers.__len__  # a new word gets the next number
        return np.array([number(word, size()) for word in words], dtype=np.int32)
