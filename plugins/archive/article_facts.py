"""What the cross-article features (reuse, corrections) need to know of an
archived article, in plain data: the adapters fill it from Pelican."""
from __future__ import annotations

from dataclasses import dataclass

from .corrections.handling import NOT_RECORDED
from .dates import ArchiveDate


@dataclass(frozen=True)
class ArticleFacts:
    slug: str
    title: str
    url: str                   # site-relative address of the archived page
    outlet: str | None
    date: ArchiveDate
    original: str | None
    handling: str = NOT_RECORDED
    note: str | None = None

    @property
    def source_key(self) -> str:
        return source_key(self.outlet, self.slug)

    @property
    def outlet_label(self) -> str:
        """The outlet's name; an unknown one is told apart by its headline."""
        if self.outlet:
            return self.outlet
        words = self.title.split()
        short = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
        return f"Unknown outlet (“{short}”)"

    def order(self) -> tuple:
        """Oldest first, undated last, then by slug: the archive's reading order."""
        return (self.date.sort_key(), self.slug)


def source_key(outlet: str | None, slug: str) -> str:
    """Who published an article: an unknown outlet counts as an outlet of its own."""
    return f"outlet:{outlet}" if outlet else f"unknown:{slug}"
