"""A short label for a repeated statement, taken from the sentence its
versions share most: one paragraph can hold two statements, and each should
be named by its own sentence."""
from __future__ import annotations

import re

LABEL_WORDS = 6   # short enough for a table heading


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


def statement_label(first_text: str, shared: list[list[tuple[int, int]]], taken: set[int] = frozenset()) -> tuple[int, str]:
    """Which sentence of the first seen paragraph a statement is about, and its label.

    `shared` holds, for every other member of the group, the character spans
    of the first seen paragraph it shares (from a word alignment). The
    sentence with the largest summed share of its characters wins; on a tie,
    one that no other statement of the same paragraph is labelled by (`taken`),
    then the earliest. A label taken from inside the paragraph starts with "…".
    """
    spans = sentence_spans(first_text)
    scores = []
    for start, end in spans:
        size = max(end - start, 1)
        score = sum(sum(max(0, min(end, b) - max(start, a)) for a, b in member) / size for member in shared)
        scores.append(round(score, 6))
    best = max(range(len(spans)), key=lambda n: (scores[n], n not in taken, -n))
    label = short_label(first_text[spans[best][0]:spans[best][1]])
    return best, ("…" + label if best else label)
