"""Cheap stemming, so that "refused", "refuses" and "refuse" count as one word.

English gets a light suffix stripper (plurals, -ed, -ing, -ly, final e/y),
which is enough for reworded news copy and never merges two unrelated
common words the way aggressive stemmers can.  Other languages get prefix
truncation: inflected languages (Russian, German, French) mostly vary at the
end of the word, and cutting every word to its first letters is a known,
language-neutral substitute for a real stemmer.
"""

from __future__ import annotations

_VOWELS = frozenset("aeiouy")
_UNDOUBLE = frozenset("bdfgmnprt")  # "stopped" -> "stop", but "called" -> "call"
_PREFIX_LENGTH = 6


def stem(word: str, lang: str = "en") -> str:
    """The stem of a lower-case `word` in language `lang`."""
    if not word.isalpha():  # numbers, "15km", canonical alias tokens
        return word
    if lang.startswith("en"):
        return _english(word)
    return word[:_PREFIX_LENGTH]


def _english(word: str) -> str:
    if len(word) <= 3:
        return word
    word = _strip_plural(word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] in _UNDOUBLE:
                word = word[:-1]
            break
    if word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word


def _strip_plural(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _has_vowel(part: str) -> bool:
    return any(ch in _VOWELS for ch in part)
