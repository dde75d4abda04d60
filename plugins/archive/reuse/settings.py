"""Every knob of reuse detection, with the defaults the site ships.

The Pelican adapter exposes each field in pelicanconf.py; the comments here
are the documentation of what each one does and why its default is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

# Canonical name -> spellings that mean exactly the same thing.  Only true
# synonyms belong here: a metonym such as "Washington" or "Moscow" can also
# mean the city, so it is left out.  A variant written without lower-case
# letters ("U.S.", "США") is an acronym and only matches in exactly that
# case, so the pronoun "us" never turns into "United States".  Variants are
# matched on words, so "United States" also covers "United-States".
#
# These are the names any news archive meets; the names of one archive's own
# story (its places, its armed groups) belong in its settings (REUSE_ALIASES
# in pelicanconf.py), added to these.
DEFAULT_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "United States": (
            "United States", "United States of America", "US", "U.S.", "USA",
            "U.S.A.", "American", "Americans", "États-Unis", "Etats-Unis",
            "США",
        ),
        # British and American spelling of one word.
        "defence": ("defence", "defense"),
    }
)

# Whole-paragraph patterns of page furniture, searched in the lower-cased
# paragraph (write them in lower case; a pattern that starts with a plain word
# is searched fastest).  The importer strips furniture before articles reach
# the archive; this is the second line of defence, because a newsletter
# prompt copied by two outlets would otherwise be a perfect verbatim match.
DEFAULT_FURNITURE_PATTERNS: tuple[str, ...] = (
    r"^\W*(advertisement|sponsored( content)?|also read|read more|read also"
    r"|check also|see also|related (articles|stories|posts)|featured post"
    r"|only news|share this( article)?)\W*$",
    r"subscribe\b.{0,80}\b(newsletter|updates|channel)\b",
    r"sign up\b.{0,80}\b(newsletter|inbox|updates)\b",
    r"latest (news|updates)\b.{0,60}\b(inbox|device)\b",
    r"real[- ]time (news|updates)\b.{0,60}\b(inbox|device)\b",
    r"blog widget\b",
    r"click (here|the link)\b.{0,40}\b(read|subscribe|more)\b",
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

    #: Regular expressions that mark a whole paragraph as page furniture
    #: (searched in the lower-cased paragraph).
    furniture_patterns: tuple[str, ...] = DEFAULT_FURNITURE_PATTERNS

    #: "verbatim" when the aligned sentences agree word for word on at least
    #: this share of their normalised words (0.95 forgives one word in twenty,
    #: e.g. a reporting verb "said" against "added").
    verbatim_similarity: float = 0.95

    #: "edited" when the aligned sentences agree, in order, on at least this
    #: share of their normalised words.
    edited_similarity: float = 0.55

    #: Minimum score of any link: the share of the shorter paragraph's
    #: content (by weight) that the other paragraph also has.
    min_score: float = 0.12

    #: Evidence a "reworded" link needs: one pair of its sentences shares at
    #: least `min_shared_words` content words weighing at least
    #: `min_shared_weight` (a word found in a single paragraph weighs 1, see
    #: archive.reuse.weights).  Two unrelated paragraphs often share a rare
    #: word or two somewhere; they rarely share three in one sentence.  (A
    #: verbatim or edited link shows its evidence in its words instead: at
    #: least `min_words` words that agree in order.)
    min_shared_weight: float = 1.75
    min_shared_words: int = 3

    #: ... and those words are at least `min_sentence_share` (by weight) of
    #: the content of the lighter of the two sentences.  Two reports of one
    #: event share its place, date, actors and setting ("Abu Kamal", "last
    #: week", "the border", "east of the river") in sentences that say
    #: different things; a sentence that repeats a statement shares most of
    #: what it says.  The context bar below has its own, lower share.
    min_sentence_share: float = 0.25
    context_min_sentence_share: float = 0.15

    #: ... and in texts of many sentences, that many pairs of sentences (one
    #: to one) at least this share of the shorter text's sentences, rounded
    #: down: two long texts on one topic always have some pair of sentences
    #: sharing three topic words, while a rewording carries its source's
    #: statements sentence after sentence.
    min_sentence_coverage: float = 0.34

    #: Context as evidence.  A pair whose words alone fall short is still
    #: linked when its context supports it and one pair of its sentences
    #: shares `context_min_shared_words` content words weighing
    #: `context_min_shared_weight`.  Two contexts count:
    #:
    #: * order: two articles already share at least `order_anchors` links in
    #:   the same order, and the pair lies between two of them, at the same
    #:   place in both (outlets reworking one release keep its order of
    #:   statements; unrelated paragraphs rarely line up so).  Set
    #:   `order_anchors` to 0 to turn this off;
    #: * corroboration: both paragraphs are linked, on their words or their
    #:   order, to one paragraph of a third outlet (`corroboration`).
    order_anchors: int = 2
    corroboration: bool = True
    context_min_shared_words: int = 2
    context_min_shared_weight: float = 0.75

    #: Link paragraphs of two languages that carry one statement, as
    #: "translated", when their embeddings by a multilingual sentence encoder
    #: are at least this close (cosine; see archive.reuse.translations).
    translations: bool = True
    translation_similarity: float = 0.66
    #: ... or at least this close, when the archive's links tie one of them
    #: to a paragraph the other translates (a fuller wording of the statement).
    translation_context_similarity: float = 0.5

    #: Only content words found in at most this many paragraphs propose
    #: candidate pairs (two shared ones are needed).  This bounds the work per
    #: word, so detection time grows in proportion to the archive; commoner
    #: words still count when a candidate is scored, and a sentence copied
    #: word for word is found through its fingerprint however common it is.
    max_feature_df: int = 30

    #: Rarity weights are ln(max(N, background) / df): an archive smaller
    #: than the background counts as that many paragraphs, the rest imaginary
    #: unrelated news, so that in a small archive (a first import, a test) a
    #: word found in a few paragraphs weighs about what it would weigh in a
    #: large one, and an added article changes no weight of a word it lacks.
    background_paragraphs: int = 10_000

    def with_context(self) -> "ReuseSettings":
        """These settings with the lower bar of a pair its context supports."""
        return replace(self, min_shared_words=self.context_min_shared_words,
                       min_shared_weight=self.context_min_shared_weight,
                       min_sentence_share=self.context_min_sentence_share)
