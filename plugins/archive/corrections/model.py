"""The plain records a correction file is read into."""
from __future__ import annotations

from dataclasses import dataclass

from ..dates import ArchiveDate


@dataclass(frozen=True)
class Evidence:
    publisher: str
    date: ArchiveDate
    title: str
    url: str


@dataclass(frozen=True)
class Image:
    """One debunked image (or a set of images that share their origin), for
    the explainer's list and its MediaReview."""
    name: str                     # how the explainer names it, e.g. "The convoy still"
    claimed: str                  # what it was claimed to show
    really: str                   # what it really was
    context: str                  # its original context (originalMediaContextDescription)
    category: str                 # a key of media.CATEGORIES
    sources: tuple[Evidence, ...]  # entries of the correction's Evidence section
    original_link: str | None     # where the original can be seen, when a source gives it
    anchor: str                   # its id on the explainer: "image-" + its name as a slug


@dataclass(frozen=True)
class Event:
    """Something that happened to the claim, for the timeline."""
    date: ArchiveDate
    title: str
    detail: str
    source: str | None


@dataclass(frozen=True)
class Correction:
    path: str
    slug: str
    title: str
    date: ArchiveDate                 # when this correction was written
    claim: str                        # the claim in a few words (claimReviewed)
    claimant: str
    claim_date: ArchiveDate
    first_appearance: str | None      # where the claim first appeared, in words
    verdict: str                      # the verdict in a few words, shown everywhere
    rating: str                       # one word or two: "False"
    summary: str                      # one or two sentences for the notice on articles
    passages: tuple[str, ...]         # the claim's own wording, matched against paragraphs
    debunk_passages: tuple[str, ...]  # the debunk's wording: an article that gives it as much room reports the debunk
    explanation: str                  # Markdown
    evidence: tuple[Evidence, ...]
    images: tuple[Image, ...]         # what each debunked image really was (optional section)
    events: tuple[Event, ...]         # dated things that happened to the claim (optional section)
    include: tuple[str, ...]          # article slugs that carry the claim whatever the matcher says
    exclude: tuple[str, ...]          # article slugs that never get this correction

    @property
    def verdict_reason(self) -> str:
        """The verdict without the rating it may begin with ("False: the
        images came ..." -> "The images came ..."), for a page that shows the
        rating on its own just before it."""
        head, colon, rest = self.verdict.partition(":")
        if colon and head.strip().lower() == self.rating.strip().lower() and rest.strip():
            rest = rest.strip()
            return rest[0].upper() + rest[1:]
        return self.verdict
