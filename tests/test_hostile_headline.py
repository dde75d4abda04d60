"""A headline is archived text: kept as published everywhere it appears,
escaped, never stripped, and never able to hide the correction."""
from __future__ import annotations

import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from browser import serve
from conftest import build_site, copy_content

# The tests share a site built for this module: the archive with a hostile headline added.
pytestmark = pytest.mark.slow

HEADLINE = "Figures: 3 < 5 and 7 > 4, says <Ministry> <!--<script>"
ARTICLE = f"""Title: {HEADLINE}
Slug: hostile-headline
Date: 2017-11-15
Outlet: Example Daily
Author: unknown
Lang: en
Original: unknown

There is indisputable evidence that the United States pretends it is waging irreconcilable struggle against international terrorism in front of the international community, while in reality it provides cover for the combat-ready Islamic State groups.
"""
PAGE = "articles/hostile-headline.html"
EXPLAINER = "corrections/abu-kamal-irrefutable-evidence.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    content = copy_content(base)
    (content / "articles" / "hostile.md").write_text(ARTICLE, encoding="utf-8")
    result = build_site(content, base / "output", FEED_ALL_ATOM="feeds/all.atom.xml", FEED_DOMAIN="https://example.org")
    assert result.status == 0, result.errors
    return result


def test_the_headline_is_kept_whole_in_the_title_and_open_graph(built):
    # The article repeats the claim, so its title says so first: the false headline never travels alone.
    soup = BeautifulSoup(built.page(PAGE), "html.parser")
    assert soup.title.get_text().startswith(f"Debunked claim: {HEADLINE} (Example Daily)")
    assert soup.select_one('meta[property="og:title"]')["content"].startswith(f"Debunked claim: {HEADLINE}")
    assert soup.select_one("h1").get_text(strip=True) == HEADLINE


def test_structured_data_cannot_end_its_script_or_open_a_comment(built):
    for path in (PAGE, EXPLAINER):
        soup = BeautifulSoup(built.page(path), "html.parser")
        for script in soup.select('script[type="application/ld+json"]'):
            text = script.string
            assert "<" not in text and ">" not in text, path
            json.loads(text)
    explainer = BeautifulSoup(built.page(EXPLAINER), "html.parser")
    review = json.loads(explainer.select_one('script[type="application/ld+json"]').string)
    assert HEADLINE in [work["headline"] for work in review["itemReviewed"]["appearance"]]


def test_the_feed_entry_title_is_the_headline_marked_and_the_entry_opens_with_the_correction(built):
    feed = feedparser.parse((built.output / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith(PAGE))
    assert entry.title == f"Debunked claim: {HEADLINE}"
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.find(True).name == "aside" and "correction-notice" in content.find(True)["class"]
    assert content.select_one(f'.correction-notice a[href="https://example.org/{EXPLAINER}"]')


@pytest.mark.browser
def test_a_reader_still_sees_the_correction_on_the_article_and_the_explainer(browser, built):
    with serve(built.output) as base:
        page = browser.new_page()
        for path in (PAGE, EXPLAINER):
            page.goto(f"{base}/{path}")
            assert page.locator("h1").is_visible(), path
            notice = page.locator(".correction-notice" if path == PAGE else ".verdict-box")
            assert notice.is_visible(), path
        page.close()
