"""What the cross-article features (reuse, corrections) need to know of an
archived article, in plain data: the adapters fill it from Pelican."""
from __future__ import annotations

from dataclasses import dataclass

from .outlet_handling import NOT_RECORDED
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
        return outlet_label(self.outlet, self.title)

    def order(self) -> tuple:
        """Oldest first, undated last, then by slug: the archive's reading order."""
        return (self.date.sort_key(), self.slug)


def source_key(outlet: str | None, slug: str) -> str:
    """Who published an article: an unknown outlet counts as an outlet of its own."""
    return f"outlet:{outlet}" if outlet else f"unknown:{slug}"


#: What the pages call an outlet the article's text does not name.
NOT_STATED = "Outlet not stated"


def outlet_label(outlet: str | None, title: str) -> str:
    """The outlet's name. An unknown outlet is an outlet of its own (see
    source_key), told apart by its article's headline: every page that names
    outlets (overview, explainer, outlet pages) uses this one label."""
    if outlet:
        return outlet
    words = title.split()
    short = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    return f"{NOT_STATED} — “{short}”"


def outlet_page_slug(outlet: str | None, slug: str) -> str | None:
    """The address of an unknown outlet's own page, from its one article's
    slug, as source_key tells it apart (two headlines may begin alike; two
    slugs never are). None for a named outlet: its name makes the address."""
    return None if outlet else f"not-stated-{slug}"
