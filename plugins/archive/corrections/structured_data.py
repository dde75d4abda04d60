"""schema.org structured data for corrections, as JSON-LD.

Google's rule: a ClaimReview on one page only, the explainer. Archived
article pages carry a `correction` (CorrectionComment) pointing to it. The
explainer also carries one MediaReview for each debunked image its
correction describes (https://schema.org/MediaReview).
"""
from __future__ import annotations

import json

from .apply import Finding
from .media import CATEGORIES
from .model import Correction, Image


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


def _site(site_name: str, site_url: str) -> dict:
    """The archive, as the author of its reviews."""
    author = {"@type": "Organization", "name": site_name}
    if site_url:
        author["url"] = site_url
    return author


def claim_review(correction: Correction, findings: list[Finding], url: str, site_name: str, site_url: str) -> str:
    """The explainer's one ClaimReview."""
    author = _site(site_name, site_url)
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


def _media_review(correction: Correction, image: Image, url: str, author: dict) -> dict:
    claimant = {"@type": "Organization", "name": correction.claimant}
    # Where the image appeared, as far as the archive knows it: in the
    # claimant's posts, on the day of the claim, captioned with what it was
    # claimed to show. The posts were deleted and the archive keeps no copy,
    # so there is no contentUrl to give.
    appearance = {
        "@type": "ImageObject",
        "description": f"Presented as: {image.claimed}",
        "datePublished": correction.claim_date.iso(),
        "publisher": claimant,
        "isPartOf": {"@type": "CreativeWork", "name": correction.first_appearance or correction.claimant,
                     "author": claimant, "datePublished": correction.claim_date.iso()},
    }
    review = {
        "@context": "https://schema.org",
        "@type": "MediaReview",
        "url": f"{url}#{image.anchor}",
        "name": image.name,
        "datePublished": correction.date.iso(),
        "author": author,
        "mediaAuthenticityCategory": CATEGORIES[image.category].schema,
        "reviewBody": image.really,
        "originalMediaContextDescription": image.context,
        "itemReviewed": {"@type": "MediaReviewItem", "mediaItemAppearance": [appearance]},
        "citation": [{"@type": "CreativeWork", "url": s.url, "name": s.title,
                      "publisher": {"@type": "Organization", "name": s.publisher}} for s in image.sources],
    }
    if image.original_link:
        review["originalMediaLink"] = image.original_link
    return review


def media_reviews(correction: Correction, url: str, site_name: str, site_url: str) -> list[str]:
    """One MediaReview for each of the correction's images, in file order."""
    author = _site(site_name, site_url)
    return [_json_ld(_media_review(correction, image, url, author)) for image in correction.images]


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
