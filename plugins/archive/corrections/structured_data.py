"""schema.org structured data for corrections, as JSON-LD.

Google's rule: a ClaimReview on one page only, the explainer. Archived
article pages carry a `correction` (CorrectionComment) pointing to it.
"""
from __future__ import annotations

import json

from .apply import Finding
from .model import Correction


#: Characters that could end the script element or open a comment inside it
#: ("</script", "<!--<script>" puts the HTML parser in a state that swallows
#: the rest of the page), written as JSON escapes: the data reads the same.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).translate(_SCRIPT_SAFE)
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _appearance(finding: Finding) -> dict:
    article = finding.article
    work = {"@type": "CreativeWork", "headline": article.title}
    if article.original:
        work["url"] = article.original
    if article.date.known:
        work["datePublished"] = article.date.iso()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def claim_review(correction: Correction, findings: list[Finding], url: str, site_name: str, site_url: str) -> str:
    """The explainer's one ClaimReview."""
    author = {"@type": "Organization", "name": site_name}
    if site_url:
        author["url"] = site_url
    claim = {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": correction.claimant},
        "datePublished": correction.claim_date.iso(),
        "firstAppearance": {"@type": "CreativeWork", "name": correction.first_appearance or correction.claimant,
                            "author": {"@type": "Organization", "name": correction.claimant},
                            "datePublished": correction.claim_date.iso()},
        "appearance": [_appearance(f) for f in findings],
    }
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": correction.claim,
        "datePublished": correction.date.iso(),
        "author": author,
        "reviewRating": {"@type": "Rating", "alternateName": correction.rating},
        "reviewBody": correction.verdict,
        "itemReviewed": claim,
    }
    return _json_ld(data)


def correction_comment(finding: Finding, explainer_url: str) -> str:
    """An archived article's `correction`, pointing to the explainer."""
    article = finding.article
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "correction": {
            "@type": "CorrectionComment",
            "text": f"{finding.correction.verdict}. {finding.correction.summary}",
            "url": explainer_url,
            "datePublished": finding.correction.date.iso(),
        },
    }
    return _json_ld(data)
