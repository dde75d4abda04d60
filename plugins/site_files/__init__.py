"""Pelican adapter: robots.txt always; sitemap.xml when the site's absolute
address is known (SITEURL in publishconf.py), since a sitemap must list
absolute addresses."""
from __future__ import annotations

from pathlib import Path

from pelican import signals

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
    site_url = (pelican.settings.get("SITEURL") or "").rstrip("/")
    absolute = site_url.startswith(("http://", "https://"))
    if absolute:
        pages = [p.relative_to(output).as_posix() for p in output.rglob("*.html")
                 if p.name != "404.html" and not p.relative_to(output).parts[0] in ("theme", "pagefind")
                 and not _redirects(p, output)]
        (output / "sitemap.xml").write_text(sitemap_xml(site_url, pages), encoding="utf-8")
    (output / "robots.txt").write_text(robots_txt(site_url if absolute else None), encoding="utf-8")


def register():
    signals.finalized.connect(write_site_files)
