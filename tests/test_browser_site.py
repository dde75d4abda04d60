"""A reader's path through the built site, in headless Chromium."""
from __future__ import annotations

import pytest

# Every test here drives Chromium.
pytestmark = pytest.mark.browser


@pytest.mark.slow
def test_from_the_home_page_to_every_article_and_an_outlet(browser, site):
    page = browser.new_page()
    page.goto(f"{site}/index.html")
    headlines = page.locator("table.article-list tbody td a[href*='articles/']")
    titles = headlines.all_inner_texts()
    assert len(titles) == 5
    for title in titles:
        page.goto(f"{site}/index.html")
        page.get_by_role("link", name=title, exact=True).click()
        assert page.locator("h1").inner_text() == title
        assert page.locator(".facts").is_visible()
        assert page.locator(".article-body p.para").count() > 3
    page.goto(f"{site}/index.html")
    page.get_by_role("link", name="Fort Russ News").first.click()
    assert page.locator("h1").inner_text() == "Fort Russ News"
    page.locator("table.article-list").get_by_role("link", name="Russian MoD details US-ISIS cooperation").click()
    assert "Samer Hussein" in page.locator(".facts").inner_text()


def test_paragraph_numbers_stand_in_the_margin_and_target_their_paragraph(browser, site):
    # Visible, not shown on hover only: "¶3" in an "also in" list or the overview names a paragraph by them.
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(f"{site}/articles/russian-mod-details-us-isis-cooperation.html")
    paragraph = page.locator(".article-body p.para").nth(2)
    anchor = paragraph.locator(".para-anchor")
    assert anchor.is_visible() and anchor.inner_text() == "¶3"
    text_left = paragraph.evaluate("p => p.getBoundingClientRect().left")
    assert anchor.evaluate("a => a.getBoundingClientRect().right") <= text_left, "in the margin, not in the text"
    anchor.click()
    assert page.url.endswith("#" + paragraph.get_attribute("id"))
    assert paragraph.evaluate("p => p.matches(':target')")


def test_the_site_reads_without_javascript_and_on_a_phone(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("index.html", "articles/russia-us-directly-supports-isil-terrorists-in-syria.html",
                 "outlets/index.html", "about.html"):
        page.goto(f"{site}/{path}")
        assert page.locator("h1").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"
    context.close()


def test_skip_link_is_the_first_stop_and_moves_to_the_content(browser, site):
    page = browser.new_page()
    page.goto(f"{site}/index.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_a_missing_page_deep_in_the_site_gets_the_styled_404_page_and_links_that_work(browser, site):
    page = browser.new_page()
    styles = []
    page.on("response", lambda r: styles.append((r.url, r.status)) if r.url.endswith(".css") else None)
    answer = page.goto(f"{site}/a/b/c.html")
    assert answer.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert styles == [(f"{site}/theme/css/site.css", 200)], "the stylesheet from the site's root, not from /a/b/"
    page.get_by_role("link", name="home page").click()
    assert page.url == f"{site}/index.html"
