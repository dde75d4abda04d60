"""From a paragraph's text to sentences of normalised words.

Two outlets copying one statement differ in case, punctuation, quote style,
spelling of names ("Abu Kamal", "al-Boukamal") and word endings.  This module
removes exactly those differences and nothing else:

* sentences are split at . ! ? followed by a capital or digit, except after
  a single letter or a known abbreviation ("U.S. forces", "Dr. Mikdad");
* words are runs of letters/digits in any script, so hyphens and apostrophes
  split them ("15-km" -> 15 km, "d'Abou" -> d Abou) the same way everywhere;
  one-letter words (possessive s, French d' and l') are dropped;
* alias variants become one canonical token ("ISIL" -> islamic_state, see
  :mod:`archive.reuse.aliases`);
* each word keeps a case-folded surface form (for judging verbatim copies)
  and, unless it is a function word, a stem (for judging shared content).
"""

from __future__ import annotations

import hashlib
import re
from itertools import chain
from typing import Iterator, NamedTuple

from .aliases import AliasMatcher
from .settings import ReuseSettings
from .stem import stem
from .stopwords import stopwords_for

_WORD = re.compile(r"\w+")
_UPPER_OR_DIGIT = "A-Z0-9À-ÖØ-ÞА-ЯЁΑ-Ω"
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj sgt capt cmdr adm sen rep gov pres st jr sr no vs etc inc ltd co "
    "corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec fig al"
).split()
# Not a sentence end: a full stop after a one-letter word ("U.S.") or after
# an abbreviation.  Python lookbehinds have a fixed width, hence one per word.
_NOT_AFTER = "(?<!\\b\\w\\.)" + "".join(
    f"(?<!\\b{''.join(f'[{ch}{ch.upper()}]' for ch in word)}\\.)" for word in _ABBREVIATIONS
)
# Sentence-final punctuation, closing quotes or brackets, white space, and
# then (after opening quotes) a capital letter or a digit.
_SENTENCE_BREAK = re.compile(
    rf"[.!?…]{_NOT_AFTER}[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*[{_UPPER_OR_DIGIT}])"
)
# Sketches mark sentence breaks with a token no word can be.
_BREAK = "\ue000"  # private use: no text has it, and str.split() keeps it
_BREAK_MARK = f" {_BREAK} "
# A sentence shorter than this many words is glued to its neighbour: a
# trailing "Said" or a caption line is not a statement of its own.
_MIN_SENTENCE_WORDS = 4
# A sentence with at least this many content words gets a fingerprint: two
# paragraphs with one such sentence in common are always compared, however
# common its words (a statement copied by every outlet).
_FINGERPRINT_MIN_WORDS = 6


class Sentence(NamedTuple):
    """One sentence, normalised.

    `words` are all its words in order, case-folded, aliases canonical.
    `stems` run parallel to `words`: the stem of each content word, None for
    a function word.
    """

    words: tuple[str, ...]
    stems: tuple[str | None, ...]

    def content(self) -> frozenset[str]:
        """The distinct stems of its content words."""
        return frozenset(self.stems).difference((None,))


class Sketch(NamedTuple):
    """What candidate generation needs to know about a paragraph."""

    words: frozenset[str]  # stems of its content words
    fingerprints: tuple[int, ...]  # hashes of its long sentences' content stems
    size: int  # number of words (chunks of text between spaces)


class Token(NamedTuple):
    """A normalised word with its span in the original text (side-by-side views)."""

    surface: str
    start: int
    end: int


class _Entry(NamedTuple):
    """What the normaliser knows about one spelling."""

    surface: str | None  # None: drop the word
    stem: str | None  # None: a function word
    may_start_alias: bool


#: The entry of a dropped spelling that cannot start an alias (shared, so
#: that it can be counted and skipped by identity).
_DROPPED = _Entry(None, None, False)


def _split_at_breaks(tokens: list[str]) -> Iterator[list[str]]:
    """The runs of `tokens` between sentence-break markers."""
    start = 0
    while start <= len(tokens):
        try:
            end = tokens.index(_BREAK, start)
        except ValueError:
            end = len(tokens)
        yield tokens[start:end]
        start = end + 1


def display_token(token: str) -> str:
    """A normalised token as shown to readers: abu_kamal -> "abu kamal"."""
    return token.replace("_", " ")


class Normaliser:
    """Normalisation compiled for one set of settings (aliases, furniture)."""

    def __init__(self, settings: ReuseSettings) -> None:
        self._aliases = AliasMatcher(settings.aliases)
        self._furniture = [re.compile(pattern) for pattern in settings.furniture_patterns]
        self._entries: dict[str, dict[str, _Entry]] = {}
        # Per language, chunk of text between spaces -> stems of its words.
        self._chunk_stems: dict[str, dict[str, tuple[str, ...]]] = {}
        # Chunks where an alias of several words, or an acronym, may start.
        self._alias_chunks: set[str] = set()
        # Spellings seen so far at which an alias may start.
        self._alias_starts: set[str] = set()

    def is_furniture(self, text: str) -> bool:
        """Whether `text` as a whole is page furniture (newsletter prompt, ad...)."""
        lowered = text.strip().lower()
        return any(pattern.search(lowered) for pattern in self._furniture)

    def analyse(self, text: str, lang: str = "en") -> list[Sentence]:
        """The normalised sentences of `text`, tiny fragments merged."""
        sentences = []
        for part in split_sentences(text):
            normals = self._words(_WORD.findall(part), lang)
            if normals:
                words, stems = zip(*normals)
                sentences.append(Sentence(words, stems))
        return _merge_fragments(sentences)

    def sketch(self, text: str, lang: str = "en") -> Sketch:
        """The content words, sentence fingerprints and length of `text`.

        Every paragraph of the archive goes through this, so it works on the
        whole paragraph at once and in C-level loops: the text is split at
        white space (sentence breaks become a marker) and each chunk of text
        is looked up in a cache of its stems.  Paragraphs where an alias may
        start take the word-by-word path of :meth:`analyse` instead.
        """
        marked, breaks = _SENTENCE_BREAK.subn(_BREAK_MARK, text)
        chunks = marked.split()
        size = len(chunks) - breaks
        table = self._chunk_stems.setdefault(lang, {_BREAK: (_BREAK,)})
        found = list(map(table.get, chunks))
        if None in found:
            for chunk in chunks:
                if chunk not in table:
                    table[chunk] = self._chunk(chunk, lang)
            found = list(map(table.get, chunks))
        if self._alias_chunks.isdisjoint(chunks):
            stems = list(chain.from_iterable(found))
        else:
            stems = []
            for sentence in split_sentences(text):
                words = self._words(_WORD.findall(sentence), lang)
                stems.extend(stem_ for _, stem_ in words if stem_ is not None)
                stems.append(_BREAK)
        fingerprints = [
            fingerprint(sentence)
            for sentence in _split_at_breaks(stems)
            if len(sentence) >= _FINGERPRINT_MIN_WORDS
        ]
        return Sketch(frozenset(stems).difference((_BREAK,)), tuple(fingerprints), size)

    def tokens(self, text: str, lang: str = "en") -> list[Token]:
        """Every normalised word of `text` with its character span."""
        matches = list(_WORD.finditer(text))
        raws = [match.group() for match in matches]
        entries = self._lookup(raws, lang)
        if self._alias_starts.isdisjoint(raws):  # word by word: the common case, and quicker
            return [Token(entry.surface, match.start(), match.end())
                    for match, entry in zip(matches, entries) if entry.surface is not None]
        return [
            Token(surface, matches[first].start(), matches[last].end())
            for surface, _, first, last in self._normalise(raws, lang)
        ]

    def _words(self, raws: list[str], lang: str) -> list[tuple[str, str | None]]:
        """(surface, stem or None) of each word of one sentence."""
        entries = self._lookup(raws, lang)
        if self._alias_starts.isdisjoint(raws):
            return [entry[:2] for entry in entries if entry is not _DROPPED]
        return [(surface, stem_) for surface, stem_, _, _ in self._normalise(raws, lang)]

    def _normalise(self, raws: list[str], lang: str) -> Iterator[tuple[str, str | None, int, int]]:
        """(surface, stem, first raw index, last raw index) of each word, aliases merged."""
        entries = self._lookup(raws, lang)
        position = 0
        while position < len(raws):
            surface, stem_, may_start = entries[position]
            if may_start:
                found = self._aliases.match(raws, position)
                if found is not None:
                    canonical, length = found
                    yield canonical, canonical, position, position + length - 1
                    position += length
                    continue
            if surface is not None:
                yield surface, stem_, position, position
            position += 1

    def _lookup(self, raws: list[str], lang: str) -> list[_Entry]:
        """The entries of the spellings `raws`, from the cache of language `lang`."""
        table = self._entries.setdefault(lang, {})
        entries = list(map(table.get, raws))
        if None in entries:
            entries = [entry or table.setdefault(raw, self._entry(raw, lang)) for raw, entry in zip(raws, entries)]
        return entries

    def _chunk(self, chunk: str, lang: str) -> tuple[str, ...]:
        """The stems of the words in `chunk`; remembers chunks where an alias may start."""
        raws = _WORD.findall(chunk)
        entries = self._lookup(raws, lang)
        if any(entry.may_start_alias for entry in entries):
            self._alias_chunks.add(chunk)
        return tuple(entry.stem for entry in entries if entry.stem is not None)

    def _entry(self, raw: str, lang: str) -> _Entry:
        """What to make of the spelling `raw` (cached: an archive has few spellings)."""
        may_start = self._aliases.may_start(raw)
        if may_start:
            self._alias_starts.add(raw)
        surface = raw.casefold()
        canonical = self._aliases.single.get(surface)
        if canonical is not None:
            return _Entry(canonical, canonical, may_start)
        if len(surface) == 1 and not surface.isdigit():
            return _Entry(None, None, True) if may_start else _DROPPED
        if surface in stopwords_for(lang):
            return _Entry(surface, None, may_start)
        return _Entry(surface, stem(surface, lang), may_start)


def fingerprint(stems: list[str]) -> int:
    """A sentence's fingerprint: 64 bits of a hash of its stems, the same in every process.

    Python's own hash of strings differs from process to process, and the
    sketches of one archive may be made by several (a distributed run)."""
    digest = hashlib.blake2b("\0".join(stems).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences (see the module docstring for the rule)."""
    return [sentence for sentence in _SENTENCE_BREAK.split(text) if sentence]


def _merge_fragments(sentences: list[Sentence]) -> list[Sentence]:
    """Glue sentences shorter than _MIN_SENTENCE_WORDS to their neighbour."""
    merged: list[Sentence] = []
    for sentence in sentences:
        if merged and (len(sentence.words) < _MIN_SENTENCE_WORDS or len(merged[-1].words) < _MIN_SENTENCE_WORDS):
            previous = merged.pop()
            sentence = Sentence(previous.words + sentence.words, previous.stems + sentence.stems)
        merged.append(sentence)
    return merged
