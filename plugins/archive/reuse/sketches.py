"""Which paragraphs may be linked at all, and their sketches, computed once.

A paragraph's sketch depends only on its text, its language and the
settings, so one run of detection can hand its sketches to the next (the
claims put to an archive reuse the archive's).

Each sketch comes with its content words as numbers (`Sketched.word_ids`),
so that the steps over the whole archive (word weights, candidate pairs)
count with arrays instead of sets of strings.
"""

from __future__ import annotations

import hashlib
from typing import Mapping, NamedTuple

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


def text_key(text: str, lang: str) -> str:
    """A short name of (text, language) for sketches kept between runs."""
    return hashlib.blake2b(f"{lang}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


#: A text `kept` does not hold (None there means "sketched: not linkable").
_NOT_KEPT = object()


class Sketches:
    """Linkable sketches by (text, language), for one set of settings.

    Detection asks for every paragraph's sketch through :meth:`of`; a text
    sketched before, by this run or an earlier one, is not sketched again.
    `kept` holds sketches made by an earlier run with the same settings and
    code, by :func:`text_key` (see :mod:`.sketch_store`); they are taken in
    the order detection asks for them, so that words are numbered as in a
    run that sketched everything itself.
    """

    def __init__(self, settings: ReuseSettings, kept: Mapping[str, Sketch | None] | None = None) -> None:
        self.settings = settings
        self.normaliser = Normaliser(settings)
        #: Paragraphs' and sentences' embeddings, for translations (made only when needed).
        self.embeddings = Embeddings()
        self._number: dict[str, int] = {}  # content word -> its number, in the order first seen
        self._known: dict[tuple[str, str], Sketched | None] = {}
        self._kept = kept or {}
        #: How many texts this run sketched (here or through a runner), rather than took from `kept`.
        self.sketched = 0

    def of(self, paragraph: Paragraph) -> Sketched | None:
        """The sketch of `paragraph`, or None if it may not be linked at all."""
        return self.add(paragraph.text, paragraph.lang)

    def add(self, text: str, lang: str) -> Sketched | None:
        """Sketch `text` unless it is known already; its sketch or None."""
        key = (text, lang)
        try:
            return self._known[key]
        except KeyError:
            sketch = self._kept.get(text_key(text, lang), _NOT_KEPT) if self._kept else _NOT_KEPT
            if sketch is _NOT_KEPT:
                sketch = linkable_text_sketch(text, lang, self.normaliser, self.settings)
                self.sketched += 1
            sketched = self._known[key] = None if sketch is None else Sketched(sketch, self._numbers(sketch.words))
            return sketched

    def missing(self, paragraphs) -> list[tuple[str, str]]:
        """The (text, language) of `paragraphs` neither sketched yet nor kept, each once, in order of appearance."""
        kept = self._kept
        return list(dict.fromkeys((p.text, p.lang) for p in paragraphs if (p.text, p.lang) not in self._known
                                  and (not kept or text_key(p.text, p.lang) not in kept)))

    def put(self, text: str, lang: str, sketch: Sketch | None) -> None:
        """Take the sketch of `text` made elsewhere (by linkable_text_sketch, with these settings)."""
        if (text, lang) not in self._known:
            self._known[(text, lang)] = None if sketch is None else Sketched(sketch, self._numbers(sketch.words))
            self.sketched += 1

    def made(self) -> dict[str, Sketch | None]:
        """Every text's sketch this object knows, by :func:`text_key`: what a later run can be given as `kept`."""
        return {text_key(text, lang): None if sketched is None else sketched.sketch
                for (text, lang), sketched in self._known.items()}

    @property
    def vocabulary(self) -> list[str]:
        """Every content word sketched so far; a word's number is its index."""
        return list(self._number)

    def _numbers(self, words: frozenset[str]) -> np.ndarray:
        numbers = self._number
        number, size = numbers.setdefault, numbers.__len__  # a new word gets the next number
        return np.array([number(word, size()) for word in words], dtype=np.int32)
