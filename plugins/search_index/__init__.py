"""Pelican adapter: index the finished site for search with Pagefind, where the index is needed.

`SEARCH_INDEX` decides (off in pelicanconf.py, so that a maintainer's
previews rebuild fast; on in publishconf.py, and `invoke preview`,
`publish` and `gh-pages` turn it on whatever the settings say).  With it
off, the site has no `pagefind/` folder and its search page says that the
index is built at publication.  With it on, archive.search_index runs
Pagefind once every page is written, over the folders that hold pages
marked for search, and keeps the index in CACHE_PATH/search/ (setting
`SEARCH_INDEX_CACHE`): a build whose indexed pages did not change copies it
instead of running Pagefind again.

Pages mark what is indexed: `data-pagefind-body` on the archived text and
our own explanations, `data-pagefind-ignore` on notices, markers and links
we add, so search finds what the outlets wrote.  A failure is logged as an
error naming what failed, which fails the build.
"""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from archive.search_index import IndexFailed, build_index, remove_index

log = logging.getLogger(__name__)
#: Where every page of the theme (base.html) holds its marked text and its filter and meta values:
#: Pagefind need not walk the header, the navigation or the footer.
ROOT_SELECTOR = "main"


def index_site(pelican):
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", False):
        remove_index(pelican.output_path)   # one an earlier build left in the same output folder
        return
    kept = Path(settings["CACHE_PATH"]) / "search" if settings.get("SEARCH_INDEX_CACHE", True) else None
    try:
        indexed = build_index(Path(pelican.output_path), kept, root=ROOT_SELECTOR)
    except IndexFailed as failed:
        log.error("search index: %s", failed)
        return
    log.info("search index: %d pages indexed, %d HTML files read%s", indexed.pages_indexed, indexed.pages_read,
             "; unchanged, the kept index was copied" if indexed.reused else "")
    if indexed.pages_indexed < indexed.pages_marked:
        log.warning("search index: %d of the %d pages marked for search (data-pagefind-body) are not in it: "
                    "a page's mark outside <%s>, or a page with no text", indexed.pages_marked - indexed.pages_indexed,
                    indexed.pages_marked, ROOT_SELECTOR)


def register():
    signals.finalized.connect(index_site)
