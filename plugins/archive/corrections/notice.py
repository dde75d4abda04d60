"""Words of the correction notice that depend on what was matched; the
notice, the flags and the context note themselves are theme templates
(_correction_notice.html, _claim_flag.html, _debunk_note.html)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ClaimFlag:
    """The flag above one paragraph that repeats a correction's claim (theme: _claim_flag.html)."""

    finding: Any   # the article's finding (archive.corrections.apply), naming the correction
    passages: str  # which passages of the claim's wording it matched, in words (matched_passages)


def matched_passages(numbers: tuple[int, ...]) -> str:
    """Which passages of the claim's wording a paragraph matched, in words."""
    if not numbers:
        return ""
    listed = ", ".join(str(n) for n in numbers[:-1]) + (" and " if len(numbers) > 1 else "") + str(numbers[-1])
    return f"passage{'s' if len(numbers) > 1 else ''} {listed} of the claim's wording"
