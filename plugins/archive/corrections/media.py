"""What a debunked image really was, in schema.org's words and a reader's.

schema.org's MediaReview rates media with one of the members of
MediaManipulationRatingEnumeration; a correction file names one by the short
key on the left (https://schema.org/MediaManipulationRatingEnumeration).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaCategory:
    schema: str   # the schema.org member, for mediaAuthenticityCategory
    words: str    # what the explainer tells a reader


CATEGORIES: dict[str, MediaCategory] = {
    "original": MediaCategory("OriginalMediaContent", "Original: shown as it was, in its own context"),
    "decontextualized": MediaCategory("DecontextualizedContent", "Out of context: real material from another time or place"),
    "edited-or-cropped": MediaCategory("EditedOrCroppedContent", "Edited or cropped, and presented as something it is not"),
    "transformed": MediaCategory("TransformedContent", "Transformed: parts of it were changed or made up"),
    "staged": MediaCategory("StagedContent", "Staged for the camera"),
    "satire-or-parody": MediaCategory("SatireOrParodyContent", "Satire or parody, presented as real"),
}


def check_category(value: str) -> str | None:
    if value not in CATEGORIES:
        return f"category {value!r} must be one of: {', '.join(CATEGORIES)}"
    return None
