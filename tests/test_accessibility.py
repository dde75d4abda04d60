"""The site with a keyboard and with assistive technology, in headless Chromium.

* Keyboard only: Tab reaches every link and control of the main page types,
  and each shows a visible focus indicator when it has focus.
* axe-core (carried by the axe-playwright-python package, no CDN) audits one
  page of every kind and every article: no serious or critical violations.
  The full report, lesser findings included, goes to test-artifacts/axe.json.
"""
from __future__ import annotations

import json

import pytest

from site_pages import artifact, page_types, show

# Every test here drives Chromium.
pytestmark = pytest.mark.browser

KEYBOARD_PAGES = ("home", "article", "group", "correction", "search", "overview")

# Everything a keyboard user can land on with Tab.
FOCUSABLE = ", ".join((
    "a[href]", "area[href]", "button:not([disabled])", "input:not([disabled]):not([type=hidden])",
    "select:not([disabled])", "textarea:not([disabled])", "details > summary:first-of-type", "iframe",
    "[tabindex]", "[contenteditable]:not([contenteditable=false])",
))

# Numbers every rendered focusable element (details opened, so that what they
# hold counts too) and notes how it looks without focus.
MARK_FOCUSABLE = """selector => {
  document.querySelectorAll("details").forEach(details => { details.open = true; });
  const looks = element => {
    const style = getComputedStyle(element);
    return {outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(" "),
            outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
            shadow: style.boxShadow};
  };
  const name = element => (element.getAttribute("aria-label") || element.textContent || element.value
                           || element.getAttribute("name") || "").replace(/\\s+/g, " ").trim().slice(0, 60);
  return [...document.querySelectorAll(selector)]
    .filter(element => element.tabIndex >= 0 && element.checkVisibility())
    .map((element, index) => {
      element.dataset.keyboardStop = index;
      return {index, tag: element.tagName.toLowerCase(), name: name(element), ...looks(element)};
    });
}"""

# What has focus now, how it looks, and whether a sighted reader can see it.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    index: element.dataset.keyboardStop === undefined ? null : Number(element.dataset.keyboardStop),
    tag: element.tagName.toLowerCase(),
    name: (element.textContent || element.value || "").replace(/\\s+/g, " ").trim().slice(0, 60),
    outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(" "),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    shadow: style.boxShadow,
    shown: element.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    onPage: box.width > 0 && box.height > 0 && box.right + scrollX > 0 && box.bottom + scrollY > 0,
  };
}"""


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_types(built_site.output)


def open_page(browser, site: str, path: str):
    """A fresh page (nothing focused yet) at `path`."""
    return show(browser.new_page(viewport={"width": 1280, "height": 900}), site, path)


def indicator(focused: dict, unfocused: dict) -> bool:
    """Focus shows as an outline or a shadow that the element does not have without focus."""
    outline = (focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
               and focused["outline"] != unfocused["outline"])
    shadow = focused["shadow"] not in ("none", unfocused["shadow"])
    return outline or shadow


def walk_with_tab(page, stops: int) -> list[dict]:
    """Press Tab until focus leaves the page or comes round again; what had focus, in order."""
    visited = []
    for _ in range(stops + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            if visited:
                break
            continue
        if visited and focused["index"] is not None and focused["index"] == visited[0]["index"]:
            break
        visited.append(focused)
    return visited


def keyboard_problems(page) -> list[str]:
    """Tab through `page` as a keyboard user does; what stops a reader who cannot see focus or reach a control."""
    expected = page.evaluate(MARK_FOCUSABLE, FOCUSABLE)
    visited = walk_with_tab(page, len(expected))
    reached = {stop["index"] for stop in visited}
    problems = [f"Tab never reaches <{e['tag']}> {e['name']!r}" for e in expected if e["index"] not in reached]
    for stop in visited:
        if stop["index"] is None:
            problems.append(f"Tab stops on <{stop['tag']}> {stop['name']!r}, which is neither a link nor a control")
        elif not (stop["shown"] and stop["onPage"]):
            problems.append(f"<{stop['tag']}> {stop['name']!r} is hidden or off the page while it has focus")
        elif not indicator(stop, expected[stop["index"]]):
            problems.append(f"<{stop['tag']}> {stop['name']!r} shows no focus (outline {stop['outline']!r}, "
                            f"shadow {stop['shadow']!r}; without focus {expected[stop['index']]['outline']!r})")
    return problems


@pytest.mark.parametrize("kind", KEYBOARD_PAGES)
def test_tab_reaches_every_link_and_control_and_shows_where_focus_is(browser, site, kinds, kind):
    page = open_page(browser, site, kinds[kind])
    try:
        stops = page.evaluate(f"document.querySelectorAll({json.dumps(FOCUSABLE)}).length")
        assert stops > 5, f"{kind}: only {stops} links and controls"
        problems = keyboard_problems(page)
    finally:
        page.close()
    assert not problems, f"{kinds[kind]}:\n" + "\n".join(problems)


PLANTED_KEYBOARD_FAULTS = """<!DOCTYPE html><html lang="en"><title>t</title>
<style>a:focus-visible { outline: 3px solid #b35900; } .bare:focus { outline: none; } .ghost { opacity: 0; }</style>
<a href="#1">fine</a> <a class="bare" href="#2">bare</a> <a class="ghost" href="#3">ghost</a>
<div inert><a href="#4">inert</a></div> <button>plain button</button>"""


def test_the_keyboard_walk_catches_hidden_focus_and_unreachable_links(browser):
    page = browser.new_page()
    page.set_content(PLANTED_KEYBOARD_FAULTS)
    problems = "\n".join(keyboard_problems(page))
    page.close()
    assert "'bare' shows no focus" in problems
    assert "'ghost' is hidden" in problems
    assert "never reaches <a> 'inert'" in problems
    assert "'fine'" not in problems and "'plain button'" not in problems  # Chromium's own ring counts


@pytest.fixture(scope="module")
def axe_report(browser, site, built_site, kinds) -> dict[str, list[dict]]:
    """axe-core's violations for one page of each kind and for every article."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    audited = dict(kinds)
    for article in sorted(built_site.output.glob("articles/*.html")):
        if f"articles/{article.name}" not in audited.values():
            audited[f"article {article.stem}"] = f"articles/{article.name}"
    report = {}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for kind, path in audited.items():
            report[f"{kind} ({path})"] = axe.run(show(page, site, path)).response["violations"]
    finally:
        page.close()
    artifact("axe.json").write_text(json.dumps(
        {where: [{"id": v["id"], "impact": v["impact"], "help": v["help"], "helpUrl": v["helpUrl"],
                  "targets": [node["target"] for node in v["nodes"]]} for v in violations]
         for where, violations in report.items()}, indent=1, ensure_ascii=False), encoding="utf-8")
    return report


@pytest.mark.slow
def test_axe_finds_no_serious_or_critical_violation_on_any_kind_of_page(axe_report, kinds):
    assert set(kinds) <= {where.split(" (")[0] for where in axe_report}
    grave = [f"{where}: {v['impact']} {v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
             for where, violations in axe_report.items() for v in violations
             if v["impact"] in ("serious", "critical")]
    assert not grave, "\n".join(grave)


def test_axe_really_audits(browser):
    """The audit itself: a page with known faults must be reported."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><a href="#"></a><input type="text"></body></html>')
    found = {v["id"] for v in Axe().run(page).response["violations"]}
    page.close()
    assert {"image-alt", "link-name", "label", "html-has-lang"} <= found, found
