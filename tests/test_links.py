"""Every internal link and anchor of the built site resolves: served from
localhost, published under a sub-path, and opened as plain files.

Each check reads every .html page of output/ (Pagefind's own files aside),
follows every address a page gives (links, stylesheets, scripts, forms,
citations, canonical and Open Graph addresses), and, where an address has a
#fragment, looks for an element with that id in the page it points to. The
published build's feeds, sitemap and robots.txt are followed the same way.
"""
from __future__ import annotations

import contextlib
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from bs4 import BeautifulSoup

from browser import serve
from conftest import PUBLISHED_SITEURL
from site_pages import html_pages

# Every attribute of HTML that holds an address a reader's browser follows.
ADDRESS_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "form": ("action",),
    "script": ("src",), "img": ("src",), "iframe": ("src",), "source": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "blockquote": ("cite",), "q": ("cite",), "ins": ("cite",), "del": ("cite",),
}
ADDRESS_META = ("og:url", "og:image")
ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def addresses_in_html(html: str | bytes) -> list[tuple[str, str]]:
    """(what, address) for every address the page gives, `what` naming the element."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(list(ADDRESS_ATTRIBUTES)):
        for attribute in ADDRESS_ATTRIBUTES[tag.name]:
            value = tag.get(attribute)
            if value is not None:
                found.append((f"<{tag.name} {attribute}>", value.strip()))
    for meta in soup.find_all("meta", property=list(ADDRESS_META)):
        found.append((f"<meta property={meta['property']}>", meta.get("content", "").strip()))
    return found


def ids_in(html: bytes) -> set[str]:
    return {tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)}


class Site:
    """A built site as a reader reaches it.

    `home` is the address of output/ (ending in /). `published_as`, when the
    pages carry absolute addresses, is the address they were built for: it is
    mapped onto `home`, and any other address on that host is a broken link.
    """

    def __init__(self, home: str, published_as: str | None = None):
        self.home = home
        self.published_as = published_as
        self._bodies: dict[str, bytes | None] = {}
        self._ids: dict[str, set[str]] = {}
        self.followed = 0
        self.anchors = 0

    def local(self, address: str) -> str | None:
        """The local address an absolute one stands for, or None if it is outside the site.
        Raises LookupError for an address on the site's host but outside the site."""
        if self.published_as:
            if address.startswith(self.published_as):
                return self.home + address[len(self.published_as):]
            if urlsplit(address).netloc == urlsplit(self.published_as).netloc:
                raise LookupError(f"on {urlsplit(address).netloc} but outside {self.published_as}")
        if address.startswith(self.home):
            return address
        here, home = urlsplit(address), urlsplit(self.home)
        if (here.scheme, here.netloc) == (home.scheme, home.netloc):
            raise LookupError("outside the site's folder")
        return None

    def fetch(self, address: str) -> bytes | None:
        if address not in self._bodies:
            self._bodies[address] = self._read(address)
        return self._bodies[address]

    def _read(self, address: str) -> bytes | None:
        if address.startswith("file:"):
            path = Path(url2pathname(urlsplit(address).path))
            return path.read_bytes() if path.is_file() else None
        try:
            with urllib.request.urlopen(address, timeout=10) as response:
                return response.read()
        except urllib.error.HTTPError:
            return None

    def problems_of(self, source: str, links: list[tuple[str, str]], base: str) -> list[str]:
        """What is wrong with the links `source` gives, read against `base`."""
        problems = []
        for what, given in links:
            if not given:
                problems.append(f"{source}: {what} is empty")
                continue
            address = urljoin(base, given)
            if urlsplit(address).scheme not in ("http", "https", "file"):
                continue  # mailto:, tel:, data: are not pages of the site
            try:
                local = self.local(address)
            except LookupError as outside:
                problems.append(f"{source}: {what} {given!r} is {outside}")
                continue
            if local is None:
                continue  # another site: not ours to crawl
            page, fragment = urldefrag(local)
            body = self.fetch(page)
            self.followed += 1
            if body is None:
                problems.append(f"{source}: {what} {given!r} -> {page} does not exist")
            elif fragment:
                self.anchors += 1
                if page not in self._ids:
                    self._ids[page] = ids_in(body)
                if unquote(fragment) not in self._ids[page]:
                    problems.append(f"{source}: {what} {given!r} -> no element with id {unquote(fragment)!r} in {page}")
        return problems

    def check_pages(self, output: Path, leave_out: tuple[str, ...] = ()) -> list[str]:
        problems = []
        for path in html_pages(output, moved=True):
            relative = path.relative_to(output).as_posix()
            if relative in leave_out:
                continue
            address = self.home + relative
            body = self.fetch(address)
            assert body is not None, f"{relative} is in output/ but {address} does not load"
            problems += self.problems_of(relative, addresses_in_html(body), address)
        return problems


@contextlib.contextmanager
def served_under(output: Path, prefix: str, scratch: Path):
    """Serve `output` at http://127.0.0.1:PORT/<prefix>/, as a host serves a sub-path."""
    root = scratch / "host-root"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(output, target_is_directory=True)
    with serve(root) as base:
        yield f"{base}/{prefix}/"


def feed_links(feed_xml: bytes, feed_address: str) -> list[tuple[str, list[tuple[str, str]], str]]:
    """(source, links, base) for the feed and each entry, as a feed reader reads them:
    addresses resolve against xml:base where given, else against the feed's own address."""
    root = ET.fromstring(feed_xml)
    assert root.tag == f"{ATOM}feed", root.tag
    feed_base = urljoin(feed_address, root.get(XML_BASE, ""))
    groups = [("feed", [("<link href>", link.get("href", "")) for link in root.findall(f"{ATOM}link")], feed_base)]
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), 1):
        base = urljoin(feed_base, entry.get(XML_BASE, ""))
        title = entry.findtext(f"{ATOM}title", default=f"entry {number}")
        links = [("<link href>", link.get("href", "")) for link in entry.findall(f"{ATOM}link")]
        entry_id = entry.findtext(f"{ATOM}id", default="")
        if entry_id.startswith(("http:", "https:")):
            links.append(("<id>", entry_id))
        for part in ("summary", "content"):
            element = entry.find(f"{ATOM}{part}")
            if element is not None and element.get("type") == "html" and element.text:
                links += [(f"<{part}> {what}", address) for what, address in addresses_in_html(element.text)]
        groups.append((f"entry {title!r}", links, base))
    return groups


def test_every_link_and_anchor_resolves_when_served_from_localhost(built_site):
    with serve(built_site.output) as base:
        site = Site(f"{base}/")
        problems = site.check_pages(built_site.output)
    assert not problems, "\n".join(problems)
    assert site.followed > 500 and site.anchors > 100, "the crawl followed too few links to mean anything"


def test_every_link_and_anchor_resolves_when_published_under_a_sub_path(published_site, tmp_path):
    with served_under(published_site.output, "archive", tmp_path) as home:
        site = Site(home, published_as=f"{PUBLISHED_SITEURL}/")
        problems = site.check_pages(published_site.output)
    assert not problems, "\n".join(problems)
    assert site.followed > 500 and site.anchors > 100, "the crawl followed too few links to mean anything"


def test_every_link_and_anchor_resolves_from_plain_files(built_site):
    """Opened from disk there is no server to add index.html or map a path:
    every link must name a file that exists, and every anchor an id in it."""
    site = Site(built_site.output.as_uri() + "/")
    # Only a host shows 404.html, for any missing address: its links start at the
    # site's root (see the site_files plugin), which plain files do not have. The
    # served crawls above check it; test_tasks and test_browser_site at a nested address.
    problems = site.check_pages(built_site.output, leave_out=("404.html",))
    assert not problems, "\n".join(problems)
    assert site.followed > 500 and site.anchors > 100, "the crawl followed too few links to mean anything"


def test_every_link_in_the_feeds_sitemap_and_robots_resolves(published_site, tmp_path):
    output = published_site.output
    with served_under(output, "archive", tmp_path) as home:
        site = Site(home, published_as=f"{PUBLISHED_SITEURL}/")
        problems = []
        for feed in ("feeds/all.atom.xml", "feeds/corrections.atom.xml"):
            groups = feed_links((output / feed).read_bytes(), f"{PUBLISHED_SITEURL}/{feed}")
            assert len(groups) > 1, f"{feed} has no entries"
            for source, links, base in groups:
                problems += site.problems_of(f"{feed}: {source}", links, base)
        sitemap = ET.fromstring((output / "sitemap.xml").read_bytes())
        locations = [("<loc>", loc.text or "") for loc in sitemap.iter(f"{SITEMAP}loc")]
        assert len(locations) >= len(html_pages(output)) - 1, "the sitemap leaves pages out"  # all but 404.html
        problems += site.problems_of("sitemap.xml", locations, f"{PUBLISHED_SITEURL}/sitemap.xml")
        robots = (output / "robots.txt").read_text(encoding="utf-8").splitlines()
        named = [("Sitemap:", line.split(":", 1)[1].strip()) for line in robots if line.lower().startswith("sitemap:")]
        assert named, "robots.txt names no sitemap"
        problems += site.problems_of("robots.txt", named, f"{PUBLISHED_SITEURL}/robots.txt")
    assert not problems, "\n".join(problems)
    # Every archived paragraph in a feed entry links to its own anchor on the article's page.
    paragraph_links = (output / "feeds/all.atom.xml").read_text(encoding="utf-8").count('class="para-anchor"')
    assert paragraph_links > 20 and site.anchors >= paragraph_links, "the feeds' paragraph links were not followed"


def test_the_crawl_reports_missing_pages_anchors_and_addresses_outside_the_site(tmp_path):
    """The checker itself: it must catch each kind of broken link."""
    output = tmp_path / "output"
    (output / "sub").mkdir(parents=True)
    (output / "index.html").write_text(
        '<a href="sub/page.html#here">ok</a><a href="sub/page.html#gone">no anchor</a>'
        '<a href="missing.html">no page</a><a href="/index.html">root</a><a href="sub/">folder</a>'
        '<a href="https://example.org/elsewhere.html">same host</a><a href="https://other.example/">other site</a>',
        encoding="utf-8")
    (output / "sub" / "page.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (output / "sub" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    site = Site(output.as_uri() + "/")
    problems = site.problems_of("index.html", addresses_in_html((output / "index.html").read_bytes()),
                                output.as_uri() + "/index.html")
    joined = "\n".join(problems)
    assert "no element with id 'gone'" in joined
    assert "missing.html" in joined
    assert "'/index.html' is outside the site's folder" in joined
    assert "'sub/' -> " in joined  # a folder is no page when read from plain files
    assert "other.example" not in joined and "#here" not in joined
    published = Site(output.as_uri() + "/", published_as="https://example.org/archive/")
    elsewhere = [("<a href>", "https://example.org/elsewhere.html")]
    assert published.problems_of("x", elsewhere, "https://example.org/archive/") == [
        "x: <a href> 'https://example.org/elsewhere.html' is on example.org but outside https://example.org/archive/"]
