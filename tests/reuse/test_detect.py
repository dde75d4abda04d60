"""Reuse detection on plain data."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from flood_archive import FLOOD, paragraphs_of

from archive.reuse import Paragraph, ReuseSettings, detect
from evaluation.site_settings import site_reuse_settings

ISLAMIC_STATE_VARIANTS = {
    "a": "The IS convoy left Abu Kamal for the Wadi al-Sabha passage at dawn, avoiding the strikes of "
         "Russian aircraft, the ministry said.",
    "b": "The ISIL convoy left Albu Kamal for the Wadi al-Sabha passage at dawn, avoiding the strikes of "
         "Russian aircraft, the ministry said.",
    "c": "The Daesh convoy left al-Boukamal for the Wadi al-Sabha passage at dawn, avoiding the strikes of "
         "Russian aircraft, the ministry said.",
}


@pytest.fixture
def flood() -> list[Paragraph]:
    return paragraphs_of(FLOOD)


def links_between(paragraphs: list[Paragraph], settings: ReuseSettings = ReuseSettings()) -> dict:
    return {(link.a, link.b): link for link in detect(paragraphs, settings).links}


def test_each_strength_is_found_and_topic_words_alone_link_nothing(flood):
    links = links_between(flood)
    assert {pair: link.strength for pair, link in links.items()} == {
        (("daily-flood", "p2"), ("herald-flood", "p2")): "verbatim",
        (("daily-flood", "p3"), ("herald-flood", "p3")): "edited",
        (("courier-flood", "p1"), ("daily-flood", "p4")): "reworded",
    }


def test_links_report_score_and_shared_words(flood):
    links = links_between(flood)
    verbatim = links[("daily-flood", "p2"), ("herald-flood", "p2")]
    reworded = links[("courier-flood", "p1"), ("daily-flood", "p4")]
    assert verbatim.score == 1.0
    assert 0 < reworded.score < 1
    assert {"rowing", "shelter", "brendan"} <= set(reworded.shared)


def test_aliases_of_islamic_state_and_abu_kamal_make_a_verbatim_copy():
    """With the site's aliases (pelicanconf.py's REUSE_ALIASES: this story's names)."""
    paragraphs = [Paragraph(f"article-{key}", f"outlet-{key}", "p1", text) for key, text in ISLAMIC_STATE_VARIANTS.items()]
    links = links_between(paragraphs, site_reuse_settings())
    assert len(links) == 3
    assert {link.strength for link in links.values()} == {"verbatim"}


def test_without_aliases_the_variants_are_only_an_edit():
    paragraphs = [Paragraph(f"article-{key}", f"outlet-{key}", "p1", text) for key, text in ISLAMIC_STATE_VARIANTS.items()]
    links = links_between(paragraphs, replace(ReuseSettings(), aliases={}))
    assert links and {link.strength for link in links.values()} == {"edited"}


def test_short_paragraphs_are_never_linked():
    text = "The US refused to strike the convoy."
    paragraphs = [Paragraph("one", "outlet-1", "p1", text), Paragraph("two", "outlet-2", "p1", text)]
    assert links_between(paragraphs) == {}
    assert links_between(paragraphs, replace(ReuseSettings(), min_words=5))


def test_same_source_is_linked_only_when_the_setting_allows_it():
    text = FLOOD[("daily-flood", "daily")][1][1]
    paragraphs = [Paragraph("monday", "daily", "p1", text), Paragraph("tuesday", "daily", "p7", text)]
    assert links_between(paragraphs) == {}
    links = links_between(paragraphs, replace(ReuseSettings(), link_same_source=True))
    assert list(links) == [(("monday", "p1"), ("tuesday", "p7"))]


def test_paragraphs_of_one_article_are_never_linked():
    text = FLOOD[("daily-flood", "daily")][1][1]
    paragraphs = [Paragraph("monday", "daily", "p1", text), Paragraph("monday", "daily", "p2", text)]
    assert links_between(paragraphs, replace(ReuseSettings(), link_same_source=True)) == {}


def test_a_paragraph_with_two_statements_links_to_each_half_and_sits_in_two_groups():
    both = Paragraph(
        "wire", "wire", "p1",
        "Police closed the coastal road at Marlow Point after a landslide buried two parked cars near the "
        "lighthouse. Separately, the harbour master suspended all ferry crossings to Gull Island until the "
        "storm has passed.",
    )
    road = Paragraph(
        "gazette", "gazette", "p3",
        "A landslide buried two parked cars near the lighthouse and forced police to close the coastal road "
        "at Marlow Point, officials said.",
    )
    ferry = Paragraph(
        "gazette", "gazette", "p4",
        "The harbour master has suspended all ferry crossings to Gull Island until the storm has passed, "
        "the port authority said.",
    )
    result = detect([both, road, ferry])
    assert [(link.a, link.b) for link in result.links] == [(road.key, both.key), (ferry.key, both.key)]
    assert sorted(group.members for group in result.groups_of(both.key)) == [
        (road.key, both.key),
        (ferry.key, both.key),
    ]


def test_non_latin_text_is_linked_like_any_other():
    copy = (
        "Министерство обороны России заявило, что коалиция во главе с США отказалась наносить удары "
        "по колоннам боевиков ИГИЛ, покидающим Абу-Кемаль."
    )
    other = (
        "Жители города Сочи жалуются на пробки и шум строительства новой набережной, которая должна "
        "открыться летом будущего года."
    )
    paragraphs = [
        Paragraph("ria", "ria", "p1", copy, "ru"),
        Paragraph("tass", "tass", "p1", copy.replace("США", "Соединенными Штатами") + " Об этом сообщает агентство.", "ru"),
        Paragraph("tass", "tass", "p2", other, "ru"),
    ]
    links = links_between(paragraphs)
    assert list(links) == [(("ria", "p1"), ("tass", "p1"))]
    assert links[("ria", "p1"), ("tass", "p1")].strength == "edited"


def test_page_furniture_is_never_linked():
    prompt = (
        "Subscribe to our newsletter\n"
        "Sign up here to get the latest news, updates and special offers delivered directly to your inbox."
    )
    paragraphs = [Paragraph(f"article-{n}", f"outlet-{n}", "p9", prompt) for n in range(3)]
    assert links_between(paragraphs) == {}


def test_same_input_twice_or_shuffled_gives_the_same_output(flood):
    first = detect(flood)
    shuffled = list(flood)
    random.Random(7).shuffle(shuffled)
    assert detect(list(flood)) == first
    assert detect(shuffled) == first


def test_groups_hold_the_paragraphs_of_one_statement(flood):
    groups = detect(flood).groups
    assert sorted(group.members for group in groups) == [
        (("courier-flood", "p1"), ("daily-flood", "p4")),
        (("daily-flood", "p2"), ("herald-flood", "p2")),
        (("daily-flood", "p3"), ("herald-flood", "p3")),
    ]
    assert len({group.id for group in groups}) == 3


def test_group_ids_do_not_change_when_an_unrelated_article_is_added(flood):
    before = {group.members: group.id for group in detect(flood).groups}
    unrelated = Paragraph(
        "aaa-first-article", "gazette", "p1",
        "The county chess championship was won by a fourteen-year-old pupil from Hollis Green, who beat "
        "the defending champion in the final round.",
    )
    after = {group.members: group.id for group in detect([*flood, unrelated]).groups}
    assert after == before


def test_a_repeated_paragraph_id_is_an_error():
    paragraph = Paragraph("one", "outlet", "p1", "Some words here.")
    with pytest.raises(ValueError, match="p1"):
        detect([paragraph, paragraph])


def test_order_supports_a_weak_match_between_two_shared_statements():
    """Between two links two articles share, a pair at the same place in both
    needs less evidence; the same pair elsewhere in the order does not link."""
    from archive.reuse import Paragraph, ReuseSettings, detect

    first = [
        "The ministry said the Velmora brigade crossed the Tashkar river at dawn on the 9th with 40 armoured vehicles.",
        "According to the ministry, the Ostrel garrison refused the offer of a ceasefire proposed by the Karsin envoy.",
        "Officials added that the convoy was seen near Pelgrad, where the Doranic commanders held talks with the Orvel mission.",
        "The ministry further claimed that 17 Nerish engineers had rebuilt the Gallin bridge in under three days.",
    ]
    second = [
        "Ministry sources reported the Velmora brigade crossing the Tashkar river at dawn on the 9th with 40 armoured vehicles.",
        "The Ostrel garrison rejected the ceasefire the Karsin envoy had proposed, the ministry said.",
        "Witnesses in Pelgrad say they spotted the convoy moving slowly along the main road before noon.",
        "The ministry further claimed that 17 Nerish engineers had rebuilt the Gallin bridge in under three days.",
    ]
    paragraphs = [Paragraph("a", "A", f"a{i}", t, position=i) for i, t in enumerate(first)]
    paragraphs += [Paragraph("b", "B", f"b{i}", t, position=i) for i, t in enumerate(second)]
    settings = ReuseSettings(min_words=8)
    with_order = {(l.a[1], l.b[1]) for l in detect(paragraphs, settings).links}
    without = {(l.a[1], l.b[1]) for l in detect(paragraphs, ReuseSettings(min_words=8, order_anchors=0)).links}
    assert ("a0", "b0") in without and ("a3", "b3") in without
    assert ("a2", "b2") not in without
    assert ("a2", "b2") in with_order
    unplaced = [Paragraph(p.article, p.source, p.id, p.text) for p in paragraphs]
    assert ("a2", "b2") not in {(l.a[1], l.b[1]) for l in detect(unplaced, settings).links}


CORROBORATION = {
    "agency": "The Ostrel garrison rejected the ceasefire proposed by the Karsin envoy, calling the plan a ruse to regroup.",
    "daily": "The Ostrel garrison rejected the ceasefire proposed by the Karsin envoy, the ministry said on Monday.",
    "digest": "Ministry officials said on Monday that Ostrel had turned down a truce that Karsin put forward.",
    "weekly": "Officials in the capital say that Ostrel turned down the truce, seeing a ruse in it.",
    "farm-news": "Farmers near Lodz expect a poor harvest after the dry summer, the ministry said on Monday.",
}


def test_a_third_outlet_corroborates_a_weak_match_but_corroboration_does_not_chain():
    """The digest's one-line summary shares only two names with the agency's
    wording, too little on its own; both are linked to the daily's copy,
    which corroborates the pair.  The weekly shares two words with the
    agency too ("Ostrel", "ruse"), but only through the corroborated link:
    that must not carry it further."""
    paragraphs = [Paragraph(outlet, outlet, "p1", text) for outlet, text in CORROBORATION.items()]
    settings = ReuseSettings(min_words=8)
    found = {(link.a[0], link.b[0]): link for link in detect(paragraphs, settings).links}
    without = {(link.a[0], link.b[0]) for link in detect(paragraphs, replace(settings, corroboration=False)).links}

    assert {("agency", "daily"), ("daily", "digest"), ("digest", "weekly")} <= without
    assert ("agency", "digest") not in without
    assert found[("agency", "digest")].strength == "reworded"
    assert ("agency", "weekly") not in found
    assert not any("farm-news" in pair for pair in found)


def test_a_third_outlet_with_two_statements_does_not_corroborate_one_with_the_other():
    """The daily links to both halves of the agency's paragraph; the two share
    only an attribution ("officials in Pelgrad"), which the agency does not
    have, so the agency's paragraph is no evidence that they say the same."""
    texts = {
        "agency": "The Ostrel garrison rejected the ceasefire proposed by the Karsin envoy. "
                  "Engineers rebuilt the Gallin bridge over the Tashkar river in three days.",
        "daily": "The Ostrel garrison rejected the ceasefire proposed by the Karsin envoy, officials in Pelgrad said.",
        "weekly": "Engineers rebuilt the Gallin bridge over the Tashkar river in three days, officials in Pelgrad said.",
    }
    paragraphs = [Paragraph(outlet, outlet, "p1", text) for outlet, text in texts.items()]
    found = {(link.a[0], link.b[0]) for link in detect(paragraphs, ReuseSettings(min_words=8)).links}
    assert found == {("agency", "daily"), ("agency", "weekly")}
