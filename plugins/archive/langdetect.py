"""A tiny, dependency-free language guess for en, fr, de, es, it and ru.

The guess counts function words ("stopwords") of each language in a text.
Function words are frequent in any running text and differ between
languages, so a handful of them is strong evidence; a few proper names or
loanwords are not.  Words shared by several of these languages ("a", "de",
"la", "in", "die", "con" ...) are left out of the lists so that one shared
word never tips the balance.  Russian is recognised by its script.

:func:`guess` answers only when the evidence is clear, else ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LANGUAGES", "Guess", "scores", "guess"]

# Function words per language.  A word may appear in several lists; it then
# counts 1/n for each of the n languages (see `scores`).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the and of to is are was were that this these those with for from by
        which who whom whose have has had been not but their they them its
        would could should will shall what when where there here than then also
        about into over after before because while said says an or as be at on
        we our you your he his she her him it in a""".split()
    ),
    "fr": frozenset(
        """le la les des du de et est une un pour par sur dans au aux ce cette ces
        qui que qu il ils elle elles sont été être avoir ont avait leur leurs
        mais ou où nous vous sa ses son pas ne plus selon entre aussi avec en a
        se d l s n c j""".split()
    ),
    "de": frozenset(
        """der die das und ist nicht ein eine einer einen eines dem den des sich
        mit auf für von zu zum zur im ins am auch wird werden wurde wurden hat
        haben hatte hatten sind war dass daß oder aber nach bei aus wie noch
        nur sein seine ihre ihr es sie wir ich um über in""".split()
    ),
    "es": frozenset(
        """el la los las del de y una un por para con es son fue fueron está
        están pero como más sus su al lo le les ha han había entre sobre también
        según cuando donde este esta estos estas ese esa porque muy sin en se
        que a""".split()
    ),
    "it": frozenset(
        """il lo la gli della delle dello degli dei nel nella nelle negli sono è
        e una uno un per con che non di da ha hanno anche più come dal dalla
        alla alle allo agli sul sulla questo questa quello quella stato essere
        in a si""".split()
    ),
}

# How many lists each word is in: a shared word is split between them.
_SHARE: dict[str, int] = {}
for _words in _STOPWORDS.values():
    for _w in _words:
        _SHARE[_w] = _SHARE.get(_w, 0) + 1

LANGUAGES = ("en", "fr", "de", "es", "it", "ru")

# Elided articles and pronouns (l', d', qu', s') count as French words.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@dataclass(frozen=True)
class Guess:
    lang: str
    hits: float       # stopword weight of `lang` found
    words: int        # words in the text
    runner_up: float  # stopword weight of the next best language


def scores(text: str) -> dict[str, float]:
    """Stopword weight per language (Russian: the number of Cyrillic words).

    A word in n of the lists adds 1/n to each of those languages.
    """
    counts = {lang: 0.0 for lang in LANGUAGES}
    for word in _WORD.findall(text.lower()):
        if _CYRILLIC.search(word):
            counts["ru"] += 1
            continue
        share = _SHARE.get(word)
        if not share:
            continue
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1 / share
    return {lang: round(value, 6) for lang, value in counts.items()}


def _distinct_hits(text: str, lang: str) -> int:
    """Words of `text` that are stopwords of `lang` and of no other language."""
    own = _STOPWORDS.get(lang, frozenset())
    return sum(1 for w in _WORD.findall(text.lower()) if w in own and _SHARE[w] == 1)


def guess(
    text: str,
    min_hits: float = 4,
    min_share: float = 0.12,
    min_distinct: int = 2,
    dominance: float = 1.5,
) -> Guess | None:
    """The language of `text` when the evidence is clear, else ``None``.

    Clear means: the winning language has a stopword weight of at least
    `min_hits`, making up at least `min_share` of all words and at least
    `dominance` times the weight of the runner-up, and at least
    `min_distinct` of its words belong to no other language's list, more
    than the runner-up has of its own (so French is not called Spanish on
    the strength of "de" and "la").
    """
    words = _WORD.findall(text)
    if not words:
        return None
    counts = scores(text)
    if counts["ru"] and counts["ru"] * 2 >= len(words):
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return Guess("ru", counts["ru"], len(words), ranked[1][1])
    counts["ru"] = 0.0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, hits), (runner_up, second) = ranked[0], ranked[1]
    if hits < min_hits or hits < min_share * len(words) or hits < dominance * second:
        return None
    distinct = _distinct_hits(text, best)
    if distinct < min_distinct or distinct <= _distinct_hits(text, runner_up):
        return None
    return Guess(best, hits, len(words), second)
