"""Sites built from the seeds with texts of the development set added as
articles: links, notices and group addresses as a reader and a maintainer
meet them, and what adding an article may change."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.markdown_escape import escape_line
from archive.reuse import Link, Paragraph
from evaluation.seeds import load_labels, score_links
from evaluation.devset import DEFAULT_DEVSET, load_devset
from browser import serve
from conftest import build_site, copy_content
from test_reuse_site import doc_of_slug

# Every test here builds a site of its own (or shares one with the development texts added, built for this module).
pytestmark = pytest.mark.slow

EXPLAINER = "corrections/abu-kamal-irrefutable-evidence.html"
DOCUMENTS = {document.name: document for document in load_devset()[0]}
OUTLETS = json.loads((DEFAULT_DEVSET / "labels.json").read_text(encoding="utf-8"))["documents"]


def as_article(name: str, date: str = "2017-11-15") -> str:
    """A development text as a maintainer would add it: one Markdown file."""
    document = DOCUMENTS[name]
    header = (f"Title: Development text {name}\nSlug: dev-{name}\nDate: {date}\nOutlet: {OUTLETS[name]['outlet']}\n"
              f"Author: unknown\nLang: {document.lang}\nOriginal: unknown\n\n")
    return header + "\n\n".join(escape_line(p.text) for p in document.paragraphs) + "\n"


def build_with(tmp_path: Path, **articles: str):
    """The seeds plus dev texts, `name=date`; the built site."""
    content = copy_content(tmp_path)
    for name, date in articles.items():
        (content / "articles" / f"dev-{name}.md").write_text(as_article(name, date), encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status == 0, built.errors
    return built


def soup(built, path: str) -> BeautifulSoup:
    return BeautifulSoup(built.page(path), "html.parser")


def reuse(built) -> dict:
    return json.loads(built.page("data/reuse.json"))


def link_set(data: dict) -> set:
    return {((l["from"]["article"], l["from"]["paragraph"]), (l["to"]["article"], l["to"]["paragraph"]), l["strength"])
            for l in data["links"]}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A new outlet's report, a debunk, a same-topic article, a French rendering and unrelated news."""
    return build_with(tmp_path_factory.mktemp("mixed"), n1="2017-11-15", d1="2017-11-15", s1="2017-11-16",
                      t1="2017-11-15", u1="2017-11-17")


def test_a_new_outlets_report_gets_links_and_the_notice(mixed):
    page = soup(mixed, "articles/dev-n1.html")
    assert page.select_one("aside.correction-notice")
    assert len(page.select(".para.reused")) >= 3
    assert "passage" in page.select_one(".claim-marker").get_text()


def test_a_debunk_gets_no_notice_but_a_neutral_note_and_is_listed_apart_on_the_explainer(mixed):
    page = soup(mixed, "articles/dev-d1.html")
    assert not page.select(".correction-notice, .claim-marker")
    note = page.select_one('aside.debunk-note[role="note"]')
    assert note and "reports the debunk" in note.get_text() and note.select_one(f'a[href$="{EXPLAINER}"]')
    explainer = soup(mixed, EXPLAINER)
    assert "dev-d1.html" not in str(explainer.select_one("table.article-list"))
    assert explainer.select_one('section[aria-labelledby="debunking-heading"] a[href$="articles/dev-d1.html"]')


def test_same_topic_and_unrelated_articles_get_no_notice(mixed):
    for name in ("s1", "u1"):
        assert not soup(mixed, f"articles/dev-{name}.html").select(".correction-notice, .claim-marker, .debunk-note"), name
    assert not soup(mixed, "articles/dev-u1.html").select(".also-in")


def test_a_translation_is_linked_as_translated_and_carries_the_notice(mixed):
    page = soup(mixed, "articles/dev-t1.html")
    assert page.select(".also-in .strength-translated")
    assert page.select_one("aside.correction-notice")
    assert {"translated"} <= {strength for *_, strength in link_set(reuse(mixed))}


def seed_links(data: dict) -> set:
    return {link for link in link_set(data) if not link[0][0].startswith("dev-") and not link[1][0].startswith("dev-")}


def added_links_are_right(before: dict, after: dict) -> None:
    """What adding articles may change between the others (README, "What adding
    an article changes"): no link goes, and a link that comes is right by the
    seeds' labels (a third outlet corroborates it, or the words the new
    articles use shift the weights of a pair that sat at the bar)."""
    old, new = seed_links(before), seed_links(after)
    assert old <= new, "adding an article removes no link between other articles"
    paragraphs = [Paragraph(a["slug"], a["slug"], p["id"], p["text"]) for a in after["articles"]
                  for p in a["paragraphs"] if not a["slug"].startswith("dev-")]
    added = [Link(a, b, strength, 0.0) for a, b, strength in new - old]
    report = score_links(added, paragraphs, load_labels(), doc_of=lambda p: doc_of_slug()[p.article])
    assert not report.false_positives, report.summary()


def test_adding_articles_that_repeat_nothing_keeps_every_link_and_group(built_site, tmp_path):
    added = build_with(tmp_path, u1="2017-11-17", u2="2017-11-18")
    before, after = reuse(built_site), reuse(added)
    added_links_are_right(before, after)
    assert {g["id"] for g in after["groups"]} >= {g["id"] for g in before["groups"]}


def test_adding_later_reports_keeps_every_group_address_and_only_adds_right_links_between_others(built_site, tmp_path):
    added = build_with(tmp_path, n1="2017-11-15", n3="2017-11-16")
    before, after = reuse(built_site), reuse(added)
    added_links_are_right(before, after)
    assert {group["id"] for group in before["groups"]} <= {group["id"] for group in after["groups"]}


def test_an_earlier_report_takes_over_groups_and_their_old_addresses_lead_on(built_site, tmp_path):
    added = build_with(tmp_path, n1="2017-11-13")
    before, after = reuse(built_site), reuse(added)
    moved = {group["id"] for group in before["groups"]} - {group["id"] for group in after["groups"]}
    assert moved, "the earlier report should open some groups"
    for old in moved:
        page = soup(added, f"groups/{old}.html")
        target = page.select_one("main a[href*='groups/s-']")["href"].rsplit("/", 1)[-1].removesuffix(".html")
        group = next(g for g in after["groups"] if g["id"] == target)
        assert old in group["aliases"]
        assert group["first"]["article"] == "dev-n1"
        assert page.select_one('meta[http-equiv="refresh"]')


@pytest.mark.browser
def test_a_reader_follows_a_translated_link_to_the_paragraph(browser, mixed):
    with serve(mixed.output) as base:
        page = browser.new_page()
        page.goto(f"{base}/articles/dev-t1.html")
        mark = page.locator(".also-in:has(.strength-translated)").first
        mark.locator("summary").click()
        link = mark.locator("li:has(.strength-translated) a").first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state()
        target = href.split("#", 1)[1]
        assert page.url.endswith("#" + target)
        assert page.locator(f"#{target}").is_visible()
        page.close()
