"""Word-by-word comparison of two paragraphs, for a side-by-side view.

Words are compared after normalisation (case, punctuation, quote style and
aliases do not count as differences), but every segment points back to the
original text, so a view can mark the archived words exactly as published.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from .normalise import Normaliser, Token
from .settings import ReuseSettings

SAME, ONLY_A, ONLY_B = "same", "only_a", "only_b"


@dataclass(frozen=True)
class Segment:
    """A run of words that both texts share (`kind` "same") or only one has.

    `a_span`/`b_span` are (start, end) character offsets into the original
    texts, None on the side that lacks the words; `a`/`b` are those slices.
    """

    kind: str
    a: str
    b: str
    a_span: tuple[int, int] | None
    b_span: tuple[int, int] | None


def align(
    a_text: str,
    b_text: str,
    settings: ReuseSettings = ReuseSettings(),
    *,
    a_lang: str = "en",
    b_lang: str = "en",
    normaliser: Normaliser | None = None,
) -> list[Segment]:
    """Segments covering every word of both texts, in reading order.

    Pass a `normaliser` (made once from the same settings) when aligning many
    pairs: building one compiles the aliases and furniture patterns."""
    normaliser = normaliser or Normaliser(settings)
    a_tokens = normaliser.tokens(a_text, a_lang)
    b_tokens = normaliser.tokens(b_text, b_lang)
    matcher = SequenceMatcher(
        None, [t.surface for t in a_tokens], [t.surface for t in b_tokens], autojunk=False
    )
    segments = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        a_span = _span(a_tokens[a_start:a_end])
        b_span = _span(b_tokens[b_start:b_end])
        if operation == "equal":
            segments.append(_segment(SAME, a_text, b_text, a_span, b_span))
            continue
        if a_span:
            segments.append(_segment(ONLY_A, a_text, b_text, a_span, None))
        if b_span:
            segments.append(_segment(ONLY_B, a_text, b_text, None, b_span))
    return segments


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    return (tokens[0].start, tokens[-1].end) if tokens else None


def _segment(
    kind: str, a_text: str, b_text: str, a_span: tuple[int, int] | None, b_span: tuple[int, int] | None
) -> Segment:
    return Segment(
        kind=kind,
        a=a_text[a_span[0]:a_span[1]] if a_span else "",
        b=b_text[b_span[0]:b_span[1]] if b_span else "",
        a_span=a_span,
        b_span=b_span,
    )
