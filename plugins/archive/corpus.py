"""A news corpus to search for the archive's statements: articles as JSON Lines or Parquet, read only.

Each article is one record with the fields `text` (required: the article's
words, paragraphs separated by blank lines), `title`, `outlet`, `date` and
`url` (each may be missing or null: unknown).  A JSON Lines file holds one
record per line; a Parquet file (read with pyarrow, from
requirements-engine.txt) one per row.  The corpus is never written to.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .problems import ContentError, Problem, display_path
from .reuse.model import Paragraph

FIELDS = ("title", "outlet", "date", "url")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class CorpusArticle:
    """One record of the corpus, and where it is (file and line or row, from 1)."""

    path: str
    line: int
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def name(self) -> str:
        """Its name as an article of the search: unique in the corpus."""
        return f"corpus:{self.line}"

    def paragraphs(self) -> list[Paragraph]:
        # Each corpus article is its own outlet: outlets in a crawl are spelled too many ways to trust.
        return [Paragraph(self.name, self.name, f"p{number}", block, position=number)
                for number, block in enumerate(text_blocks(self.text))]

    def record(self) -> dict:
        return {"text": self.text, **{name: getattr(self, name) for name in FIELDS},
                "corpus": self.path, "line": self.line}


def text_blocks(text: str) -> list[str]:
    """A plain text's paragraphs (separated by blank lines), white space folded, empty ones left out."""
    folded = (" ".join(block.split()) for block in _BLANK_LINE.split(text))
    return [block for block in folded if block]


def read_corpus(path: Path) -> Iterator[CorpusArticle]:
    """The corpus's articles in file order; ContentError naming the file and line of a bad record."""
    shown = display_path(path)
    if not path.is_file():
        raise ContentError(Problem(shown, None, "no such corpus file"))
    if path.suffix.lower() == ".parquet":
        yield from _parquet(path, shown)
        return
    with path.open(encoding="utf-8", errors="strict") as lines:
        try:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield article_from_record(_json(line, shown, number), shown, number)
        except UnicodeDecodeError as err:
            raise ContentError(Problem(shown, None, f"not UTF-8 text ({err.reason})")) from None


def _json(line: str, shown: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ContentError(Problem(shown, number, f"not a JSON record: {err.msg}")) from None
    if not isinstance(record, dict):
        raise ContentError(Problem(shown, number, "a record must be a JSON object with a \"text\" field"))
    return record


def _parquet(path: Path, shown: str) -> Iterator[CorpusArticle]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise ContentError(Problem(shown, None, "reading Parquet needs pyarrow: pip install -r "
                                                "requirements-engine.txt")) from None
    row = 0
    for batch in parquet.ParquetFile(path).iter_batches():
        for record in batch.to_pylist():
            row += 1
            yield article_from_record(record, shown, row)


def article_from_record(record: dict, shown: str, number: int) -> CorpusArticle:
    """The article a record states; ContentError naming what is wrong with it."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ContentError(Problem(shown, number, "the record has no \"text\" (the article's words)"))
    values = {}
    for name in FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ContentError(Problem(shown, number, f"\"{name}\" must be a string or null, not {value!r}"))
        values[name] = value.strip() or None if value is not None else None
    return CorpusArticle(shown, number, text, **values)
