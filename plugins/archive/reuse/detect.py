"""Reuse detection over a whole archive: the one entry point the site calls.

Steps: keep the paragraphs that may be linked (long enough, not furniture),
sketch them (content words, sentence fingerprints), weigh their words, find
candidate pairs through inverted indexes, score each candidate, accept
weaker pairs their context supports (order, a third outlet), then group the
aligned sentences into statements.  Input order never matters: the
paragraphs are sorted first, and so are links and groups.

A few paragraphs can also be put to the archive as queries (a correction's
claim wording, `detect_with_queries`): each is matched against the archive
as if it were one more paragraph of it, by the same steps, without changing
the links between the archive's own paragraphs and without detecting the
archive again.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import Counter, defaultdict
from itertools import chain
from typing import Iterable, Sequence

from .candidates import candidate_pairs, query_pairs
from .cluster import statement_groups
from .corroborate import corroborated
from .model import Link, Paragraph, ReuseResult
from .score import Analysed, Match, compare
from .sequence import order_supported
from .settings import ReuseSettings
from .sketches import Sketched, Sketches
from .translations import translated
from .weights import Weights
from . import work
from .work import Runner

#: In a search of a corpus, words in up to one paragraph in this many propose candidates.
_SEARCH_DF_SHARE = 100

#: A link found between two paragraphs, by their indexes in the paragraphs kept.
Found = tuple[int, int, Match]


def detect(
    paragraphs: Iterable[Paragraph], settings: ReuseSettings = ReuseSettings(), *, known: Sketches | None = None,
    runner: Runner | None = None,
) -> ReuseResult:
    """Links between paragraphs that carry the same statement, and their groups.

    `known` holds sketches made with the same settings (by an earlier run, or
    ahead of time); the sketches this run makes are added to it.  `runner`
    runs the sketching and the scoring of candidate pairs (see
    :mod:`.work`; by default, in this process); the result is the same.
    """
    return detect_with_queries(paragraphs, (), settings, known=known, runner=runner)[0]


def detect_with_queries(
    paragraphs: Iterable[Paragraph],
    queries: Iterable[Paragraph],
    settings: ReuseSettings = ReuseSettings(),
    *,
    known: Sketches | None = None,
    runner: Runner | None = None,
) -> tuple[ReuseResult, ReuseResult]:
    """What `detect` finds in `paragraphs`, and the links of each query into them.

    A query is matched as one more paragraph of the archive would be: its
    words count in the word weights, it is linked on its words, on order, or
    by a third outlet's paragraph that the archive's own links (those found
    on words or order) tie to it.  Queries are not linked to one another,
    and belong to articles of their own.  The second result has the queries'
    links and their groups.
    """
    if known is None:
        known = Sketches(settings)
    elif known.settings != settings:
        raise ValueError("the known sketches were made with other settings")
    # Millions of small containers are created and none holds a cycle: the
    # cyclic garbage collector would only rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        archive = _Archive(paragraphs, settings, known, runner)
        return archive.result(), archive.queried(queries)
    finally:
        if collecting:
            gc.enable()


def search(
    corpus: Iterable[Paragraph], queries: Iterable[Paragraph], settings: ReuseSettings = ReuseSettings(), *,
    runner: Runner | None = None,
) -> ReuseResult:
    """The links of `queries` into `corpus` found on their words, without detecting the corpus itself.

    For a corpus much larger than the archive (a news crawl), where the
    question is only where the archive's statements appear: its paragraphs
    are sketched and weighed as an archive's would be, and only the pairs of
    a query and a corpus paragraph are proposed and scored.  Links on order,
    through a third outlet, and translations need the corpus's own links and
    are not looked for.  The groups of the result are those of these links.
    """
    known = Sketches(settings)
    ordered = _in_block_order(corpus, settings)
    _sketch_ahead(ordered, known, runner)
    kept, sketched = _with_sketches(ordered, known)
    asked, asked_sketched = _with_sketches(_in_block_order(queries, settings), known)
    if not kept or not asked:
        return ReuseResult(links=[], groups=[])
    first_query = len(kept)
    everything, all_sketched = kept + asked, sketched + asked_sketched
    by_article = _by_article(everything)
    blocks = [_block(paragraph, settings) for paragraph in everything]
    weights = Weights([s.word_ids for s in all_sketched], by_article.values(), settings.background_paragraphs,
                      known.vocabulary)
    # The cap on a proposing word's paragraphs bounds all-pairs detection, whose work grows with its
    # square; here each word costs only its paragraphs, once per query.  A statement that spread
    # through a large corpus is in far more paragraphs than the cap, so its words must still propose.
    cap = max(settings.max_feature_df, len(kept) // _SEARCH_DF_SHARE)
    pairs = query_pairs([s.word_ids for s in sketched], [s.sketch.fingerprints for s in sketched], blocks[:first_query],
                        [s.word_ids for s in asked_sketched], [s.sketch.fingerprints for s in asked_sketched],
                        blocks[first_query:], weights.document_frequency, cap)
    pairs = [(index, first_query + query) for index, query in pairs]
    analysis = _Analyses(everything, all_sketched, known, by_article)
    return _result(everything, _matched(pairs, everything, all_sketched, by_article, analysis, weights, settings,
                                        runner))


class _Archive:
    """An archive's linkable paragraphs, their word weights and the links between them."""

    def __init__(self, paragraphs: Iterable[Paragraph], settings: ReuseSettings, known: Sketches,
                 runner: Runner | None = None) -> None:
        self.settings, self.known = settings, known
        ordered = _in_block_order(paragraphs, settings)
        _sketch_ahead(ordered, known, runner)
        self.kept, self.sketched = _with_sketches(ordered, known)
        self.by_article = _by_article(self.kept)
        self.blocks = [_block(paragraph, settings) for paragraph in self.kept]
        word_ids = [sketched.word_ids for sketched in self.sketched]
        self.weights = Weights(word_ids, self.by_article.values(), settings.background_paragraphs, known.vocabulary)
        pairs = candidate_pairs(word_ids, [sketched.sketch.fingerprints for sketched in self.sketched], self.blocks,
                                self.weights.document_frequency, settings.max_feature_df)
        analysis = _Analyses(self.kept, self.sketched, known, self.by_article)
        #: Links found on words or on order: the only ones that corroborate.
        matches = _matched(pairs, self.kept, self.sketched, self.by_article, analysis, self.weights, settings, runner)
        self.evidence = _supported(matches, self.kept, self.by_article, self.blocks, analysis, self.weights, settings)
        self.found = self.evidence + corroborated(self.kept, self.evidence, self.blocks, analysis, self.weights,
                                                  settings)
        self.found += translated(self.kept, self.blocks, self.by_article, analysis, known.embeddings, settings,
                                 self.found)

    def result(self) -> ReuseResult:
        return _result(self.kept, self.found)

    def queried(self, queries: Iterable[Paragraph]) -> ReuseResult:
        """The links of `queries` into this archive (see detect_with_queries)."""
        asked, sketched = _with_sketches(_in_block_order(queries, self.settings), self.known)
        if not asked:
            return ReuseResult(links=[], groups=[])
        settings, first_query = self.settings, len(self.kept)
        kept, all_sketched = self.kept + asked, self.sketched + sketched
        blocks = self.blocks + [_block(paragraph, settings) for paragraph in asked]
        asked_by_article = _by_article(asked)
        by_article = {**self.by_article, **{name: [first_query + i for i in members]
                                            for name, members in asked_by_article.items()}}
        weights = self.weights.with_paragraphs([s.word_ids for s in sketched], asked_by_article.values(),
                                               self.known.vocabulary)
        pairs = query_pairs([s.word_ids for s in self.sketched], [s.sketch.fingerprints for s in self.sketched],
                            self.blocks, [s.word_ids for s in sketched], [s.sketch.fingerprints for s in sketched],
                            blocks[first_query:], weights.document_frequency, settings.max_feature_df)
        pairs = [(index, first_query + query) for index, query in pairs]
        analysis = _Analyses(kept, all_sketched, self.known, by_article)
        evidence = _supported(_compared(pairs, kept, analysis, weights, settings),
                              kept, by_article, blocks, analysis, weights, settings)
        found = evidence + corroborated(kept, self.evidence + evidence, blocks, analysis, weights, settings) \
            + translated(kept, blocks, by_article, analysis, self.known.embeddings, settings, self.found + evidence,
                         asked=range(first_query, len(kept)))
        return _result(kept, [(a, b, match) for a, b, match in found if (a >= first_query) != (b >= first_query)])


class _Analyses:
    """Each kept paragraph's Analysed, made when first asked for."""

    def __init__(self, kept: Sequence[Paragraph], sketched: Sequence[Sketched], known: Sketches,
                 by_article: dict[str, list[int]]) -> None:
        self._kept, self._sketched, self._normaliser = kept, sketched, known.normaliser
        self._by_article = by_article
        self._made: dict[int, Analysed] = {}
        self._counts: dict[str, Counter] = {}

    def __call__(self, index: int) -> Analysed:
        if index not in self._made:
            words = self._sketched[index].sketch.words
            self._made[index] = Analysed(self._kept[index], words, self._article_counts(self._kept[index].article),
                                         self._normaliser)
        return self._made[index]

    def _article_counts(self, article: str) -> Counter:
        """How many of the article's paragraphs have each word."""
        if article not in self._counts:
            self._counts[article] = Counter(chain.from_iterable(self._sketched[i].sketch.words
                                                                for i in self._by_article[article]))
        return self._counts[article]


def _with_sketches(paragraphs: Sequence[Paragraph], known: Sketches) -> tuple[list[Paragraph], list[Sketched]]:
    """The paragraphs that may be linked, and their sketches."""
    kept, sketches = [], []
    for paragraph in paragraphs:
        sketched = known.of(paragraph)
        if sketched is not None:
            kept.append(paragraph)
            sketches.append(sketched)
    return kept, sketches


def _by_article(kept: Sequence[Paragraph]) -> dict[str, list[int]]:
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, paragraph in enumerate(kept):
        by_article[paragraph.article].append(index)
    return by_article


def _compared(pairs: Iterable[tuple[int, int]], kept: Sequence[Paragraph], analysis: _Analyses, weights: Weights,
              settings: ReuseSettings) -> list[Found]:
    """The candidate pairs that match on their words."""
    matches = []
    for first, second in _scored_pairs(pairs, kept):
        match = compare(analysis(first), analysis(second), weights, settings)
        if match is not None:
            matches.append((first, second, match))
    return matches


def _scored_pairs(pairs: Iterable[tuple[int, int]], kept: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """The candidate pairs worth scoring (two articles), each the way round its keys sort."""
    return [(first, second) if kept[first].key < kept[second].key else (second, first)
            for first, second in pairs if kept[first].article != kept[second].article]


def _sketch_ahead(ordered: Sequence[Paragraph], known: Sketches, runner: Runner | None) -> None:
    """Sketch the paragraphs `known` lacks with `runner`, and keep the sketches in `known`, in order.

    Without a runner nothing is done ahead: each paragraph is sketched when first asked for."""
    if runner is None:
        return
    texts = known.missing(ordered)
    chunks = work.chunked(texts, work.SKETCH_CHUNK)
    for chunk, sketches in zip(chunks, runner(work.sketch_texts, chunks, known.settings)):
        for (text, lang), sketch in zip(chunk, sketches):
            known.put(text, lang, sketch)


def _matched(pairs, kept: Sequence[Paragraph], sketched: Sequence[Sketched], by_article: dict[str, list[int]],
             analysis: _Analyses, weights: Weights, settings: ReuseSettings, runner: Runner | None) -> list[Found]:
    """What `_compared` finds: in this process, or with the scoring run by `runner` in chunks of pairs."""
    if runner is None:
        return _compared(pairs, kept, analysis, weights, settings)
    chunks, articles = [], set()
    for part in work.chunked(_scored_pairs(pairs, kept), work.SCORE_CHUNK):
        involved = sorted({index for pair in part for index in pair})
        articles.update(kept[index].article for index in involved)
        chunks.append(work.ScoringChunk(tuple(part), {index: (kept[index], sketched[index].sketch.words)
                                                      for index in involved}))
    # The article counts go once to every worker with the weights, not again with each chunk.
    counts = {name: Counter(chain.from_iterable(sketched[i].sketch.words for i in by_article[name]))
              for name in sorted(articles)}
    return [found for results in runner(work.score_chunk, chunks, work.Scoring(settings, weights, counts))
            for found in results]


def _supported(matches: list[Found], kept, by_article, blocks, analysis, weights, settings) -> list[Found]:
    """`matches`, and the weaker pairs their order supports."""
    linked = [(first, second) for first, second, _ in matches]
    return matches + order_supported(kept, linked, by_article, blocks, analysis, weights, settings)


def _result(kept: Sequence[Paragraph], found: Iterable[Found]) -> ReuseResult:
    links: list[Link] = []
    alignments = []
    for first, second, match in found:
        if kept[second].key < kept[first].key:
            first, second = second, first
            match = dataclasses.replace(match, aligned=tuple((j, i) for i, j in match.aligned))
        a, b = kept[first].key, kept[second].key
        # Two languages: whatever found the pair (shared names, a third outlet), it is a translation.
        strength = "translated" if kept[first].lang != kept[second].lang else match.strength
        links.append(Link(a, b, strength, match.score, match.shared))
        alignments.extend(((a, i), (b, j)) for i, j in match.aligned)
    links.sort(key=lambda link: (link.a, link.b))
    published = {paragraph.key: paragraph.published for paragraph in kept}
    return ReuseResult(links=links, groups=statement_groups(alignments, published))


def _block(paragraph: Paragraph, settings: ReuseSettings) -> str:
    """Paragraphs of one block are never linked: one article, or one outlet."""
    return paragraph.article if settings.link_same_source else paragraph.source


def _in_block_order(paragraphs: Iterable[Paragraph], settings: ReuseSettings) -> list[Paragraph]:
    ordered = sorted(paragraphs, key=lambda paragraph: (_block(paragraph, settings), paragraph.key))
    seen = set()
    for paragraph in ordered:
        if paragraph.key in seen:
            raise ValueError(f"paragraph id {paragraph.id!r} occurs twice in article {paragraph.article!r}")
        seen.add(paragraph.key)
    return ordered
