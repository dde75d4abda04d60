"""The rules that keep topic words from making links, and that link translations, on plain data."""

from __future__ import annotations

from dataclasses import replace

from archive.reuse import Paragraph, ReuseSettings, detect
from evaluation.site_settings import site_reuse_settings

# Two reports of one week in one town, saying different things: they share
# the place and the time ("Abu Kamal", "last week") and nothing that is said.
REBUILDING = ("Syrian government troops took Abu Kamal last week, and engineers have since begun clearing mines "
              "from the bridges, schools and bakeries of the old market, a governor appointed in Damascus told "
              "reporters on a tour of the ruined districts.")
CLINIC = ("Doctors at a clinic run by volunteers said that families who walked out of Abu Kamal last week brought "
          "children with measles, burns and untreated wounds, and that medicine, blankets and clean water were "
          "running short on both sides.")

REFUSAL = ("The ministry said the American side had refused to strike the departing convoys, claiming the "
           "militants were surrendering and were protected by the Geneva Convention on prisoners of war.")
REFUSAL_FR = ("Selon le ministère, la partie américaine a refusé de frapper les convois qui partaient, affirmant "
              "que les combattants se rendaient et étaient protégés par la convention de Genève sur les "
              "prisonniers de guerre.")
# The same town and week as CLINIC, in French, saying something else.
MINES_FR = ("Depuis que l'armée syrienne a repris Abou Kamal la semaine dernière, des démineurs dégagent les ponts "
            "et les écoles du vieux marché, a déclaré aux journalistes un gouverneur nommé par Damas.")


def links(paragraphs, settings=ReuseSettings()):
    return {(link.a, link.b): link for link in detect(paragraphs, settings).links}


def test_three_topic_words_in_long_sentences_that_say_different_things_make_no_link():
    paragraphs = [Paragraph("wire", "wire", "p1", REBUILDING, position=1), Paragraph("post", "post", "p1", CLINIC, position=1)]
    assert links(paragraphs) == {}
    # The sentence-share rule is what keeps three shared words of the setting apart...
    loose = replace(site_reuse_settings(), min_sentence_share=0.0, context_min_sentence_share=0.0)
    market = CLINIC.replace("last week", "the old market")
    shared = [link.shared for link in links([paragraphs[0], Paragraph("post", "post", "p1", market, position=1)],
                                            loose).values()]
    assert shared == [("abu kamal", "market", "old")]
    # ... while when it happened ("last week") is no content at all: even the loose settings see one shared word.
    assert links(paragraphs, loose) == {}


def test_when_a_report_says_something_happened_is_not_what_it_says():
    from archive.reuse.stopwords import stopwords_for

    for lang in ("en", "fr", "ru"):
        assert {"tuesday", "week", "yesterday", "morning", "last"} <= stopwords_for(lang)
    # A calendar date names the day one particular thing happened: it stays a content word.
    assert not {"november", "9"} & stopwords_for("en")


def test_a_translation_is_linked_as_translated_and_a_same_topic_paragraph_is_not():
    paragraphs = [
        Paragraph("wire", "wire", "p1", REFUSAL, "en", 1),
        Paragraph("wire", "wire", "p2", CLINIC, "en", 2),
        Paragraph("journal", "journal", "p1", REFUSAL_FR, "fr", 1),
        Paragraph("journal", "journal", "p2", MINES_FR, "fr", 2),
    ]
    result = detect(paragraphs)
    assert [(link.a, link.b, link.strength) for link in result.links] == [
        (("journal", "p1"), ("wire", "p1"), "translated")]
    assert 0.66 <= result.links[0].score <= 1
    assert [group.members for group in result.groups] == [(("journal", "p1"), ("wire", "p1"))]


def test_one_language_embeds_nothing_and_translations_can_be_turned_off():
    from archive.reuse.sketches import Sketches

    settings = ReuseSettings()
    known = Sketches(settings)
    detect([Paragraph("wire", "wire", "p1", REFUSAL), Paragraph("post", "post", "p1", CLINIC)], settings, known=known)
    assert known.embeddings._encoder is None
    off = ReuseSettings(translations=False)
    paragraphs = [Paragraph("wire", "wire", "p1", REFUSAL, "en"), Paragraph("journal", "journal", "p1", REFUSAL_FR, "fr")]
    assert detect(paragraphs, off).links == []
