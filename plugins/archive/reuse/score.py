"""Decide whether two paragraphs carry the same statement, and how literally.

The evidence is the weight (see :mod:`archive.reuse.weights`) of the content
words both paragraphs use.  The score is that weight over the weight of the
shorter paragraph: "how much of the shorter paragraph's specific content the
other one carries".  Using the shorter side lets a paragraph that another
outlet split in two match each half.

Sentences are then paired one to one, heaviest shared weight first, and the
paired sentences are compared word by word (all words, in order) to tell
verbatim copies from edited ones and from rewordings.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Mapping

from .model import Paragraph
from .normalise import Normaliser, Sentence, display_token
from .settings import ReuseSettings
from .weights import PairWeights, Weights

#: A sentence pair is aligned when it shares at least this share of the
#: weight the two paragraphs share (the heaviest pair is always aligned).
_ALIGNED_SHARE = 0.25
#: A pair without the evidence of a rewording is only worth checking word by
#: word when the shared words cover this share of the shorter paragraph.
_COPY_SCORE = 0.5
#: How many shared words a link lists.
_SHARED_SHOWN = 12


class Analysed:
    """A paragraph with its content words; its sentences are normalised on demand.

    Only paragraphs of candidate pairs ever need their sentences, so the work
    of normalising every word's surface form is spent on them alone.
    """

    __slots__ = ("paragraph", "words", "counts", "_normaliser", "_sentences")

    def __init__(self, paragraph: Paragraph, words: frozenset[str], counts: Mapping[str, int],
                 normaliser: Normaliser) -> None:
        self.paragraph = paragraph
        self.words = words
        #: How many paragraphs of its article have each word (for PairWeights).
        self.counts = counts
        self._normaliser = normaliser
        self._sentences: tuple[Sentence, ...] | None = None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        if self._sentences is None:
            self._sentences = tuple(self._normaliser.analyse(self.paragraph.text, self.paragraph.lang))
        return self._sentences


@dataclass(frozen=True)
class Match:
    """The verdict on a pair: strength, score, shared words, aligned sentences."""

    strength: str
    score: float
    shared: tuple[str, ...]
    aligned: tuple[tuple[int, int], ...]


def compare(a: Analysed, b: Analysed, weights: Weights, settings: ReuseSettings) -> Match | None:
    """The match between `a` and `b`, or None when they are not linked.

    Every link needs a score of at least `min_score`, and one of two kinds of
    evidence.  A copy (verbatim or edited) shows it in its words: at least
    `min_words` words of aligned sentences agree in order.  A rewording must
    show it in what it says: a pair of its sentences shares at least
    `min_shared_words` content words, weighing at least `min_shared_weight`.
    """
    weights = weights.between(a.counts, b.counts)
    lighter = min(weights.total(a.words), weights.total(b.words))
    shared = a.words & b.words
    shared_weight = weights.total(shared)
    score = min(1.0, shared_weight / max(lighter, 1e-9))
    if score < settings.min_score:
        return None
    pairs = sentence_pairs(a, b, weights)
    statement = _statement_evidence(a, b, pairs, weights, settings)
    if not statement and score < _COPY_SCORE:
        return None
    aligned = align_sentences(pairs, shared_weight)
    similarity, agreeing = literal_agreement(a, b, aligned)
    strength = classify(similarity, settings)
    evidence = statement if strength == "reworded" else agreeing >= settings.min_words
    if not evidence:
        return None
    return Match(strength, round(score, 4), _shown(shared, a, weights), aligned)


def sentence_pairs(a: Analysed, b: Analysed, weights: PairWeights) -> list[tuple[float, int, int, int]]:
    """(shared weight, shared words, sentence of a, sentence of b) of the sentence
    pairs that share a content word, heaviest first."""
    words_b = [sentence.content() for sentence in b.sentences]
    pairs = []
    for i, sentence in enumerate(a.sentences):
        words_a = sentence.content()
        for j, other in enumerate(words_b):
            common = words_a & other
            if common:
                pairs.append((weights.total(common), len(common), i, j))
    pairs.sort(key=lambda pair: (-pair[0], pair[2], pair[3]))
    return pairs


def _statement_evidence(a: Analysed, b: Analysed, pairs, weights: PairWeights, settings: ReuseSettings) -> bool:
    """Whether enough sentence pairs, one to one, share the words of one statement.

    One pair does for paragraphs of a few sentences; longer texts need a
    share of their sentences (`min_sentence_coverage` of the shorter one's):
    two long texts on one topic always have some pair of sentences that
    shares three topic words, while a text that rewords another carries its
    statements sentence after sentence.  A pair counts when it shares at least
    `min_shared_words` words weighing `min_shared_weight`, and that much is at
    least `min_sentence_share` of the lighter sentence's content."""
    needed = max(1, int(settings.min_sentence_coverage * min(len(a.sentences), len(b.sentences))))
    used_a: set[int] = set()
    used_b: set[int] = set()
    for weight, count, i, j in pairs:
        if i in used_a or j in used_b or weight < settings.min_shared_weight or count < settings.min_shared_words:
            continue
        lighter = min(_weight(a.sentences[i], weights), _weight(b.sentences[j], weights))
        if weight >= settings.min_sentence_share * lighter:
            used_a.add(i)
            used_b.add(j)
            if len(used_a) >= needed:
                return True
    return False


def _weight(sentence: Sentence, weights: PairWeights) -> float:
    return weights.total(sentence.content())


def align_sentences(pairs: list[tuple[float, int, int, int]], shared_weight: float) -> tuple[tuple[int, int], ...]:
    """Sentence index pairs (in a, in b) that carry the shared content, one to one."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    aligned = []
    for weight, _, i, j in pairs:
        if aligned and weight < _ALIGNED_SHARE * shared_weight:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        aligned.append((i, j))
    return tuple(sorted(aligned))


def literal_agreement(a: Analysed, b: Analysed, aligned: tuple[tuple[int, int], ...]) -> tuple[float, int]:
    """(share of the aligned sentences' words that agree in order, how many agree)."""
    agreeing = total = 0
    for i, j in aligned:
        words_a, words_b = a.sentences[i].words, b.sentences[j].words
        blocks = SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
        agreeing += sum(block.size for block in blocks)
        total += len(words_a) + len(words_b)
    return (2 * agreeing / total if total else 0.0), agreeing


def classify(similarity: float, settings: ReuseSettings) -> str:
    if similarity >= settings.verbatim_similarity:
        return "verbatim"
    if similarity >= settings.edited_similarity:
        return "edited"
    return "reworded"


def _shown(shared: frozenset[str], a: Analysed, weights: PairWeights) -> tuple[str, ...]:
    """The shared words as `a` spells them, heaviest first."""
    spelling: dict[str, str] = {}
    for sentence in a.sentences:
        for word, stem in zip(sentence.words, sentence.stems):
            if stem in shared:
                spelling.setdefault(stem, display_token(word))
    ranked = sorted(shared, key=lambda stem: (-weights[stem], spelling[stem]))
    return tuple(spelling[stem] for stem in ranked[:_SHARED_SHOWN])
