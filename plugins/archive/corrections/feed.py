"""An Atom feed of the corrections, for readers who follow the debunks."""
from __future__ import annotations

from datetime import timezone

from feedgenerator import Atom1Feed

from .model import Correction


def corrections_feed(corrections: list[tuple[Correction, str]], site_name: str, site_url: str, feed_url: str) -> str:
    """Atom XML; each entry is a correction with its explainer's absolute address."""
    feed = Atom1Feed(title=f"{site_name}: corrections", link=f"{site_url}/", feed_url=feed_url,
                     description="Corrections of the claims the archived articles repeat.", author_name=site_name)
    for correction, url in sorted(corrections, key=lambda item: item[0].slug):
        published = correction.date.moment.replace(tzinfo=correction.date.moment.tzinfo or timezone.utc)
        feed.add_item(title=correction.title, link=url, unique_id=url, pubdate=published, updateddate=published,
                      description=f"{correction.verdict}. {correction.summary}")
    return feed.writeString("utf-8")
