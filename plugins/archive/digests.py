"""Digests of files, for the caches of the build: a kept result names the code and
templates it was made with, so that a change to any of them is never answered with it."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """A digest of files' names (relative to `root`) and bytes, in name order."""
    combined = hashlib.sha256()
    for path in sorted(paths):
        combined.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return combined.hexdigest()
