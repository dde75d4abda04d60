"""The record an import leaves beside an article: what was lifted into the
header and what was removed as page furniture, with line numbers in the raw
dump (or the saved page's HTML file). Nothing taken out on import is lost;
this file is where it lives.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .problems import ContentError, Problem

SUFFIX = ".import.json"


@dataclass(frozen=True)
class Taken:
    line: int | None
    kind: str
    text: str
    kept_in_body: bool = False   # a caption or dateline: marked in the body, not taken out
    source: str | None = None    # where in a saved page a value was read (a meta tag, JSON-LD)


@dataclass(frozen=True)
class ImportRecord:
    imported_from: str | None
    lifted: tuple[Taken, ...]
    removed: tuple[Taken, ...]
    extractor: str | None = None   # what read a saved page's text ("trafilatura 2.3.1"); None for a text dump

    @property
    def from_page(self) -> bool:
        """Imported from a saved web page, not a text dump: its lines are the HTML file's."""
        return self.extractor is not None


def record_path(article_path: Path) -> Path:
    return article_path.with_name(article_path.stem + SUFFIX)


def _entries(data: dict, key: str, shown_as: str) -> tuple[Taken, ...]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("text"), str) for e in entries):
        raise ContentError(Problem(shown_as, None, f"'{key}' must be a list of objects with a 'text'"))
    return tuple(Taken(e.get("line"), str(e.get("kind", "unknown")), e["text"], bool(e.get("kept_in_body")),
                       e.get("source") if isinstance(e.get("source"), str) else None)
                 for e in entries)


def load_record(path: Path, shown_as: str) -> ImportRecord | None:
    """The import record at `path` (see `record_path`), or None when there is none."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ContentError(Problem(shown_as, None, "not valid UTF-8")) from None
    except json.JSONDecodeError as err:
        raise ContentError(Problem(shown_as, err.lineno, f"not valid JSON: {err.msg}")) from None
    if not isinstance(data, dict):
        raise ContentError(Problem(shown_as, 1, "an import record must be a JSON object"))
    extractor = data.get("extractor")
    return ImportRecord(data.get("imported_from"), _entries(data, "lifted", shown_as), _entries(data, "removed", shown_as),
                        extractor if isinstance(extractor, str) else None)
