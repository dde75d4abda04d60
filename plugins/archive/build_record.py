"""Whether a build would only write again what its output folder already holds.

After each successful build the record keeps two digests: one of everything
the build was made from (the settings, every content file, the theme, the
code, the versions of the libraries that render), and one of the output it
left (every file's name, size and modification time).  A later build whose
inputs digest to the same value, into an output folder that nobody touched
since, would write the same bytes: it can stop before reading a single
article.  Any difference, a missing or unreadable record, or an output
changed by hand, and the build runs in full.

The record is one small JSON file per output folder in the cache folder:
safe to delete at any time.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .atomic_files import write_text_atomically

_FORMAT = 1


def output_digest(output: Path) -> str:
    """A digest of every file's name, size and modification time under `output` ("" when it is missing)."""
    if not output.is_dir():
        return ""
    combined = hashlib.sha256()

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    status = entry.stat(follow_symlinks=False)
                    combined.update(f"{prefix}{entry.name}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())

    walk(str(output), "")
    return combined.hexdigest()


class BuildRecord:
    """The record of the last successful build of one output folder."""

    def __init__(self, folder: Path, output: Path) -> None:
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        self._path = folder / f"{name}.json"
        self._output = output

    def unchanged(self, inputs: str) -> bool:
        """Whether the last build had these inputs and its output is still as it left it."""
        try:
            kept = json.loads(self._path.read_text(encoding="utf-8"))
            return (kept.get("format") == _FORMAT and kept.get("inputs") == inputs
                    and kept.get("output") == output_digest(self._output) != "")
        except (OSError, ValueError, AttributeError):
            return False   # no record, or one this code cannot read: build

    def keep(self, inputs: str) -> None:
        """Record a successful build of these inputs, and the output as it is now."""
        record = {"format": _FORMAT, "inputs": inputs, "output": output_digest(self._output)}
        write_text_atomically(self._path, json.dumps(record, sort_keys=True))

    def forget(self) -> None:
        """A build of this output is starting: until it succeeds, nothing is known to be up to date."""
        self._path.unlink(missing_ok=True)
