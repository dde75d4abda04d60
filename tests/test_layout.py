"""The site on a phone (375 x 740 CSS pixels) and a desktop screen (1280 x 900)
in headless Chromium: no page scrolls sideways at either width, and
screenshots of every kind of page, at both widths and as printed, are written
to test-artifacts/phone/, desktop/ and print/ for people to look at."""
from __future__ import annotations

import pytest

from browser import serve
from site_pages import artifact, html_pages, page_types, show

# Every test here drives Chromium.
pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}

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
def site(built_site):
    with serve(built_site.output) as base:
        yield base


@pytest.fixture(scope="module", params=sorted(SCREENS))
def screen(request, browser, site):
    context = browser.new_context(**SCREENS[request.param])
    yield request.param, site, context
    context.close()


@pytest.fixture(scope="module")
def phone(browser, site):
    context = browser.new_context(**PHONE)
    yield site, context
    context.close()


def sideways(page) -> str | None:
    """Why the page scrolls sideways, or None if it does not."""
    width, room = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if width <= room:
        return None
    return f"{width}px wide on a {room}px screen; sticking out: {page.evaluate(WIDE_ELEMENTS)}"


@pytest.mark.slow
def test_no_page_scrolls_sideways(screen, built_site):
    _, base, context = screen
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


@pytest.mark.slow
def test_screenshots_of_each_kind_of_page(screen, built_site):
    name, base, context = screen
    for kind, path in page_types(built_site.output).items():
        page = show(context.new_page(), base, path)
        assert sideways(page) is None, f"{path} scrolls sideways"
        target = artifact(f"{name}/{kind}.png")
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
    page = show(context.new_page(), base, "index.html")
    caption, table = page.evaluate("""() => [document.querySelector("table.article-list caption"),
                                           document.querySelector("table.article-list")]
                                          .map(element => element.getBoundingClientRect().width)""")
    page.close()
    assert caption >= 0.9 * table, f"caption {caption}px wide in a table {table}px wide"


PRINT_WIDTH = {"viewport": {"width": 794, "height": 1123}}   # an A4 page at 96 dpi


@pytest.mark.slow
def test_print_shows_what_a_reader_opens_on_screen_and_hides_the_navigation(browser, site, built_site):
    context = browser.new_context(**PRINT_WIDTH)
    page = context.new_page()
    page.emulate_media(media="print")
    for kind, path in page_types(built_site.output).items():
        page.goto(f"{site}/{path}")
        assert sideways(page) is None, f"{path} is cut off in print"
        assert not page.locator(".site-nav").is_visible() and not page.locator(".search-box").is_visible(), path
        page.screenshot(path=str(artifact(f"print/{kind}.png")), full_page=True)
    # Closed lists print what they hold: the furniture the importer removed, the "also in" matches.
    page.goto(f"{site}/{page_types(built_site.output)['article']}")
    removed = page.locator(".import-record details li").first
    assert removed.is_visible(), "the furniture list prints, though closed on screen"
    assert page.locator(".also-in li a").first.is_visible()
    context.close()


@pytest.mark.slow
def test_no_printed_page_holds_the_footer_alone(browser, site, built_site, tmp_path):
    from pypdf import PdfReader

    page = browser.new_page()
    footer = None
    for kind, path in page_types(built_site.output).items():
        page.goto(f"{site}/{path}")
        footer = footer or " ".join(page.locator(".site-footer").inner_text().split())
        page.pdf(path=str(tmp_path / f"{kind}.pdf"), format="A4")
        printed = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / f"{kind}.pdf").pages]
        assert printed and footer[:40] in " ".join(printed), f"{kind}: the footer is printed"
        for number, text in enumerate(printed, 1):
            rest = text.replace(footer, "").strip()
            assert len(rest) > 40, f"{kind}: printed page {number} holds {text[:80]!r}: the footer alone, or nearly"
    page.close()


def test_the_also_in_mark_opens_by_keyboard_without_javascript(browser, site, built_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/{page_types(built_site.output)['article']}")
    mark = page.locator(".para.reused + details.also-in").first
    summary = mark.locator("summary")
    first_link = mark.locator("li a").first
    assert summary.is_visible() and not first_link.is_visible(), "one compact mark, closed"
    assert "Also in" in summary.inner_text()
    summary.focus()
    page.keyboard.press("Enter")
    assert first_link.is_visible(), "Enter opens the list"
    page.keyboard.press("Tab")
    assert first_link.evaluate("a => a === document.activeElement"), "the next Tab reaches its first link"
    href = first_link.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href)
    assert page.locator(":target").evaluate("p => p.classList.contains('para')")
    context.close()


def test_a_paragraph_has_one_tab_stop_for_its_matches(browser, site, built_site):
    """The list of matches stays out of the tab order until opened: an article
    whose every paragraph is repeated is not a wall of links."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/{page_types(built_site.output)['article']}")
    marks = page.locator("details.also-in").count()
    reachable = page.evaluate("""() => [...document.querySelectorAll('.article-body a[href], .article-body summary')]
        .filter(e => e.checkVisibility()).length""")
    paragraphs = page.locator(".article-body .para").count()
    flags = page.locator(".article-body .claim-flag a").count()
    assert marks and reachable == paragraphs + marks + flags, "a number per paragraph, one summary per mark, one link per flag"
    context.close()
