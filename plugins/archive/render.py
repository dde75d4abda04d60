"""Markdown to HTML for archived articles, with a stable anchor on every paragraph.

Built on mistune 3. Three things differ from plain Markdown rendering:

* Every paragraph gets an id derived from its own text (`p-` + 8 hex digits
  of a hash), so the id survives rebuilds, never depends on other articles,
  and survives a maintainer removing a stray paragraph above it. Pages and
  the reuse data both link to these ids.
* Raw HTML is always escaped and shown as text: archived text is untrusted.
* Three fenced blocks mark what a passage is, without touching its words:
  `:::{lang} fr` (a passage in another language), `:::{caption}` (an image
  caption found in the text; the image itself is not archived) and
  `:::{editor-note}` (the outlet's own note about the article).
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any, Sequence

import langcodes
import mistune
from mistune.directives import DirectivePlugin, FencedDirective

from .slugs import slugify

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RenderedParagraph:
    id: str
    number: int
    text: str          # plain text, white space folded
    lang: str | None   # None: the article's own language
    role: str          # "body" or "editor-note"


@dataclass(frozen=True)
class Rendered:
    html: str
    paragraphs: tuple[RenderedParagraph, ...]
    errors: tuple[str, ...]   # unknown or malformed blocks, in text order


@dataclass(frozen=True)
class BodyPart:
    """A piece of a rendered body, for a page template that sets notes beside paragraphs.

    Markup between paragraphs is one part (`paragraph` None).  A paragraph is
    one part split where its class list ends: `html` up to there and `rest`
    after it, so that a template can add classes to the paragraph it decorates
    without touching the archived words."""

    html: str
    rest: str = ""
    paragraph: str | None = None


def paragraph_open(anchor: str) -> str:
    """How an archived paragraph's tag opens, up to the end of its class list."""
    return f'<p id="{anchor}" class="para'


def body_parts(body: str, paragraphs: Sequence[RenderedParagraph]) -> list[BodyPart]:
    """`body` (rendered here, with `paragraphs`) cut into the parts between and of its paragraphs, in order.

    Archived inline text cannot hold a raw `</p>` (it is escaped), so each
    paragraph ends at the first one after its opening."""
    parts, position = [], 0
    for anchor in (paragraph.id for paragraph in paragraphs):
        opening = paragraph_open(anchor)
        start = body.find(opening, position)
        if start < 0:
            raise ValueError(f"paragraph {anchor} is not in the body, or not in its order")
        classes_end, end = start + len(opening), body.index("</p>", start) + len("</p>")
        if start > position:
            parts.append(BodyPart(body[position:start]))
        parts.append(BodyPart(body[start:classes_end], body[classes_end:end], anchor))
        position = end
    if position < len(body):
        parts.append(BodyPart(body[position:]))
    return parts


def paragraph_id(text: str) -> str:
    """Anchor id from a paragraph's own words: stable whatever else changes."""
    digest = hashlib.sha1(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()
    return "p-" + digest[:8]


def plain_text(inline_html: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", inline_html))).strip()


def language_name(code: str) -> str:
    return langcodes.Language.get(code).display_name("en")


class _ArchiveBlocks(DirectivePlugin):
    """Parses the three `:::{name}` blocks into tokens the renderer knows."""

    def parse(self, block, m, state) -> dict[str, Any]:
        name = self.parse_type(m)
        argument = self.parse_title(m).strip()
        children = self.parse_tokens(block, self.parse_content(m), state)
        if name == "lang":
            if not argument or not langcodes.tag_is_valid(argument):
                raise ValueError(f":::{{lang}} needs a valid language code, got {argument!r}")
            return {"type": "lang_passage", "children": children, "attrs": {"lang": argument}}
        if argument:
            raise ValueError(f":::{{{name}}} takes no argument, got {argument!r}")
        return {"type": name.replace("-", "_"), "children": children}

    def __call__(self, directive, md) -> None:
        for name in ("lang", "caption", "editor-note"):
            directive.register(name, self.parse)


class _ArchiveRenderer(mistune.HTMLRenderer):
    """HTML renderer that anchors paragraphs and records them as it goes."""

    # A link in archived text leads to a web page or an address, nothing else:
    # no data: URL (a page or script inside the link), no javascript:, no file:.
    SAFE_PROTOCOLS = ("http:", "https:", "mailto:")
    GOOD_DATA_PROTOCOLS = ()

    def __init__(self) -> None:
        super().__init__(escape=True)
        self.start(None)

    def start(self, dateline: str | None) -> None:
        self.dateline = dateline
        self.paragraphs: list[RenderedParagraph] = []
        self.errors: list[str] = []
        self.seen_ids: set[str] = set()
        self.context: list[tuple[str, str | None]] = [("body", None)]
        self.in_caption = False

    def render_token(self, token: dict[str, Any], state) -> str:
        # Children are rendered before their block, so the enclosing
        # passage (language, editor's note, caption) is tracked on entry.
        kind = token["type"]
        if kind == "lang_passage":
            self.context.append((self.context[-1][0], token["attrs"]["lang"]))
        elif kind == "editor_note":
            self.context.append(("editor-note", self.context[-1][1]))
        elif kind == "caption":
            self.in_caption = True
        try:
            return super().render_token(token, state)
        finally:
            if kind in ("lang_passage", "editor_note"):
                self.context.pop()
            elif kind == "caption":
                self.in_caption = False

    def _anchored(self, inner: str) -> str:
        text = plain_text(inner)
        if self.in_caption:
            return inner
        if not text:
            return f"<p>{inner}</p>\n"
        anchor = paragraph_id(text)
        serial = 2
        while anchor in self.seen_ids:
            anchor = f"{paragraph_id(text)}-{serial}"
            serial += 1
        self.seen_ids.add(anchor)
        role, lang = self.context[-1]
        number = len(self.paragraphs) + 1
        self.paragraphs.append(RenderedParagraph(anchor, number, text, lang, role))
        if number == 1 and self.dateline and inner.startswith(html.escape(self.dateline, quote=False)):
            mark = html.escape(self.dateline, quote=False)
            inner = f'<span class="dateline">{mark}</span>{inner[len(mark):]}'
        link = f'<a class="para-anchor" href="#{anchor}" aria-label="Link to paragraph {number}" data-pagefind-ignore>¶{number}</a>'
        return f'{paragraph_open(anchor)}">{link} {inner}</p>\n'

    def paragraph(self, text: str) -> str:
        return self._anchored(text)

    def block_text(self, text: str) -> str:
        # A tight list item's text is a paragraph too: one element type for
        # every paragraph keeps later decoration (links, markers) simple.
        return self._anchored(text)

    def heading(self, text: str, level: int, **attrs) -> str:
        # Headings get ids from their words, so a page can be linked by section.
        anchor = slugify(plain_text(text)) or f"section-{level}"
        return f'<h{level} id="{anchor}">{text}</h{level}>\n'

    def link(self, text: str, url: str, title: str | None = None) -> str:
        # Links in archived text must not lend the outlets search ranking.
        href = self.safe_url(url)
        return f'<a href="{href}" rel="nofollow noopener noreferrer">{text}</a>'

    def image(self, text: str, url: str, title: str | None = None) -> str:
        # The archive loads nothing from elsewhere: an image is named, not shown.
        return f'<span class="image-missing">[image not archived: {text}]</span>'

    def lang_passage(self, text: str, lang: str) -> str:
        label = html.escape(language_name(lang))
        return (f'<div class="lang-passage" lang="{lang}">'
                f'<p class="passage-label" lang="en" data-pagefind-ignore>Passage in {label}</p>\n{text}</div>\n')

    def caption(self, text: str) -> str:
        return (f'<p class="image-caption"><span class="label" data-pagefind-ignore>Image caption (image not archived):</span> '
                f'{text.strip()}</p>\n')

    def editor_note(self, text: str) -> str:
        return (f'<aside class="editor-note" aria-label="The outlet\'s own note">'
                f'<p class="passage-label" data-pagefind-ignore>The outlet’s own note</p>\n{text}</aside>\n')

    def block_error(self, text: str) -> str:
        # mistune hands over an unknown block's raw text, or our parse error.
        message = text.strip()
        if message.startswith("{"):
            name = message[1:].split("}", 1)[0]
            message = f"unknown block ':::{{{name}}}' (known: lang, caption, editor-note)"
        self.errors.append(message)
        return f"<pre>{html.escape(text)}</pre>\n"


_plain_markdown = mistune.create_markdown(escape=True)


def render_summary(text: str) -> str:
    """A summary is our own words, not archived text: no paragraph anchors."""
    return _plain_markdown(text)


class ArticleRenderer:
    """Renders article bodies; one instance is reused across articles."""

    def __init__(self) -> None:
        self._renderer = _ArchiveRenderer()
        self._markdown = mistune.Markdown(
            renderer=self._renderer,
            plugins=[FencedDirective([_ArchiveBlocks()], markers=":")],
        )

    def render(self, text: str, dateline: str | None = None) -> Rendered:
        self._renderer.start(dateline)
        body = self._markdown(text)
        r = self._renderer
        return Rendered(body, tuple(r.paragraphs), tuple(r.errors))
