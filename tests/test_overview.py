"""The overview of the spread: the pure core on plain data, the page on the
real site against data/reuse.json, a new article at the next build, and the
page on a phone in Chromium."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.article_facts import ArticleFacts
from archive.dates import parse_date
from archive.overview import (ARTICLE, CLAIM, DAY, EVENT, FIRST_SEEN, INDIRECT, NOTE, Event, claim_event,
                              note_events, spread_matrix, spread_timeline, stated_date)
from archive.statement_labels import sentence_spans, statement_label
from archive.reuse import Group, Link, ReuseResult
from archive.reuse_view import ParagraphText
from archive.timeline_svg import draw_timeline, wrap
from browser import serve
from conftest import ROOT, build_site, copy_content

SVG = "{http://www.w3.org/2000/svg}"


# ---------------------------------------------------------------------------
# The pure core, on plain data

def fact(slug: str, outlet: str | None, date: str, note: str | None = None, title: str | None = None) -> ArticleFacts:
    return ArticleFacts(slug, title or f"Headline of {slug}", f"articles/{slug}.html", outlet, parse_date(date), None,
                        note=note)


FACTS = {f.slug: f for f in (
    fact("a", "Outlet X", "2017-11-14"),
    fact("b", "Outlet X", "2017-11-15 09:00"),
    fact("c", None, "unknown", title="An undated story from nobody knows where"),
    fact("d", None, "2017-11-16", note="An editor's note dated 27 November 2017 says the images were fake."),
    fact("e", "Outlet Y", "2017-11-15"),
)}
ORDER = {"a": ["a1", "a2", "a3"], "b": ["b1", "b2"], "c": ["c1", "c2"], "d": ["d1", "d2"], "e": ["e1"]}
TEXTS = {(slug, pid): ParagraphText(f"Text of {slug} {pid}. Second sentence here.", "en")
         for slug, ids in ORDER.items() for pid in ids}
# g-late: first seen in b (a later article); g-one and g-two both start in a,
# but g-two's first paragraph (a1) comes before g-one's (a3) on the page.
RESULT = ReuseResult(
    links=[
        Link(("a", "a3"), ("c", "c1"), "verbatim", 0.9),
        Link(("a", "a3"), ("d", "d1"), "reworded", 0.4),
        Link(("c", "c1"), ("d", "d1"), "edited", 0.7),
        Link(("a", "a1"), ("d", "d2"), "edited", 0.8),
        Link(("b", "b2"), ("c", "c2"), "verbatim", 1.0),
    ],
    groups=[
        Group("g-one", (("a", "a3"), ("c", "c1"), ("d", "d1"))),
        Group("g-late", (("b", "b2"), ("c", "c2"))),
        Group("g-two", (("a", "a1"), ("d", "d2"), ("c", "c2"))),   # c2 has no link inside this group
    ],
)


@pytest.fixture(scope="module")
def matrix():
    return spread_matrix(RESULT, FACTS, ORDER, TEXTS)


def cell(matrix, row_label: str, group_id: str):
    row = next(r for r in matrix.rows if r.label == row_label)
    column = next(n for n, c in enumerate(matrix.columns) if c.id == group_id)
    return row.cells[column]


def test_columns_are_statements_in_order_of_first_appearance(matrix):
    assert [c.id for c in matrix.columns] == ["g-two", "g-one", "g-late"]
    assert [c.number for c in matrix.columns] == [1, 2, 3]
    assert [c.first for c in matrix.columns] == [("a", "a1"), ("a", "a3"), ("b", "b2")]
    assert matrix.columns[0].url == "groups/g-two.html"
    assert matrix.columns[0].label == "Text of a a1. Second sentence…"


def test_rows_are_outlets_and_an_unknown_outlet_is_one_row_per_article(matrix):
    labels = [r.label for r in matrix.rows]
    assert labels == ["Outlet X", "Outlet Y", FACTS["d"].outlet_label, FACTS["c"].outlet_label]
    assert [a.slug for a in matrix.rows[0].articles] == ["a", "b"]
    assert FACTS["c"].outlet_label.startswith("Outlet not stated — “An undated story")
    assert all(not c for c in matrix.rows[1].cells), "an outlet that repeats nothing still has its row"
    assert [r.carried for r in matrix.rows] == [3, 0, 2, 3]


def test_cells_link_paragraphs_with_the_strength_of_their_match(matrix):
    first = cell(matrix, "Outlet X", "g-one")
    assert [(e.article.slug, e.paragraph, e.number, e.strength) for e in first] == [("a", "a3", 3, FIRST_SEEN)]
    assert first[0].url == "articles/a.html#a3" and first[0].first_seen
    unknown_c, unknown_d = FACTS["c"].outlet_label, FACTS["d"].outlet_label
    assert [e.strength for e in cell(matrix, unknown_c, "g-one")] == ["verbatim"], "the strongest of its links"
    assert [e.strength for e in cell(matrix, unknown_d, "g-one")] == ["edited"]
    assert [e.strength for e in cell(matrix, unknown_c, "g-two")] == [INDIRECT], "no link to a member of this group"
    assert cell(matrix, unknown_d, "g-late") == ()
    # Outlet X carries g-late through its second article.
    assert [(e.article.slug, e.strength) for e in cell(matrix, "Outlet X", "g-late")] == [("b", FIRST_SEEN)]


def test_two_paragraphs_of_one_outlet_share_a_cell_in_page_order():
    result = ReuseResult([Link(("a", "a1"), ("e", "e1"), "verbatim", 1.0), Link(("b", "b1"), ("e", "e1"), "reworded", 0.3)],
                         [Group("g", (("b", "b1"), ("e", "e1"), ("a", "a1")))])
    matrix = spread_matrix(result, FACTS, ORDER, TEXTS)
    row = next(r for r in matrix.rows if r.label == "Outlet X")
    assert [(e.article.slug, e.strength) for e in row.cells[0]] == [("a", FIRST_SEEN), ("b", "reworded")]


def test_a_statement_is_labelled_by_the_sentence_its_versions_share():
    text = "At the same time, it was the units that acted. Flags found in the town prove it."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["At the same time, it was the units that acted.", "Flags found in the town prove it."]
    flags = (text.index("Flags"), len(text))
    assert statement_label(text, [[flags], [flags]]) == (1, "…Flags found in the town prove it")
    opening = (0, text.index(" Flags"))
    assert statement_label(text, [[opening]]) == (0, "At the same time, it was the units that acted")
    # A tie goes to a sentence no other statement of the paragraph is labelled by.
    assert statement_label(text, [], taken={0})[0] == 1


@pytest.mark.parametrize("text, expected", [
    ("An editor's note dated 27 November 2017, at the top of the article.", "2017-11-27"),
    ("Updated on November 27, 2017 after the images were deleted.", "2017-11-27"),
    ("Note of 2017-11-28; earlier notes of 27 November 2017.", "2017-11-28"),
    ("It was updated on the 3rd of December.", None),
    ("Updated on 27 November, a week later.", None),
    ("Dated 31 February 2017.", None),
    ("", None),
    (None, None),
])
def test_a_note_date_is_read_only_when_the_note_states_it(text, expected):
    found = stated_date(text)
    assert (found.iso() if found else None) == expected
    if found:
        assert not found.has_time


def test_timeline_puts_dated_articles_and_events_in_time_order(matrix):
    events = [claim_event("Ministry", "Images prove it", parse_date("2017-11-14"), "corrections/c.html"),
              Event(parse_date("2017-11-14"), "The ministry deletes the images", "the same day", "corrections/c.html", "AFP"),
              Event(parse_date("unknown"), "Never placed", "", None)] + note_events(FACTS)
    timeline = spread_timeline(FACTS, matrix, events, {"a": "Not corrected"})
    got = [(m.kind, m.date.iso(), m.article.slug if m.article else m.title) for m in timeline.marks]
    assert got == [
        (CLAIM, "2017-11-14", "Claim made by the Ministry"),
        (ARTICLE, "2017-11-14", "a"),
        (EVENT, "2017-11-14", "The ministry deletes the images"),
        (ARTICLE, "2017-11-15", "e"),            # the day only: before the timed article of that day
        (ARTICLE, "2017-11-15T09:00", "b"),
        (ARTICLE, "2017-11-16", "d"),
        (NOTE, "2017-11-27", "d"),
    ]
    assert [m.article.slug for m in timeline.undated] == ["c"]
    assert timeline.statements == 3
    by_slug = {m.article.slug: m for m in timeline.marks if m.kind == ARTICLE}
    assert by_slug["a"].statements == (1, 2) and by_slug["b"].statements == (3,) and by_slug["e"].statements == ()
    assert by_slug["a"].status == "Not corrected" and by_slug["b"].status is None
    assert timeline.marks[0].detail == "“Images prove it”"


def test_the_drawing_is_a_labelled_image_with_a_mark_per_dated_article(matrix):
    events = [claim_event("Ministry", "Images <prove> it", parse_date("2017-11-14"), "corrections/c.html")] + note_events(FACTS)
    timeline = spread_timeline(FACTS, matrix, events)
    drawing = draw_timeline(timeline, "Timeline & more")
    assert drawing is not None and drawing == draw_timeline(timeline, "Timeline & more"), "deterministic"
    root = ET.fromstring(drawing.svg)          # well-formed XML, text escaped
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "timeline-title" and root.get("aria-describedby") == "timeline-desc"
    assert root.find(f"{SVG}title").text == "Timeline & more"
    desc = root.find(f"{SVG}desc").text
    assert "14 Nov 2017 to 27 Nov 2017" in desc and "1 article with no date" in desc
    circles = root.findall(f".//{SVG}circle")
    assert len(circles) == 4, "one per dated article; the undated one is not drawn"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "“Images <prove> it”" in texts
    assert "10 days later" in texts, "the break between 16 and 27 November says what it stands for"
    assert {"14 Nov", "15 Nov", "16 Nov", "27 Nov"} <= set(texts), "axis labels"
    assert "<a " not in drawing.svg and "script" not in drawing.svg and "href" not in drawing.svg
    assert [h.url for h in drawing.hotspots] == [m.url for m in timeline.marks]
    for spot in drawing.hotspots:
        assert 0 <= spot.x and spot.x + spot.width <= drawing.width
        assert 0 <= spot.y and spot.y + spot.height <= drawing.height


def test_a_large_archive_counts_its_articles_per_day(matrix):
    events = [claim_event("Ministry", "Images prove it", parse_date("2017-11-14"), "corrections/c.html")]
    timeline = spread_timeline(FACTS, matrix, events, max_articles=3)
    assert timeline.by_day
    got = [(m.kind, m.date.iso(), m.title, m.count) for m in timeline.marks]
    assert got == [
        (CLAIM, "2017-11-14", "Claim made by the Ministry", 0),
        (DAY, "2017-11-14", "1 article", 1),
        (DAY, "2017-11-15", "2 articles", 2),     # a day only and a day with a time count alike
        (DAY, "2017-11-16", "1 article", 1),
    ]
    fifteenth = timeline.marks[2]
    assert fifteenth.detail == "from 2 outlets; 1 of them carried one of the 3 repeated statements in the table"
    assert fifteenth.url is None
    assert [m.article.slug for m in timeline.undated] == ["c"], "undated articles are still listed one by one"
    assert not spread_timeline(FACTS, matrix, events, max_articles=4).by_day, "four dated articles are not too many"


def test_the_drawing_of_a_large_archive_says_its_articles_are_counted(matrix):
    timeline = spread_timeline(FACTS, matrix, [], max_articles=1)
    drawing = draw_timeline(timeline, "T")
    root = ET.fromstring(drawing.svg)
    assert not root.findall(f".//{SVG}circle"), "no article is drawn one by one"
    assert len(root.findall(f".//{SVG}rect[@rx]")) == 3, "a bar per day"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "2 articles" in texts
    desc = root.find(f"{SVG}desc").text
    assert "4 dated articles, too many to show one by one" in desc
    assert drawing.hotspots == (), "a day's bar leads nowhere: the list of articles is on the home page"


def test_nothing_dated_draws_nothing():
    facts = {"c": FACTS["c"]}
    matrix = spread_matrix(ReuseResult([], []), facts, ORDER, TEXTS)
    assert draw_timeline(spread_timeline(facts, matrix, []), "T") is None


def test_wrap_keeps_lines_short_and_marks_a_cut():
    lines = wrap("one two three four five six seven eight nine ten eleven twelve", 11, width=80)
    assert all(len(line) <= 12 for line in lines) and " ".join(lines).split() == "one two three four five six seven eight nine ten eleven twelve".split()
    cut = wrap("one two three four five six seven eight nine ten eleven twelve", 11, width=80, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")


# ---------------------------------------------------------------------------
# The page on the real site

@pytest.fixture(scope="module")
def overview(built_site) -> BeautifulSoup:
    return BeautifulSoup(built_site.page("overview.html"), "html.parser")


@pytest.fixture(scope="module")
def reuse(built_site) -> dict:
    return json.loads(built_site.page("data/reuse.json"))


def article_pages(output: Path) -> dict[str, BeautifulSoup]:
    return {p.stem: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in (output / "articles").glob("*.html")}


def matrix_cells(soup: BeautifulSoup) -> tuple[list[str], dict[tuple[str, str], list[str]]]:
    """Group ids of the columns, and the links of every (row label, group id) cell."""
    table = soup.select_one("table.spread-matrix")
    heads = table.select("thead th")
    groups = [re.search(r"groups/([^/]+)\.html$", th.a["href"]).group(1) for th in heads[1:-1]]
    cells = {}
    for tr in table.select("tbody tr"):
        label = tr.th.contents[0].strip()
        tds = tr.find_all("td")
        assert len(tds) == len(groups) + 1
        for group, td in zip(groups, tds):
            cells[(label, group)] = [a["href"] for a in td.select("a.cell-link")]
    return groups, cells


def outlet_label(article: dict) -> str:
    if article["outlet"]:
        return article["outlet"]
    words = article["title"].split()
    return f"Outlet not stated — “{' '.join(words[:5])}{'…' if len(words) > 5 else ''}”"


def test_home_page_links_to_the_overview(built_site):
    home = BeautifulSoup(built_site.page("index.html"), "html.parser")
    link = home.find("a", string=re.compile("^See the spread"))
    assert link and link["href"].endswith("overview.html")
    assert link.find_parent("section")["class"] == ["intro"]


def test_matrix_matches_the_reuse_data(overview, reuse):
    groups, cells = matrix_cells(overview)
    assert sorted(groups) == sorted(g["id"] for g in reuse["groups"]), "one column per statement group"
    labels = {a["slug"]: outlet_label(a) for a in reuse["articles"]}
    assert {label for label, _ in cells} == set(labels.values()), "one row per outlet, unknown ones per article"
    expected: dict[tuple[str, str], set[str]] = {key: set() for key in cells}
    for group in reuse["groups"]:
        for member in group["members"]:
            expected[(labels[member["article"]], group["id"])].add(f"articles/{member['article']}.html#{member['paragraph']}")
    got = {key: {re.sub(r"^\./", "", href) for href in hrefs} for key, hrefs in cells.items()}
    assert got == expected


def test_every_cell_link_reaches_its_paragraph_with_its_number(built_site, overview):
    pages = article_pages(built_site.output)
    links = overview.select("table.spread-matrix td a.cell-link")
    assert links
    for link in links:
        path, fragment = link["href"].split("#")
        target = pages[Path(path).stem].find(id=fragment)
        assert target is not None, link["href"]
        number = link.find(attrs={"aria-hidden": "true"}).get_text()
        assert target.select_one(".para-anchor").get_text() == number, "the ¶ number is the one on the article page"
        assert link.get_text(" ", strip=True).split()[-1] in {"seen", "verbatim", "edited", "reworded", "others"}


def test_each_statement_has_one_first_seen_and_empty_cells_say_so(overview):
    table = overview.select_one("table.spread-matrix")
    columns = len(table.select("thead th")) - 2
    for n in range(columns):
        column_cells = [tr.find_all("td")[n] for tr in table.select("tbody tr")]
        assert sum(len(td.select("a.strength-first-seen")) for td in column_cells) == 1
    empty = table.select("td.not-carried")
    assert empty and all(td.select_one(".visually-hidden").get_text() == "not carried" for td in empty)


def test_matrix_is_an_accessible_table(overview):
    box = overview.select_one(".matrix-scroll")
    assert box["role"] == "region"
    # The seeds repeat more statements than a screen has columns for: the table is laid out as
    # cards, which never scroll, so the box is no keyboard stop (a scrolling table's box is one).
    columns = len(overview.select("table.spread-matrix thead th.statement-col"))
    assert columns > 8 and "as-table" not in box["class"] and not box.has_attr("tabindex")
    table = box.select_one("table")
    assert table.caption and table.caption["id"] == box["aria-labelledby"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    rows = table.select("tbody tr")
    assert rows and all(tr.th and tr.th["scope"] == "row" for tr in rows)


def test_timeline_places_the_dated_articles_and_the_correction(built_site, overview, reuse):
    svg = overview.select_one(".timeline-drawing svg")
    assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
    dated = [a for a in reuse["articles"] if a["date"]]
    undated = [a for a in reuse["articles"] if not a["date"]]
    assert len(svg.find_all("circle")) == len(dated) == 3
    assert not overview.select(".timeline-drawing svg[role=img] a"), "no links inside the image"
    assert not overview.select(".when script, .when [src], .spread script, .spread [src]"), "no script, no external resource"
    undated_links = [a["href"] for a in overview.select(".timeline-undated a")]
    assert sorted(Path(h).stem for h in undated_links) == sorted(a["slug"] for a in undated)
    entries = overview.select("ol.timeline-list > li")
    text = [re.sub(r"\s+", " ", li.get_text(" ", strip=True)) for li in entries]
    assert len(entries) == len(dated) + 3, "every dated article, the claim, the deletion, the editor's note"
    assert text[0].startswith("14 November 2017 : Claim made by the Russian Ministry of Defence")
    assert any(t.startswith("14 November 2017 : The ministry deletes the images") for t in text)
    assert text[-1].startswith("27 November 2017 : The outlet's own note")
    assert "us-led-coalition-covered-islamic-state-terrorists-combat" in entries[-1].a["href"]
    # The drawing's marks lead where the list's entries do.
    spots = [a["href"] for a in overview.select(".timeline-hotspot")]
    listed = [li.find_all("a")[-1]["href"] if "timeline-article" not in li["class"] else li.a["href"] for li in entries]
    assert spots == listed
    assert all(a["tabindex"] == "-1" and a["aria-hidden"] == "true" for a in overview.select(".timeline-hotspot"))


@pytest.mark.slow
def test_the_overview_is_the_same_at_every_build(built_site, tmp_path):
    again = build_site(ROOT / "content", tmp_path / "output")
    assert again.status == 0, again.errors
    assert again.page("overview.html") == built_site.page("overview.html")


@pytest.mark.slow
def test_a_large_archive_tells_the_reader_its_articles_are_counted_per_day(tmp_path):
    built = build_site(ROOT / "content", tmp_path / "output", OVERVIEW_MAX_TIMELINE_ARTICLES=2, SEARCH_INDEX=False)
    assert built.status == 0, built.errors
    soup = BeautifulSoup(built.page("overview.html"), "html.parser")
    when = soup.select_one("section.when")
    assert "too many articles to place one by one" in when.get_text()
    assert when.find("a", href=re.compile(r"index\.html$"))
    days = when.select("ol.timeline-list > li.timeline-day")
    assert days and not when.select("li.timeline-article") and not when.select("svg circle")
    counted = [int(re.search(r"(\d+) articles?", li.get_text()).group(1)) for li in days]
    dated = [a for a in json.loads(built.page("data/reuse.json"))["articles"] if a["date"]]
    assert sum(counted) == len(dated)


NEW_ARTICLE = """Title: Coalition jets broke the agreed flight ban, ministry says
Slug: coalition-jets-broke-the-agreed-flight-ban
Date: 2017-11-16 10:30
Outlet: Example Daily
Author: unknown
Lang: en
Original: unknown

This happened despite the fact that the flight ban for the US-led coalition jets in the zone has been earlier agreed and approved by the Combined Air Operations Center in Al Udeid in Qatar.

Our correspondent could not reach the coalition's press office for a comment on Wednesday evening.
"""
UNDATED_ARTICLE = """Title: Grain harvest beats forecasts
Slug: grain-harvest-beats-forecasts
Date: unknown
Outlet: Farm Weekly
Author: unknown
Lang: en
Original: unknown

Farmers in the northern plains brought in a record grain harvest this autumn, helped by a mild and wet spring.
"""


@pytest.mark.slow
def test_a_new_article_shows_up_at_the_next_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "articles" / "coalition-jets.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (content / "articles" / "grain-harvest.md").write_text(UNDATED_ARTICLE, encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status == 0, built.errors
    soup = BeautifulSoup(built.page("overview.html"), "html.parser")
    reuse = json.loads(built.page("data/reuse.json"))
    _, cells = matrix_cells(soup)
    new_links = [href for (label, _), hrefs in cells.items() if label == "Example Daily" for href in hrefs]
    joined = [g for g in reuse["groups"] if any(m["article"] == "coalition-jets-broke-the-agreed-flight-ban" for m in g["members"])]
    assert joined, "the copied paragraph joins a statement group"
    assert new_links and all("coalition-jets-broke-the-agreed-flight-ban.html#" in h for h in new_links)
    assert ("Farm Weekly", joined[0]["id"]) in cells and not any(h for (label, _), h in cells.items() if label == "Farm Weekly")
    assert len(soup.select(".timeline-drawing svg circle")) == 4
    listed = soup.select("ol.timeline-list > li.timeline-article")
    assert any("16 November 2017, 10:30" in li.get_text() and "Example Daily" in li.get_text() for li in listed)
    assert "Grain harvest beats forecasts" in soup.select_one(".timeline-undated").get_text()


# ---------------------------------------------------------------------------
# On a phone, in Chromium

@pytest.mark.slow
@pytest.mark.browser
def test_on_a_phone_the_page_does_not_scroll_sideways(browser, built_site):
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with serve(built_site.output) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}/overview.html")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        box = page.locator(".matrix-scroll")
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "nothing scrolls sideways, not even the matrix"
        # One card per outlet; each carried statement named beside its link, as no column heading is.
        card = page.locator("table.spread-matrix tbody tr").first
        assert card.locator("th").is_visible()
        cell = card.locator("td:not(.not-carried)").first
        assert cell.locator(".cell-statement").is_visible() and cell.locator(".cell-link").is_visible()
        assert not page.locator("table.spread-matrix td.not-carried").first.is_visible()
        svg = page.locator(".timeline-drawing svg.timeline-svg")
        assert svg.get_attribute("role") == "img"
        assert svg.locator("title").text_content().startswith("Timeline")
        assert svg.evaluate("s => s.getBoundingClientRect().width") <= 360
        # Its smallest text is still at least 10 px on the screen.
        smallest = svg.evaluate("""s => Math.min(...[...s.querySelectorAll('text')].map(
            t => parseFloat(t.getAttribute('font-size')))) * s.getBoundingClientRect().width / s.viewBox.baseVal.width""")
        assert smallest >= 10
        page.screenshot(path=str(artifacts / "overview-phone.png"), full_page=True)
        # A mark of the drawing opens its article; a cell of the matrix its paragraph.
        page.locator(".timeline-hotspot[href*='articles/']").first.click()
        assert "/articles/" in page.url
        page.goto(f"{base}/overview.html")
        link = page.locator("table.spread-matrix td a.cell-link").first
        fragment = link.get_attribute("href").split("#")[1]
        link.click()
        assert page.url.endswith("#" + fragment)
        assert page.locator(f"[id='{fragment}']").evaluate("p => p.matches(':target')")
        context.close()


@pytest.mark.browser
def test_the_overview_prints_whole(browser, built_site):
    # In print nothing can scroll: the matrix is laid out as cards, the hint to scroll is gone.
    with serve(built_site.output) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.emulate_media(media="print")
        page.goto(f"{base}/overview.html")
        box = page.locator(".matrix-scroll")
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
        assert not page.locator(".scroll-hint").is_visible()
        assert page.locator("table.spread-matrix tbody tr").count() == len(
            page.locator("table.spread-matrix tbody th").all())
        assert page.locator(".timeline-drawing").evaluate("d => d.getBoundingClientRect().width") < 400
        page.close()


def test_a_large_archive_shows_the_most_widely_repeated_statements():
    matrix = spread_matrix(RESULT, FACTS, ORDER, TEXTS, max_statements=1)
    assert len(matrix.columns) == 1 and matrix.total_statements == len(RESULT.groups) > 1
    spread = {g.id: len({FACTS[a].source_key for a, _ in g.members}) for g in RESULT.groups}
    assert spread[matrix.columns[0].id] == max(spread.values())
