"""Decorate rendered paragraphs (classes, notes before and after) without re-parsing.

Paragraphs come from `render.py` as `<p id="…" class="para">…</p>`, and
archived inline text cannot contain `</p>`, so one regular-expression pass
finds every paragraph, whatever classes an earlier decoration added. This keeps decoration linear in the size of the page,
which matters at 100,000 paragraphs, and never touches the archived words:
the archive's own notes go beside the paragraph, never inside it, so that
they can be blocks (a flag, a list that opens) and the archived text stays
exactly the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r'<p id="(?P<id>[^"]+)" class="(?P<classes>para[^"]*)">(?P<inner>.*?)</p>', re.DOTALL)


@dataclass(frozen=True)
class Decoration:
    classes: tuple[str, ...] = ()
    before: str = ""   # HTML placed just before the paragraph
    after: str = ""    # HTML placed just after it


def decorate(html: str, decorations: dict[str, Decoration]) -> str:
    """Apply each paragraph's decoration; paragraphs not named stay as they are.

    A later decoration of a paragraph already decorated adds its classes and
    puts its notes nearest to the paragraph."""
    if not decorations:
        return html

    def apply(match: re.Match) -> str:
        decoration = decorations.get(match["id"])
        if decoration is None:
            return match[0]
        classes = " ".join((match["classes"],) + decoration.classes)
        return f'{decoration.before}<p id="{match["id"]}" class="{classes}">{match["inner"]}</p>{decoration.after}'

    return _PARAGRAPH.sub(apply, html)
