"""Counts in words: the one helper every page, notice and drawing uses, so
that "1 article" and "2 articles" agree everywhere (templates get it as the
`plural` filter: `{{ n|plural("article") }}`)."""
from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`n` and the word that agrees with it: '1 article', '2 articles'.

    `many` is the plural for a word or phrase that does not just add an s,
    verbs included: plural(n, "paragraph repeats it", "paragraphs repeat it").
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"
