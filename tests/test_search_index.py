"""The search index is built where it is needed, indexes every page marked for search, and is
kept between builds: a build whose pages did not change copies it, byte for byte what Pagefind
would write again, and a change indexes again."""
from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

import archive.search_index as search_index
from archive.search_filters import sort_filters
from browser import serve
from conftest import ROOT, SETTINGS, build_site, copy_content, record_calls
from search_index import ROOT_SELECTOR
from site_changes import change_site
from test_build import tree

MESSAGE = "This build of the site has no search index."


def fragment_urls(bundle: Path) -> set[str]:
    """The address of every page in the index (each page's fragment names it)."""
    urls = set()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return urls


def marked_pages(output: Path) -> set[str]:
    """The address of every page that marks text for search (data-pagefind-body)."""
    return {"/" + path.relative_to(output).as_posix() for path in output.rglob("*.html")
            if path.relative_to(output).parts[0] != "pagefind"
            and BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[data-pagefind-body]")}


@pytest.fixture
def pagefind_runs(monkeypatch) -> list[Path]:
    """The sites Pagefind was run over, in this test."""
    return record_calls(monkeypatch, search_index, "run_pagefind", lambda executable, site, options: Path(site))


def test_a_local_build_has_no_index_and_its_search_page_says_so(tmp_path):
    built = build_site(ROOT / "content", tmp_path / "output")   # pelicanconf.py: SEARCH_INDEX = False
    assert built.status == 0, built.errors
    assert not (built.output / "pagefind").exists()
    assert not (tmp_path / "output-cache" / "search").exists()
    page = BeautifulSoup(built.page("search.html"), "html.parser")
    note = page.select_one("#search-unavailable")
    assert MESSAGE in note.get_text(" ", strip=True)
    assert "published" in note.get_text() and "SEARCH_INDEX = True" in note.get_text()
    assert [a["href"] for a in note.select("a")] == ["./index.html", "./outlets/index.html"]
    # Nothing that would try to search: no form, no script, and the page's policy is the site's own.
    assert not page.select("form#search-form, script")
    assert "wasm-unsafe-eval" not in page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


@pytest.mark.browser
@pytest.mark.slow
def test_the_message_is_what_a_maintainer_previewing_sees(browser, tmp_path):
    built = build_site(ROOT / "content", tmp_path / "output")
    assert built.status == 0, built.errors
    with serve(built.output) as base:
        page = browser.new_page()
        missing: list[str] = []   # what the page asked for and did not get (the browser's own favicon aside)
        page.on("response", lambda answer: missing.append(answer.url)
                if answer.status >= 400 and not answer.url.endswith("/favicon.ico") else None)
        page.goto(f"{base}/index.html")
        page.get_by_role("searchbox", name="Search").fill("15-km zone")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=*")
        assert page.get_by_text(MESSAGE).is_visible()
        assert missing == []
        page.close()


def test_the_index_holds_every_page_marked_for_search_and_nothing_else(built_site, published_site):
    for site in (built_site, published_site):
        bundle = site.output / "pagefind"
        urls = fragment_urls(bundle)
        assert urls == marked_pages(site.output)
        assert {"/about.html", "/corrections/abu-kamal-irrefutable-evidence.html"} < urls
        assert len([url for url in urls if url.startswith("/articles/")]) == 5
        assert search_index.indexed_pages(bundle) == len(urls)
        assert search_index.pages_to_read(site.output).marked == len(urls)


def test_what_pagefind_is_given_changes_nothing_in_the_index(built_site, tmp_path):
    """Pagefind reads fewer files than by default (not the statement or outlet pages), and of each
    only its <main>: the index is byte for byte the one it makes reading every page whole."""
    site = tmp_path / "site"
    shutil.copytree(built_site.output, site, ignore=shutil.ignore_patterns("pagefind"))
    reading = search_index.pages_to_read(site, ROOT_SELECTOR)
    assert reading.options == ("--glob", "{*.html,articles/**/*.html,corrections/**/*.html}",
                               "--root-selector", "main", "--silent")
    assert not [name for name in reading.pages if name.startswith(("groups/", "outlets/", "theme/"))]
    assert list((site / "groups").glob("*.html")), "the site has statement pages Pagefind need not read"
    # Pagefind's defaults: every HTML file, each page whole.
    search_index.run_pagefind(search_index.pagefind_executable(), site, ("--silent",))
    sort_filters(site / "pagefind")
    assert tree(site / "pagefind") == tree(built_site.output / "pagefind")


def test_publishing_indexes_whatever_the_settings_say(monkeypatch):
    """`invoke preview`, `publish` and `gh-pages` build with publishconf.py and the index, even were
    SEARCH_INDEX turned off there (publishconf.py turns it on for plain `pelican` too)."""
    import publishconf
    import tasks
    from invoke import Context

    built = []
    monkeypatch.setattr("build_site.main", lambda argv, override=None: built.append((argv, override)) or 0)
    tasks.preview(Context())
    assert built == [([str(ROOT / "publishconf.py")], {"SEARCH_INDEX": True})]
    assert publishconf.SEARCH_INDEX is True


def test_an_unchanged_build_copies_the_kept_index_and_a_change_indexes_again(tmp_path, pagefind_runs):
    content = copy_content(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    cache = str(tmp_path / "cache")

    def build(name: str, **settings) -> dict[str, bytes]:
        result = build_site(content, tmp_path / name, SEARCH_INDEX=True, THEME=str(theme), **settings)
        assert result.status == 0, result.errors
        return tree(result.output)

    first = build("first", CACHE_PATH=cache)
    assert len(pagefind_runs) == 1 and (tmp_path / "cache" / "search" / "manifest.json").exists()
    again = build("again", CACHE_PATH=cache)
    assert len(pagefind_runs) == 1, "nothing changed: the kept index is copied"
    assert again == first == build("fresh", CACHE_PATH=str(tmp_path / "fresh-cache"))

    settings = change_site(content, theme, "edited paragraph")
    del settings["THEME"]
    runs = len(pagefind_runs)
    changed = build("changed", CACHE_PATH=cache, **settings)
    assert len(pagefind_runs) == runs + 1, "a page changed: Pagefind indexes again"
    assert changed != again
    assert changed == build("clean", CACHE_PATH=str(tmp_path / "clean-cache"), **settings)


def test_a_kept_index_that_was_altered_is_not_used(tmp_path, pagefind_runs):
    cache = tmp_path / "cache"
    first = build_site(ROOT / "content", tmp_path / "first", SEARCH_INDEX=True, CACHE_PATH=str(cache))
    fragment = next((cache / "search" / "index" / "fragment").iterdir())
    fragment.write_bytes(b"not what Pagefind wrote")
    again = build_site(ROOT / "content", tmp_path / "again", SEARCH_INDEX=True, CACHE_PATH=str(cache))
    assert first.status == again.status == 0, again.errors
    assert len(pagefind_runs) == 2
    assert tree(again.output) == tree(first.output)
    without = build_site(ROOT / "content", tmp_path / "without", SEARCH_INDEX=True, SEARCH_INDEX_CACHE=False,
                         CACHE_PATH=str(tmp_path / "no-cache"))
    assert len(pagefind_runs) == 3 and not (tmp_path / "no-cache" / "search").exists()
    assert tree(without.output) == tree(first.output)


@pytest.mark.parametrize("binary, said", [
    ("#!/bin/sh\necho 'Error: the disk is full' >&2\nexit 3\n", "search index: Pagefind failed (exit status 3): "
                                                                "Error: the disk is full"),
    (None, "search index: Pagefind could not be started"),
])
def test_a_failing_pagefind_fails_the_build_saying_so_and_leaves_the_site(tmp_path, monkeypatch, binary, said):
    previous = build_site(ROOT / "content", tmp_path / "output", SEARCH_INDEX=True)
    assert previous.status == 0, previous.errors
    before = tree(previous.output)
    fake = tmp_path / "pagefind"
    fake.write_text(binary or "not a program", encoding="utf-8")
    fake.chmod(0o755 if binary else 0o644)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))   # the pagefind package runs this binary instead
    failed = build_site(ROOT / "content", tmp_path / "output", SEARCH_INDEX=True)
    assert failed.status == 1
    assert said in failed.errors and "build failed; output/ was not changed" in failed.errors
    assert "Traceback" not in failed.errors
    assert tree(previous.output) == before


def test_plain_pelican_leaves_no_stale_index_in_its_output(tmp_path):
    """Plain `pelican` writes into the output folder it wrote last time: an index is replaced whole,
    and a build without search removes the one an earlier build left."""
    output = tmp_path / "output"

    def pelican(**settings) -> None:
        Pelican(read_settings(SETTINGS, override={"OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "cache"),
                                                  **settings})).run()

    pelican(SEARCH_INDEX=True)
    stale = output / "pagefind" / "fragment" / "en_0000000.pf_fragment"
    stale.write_bytes(b"left over")
    pelican(SEARCH_INDEX=True, SEARCH_INDEX_CACHE=False)
    assert not stale.exists() and search_index.indexed_pages(output / "pagefind") == len(marked_pages(output))
    pelican()
    assert not (output / "pagefind").exists()


def test_pagefind_is_run_with_our_options_alone(tmp_path, monkeypatch):
    """A PAGEFIND_* variable or a pagefind.yml in the working folder would change the index: neither reaches it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!DOCTYPE html><html lang="en"><body><main><div data-pagefind-body>'
                                     "<p>Words to find.</p></div></main></body></html>", encoding="utf-8")
    (tmp_path / "pagefind.yml").write_text("output_subdir: elsewhere\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PAGEFIND_OUTPUT_SUBDIR", "elsewhere")
    assert search_index.build_index(site).pages_indexed == 1
    assert (site / "pagefind" / "pagefind-entry.json").exists() and not (site / "elsewhere").exists()
    assert os.environ["PAGEFIND_OUTPUT_SUBDIR"] == "elsewhere"


def test_a_page_whose_mark_pagefind_does_not_see_is_counted_out(tmp_path):
    """The build warns when fewer pages are indexed than are marked (plugins/search_index): here one
    page's mark sits outside the root element Pagefind is told to read."""
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    page = '<!DOCTYPE html><html lang="en"><body>{}</body></html>'
    (site / "articles" / "inside.html").write_text(
        page.format("<main><div data-pagefind-body><p>Words inside.</p></div></main>"), encoding="utf-8")
    (site / "articles" / "outside.html").write_text(
        page.format("<div data-pagefind-body><p>Words outside.</p></div><main></main>"), encoding="utf-8")
    # Archived text quoting the attribute is escaped: it marks nothing.
    (site / "quoted.html").write_text(page.format("<main><p>&lt;div data-pagefind-body&gt;</p></main>"),
                                      encoding="utf-8")
    indexed = search_index.build_index(site, root="main")
    assert (indexed.pages_read, indexed.pages_marked, indexed.pages_indexed) == (2, 2, 1)
    assert fragment_urls(site / "pagefind") == {"/articles/inside.html"}
