"""The published build's feeds parse as Atom, as a feed reader reads them
(feedparser), with what RFC 4287 requires of a feed and of every entry."""
from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PUBLISHED_SITEURL

FEEDS = ("feeds/all.atom.xml", "feeds/corrections.atom.xml")


@pytest.fixture(scope="module")
def feeds(published_site) -> dict[str, feedparser.FeedParserDict]:
    return {feed: feedparser.parse((published_site.output / feed).read_bytes()) for feed in FEEDS}


def dated_articles(output) -> set[str]:
    """Addresses of the article pages whose publication date is known: the feed's entries."""
    dated = set()
    for page in sorted((output / "articles").glob("*.html")):
        facts = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".facts")
        if facts.find("time"):
            dated.add(f"{PUBLISHED_SITEURL}/articles/{page.name}")
    return dated


@pytest.mark.parametrize("feed", FEEDS)
def test_the_feed_is_well_formed_atom(feeds, feed):
    parsed = feeds[feed]
    assert not parsed.bozo, f"{feed}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    head = parsed.feed
    assert head.get("title") and head.get("id") and head.get("updated_parsed"), head
    links = {link.rel: link.href for link in head.links}
    assert links.get("self") == f"{PUBLISHED_SITEURL}/{feed}"
    assert links.get("alternate") == f"{PUBLISHED_SITEURL}/"


@pytest.mark.parametrize("feed", FEEDS)
def test_every_entry_has_a_title_an_id_a_link_and_dates(feeds, feed):
    entries = feeds[feed].entries
    assert entries, f"{feed} has no entries"
    ids = [entry.get("id") for entry in entries]
    assert all(ids) and len(set(ids)) == len(ids), f"{feed}: entry ids missing or repeated: {ids}"
    for entry in entries:
        assert entry.get("title"), entry
        assert entry.get("updated_parsed") and entry.get("published_parsed"), f"{entry.title}: no dates"
        alternate = [link.href for link in entry.links if link.rel == "alternate"]
        assert len(alternate) == 1 and alternate[0].startswith(f"{PUBLISHED_SITEURL}/"), (entry.title, alternate)
        assert entry.get("content") or entry.get("summary"), f"{entry.title}: no text"


def test_the_article_feed_lists_every_dated_article_and_only_those(feeds, published_site):
    """Undated articles stay out: a feed would publish a date the source never gave."""
    listed = {entry.link for entry in feeds["feeds/all.atom.xml"].entries}
    assert listed == dated_articles(published_site.output)


def test_the_corrections_feed_lists_every_explainer(feeds, published_site):
    explainers = {f"{PUBLISHED_SITEURL}/corrections/{page.name}"
                  for page in (published_site.output / "corrections").glob("*.html")}
    assert explainers
    assert {entry.link for entry in feeds["feeds/corrections.atom.xml"].entries} == explainers


@pytest.mark.parametrize("feed", FEEDS)
def test_every_entry_names_its_author(feeds, feed):
    """RFC 4287: every entry has an author with a name, its own or the feed's."""
    parsed = feeds[feed]
    feed_author = parsed.feed.get("author_detail", {}).get("name")
    for entry in parsed.entries:
        names = [author.get("name") for author in entry.get("authors", [])]
        assert (names and all(names)) or (not names and feed_author), f"{feed}: {entry.title}: authors {names}"
