"""Digests of files, for the caches of the build: a kept result names the code and
templates it was made with, so that a change to any of them is never answered with it."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """A digest of files' names (relative to `root`, under which they all are) and bytes, in name order.

    Names are cut from their strings rather than by Path.relative_to: this runs over every content
    file of a large archive at each build, and relative_to is most of the time it would take."""
    combined = hashlib.sha256()
    start = len(str(root)) + 1
    for name in sorted(map(str, paths)):
        with open(name, "rb") as handle:
            combined.update(name[start:].encode() + b"\0" + handle.read() + b"\0")
    return combined.hexdigest()


def folder_digest(root: Path) -> str:
    """A digest of every file under `root` (see files_digest)."""
    return files_digest([path for path in root.rglob("*") if path.is_file()], root)
