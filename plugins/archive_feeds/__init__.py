"""Pelican adapter: feeds that say only what the archive knows.

* Articles whose date is unknown are left out: Pelican needs a date on every
  article, so an undated one carries a placeholder (see mistune_reader) that
  a feed would publish as a date the source never gave.
* Relative links in an entry's content are made absolute against the
  entry's page, since a feed reader shows the entry away from that page.
* Atom needs an author for every entry: the archive is the feed's author,
  and an entry names the article's byline where the source gives one.
* An entry's title is the headline as published: Pelican strips tags from
  titles (it takes them for HTML), which would cut "3 < 5 and 7 > 4" to
  "3 4", so the archive gives it the headline escaped, which stripping
  turns back into the headline.
* An entry that repeats a debunked claim says so before its headline
  (CLAIM_TITLE_PREFIX), as the page's own title does, and opens with the
  notes the page shows above the archived text (the correction notice): a
  feed reader shows the entry away from the page.

Pelican lets a site have one writer: this one also keeps pages between
builds (kept_pages).
"""
import html

from pelican import signals

from archive.absolute_links import absolutize, feed_address
from kept_pages import KeptPagesWriter, register as keep_pages


class _FeedEntry:
    """An article as a feed sees it: the same, but with absolute links."""

    def __init__(self, item, site_url: str, claim_prefix: str):
        self._item = item
        self._page = f"{site_url}/{item.url}"
        self._prefix = f"{claim_prefix}: " if getattr(item, "corrections", None) else ""

    def __getattr__(self, name):
        return getattr(self._item, name)

    def get_content(self, siteurl):
        notices = "".join(getattr(self._item, "notices", ()))
        return absolutize(notices + self._item.get_content(siteurl), self._page)

    @property
    def summary(self):
        return absolutize(self._item.summary, self._page)

    @property
    def title(self):
        return html.escape(self._prefix + self._item.title, quote=False)

    @property
    def author(self):
        return self._item.archive.author if hasattr(self._item, "archive") else None


class ArchiveFeedWriter(KeptPagesWriter):
    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        feed.feed["author_name"] = context["SITENAME"]
        return feed

    def write_feed(self, elements, context, *args, **kwargs):
        site_url = feed_address(self.settings)
        prefix = self.settings.get("CLAIM_TITLE_PREFIX", "Debunked claim")
        dated = [_FeedEntry(item, site_url, prefix) for item in elements if getattr(item, "date_known", True)]
        return super().write_feed(dated, context, *args, **kwargs)


def provide_writer(pelican):
    return ArchiveFeedWriter


def register():
    signals.get_writer.connect(provide_writer)
    keep_pages()
