"""Pelican adapter: cross-link repeated paragraphs, write a page per
statement group and the reuse data (data/reuse.json).

The finding is done by `archive.reuse`, the presentation by
`archive.reuse_view`; this module places their results on the pages.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from pelican import signals

from archive.paragraph_html import Decoration, decorate
from archive.reuse_view import STRENGTH_WORDS, also_in, group_url, reuse_data
from archive_analysis import analyse, analysed, connect
from pages_aside import WrittenAside

DATA_PATH = "data/reuse.json"
# From this many statement groups on, their pages and the data file are
# written in a second process while Pelican writes the articles.
BACKGROUND_FROM_GROUPS = 500


def _also_in_html(matches, groups) -> str:
    """Inline only: it sits inside the paragraph, where no block may go.

    Article pages all live in articles/, so links between them are siblings."""
    links = ", ".join(
        f'<a href="{Path(m.article.url).name}#{m.paragraph}">{html.escape(m.article.outlet_label)}</a> '
        f'<span class="strength strength-{m.strength}">({m.strength})</span>'
        for m in matches)
    numbered = len(groups) > 1
    compare = "".join(
        f' · <a class="compare" href="../{group_url(g.id)}">compare all versions'
        f'{f" of statement {n}" if numbered else ""}</a>' for n, g in enumerate(groups, 1))
    return f' <span class="also-in" data-pagefind-ignore><span class="also-in-label">Also in:</span> {links}{compare}</span>'


def link_paragraphs(generators):
    analysis = analyse(generators)
    matches = also_in(analysis.reuse, analysis.facts)
    groups_of: dict = {}
    for group in analysis.reuse.groups:
        for key in group.members:
            groups_of.setdefault(key, []).append(group)
    views = {view.id: view for view in analysis.group_views}
    for article in analysis.articles:
        decorations = {}
        for pid in analysis.paragraph_order[article.slug]:
            key = (article.slug, pid)
            if key in matches:
                strongest = matches[key][0].strength if len({m.strength for m in matches[key]}) == 1 else "mixed"
                decorations[pid] = Decoration(("reused", f"reused-{strongest}"), _also_in_html(matches[key], groups_of.get(key, [])))
        article._content = decorate(article._content, decorations)
        article.reuse_groups = sorted({g.id: views[g.id] for pid in analysis.paragraph_order[article.slug]
                                       for g in groups_of.get((article.slug, pid), [])}.values(),
                                      key=lambda v: v.variants[0].article.order())


class ReusePagesGenerator(WrittenAside):
    """Writes one page per statement group and the JSON export."""

    pages = "the statement pages"

    def worth_writing_aside(self, analysis) -> bool:
        return len(analysis.group_views) >= BACKGROUND_FROM_GROUPS

    def write_pages(self, writer, analysis):
        template, moved = self.get_template("group"), self.get_template("group_moved")
        for view in analysis.group_views:
            writer.write_file(view.url, template, self.context, group=view, strength_words=STRENGTH_WORDS,
                              relative_urls=self.settings["RELATIVE_URLS"], url=view.url)
            for alias in view.aliases:
                writer.write_file(group_url(alias), moved, self.context, group=view,
                                  relative_urls=self.settings["RELATIVE_URLS"], url=group_url(alias))
        writer.write_file("groups/index.html", self.get_template("groups"), self.context,
                          groups=analysis.group_views, relative_urls=self.settings["RELATIVE_URLS"], url="groups/index.html")
        data = reuse_data(analysis.reuse, analysis.facts, analysis.texts, analysis.paragraph_order)
        target = Path(self.output_path) / DATA_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact: at 100,000 paragraphs an indented file is much slower to write and read.
        target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                          encoding="utf-8")


def add_generator(pelican):
    return ReusePagesGenerator


def register():
    connect()
    analysed.connect(link_paragraphs)
    signals.get_generators.connect(add_generator)
