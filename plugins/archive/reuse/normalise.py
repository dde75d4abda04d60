"""From a paragraph's text to sentences of normalised words.

Two outlets copying one statement differ in case, punctuation, quote style,
spelling of names ("Abu Kamal", "al-Boukamal") and word endings.  This module
removes exactly those differences and nothing else:

* sentences are split at . ! ? followed by a capital or digit, except after
  a single letter or a known abbreviation ("U.S. forces", "Dr. Mikdad");
* words are runs of letters/digits in any script, so hyphens and apostrophes
  split them ("15-km" -> 15 km, "d'Abou" -> d Abou) the same way everywhere;
* alias variants become one canonical token ("ISIL" -> islamic_state);
  acronym variants only match in upper case, and not inside a run of
  upper-case words ("THIS IS A WORK IN PROGRESS" keeps its "IS");
* each word keeps a case-folded surface form (for judging verbatim copies)
  and, unless it is a function word, a stem (for judging shared content).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple

from .settings import ReuseSettings
from .stem import stem
from .stopwords import stopwords_for

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*\w)")
_OPENERS = "\"'“‘«([ "
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj sgt capt cmdr adm sen rep gov pres st
    jr sr no vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug
    sep sept oct nov dec fig al""".split()
)
# Three or more upper-case words in a row: a shouted headline or an on-screen
# caption, where "IS" or "US" is an ordinary word, not an acronym.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω"
_SHOUTING = re.compile(rf"(?<!\w)[{_UPPER}]+(?:[^\w.]+[{_UPPER}]+){{2,}}(?!\w)")
# A sentence shorter than this many words is glued to its neighbour: a
# trailing "Said" or a caption line is not a statement of its own.
_MIN_SENTENCE_WORDS = 4


class Sentence(NamedTuple):
    """One sentence, normalised.

    `words` are all its words in order, case-folded, aliases canonical.
    `content` are the stems of its content words (function words dropped),
    in order, repeats kept.
    """

    words: tuple[str, ...]
    content: tuple[str, ...]


class Token(NamedTuple):
    """A word with its position in the original text (for side-by-side views)."""

    surface: str
    stem: str | None
    start: int
    end: int


def canonical_token(name: str) -> str:
    """The single token an alias canonical name becomes: "Abu Kamal" -> abu_kamal."""
    return "_".join(_WORD.findall(name.casefold()))


def display_token(token: str) -> str:
    """A normalised token as shown to readers: abu_kamal -> "abu kamal"."""
    return token.replace("_", " ")


class Normaliser:
    """Normalisation compiled for one set of settings (aliases, furniture)."""

    def __init__(self, settings: ReuseSettings) -> None:
        self._token_re, self._exact, self._folded = _compile_aliases(settings.aliases)
        self._furniture = [re.compile(p, re.IGNORECASE) for p in settings.furniture_patterns]
        self._cache: dict[str, dict[str, tuple[str, str | None] | None]] = {}

    # -- paragraph level --------------------------------------------------------

    @staticmethod
    def word_count(text: str) -> int:
        return len(_WORD.findall(text))

    def is_furniture(self, text: str) -> bool:
        stripped = text.strip()
        return any(pattern.search(stripped) for pattern in self._furniture)

    def analyse(self, text: str, lang: str = "en") -> list[Sentence]:
        """The normalised sentences of `text`, tiny fragments merged."""
        sentences = [self._sentence(part, lang) for part in split_sentences(text)]
        return _merge_fragments([s for s in sentences if s.words])

    # -- word level -------------------------------------------------------------

    def tokens(self, text: str, lang: str = "en") -> list[Token]:
        """Every word of `text` with its character span in `text`."""
        table = self._table(lang)
        result: list[Token] = []
        for match in self._token_re.finditer(_unshout(text)):
            normal = self._normal(match.group(), table, lang)
            if normal is not None:
                result.append(Token(normal[0], normal[1], match.start(), match.end()))
        return result

    def _sentence(self, text: str, lang: str) -> Sentence:
        table = self._table(lang)
        words: list[str] = []
        content: list[str] = []
        for raw in self._token_re.findall(_unshout(text)):
            normal = table.get(raw, False)
            if normal is False:
                normal = self._normal(raw, table, lang)
            if normal is not None:
                words.append(normal[0])
                if normal[1] is not None:
                    content.append(normal[1])
        return Sentence(tuple(words), tuple(content))

    def _table(self, lang: str) -> dict[str, tuple[str, str | None] | None]:
        return self._cache.setdefault(lang, {})

    def _normal(self, raw: str, table: dict, lang: str) -> tuple[str, str | None] | None:
        """(surface, stem or None for a function word), or None to skip `raw`.

        Cached per language: a large archive has few distinct spellings.
        """
        if raw in table:
            return table[raw]
        key = "".join(_WORD.findall(raw))
        canonical = self._exact.get(key) or self._folded.get(key.casefold())
        if canonical is not None:
            normal: tuple[str, str | None] | None = (canonical, canonical)
        else:
            surface = key.casefold()
            if len(surface) == 1 and not surface.isdigit():
                normal = None  # possessive s, French d' and l', initials
            elif surface in stopwords_for(lang):
                normal = (surface, None)
            else:
                normal = (surface, stem(surface, lang))
        table[raw] = normal
        return normal


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences (see the module docstring for the rule)."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end():].lstrip(_OPENERS)[:1]
        if not (following.isupper() or following.isdigit()):
            continue
        words_before = _WORD.findall(text[start:match.start() + 1][-12:])
        last = words_before[-1] if words_before else ""
        if text[match.start()] == "." and (len(last) == 1 or last.casefold() in _ABBREVIATIONS):
            continue
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _merge_fragments(sentences: list[Sentence]) -> list[Sentence]:
    merged: list[Sentence] = []
    for sentence in sentences:
        if merged and (len(sentence.words) < _MIN_SENTENCE_WORDS or len(merged[-1].words) < _MIN_SENTENCE_WORDS):
            previous = merged.pop()
            sentence = Sentence(previous.words + sentence.words, previous.content + sentence.content)
        merged.append(sentence)
    return merged


def _unshout(text: str) -> str:
    """Lower-case runs of upper-case words so acronym aliases skip them."""
    return _SHOUTING.sub(lambda m: m.group().lower(), text)


def _compile_aliases(
    aliases: Mapping[str, Iterable[str]],
) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """A token regex that matches alias variants first, and two lookup tables.

    `exact` maps acronym variants (their letters joined, case kept) and
    `folded` maps the other variants (letters joined, case-folded) to the
    canonical token.
    """
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    exact_patterns: list[str] = []
    folded_patterns: list[str] = []
    for canonical, variants in aliases.items():
        token = canonical_token(canonical)
        for variant in (canonical, *variants):
            parts = _WORD.findall(variant)
            if not parts:
                continue
            if not any(ch.islower() for ch in variant):
                exact["".join(parts)] = token
                exact_patterns.append(r"\.?".join(map(re.escape, parts)))
            else:
                folded["".join(parts).casefold()] = token
                if len(parts) > 1:  # one-word variants are found as plain words
                    folded_patterns.append(r"[\W_]+".join(map(re.escape, parts)))
    alternatives = []
    if folded_patterns:
        alternatives.append(r"(?i:(?<!\w)(?:%s)(?!\w))" % "|".join(sorted(set(folded_patterns), key=len, reverse=True)))
    if exact_patterns:
        alternatives.append(r"(?<!\w)(?:%s)(?!\w)" % "|".join(sorted(set(exact_patterns), key=len, reverse=True)))
    alternatives.append(r"\w+")
    return re.compile("|".join(alternatives)), exact, folded
