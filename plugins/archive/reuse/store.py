"""Detection's results kept between builds, by what they were computed from.

A build that gives detection the same paragraphs, queries and settings as the
last one, with the same detector, gets the same links and groups: they are
read from a file instead of detected again.  The file names the digest of
everything the result depends on (:func:`inputs_digest`): each paragraph with
all its fields, each query, every setting, and the detector's own source
code, so that no change anywhere can be answered with an old result.

The file is a cache, never a source: it may be deleted at any time, and one
that cannot be read, was written by another format, or answers other inputs
is ignored (and replaced by the next save).  It is JSON, not pickle, so that
a file someone else put there can at worst be ignored, never run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..atomic_files import write_text_atomically
from ..digests import files_digest
from .model import Group, Link, Paragraph, ReuseResult
from .settings import ReuseSettings

#: Bumped whenever the file's layout changes.
FORMAT = 1
FILE_NAME = "detection.json"
_PARAGRAPH_FIELDS = tuple(field.name for field in dataclasses.fields(Paragraph))


def inputs_digest(paragraphs: Iterable[Paragraph], queries: Iterable[Paragraph], settings: ReuseSettings) -> str:
    """A digest of everything `detect_with_queries(paragraphs, queries, settings)` depends on."""
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\n{detector_description(settings)}".encode())
    for name, items in (("paragraphs", paragraphs), ("queries", queries)):
        digest.update(f"\n{name}\n".encode())
        # Detection sorts its input; so does the digest, so that order never matters.
        for paragraph in sorted(items, key=lambda p: p.key):
            digest.update(repr(tuple(getattr(paragraph, name) for name in _PARAGRAPH_FIELDS)).encode())
            digest.update(b"\n")
    return digest.hexdigest()


def load(folder: Path, digest: str) -> tuple[ReuseResult, ReuseResult] | None:
    """The results saved in `folder` for inputs of `digest`, or None (none saved, other inputs, unreadable)."""
    try:
        data = json.loads((Path(folder) / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("inputs") != digest:
            return None
        return _result(data["archive"]), _result(data["queries"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(folder: Path, digest: str, results: tuple[ReuseResult, ReuseResult]) -> None:
    """Keep `results` in `folder` as those of inputs of `digest`, replacing what was there.

    The file is written beside its final name and renamed into place, so that
    a build running at the same time reads the old file or the new, never half."""
    data = {"format": FORMAT, "inputs": digest, "archive": plain_result(results[0]), "queries": plain_result(results[1])}
    write_text_atomically(Path(folder) / FILE_NAME, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def detector_description(settings: ReuseSettings) -> str:
    """What every result of detection depends on besides its input: the detector's code and its settings."""
    return f"{_code_digest()}\n{json.dumps(_settings_fields(settings), sort_keys=True, ensure_ascii=False)}"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the detector's source: a changed rule invalidates every kept result."""
    folder = Path(__file__).parent
    return files_digest(folder.glob("*.py"), folder)


def _settings_fields(settings: ReuseSettings) -> dict:
    fields = {}
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        fields[field.name] = {name: list(variants) for name, variants in value.items()} \
            if hasattr(value, "items") else value
    return fields


def plain_result(result: ReuseResult) -> dict:
    """`result` as plain JSON data: what the store keeps, and what two runs compare."""
    return {
        "links": [[list(link.a), list(link.b), link.strength, link.score, list(link.shared)] for link in result.links],
        "groups": [[group.id, [list(key) for key in group.members], list(group.first) if group.first else None,
                    list(group.aliases)] for group in result.groups],
    }


def _result(data: dict) -> ReuseResult:
    links = [Link(_key(a), _key(b), str(strength), float(score), tuple(map(str, shared)))
             for a, b, strength, score, shared in data["links"]]
    groups = [Group(str(id_), tuple(map(_key, members)), _key(first) if first is not None else None,
                    tuple(map(str, aliases)))
              for id_, members, first, aliases in data["groups"]]
    return ReuseResult(links=links, groups=groups)


def _key(pair: Sequence) -> tuple[str, str]:
    article, paragraph = pair
    if not isinstance(article, str) or not isinstance(paragraph, str):
        raise TypeError("a paragraph key is two strings")
    return article, paragraph
