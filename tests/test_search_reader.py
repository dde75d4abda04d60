"""Search as a reader uses it, in headless Chromium: from the home page, type a
phrase several outlets repeated into the header's search box, land on the
search page with results that name outlet and date, open one, arrive on the
article. Both the relative build served from localhost and the published
build at its own address under a sub-path (https://example.org/archive,
answered from the build's folder) must work."""
from __future__ import annotations

import contextlib
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import serve
from conftest import PUBLISHED_SITEURL

# Every test here drives Chromium.
pytestmark = pytest.mark.browser

PHRASE = "15-km zone"


def answer_from(output: Path, prefix: str):
    """A route handler that answers requests under `prefix` from `output`, as the host would."""
    def handle(route):
        path = urlsplit(route.request.url).path.removeprefix(urlsplit(prefix).path)
        target = output / path.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or output.resolve() not in target.resolve().parents:
            route.fulfill(status=404, body="not found")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=target.read_bytes(), content_type=kind)
    return handle


@contextlib.contextmanager
def reader(browser, build: str, built_site, published_site):
    """A browser page and the home page's address, for either build."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        if build == "relative":
            with serve(built_site.output) as base:
                yield context.new_page(), f"{base}/index.html"
        else:
            context.route(f"{PUBLISHED_SITEURL}/**", answer_from(published_site.output, PUBLISHED_SITEURL))
            yield context.new_page(), f"{PUBLISHED_SITEURL}/index.html"
    finally:
        context.close()


def facts_of(page) -> tuple[str, str]:
    """(outlet, date) as an article page's header gives them."""
    facts = dict(zip(page.locator(".facts dt").all_inner_texts(), page.locator(".facts dd").all_inner_texts()))
    return facts["Outlet"].strip(), facts["Published"].strip()


@pytest.mark.slow
@pytest.mark.parametrize("build", ["relative", "published"])
def test_search_from_the_home_page_and_open_a_result(browser, build, built_site, published_site):
    with reader(browser, build, built_site, published_site) as (page, home):
        page.goto(home)
        box = page.get_by_role("searchbox", name="Search")
        box.click()
        page.keyboard.type(PHRASE)
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=*")
        assert page.get_by_role("searchbox", name="Words to find").input_value() == PHRASE
        results = page.locator("#search-results > li")
        results.first.wait_for()
        status = page.locator("#search-status").inner_text()
        assert f"match “{PHRASE}”" in status, status

        found = []
        for index in range(results.count()):
            result = results.nth(index)
            link = result.locator("h2 a")
            facts = result.locator(".result-facts")
            found.append({"title": link.inner_text(), "href": link.get_attribute("href"),
                          "facts": facts.inner_text() if facts.count() else "",
                          "excerpt": " ".join(e.inner_html() for e in result.locator(".result-excerpt").all()),
                          "paragraphs": [a.get_attribute("href") for a in result.locator(".result-paragraphs a").all()]})
        articles = [item for item in found if "/articles/" in item["href"]]
        assert len(articles) >= 3, f"several outlets repeated {PHRASE!r}; results: {found}"
        for item in articles:
            outlet, _, date = item["facts"].partition(" · ")
            assert outlet and date, f"{item['title']}: the result must name outlet and date: {item['facts']!r}"
            assert "<mark>" in item["excerpt"], f"{item['title']}: the excerpt does not show the words found"
            assert item["paragraphs"] and all(h.startswith(item["href"] + "#p-") for h in item["paragraphs"]), item
        assert len({item["facts"].partition(" · ")[0] for item in articles}) >= 2, "one outlet only"

        # A result's paragraph link lands on the paragraph that holds the words.
        landing = articles[1]["paragraphs"][0]
        page.locator(f".result-paragraphs a[href='{landing}']").click()
        page.wait_for_url("**" + urlsplit(landing).path + "#*")
        target = page.locator(":target")
        assert target.get_attribute("id") == landing.split("#")[1]
        assert PHRASE in target.inner_text()
        page.go_back()
        results.first.wait_for()

        chosen = articles[0]
        page.get_by_role("link", name=chosen["title"], exact=True).click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path.startswith(urlsplit(home).path.removesuffix("index.html") + "articles/")
        assert page.locator("h1").inner_text() == chosen["title"]
        outlet, date = facts_of(page)
        assert f"{'Outlet unknown' if outlet == 'unknown' else outlet} · {date}" == chosen["facts"]
        assert PHRASE in page.locator(".article-body").inner_text()


@pytest.mark.slow
def test_readers_filter_results_by_outlet(browser, built_site):
    with serve(built_site.output) as base:
        page = browser.new_page()
        page.goto(f"{base}/search.html?q={PHRASE}")
        page.locator("#search-results > li").first.wait_for()
        everything = page.locator("#search-results > li").count()
        outlets = page.locator("#filter-outlet option").all_inner_texts()
        assert {"Any outlet", "SANA", "Fort Russ News"} <= set(outlets)
        page.select_option("#filter-outlet", "SANA")
        page.locator("#search-status").filter(has_text="1 page matches").wait_for()
        assert page.locator("#search-results > li .result-facts").all_inner_texts() == ["SANA · Date unknown"]
        assert "outlet=SANA" in page.url, "the filter is part of the address, so the search can be shared"
        page.reload()
        page.locator("#search-status").filter(has_text="1 page matches").wait_for()
        assert page.locator("#filter-outlet").input_value() == "SANA"
        page.select_option("#filter-outlet", "")
        page.locator("#search-status").filter(has_text=f"{everything} pages match").wait_for()
        # A language filter is offered where the archive holds more than one language.
        languages = page.locator("#filter-language option").all_inner_texts()[1:]
        assert languages and page.locator("#filter-language").is_visible() == (len(languages) > 1)
        page.close()


def test_from_plain_files_the_search_page_says_why_it_cannot_search(browser, built_site):
    """Browsers refuse to load Pagefind's modules from file:// addresses: the
    reader is told so, and where to browse instead, rather than shown nothing."""
    page = browser.new_page()
    page.goto((built_site.output / "index.html").as_uri())
    page.get_by_role("searchbox", name="Search").fill(PHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    status = page.locator("#search-status")
    status.filter(has_text="could not start").wait_for()
    assert "home page" in status.inner_text()
    page.close()


SEARCH_IN_PAGE = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", location.href).href);
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.map(r => r.data()));
  return pages.map(p => ({url: p.url, text: p.content}));
}"""


def test_what_we_add_to_articles_is_not_indexed_as_their_text(browser, site):
    """Notices, markers, "also in" links and paragraph marks are ours, not the
    outlets': a search finds the archived words, and only those, in articles."""
    page = browser.new_page()
    page.goto(f"{site}/search.html")
    articles = [r for r in page.evaluate(SEARCH_IN_PAGE, "Geneva Convention") if "/articles/" in r["url"]]
    assert articles, "archived text is indexed"
    for result in articles:
        for ours in ("How this outlet handled it", "Also in:", "Repeats a debunked claim", "compare all versions", "¶"):
            assert ours not in result["text"], (result["url"], ours)
    furniture = page.evaluate(SEARCH_IN_PAGE, "Subscribe to our newsletter")
    assert not [r for r in furniture if "/articles/" in r["url"]], "removed furniture is not indexed as article text"
    page.close()


def test_the_matrix_takes_a_reader_to_the_paragraph(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/overview.html")
    cell = page.locator(".spread-matrix tbody td a[href*='#']").first
    target = cell.get_attribute("href").split("#")[1]
    cell.click()
    page.wait_for_url(f"**#{target}")
    landed = page.locator(f"#{target}")
    assert landed.evaluate("p => p.matches(':target') && p.classList.contains('para')")
    assert landed.is_visible()
    page.close()
