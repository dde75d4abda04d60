"""Write imported articles into the content folder, safely.

The importer turns text into an article; this module decides where it goes
and refuses anything that would lose data: overwriting an article (unless
forced), a second copy of a text the archive already has, a raw dump whose
name is taken by a different file.

A near copy (most of its sentences already in one archived article, see
:mod:`archive.near_duplicates`) is refused too, unless forced, when it may
be the same outlet's article saved again (same outlet, or either outlet
unknown): a maintainer who imports it twice would otherwise publish it twice,
and the build would link the two copies as if one outlet had copied another.
When both name their outlets and the outlets differ, a near copy is exactly
what the archive exists to show (one outlet repeating another's text), so it
is imported, with a warning naming both files.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .content_check import load, markdown_files, text_fingerprint
from .dates import UNKNOWN
from .frontmatter import Document, decode, parse
from .atomic_files import write_text_atomically
from .import_corpus import import_corpus_record
from .import_record import record_path
from .importer import ImportProblem, ImportResult, import_text
from .near_duplicates import Archived, nearest, sentence_keys
from .problems import ContentError, Problem, display_path

SOURCES = "sources"
#: Saved web pages, read with archive.page_import; every other file is a text dump.
PAGE_SUFFIXES = (".html", ".htm")
#: One article of a news corpus, as `invoke discover` saves each candidate (archive.import_corpus).
CORPUS_RECORD_SUFFIX = ".json"


def _outlet(doc: Document) -> str | None:
    value = (doc.value("outlet") or "").strip()
    return None if not value or value.lower() == UNKNOWN else value


@dataclass
class _Archive:
    """The archive's articles as the refusals need them."""
    texts: dict[str, str] = field(default_factory=dict)   # fingerprint -> article path
    articles: list[Archived] = field(default_factory=list)

    @classmethod
    def read(cls, folder: Path) -> "_Archive":
        archive = cls()
        for path in markdown_files(folder):
            try:
                archive.add(load(path, str(path)), display_path(path))
            except ContentError:
                continue  # `check` reports broken files; they hold no text to compare
        return archive

    def add(self, doc: Document, shown: str) -> None:
        self.texts[text_fingerprint(doc.body)] = shown
        self.articles = [a for a in self.articles if a.path != shown]
        self.articles.append(Archived(shown, _outlet(doc), sentence_keys(doc.body)))


def _is_page(dump: Path) -> bool:
    return dump.suffix.lower() in PAGE_SUFFIXES


def _read_source(dump: Path, shown: str) -> str:
    if _is_page(dump):
        from .page_import import decode_page   # trafilatura loads only for pages
        return decode_page(dump.read_bytes(), shown)
    return decode(dump.read_bytes(), shown)


def _import(dump: Path, raw: str) -> ImportResult:
    source_name = f"{SOURCES}/{dump.name}"
    if _is_page(dump):
        from .page_import import import_page
        return import_page(raw, source_name)
    if dump.suffix.lower() == CORPUS_RECORD_SUFFIX:
        return import_corpus_record(raw, source_name)
    return import_text(raw, source_name)


def import_one(dump: Path, content: Path, archive: _Archive, force: bool) -> Problem | None:
    """Import one raw dump or saved page; return the problem that stopped it, if any."""
    shown = display_path(dump)
    try:
        raw = _read_source(dump, shown)
    except OSError as err:
        return Problem(shown, None, f"cannot read: {err.strerror}")
    except ContentError as err:
        return err.problem
    source = content / SOURCES / dump.name
    if source.exists() and source.resolve() != dump.resolve() and source.read_bytes() != dump.read_bytes():
        return Problem(shown, None, f"{display_path(source)} already exists with other text; rename the dump")
    try:
        result = _import(dump, raw)
    except ImportProblem as err:
        return Problem(shown, err.line, err.message)
    except Exception as err:  # noqa: BLE001 -- trafilatura or lxml failing on a page: say so, no traceback
        if not _is_page(dump):
            raise
        return Problem(shown, None, f"the page could not be read ({type(err).__name__}: {err})")
    article = content / "articles" / f"{result.slug}.md"
    if _is_page(dump):
        # A page is not checked character by character (its scripts may hold
        # anything); the article taken from it is, as every content file is.
        try:
            decode(result.markdown.encode("utf-8"), shown)
        except ContentError as err:
            return Problem(shown, None, f"the article text taken from this page: {err.problem.message}")
    if article.exists() and not force:
        return Problem(shown, None, f"{display_path(article)} already exists; use --force to overwrite it")
    doc = parse(result.markdown, display_path(article))
    fingerprint = text_fingerprint(doc.body)
    if fingerprint in archive.texts and archive.texts[fingerprint] != display_path(article):
        return Problem(shown, None, f"duplicate document: the archive already has this text in {archive.texts[fingerprint]}")
    near = nearest(sentence_keys(doc.body), archive.articles, skip=display_path(article))
    if near is not None:
        outlet, other = _outlet(doc), near.other.outlet
        said = (f"{near.share:.0%} of its sentences are already in {near.other.path} "
                f"({'outlet ' + repr(outlet) if outlet else 'its outlet unknown'}, "
                f"{'outlet ' + repr(other) if other else 'outlet unknown'} there)")
        if outlet and other and outlet != other:
            print(f"{shown}: warning: {said}: imported, as another outlet's repeat of that text", file=sys.stderr)
        elif not force:
            return Problem(shown, None, f"near-duplicate document: {said}; if it is not the same article saved "
                                        "again, import it with --force")
    try:
        if source.resolve() != dump.resolve():
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(dump.read_bytes())
        write_text_atomically(record_path(article), json.dumps(result.record, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        write_text_atomically(article, result.markdown)
    except OSError as err:
        return Problem(display_path(err.filename or article), None, f"cannot write: {err.strerror or err}")
    archive.add(doc, display_path(article))
    print(f"{shown} -> {display_path(article)}")
    return None


def import_files(dumps: list[Path], content: Path, force: bool = False) -> list[Problem]:
    """Import each dump; the problems of those that could not be imported."""
    archive = _Archive.read(content / "articles")
    problems = [import_one(dump, content, archive, force) for dump in dumps]
    return [p for p in problems if p]
