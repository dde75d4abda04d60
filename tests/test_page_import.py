"""Saved web pages imported with trafilatura: text, headline, byline, date,
outlet and address found, every field checked against what the page states,
and every block of text the page shows accounted for in the article or its
import record.  The pages in tests/data/pages/ are written for these tests,
each laid out in its own way."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.importer import ImportProblem
from archive.page_import import decode_page, import_page
from archive.problems import ContentError
from test_importer import imported_with, split_article

PAGES = Path(__file__).resolve().parent / "data" / "pages"


def imported(name: str):
    return imported_with(import_page, PAGES / name)


EXPECTED = {
    # og: and article: meta tags, a canonical link and JSON-LD all agree; byline and date box under the h1
    "meta-and-json-ld.html": (
        {"Title": "Moscow says coalition let militants leave Abu Kamal", "Outlet": "The Northern Ledger",
         "Author": "Jane Roe", "Date": "2017-11-14 18:40+00:00",
         "Original": "https://ledger.example/world/2017/11/14/moscow-coalition-abu-kamal"},
        {"outlet": 'meta property="og:site_name"', "date": 'meta property="article:published_time"',
         "author": 'meta name="author"', "original": 'meta property="og:url"'},
    ),
    # no metadata at all: a <title>, an h1 and "By Jane Roe" as a paragraph
    "no-metadata.html": (
        {"Title": "Ministry repeats claim about convoy near border", "Outlet": "unknown", "Author": "Jane Roe",
         "Date": "unknown", "Original": "unknown"},
        {},
    ),
    # JSON-LD NewsArticle only: two authors, a date with its offset, the publisher
    "json-ld-only.html": (
        {"Title": "Researchers trace images in ministry statement", "Outlet": "Meridian Eleven",
         "Author": "Jane Roe, John Doe", "Date": "2017-11-15 09:30+03:00", "Original": "unknown"},
        {"outlet": "JSON-LD publisher.name", "author": "JSON-LD author.name", "date": "JSON-LD datePublished"},
    ),
    # the whole page on one line; byline and date as paragraphs trafilatura leaves out
    "one-line-byline-in-body.html": (
        {"Title": "Video game still offered as evidence of coalition help to militants", "Outlet": "Eastbridge Herald",
         "Author": "John Doe", "Date": "2017-11-14", "Original": "https://eastbridge.example/2017/11/video-game-still"},
        {"outlet": 'meta property="og:site_name"', "original": 'meta property="og:url"'},
    ),
    # only a canonical address: trafilatura makes a site name and a date from
    # the address, which the page does not state; both stay unknown
    "address-only.html": (
        {"Title": "Ministry's pictures questioned", "Outlet": "unknown", "Author": "unknown", "Date": "unknown",
         "Original": "https://quiet-paper.example/2017/11/14/ministry-pictures-questioned"},
        {"original": '<link rel="canonical">'},
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_are_what_the_page_states_and_say_where(name):
    _, result, header, _ = imported(name)
    fields, sources = EXPECTED[name]
    for key, value in fields.items():
        assert header[key] == value, key
    found = {e["field"]: e["source"] for e in result.record["lifted"] if e["kind"] == "page-metadata"}
    for field, source in sources.items():
        assert found[field] == source, field
    assert header["Imported-From"] == f"sources/{name}"
    assert result.record["extractor"].startswith("trafilatura ")


def _shown_blocks(html: str) -> list[str]:
    """What a reader of the page sees, block by block (BeautifulSoup, not the importer's own reading)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    blocks = []
    for element in soup.find_all(["p", "li", "h1", "h2", "div", "footer", "time"]):
        if element.find(["p", "li", "h1", "h2", "div", "ul", "time"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            blocks.append(" ".join(re.sub(r"\s+([,.])", r"\1", text).split()))
    return blocks


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_block_the_page_shows_is_in_the_article_or_the_record(name):
    html, result, header, shown = imported(name)
    recorded = [e["text"] for e in result.record["lifted"] + result.record["removed"]]
    for block in _shown_blocks(html):
        assert block in shown or block in recorded or block == header["Title"], block
    # and what was taken out is not in the text
    for entry in result.record["removed"]:
        assert len(entry["text"].split()) < 3 or entry["text"] not in shown, entry


def test_furniture_the_page_shows_is_recorded_with_its_kind_and_line():
    html, result, _, shown = imported("meta-and-json-ld.html")
    removed = {(e["text"], e["kind"]) for e in result.record["removed"]}
    assert ("Share 12 Tweet 3", "share-counter") in removed
    assert ("© 2017 The Northern Ledger. All rights reserved.", "copyright") in removed
    assert ("Related Topics", "teaser") in removed
    lines = html.split("\n")
    for entry in result.record["removed"] + result.record["lifted"]:
        if entry["kind"] != "page-metadata":
            assert entry["text"].split()[0] in lines[entry["line"] - 1], entry
    byline = next(e for e in result.record["lifted"] if e["kind"] == "byline")
    assert byline["values"] == {"author": "Jane Roe", "role": "Moscow correspondent"}
    assert "Moscow correspondent" not in shown


def test_a_page_without_article_text_is_refused():
    with pytest.raises(ImportProblem) as err:
        import_page("<html><body><nav><a href='/'>Home</a></nav></body></html>", "sources/x.html")
    assert "no article text" in err.value.message
    with pytest.raises(ImportProblem):
        import_page("   \n", "sources/x.html")


def test_a_page_saved_in_its_declared_encoding_is_read():
    html = ('<html><head><meta charset="windows-1251"><title>Минобороны</title></head><body><article>'
            "<h1>Минобороны показало снимки колонны</h1>"
            "<p>Министерство обороны России во вторник опубликовало снимки, которые, по его словам, показывают колонну.</p>"
            "<p>Исследователи установили, что один из снимков взят из компьютерной игры для телефонов.</p>"
            "</article></body></html>")
    text = decode_page(html.encode("windows-1251"), "page.html")
    assert "Минобороны показало снимки колонны" in text
    header, _ = split_article(import_page(text, "sources/page.html").markdown)
    assert header["Lang"] == "ru" and header["Title"] == "Минобороны показало снимки колонны"
    with pytest.raises(ContentError) as err:
        decode_page("<html><body>caf\xe9</body></html>".encode("latin-1"), "page.html")
    assert "page.html:1: not valid UTF-8" in str(err.value)
