"""Dumps laid out the way real pages are: a masthead or section line on top,
navigation, share counters, a deck or standfirst, bylines with job titles,
tags and copyright lines at the foot.  The importer must find headline,
byline, date and outlet wherever they sit in the first lines, take the
furniture out, record every line it took, and never fill a field the dump
does not state.  The dumps in tests/data/dumps/ are texts written for these
tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive import furniture
from archive.importer import import_text
from test_importer import imported_with, raw_lines, split_article

DUMPS = Path(__file__).resolve().parent / "data" / "dumps"


def imported(name: str):
    return imported_with(import_text, DUMPS / name)


EXPECTED = {
    "masthead-and-breadcrumbs.txt": {
        "header": {"Title": "Moscow says coalition let militants leave Abu Kamal", "Outlet": "THE NORTHERN LEDGER",
                   "Author": "Jane Roe", "Date": "2017-11-14 18:40+00:00", "Original": "unknown"},
        "lifted": [(1, "masthead"), (5, "headline"), (6, "byline"), (7, "date")],
        "removed": [(2, "section-label"), (3, "section-label"), (8, "share-counter"), (14, "share-counter"),
                    (20, "teaser"), (21, "unrelated-story"), (22, "unrelated-story"), (23, "copyright")],
        "body_starts": "The defence ministry in Moscow said on Tuesday",
    },
    "nav-deck-and-byline-bar.txt": {
        "header": {"Title": "Ministry images of Syrian convoy questioned", "Outlet": "Eastbridge Herald",
                   "Author": "Jane Roe", "Date": "2017-11-14"},
        "lifted": [(4, "masthead"), (7, "headline"), (9, "byline"), (10, "date")],
        "removed": [(1, "navigation"), (2, "navigation"), (3, "navigation"), (5, "section-label"), (11, "widget"),
                    (19, "section-label"), (20, "newsletter-prompt"), (21, "copyright")],
        # the deck under the headline is the outlet's own text: it stays
        "body_starts": "Analysts say pictures offered as proof were taken from other sources Russia's defence",
    },
    "date-first-standfirst.txt": {
        "header": {"Title": "Video game still offered as evidence of coalition help to militants",
                   "Outlet": "unknown", "Author": "John Doe and Ann Poe", "Date": "2017-11-14 10:02+00:00"},
        # the byline sits under the standfirst: still in the window, still lifted
        "lifted": [(1, "date"), (3, "headline"), (5, "byline")],
        "removed": [(15, "widget"), (16, "comments"), (17, "copyright")],
        "body_starts": "A picture in the ministry's statement came from a phone game, researchers found. The statement",
    },
    "no-outlet-stated.txt": {
        "header": {"Title": "Ministry repeats claim about convoy near border", "Outlet": "unknown",
                   "Author": "Jane Roe", "Date": "unknown"},
        "lifted": [(2, "headline"), (3, "byline")],
        "removed": [(1, "section-label"), (9, "widget")],
        "body_starts": "A spokesman repeated on Wednesday",
    },
    "copyright-confirms-masthead.txt": {
        # "Meridian Eleven" is no name a rule knows; the copyright line at the
        # foot names it, so the line on top is the masthead, not the headline.
        # "Jane Roe" beside the date has neither "by" nor a job title: she may
        # be the author or not, so Author stays unknown (the record keeps her).
        "header": {"Title": "Researchers trace images in ministry statement", "Outlet": "Meridian Eleven",
                   "Author": "unknown", "Date": "2017-11-15"},
        "lifted": [(1, "masthead"), (3, "headline"), (4, "date")],
        "removed": [(2, "section-label"), (10, "share-counter"), (12, "copyright")],
        "body_starts": "Independent researchers said on Wednesday",
    },
    "blog-posted-on.txt": {
        # a blog's "Posted on <date> by <name>", a date with full stops, a reading time
        "header": {"Title": "Coalition accused of shielding convoy", "Outlet": "Example Gazette Online",
                   "Author": "Jane Roe", "Date": "2017-11-14"},
        "lifted": [(1, "masthead"), (3, "headline"), (4, "byline")],
        "removed": [(2, "section-label"), (5, "reading-time"), (9, "teaser"), (13, "share-counter"),
                    (14, "navigation"), (15, "navigation")],
        "body_starts": "The ministry said on Tuesday that coalition aircraft",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header_found_wherever_it_sits(name):
    _, result, header, shown = imported(name)
    expected = EXPECTED[name]
    for key, value in expected["header"].items():
        assert header[key] == value, key
    assert shown.startswith(expected["body_starts"])
    assert [(e["line"], e["kind"]) for e in result.record["lifted"]] == expected["lifted"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_furniture_out_of_the_text_and_every_line_accounted_for(name):
    raw, result, _, shown = imported(name)
    assert [(e["line"], e["kind"]) for e in result.record["removed"]] == EXPECTED[name]["removed"]
    lines = raw_lines(raw)
    removed = {e["line"]: e for e in result.record["removed"]}
    lifted = {e["line"]: e for e in result.record["lifted"] if not e.get("kept_in_body")}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        folded = " ".join(line.split())
        distinctive = len(folded.split()) >= 3   # "Russia" alone is also a word of the text
        if number in removed:
            assert removed[number]["text"] == line and removed[number]["kind"] in furniture.KINDS
            assert not (distinctive and folded in shown), line
        elif number in lifted:
            assert lifted[number]["text"] == line
            assert not (distinctive and folded in shown), line
        else:
            assert folded in shown, (number, line)


def test_job_title_and_place_are_recorded_not_made_fields():
    _, result, header, _ = imported("masthead-and-breadcrumbs.txt")
    byline = next(e for e in result.record["lifted"] if e["kind"] == "byline")
    assert byline["values"] == {"author": "Jane Roe", "role": "Moscow correspondent"}
    _, result, header, _ = imported("date-first-standfirst.txt")
    byline = next(e for e in result.record["lifted"] if e["kind"] == "byline")
    assert byline["values"] == {"author": "John Doe and Ann Poe", "place": "Beirut"}
    assert header["Outlet"] == "unknown"


def test_a_person_beside_a_date_is_kept_in_the_record_not_guessed_as_author():
    _, result, header, _ = imported("copyright-confirms-masthead.txt")
    date_line = next(e for e in result.record["lifted"] if e["kind"] == "date")
    assert date_line["values"] == {"date": "2017-11-15", "unread": "Jane Roe"}
    assert header["Author"] == "unknown"


def test_a_name_nobody_states_as_outlet_is_not_the_outlet():
    raw = ("Kestrel Eleven\nMinistry repeats claim about convoy\n\n"
           "The ministry repeated its claim on Wednesday, without new pictures or evidence.\n")
    header, _ = split_article(import_text(raw, "sources/x.txt").markdown)
    # two headline-like lines and no sign that the first is a masthead: the first is the headline, as before
    assert header["Title"] == "Kestrel Eleven"
    assert header["Outlet"] == "unknown"


@pytest.mark.parametrize("line, kind", [
    ("Share 12 Tweet 3", "share-counter"),
    ("Facebook 40 Twitter 7 WhatsApp", "share-counter"),
    ("12 shares", "share-counter"),
    ("Share on Facebook Share on X", "widget"),
    ("© 2017 The Northern Ledger. All rights reserved.", "copyright"),
    ("Copyright 2017 Example Media Ltd", "copyright"),
    ("Home › Middle East", "section-label"),
    ("News > World > Europe", "section-label"),
    ("Related Topics", "teaser"),
    ("Tags: Syria, Russia", "section-label"),
    ("3 min read", "reading-time"),
    ("Leave a comment", "comments"),
    ("Skip to content", "navigation"),
])
def test_page_furniture_of_real_layouts(line, kind):
    assert furniture.classify(line) == kind


@pytest.mark.parametrize("line", [
    "Facebook said on Tuesday it had removed the posts.",
    "The ministry's statement, copyright aside, was shared 12 times.",
    "Syria/Iraq border",
    "Home is where the convoy was headed, the ministry said.",
])
def test_sentences_that_mention_furniture_words_are_text(line):
    assert furniture.classify(line) is None


def test_a_crafted_line_does_not_stall_the_rules():
    import time
    started = time.perf_counter()
    for line in ("1" * 5000 + "a", "share " * 2000 + "!", "Home › " * 500 + "?"):
        furniture.classify(line)
    assert time.perf_counter() - started < 1


def test_a_dump_of_header_lines_only_says_so():
    from archive.importer import ImportProblem
    with pytest.raises(ImportProblem) as err:
        import_text("By Jane Roe\n14 November 2017\n", "sources/x.txt")
    assert err.value.line == 1
    assert "no headline found: the first lines are header lines" in err.value.message


@pytest.mark.parametrize("line, values", [
    ("By Jane Roe, Moscow correspondent", {"author": "Jane Roe", "role": "Moscow correspondent"}),
    ("Jane Roe | Senior Editor", {"author": "Jane Roe", "role": "Senior Editor"}),
    ("Jane Roe, Staff Writer", {"author": "Jane Roe", "role": "Staff Writer"}),
    ("By Jane Roe and John Doe, Reuters", {"author": "Jane Roe and John Doe", "credit": "Reuters"}),
    ("By Jane Roe | 14 November 2017 | 3 min read", {"author": "Jane Roe", "date": "2017-11-14"}),
    ("Posted on November 14, 2017 by Jane Roe", {"author": "Jane Roe", "date": "2017-11-14"}),
    ("Written by Jane Roe on 14 November 2017", {"author": "Jane Roe", "date": "2017-11-14"}),
    ("November 14th, 2017 – Fort Russ News –", {"date": "2017-11-14", "outlet": "Fort Russ News"}),
    # a person beside a date: kept, not made the outlet (as before) nor the author
    ("Jane Roe – 14 November 2017", {"date": "2017-11-14", "unread": "Jane Roe"}),
])
def test_header_lines_read_segment_by_segment(line, values):
    from archive.importer_header import read_header_line
    assert read_header_line(line).values == values


@pytest.mark.parametrize("line", [
    "By the ministry's own account, the convoy left.",
    "Senior Editor | 14 November 2017",          # a job title, but whose?
    "Jane Roe | Example Times",                  # author and outlet, or two authors: not stated
])
def test_lines_that_are_not_header_lines(line):
    from archive.importer_header import read_header_line
    assert read_header_line(line) is None


@pytest.mark.parametrize("text, value", [
    ("14.11.2017", "2017-11-14"),
    ("14/11/2017", "2017-11-14"),
    ("11/14/2017 10:05", "2017-11-14 10:05"),
    ("2017-11-14T18:40:00.000Z", "2017-11-14 18:40+00:00"),
    ("11/12/2017", None),   # 11 December or 12 November: not stated
    ("Version 1.2.2017", None),
])
def test_numeric_dates_only_when_unambiguous(text, value):
    from archive.importer_dates import parse_date_text
    parsed = parse_date_text(text)
    assert (str(parsed) if parsed else None) == value


def test_a_title_case_headline_ending_in_news_is_not_a_masthead():
    raw = ("Russia Publishes Fake Convoy News\nThe images came from a game and from older footage\n\n"
           "The ministry published the images on Tuesday as evidence of its claim about the convoy.\n")
    header, _ = split_article(import_text(raw, "sources/x.txt").markdown)
    assert header["Title"] == "Russia Publishes Fake Convoy News"
    assert header["Outlet"] == "unknown"
