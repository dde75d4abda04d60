"""The search index of a built site: Pagefind over the pages readers search, kept between builds.

Pagefind (the PyPI package's own binary) writes the index into the site's
`pagefind/` folder; :mod:`archive.search_filters` then sorts its filter index
so that the build stays the same byte for byte.  Two things keep its cost
down without changing what it indexes:

* **What it reads.**  The pages mark what search finds with
  `data-pagefind-body` (the archived texts, the explainers, the pages), and
  once any page has the mark Pagefind indexes only marked pages; but it
  still parses every HTML file it is given, and holds every parsed page in
  memory until it builds the index.  It is given only the top folders that
  hold a marked page (`articles/`, `corrections/` and the site's root here),
  not the statement pages, the outlet pages or the theme, and told which
  element of a page holds what it indexes (the adapter says `main`), so that
  it walks no header or footer: the same pages are indexed, byte for byte,
  with less read.
* **When it runs.**  The index is kept in a folder of the build's cache with
  a digest of everything it was made from: every file Pagefind reads (name
  and bytes), the Pagefind binary, its options, and the code that sorts its
  filters.  A build whose digest is the kept one copies the kept index
  instead of running Pagefind; any other build runs it on the whole site
  and keeps the new index.  Each file of the kept index is checked against
  the digest recorded with it as it is copied, so the copy is what Pagefind
  wrote, or is not used.

Nothing here knows Pelican: the adapter (plugins/search_index) gives a site
folder and a cache folder.  A failure raises :class:`IndexFailed`, saying
what failed, and leaves no `pagefind/` folder behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from archive.search_filters import UnexpectedIndex, sort_filters

#: The folder of the site that holds the index (Pagefind's default, which search.js loads).
BUNDLE = "pagefind"
#: Bumped whenever what the digest covers, or the kept folder's layout, changes.
FORMAT = 1
#: Pagefind's own default: every HTML file under the site.
EVERY_PAGE = "**/*.{html}"
#: The attribute that marks what search indexes.
_MARK = b"data-pagefind-body"
#: Folder names that can go into Pagefind's glob as they are.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")
_CODE = [Path(__file__), Path(__file__).with_name("search_filters.py")]


class IndexFailed(Exception):
    """The index could not be built; the message says what failed."""


@dataclass(frozen=True)
class Indexed:
    """What a build did for its index."""
    pages_read: int       # HTML files Pagefind reads (or would have read)
    pages_marked: int     # of these, the pages marked for search (data-pagefind-body)
    pages_indexed: int    # pages in the index, as Pagefind counts them (a marked page with no text is left out)
    reused: bool          # the kept index was copied; Pagefind did not run


def pagefind_executable() -> Path:
    """The Pagefind binary the `pagefind` package runs (its bundled one, or PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as missing:
        raise IndexFailed(f"the Python package pagefind is not installed ({missing}): "
                          "pip install -r requirements.txt") from missing
    found = get_executable()
    if found is None or not Path(found).is_file():
        raise IndexFailed("no Pagefind binary found (the package pagefind_bin is missing): "
                          "pip install -r requirements.txt")
    return Path(found)


def _marked(page: bytes) -> bool:
    """Whether a page has the mark as an attribute of a tag (archived text is escaped: `&lt;`, never `<`)."""
    page = page.lower()
    at = page.find(_MARK)
    while at != -1:
        in_tag = page.rfind(b"<", 0, at) > page.rfind(b">", 0, at)
        if in_tag and page[at - 1:at].isspace() and page[at + len(_MARK):at + len(_MARK) + 1] in b" \t\r\n\f=/>":
            return True
        at = page.find(_MARK, at + 1)
    return False


@dataclass(frozen=True)
class Reading:
    """What Pagefind is given: its options (which files to read, and where in each page to look),
    and the files it reads with them (a superset where unsure), each with the digest of its bytes."""
    options: tuple[str, ...]
    pages: dict[str, str]   # name under the site (posix) -> sha256
    marked: int             # pages marked for search


def _options(glob: str, root: str | None) -> tuple[str, ...]:
    return ("--glob", glob, *(("--root-selector", root) if root else ()), "--silent")


def pages_to_read(site: Path, root: str | None = None) -> Reading:
    """The top folders holding a page marked for search (the site's root by its own files only);
    with no marked page, or a folder name a glob would read otherwise, every HTML file, as
    Pagefind does by default.  `root` is the element of a page that holds all its marked text and
    every filter and meta value (Pagefind's root selector; None: the whole page)."""
    digests: dict[str, str] = {}
    tops: set[str] = set()
    marked = 0
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site)
        if name.parts[0] == BUNDLE or not path.is_file():
            continue
        data = path.read_bytes()
        digests[name.as_posix()] = hashlib.sha256(data).hexdigest()
        if _marked(data):
            marked += 1
            tops.add(name.parts[0] if len(name.parts) > 1 else "")
    if not tops or not all(top == "" or _PLAIN_NAME.fullmatch(top) for top in tops):
        return Reading(_options(EVERY_PAGE, root), digests, marked)
    read = {name: digest for name, digest in digests.items()
            if ("/" in name and name.split("/", 1)[0] in tops) or ("/" not in name and "" in tops)}
    patterns = ["*.html" if top == "" else f"{top}/**/*.html" for top in sorted(tops)]
    glob = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
    return Reading(_options(glob, root), read, marked)


def _file_digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def inputs_digest(executable: Path, reading: Reading) -> str:
    """One digest of everything the index is made from."""
    combined = hashlib.sha256(f"search index format {FORMAT}\0".encode())
    combined.update(_file_digest(executable).encode() + b"\0")
    combined.update(json.dumps(reading.options).encode() + b"\0")
    for code in _CODE:
        combined.update(hashlib.sha256(code.read_bytes()).hexdigest().encode() + b"\0")
    combined.update(json.dumps(reading.pages, sort_keys=True).encode())
    return combined.hexdigest()


def run_pagefind(executable: Path, site: Path, options: tuple[str, ...]) -> None:
    """Run Pagefind over `site` with our options and nothing else: no PAGEFIND_* variables, and no
    configuration file (it reads pagefind.yml and the like from its working folder: an empty one)."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as empty:
        try:
            run = subprocess.run([str(executable), "--site", str(site.resolve()), *options],
                                 capture_output=True, text=True, errors="replace", cwd=empty, env=environment)
        except OSError as problem:
            raise IndexFailed(f"Pagefind could not be started ({executable}): {problem.strerror or problem}")
    if run.returncode != 0:
        said = (run.stderr.strip() or run.stdout.strip() or "(it said nothing)")[-2000:]
        raise IndexFailed(f"Pagefind failed (exit status {run.returncode}): {said}")


def indexed_pages(bundle: Path) -> int:
    """The number of pages in the index, from its entry file."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


class KeptIndex:
    """The last index built, in a folder of the cache: `index/` and `manifest.json`, which names
    the digest of its inputs and of each of its files (written last: no manifest, no kept index)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.manifest = self.folder / "manifest.json"

    def _files(self, inputs: str) -> dict[str, str] | None:
        try:
            manifest = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not (isinstance(manifest, dict) and manifest.get("format") == FORMAT
                and manifest.get("inputs") == inputs and isinstance(manifest.get("files"), dict)):
            return None
        return manifest["files"]

    def copy_to(self, inputs: str, bundle: Path) -> bool:
        """Copy the kept index into `bundle` if it was made from `inputs` and is whole; else False."""
        files = self._files(inputs)
        if files is None:
            return False
        try:
            for name, digest in sorted(files.items()):
                relative = PurePosixPath(name)
                if relative.is_absolute() or ".." in relative.parts:
                    raise ValueError(name)
                data = (self.folder / "index" / relative).read_bytes()
                if hashlib.sha256(data).hexdigest() != digest:
                    raise ValueError(name)
                target = bundle / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        except (OSError, ValueError):
            shutil.rmtree(bundle, ignore_errors=True)
            return False
        return True

    def keep(self, inputs: str, bundle: Path) -> None:
        """Keep a copy of `bundle` as made from `inputs` (a cache: when it cannot be written, it is not)."""
        new = self.folder / ".index-new"
        try:
            self.manifest.unlink(missing_ok=True)
            shutil.rmtree(new, ignore_errors=True)
            shutil.copytree(bundle, new, copy_function=shutil.copyfile)
            files = {path.relative_to(new).as_posix(): _file_digest(path)
                     for path in sorted(new.rglob("*")) if path.is_file()}
            shutil.rmtree(self.folder / "index", ignore_errors=True)
            new.rename(self.folder / "index")
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".manifest-")
            with os.fdopen(handle, "w", encoding="utf-8") as written:
                json.dump({"format": FORMAT, "inputs": inputs, "files": files}, written, sort_keys=True)
            os.replace(temporary, self.manifest)
        except OSError:
            shutil.rmtree(new, ignore_errors=True)


def build_index(site: Path, kept: Path | None = None, root: str | None = None) -> Indexed:
    """Write the search index of the built site in `site` (its `pagefind/` folder, replaced whole).

    With `kept` (a folder of the cache), the index of the last build is
    copied when it was made from the same inputs, and a new one is kept.
    `root`: see :func:`pages_to_read`."""
    site = Path(site)
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)   # a plain `pelican` build keeps the last output: no stale file
    executable = pagefind_executable()
    reading = pages_to_read(site, root)
    store = KeptIndex(kept) if kept is not None else None
    inputs = inputs_digest(executable, reading) if store else ""
    if store and store.copy_to(inputs, bundle):
        return Indexed(len(reading.pages), reading.marked, indexed_pages(bundle), reused=True)
    try:
        run_pagefind(executable, site, reading.options)
        sort_filters(bundle)
        count = indexed_pages(bundle)
    except UnexpectedIndex as problem:
        shutil.rmtree(bundle, ignore_errors=True)
        raise IndexFailed(str(problem)) from problem
    except (OSError, ValueError, KeyError, TypeError) as problem:
        shutil.rmtree(bundle, ignore_errors=True)
        raise IndexFailed(f"Pagefind wrote no index that can be read in {bundle}: {problem}") from problem
    except IndexFailed:
        shutil.rmtree(bundle, ignore_errors=True)
        raise
    if store:
        store.keep(inputs, bundle)
    return Indexed(len(reading.pages), reading.marked, count, reused=False)


def remove_index(site: Path) -> None:
    """Remove an index an earlier build left in `site` (a build without search has none)."""
    shutil.rmtree(Path(site) / BUNDLE, ignore_errors=True)
