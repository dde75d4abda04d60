"""sitemap.xml and robots.txt from the list of pages a build wrote."""
from __future__ import annotations

from xml.sax.saxutils import escape


def sitemap_xml(site_url: str, paths: list[str]) -> str:
    """A sitemap of absolute addresses, sorted, one <url> per page."""
    entries = "".join(f"  <url><loc>{escape(f'{site_url}/{path}')}</loc></url>\n" for path in sorted(set(paths)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")


def robots_txt(site_url: str | None) -> str:
    """Everything may be crawled; the sitemap is named where its address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}/sitemap.xml")
    return "\n".join(lines) + "\n"
