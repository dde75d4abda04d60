"""Pelican adapter: read Markdown content with mistune and our archive rules.

All the work (header parsing, validation, rendering with paragraph anchors)
happens in the `archive` package; this module only turns its results into
what Pelican expects of a reader.  Article bodies already rendered by an
earlier build, from the same text by the same code, are taken from the
cache folder (archive.render_store, setting READING_CACHE).
"""
from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from pelican import signals
from pelican.readers import BaseReader

from archive.article_facts import outlet_label, outlet_page_slug
from archive.article_fields import ArticleMeta, validate
from archive.content_check import CHECKED_SETTING, MARKDOWN_EXTENSIONS, SECTIONS, body_problems, check_content, load
from archive.import_record import load_record, record_path
from archive.problems import ContentError, display_path
from archive.render import ArticleRenderer, render_summary
from archive.render_store import RenderStore

# Pelican requires a date on every article; an article whose source gives
# none gets this placeholder, and `date_known` False so that no template,
# feed or data file ever shows it as a date.
UNKNOWN_DATE_PLACEHOLDER = datetime(1970, 1, 1, tzinfo=timezone.utc)
log = logging.getLogger(__name__)
# The problems of the files read in this run, for refuse_bad_content: Pelican
# itself only logs a file it cannot read, and goes on without it.
_refused: list = []
# The rendering stores of this run, by folder: each generator has readers of
# its own, and the store is pruned once, of what none of them asked for.
_stores: dict[Path, RenderStore] = {}


class MistuneReader(BaseReader):
    enabled = True
    file_extensions = list(MARKDOWN_EXTENSIONS)

    def __init__(self, settings):
        super().__init__(settings)
        self.renderer = ArticleRenderer()
        self.store = None
        if settings.get("READING_CACHE", True):
            folder = Path(settings["CACHE_PATH"]) / "rendered"
            self.store = _stores.setdefault(folder, RenderStore(folder, self.renderer))

    def _section(self, source_path: str):
        # Pelican joins PATH and the file's relative path: no links to resolve.
        top = os.path.relpath(source_path, self.settings["PATH"]).split(os.sep)[0]
        return next((s for s in SECTIONS if top == s.folder), SECTIONS[1])

    def read(self, source_path):
        shown = display_path(source_path)
        doc = load(Path(source_path), shown)
        section = self._section(source_path)
        dateline = doc.value("dateline")
        rendered = (self.store or self.renderer).render(doc.body, dateline)
        problems = validate(doc, section.rules) + body_problems(doc, rendered.errors)
        if problems:
            # Pelican logs only "Could not process" for a failed read, so the
            # problems themselves are logged here, as file:line: message.
            for problem in problems:
                log.error("%s", problem)
            _refused.extend(problems)
            raise ContentError(problems[0])
        metadata = {
            "title": doc.value("title"),
            "slug": doc.value("slug"),
            "paragraphs": rendered.paragraphs,
        }
        if doc.value("status"):
            metadata["status"] = doc.value("status")
        if doc.value("template"):
            metadata["template"] = doc.value("template")
        if doc.value("summary"):
            metadata["summary"] = render_summary(doc.value("summary"))
        metadata["menu_title"] = doc.value("menu-title") or metadata["title"]
        if section.folder == "articles":
            metadata.update(self._article_metadata(doc, Path(source_path)))
        return rendered.html, metadata

    def _article_metadata(self, doc, path: Path) -> dict:
        meta = ArticleMeta.from_document(doc)
        record = record_path(path)
        # An outlet is a category: one page per outlet, an unknown outlet one per article.
        category = self.process_metadata("category", outlet_label(meta.outlet, meta.title))
        if outlet_page_slug(meta.outlet, meta.slug):
            category.slug = outlet_page_slug(meta.outlet, meta.slug)
        return {
            "archive": meta,
            "date": meta.date.moment or UNKNOWN_DATE_PLACEHOLDER,
            "date_known": meta.date.known,
            "archive_sort_key": (meta.date.sort_key(), meta.slug),
            "category": category,
            "lang": meta.lang,
            "import_record": load_record(record, display_path(record)),
        }


def add_reader(readers):
    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension] = MistuneReader


def refuse_bad_content(generators) -> None:
    """Plain `pelican`, `pelican -r` included, refuses what `check` and the
    build refuse, before it writes anything: the same problems, as
    file:line: message, and exit 1 (Pelican itself logs a file it cannot read,
    drops it and writes the rest). Runs once every file is read, at every
    run of an autoreloading Pelican too; the bodies were rendered by the
    reader, so only headers and what spans files are checked again here."""
    settings = generators[0].settings
    problems, _refused[:] = list(_refused), []
    if settings.get(CHECKED_SETTING):
        return   # the build checked, and collects what the reader logs
    problems = sorted(set(problems) | set(check_content(Path(settings["PATH"]), render=False)),
                      key=lambda problem: (problem.path, problem.line or 0, problem.message))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"pelican stopped: {len(problems)} problem(s) in content; nothing was written", file=sys.stderr)
        raise SystemExit(1)


def prune_renderings(pelican) -> None:
    """The build is complete: each store keeps only the renderings this build read."""
    while _stores:
        _, store = _stores.popitem()
        store.prune()


def register():
    signals.all_generators_finalized.connect(refuse_bad_content)
    signals.finalized.connect(prune_renderings)
    signals.readers_init.connect(add_reader)
