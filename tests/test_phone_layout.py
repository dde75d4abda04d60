"""The site on a phone (360 x 740 CSS pixels) in headless Chromium: no page
scrolls sideways, and screenshots of the main kinds of page are written to
test-artifacts/phone/ for people to look at."""
from __future__ import annotations

import pytest

from browser import serve
from site_pages import artifact, html_pages, page_types

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
SEARCH_PHRASE = "15-km zone"

# The elements that stick out past the right edge of the screen, innermost first.
WIDE_ELEMENTS = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > limit + 0.5)
    .filter(element => ![...element.children].some(child => child.getBoundingClientRect().right > limit + 0.5))
    .slice(0, 8)
    .map(element => `<${element.tagName.toLowerCase()} class="${element.className}"> `
                    + `${Math.round(element.getBoundingClientRect().right)}px: ${(element.textContent || "").trim().slice(0, 50)}`);
}"""


@pytest.fixture(scope="module")
def phone(browser, built_site):
    with serve(built_site.output) as base:
        context = browser.new_context(**PHONE)
        yield base, context
        context.close()


def load(context, base: str, path: str):
    page = context.new_page()
    if path == "search.html":
        page.goto(f"{base}/search.html?q={SEARCH_PHRASE}")
        page.wait_for_selector("#search-results li")
    else:
        page.goto(f"{base}/{path}")
    return page


def sideways(page) -> str | None:
    """Why the page scrolls sideways, or None if it does not."""
    width, room = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if width <= room:
        return None
    return f"{width}px wide on a {room}px screen; sticking out: {page.evaluate(WIDE_ELEMENTS)}"


def test_no_page_scrolls_sideways_on_a_phone(phone, built_site):
    base, context = phone
    pages = [path.relative_to(built_site.output).as_posix() for path in html_pages(built_site.output)]
    problems = []
    page = context.new_page()
    for path in pages:
        page.goto(f"{base}/{path}")
        reason = sideways(page)
        if reason:
            problems.append(f"{path}: {reason}")
    page.close()
    assert not problems, "\n".join(problems)


def test_screenshots_of_each_kind_of_page_on_a_phone(phone, built_site):
    base, context = phone
    for kind, path in page_types(built_site.output).items():
        page = load(context, base, path)
        assert sideways(page) is None, f"{path} scrolls sideways"
        target = artifact(f"phone/{kind}.png")
        page.screenshot(path=str(target), full_page=True)
        page.close()
        assert target.stat().st_size > 5000, f"{target} is nearly empty"


def test_a_page_too_wide_for_a_phone_is_caught(phone):
    base, context = phone
    page = context.new_page()
    page.set_content('<!DOCTYPE html><meta name="viewport" content="width=device-width">'
                     '<p>fits</p><table><tr><td style="white-space:nowrap">' + "wide " * 40 + "</td></tr></table>")
    reason = sideways(page)
    page.close()
    assert reason and "<td" in reason


def test_table_captions_run_across_the_screen_on_a_phone(phone):
    """On a phone the article tables become blocks; their captions must not shrink
    to a one-word column beside them."""
    base, context = phone
    page = load(context, base, "index.html")
    caption, table = page.evaluate("""() => [document.querySelector("table.article-list caption"),
                                           document.querySelector("table.article-list")]
                                          .map(element => element.getBoundingClientRect().width)""")
    page.close()
    assert caption >= 0.9 * table, f"caption {caption}px wide in a table {table}px wide"
