"""Which articles carry a corrected claim, and what the explainer lists.

The matching itself is the reuse detector's (the adapter runs it, with the
queries `wording_queries` makes); this module turns its matches and the
maintainer's include / exclude lists into findings, and computes the
explainer's lists from the findings and each article's own handling, so
nothing on the explainer is typed by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..article_facts import ArticleFacts
from ..reuse import Link, Paragraph
from ..outlet_handling import CORRECTED, HANDLING, STATUS
from .model import Correction

#: The query articles of a correction's wording: CLAIM + slug, DEBUNK + slug.
CLAIM, DEBUNK = "correction:", "debunk:"
_PASSAGE = "passage-"


@dataclass(frozen=True)
class Finding:
    """A correction applied to one article."""
    correction: Correction
    article: ArticleFacts
    paragraphs: tuple[str, ...]   # ids of the paragraphs that repeat the claim, in page order
    included: bool                # True when a maintainer's include list put it here
    passages: tuple[tuple[int, ...], ...] = ()   # for each paragraph, the claim passages it matched (1-based)

    def passages_of(self, paragraph: str) -> tuple[int, ...]:
        return dict(zip(self.paragraphs, self.passages)).get(paragraph, ())

    @property
    def handling_text(self) -> str:
        return HANDLING[self.article.handling]

    @property
    def handling_status(self) -> str:
        return STATUS[self.article.handling]

    @property
    def corrected(self) -> bool:
        return self.article.handling in CORRECTED


Matched = dict[str, dict[str, tuple[int, ...]]]   # article slug -> {paragraph id: passage numbers}


def wording_queries(correction: Correction) -> list[Paragraph]:
    """The claim's and the debunk's wording, each passage a paragraph put to the archive."""
    return [Paragraph(prefix + correction.slug, prefix + correction.slug, f"{_PASSAGE}{n}", text)
            for prefix, passages in ((CLAIM, correction.passages), (DEBUNK, correction.debunk_passages))
            for n, text in enumerate(passages, 1)]


def passage_number(paragraph_id: str) -> int:
    """Which passage of a wording a query paragraph of wording_queries is (1, 2, ...)."""
    return int(paragraph_id.removeprefix(_PASSAGE))


def wording_matches(links: Iterable[Link], query_article: str) -> Matched:
    """Which paragraphs the passages of `query_article` (see wording_queries)
    matched, and which passages: paragraph ids in sorted order."""
    matched: dict[str, dict[str, set[int]]] = {}
    for link in links:
        for query, other in ((link.a, link.b), (link.b, link.a)):
            if query[0] == query_article and not other[0].startswith((CLAIM, DEBUNK)):
                number = passage_number(query[1])
                matched.setdefault(other[0], {}).setdefault(other[1], set()).add(number)
    return {slug: {pid: tuple(sorted(ids[pid])) for pid in sorted(ids)} for slug, ids in matched.items()}


def reports_debunk(claimed: set[str], debunked: set[str]) -> bool:
    """Whether an article whose paragraphs `claimed` match the claim's wording
    and `debunked` the debunk's reports the debunk rather than the claim: it
    gives the debunk at least as much room, in paragraphs of their own (a
    paragraph that also repeats the claim is no evidence of the debunk).  An
    article that repeats the claim at length and mentions in a line that it
    was ridiculed still carries it."""
    own = len(debunked - claimed)
    return own > 0 and own >= len(claimed)


def find_carriers(correction: Correction, articles: list[ArticleFacts], matched: Matched,
                  debunked: Matched | None = None) -> tuple[list[Finding], list[ArticleFacts]]:
    """Findings for every article that carries the claim, in article order,
    and the articles that report its debunk instead.

    `matched` and `debunked` map an article slug to its paragraphs that
    repeat the claim's wording and the debunk's, with the passages each
    matched. The exclude list always wins; the include list makes an article
    a carrier even when no paragraph matched or it reports the debunk.
    """
    debunked = debunked or {}
    findings, debunking = [], []
    for article in articles:
        if article.slug in correction.exclude:
            continue
        paragraphs = matched.get(article.slug, {})
        included = article.slug in correction.include
        if not included and reports_debunk(set(paragraphs), set(debunked.get(article.slug, {}))):
            debunking.append(article)
        elif paragraphs or included:
            findings.append(Finding(correction, article, tuple(paragraphs), not paragraphs,
                                    tuple(paragraphs.values())))
    return findings, debunking


@dataclass(frozen=True)
class OutletSummary:
    """One line of the explainer's computed list."""
    outlet: str
    findings: tuple[Finding, ...]

    @property
    def corrected(self) -> bool:
        return any(f.corrected for f in self.findings)


def by_outlet(findings: list[Finding]) -> list[OutletSummary]:
    """Findings grouped by outlet (an unknown outlet stands alone), earliest first."""
    groups: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: f.article.order()):
        groups.setdefault(finding.article.source_key, []).append(finding)
    return [OutletSummary(items[0].article.outlet_label, tuple(items)) for items in groups.values()]


@dataclass(frozen=True)
class OutletCorrections:
    """How one outlet's archived articles stand with the corrections: its
    outlet page shows it."""
    articles: int                   # the outlet's archived articles
    findings: tuple[Finding, ...]   # each correction applied to one of them, oldest article first

    @property
    def carrying(self) -> int:
        """How many of its articles carry a debunked claim."""
        return len({f.article.slug for f in self.findings})

    @property
    def statuses(self) -> tuple[str, ...]:
        """How it handled the claims, in a few words each, without repeats."""
        return tuple(dict.fromkeys(f.handling_status for f in self.findings))


def outlet_corrections(articles: list[ArticleFacts], findings: Iterable[Finding]) -> dict[str, OutletCorrections]:
    """Every outlet's standing, keyed by ArticleFacts.source_key (an unknown
    outlet is one per article, as everywhere)."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.source_key] = counts.get(article.source_key, 0) + 1
    found: dict[str, list[Finding]] = {key: [] for key in counts}
    for finding in sorted(findings, key=lambda f: (f.article.order(), f.correction.slug)):
        found[finding.article.source_key].append(finding)
    return {key: OutletCorrections(counts[key], tuple(found[key])) for key in counts}
