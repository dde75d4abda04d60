"""Pelican adapter: cross-link repeated paragraphs, write a page per
statement group and the reuse data (data/reuse.json).

The finding is done by `archive.reuse`, the presentation by
`archive.reuse_view`; this module places their results on the pages.
"""
from __future__ import annotations

import json
from pathlib import Path

from pelican import signals

from archive.reuse_view import STRENGTH_WORDS, AlsoInMark, also_in, group_url, paragraph_numbers, reuse_data
from pelican.generators import Generator

from archive_analysis import analyse, analysed, analysis_of, connect

DATA_PATH = "data/reuse.json"


def link_paragraphs(generators):
    analysis = analyse(generators)
    numbers = paragraph_numbers(analysis.paragraph_order)
    matches = also_in(analysis.reuse, analysis.facts, numbers)
    views = {view.id: view for view in analysis.group_views}
    groups_of: dict = {}
    for group in analysis.reuse.groups:
        for key in group.members:
            groups_of.setdefault(key, []).append(views[group.id])
    for article in analysis.articles:
        # The marks as data: the page template sets each after its paragraph (_article_body.html).
        article.also_in = {pid: AlsoInMark(tuple(matches[(article.slug, pid)]), tuple(groups_of.get((article.slug, pid), ())))
                           for pid in analysis.paragraph_order[article.slug] if (article.slug, pid) in matches}
        article.reuse_groups = sorted({view.id: view for pid in analysis.paragraph_order[article.slug]
                                       for view in groups_of.get((article.slug, pid), [])}.values(),
                                      key=lambda v: v.variants[0].article.order())


class ReusePagesGenerator(Generator):
    """Writes one page per statement group and the JSON export."""

    def generate_output(self, writer):
        analysis = analysis_of(self.context)
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
