"""Pelican bridge shared by the reuse and corrections plugins.

Once Pelican has read every article (`all_generators_finalized`), the
archive is analysed: reuse detection over the articles' body paragraphs,
with each correction's claim wording put to them as queries (see
archive.reuse.detect_with_queries), so that the corrections find the claim
with the very matching the cross-links use, without the claims changing the
links between articles.  Detection's results are kept in the cache folder
by what they were computed from (archive.reuse.store): a build whose
articles, corrections and settings are as before reads them instead of
detecting again; a build whose articles changed sketches only the paragraphs
it has not sketched before (archive.reuse.sketch_store).

Plugins that change the articles with the results connect to `analysed`;
generators that write pages from them call `analyse`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
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
from archive.reuse import Paragraph, ReuseResult, ReuseSettings, detect_with_queries, sketch_store, store
from archive.reuse.sketches import Sketches
from archive.reuse_view import ParagraphText, group_views
from dask_engine import engine_runner

CONTEXT_KEY = "archive_analysis"

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
    """ReuseSettings from pelicanconf: each field `x` is the setting REUSE_X; those not set keep their defaults.

    A REUSE_ setting that names no field is refused: a misspelt one would
    otherwise leave its default in force without a word."""
    fields = {f"REUSE_{f.name.upper()}": f.name for f in dataclasses.fields(ReuseSettings)}
    unknown = sorted(name for name in settings if name.startswith("REUSE_") and name not in fields)
    if unknown:
        raise ValueError(f"unknown reuse setting {', '.join(unknown)} (the reuse settings are {', '.join(fields)})")
    return ReuseSettings(**{field: settings[name] for name, field in fields.items() if name in settings})


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


def _paragraphs(article) -> list[Paragraph]:
    """An article as detection sees it: the outlet's own notes about its article are not reuse."""
    meta = article.archive
    source, published = source_key(meta.outlet, article.slug), meta.date.iso() or ""
    return [Paragraph(article.slug, source, p.id, p.text, p.lang or meta.lang, p.number, published)
            for p in article.paragraphs if p.role == "body"]


def _archived(generator) -> list:
    return [a for a in generator.articles if hasattr(a, "archive")]


def _detection(paragraphs: list[Paragraph], claims: list[Paragraph], settings: ReuseSettings,
               cache: Path | None, engine: dict) -> tuple[ReuseResult, ReuseResult]:
    """What detect_with_queries finds, read from the cache when it holds these very inputs.

    The engine (DETECTION_ENGINE) changes where the work runs, never what it finds: it is no
    part of what the cache is keyed by."""
    digest = store.inputs_digest(paragraphs, claims, settings) if cache is not None else None
    kept = store.load(cache, digest) if cache is not None else None
    if kept is not None:
        return kept
    # Sketches are kept apart from the results: a changed archive sketches only its new text.
    known = Sketches(settings, sketch_store.load(cache, settings) if cache is not None else None)
    with engine_runner(engine.get("DETECTION_ENGINE"), engine.get("DETECTION_SCHEDULER"),
                       int(engine.get("DETECTION_WORKERS", 2))) as runner:
        found = detect_with_queries(paragraphs, claims, settings, known=known, runner=runner)
    if cache is not None:
        if known.sketched:
            sketch_store.save(cache, settings, known.made())
        store.save(cache, digest, found)
    return found


def _cache_folder(settings: dict) -> Path | None:
    """Where detection's results are kept (ANALYSIS_CACHE, under Pelican's CACHE_PATH), or None."""
    if not settings.get("ANALYSIS_CACHE", True):
        return None
    return Path(settings["CACHE_PATH"]) / "analysis"


def all_generators_made(generators) -> None:
    """Every article is read: analyse the archive, and let the plugins place the results."""
    analyse(generators)
    analysed.send(generators)


def connect() -> None:
    """Called by each plugin that uses the analysis (connecting twice is harmless)."""
    signals.all_generators_finalized.connect(all_generators_made)


def corrections(generators) -> list[Correction]:
    """The site's corrections."""
    return analyse(generators).corrections


def analyse(generators) -> Analysis:
    """The archive's analysis, computed on first use and shared afterwards."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    context = articles_generator.context
    if CONTEXT_KEY in context:
        return context[CONTEXT_KEY]
    settings = articles_generator.settings
    articles = _archived(articles_generator)
    corrections = read_corrections(settings["PATH"], {a.slug for a in articles})
    claims = [query for correction in corrections for query in wording_queries(correction)]
    paragraphs = {a.slug: _paragraphs(a) for a in articles}
    reuse_config = reuse_settings(settings)
    reuse, claimed = _detection([p for slug in paragraphs for p in paragraphs[slug]], claims, reuse_config,
                                _cache_folder(settings), settings)
    facts = {a.slug: _facts(a) for a in articles}
    order = {a.slug: [p.id for p in a.paragraphs] for a in articles}
    grouped = {key for group in reuse.groups for key in group.members}
    in_groups = {p.key: p for slug in {key[0] for key in grouped} for p in paragraphs[slug] if p.key in grouped}
    analysis = Analysis(articles, facts, _Texts(articles), order, reuse_config, reuse, corrections=corrections,
                        group_views=group_views(reuse, facts, in_groups, reuse_config))
    for correction in corrections:
        for prefix, matches in ((CLAIM, analysis.claim_matches), (DEBUNK, analysis.debunk_matches)):
            matches[correction.slug] = _in_page_order(wording_matches(claimed.links, prefix + correction.slug), order)
    context[CONTEXT_KEY] = analysis
    return analysis


def analysis_of(context: dict) -> Analysis:
    """The analysis, for a generator writing its pages (Pelican's generators share one context)."""
    return context[CONTEXT_KEY]


def _in_page_order(matched: dict[str, dict[str, tuple[int, ...]]], order: dict[str, list[str]]
                   ) -> dict[str, dict[str, tuple[int, ...]]]:
    """The matched paragraphs of each article in the order its page shows them."""
    return {slug: {pid: ids[pid] for pid in order[slug] if pid in ids} for slug, ids in matched.items()}
