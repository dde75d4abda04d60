"""Pelican adapter: the files a static host needs besides the pages.

robots.txt always; sitemap.xml when the site's absolute address is known
(SITEURL in publishconf.py), since a sitemap must list absolute addresses;
and the not-found page (NOT_FOUND_SAVE_AS, 404.html), whose links start at
the site's root instead of being relative to its own place.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive.absolute_links import site_address
from archive.site_files import robots_txt, sitemap_xml


def _redirects(page: Path, output: Path) -> bool:
    """Whether a page only leads on to another address (a statement group that
    moved, under groups/): a sitemap lists the address it leads to instead."""
    if page.relative_to(output).parts[0] != "groups":
        return False
    with page.open(encoding="utf-8") as text:
        return 'http-equiv="refresh"' in text.read(4096)


def write_site_files(pelican):
    output = Path(pelican.output_path)
    site_url = site_address(pelican.settings)
    absolute = site_url.startswith(("http://", "https://"))
    if absolute:
        pages = [p.relative_to(output).as_posix() for p in output.rglob("*.html")
                 if p.name != "404.html" and not p.relative_to(output).parts[0] in ("theme", "pagefind")
                 and not _redirects(p, output)]
        (output / "sitemap.xml").write_text(sitemap_xml(site_url, pages), encoding="utf-8")
    (output / "robots.txt").write_text(robots_txt(site_url if absolute else None), encoding="utf-8")


class NotFoundGenerator(Generator):
    """Writes the not-found page.

    A host serves it for any missing address, e.g. /a/b/c.html, so the
    relative links every other page has (RELATIVE_URLS) would point below
    that address: its stylesheet and links are written from SITEURL instead,
    or from the root ("/theme/...") when SITEURL is empty. Opened as a plain
    file it therefore shows without its style; served, it works at any depth."""

    def generate_output(self, writer):
        save_as = self.settings.get("NOT_FOUND_SAVE_AS")
        if save_as:
            writer.write_file(save_as, self.get_template("404"), self.context, relative_urls=False,
                              template_name="404", page_name=Path(save_as).stem, url=save_as)


def add_generator(pelican):
    return NotFoundGenerator


def register():
    signals.finalized.connect(write_site_files)
    signals.get_generators.connect(add_generator)
