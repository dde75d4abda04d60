"""Pelican adapter: put each correction's notice on every article that
carries its claim, and write the correction's explainer page.

Which articles carry the claim is decided in `archive.corrections` from the
matches that `archive_analysis` found with the reuse detector.

The list of corrections is in the context ("archive_corrections") before
Pelican writes its index, which links to each explainer; what each
correction found is added to its entry once the analysis is complete, before
the articles, the explainers, the overview and the outlet pages are written.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive.absolute_links import feed_address, site_address
from archive.corrections.apply import by_outlet, find_carriers, outlet_corrections
from archive.corrections.feed import corrections_feed
from archive.corrections.media import CATEGORIES
from archive.corrections.notice import ClaimFlag, matched_passages
from archive.corrections.structured_data import claim_review, correction_comment, media_reviews
from archive.render import render_summary
from archive_analysis import analyse, analysed, connect, corrections

CONTEXT_KEY = "archive_corrections"
#: Outlet (category) slug -> archive.corrections.apply.OutletCorrections, for the outlet pages.
OUTLETS_KEY = "outlet_corrections"


def explainer_url(slug: str) -> str:
    return f"corrections/{slug}.html"


def _absolute(settings, path: str) -> str:
    site = site_address(settings)
    return f"{site}/{path}" if site else path


def list_corrections(generators) -> list[dict]:
    """Each correction and its explainer's address, for the index (listed once)."""
    return generators[0].context.setdefault(CONTEXT_KEY, [
        {"correction": correction, "url": explainer_url(correction.slug)} for correction in corrections(generators)])


def apply_corrections(generators):
    analysis = analyse(generators)
    settings = generators[0].settings
    facts = [analysis.facts[a.slug] for a in analysis.articles]
    by_slug = {a.slug: a for a in analysis.articles}
    for article in analysis.articles:
        article.corrections = []
        article.notices = []   # the notes the archive puts above the archived text (article.html, feeds)
        article.claim_flags = {}   # paragraph id -> its ClaimFlags, set above it by the page template
    notice, context_note = (generators[0].get_template(name) for name in ("_correction_notice", "_debunk_note"))
    applied = []
    for explainer in list_corrections(generators):
        correction, url = explainer["correction"], explainer["url"]
        address, site = _absolute(settings, url), (settings.get("SITENAME", ""), settings.get("SITEURL", ""))
        findings, debunking = find_carriers(correction, facts, analysis.claim_matches.get(correction.slug, {}),
                                            analysis.debunk_matches.get(correction.slug, {}))
        applied += findings
        for finding in findings:
            article = by_slug[finding.article.slug]
            for pid in finding.paragraphs:
                article.claim_flags.setdefault(pid, []).append(
                    ClaimFlag(finding, matched_passages(finding.passages_of(pid))))
            article.notices.append(notice.render(finding=finding, explainer=f"../{url}"))
            article.corrections.append({
                "finding": finding, "url": url,
                "json_ld": correction_comment(finding, address),
            })
        for reporting in debunking:
            article = by_slug[reporting.slug]
            article.notices.append(context_note.render(correction=correction, explainer=f"../{url}"))
        explainer.update({
            "findings": findings, "outlets": by_outlet(findings), "debunking": debunking,
            "explanation": render_summary(correction.explanation),
            "images": [{"image": image, "category": CATEGORIES[image.category]} for image in correction.images],
            # The ClaimReview first, then one MediaReview an image.
            "json_ld": "\n".join([claim_review(correction, findings, address, *site),
                                  *media_reviews(correction, address, *site)]),
        })
    generators[0].context["explainer_urls"] = {e["correction"].slug: e["url"] for e in list_corrections(generators)}
    standing = outlet_corrections(facts, applied)
    generators[0].context[OUTLETS_KEY] = {article.category.slug: standing[analysis.facts[article.slug].source_key]
                                          for article in analysis.articles}


class ExplainerGenerator(Generator):
    """Writes one explainer page per correction, and their feed when asked for."""

    def generate_output(self, writer):
        template = self.get_template("correction")
        explainers = self.context.get(CONTEXT_KEY, [])
        for explainer in explainers:
            writer.write_file(explainer["url"], template, self.context, explainer=explainer,
                              relative_urls=self.settings["RELATIVE_URLS"], url=explainer["url"])
        feed_path = self.settings.get("CORRECTIONS_FEED_ATOM")
        if feed_path:
            site = feed_address(self.settings)
            entries = [(e["correction"], f"{site}/{e['url']}") for e in explainers]
            target = Path(self.output_path) / feed_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(corrections_feed(entries, self.settings["SITENAME"], site, f"{site}/{feed_path}"),
                              encoding="utf-8")


def add_generator(pelican):
    return ExplainerGenerator


def register():
    connect()
    signals.all_generators_finalized.connect(list_corrections)
    analysed.connect(apply_corrections)
    signals.get_generators.connect(add_generator)
