"""Which articles carry a corrected claim and which report its debunk, on plain data."""
from __future__ import annotations

from dataclasses import replace

from archive.article_facts import ArticleFacts
from archive.content_check import load
from archive.corrections.apply import find_carriers, reports_debunk
from archive.corrections.notice import matched_passages
from archive.corrections.parse import read_correction
from archive.dates import parse_date
from conftest import ROOT

CORRECTION_FILE = ROOT / "content" / "corrections" / "abu-kamal-irrefutable-evidence.md"


def article(slug: str) -> ArticleFacts:
    return ArticleFacts(slug, slug.title(), f"articles/{slug}.html", "Outlet " + slug, parse_date("2017-11-15"), None)


def correction():
    found, problems = read_correction(load(CORRECTION_FILE, "corrections/abu-kamal-irrefutable-evidence.md"),
                                      {"repeats", "debunks", "mentions"})
    assert not problems
    return found


def test_the_site_correction_quotes_the_debunk_too():
    assert len(correction().debunk_passages) == 4
    assert any("AC-130 Gunship Simulator" in passage for passage in correction().debunk_passages)


def test_an_article_reports_the_debunk_when_it_gives_the_debunk_as_much_room_in_paragraphs_of_its_own():
    assert reports_debunk({"p1"}, {"p3", "p4"})
    assert reports_debunk({"p1", "p2"}, {"p3", "p4"})
    assert not reports_debunk({"p1", "p2", "p5"}, {"p6"})            # repeats at length, mentions the ridicule
    assert not reports_debunk({"p1"}, {"p1"})                        # the same paragraph: no debunk of its own
    assert not reports_debunk(set(), set())


def test_carriers_and_debunks_are_told_apart_and_the_lists_overrule_them():
    claimed = {"repeats": {"p1": (1,), "p2": (2, 4)}, "debunks": {"p1": (2,)}, "mentions": {"p1": (1,), "p2": (3,)}}
    debunked = {"debunks": {"p2": (1,), "p3": (2,)}, "mentions": {"p4": (1,)}}
    articles = [article(slug) for slug in ("repeats", "debunks", "mentions", "unrelated")]
    findings, debunking = find_carriers(correction(), articles, claimed, debunked)
    assert [f.article.slug for f in findings] == ["repeats", "mentions"]
    assert [a.slug for a in debunking] == ["debunks"]
    assert findings[0].paragraphs == ("p1", "p2") and findings[0].passages_of("p2") == (2, 4)
    forced = replace(correction(), include=("debunks",), exclude=("mentions",))
    findings, debunking = find_carriers(forced, articles, claimed, debunked)
    assert [f.article.slug for f in findings] == ["repeats", "debunks"] and debunking == []


def test_each_marker_names_the_passages_its_paragraph_repeats():
    assert matched_passages((2,)) == "passage 2 of the claim's wording"
    assert matched_passages((1, 3, 4)) == "passages 1, 3 and 4 of the claim's wording"
    findings, _ = find_carriers(correction(), [article("repeats")], {"repeats": {"p1": (1, 2)}})
    assert matched_passages(findings[0].passages_of("p1")) == "passages 1 and 2 of the claim's wording"


def test_counts_agree_with_their_words():
    from archive.wording import plural

    assert plural(1, "article") == "1 article" and plural(0, "article") == "0 articles"
    assert plural(2, "archived article") == "2 archived articles"
    assert plural(1, "paragraph repeats", "paragraphs repeat") == "1 paragraph repeats"
    assert plural(3, "paragraph repeats", "paragraphs repeat") == "3 paragraphs repeat"


def test_the_verdict_loses_its_rating_only_where_it_begins_with_it():
    assert correction().verdict_reason == "The images came from a video game and from 2016 footage from Iraq"
    assert replace(correction(), verdict="Misleading: old footage").verdict_reason == "Misleading: old footage"
    assert replace(correction(), verdict="False").verdict_reason == "False"


def test_each_outlet_stands_on_its_own_articles_and_an_unknown_outlet_is_one_per_article():
    from archive.corrections.apply import outlet_corrections

    unknown = [replace(article(slug), outlet=None) for slug in ("u1", "u2")]
    same = [replace(article(slug), outlet="One Outlet") for slug in ("o1", "o2", "o3")]
    findings, _ = find_carriers(correction(), unknown + same, {"u1": {"p1": (1,)}, "o2": {"p1": (1,)}, "o3": {"p2": (2,)}})
    standing = outlet_corrections(unknown + same, findings)
    assert set(standing) == {"unknown:u1", "unknown:u2", "outlet:One Outlet"}
    assert (standing["unknown:u1"].articles, standing["unknown:u1"].carrying) == (1, 1)
    assert (standing["unknown:u2"].articles, standing["unknown:u2"].carrying) == (1, 0)
    assert (standing["outlet:One Outlet"].articles, standing["outlet:One Outlet"].carrying) == (3, 2)
    assert standing["outlet:One Outlet"].statuses == ("Not recorded",)


def test_a_media_review_gives_the_original_link_when_the_file_does_and_stays_inside_its_script(tmp_path):
    import json

    from archive.corrections.structured_data import media_reviews

    text = CORRECTION_FILE.read_text(encoding="utf-8").replace(
        "- Category: decontextualized", "- Category: decontextualized\n- Original-Link: https://example.org/original-video").replace(
        "### The game still", "### The game still</script><!--<script>")
    hostile = tmp_path / "c.md"
    hostile.write_text(text, encoding="utf-8")
    found, problems = read_correction(load(hostile, "c.md"), set())
    assert not problems
    game, iraq = media_reviews(found, "https://example.org/c.html", "Site", "https://example.org")
    assert "</script" not in game[:-len("</script>")] and "<!--" not in game
    data = json.loads(game.split("\n", 1)[1].rsplit("\n", 1)[0])
    assert data["name"] == "The game still</script><!--<script>" and "originalMediaLink" not in data
    assert json.loads(iraq.split("\n", 1)[1].rsplit("\n", 1)[0])["originalMediaLink"] == "https://example.org/original-video"
