"""Pelican adapter: the overview of the spread (overview.html).

A matrix of outlets by repeated statements and a timeline of the articles and
of the events where the correction came in, both computed at every build by
`archive.overview` (and drawn by `archive.timeline_svg`) from what the other
plugins left in the shared context: the analysis ("archive_analysis") and the
corrections ("archive_corrections"). A new article shows up at the next build.

The events come from each correction's own "## Events" section.
"""
from __future__ import annotations

from pelican import signals

from archive.overview import Event, claim_event, note_events, spread_matrix, spread_timeline
from archive.reuse_view import STRENGTH_WORDS
from archive.timeline_svg import draw_timeline
from pelican.generators import Generator

from archive_analysis import analysis_of, connect

SAVE_AS = "overview.html"


def _events(explainers: list[dict]) -> list[Event]:
    events = []
    for explainer in explainers:
        correction = explainer["correction"]
        events.append(claim_event(correction.claimant, correction.claim, correction.claim_date, explainer["url"]))
        events += [Event(e.date, e.title, e.detail, explainer["url"], e.source) for e in correction.events]
    return events


def _handling(explainers: list[dict]) -> dict[str, str]:
    """Article slug -> how its outlet handled the claim, in words."""
    status = {}
    for explainer in explainers:
        for finding in explainer["findings"]:
            status.setdefault(finding.article.slug, finding.handling_status)
    return status


def overview(analysis, explainers: list[dict], settings: dict):
    """The matrix and the timeline (with its drawing) for the page."""
    # The group pages' labels, so both name a statement alike.
    labels = {view.id: view.label for view in analysis.group_views}
    matrix = spread_matrix(analysis.reuse, analysis.facts, analysis.paragraph_order, analysis.texts, labels,
                           settings.get("OVERVIEW_MAX_STATEMENTS"))
    status = _handling(explainers)
    events = _events(explainers) + note_events(analysis.facts)
    timeline = spread_timeline(analysis.facts, matrix, events, status, settings.get("OVERVIEW_MAX_TIMELINE_ARTICLES"))
    drawing = draw_timeline(timeline, "Timeline of the archived articles and of the correction")
    return matrix, timeline, drawing


class OverviewGenerator(Generator):
    """Writes overview.html once every plugin has filled the context."""

    def generate_output(self, writer):
        analysis = analysis_of(self.context)
        explainers = self.context.get("archive_corrections", [])
        matrix, timeline, drawing = overview(analysis, explainers, self.settings)
        writer.write_file(SAVE_AS, self.get_template("overview"), self.context, matrix=matrix, timeline=timeline,
                          drawing=drawing, explainers=explainers, strength_words=STRENGTH_WORDS,
                          relative_urls=self.settings["RELATIVE_URLS"], url=SAVE_AS)


def add_generator(pelican):
    return OverviewGenerator


def register():
    connect()
    signals.get_generators.connect(add_generator)
