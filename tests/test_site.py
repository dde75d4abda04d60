"""The real site, built from content/, checked against the raw source documents."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_content

SOURCES = sorted((ROOT / "content" / "sources").glob("*.txt"))
ARTICLES = sorted((ROOT / "content" / "articles").glob("*.md"))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_for(source: Path) -> Path:
    """The article imported from a raw source (named in its header)."""
    for article in ARTICLES:
        if f"Imported-From: sources/{source.name}" in article.read_text(encoding="utf-8"):
            return article
    raise AssertionError(f"no article was imported from {source.name}")


def record_of(article: Path) -> dict:
    return json.loads(article.with_name(article.stem + ".import.json").read_text(encoding="utf-8"))


def soup(built, article: Path) -> BeautifulSoup:
    return BeautifulSoup(built.page(f"articles/{article.stem}.html"), "html.parser")


def body_text(page: BeautifulSoup) -> str:
    """What a reader sees of the archived text: the body without paragraph marks."""
    body = page.select_one(".article-body")
    for mark in body.select(".para-anchor, .passage-label, .image-caption .label"):
        mark.decompose()
    return fold(body.get_text(" "))


def test_there_is_one_article_per_source_document():
    assert len(SOURCES) == 5
    assert sorted(article_for(s).name for s in SOURCES) == sorted(a.name for a in ARTICLES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name[:3])
def test_every_line_of_the_source_is_on_the_page_verbatim_and_in_order(built_site, source):
    article = article_for(source)
    record = record_of(article)
    taken = {entry["line"] for entry in record["removed"]}
    taken |= {entry["line"] for entry in record["lifted"] if not entry.get("kept_in_body")}
    text = body_text(soup(built_site, article))
    position = 0
    lines = source.read_text(encoding="utf-8").splitlines()
    kept = [fold(line) for number, line in enumerate(lines, 1) if line.strip() and number not in taken]
    assert kept, "the body cannot be empty"
    for line in kept:
        found = text.find(line, position)
        assert found >= 0, f"not on the page (verbatim, in order): {line[:80]!r}"
        position = found + len(line)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name[:3])
def test_furniture_is_gone_from_the_body_and_listed_on_the_page(built_site, source):
    article = article_for(source)
    page = soup(built_site, article)
    listed = fold(page.select_one(".import-record").get_text(" "))
    text = body_text(page)
    for entry in record_of(article)["removed"]:
        assert fold(entry["text"]) not in text
        assert fold(entry["text"]) in listed


def test_known_furniture_of_the_sources_was_removed(built_site):
    removed = {fold(e["text"]) for a in ARTICLES for e in record_of(a)["removed"]}
    for furniture in ("- Advertisement -", "Subscribe to our newsletter", "0 78", "Also Read", "Check Also",
                      "Featured Post", "Blog Widget by LinkWithin"):
        assert furniture in removed


def test_headers_say_what_the_text_gives_and_unknown_otherwise(built_site):
    facts = {}
    for source in SOURCES:
        page = soup(built_site, article_for(source))
        rows = page.select(".facts dt")
        facts[source.name[:3]] = {dt.get_text(): fold(dt.find_next_sibling("dd").get_text()) for dt in rows}
    assert facts["002"]["Outlet"] == "Fort Russ News"
    assert facts["002"]["Byline"] == "Samer Hussein (credit: Agencies)"
    assert facts["002"]["Published"] == "14 November 2017"
    assert facts["000"]["Published"] == "15 November 2017, 07:13 (time zone not stated)"
    assert facts["000"]["Outlet"] == "unknown"
    assert facts["001"]["Published"] == "Date unknown"
    assert facts["003"]["Outlet"] == "SANA"
    assert all(f["Original address"] == "unknown" for f in facts.values())


def test_other_language_passages_carry_their_lang(built_site):
    page = soup(built_site, article_for(SOURCES[4]))
    french = page.select('.article-body [lang="fr"]')
    german = page.select('.article-body [lang="de"]')
    assert french and "Le refus des États-Unis de frapper" in french[0].get_text()
    assert german and "Die Tatsache, dass sich die USA" in german[0].get_text()
    assert page.select_one(".article-body")["lang"] == "en"


def test_headline_byline_and_caption_are_not_body_paragraphs(built_site):
    page = soup(built_site, article_for(SOURCES[0]))
    paragraphs = [fold(p.get_text()) for p in page.select(".article-body .para")]
    assert not any("Our Bureau" in p or "November 15, 2017" in p for p in paragraphs)
    caption = page.select_one(".article-body .image-caption")
    assert "IS convoy escapes from Abu Kamal" in caption.get_text()
    assert page.select_one(".article-body .editor-note")


def test_dateline_is_marked_in_its_paragraph(built_site):
    page = soup(built_site, article_for(SOURCES[3]))
    first = page.select(".article-body p.para")[0]
    assert first.select_one(".dateline").get_text() == "Moscow, SANA"


def test_every_paragraph_has_a_unique_anchor_that_links_to_itself(built_site):
    for article in ARTICLES:
        paragraphs = soup(built_site, article).select(".article-body .para")
        ids = [p["id"] for p in paragraphs]
        assert len(ids) == len(set(ids)) > 3
        for p in paragraphs:
            assert p.select_one(".para-anchor")["href"] == f"#{p['id']}"


@pytest.mark.slow
def test_anchors_do_not_change_when_an_unrelated_article_is_added(tmp_path):
    content = copy_content(tmp_path)
    before = build_site(content, tmp_path / "before")
    (content / "articles" / "unrelated.md").write_text(
        "Title: Weather report\nSlug: weather-report\nDate: 2017-11-13\nOutlet: Other\nAuthor: unknown\n"
        "Lang: en\nOriginal: unknown\n\nIt rained all day in the valley.\n\nTomorrow will be sunny.\n", encoding="utf-8")
    after = build_site(content, tmp_path / "after")
    assert before.status == after.status == 0
    for article in ARTICLES:
        ids = [[p["id"] for p in soup(b, article).select(".article-body .para")] for b in (before, after)]
        assert ids[0] == ids[1]


UNKNOWN_OUTLETS = {  # article slug -> its outlet's label, as the overview names its row
    "russia-us-directly-supports-isil-terrorists-in-syria": "Outlet not stated — “Russia: US Directly Supports ISIL…”",
    "russian-federation-says-us-providing-cover-for-islamic-state": "Outlet not stated — “Russian Federation says U.S. providing…”",
    "us-led-coalition-covered-islamic-state-terrorists-combat": "Outlet not stated — “US-led Coalition Covered Islamic State…”",
}


def text_of(tag) -> str:
    return " ".join(tag.get_text().split())


def test_outlet_pages_list_their_articles(built_site):
    page = BeautifulSoup(built_site.page("outlets/fort-russ-news.html"), "html.parser")
    assert "Russian MoD details US-ISIS cooperation" in page.get_text()
    assert page.select_one("table.article-list caption").get_text() == "1 archived article"


def test_each_unknown_outlet_has_its_own_page_named_as_on_the_overview(built_site):
    overview = BeautifulSoup(built_site.page("overview.html"), "html.parser")
    rows = {str(th.contents[0]).strip() for th in overview.select("table tbody th[scope=row]")}
    for slug, label in UNKNOWN_OUTLETS.items():
        page = BeautifulSoup(built_site.page(f"outlets/not-stated-{slug}.html"), "html.parser")
        assert page.select_one("h1").get_text() == label
        assert [a["href"].rsplit("/", 1)[-1] for a in page.select("tbody tr a")] == [f"{slug}.html"]
        assert "does not name the outlet" in page.get_text()
        assert label in rows, "the overview names the outlet alike"
    assert not (built_site.output / "outlets" / "outlet-unknown.html").exists()
    listed = BeautifulSoup(built_site.page("outlets/index.html"), "html.parser").select("ul.outlets > li")
    assert len(listed) == 5 == len(rows), "as many outlets as the overview counts"


def test_outlet_pages_say_how_the_outlet_handled_the_claim(built_site):
    later = BeautifulSoup(built_site.page("outlets/not-stated-us-led-coalition-covered-islamic-state-terrorists-combat.html"), "html.parser")
    status = text_of(later.select_one(".outlet-corrections"))
    assert "Its archived article carries a claim the archive corrects." in status
    assert "Corrected later. The outlet later added its own note to this article. An editor's note dated 27 November 2017" in status
    assert later.select_one('.outlet-corrections a[href$="corrections/abu-kamal-irrefutable-evidence.html"]')
    sana = text_of(BeautifulSoup(built_site.page("outlets/sana.html"), "html.parser").select_one(".outlet-corrections"))
    assert "Not corrected. The outlet has not corrected this article" in sana
    listed = {text_of(li.a): text_of(li) for li in BeautifulSoup(built_site.page("outlets/index.html"), "html.parser").select("ul.outlets > li")}
    assert listed["SANA"] == "SANA: 1 archived article, 1 carrying a debunked claim (not corrected)"
    assert listed[UNKNOWN_OUTLETS["russian-federation-says-us-providing-cover-for-islamic-state"]].endswith(
        ": 1 archived article, 1 carrying a debunked claim (mentions the dispute)")


@pytest.mark.slow
def test_an_outlets_page_counts_its_articles_and_those_that_carry_the_claim(tmp_path):
    content = copy_content(tmp_path)
    for n, (title, text) in enumerate((("Weather report", "It rained all day in the valley."),
                                       ("Harvest report", "Farmers brought in a record grain harvest."))):
        (content / "articles" / f"extra-{n}.md").write_text(
            f"Title: {title}\nSlug: extra-{n}\nDate: 2017-11-1{n + 3}\nOutlet: SANA\nAuthor: unknown\n"
            f"Lang: en\nOriginal: unknown\n\n{text}\n", encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status == 0, built.errors
    sana = BeautifulSoup(built.page("outlets/sana.html"), "html.parser")
    assert "1 of its 3 archived articles carries a claim the archive corrects." in text_of(sana.select_one(".outlet-corrections"))
    assert sana.select_one("table.article-list caption").get_text() == "3 archived articles"
    assert len(sana.select(".outlet-correction-list > li")) == 1
    listed = {text_of(li.a): text_of(li) for li in BeautifulSoup(built.page("outlets/index.html"), "html.parser").select("ul.outlets > li")}
    assert listed["SANA"] == "SANA: 3 archived articles, 1 carrying a debunked claim (not corrected)"


def test_links_to_outlets_do_not_lend_them_ranking(built_site):
    for page_path in built_site.output.rglob("*.html"):
        for link in BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser").select("a[href^=http]"):
            assert set(link["rel"]) >= {"nofollow", "noopener", "noreferrer"}, page_path


def test_no_external_fonts_scripts_or_styles(built_site):
    for page_path in built_site.output.rglob("*.html"):
        page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("script[src], link[href], img[src]"):
            address = tag.get("src") or tag.get("href")
            assert not re.match(r"^(https?:)?//", address), f"{page_path}: {address}"


def test_home_page_explains_the_case_and_lists_every_article(built_site):
    page = BeautifulSoup(built_site.page("index.html"), "html.parser")
    assert "video game" in page.select_one(".intro").get_text() or "mobile game" in page.select_one(".intro").get_text()
    rows = page.select("table.article-list tbody tr")
    assert len(rows) == len(ARTICLES)
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.select_one("main#main") and page.select_one("header") and page.select_one("footer")
