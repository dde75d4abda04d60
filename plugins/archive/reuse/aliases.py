"""Recognise alias variants ("ISIL", "al-Boukamal", "U.S.") in a run of words.

Variants are matched on words, not characters, so "Abu Kamal", "Abu-Kamal"
and "ABU KAMAL" are one variant.  A variant written without lower-case
letters is an acronym: it matches only in exactly that case, so "is" and "us"
stay ordinary words, and not inside a run of capitals (in "THIS IS A WORK IN
PROGRESS" the "IS" is a verb, not Islamic State).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

_WORD = re.compile(r"\w+")
# A neighbour in capitals of at least this length means the text is shouted.
_SHOUTED_WORD_LENGTH = 3


def canonical_token(name: str) -> str:
    """The single token a canonical name becomes: "Abu Kamal" -> abu_kamal."""
    return "_".join(_WORD.findall(name.casefold()))


class AliasMatcher:
    """Finds alias variants starting at a given word."""

    def __init__(self, aliases: Mapping[str, Iterable[str]]) -> None:
        # First word -> (variant words, canonical token, is acronym), longest first.
        self._exact: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        self._folded: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        #: One-word, non-acronym variants (case-folded) -> canonical token.
        self.single: dict[str, str] = {}
        for canonical, variants in aliases.items():
            token = canonical_token(canonical)
            for variant in (canonical, *variants):
                words = tuple(_WORD.findall(variant))
                if not words:
                    continue
                if not any(ch.islower() for ch in variant):
                    self._exact.setdefault(words[0], []).append((words, token, True))
                elif len(words) == 1:
                    self.single[words[0].casefold()] = token
                else:
                    folded = tuple(word.casefold() for word in words)
                    self._folded.setdefault(folded[0], []).append((folded, token, False))
        for table in (self._exact, self._folded):
            for candidates in table.values():
                candidates.sort(key=lambda item: -len(item[0]))

    def may_start(self, raw: str) -> bool:
        """Whether a variant of more than one word, or an acronym, starts with `raw`."""
        return raw in self._exact or raw.casefold() in self._folded

    def match(self, raws: Sequence[str], start: int) -> tuple[str, int] | None:
        """(canonical token, number of words) of the variant at `start`, if any."""
        raw = raws[start]
        candidates = sorted(
            self._exact.get(raw, []) + self._folded.get(raw.casefold(), []), key=lambda item: -len(item[0])
        )
        for words, canonical, acronym in candidates:
            end = start + len(words)
            window = tuple(raws[start:end])
            if len(window) < len(words):
                continue
            if acronym:
                if window == words and not self._shouted(raws, start, end):
                    return canonical, len(words)
            elif tuple(word.casefold() for word in window) == words:
                return canonical, len(words)
        return None

    def _shouted(self, raws: Sequence[str], start: int, end: int) -> bool:
        neighbours = raws[max(0, start - 1):start] + raws[end:end + 1]
        return any(
            word.isupper() and word.isalpha() and len(word) >= _SHOUTED_WORD_LENGTH and word not in self._exact
            for word in neighbours
        )
