"""Decorate rendered paragraphs (classes, a trailing note) without re-parsing.

Paragraphs come from `render.py` as `<p id="p-…" class="para">…</p>`, and
archived inline text cannot contain `</p>`, so one regular-expression pass
finds every paragraph, whatever classes an earlier decoration added. This keeps decoration linear in the size of the page,
which matters at 100,000 paragraphs, and never touches the archived words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r'<p id="(?P<id>[^"]+)" class="(?P<classes>para[^"]*)">(?P<inner>.*?)</p>', re.DOTALL)


@dataclass(frozen=True)
class Decoration:
    classes: tuple[str, ...] = ()
    after: str = ""   # HTML placed after the paragraph's text, inside it


def merge(*decorations: Decoration) -> Decoration:
    return Decoration(tuple(c for d in decorations for c in d.classes), "".join(d.after for d in decorations))


def decorate(html: str, decorations: dict[str, Decoration]) -> str:
    """Apply each paragraph's decoration; paragraphs not named stay as they are."""
    if not decorations:
        return html

    def apply(match: re.Match) -> str:
        decoration = decorations.get(match["id"])
        if decoration is None:
            return match[0]
        classes = " ".join((match["classes"],) + decoration.classes)
        return f'<p id="{match["id"]}" class="{classes}">{match["inner"]}{decoration.after}</p>'

    return _PARAGRAPH.sub(apply, html)
