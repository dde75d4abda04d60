"""Corrections on the built site: notices where the claim is carried, none
elsewhere, the explainer's computed lists and structured data, and bad
correction files refused."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from browser import serve
from conftest import ROOT, build_site, copy_content

CORRECTION = ROOT / "content" / "corrections" / "abu-kamal-irrefutable-evidence.md"
EXPLAINER = "corrections/abu-kamal-irrefutable-evidence.html"
EXPECTED_HANDLING = {
    "us-led-coalition-covered-islamic-state-terrorists-combat": "The outlet later added its own note to this article. An editor's note dated 27 November 2017",
    "russian-federation-says-us-providing-cover-for-islamic-state": "The article itself mentions that the claim was disputed.",
    "russian-mod-details-us-isis-cooperation": "The outlet has not corrected this article",
    "russian-defense-ministry-us-led-coalition-directly-supports": "The outlet has not corrected this article",
    "russia-us-directly-supports-isil-terrorists-in-syria": "The article itself mentions that the claim was disputed. A French passage",
}
UNRELATED = """Title: Grain harvest beats forecasts
Slug: grain-harvest-beats-forecasts
Date: 2017-11-16
Outlet: Farm Weekly
Author: unknown
Lang: en
Original: unknown

Farmers in the northern plains brought in a record grain harvest this autumn, helped by a mild and wet spring.

Prices for wheat fell slightly at the regional market as storage silos filled up faster than expected.
"""
REWORDED = """Title: Moscow says drone pictures show Washington shielding jihadists
Slug: moscow-says-drone-pictures-show-washington-shielding-jihadists
Date: 2017-11-15
Outlet: Example Daily
Author: unknown
Lang: en
Original: https://example.org/news/1

The Russian defence ministry on Tuesday presented what it called indisputable evidence: according to Moscow, the United States only pretends to wage an irreconcilable struggle against international terrorism in front of the world, while in reality it provides cover for combat-ready Islamic State groups so they can regain strength, regroup and advance US interests in the Middle East.

Farmers in the northern plains brought in a record grain harvest this autumn, helped by a mild and wet spring.
"""


def page(built, path: str) -> BeautifulSoup:
    return BeautifulSoup(built.page(path), "html.parser")


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


@pytest.mark.parametrize("slug", sorted(EXPECTED_HANDLING))
def test_every_seed_article_carries_the_notice_with_its_own_handling(built_site, slug):
    soup = page(built_site, f"articles/{slug}.html")
    body = soup.select_one(".article-body")
    notice = soup.select_one("article.archived > aside.correction-notice")
    assert notice and notice.find_next_sibling("section")["class"] == ["archived-text"], \
        "the notice comes before the text, outside the frame of the outlet's words"
    assert notice["role"] == "note"
    assert notice.select_one(".correction-label").get_text() == "Correction"
    assert "video game" in notice.get_text()
    assert EXPECTED_HANDLING[slug] in " ".join(notice.get_text().split())
    assert notice.select_one(f'a[href="../{EXPLAINER}"]')
    markers = body.select(".claim-flag .claim-marker")
    assert markers and all(m["href"] == f"#{notice['id']}" for m in markers)
    # Each flag stands right above the paragraph it flags.
    assert all("repeats-claim" in m.parent.find_next_sibling()["class"] for m in markers)


def test_article_pages_carry_a_correction_comment_and_no_claim_review(built_site):
    for slug in EXPECTED_HANDLING:
        data = json_ld(page(built_site, f"articles/{slug}.html"))
        assert [d["@type"] for d in data] == ["Article"]
        comment = data[0]["correction"]
        assert comment["@type"] == "CorrectionComment"
        assert comment["url"].endswith(EXPLAINER)


def test_the_explainer_has_one_claim_review_with_googles_fields(built_site):
    data = json_ld(page(built_site, EXPLAINER))
    assert [d["@type"] for d in data] == ["ClaimReview", "MediaReview", "MediaReview"]
    review = data[0]
    assert review["@type"] == "ClaimReview"
    assert 0 < len(review["claimReviewed"]) <= 75
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["url"].endswith(EXPLAINER)
    assert review["author"]["name"] and review["datePublished"]
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["firstAppearance"]["datePublished"] == "2017-11-14"
    assert len(claim["appearance"]) == 5
    all_pages = [p for p in built_site.output.rglob("*.html")]
    with_review = [p for p in all_pages if '"ClaimReview"' in p.read_text(encoding="utf-8")]
    assert [p.relative_to(built_site.output).as_posix() for p in with_review] == [EXPLAINER]


GAME_STILL = {
    "name": "The game still",
    "claimed": "An IS convoy leaving Abu Kamal for the Syrian-Iraqi border, “created November 9, 2017”",
    "really": "A cropped still from the promotional video of a mobile game, “AC-130 Gunship Simulator: Special Ops Squadron”; "
              "text left in the frame read “DEVELOPMENT FOOTAGE. THIS IS A WORK IN PROGRESS.”",
    "context": "The promotional video of the mobile game “AC-130 Gunship Simulator: Special Ops Squadron”, "
               "made by Byte Conveyor Studios, on YouTube since March 2015",
}
BELLINGCAT = "https://www.bellingcat.com/news/mena/2017/11/14/russian-ministry-defence-publishes-screenshots-computer-games-evidence-us-collusion-isis/"
JAPAN_TIMES = "https://www.japantimes.co.jp/news/2017/11/15/world/russia-posts-video-game-image-proof-u-s-aiding-islamic-state-monitor/"
CNN = "https://edition.cnn.com/2017/11/14/us/russia-fake-photos-accusation-trnd/index.html"


def test_each_debunked_image_has_a_media_review_beside_the_claim_review(built_site):
    claim, game, iraq = json_ld(page(built_site, EXPLAINER))
    assert game["@type"] == iraq["@type"] == "MediaReview"
    assert game["mediaAuthenticityCategory"] == "EditedOrCroppedContent"
    assert iraq["mediaAuthenticityCategory"] == "DecontextualizedContent"
    assert game["name"] == GAME_STILL["name"] and game["reviewBody"] == GAME_STILL["really"]
    assert game["originalMediaContextDescription"] == GAME_STILL["context"]
    assert "Fallujah" in iraq["originalMediaContextDescription"] and "2016" in iraq["originalMediaContextDescription"]
    assert "originalMediaLink" not in game and "originalMediaLink" not in iraq, "no source gives the original's address"
    assert [c["url"] for c in game["citation"]] == [BELLINGCAT, JAPAN_TIMES]
    assert [c["url"] for c in iraq["citation"]] == [BELLINGCAT, CNN]
    for review in (game, iraq):
        assert review["url"] == f"{EXPLAINER}#{review['url'].split('#')[1]}" and review["url"].split("#")[1].startswith("image-")
        assert review["author"] == claim["author"] and review["datePublished"] == claim["datePublished"]
        item = review["itemReviewed"]
        assert item["@type"] == "MediaReviewItem"
        [appearance] = item["mediaItemAppearance"]
        assert appearance["@type"] == "ImageObject" and appearance["datePublished"] == "2017-11-14"
        assert appearance["publisher"]["name"] == "Russian Ministry of Defence"
        assert "contentUrl" not in appearance, "the posts were deleted: the archive has no address of the image"
    assert GAME_STILL["claimed"] in game["itemReviewed"]["mediaItemAppearance"][0]["description"]


def test_the_explainer_lists_each_image_claimed_really_and_sources(built_site):
    soup = page(built_site, EXPLAINER)
    items = soup.select(".media-reviews li.media-review")
    assert len(items) == 2
    game = items[0]
    assert game.select_one("h3").get_text() == GAME_STILL["name"]
    facts = {dt.get_text(): dd for dt, dd in zip(game.select("dl > dt"), game.select("dl > dd"))}
    assert list(facts) == ["Claimed to show", "What it really was", "Original context", "Rating", "Sources"]
    assert facts["Claimed to show"].get_text() == GAME_STILL["claimed"]
    assert facts["What it really was"].get_text() == GAME_STILL["really"]
    assert [a["href"] for a in facts["Sources"].select("a")] == [BELLINGCAT, JAPAN_TIMES]
    assert "Bellingcat" in facts["Sources"].get_text()
    # Each MediaReview's address leads to its entry.
    for review, item in zip(json_ld(soup)[1:], items):
        assert review["url"].endswith("#" + item["id"])
    iraq = " ".join(items[1].get_text().split())
    assert "2016 footage filmed in Iraq" in iraq and "Out of context" in iraq
    # What FACTS.md says is uncertain is not stated anywhere on the page.
    text = soup.get_text()
    for uncertain in ("June", "July", "August", "September", "four images", "five images"):
        assert uncertain not in text


def test_the_explainer_states_the_verdict_once_and_counts_agree(built_site):
    soup = page(built_site, EXPLAINER)
    box = soup.select_one(".verdict-box")
    assert box.select_one("h2").get_text() == "Verdict: False"
    assert box.select_one(".correction-verdict").get_text() == "The images came from a video game and from 2016 footage from Iraq."
    assert box.get_text().count("False") == 1
    text = " ".join(soup.get_text().split())
    assert "the claim is carried by 5 articles from 5 outlets" in text
    assert "(1 paragraph repeats it)" in text and "(4 paragraphs repeat it)" in text
    assert "1 paragraph repeat it" not in text and "1 paragraphs" not in text


def test_the_explainer_lists_are_computed_and_linked_from_home(built_site):
    soup = page(built_site, EXPLAINER)
    rows = soup.select("table.article-list tbody tr")
    assert len(rows) == 5
    status = {r.select_one("a")["href"].rsplit("/", 1)[-1]: r.select("td")[-1].get_text() for r in rows}
    assert status["russian-mod-details-us-isis-cooperation.html"].startswith("Not corrected")
    assert status["us-led-coalition-covered-islamic-state-terrorists-combat.html"].startswith("Corrected later")
    assert "3 of the outlets later corrected it or mentioned" in soup.get_text()
    for heading in ("What the images really were", "Who found it, and when", "What the ministry did next", "Sources"):
        assert soup.find(string=re.compile(heading))
    home = page(built_site, "index.html")
    assert home.select_one(f'.corrections a[href="{EXPLAINER}"]') or home.select_one(f'.corrections a[href$="/{EXPLAINER}"]')


@pytest.mark.slow
def test_a_later_article_gets_the_notice_only_if_it_repeats_the_claim(tmp_path):
    content = copy_content(tmp_path)
    (content / "articles" / "unrelated.md").write_text(UNRELATED, encoding="utf-8")
    (content / "articles" / "reworded.md").write_text(REWORDED, encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status == 0, built.errors
    unrelated = page(built, "articles/grain-harvest-beats-forecasts.html")
    assert not unrelated.select(".correction-notice, .claim-marker")
    assert not unrelated.title.get_text().startswith("Debunked claim")
    reworded = page(built, "articles/moscow-says-drone-pictures-show-washington-shielding-jihadists.html")
    assert reworded.title.get_text().startswith("Debunked claim: Moscow says drone pictures")
    notice = reworded.select_one("article.archived > aside.correction-notice")
    assert notice and "has not been recorded yet" in notice.get_text()
    marked = reworded.select(".para.repeats-claim")
    assert len(marked) == 1 and "indisputable evidence" in marked[0].get_text()
    explainer = page(built, EXPLAINER)
    assert len(explainer.select("table.article-list tbody tr")) == 6
    assert "Example Daily" in explainer.select_one("table.article-list").get_text()
    review = json_ld(explainer)[0]
    assert {"@type": "CreativeWork", "headline": "Moscow says drone pictures show Washington shielding jihadists",
            "url": "https://example.org/news/1", "datePublished": "2017-11-15",
            "publisher": {"@type": "Organization", "name": "Example Daily"}} in review["itemReviewed"]["appearance"]


@pytest.mark.slow
def test_include_and_exclude_lists_overrule_the_matcher(tmp_path):
    content = copy_content(tmp_path)
    (content / "articles" / "unrelated.md").write_text(UNRELATED, encoding="utf-8")
    correction = content / "corrections" / CORRECTION.name
    text = correction.read_text(encoding="utf-8").replace(
        "Rating: False\n", "Rating: False\nInclude: grain-harvest-beats-forecasts\nExclude: russian-mod-details-us-isis-cooperation\n")
    correction.write_text(text, encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status == 0, built.errors
    included = page(built, "articles/grain-harvest-beats-forecasts.html").select_one(".correction-notice")
    assert included and "A maintainer marked this article" in included.get_text()
    assert not page(built, "articles/russian-mod-details-us-isis-cooperation.html").select(".correction-notice, .claim-marker")


BAD = {
    "missing verdict": (lambda t: t.replace("Verdict: False: the images came from a video game and from 2016 footage from Iraq\n", ""),
                        "abu-kamal-irrefutable-evidence.md:1: missing verdict"),
    "unknown article": (lambda t: t.replace("Rating: False\n", "Rating: False\nInclude: no-such-article\n"),
                        "abu-kamal-irrefutable-evidence.md:10: include names 'no-such-article', which is not an article's slug"),
    "bad date": (lambda t: t.replace("Claim-Date: 2017-11-14", "Claim-Date: 14/11/2017"),
                 "abu-kamal-irrefutable-evidence.md:6: date '14/11/2017' is not"),
    "bad address": (lambda t: t.replace("(https://www.bellingcat.com", "(ftp://www.bellingcat.com"),
                    "must be an http(s) address"),
    "unquoted wording": (lambda t: t.replace("> The image was captured", "The image was captured"),
                         "wording must be quoted"),
    "undated event": (lambda t: t.replace("- 2017-11-14: The ministry deletes", "- unknown: The ministry deletes"),
                      "an event needs a date"),
    "an image's unknown field": (lambda t: t.replace("- Category: edited-or-cropped", "- Category: edited-or-cropped\n- Location: Abu Kamal"),
                                 "abu-kamal-irrefutable-evidence.md:70: unknown image field 'Location' (known: Claimed, Really, Context, Category, Source, Original-Link)"),
    "an image without what it really was": (lambda t: t.replace("- Really: Images from 2016", "- Realy: Images from 2016"),
                                            "abu-kamal-irrefutable-evidence.md:73: image 'The images from Iraq' has no really"),
    "an image of an unknown category": (lambda t: t.replace("- Category: decontextualized", "- Category: old"),
                                        "abu-kamal-irrefutable-evidence.md:77: category 'old' must be one of: original, decontextualized"),
    "an image's bad address": (lambda t: t.replace("- Source: https://edition.cnn.com", "- Source: edition.cnn.com"),
                               "abu-kamal-irrefutable-evidence.md:79: address 'edition.cnn.com/2017/11/14/us/russia-fake-photos-accusation-trnd/index.html' must be an http(s) address"),
    "an image's source not under Evidence": (lambda t: t.replace("- Source: https://edition.cnn.com/2017/11/14/us/russia-fake-photos-accusation-trnd/index.html", "- Source: https://example.org/elsewhere"),
                                             "abu-kamal-irrefutable-evidence.md:79: source 'https://example.org/elsewhere' is not listed under '## Evidence'"),
    "an image's field given twice": (lambda t: t.replace("- Category: decontextualized", "- Category: decontextualized\n- Category: staged"),
                                     "abu-kamal-irrefutable-evidence.md:78: 'Category' is given twice for this image"),
    "an image's field outside an entry": (lambda t: t.replace("### The game still\n", ""),
                                          "abu-kamal-irrefutable-evidence.md:65: an image's entry is a '### Name' line, then one '- Key: value' line a field"),
    "a rating of many words": (lambda t: t.replace("Rating: False\n", "Rating: False because the images came from a game\n"),
                               "abu-kamal-irrefutable-evidence.md:9: rating 'False because the images came from a game' has 8 words"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_malformed_correction_stops_the_build_with_file_and_line(tmp_path, case):
    content = copy_content(tmp_path)
    correction = content / "corrections" / CORRECTION.name
    change, expected = BAD[case]
    correction.write_text(change(correction.read_text(encoding="utf-8")), encoding="utf-8")
    built = build_site(content, tmp_path / "output")
    assert built.status != 0
    assert expected in built.errors
    assert "Traceback" not in built.errors and not (tmp_path / "output").exists()


@pytest.mark.slow
@pytest.mark.browser
def test_the_notice_is_the_first_thing_a_reader_sees_and_leads_to_the_explainer(browser, built_site):
    with serve(built_site.output) as base:
        for context_options in ({"viewport": {"width": 1200, "height": 900}},
                                {"viewport": {"width": 360, "height": 740}, "java_script_enabled": False}):
            context = browser.new_context(**context_options)
            reader = context.new_page()
            reader.goto(f"{base}/articles/russian-mod-details-us-isis-cooperation.html")
            notice = reader.locator(".correction-notice")
            assert notice.is_visible()
            first = reader.locator("article.archived > header + *")
            assert first.evaluate("e => e.classList.contains('correction-notice')")
            assert notice.bounding_box()["y"] < context_options["viewport"]["height"], "visible without scrolling"
            assert reader.locator(".article-body .para").first.bounding_box()["y"] > notice.bounding_box()["y"]
            notice.get_by_role("link").click()
            assert reader.url.endswith(EXPLAINER)
            assert reader.locator("h1").inner_text().startswith("The “irrefutable evidence”")
            context.close()
