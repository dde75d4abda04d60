"""The Content-Security-Policy every page carries breaks nothing: no page
causes a violation, served or opened from plain files, and search still
runs under it."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from browser import serve
from site_pages import html_pages

POLICY = "default-src 'self'; script-src {}; object-src 'none'; base-uri 'none'; form-action 'self'"
SCRIPTS = "'self'"
SEARCH_SCRIPTS = "'self' 'wasm-unsafe-eval'"   # Pagefind compiles WebAssembly, on the search page alone
RECORD = ("window.__violations = [];"
          "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
          "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")


def test_every_page_carries_the_policy(built_site):
    for path in html_pages(built_site.output, moved=True):
        meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            'meta[http-equiv="Content-Security-Policy"]')
        scripts = SEARCH_SCRIPTS if path.name == "search.html" and path.parent == built_site.output else SCRIPTS
        assert meta and meta["content"] == POLICY.format(scripts), path
        assert not re.search(r'\sstyle="', path.read_text(encoding="utf-8")), f"{path}: an inline style the policy would block"


def violations(context, addresses) -> list[str]:
    context.add_init_script(RECORD)
    found = []
    page = context.new_page()
    for address in addresses:
        page.goto(address)
        page.wait_for_load_state("load")
        found += [f"{address}: {v}" for v in page.evaluate("window.__violations")]
    page.close()
    return found


@pytest.mark.slow
@pytest.mark.browser
def test_no_page_violates_it_served_or_from_files(browser, built_site):
    pages = [p.relative_to(built_site.output).as_posix() for p in html_pages(built_site.output)]
    with serve(built_site.output) as base:
        context = browser.new_context()
        assert violations(context, [f"{base}/{path}" for path in pages]) == []
        context.close()
    context = browser.new_context()
    assert violations(context, [(built_site.output / path).as_uri() for path in pages]) == []
    context.close()


@pytest.mark.browser
def test_search_runs_under_the_policy(browser, built_site):
    with serve(built_site.output) as base:
        context = browser.new_context()
        context.add_init_script(RECORD)
        page = context.new_page()
        page.goto(f"{base}/search.html?q=15-km+zone")
        page.locator("#search-results > li").first.wait_for()
        assert page.evaluate("window.__violations") == []
        context.close()
