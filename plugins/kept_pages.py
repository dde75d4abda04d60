"""Pelican adapter: pages whose inputs did not change are copied, not rendered again.

Pelican renders every page at every build.  This writer gives each page of
a kind it knows a digest of what the page is made from, and copies the page
an earlier build rendered from the same inputs (archive.page_store) instead
of rendering it.  What a page is made from:

* for every page: the theme's files, the code of the plugins, the versions
  of Pelican, Jinja and mistune, every setting, and what the header shows on
  every page (the pages and corrections in the navigation);
* an article page: everything of the article its template shows (title,
  summary, the archive's facts, the text with its marks, the notices, the
  corrections, its statement groups, the import record, its outlet's
  address);
* a statement page, or the page an old statement address leads on from:
  the statement group as it shows it.

Every other page (the index, the outlet pages, the overview, feeds...) shows
something of every article and is rendered at every build.  An incremental
build writes what a clean build writes, byte for byte (tests/test_kept_pages.py
builds, changes, rebuilds, and compares with a clean build).  The pages are
kept in CACHE_PATH/pages/ (setting PAGE_CACHE); the folder is safe to delete.

Pelican lets a site have one writer, so this is the base of the site's
writer (archive_feeds' ArchiveFeedWriter) rather than a plugin of its own.
"""
from __future__ import annotations

import importlib.metadata
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from archive.digests import files_digest, folder_digest
from archive.page_store import PageStore, describe, digest

_PLUGINS = Path(__file__).resolve().parent
_VERSIONS = tuple(f"{name} {importlib.metadata.version(name)}" for name in ("pelican", "jinja2", "mistune"))
#: Settings that say where things are, not what a page says: a clean build elsewhere makes the same pages.
_WHERE = {"PATH", "OUTPUT_PATH", "CACHE_PATH", "THEME", "PLUGIN_PATHS", "PAGE_PATHS", "ARTICLE_PATHS"}
#: Attributes of an article that its page shows (theme/templates/article.html), as plain data.  Its
#: address and summary are left out: they follow from its metadata, its text and the settings.
_ARTICLE_SHOWS = ("title", "slug", "archive", "import_record", "status", "lang")


class KeptPagesWriter(Writer):
    """A Pelican writer that copies the pages whose inputs an earlier build rendered."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        enabled = bool(settings and settings.get("PAGE_CACHE", True))
        self._store = PageStore(Path(settings["CACHE_PATH"]) / "pages") if enabled else None
        self._site: str | None = None
        self._copied: set[Path] = set()
        _writers.append(self)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        inputs = _page_inputs(template.name, kwargs) if self._store and name and not override_output else None
        if inputs is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        local_url = path_to_url(get_relative_path(name)) if relative_urls else None
        if local_url:
            context["localsiteurl"] = local_url  # as Pelican's writer sets it, before the article's text is read
        key = digest(self._site_inputs(context), name, template.name, describe(local_url), inputs())
        path = Path(sanitised_join(self.output_path, name))
        if path in self._copied or not self._store.copy_to(key, path):
            super().write_file(name, template, context, relative_urls, paginated, template_name, override_output,
                               url, **kwargs)
            self._store.keep(key, path)
            return
        self._copied.add(path)
        # Pelican's own signal, with the context the page would have been rendered with.
        local = {**context, "localsiteurl": local_url, "output_file": name, **kwargs}
        if local_url:
            local["SITEURL"] = local_url
        signals.content_written.send(str(path), context=local)

    def _site_inputs(self, context) -> str:
        """What every page is made from (computed once, when the first page is written)."""
        if self._site is None:
            theme = Path(context["THEME"])
            settings = {key: value for key, value in context.items() if key.isupper() and key not in _WHERE}
            menu = [(page.url, getattr(page, "menu_title", page.title), page.status)
                    for page in context.get("pages", ())]
            corrections = [(explainer["url"], explainer["correction"].claim)
                           for explainer in context.get("archive_corrections", ())]
            self._site = digest(folder_digest(theme),
                                files_digest(_PLUGINS.rglob("*.py"), _PLUGINS), *_VERSIONS,
                                describe(settings), describe(menu), describe(corrections))
        return self._site

    def prune(self) -> None:
        if self._store is not None:
            self._store.prune()


def _page_inputs(template: str, kwargs: dict):
    """A function describing what a page of `template` is made from, or None for pages always rendered."""
    if template == "article.html" and set(kwargs) <= {"article", "category", "blog"}:
        return lambda: _article_inputs(kwargs["article"]) + describe(kwargs.get("blog"))
    if template in ("group.html", "group_moved.html") and set(kwargs) <= {"group", "strength_words"}:
        # A group's view is frozen dataclasses of plain values all the way down: their repr says it all.
        return lambda: repr(kwargs["group"]) + describe(kwargs.get("strength_words"))
    return None


def _article_inputs(article) -> str:
    shown = {name: getattr(article, name, None) for name in _ARTICLE_SHOWS}
    corrections = [(applied["url"], applied["json_ld"]) for applied in getattr(article, "corrections", ())]
    groups = [(view.url, view.label, len(view.variants), view.variants[0].article.outlet_label)
              for view in getattr(article, "reuse_groups", None) or ()]
    # The notes set beside the paragraphs are frozen dataclasses of plain values: their repr says all they show.
    notes = repr(sorted(getattr(article, "also_in", {}).items())) + repr(sorted(getattr(article, "claim_flags", {}).items()))
    return digest(describe(shown), article.content, notes, *getattr(article, "notices", ()), describe(corrections),
                  describe(groups), describe(article.metadata.get("summary")), article.category.url)


_writers: list[KeptPagesWriter] = []


def _prune(pelican) -> None:
    """The build is complete: the store keeps only the pages it was asked for."""
    while _writers:
        _writers.pop().prune()


def register():
    signals.finalized.connect(_prune)
