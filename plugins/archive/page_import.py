"""Import a web page saved from the browser (.html) as one archived article.

trafilatura (the reference library for finding the article in a page)
finds the article's text and the page's metadata: headline, author, date,
site name, canonical address.  Then, as for a text dump:

* the article's lines go through the same importer (:func:`archive.importer.import_lines`):
  furniture rules, header window (a byline or date line printed above the
  text), captions, language;
* every field is checked against the page before it is used: a value the
  page does not state (trafilatura falls back to a site name made from the
  address, htmldate to a date found in the address) is left unknown, and
  the record says where each used value is stated (``meta
  property="og:site_name"``, ``JSON-LD``, ``<link rel="canonical">``, a line);
* every block of text the page shows and the article does not keep -- what
  trafilatura left out (navigation, share rows, related links, footer) and
  what the furniture rules took out -- goes into the import record with its
  line in the HTML file, so nothing the page said is lost.

Line numbers are those of the saved HTML file (a page saved on one line
gives every block line 1; the text still says which block it was).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .article_fields import check_address
from .furniture import classify
from .importer import ImportProblem, ImportResult, import_lines, is_running_text
from .importer_dates import parse_date_text
from .importer_header import read_header_line, read_role_line

__all__ = ["import_page", "decode_page", "EXTRACTOR", "MAX_PAGE_BYTES"]

#: The largest saved page read: a page saved from a browser, with its inline
#: scripts and styles, runs to a few megabytes; the article in it is far smaller.
MAX_PAGE_BYTES = 20_000_000
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

#: Recorded in each import record: the extractor and its version decide what
#: was kept, so a later re-import can be compared.
EXTRACTOR = "trafilatura"

# Elements whose text starts a new block when the page is shown as plain text.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "ul",
}
_NO_TEXT_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "button", "select"}
# Metadata that names a date: <meta property="article:published_time">, name="date", itemprop="datePublished"...
_DATE_META = re.compile(r"date|time|published|issued|created", re.IGNORECASE)
_URL_META = {"og:url", "twitter:url"}


def _fold(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Block:
    line: int
    text: str   # white space folded, as a reader sees it


@dataclass(frozen=True)
class _Stated:
    """One place the page states something: where, and the text it states."""
    line: int
    source: str
    text: str


class _Page:
    """What the saved page shows and states, read once with lxml."""

    def __init__(self, html: str):
        from lxml import etree, html as lxml_html

        try:
            try:
                self.tree = lxml_html.document_fromstring(html)
            except ValueError:   # lxml takes no text that declares its encoding (<?xml ... encoding=...?>)
                self.tree = lxml_html.document_fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError) as err:
            raise ImportProblem(f"not a web page lxml can read: {err}", 1) from None
        self.blocks = self._blocks()
        self.meta = self._meta()
        self.json_ld = self._json_ld()
        titles = self.tree.findall(".//title")
        self.title = _Stated(titles[0].sourceline or 1, "<title>", _fold(titles[0].text_content())) if titles else None

    def _blocks(self) -> list[_Block]:
        body = self.tree.find(".//body")
        out: list[_Block] = []
        if body is None:
            return out
        for element in body.iter():
            if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
                continue
            if any(a.tag in _NO_TEXT_TAGS for a in element.iterancestors() if isinstance(a.tag, str)):
                continue
            parts = [element.text or ""]
            for child in element:
                if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag not in _NO_TEXT_TAGS:
                    if child.tag == "br":
                        parts.append(" ")
                    else:
                        parts.append(child.text_content())
                parts.append(child.tail or "")
            text = _fold("".join(parts))
            if text:
                out.append(_Block(element.sourceline or 1, text))
        return out

    def _meta(self) -> list[_Stated]:
        stated = []
        for element in self.tree.iter("meta", "link"):
            if element.tag == "meta" and element.get("content"):
                key = next(((a, element.get(a)) for a in ("property", "name", "itemprop") if element.get(a)), None)
                if key:
                    stated.append(_Stated(element.sourceline or 1, f'meta {key[0]}="{key[1]}"', _fold(element.get("content"))))
            elif element.tag == "link" and "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
                stated.append(_Stated(element.sourceline or 1, '<link rel="canonical">', element.get("href").strip()))
        return stated

    def _json_ld(self) -> list[_Stated]:
        """Every string value of the page's JSON-LD, with its key path ("author.name")."""
        stated: list[_Stated] = []

        def walk(value: Any, path: str, line: int) -> None:
            if isinstance(value, dict):
                for key, inner in value.items():
                    walk(inner, f"{path}.{key}" if path else str(key), line)
            elif isinstance(value, list):
                for inner in value:
                    walk(inner, path, line)
            elif isinstance(value, str) and value.strip():
                stated.append(_Stated(line, f"JSON-LD {path}", _fold(value)))

        for script in self.tree.iter("script"):
            if (script.get("type") or "").lower() != "application/ld+json":
                continue
            try:
                walk(json.loads(script.text or ""), "", script.sourceline or 1)
            except json.JSONDecodeError:
                continue   # a broken block states nothing we can read
        return stated

    # -- where the page states a value ---------------------------------------------

    def where_named(self, value: str) -> _Stated | None:
        """Where the page states a name (headline, site name, author) as text:
        in metadata that is not an address, in its title, or in a block it shows.
        The result's text is the name as the page prints it (trafilatura may
        have changed its case)."""
        wanted = _fold(value).casefold()
        places = [s for s in self.meta + self.json_ld if not _looks_like_address(s.text)]
        places += [self.title] if self.title else []
        places += [_Stated(b.line, "text", b.text) for b in self.blocks]
        for place in places:
            at = place.text.casefold().find(wanted)
            if at >= 0:
                return _Stated(place.line, place.source, place.text[at:at + len(wanted)])
        return None

    def where_address(self, value: str) -> _Stated | None:
        for place in self.meta + self.json_ld:
            if place.text == value and (place.source == '<link rel="canonical">'
                                        or any(f'"{name}"' in place.source for name in _URL_META)
                                        or place.source.endswith(".url") or place.source == "JSON-LD url"):
                return place
        return None

    def where_dated(self, day: str) -> tuple[_Stated, str] | None:
        """The most precise statement of the calendar day `day` (YYYY-MM-DD):
        a date in metadata, a <time datetime>, or a date line the page shows."""
        places = [s for s in self.meta if _DATE_META.search(s.source)]
        places += [s for s in self.json_ld if _DATE_META.search(s.source)]
        places += [_Stated(t.sourceline or 1, "<time datetime>", t.get("datetime").strip())
                   for t in self.tree.iter("time") if t.get("datetime")]
        places += [_Stated(b.line, "text", b.text) for b in self.blocks if len(b.text) <= 120]
        found = []
        for place in places:
            parsed = parse_date_text(place.text)
            if parsed is None and place.source == "text":
                info = read_header_line(place.text)
                value = info.values.get("date") if info else None
            else:
                value = str(parsed) if parsed else None
            if value and value[:10] == day:
                found.append((place, value))
        # the longest value states the most: a time, then a zone
        return max(found, key=lambda f: len(f[1]), default=None)


def decode_page(raw: bytes, path: str) -> str:
    """A saved page's bytes as text: UTF-8, or the encoding the page declares
    (pages of Russian outlets are often saved as windows-1251)."""
    from .problems import ContentError, Problem

    if len(raw) > MAX_PAGE_BYTES:
        raise ContentError(Problem(path, 1, f"the page has {len(raw):,} bytes; the archive reads saved pages of at most "
                                            f"{MAX_PAGE_BYTES:,} (is this the right file?)"))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        declared = _CHARSET.search(raw[:4096])
        if declared is None:
            line = raw[: err.start].count(b"\n") + 1
            raise ContentError(Problem(path, line, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}) and the page declares "
                                                   "no other encoding (<meta charset=...>)")) from None
    name = declared.group(1).decode("ascii", "replace")
    try:
        return raw.decode(name)
    except (LookupError, UnicodeDecodeError) as err:
        raise ContentError(Problem(path, 1, f"the page declares the encoding {name!r}, but cannot be read in it: {err}")) from None


def _looks_like_address(text: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//|^www\.", text))


def _extract(html: str):
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,   # readers' comments are not the article
        include_tables=True,
        favor_precision=True,     # a wrong line in the article is worse than one left in the record
        deduplicate=False,
        # only dates the page's markup states, not ones read from its address or guessed from its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _article_lines(text: str, page: _Page) -> list[tuple[int, str]]:
    """trafilatura's lines, each with the line of the page block it came from.

    Blocks are matched in order, so a sentence the page repeats is matched
    to the right copy; a line matching no block (trafilatura joined or cut
    blocks) takes the line of the block before it."""
    lines: list[tuple[int, str]] = []
    cursor, last = 0, page.blocks[0].line if page.blocks else 1
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        folded = _fold(line)
        match = next((i for i in range(cursor, len(page.blocks)) if page.blocks[i].text == folded), None)
        if match is None:
            match = next((i for i in range(cursor, len(page.blocks)) if folded in page.blocks[i].text), None)
        if match is not None:
            last = page.blocks[match].line
            cursor = match + 1 if page.blocks[match].text == folded else match
        if lines:
            lines.append((last, ""))   # each of trafilatura's lines is a paragraph
        lines.append((last, line))
    return lines


def _fields(document, page: _Page) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The header values trafilatura found that the page states, and a
    record entry for each saying where; the others are dropped."""
    stated: dict[str, str] = {}
    entries: list[dict[str, Any]] = []

    def use(field: str, value: str, where: _Stated) -> None:
        stated[field] = value
        entries.append({"line": where.line, "kind": "page-metadata", "field": field, "text": where.text,
                        "values": {field: value}, "source": where.source})

    if document.sitename:
        where = page.where_named(document.sitename)
        if where is not None:
            use("outlet", where.text, where)
    if document.author:
        names = [page.where_named(name) for name in document.author.split(";") if name.strip()]
        if names and all(names):
            use("author", ", ".join(n.text for n in names), names[0])
    if document.date:
        dated = page.where_dated(document.date[:10])
        if dated is not None:
            use("date", dated[1], dated[0])
    if document.url and check_address(document.url) is None and document.url.lower() != "unknown":
        where = page.where_address(document.url)
        if where is not None:
            use("original", document.url, where)
    return stated, entries


def _header_blocks(page: _Page, article: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Bylines and date lines the page shows above the article text but
    trafilatura left out ("By Jane Roe" in a byline box): given to the
    importer ahead of the text, so that its header window lifts them."""
    kept = {_fold(text) for _, text in article}
    # "above the text": before the first paragraph of running text (the headline may come first)
    first_line = next((line for line, text in article if is_running_text(text)), article[0][0] if article else 0)
    out = []
    for block in page.blocks:
        if block.line > first_line:
            break
        if block.text in kept:
            continue
        if read_header_line(block.text) is not None or read_role_line(block.text) is not None:
            out += [(block.line, block.text), (block.line, "")]
    return out


def import_page(html: str, source_name: str) -> ImportResult:
    """Import one saved web page; `source_name` is recorded as ``Imported-From``.

    Raises :class:`ImportProblem` when the page holds no article text.
    """
    if not html.strip():
        raise ImportProblem("the file is empty: there is no page to import", 1)
    page = _Page(html)
    document = _extract(html)
    if document is None or not (document.text or "").strip():
        raise ImportProblem("trafilatura found no article text in this page (is it the article's page, saved "
                            "whole, and not an index or a login page?)", 1)
    article = _article_lines(document.text, page)
    lines = _header_blocks(page, article) + article
    stated, entries = _fields(document, page)
    title = None
    if document.title:
        where = page.where_named(document.title)
        title = where.text if where else None
    result = import_lines(lines, source_name, stated=stated, title=title)
    record = dict(result.record)
    record["extractor"] = _extractor_version()
    record["lifted"] = sorted(record["lifted"] + entries, key=lambda e: (e["line"], e["kind"]))
    record["removed"] = sorted(record["removed"] + _left_out(page, lines, result),
                               key=lambda e: (e["line"], e["kind"], e["text"]))
    return ImportResult(markdown=result.markdown, record=record, slug=result.slug, header=result.header)


def _left_out(page: _Page, given: list[tuple[int, str]], result: ImportResult) -> list[dict[str, Any]]:
    """A record entry for every block the page shows that the importer was not given.

    The headline, when trafilatura kept it out of the text, is not lost: it
    is the article's title."""
    given_texts = {_fold(text) for _, text in given if text.strip()}
    title = _fold(result.header.get("Title", ""))
    out = []
    for block in page.blocks:
        if block.text in given_texts or block.text == title:
            continue
        # a long block inside a kept line: trafilatura joined two blocks (a short
        # one, "Syria", may be in any sentence, and must be recorded)
        if len(block.text.split()) >= 6 and any(block.text in text for text in given_texts):
            continue
        out.append({"line": block.line, "kind": classify(block.text) or "outside-article", "text": block.text,
                    "by": EXTRACTOR})
    return out


def _extractor_version() -> str:
    from importlib.metadata import version

    return f"{EXTRACTOR} {version(EXTRACTOR)}"
