"""Write imported articles into the content folder, safely.

The importer turns text into an article; this module decides where it goes
and refuses anything that would lose data: overwriting an article (unless
forced), a second copy of a text the archive already has, a raw dump whose
name is taken by a different file.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .content_check import load, markdown_files, text_fingerprint
from .frontmatter import decode, parse
from .import_record import record_path
from .importer import ImportProblem, import_text
from .problems import ContentError, Problem, display_path

SOURCES = "sources"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)


def _existing_texts(articles: Path) -> dict[str, str]:
    texts = {}
    for path in markdown_files(articles):
        try:
            texts[text_fingerprint(load(path, str(path)).body)] = display_path(path)
        except ContentError:
            continue  # `check` reports broken files; they hold no text to compare
    return texts


def import_one(dump: Path, content: Path, texts: dict[str, str], force: bool) -> Problem | None:
    """Import one raw dump; return the problem that stopped it, if any."""
    shown = display_path(dump)
    try:
        raw = decode(dump.read_bytes(), shown)
    except OSError as err:
        return Problem(shown, None, f"cannot read: {err.strerror}")
    except ContentError as err:
        return err.problem
    source = content / SOURCES / dump.name
    if source.exists() and source.resolve() != dump.resolve() and source.read_bytes() != dump.read_bytes():
        return Problem(shown, None, f"{display_path(source)} already exists with other text; rename the dump")
    try:
        result = import_text(raw, f"{SOURCES}/{dump.name}")
    except ImportProblem as err:
        return Problem(shown, err.line, err.message)
    article = content / "articles" / f"{result.slug}.md"
    if article.exists() and not force:
        return Problem(shown, None, f"{display_path(article)} already exists; use --force to overwrite it")
    fingerprint = text_fingerprint(parse(result.markdown, str(article)).body)
    if fingerprint in texts and texts[fingerprint] != display_path(article):
        return Problem(shown, None, f"duplicate document: the archive already has this text in {texts[fingerprint]}")
    if source.resolve() != dump.resolve():
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(dump.read_bytes())
    _write_atomically(record_path(article), json.dumps(result.record, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    _write_atomically(article, result.markdown)
    texts[fingerprint] = display_path(article)
    print(f"{shown} -> {display_path(article)}")
    return None


def import_files(dumps: list[Path], content: Path, force: bool = False) -> list[Problem]:
    """Import each dump; the problems of those that could not be imported."""
    texts = _existing_texts(content / "articles")
    problems = [import_one(dump, content, texts, force) for dump in dumps]
    return [p for p in problems if p]
