"""Sentences, words, aliases and stems, on plain strings."""

from __future__ import annotations

from archive.reuse import ReuseSettings
from archive.reuse.normalise import Normaliser, split_sentences
from evaluation.site_settings import site_reuse_settings
from archive.reuse.stem import stem


def words(text: str, lang: str = "en") -> list[str]:
    """The normalised words of `text`, with the site's aliases (its story's names among them)."""
    return [word for sentence in Normaliser(site_reuse_settings()).analyse(text, lang) for word in sentence.words]


def test_sentences_split_at_full_stops_but_not_after_initials_or_abbreviations():
    text = "The U.S. Army left on Tuesday. Dr. Mikdad met Gen. Smith in Cairo! Did he? “Yes,” he said."
    assert split_sentences(text) == [
        "The U.S. Army left on Tuesday",
        "Dr. Mikdad met Gen. Smith in Cairo",
        "Did he",
        "“Yes,” he said.",
    ]


def test_case_punctuation_and_quote_style_do_not_matter():
    assert words("“The coalition’s aircraft,” it said.") == words('"the COALITION\'S aircraft" it said')


def test_islamic_state_aliases_become_one_token():
    for variant in ("IS", "ISIS", "ISIL", "Daesh", "Islamic State", "ISLAMIC STATE"):
        assert words(f"The {variant} convoy left.") == ["the", "islamic_state", "convoy", "left"], variant


def test_abu_kamal_spellings_become_one_token():
    for variant in ("Abu Kamal", "Albu Kamal", "al-Boukamal", "Al Bukamal", "Abu-Kamal", "Abou Kamal"):
        assert words(f"They fled {variant} at night.") == ["they", "fled", "abu_kamal", "at", "night"], variant


def test_united_states_spellings_become_one_token():
    for variant in ("US", "U.S.", "USA", "United States", "Americans"):
        assert "united_states" in words(f"The {variant} side refused."), variant


def test_acronyms_match_only_in_capitals_and_not_in_shouted_text():
    assert words("It is up to us.") == ["it", "is", "up", "to", "us"]
    assert "islamic_state" not in words("DEVELOPMENT FOOTAGE. THIS IS A WORK IN PROGRESS.")


def test_function_words_have_no_stem_and_inflections_share_one():
    sentence = Normaliser(ReuseSettings()).analyse("The militants refused the strikes.")[0]
    assert sentence.stems[0] is None  # "the"
    assert stem("refused") == stem("refuse") == stem("refuses")
    assert stem("strikes") == stem("strike")
    assert stem("voluntarily") == stem("voluntary")


def test_cyrillic_text_is_split_into_words_and_stemmed_by_prefix():
    sentence = Normaliser(site_reuse_settings()).analyse("Минобороны заявило, что колонны ИГИЛ покинули Абу-Кемаль.", "ru")[0]
    assert sentence.words == ("минобороны", "заявило", "что", "колонны", "islamic_state", "покинули", "abu_kamal")
    assert "что" not in sentence.content()  # a Russian function word
    assert stem("колонны", "ru") == stem("колонна", "ru")


def test_tiny_fragments_are_glued_to_the_previous_sentence():
    sentences = Normaliser(ReuseSettings()).analyse("The ministry published the statement on Tuesday. Said")
    assert len(sentences) == 1
    assert sentences[0].words[-1] == "said"


def test_sketch_has_the_same_content_words_as_the_full_analysis():
    normaliser = Normaliser(ReuseSettings())
    for text in (
        "The US side refused. Daesh fighters left al-Boukamal on 9 November for the Syrian-Iraqi border.",
        "Plain words, with no alias at all. A second sentence follows it!",
    ):
        full = frozenset().union(*(sentence.content() for sentence in normaliser.analyse(text)))
        assert normaliser.sketch(text).words == full


def test_furniture_is_recognised_in_any_case():
    normaliser = Normaliser(ReuseSettings())
    assert normaliser.is_furniture("- Advertisement -")
    assert normaliser.is_furniture("Subscribe to our NEWSLETTER\nSign up here to get the latest news.")
    assert not normaliser.is_furniture("The ministry said it would not subscribe to the coalition's version.")
