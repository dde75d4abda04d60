"""Pelican adapter: index the finished site for search with Pagefind.

Runs Pagefind (the PyPI package's own binary) over the output once every
page is written. Pages mark what is indexed: `data-pagefind-body` on the
archived text and our own explanations, `data-pagefind-ignore` on notices,
markers and links we add, so search finds what the outlets wrote.
Its filter index is then sorted (archive.search_filters), so that the
build stays the same byte for byte. A failure is logged as an error, which
fails the build.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from pelican import signals

from archive.search_filters import UnexpectedIndex, sort_filters

log = logging.getLogger(__name__)


def index_site(pelican):
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    run = subprocess.run([sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--silent"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        log.error("search index: Pagefind failed: %s", (run.stderr or run.stdout).strip()[-2000:])
        return
    try:
        sort_filters(Path(pelican.output_path) / "pagefind")
    except UnexpectedIndex as problem:
        log.error("search index: %s", problem)


def register():
    signals.finalized.connect(index_site)
