"""The correction notice placed at the top of an article, and the marker on
each paragraph that repeats the claim. Text is escaped: the verdict and the
outlet's note come from files a maintainer writes, not from us."""
from __future__ import annotations

from html import escape

from ..wording import plural
from .apply import Finding


def notice_id(finding: Finding) -> str:
    return f"correction-{finding.correction.slug}"


def notice_html(finding: Finding, explainer_href: str) -> str:
    correction, article = finding.correction, finding.article
    anchor = notice_id(finding)
    note = f" {escape(article.note)}" if article.note else ""
    basis = ("A maintainer marked this article as carrying the claim."
             if finding.included else
             f"{plural(len(finding.paragraphs), 'paragraph below repeats', 'paragraphs below repeat')} it; each is marked.")
    return (
        f'<aside class="correction-notice" role="note" id="{anchor}" aria-labelledby="{anchor}-label" data-pagefind-ignore>\n'
        f'<p class="correction-label" id="{anchor}-label">Correction</p>\n'
        f'<p class="correction-verdict"><strong>{escape(correction.verdict)}.</strong></p>\n'
        f'<p>{escape(correction.summary)} {basis}</p>\n'
        f'<p class="correction-handling"><strong>How this outlet handled it:</strong> {escape(finding.handling_text)}{note}</p>\n'
        f'<p><a href="{escape(explainer_href)}">What the images really were, who found out, and the sources</a></p>\n'
        f'</aside>\n'
    )


def matched_passages(numbers: tuple[int, ...]) -> str:
    """Which passages of the claim's wording a paragraph matched, in words."""
    if not numbers:
        return ""
    listed = ", ".join(str(n) for n in numbers[:-1]) + (" and " if len(numbers) > 1 else "") + str(numbers[-1])
    return f"{'passage' if len(numbers) == 1 else 'passages'} {listed} of the claim's wording"


def marker_html(finding: Finding, paragraph: str) -> str:
    matched = matched_passages(finding.passages_of(paragraph))
    return (f' <a class="claim-marker" href="#{notice_id(finding)}" data-pagefind-ignore>'
            f'Repeats a debunked claim{f" ({matched})" if matched else ""}: see the correction</a>')


def debunk_note_html(correction, explainer_href: str) -> str:
    """The neutral note on an article that reports the debunk: it quotes the
    claim to refute it, so it is not marked as repeating it."""
    anchor = f"context-{correction.slug}"
    return (
        f'<aside class="debunk-note" role="note" id="{anchor}" aria-labelledby="{anchor}-label" data-pagefind-ignore>\n'
        f'<p class="debunk-label" id="{anchor}-label">Context</p>\n'
        f'<p>This article reports the debunk of a claim the archive corrects: {escape(correction.claim)}. '
        f'It is not counted among the outlets that repeated the claim.</p>\n'
        f'<p><a href="{escape(explainer_href)}">The correction, with its sources</a></p>\n'
        f'</aside>\n'
    )
