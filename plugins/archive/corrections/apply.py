"""Which articles carry a corrected claim, and what the explainer lists.

The matching itself is the reuse detector's (the adapter runs it); this
module turns its matches and the maintainer's include / exclude lists into
findings, and computes the explainer's lists from the findings and each
article's own handling, so nothing on the explainer is typed by hand.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..article_facts import ArticleFacts
from .handling import CORRECTED, HANDLING, STATUS
from .model import Correction


@dataclass(frozen=True)
class Finding:
    """A correction applied to one article."""
    correction: Correction
    article: ArticleFacts
    paragraphs: tuple[str, ...]   # ids of the paragraphs that repeat the claim, in page order
    included: bool                # True when a maintainer's include list put it here

    @property
    def handling_text(self) -> str:
        return HANDLING[self.article.handling]

    @property
    def handling_status(self) -> str:
        return STATUS[self.article.handling]

    @property
    def corrected(self) -> bool:
        return self.article.handling in CORRECTED


def find_carriers(correction: Correction, articles: list[ArticleFacts],
                  matched: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Findings for every article that carries the claim, in article order.

    `matched` maps an article slug to its paragraphs that repeat the claim's
    wording. The exclude list always wins; the include list adds an article
    even when no paragraph matched.
    """
    findings = []
    for article in articles:
        if article.slug in correction.exclude:
            continue
        paragraphs = matched.get(article.slug, ())
        if paragraphs or article.slug in correction.include:
            findings.append(Finding(correction, article, paragraphs, not paragraphs))
    return findings


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
        name = finding.article.outlet or f"Outlet unknown ({finding.article.title})"
        groups.setdefault(name, []).append(finding)
    return [OutletSummary(name, tuple(items)) for name, items in groups.items()]
