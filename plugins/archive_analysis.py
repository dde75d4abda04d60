"""Pelican bridge shared by the reuse and corrections plugins.

Reads the archived articles out of Pelican once, runs reuse detection over
them, and keeps the result on the shared context for both plugins and their
pages. Where there are corrections, a second run adds each correction's claim
wording as paragraphs of its own, so that the corrections find the claim with
the very matching the cross-links use, without the claims changing the links
between articles.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import ArticlesGenerator

from archive.article_facts import ArticleFacts
from archive.content_check import CORRECTIONS, load, markdown_files
from archive.corrections.model import Correction
from archive.corrections.parse import read_correction
from archive.problems import ContentError, display_path
from archive.reuse import Paragraph, ReuseResult, ReuseSettings, detect
from archive.reuse_view import ParagraphText

CONTEXT_KEY = "archive_analysis"
CLAIM_PREFIX = "correction:"


@dataclass
class Analysis:
    articles: list                       # Pelican articles, reading order
    facts: dict[str, ArticleFacts]
    texts: dict                          # (slug, id) -> ParagraphText
    paragraph_order: dict[str, list[str]]
    settings: ReuseSettings
    reuse: ReuseResult                   # links and groups between articles only
    claim_matches: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # correction slug -> article -> ids
    corrections: list[Correction] = field(default_factory=list)
    group_views: list = field(default_factory=list)   # filled by reuse_links: GroupView, first appearance first


def reuse_settings(settings: dict) -> ReuseSettings:
    """ReuseSettings from pelicanconf: each field `x` is the setting REUSE_X."""
    given = {f.name: settings[f"REUSE_{f.name.upper()}"] for f in dataclasses.fields(ReuseSettings)
             if f"REUSE_{f.name.upper()}" in settings}
    return ReuseSettings(**given)


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


def analyse(generators) -> Analysis:
    """The archive's analysis, computed on first use and shared afterwards."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    context = articles_generator.context
    if CONTEXT_KEY in context:
        return context[CONTEXT_KEY]
    settings = articles_generator.settings
    articles = [a for a in articles_generator.articles if hasattr(a, "archive")]
    facts = {a.slug: _facts(a) for a in articles}
    texts, order, paragraphs = {}, {}, []
    for article in articles:
        order[article.slug] = []
        for p in article.paragraphs:
            texts[(article.slug, p.id)] = ParagraphText(p.text, p.lang or article.archive.lang, p.number)
            order[article.slug].append(p.id)
            if p.role == "body":  # the outlet's own notes about its article are not reuse
                paragraphs.append(Paragraph(article.slug, facts[article.slug].source_key, p.id, p.text,
                                            p.lang or article.archive.lang, position=p.number))
    reuse_config = reuse_settings(settings)
    analysis = Analysis(articles, facts, texts, order, reuse_config, detect(paragraphs, reuse_config))
    analysis.corrections = read_corrections(settings["PATH"], set(facts))
    if analysis.corrections:
        claims = [Paragraph(CLAIM_PREFIX + c.slug, CLAIM_PREFIX + c.slug, f"claim-{n}", text)
                  for c in analysis.corrections for n, text in enumerate(c.passages, 1)]
        with_claims = detect(paragraphs + claims, reuse_config)
        for correction in analysis.corrections:
            analysis.claim_matches[correction.slug] = _claim_matches(with_claims, CLAIM_PREFIX + correction.slug, order)
    context[CONTEXT_KEY] = analysis
    return analysis


def _claim_matches(result: ReuseResult, claim_article: str, order: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    matched: dict[str, set[str]] = {}
    for link in result.links:
        for claim, other in ((link.a, link.b), (link.b, link.a)):
            if claim[0] == claim_article and not other[0].startswith(CLAIM_PREFIX):
                matched.setdefault(other[0], set()).add(other[1])
    return {slug: tuple(pid for pid in order[slug] if pid in ids) for slug, ids in matched.items()}
