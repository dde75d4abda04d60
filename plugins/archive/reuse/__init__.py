"""Text-reuse detection: which paragraphs of the archive repeat one another.

A pure core that knows nothing of Pelican::

    from archive.reuse import Paragraph, ReuseSettings, detect

    result = detect(paragraphs, ReuseSettings())
    result.links   # Link(a, b, strength, score, shared), each pair once
    result.groups  # Group(id, members): paragraphs carrying one statement

:func:`detect_with_queries` also matches a few paragraphs put to the archive
(a correction's claim wording) as one more paragraph of it would be.

:func:`align` compares two texts word by word for a side-by-side view.

How it works, one module per step:

* :mod:`.normalise` (with :mod:`.aliases`, :mod:`.stem`, :mod:`.stopwords`)
  turns text into sentences of case-folded words, alias variants merged
  ("ISIL", "Daesh" -> islamic_state), function words marked, stems for the
  rest; a cheap *sketch* (content words, sentence fingerprints) is all that
  every paragraph needs;
* :mod:`.weights` weighs each word by rarity and by specificity: a word that
  recurs through whole articles is the topic, not a statement;
* :mod:`.candidates` proposes pairs from two inverted indexes (rare words
  with a document-frequency cap; fingerprints of whole sentences) instead of
  comparing all pairs, only across outlets;
* :mod:`.score` pairs sentences and decides: a copy must agree word for word
  over at least ``min_words`` words (verbatim/edited), a rewording must share
  weighty words that make up much of one pair of sentences (reworded);
* :mod:`.translations` links paragraphs of two languages with a
  multilingual sentence encoder (translated);
* :mod:`.cluster` groups aligned sentences into statement groups, each a
  star around its first published sentence;
* :mod:`.sketches` keeps each paragraph's sketch (and its words by number)
  within a run, :mod:`.sketch_store` keeps the sketches for the next build
  (which sketches only new text), and :mod:`.store` keeps a run's results
  for the next build with the same inputs;

Measuring it is not part of it: the repository's `evaluation/` package scores
it against the seeds' labels, the development set and a public short-answer
corpus, and `benchmarks/` times it on a generated archive.
"""

from .align import Segment, align
from .detect import detect, detect_with_queries, search
from .model import STRENGTHS, Group, Key, Link, Paragraph, ReuseResult
from .settings import DEFAULT_ALIASES, ReuseSettings

__all__ = [
    "DEFAULT_ALIASES",
    "Group",
    "Key",
    "Link",
    "Paragraph",
    "ReuseResult",
    "ReuseSettings",
    "STRENGTHS",
    "Segment",
    "align",
    "detect",
    "detect_with_queries",
    "search",
]
