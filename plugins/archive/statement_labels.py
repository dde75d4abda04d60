"""A short title for a repeated statement, in the first version's own words.

The title is the run of a few words that the group's other versions repeat
most, taken from the sentence they share most: that run is the statement
("refused to strike the convoy, citing the Geneva Convention"), where the
opening words of a paragraph are usually its attribution ("The ministry
also said that...").  One paragraph can hold two statements, and each is
named by its own sentence.  The words are quoted, never rewritten: they are
the archived text's.
"""
from __future__ import annotations

import re

from .reuse.stopwords import stopwords_for

LABEL_WORDS = 6    # short enough for a table heading
TITLE_WORDS = 10   # a statement in a few words, for a group's page and its links

_WORD = re.compile(r"\S+")
# Quotes and punctuation trimmed from either end of a title.
_TRIM = "\"“”'‘’«»()[],;:.!?–—- "


def short_label(text: str, words: int = LABEL_WORDS) -> str:
    """The opening words of a paragraph, quotes trimmed, with an ellipsis when cut."""
    parts = text.strip().strip("\"“”'‘’ ").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# A sentence ends at . ! or ? (and any closing quotes) before a space and a capital or opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?[A-Z])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, roughly: for labels only."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _covered(start: int, end: int, shared: list[list[tuple[int, int]]]) -> int:
    """How many versions share some of the characters start..end."""
    return sum(any(a < end and start < b for a, b in member) for member in shared)


def statement_label(first_text: str, shared: list[list[tuple[int, int]]], taken: set[int] = frozenset(),
                    words: int = TITLE_WORDS, lang: str = "en") -> tuple[int, str]:
    """Which sentence of the first version a statement is about, and its title.

    `shared` holds, for every other member of the group, the character spans
    of the first version it shares (from a word alignment).  The sentence
    with the largest summed share of its characters wins; on a tie, one that
    no other statement of the same paragraph is labelled by (`taken`), then
    the earliest.  The title is the window of at most `words` words of that
    sentence that most versions share, word by word (the earliest window on
    a tie, the whole sentence when it is short enough); function words count
    for nothing, so that the window covers what the versions say, not how
    they say it.  "…" marks a cut.
    """
    spans = sentence_spans(first_text)
    scores = []
    for start, end in spans:
        size = max(end - start, 1)
        score = sum(sum(max(0, min(end, b) - max(start, a)) for a, b in member) / size for member in shared)
        scores.append(round(score, 6))
    best = max(range(len(spans)), key=lambda n: (scores[n], n not in taken, -n))
    start, end = spans[best]
    tokens = [(start + m.start(), start + m.end()) for m in _WORD.finditer(first_text[start:end])]
    function_words = stopwords_for(lang)
    weight = [0 if first_text[a:b].strip(_TRIM).casefold() in function_words else _covered(a, b, shared)
              for a, b in tokens]
    width = min(words, len(tokens))
    sums = [sum(weight[i:i + width]) for i in range(len(tokens) - width + 1)] or [0]
    first = max(range(len(sums)), key=lambda i: (sums[i], -i))
    # A cut window leaves out its unshared ends: they belong to the words around the statement.
    last = first + width - 1
    while width < len(tokens) and first < last and weight[first] == 0:
        first += 1
    while width < len(tokens) and last > first and weight[last] == 0:
        last -= 1
    title = first_text[tokens[first][0]:tokens[last][1]].strip(_TRIM)
    opening = "…" if first > 0 or best > 0 else ""
    closing = "…" if last < len(tokens) - 1 else ""
    return best, opening + title + closing
