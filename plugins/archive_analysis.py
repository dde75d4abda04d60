"""Pelican bridge shared by the reuse and corrections plugins.

Reads the archived articles out of Pelican once, runs reuse detection over
them, and keeps the result on the shared context for both plugins and their
pages. Each correction's claim wording is put to the archive as queries (see
archive.reuse.detect_with_queries), so that the corrections find the claim
with the very matching the cross-links use, without the claims changing the
links between articles.

Each article's paragraphs go to the detector as soon as Pelican has read it,
so that a large archive is sketched in a second process while the rest is
still being read (see archive.reuse.background). And Pelican's article
generator writes the article pages, feeds and outlet pages last instead of
first (see _ArticlesWrittenLast), so that the steps over the whole archive
finish while the index, which needs none of their results, is written.
Plugins that change the articles with the results connect to `analysed`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Mapping

from blinker import signal
from pelican import signals
from pelican.generators import ArticlesGenerator

from archive.article_facts import ArticleFacts, source_key
from archive.content_check import CORRECTIONS, load, markdown_files
from archive.corrections.apply import CLAIM, DEBUNK, wording_matches, wording_queries
from archive.corrections.model import Correction
from archive.corrections.parse import read_correction
from archive.problems import ContentError, display_path
from archive.reuse import ReuseResult, ReuseSettings
from archive.reuse.background import Article as DetectedArticle, Detector
from archive.reuse_view import ParagraphText, group_views
from pages_aside import write_aside

CONTEXT_KEY = "archive_analysis"
FEED_KEY = "archive_reuse_feed"
DETECTION_KEY = "archive_reuse_detection"

#: Sent with Pelican's generators once the analysis is complete, before the
#: article pages and feeds are written: plugins that decorate articles connect here.
analysed = signal("archive_analysed")


@dataclass
class Analysis:
    articles: list                       # Pelican articles, reading order
    facts: dict[str, ArticleFacts]
    texts: Mapping                       # (slug, id) -> ParagraphText
    paragraph_order: dict[str, list[str]]
    settings: ReuseSettings
    reuse: ReuseResult                   # links and groups between articles only
    # correction slug -> article slug -> {paragraph id: numbers of the passages it matched}, in page order
    claim_matches: dict[str, dict[str, dict[str, tuple[int, ...]]]] = field(default_factory=dict)
    debunk_matches: dict[str, dict[str, dict[str, tuple[int, ...]]]] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    group_views: list = field(default_factory=list)   # GroupView, first appearance first


def reuse_settings(settings: dict) -> ReuseSettings:
    """ReuseSettings from pelicanconf: each field `x` is the setting REUSE_X."""
    given = {f.name: settings[f"REUSE_{f.name.upper()}"] for f in dataclasses.fields(ReuseSettings)
             if f"REUSE_{f.name.upper()}" in settings}
    return ReuseSettings(**given)


class _Texts(Mapping):
    """(slug, paragraph id) -> ParagraphText, made when asked for from the
    articles' own paragraphs: a large archive has a hundred thousand, kept
    for the whole build, that every garbage collection would scan again."""

    def __init__(self, articles: list) -> None:
        self._articles = {article.slug: article for article in articles}

    def __getitem__(self, key) -> ParagraphText:
        article = self._articles[key[0]]
        for p in article.paragraphs:
            if p.id == key[1]:
                return ParagraphText(p.text, p.lang or article.archive.lang, p.number)
        raise KeyError(key)

    def __iter__(self):
        return ((slug, p.id) for slug, article in self._articles.items() for p in article.paragraphs)

    def __len__(self) -> int:
        return sum(len(article.paragraphs) for article in self._articles.values())


def _facts(article) -> ArticleFacts:
    meta = article.archive
    return ArticleFacts(article.slug, article.title, article.url, meta.outlet, meta.date, meta.original,
                        meta.correction_handling, meta.correction_note)


def read_corrections(content_path: str, article_slugs: set[str]) -> list[Correction]:
    """The site's corrections; `check` has already refused malformed ones."""
    corrections = []
    for path in markdown_files(Path(content_path) / CORRECTIONS):
        correction, problems = read_correction(load(path, display_path(path)), article_slugs)
        if problems:
            raise ContentError(problems[0])
        corrections.append(correction)
    return sorted(corrections, key=lambda c: c.slug)


def _detected(slug: str, meta, rendered) -> DetectedArticle:
    """An article as detection sees it: the outlet's own notes about its article are not reuse."""
    rows = tuple((p.id, p.text, p.lang or meta.lang, p.number) for p in rendered if p.role == "body")
    return source_key(meta.outlet, slug), rows, meta.date.iso() or ""


@dataclass
class _Feed:
    """The detector, and what it was given of each article as Pelican read it."""
    detector: Detector
    given: dict = field(default_factory=dict)   # slug -> (its ArticleMeta, its rendered paragraphs)

    def add(self, slug: str, meta, rendered) -> None:
        self.detector.add(slug, _detected(slug, meta, rendered))
        self.given[slug] = (meta, rendered)

    def has(self, article) -> bool:
        """Whether the detector has this very article (Pelican may reuse a cached one it never read)."""
        meta, rendered = self.given.get(article.slug, (None, None))
        return meta is article.archive and rendered is article.paragraphs


@dataclass
class _Detection:
    """Detection started over these articles, the claims of these corrections with them."""
    articles: list
    facts: dict[str, ArticleFacts]
    corrections: list[Correction]
    detector: Detector


def _group_views(facts: dict[str, ArticleFacts], settings: ReuseSettings, result: ReuseResult, paragraphs) -> list:
    """The statement groups' views, made where the detector ran (see Detector.submit)."""
    return group_views(result, facts, paragraphs, settings)


def _archived(generator) -> list:
    return [a for a in generator.articles if hasattr(a, "archive")]


def article_read(generator, metadata: dict) -> None:
    """Give the detector an article's paragraphs as soon as it is read."""
    if "archive" in metadata:
        if FEED_KEY not in generator.context:
            generator.context[FEED_KEY] = _Feed(Detector(reuse_settings(generator.settings)))
        generator.context[FEED_KEY].add(metadata["slug"], metadata["archive"], metadata["paragraphs"])


def articles_known(generator) -> None:
    """Start detection as soon as Pelican knows which articles it publishes:
    it has more to do before the pages need the results."""
    generator.context[DETECTION_KEY] = _start_detection(generator)
    _write_articles_last(generator)


def _start_detection(generator) -> _Detection:
    articles = _archived(generator)
    corrections = read_corrections(generator.settings["PATH"], {a.slug for a in articles})
    feed = generator.context.pop(FEED_KEY, None) or _Feed(Detector(reuse_settings(generator.settings)))
    for article in articles:
        if not feed.has(article):
            feed.add(article.slug, article.archive, article.paragraphs)
    claims = [query for correction in corrections for query in wording_queries(correction)]
    by_slug = {a.slug: a for a in articles}
    # What the pages show of each article; the detector's worker needs it too, for the statement groups' views.
    facts = {a.slug: _facts(a) for a in articles}
    feed.detector.submit([a.slug for a in articles], claims,
                         lambda slug: _detected(slug, by_slug[slug].archive, by_slug[slug].paragraphs),
                         partial(_group_views, facts, feed.detector.settings))
    return _Detection(articles, facts, corrections, feed.detector)


#: Direct templates that show the analysis's results, written after it with the article pages.
AFTER_ANALYSIS_TEMPLATES = ("categories",)


class _ArticlesWrittenLast(ArticlesGenerator):
    """Pelican's article generator, writing the article pages, feeds and
    outlet pages after everything else it writes.

    Pelican writes them first, but its other pages (index, search) show
    nothing the reuse results change, and writing those first gives the
    detection worker the seconds it needs to finish. The outlet pages and
    their list (the `categories` template) show how many of an outlet's
    articles carry a corrected claim, which the analysis decides.  Pelican makes its own article
    generator, so a plugin cannot replace it; it gets this class in its
    place once Pelican has read the articles."""

    all_generators: list | None = None   # set once Pelican has made them all

    def generate_output(self, writer):
        self._held = []
        super().generate_output(writer)

    def generate_feeds(self, writer):
        self._held.append(partial(super().generate_feeds, writer))

    def generate_articles(self, write):
        self._held.append(partial(super().generate_articles, write))

    def generate_categories(self, write):
        self._held.append(partial(super().generate_categories, write))

    def generate_direct_templates(self, write):
        self._direct_templates(write, lambda name: name not in AFTER_ANALYSIS_TEMPLATES)
        self._held.append(partial(self._direct_templates, write, lambda name: name in AFTER_ANALYSIS_TEMPLATES))

    def _direct_templates(self, write, wanted) -> None:
        """Pelican's own writing of the direct templates, of those `wanted` only."""
        settings = self.settings
        self.settings = {**settings, "DIRECT_TEMPLATES": [t for t in settings["DIRECT_TEMPLATES"] if wanted(t)]}
        try:
            super().generate_direct_templates(write)
        finally:
            self.settings = settings

    def generate_pages(self, writer):
        super().generate_pages(writer)
        _complete(self.all_generators)
        for held in self._held:
            held()


def _write_articles_last(generator) -> None:
    if type(generator) is ArticlesGenerator:
        generator.__class__ = _ArticlesWrittenLast


def all_generators_made(generators) -> None:
    """Complete the analysis just before the articles are written, or now if
    the article generator is not the one this module can defer."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    if isinstance(articles_generator, _ArticlesWrittenLast):
        articles_generator.all_generators = generators
    else:
        _complete(generators)


def _complete(generators) -> None:
    analysis = analyse(generators)
    analysed.send(generators)
    write_aside(generators, analysis)


def connect() -> None:
    """Called by each plugin that uses the analysis (connecting twice is harmless)."""
    signals.article_generator_context.connect(article_read)
    signals.article_generator_pretaxonomy.connect(articles_known)
    signals.all_generators_finalized.connect(all_generators_made)


def corrections(generators) -> list[Correction]:
    """The site's corrections, known before the analysis is complete."""
    context = next(g for g in generators if isinstance(g, ArticlesGenerator)).context
    for key in (CONTEXT_KEY, DETECTION_KEY):
        if key in context:
            return context[key].corrections
    return analyse(generators).corrections


def analyse(generators) -> Analysis:
    """The archive's analysis, computed on first use and shared afterwards."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    context = articles_generator.context
    if CONTEXT_KEY in context:
        return context[CONTEXT_KEY]
    articles = _archived(articles_generator)
    detection = context.pop(DETECTION_KEY, None)
    if detection is None or list(map(id, detection.articles)) != list(map(id, articles)):
        if detection is not None:
            detection.detector.results()  # started over other articles: collect, and start again
        detection = _start_detection(articles_generator)
    order = {a.slug: [p.id for p in a.paragraphs] for a in articles}  # while the detector works
    reuse, claims = detection.detector.results()
    analysis = Analysis(articles, detection.facts, _Texts(articles), order, detection.detector.settings, reuse,
                        corrections=detection.corrections, group_views=detection.detector.presented())
    for correction in detection.corrections:
        for prefix, matches in ((CLAIM, analysis.claim_matches), (DEBUNK, analysis.debunk_matches)):
            matches[correction.slug] = _in_page_order(wording_matches(claims.links, prefix + correction.slug), order)
    context[CONTEXT_KEY] = analysis
    return analysis


def _in_page_order(matched: dict[str, dict[str, tuple[int, ...]]], order: dict[str, list[str]]
                   ) -> dict[str, dict[str, tuple[int, ...]]]:
    """The matched paragraphs of each article in the order its page shows them."""
    return {slug: {pid: ids[pid] for pid in order[slug] if pid in ids} for slug, ids in matched.items()}
