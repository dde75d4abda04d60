"""Turn a raw text dump of a news page into one archived Markdown article.

Entry points: :func:`import_text`, and :func:`import_lines` for text
already cut into lines (a saved web page's paragraphs, :mod:`archive.page_import`).
Pure Python, no Pelican: the caller reads
the dump (and deals with its encoding), calls ``import_text`` and writes
``result.markdown`` to ``<slug>.md`` and ``result.record`` as JSON beside it
(``<slug>.import.json``).

The import works on lines of the dump, in four passes:

1. **Furniture** (:mod:`archive.furniture`): ad markers, counters, prompts,
   widgets, section labels are removed line by line; a standalone teaser
   label ("Also Read", "Featured Post") once the article has begun removes
   everything after it, as other stories glued to the page.
2. **Header** (:mod:`archive.importer_header`): in a window of the first
   lines (up to the second line of running text), date lines, bylines (with
   job titles, agencies, places), outlet lines and address lines are lifted
   into the header wherever they sit; the headline is the first headline-like
   line there that is not a masthead or section label; lines above it are
   the page's top: a masthead (a publication's name, or the name the
   copyright line states) gives the outlet, the rest is removed as
   navigation.  Captions and the outlet's own editor's notes stay where they
   are, marked.
3. **Body**: the remaining lines, in order, as paragraphs (a blank line or a
   taken-out line ends a paragraph; line breaks inside one are kept), with a
   dateline read from the first paragraph (it stays in the text).
4. **Language** (:mod:`archive.langdetect`): the main language of the body,
   and passages clearly in another one wrapped in ``:::{lang} xx`` blocks.

Every removed or lifted line goes into the import record with its 1-based
line number in the dump and its exact text, so nothing taken out is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import furniture, langdetect
from .importer_header import (
    LineInfo,
    is_caption,
    is_editor_note,
    is_headline_like,
    is_short_label,
    note_points_to_link,
    read_address_line,
    read_dateline,
    read_header_line,
    read_outlet_line,
    read_role_line,
)
from .furniture import looks_like_outlet
from .markdown_escape import escape_lines
from .slugs import slugify

__all__ = ["ImportProblem", "ImportResult", "import_text", "import_lines", "HEADER_ORDER", "UNKNOWN"]

UNKNOWN = "unknown"
#: Header keys in the order they are written; Credit and Dateline are optional.
HEADER_ORDER = ("Title", "Slug", "Date", "Outlet", "Author", "Credit", "Dateline", "Lang", "Original", "Imported-From")
_OPTIONAL = {"Credit", "Dateline"}
#: How many lines from the top may hold the header (masthead, navigation,
#: headline, byline, date, caption); see `_Importer._window`.
HEADER_WINDOW = 15
#: Language value when the text gives too little to tell (BCP 47 "undetermined").
UNDETERMINED_LANG = "und"

# A line that reads like running text: enough words and a sentence ending.
# Used to tell when the article has begun (teaser labels before that point
# are navigation, not the start of glued stories).
_SENTENCE_LINE = re.compile(r"[.!?…]['\"’”»)]*$")


class ImportProblem(Exception):
    """A dump that cannot be imported; the caller prints ``file:line: message``."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ImportResult:
    """One imported article: the Markdown file text, its import record, its slug."""

    markdown: str
    record: dict[str, Any]
    slug: str
    header: dict[str, str] = field(default_factory=dict)


@dataclass
class _Line:
    key: int     # position among the lines read: what the passes keep track of
    number: int  # 1-based line number in the source file, for the record
    raw: str     # exact text of the line, without its line ending

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class _Item:
    """One block of the body: a paragraph, a caption or an editor's note."""

    kind: str  # "paragraph" | "caption" | "editor-note"
    paragraphs: list[list[_Line]]
    lang: str | None = None

    @property
    def first_line(self) -> int:
        return self.paragraphs[0][0].number

    def plain(self) -> str:
        return "\n".join(line.text for para in self.paragraphs for line in para)


# --- reading the dump -------------------------------------------------------------


def _split_lines(raw: str) -> list[_Line]:
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    parts = re.split(r"\r\n|\r|\n", raw)
    if parts and parts[-1] == "":
        parts.pop()
    return [_Line(i, i + 1, part) for i, part in enumerate(parts)]


def is_running_text(text: str) -> bool:
    """A line that reads like article text: enough words and a sentence ending."""
    return len(text.split()) >= 8 and bool(_SENTENCE_LINE.search(text))


def _find_furniture(lines: list[_Line]) -> dict[int, str]:
    """Line key -> furniture kind, for every line to remove."""
    removed: dict[int, str] = {}
    article_begun = False
    in_tail = False
    for line in lines:
        if not line.text:
            continue
        kind = furniture.classify(line.text)
        if in_tail:
            removed[line.key] = kind or "unrelated-story"
            continue
        if kind:
            removed[line.key] = kind
            if article_begun and furniture.starts_tail(line.text):
                in_tail = True
            continue
        if is_running_text(line.text):
            article_begun = True
    return removed


def _lifted_entry(line: _Line, info: LineInfo, *, kept: bool = False, text: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "line": line.number,
        "kind": info.kind,
        "text": line.raw if text is None else text,
        "field": next(iter(info.values), info.kind),
        "values": dict(info.values),
    }
    if kept:
        entry["kept_in_body"] = True
    return entry


class _Importer:
    def __init__(self, lines: list[_Line], source_name: str, title: str | None = None):
        self.source_name = source_name.replace("\\", "/")
        self.lines = lines
        self.removed = _find_furniture(self.lines)
        self.lifted: list[dict[str, Any]] = []
        self.fields: dict[str, str] = {}
        self.title: str | None = None
        self.given_title = title   # the source's headline, stated outside the lines
        # line key -> role it keeps in the body ("caption", "editor-note", "note-link")
        self.roles: dict[int, str] = {}
        self.taken: set[int] = set(self.removed)

    # -- pass 2: header ------------------------------------------------------------

    def _live(self, start: int = 0) -> list[int]:
        """Indexes of non-blank lines not yet taken, from index `start`."""
        return [i for i in range(start, len(self.lines)) if self.lines[i].text and self.lines[i].key not in self.taken]

    def _lift(self, line: _Line, info: LineInfo) -> None:
        for key, value in info.values.items():
            self.fields.setdefault(key, value)
        self.lifted.append(_lifted_entry(line, info))
        self.taken.add(line.key)

    def _header_reader(self, text: str) -> LineInfo | None:
        """The header values a line states, if it is a date/byline/outlet/address line.

        A second line of a kind (an "Updated:" date after the first date) is
        lifted too; the first value stays in the header, both are recorded.
        A job title on its own line counts once a byline has named someone.
        """
        for reader in (read_header_line, read_outlet_line, read_address_line):
            info = reader(text)
            if info is not None:
                return info
        if "author" in self.fields:
            return read_role_line(text)
        return None

    def _window(self) -> list[int]:
        """Indexes of the lines that may hold the header.

        A page's masthead, navigation, headline, byline and date sit in its
        first lines, in any order, sometimes with a standfirst between them:
        the window is the first HEADER_WINDOW live lines, ending before the
        second line of running text (editor's notes and captions aside).
        """
        window: list[int] = []
        running = 0
        for i in self._live():
            text = self.lines[i].text
            if is_running_text(text) and not is_editor_note(text) and not is_caption(text):
                running += 1
                if running == 2:
                    break
            window.append(i)
            if len(window) == HEADER_WINDOW:
                break
        return window

    def _copyright_holders(self) -> set[str]:
        """The names the dump's copyright lines state, case-folded."""
        holders = set()
        for key, kind in self.removed.items():
            if kind == "copyright":
                holder = furniture.copyright_holder(self.lines[key].text)
                if holder:
                    holders.add(holder.casefold())
        return holders

    @staticmethod
    def _is_masthead(text: str, holders: set[str]) -> bool:
        """A publication's name on its own line: the name the copyright line
        states, or a name that reads as one and is set as a masthead is (in
        capitals, after "The", or in at most three words), so that a
        title-case headline ending in "News" is not taken for one."""
        if text.casefold() in holders:
            return True
        short = len(text.split()) <= 3 or text.isupper() or text.lower().startswith("the ")
        return short and looks_like_outlet(text)

    def _choose_headline(self, window: list[int], holders: set[str]) -> int | None:
        """The index of the headline: the first headline-like line above the
        article text that is not a header line, a caption, a note, a
        masthead or a section label; a masthead or section label only when
        no other line could be the headline."""
        candidates = []
        for i in window:
            text = self.lines[i].text
            if is_running_text(text) and not is_caption(text) and not is_editor_note(text):
                break
            if is_editor_note(text) or is_caption(text) or self._header_reader(text) or read_role_line(text):
                continue
            if is_headline_like(text):
                candidates.append(i)
        for i in candidates:
            text = self.lines[i].text
            if not self._is_masthead(text, holders) and furniture.classify_top(text) is None:
                return i
        return candidates[0] if candidates else None

    def _page_top(self, line: _Line, holders: set[str]) -> None:
        """A line above the headline that is no header line: the masthead
        (lifted, it names the outlet), or navigation (removed, recorded)."""
        if self._is_masthead(line.text, holders):
            self._lift(line, LineInfo("masthead", {"outlet": line.text}))
        else:
            self.removed[line.key] = furniture.classify_top(line.text) or "page-top"
            self.taken.add(line.key)

    def read_header(self) -> int:
        """Lift header lines from the window at the top; return the index where the body starts."""
        window = self._window()
        holders = self._copyright_holders()
        title_index = self._choose_headline(window, holders)
        if title_index is None and self.given_title:
            self.title = self.given_title
            title_index = -1   # above every line: none is the page top
        if title_index is None:
            if not window:
                first = next((ln.number for ln in self.lines if ln.text), 1)
                raise ImportProblem("no headline and no article text: every line is page furniture", first)
            running = next((self.lines[i].number for i in window if is_running_text(self.lines[i].text)), None)
            if running is None:
                raise ImportProblem(
                    "no headline found: the first lines are header lines (byline, date) or page furniture, and no "
                    "line reads as a headline (a short line without a final full stop)",
                    self.lines[window[0]].number,
                )
            raise ImportProblem(
                "no headline found: the first line of text reads like body text "
                "(a headline is a short line without a final full stop)",
                running,
            )
        start: int | None = None
        for i in window:
            line = self.lines[i]
            if line.key in self.taken or line.key in self.roles:
                continue
            text = line.text
            if is_editor_note(text):
                self._mark_note(i)
                continue
            info = self._header_reader(text)
            if info is not None:
                self._lift(line, info)
                continue
            if start is not None:
                continue   # article text between header lines: it stays where it is
            if is_caption(text):
                self._mark_caption(line)
                continue
            if i < title_index:
                self._page_top(line, holders)
                continue
            if i == title_index:
                self.title = text
                self._lift(line, LineInfo("headline", {"title": text}))
                continue
            if is_short_label(text) and self._next_line_is_text(i):
                # A few words set right above the first paragraph: an image caption.
                self._mark_caption(line)
                continue
            start = i
        if start is None:
            following = self._live(window[-1] + 1) if window else []
            start = following[0] if following else len(self.lines)
        return start

    def _next_line_is_text(self, i: int) -> bool:
        if i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1]
        return bool(nxt.text) and nxt.key not in self.taken and len(nxt.text.split()) >= 8

    def _mark_caption(self, line: _Line) -> None:
        self.roles[line.key] = "caption"
        self.lifted.append(_lifted_entry(line, LineInfo("caption", {"caption": line.text}), kept=True))

    def _mark_note(self, i: int) -> None:
        """Mark an editor's note paragraph, and the link text it points to."""
        j = i
        while j < len(self.lines) and self.lines[j].text and self.lines[j].key not in self.taken:
            self.roles[self.lines[j].key] = "editor-note"
            j += 1
        if not note_points_to_link(self.lines[i].text):
            return
        following = self._live(j)
        if following:
            k = following[0]
            link = self.lines[k]
            single = (k + 1 >= len(self.lines)) or not self.lines[k + 1].text
            if single and is_headline_like(link.text) and link.key not in self.roles:
                self.roles[link.key] = "note-link"

    # -- pass 3: body ----------------------------------------------------------------

    def read_body(self, start: int) -> list[_Item]:
        items: list[_Item] = []
        paragraph: list[_Line] = []

        def flush() -> None:
            if paragraph:
                items.append(_Item("paragraph", [list(paragraph)]))
                paragraph.clear()

        for index, line in enumerate(self.lines):
            role = self.roles.get(line.key)
            if index < start and role is None:
                continue
            if not line.text or line.key in self.taken:
                flush()
                continue
            if role == "caption" or (role is None and is_caption(line.text)):
                flush()
                if role is None:
                    self._mark_caption(line)
                items.append(_Item("caption", [[line]]))
                continue
            if role in ("editor-note", "note-link"):
                flush()
                if role == "note-link" and items and items[-1].kind == "editor-note":
                    items[-1].paragraphs.append([line])
                elif items and items[-1].kind == "editor-note" and self.roles.get(line.key - 1) == "editor-note":
                    items[-1].paragraphs[-1].append(line)
                else:
                    items.append(_Item("editor-note", [[line]]))
                continue
            if not paragraph and is_editor_note(line.text):
                self._mark_note(index)
                items.append(_Item("editor-note", [[line]]))
                continue
            paragraph.append(line)
        flush()
        if not any(item.kind == "paragraph" for item in items):
            last = max((ln.number for ln in self.lines if ln.text), default=1)
            raise ImportProblem("no article text found after the header lines", last)
        return items

    def read_dateline(self, items: list[_Item]) -> None:
        first = next((item for item in items if item.kind == "paragraph"), None)
        if first is None:
            return
        line = first.paragraphs[0][0]
        info = read_dateline(line.text)
        if info is None:
            return
        self.fields["dateline"] = info.values["dateline"]
        self.fields.setdefault("outlet", info.values["outlet"])
        self.lifted.append(_lifted_entry(line, info, kept=True, text=info.values["dateline"]))

    # -- pass 4: language -----------------------------------------------------------

    def read_languages(self, items: list[_Item]) -> str:
        """The main language; paragraphs clearly in another one get `item.lang`.

        The main language is the one whose clearly recognised paragraphs hold
        the most words (so a long English article quoting two French
        paragraphs is English); when no paragraph is clear on its own, the
        whole body is judged at once.
        """
        paragraphs = [item for item in items if item.kind == "paragraph"]
        guesses = {id(item): langdetect.guess(item.plain()) for item in paragraphs}
        weight: dict[str, int] = {}
        for found in guesses.values():
            if found is not None:
                weight[found.lang] = weight.get(found.lang, 0) + found.words
        if weight:
            main_lang = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            whole = langdetect.guess("\n\n".join(item.plain() for item in paragraphs))
            main_lang = whole.lang if whole else UNDETERMINED_LANG
        for item in paragraphs:
            found = guesses[id(item)]
            if found is not None and found.lang != main_lang:
                item.lang = found.lang
        return main_lang

    # -- output ----------------------------------------------------------------------

    def header(self, slug: str, lang: str) -> dict[str, str]:
        values = {
            "Title": self.title or UNKNOWN,
            "Slug": slug,
            "Date": self.fields.get("date", UNKNOWN),
            "Outlet": self.fields.get("outlet", UNKNOWN),
            "Author": self.fields.get("author", UNKNOWN),
            "Credit": self.fields.get("credit", ""),
            "Dateline": self.fields.get("dateline", ""),
            "Lang": lang,
            "Original": self.fields.get("original", UNKNOWN),
            "Imported-From": self.source_name,
        }
        return {key: " ".join(values[key].split()) for key in HEADER_ORDER if values[key] or key not in _OPTIONAL}

    def record(self) -> dict[str, Any]:
        removed = [
            {"line": self.lines[key].number, "kind": kind, "text": self.lines[key].raw}
            for key, kind in sorted(self.removed.items())
        ]
        lifted = sorted(self.lifted, key=lambda e: (e["line"], e["kind"]))
        return {"imported_from": self.source_name, "lifted": lifted, "removed": removed}


def _render_items(items: list[_Item]) -> str:
    blocks: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == "caption":
            blocks.append(":::{caption}\n" + escape_lines([ln.raw for ln in item.paragraphs[0]]) + "\n:::")
        elif item.kind == "editor-note":
            inner = "\n\n".join(escape_lines([ln.raw for ln in para]) for para in item.paragraphs)
            blocks.append(":::{editor-note}\n" + inner + "\n:::")
        elif item.lang:
            group = [item]
            while index + 1 < len(items) and items[index + 1].kind == "paragraph" and items[index + 1].lang == item.lang:
                index += 1
                group.append(items[index])
            inner = "\n\n".join(escape_lines([ln.raw for ln in g.paragraphs[0]]) for g in group)
            blocks.append(f":::{{lang}} {item.lang}\n" + inner + "\n:::")
        else:
            blocks.append(escape_lines([ln.raw for ln in item.paragraphs[0]]))
        index += 1
    return "\n\n".join(blocks)


def import_text(raw: str, source_name: str) -> ImportResult:
    """Import one raw text dump; `source_name` is recorded as ``Imported-From``.

    Raises :class:`ImportProblem` (with a line number) when the dump is empty
    or holds no headline or no article text.
    """
    lines = _split_lines(raw)
    if not any(line.text for line in lines):
        raise ImportProblem("the file is empty: there is no text to import", 1)
    return _finish(_Importer(lines, source_name))


def import_lines(lines: list[tuple[int, str]], source_name: str, *, stated: dict[str, str] | None = None,
                 title: str | None = None) -> ImportResult:
    """Import text already cut into lines, each with its line number in the
    source file (a saved page's paragraphs: see :mod:`archive.page_import`).

    `stated` gives header values the source states outside these lines
    (``date``, ``outlet``, ``author``, ``original``): they win over the
    lines' own; `title` is the headline to use when no line is one.  Both
    must be stated by the source, never guessed: this module does not check.
    """
    cut = [_Line(key, number, text) for key, (number, text) in enumerate(lines)]
    if not any(line.text for line in cut):
        raise ImportProblem("there is no text to import", 1)
    importer = _Importer(cut, source_name, title=title)
    importer.fields.update(stated or {})
    return _finish(importer)


def _finish(importer: _Importer) -> ImportResult:
    start = importer.read_header()
    items = importer.read_body(start)
    importer.read_dateline(items)
    lang = importer.read_languages(items)
    slug = slugify(importer.title or "")
    if not slug:
        stem = importer.source_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        slug = slugify(stem) or "article"
    header = importer.header(slug, lang)
    head = "".join(f"{key}: {value}\n" for key, value in header.items())
    markdown = head + "\n" + _render_items(items) + "\n"
    return ImportResult(markdown=markdown, record=importer.record(), slug=slug, header=header)
