"""Validate a whole content folder without building anything.

Used by the `check` task and, before anything is written, by the build: the
same problems stop both, each told as `file:line: message`.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .corrections.parse import read_correction
from .article_fields import ARTICLE_FIELDS, PAGE_FIELDS, FieldRule, validate
from .frontmatter import Document, decode, parse
from .import_record import load_record, record_path
from .problems import ContentError, Problem, display_path
from .leftovers import leftover_warnings
from .render import ArticleRenderer
from .skeleton import placeholder_problems

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
#: The Pelican setting the archive's build sets once it has checked the content,
#: so that the reader plugin does not check it again (see mistune_reader).
CHECKED_SETTING = "ARCHIVE_CONTENT_CHECKED"
CORRECTIONS = "corrections"
_BLOCK_NAME = re.compile(r":::\{([^}]*)\}")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Section:
    """A folder of content files and the fields its files must have."""
    folder: str
    rules: dict[str, FieldRule]


SECTIONS = (Section("articles", ARTICLE_FIELDS), Section("pages", PAGE_FIELDS))


def load(path: Path, shown_as: str) -> Document:
    return parse(decode(path.read_bytes(), shown_as), shown_as)


def markdown_files(folder: Path) -> list[Path]:
    found = [p for ext in MARKDOWN_EXTENSIONS for p in folder.rglob(f"*.{ext}")]
    return sorted(p for p in found if p.is_file())


def body_problems(doc: Document, errors: tuple[str, ...]) -> list[Problem]:
    """Block errors from rendering, placed on the line of the block at fault."""
    problems = []
    lines = doc.body.split("\n")
    for message in errors:
        name = _BLOCK_NAME.search(message)
        offset = next((i for i, line in enumerate(lines)
                       if name and line.lstrip().startswith(":::") and "{" + name.group(1) + "}" in line), 0)
        problems.append(Problem(doc.path, doc.body_line + offset, message))
    return problems


def text_fingerprint(body: str) -> str:
    """Same words in the same order give the same fingerprint."""
    words = " ".join(_WORDS.findall(body.lower()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def link_problems(content_dir: Path) -> list[Problem]:
    """Symbolic links in the content folder that lead nowhere or round in a
    loop: Pelican would walk a folder loop for ever, and cannot read a file
    loop.  (Links that lead to a file or folder are fine.)"""
    problems = []
    for folder, folders, files in os.walk(content_dir):
        for name in sorted(folders + files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                problems.append(Problem(display_path(path), None, "a symbolic link that leads nowhere, or round in a loop: remove it"))
                continue
            if target.is_dir() and (target == Path(folder).resolve() or target in Path(folder).resolve().parents):
                problems.append(Problem(display_path(path), None,
                                        f"a folder link back to {display_path(target)}, which holds it: a loop; remove it"))
    return problems


def check_content(content_dir: Path, render: bool = True) -> list[Problem]:
    """Every problem in every content file, sorted by file and line.

    `render=False` skips rendering bodies (unknown or malformed blocks): the
    build does that, since its reader renders every body anyway and reports
    the same problems."""
    loops = link_problems(content_dir)
    if loops:   # no walking into them
        return loops
    renderer = ArticleRenderer()
    problems: list[Problem] = []
    slugs: dict[str, Document] = {}
    texts: dict[str, Document] = {}
    article_paths: set[str] = set()
    for section in SECTIONS:
        for path in markdown_files(content_dir / section.folder):
            shown_as = display_path(path)
            try:
                doc = load(path, shown_as)
            except ContentError as err:
                problems.append(err.problem)
                continue
            found = validate(doc, section.rules)
            try:
                load_record(record_path(path), display_path(record_path(path)))
            except ContentError as err:
                found.append(err.problem)
            if render:
                found += body_problems(doc, renderer.render(doc.body).errors)
            problems += found
            slug = doc.value("slug")
            if slug:
                if slug in slugs:
                    problems.append(Problem(shown_as, doc.line_of("slug"), f"slug '{slug}' is already used by {slugs[slug].path}"))
                else:
                    slugs[slug] = doc
            if section.folder == "articles":
                article_paths.add(doc.path)
                problems += placeholder_problems(doc)
            if section.folder == "articles" and doc.body.strip():
                fingerprint = text_fingerprint(doc.body)
                if fingerprint in texts:
                    problems.append(Problem(shown_as, doc.body_line, f"duplicate document: the same text as {texts[fingerprint].path}"))
                else:
                    texts[fingerprint] = doc
    article_slugs = {slug for slug, doc in slugs.items() if doc.path in article_paths}
    problems += _correction_problems(content_dir / CORRECTIONS, article_slugs)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def content_warnings(content_dir: Path) -> list[Problem]:
    """What `check` warns about but does not refuse: lines of an article's
    text that look like page furniture left in (see archive.leftovers)."""
    warnings: list[Problem] = []
    for path in markdown_files(content_dir / "articles"):
        try:
            doc = load(path, display_path(path))
        except ContentError:
            continue   # check_content reports the file
        warnings += leftover_warnings(doc)
    return sorted(warnings, key=lambda p: (p.path, p.line or 0, p.message))


def _correction_problems(folder: Path, article_slugs: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in markdown_files(folder):
        try:
            doc = load(path, display_path(path))
        except ContentError as err:
            problems.append(err.problem)
            continue
        correction, found = read_correction(doc, article_slugs)
        problems += found
        if correction and correction.slug in seen:
            problems.append(Problem(doc.path, doc.line_of("slug"), f"slug '{correction.slug}' is already used by {seen[correction.slug]}"))
        elif correction:
            seen[correction.slug] = doc.path
    return problems
