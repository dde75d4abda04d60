"""Rendered pages kept between builds, by a digest of what each was made from.

A build asks for a page by the digest of its inputs (:func:`digest` of their
descriptions); when an earlier build stored a page under that digest, the
page is copied instead of rendered.  Files are copied, never linked, so
that nothing written later to an output file can change a stored page.

Like every cache of the build, the folder may be deleted at any time, and a
stored page that cannot be read is rendered again.  Pages no build asked
for are removed by :meth:`PageStore.prune`, so the folder holds about one
site's pages.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from .atomic_files import copy_atomically

#: Bumped whenever what a digest covers changes.
FORMAT = 1


def digest(*parts: str) -> str:
    """One digest of several descriptions, none of which can run into the next."""
    combined = hashlib.sha256(f"page format {FORMAT}".encode())
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        combined.update(len(encoded).to_bytes(8, "big") + encoded)
    return combined.hexdigest()


def describe(value) -> str:
    """A description of a plain value that is the same in every process that has an equal value.

    Functions and classes are described by their module and name (their
    default repr holds a memory address); anything else that is not plain
    data by its type and, when it has one, its attributes."""
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return repr(value)
    if isinstance(value, os.PathLike):
        return f"path:{os.fspath(value)!r}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{describe(k)}:{describe(v)}" for k, v in
                              sorted(value.items(), key=lambda item: repr(item[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "[" + ",".join(map(describe, value)) + "]"
    if isinstance(value, (set, frozenset)):
        return "set[" + ",".join(sorted(map(describe, value))) + "]"
    if callable(value) and hasattr(value, "__qualname__"):
        return f"code:{getattr(value, '__module__', '')}.{value.__qualname__}"
    fields = getattr(value, "__dict__", None)
    if fields is None and hasattr(value, "__slots__"):
        fields = {name: getattr(value, name) for name in value.__slots__ if hasattr(value, name)}
    if fields is not None:
        return f"{type(value).__module__}.{type(value).__qualname__}" + describe(
            {name: item for name, item in fields.items() if not name.startswith("__")})
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


class PageStore:
    """A folder of rendered pages named by their inputs' digests."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._asked: set[str] = set()

    def copy_to(self, key: str, target: Path) -> bool:
        """Copy the page stored under `key` to `target`; False when there is none (or it cannot be read)."""
        self._asked.add(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.folder / key, target)
            return True
        except OSError:
            target.unlink(missing_ok=True)
            return False

    def keep(self, key: str, rendered: Path) -> None:
        """Store the page just rendered at `rendered` under `key` (whole, or not at all)."""
        self._asked.add(key)
        try:
            copy_atomically(rendered, self.folder / key)
        except OSError:
            pass  # not kept: the next build renders the page again

    def prune(self) -> None:
        """Remove the stored pages this build did not ask for."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self._asked:
                path.unlink(missing_ok=True)
