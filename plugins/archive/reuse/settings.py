"""Every knob of reuse detection, with the defaults the site ships.

The Pelican adapter exposes each field in pelicanconf.py; the comments here
are the documentation of what each one does and why its default is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

# Canonical name -> spellings that mean exactly the same thing.  Only true
# synonyms belong here: a metonym such as "Washington" or "Moscow" can also
# mean the city, so it is left out.  A variant written without lower-case
# letters ("IS", "U.S.", "ИГИЛ") is an acronym and only matches in exactly that
# case, so the verb "is" and the pronoun "us" never turn into "Islamic State"
# or "United States".  Variants are matched on words, so "Abu Kamal" also
# covers "Abu-Kamal" and "ABU KAMAL".
DEFAULT_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Islamic State": (
            "Islamic State", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "Daech",
            "ИГИЛ", "ИГ",
        ),
        "Abu Kamal": (
            "Abu Kamal", "Albu Kamal", "al-Boukamal", "Al Bukamal", "Al Boukamal",
            "Abou Kamal", "Boukamal", "Bukamal", "Абу-Кемаль",
        ),
        "United States": (
            "United States", "United States of America", "US", "U.S.", "USA",
            "U.S.A.", "American", "Americans", "États-Unis", "Etats-Unis",
            "США",
        ),
        "Syrian Democratic Forces": ("Syrian Democratic Forces", "SDF"),
        "Syrian Arab Army": ("Syrian Arab Army", "SAA", "Syrian Army"),
        # British and American spelling of one word.
        "defence": ("defence", "defense"),
    }
)

# Whole-paragraph patterns of page furniture (case-insensitive, searched
# anywhere in the paragraph).  The importer strips furniture before articles
# reach the archive; this is the second line of defence, because a newsletter
# prompt copied by two outlets would otherwise be a perfect verbatim match.
DEFAULT_FURNITURE_PATTERNS: tuple[str, ...] = (
    r"^\W*(advertisement|sponsored( content)?|also read|read more|read also"
    r"|check also|see also|related (articles|stories|posts)|featured post"
    r"|only news|share this( article)?)\W*$",
    r"\bsubscribe\b.{0,80}\b(newsletter|updates|channel)\b",
    r"\bsign up\b.{0,80}\b(newsletter|inbox|updates)\b",
    r"\b(latest|real[- ]time) (news|updates)\b.{0,60}\b(inbox|device)\b",
    r"\bblog widget\b",
    r"\bclick (here|the link)\b.{0,40}\b(read|subscribe|more)\b",
)


@dataclass(frozen=True)
class ReuseSettings:
    """Settings of :func:`archive.reuse.detect`.

    Precision comes first: a wrong link accuses an outlet of repeating what it
    did not say, so every default errs on the side of linking less.
    """

    #: Canonical name -> variants treated as the same word (see DEFAULT_ALIASES).
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_ALIASES)

    #: A paragraph with fewer words than this is never linked on its own: a
    #: short line ("The US refused.") is too generic to prove reuse.
    min_words: int = 12

    #: Link paragraphs of two articles of the same outlet (default: never).
    link_same_source: bool = False

    #: Regular expressions that mark a whole paragraph as page furniture.
    furniture_patterns: tuple[str, ...] = DEFAULT_FURNITURE_PATTERNS

    #: "verbatim" when the aligned sentences agree word for word on at least
    #: this share of their normalised words (0.95 forgives one word in twenty,
    #: e.g. a reporting verb "said" against "added").
    verbatim_similarity: float = 0.95

    #: "edited" when the aligned sentences agree, in order, on at least this
    #: share of their normalised words.
    edited_similarity: float = 0.6

    #: Minimum score (share of the shorter paragraph's weighted specific
    #: words found in aligned sentences of the other) for any link.
    min_score: float = 0.5

    #: Minimum score for a "reworded" link, whose words are mostly different
    #: and which therefore needs more of the specific content to agree.
    reworded_score: float = 0.5

    #: Minimum weight (sum of rarity weights) of the words two aligned
    #: sentences share; stops short or generic sentences from matching.
    min_shared_weight: float = 9.0

    #: A word or word pair found in more paragraphs than this is too common to
    #: suggest candidates (it still counts when a candidate is scored).  It
    #: bounds the work per word, so detection time grows with the archive,
    #: not with its square.
    max_feature_df: int = 200

    #: Rarity weights are ln((N + background) / df): the background is a
    #: number of imaginary unrelated paragraphs, so that in a tiny archive
    #: (a test, a first import) a word shared by every paragraph still counts.
    background_paragraphs: int = 50
