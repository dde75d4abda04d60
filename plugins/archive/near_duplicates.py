"""Is a new article nearly one the archive already has?

An exact copy of an archived text is refused on import (the same words in
the same order: see ``content_check.text_fingerprint``).  A near copy -- the
same article saved again with a corrected typo, a dropped paragraph, a
changed headline -- slips past that, and the build would then link the two
as "verbatim" reuse, as if one outlet had copied another.  This module says
how much of a new text's sentences an archived article already holds.

Sentences are split with the reuse detector's own rule
(:func:`archive.reuse.normalise.split_sentences`) and compared by their
case-folded words, so quote styles and spacing do not matter, but any
changed word does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_escape import unescape_line
from .reuse.normalise import split_sentences

#: Share of the new article's sentences found in one archived article from
#: which the two are taken for the same article.
NEAR_DUPLICATE_SHARE = 0.9
_WORDS = re.compile(r"\w+")


def sentence_keys(body: str) -> frozenset[str]:
    """The sentences of an article's Markdown body, each as its case-folded words."""
    keys = set()
    for paragraph in re.split(r"\n\s*\n", body):
        lines = [unescape_line(line) for line in paragraph.split("\n") if not line.lstrip().startswith(":::")]
        for sentence in split_sentences(" ".join(lines)):
            words = " ".join(_WORDS.findall(sentence.casefold()))
            if words:
                keys.add(words)
    return frozenset(keys)


@dataclass(frozen=True)
class Archived:
    """What the comparison needs of one archived article."""
    path: str
    outlet: str | None   # None when unknown
    sentences: frozenset[str]


@dataclass(frozen=True)
class NearDuplicate:
    other: Archived
    share: float   # of the new article's sentences found in `other`


def nearest(sentences: frozenset[str], archive: list[Archived], skip: str | None = None) -> NearDuplicate | None:
    """The archived article holding the largest share (at least
    NEAR_DUPLICATE_SHARE) of `sentences`, or None; `skip` is the new
    article's own path (an article being re-imported over itself)."""
    if not sentences:
        return None
    best: NearDuplicate | None = None
    for other in archive:
        if other.path == skip:
            continue
        share = len(sentences & other.sentences) / len(sentences)
        if share >= NEAR_DUPLICATE_SHARE and (best is None or share > best.share):
            best = NearDuplicate(other, share)
    return best
