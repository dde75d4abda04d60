"""Make Pagefind's filter index the same at every build.

Pagefind 1.5 (the newest on PyPI) writes each filter's values, and the list
of filters, in the order of a Rust hash map, which changes from run to run;
upstream sorts them since a later release (Pagefind 1.6, not on PyPI yet).
This module sorts them in the files Pagefind wrote, so that a build stays
byte for byte the same. The files are gzip-compressed CBOR after a short
signature; each is named by its language and a hash of its content, and the
index's meta file (itself named so, in pagefind-entry.json) lists the filter
files by name. Nothing else of the index is touched.

Reading a format Pagefind does not promise to keep, it checks what it reads
and refuses anything else, naming the file: a later Pagefind that changes
the format stops the build with a clear message rather than a broken search.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
_FILTERS = 3   # place of the filter list in the meta file: [version, chunks, fragments?, filters, ...]


class UnexpectedIndex(Exception):
    """The index is not laid out as this module knows it."""


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedIndex(f"{path}: not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, stem: str, suffix: str, value) -> str:
    """Write `value` as `<stem>_<hash><suffix>` in `folder`; return the name without the suffix."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{stem}_{hashlib.sha256(data).hexdigest()[:10]}"
    # mtime=0: gzip would otherwise stamp the time of the build into the file.
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def sort_filters(index: Path) -> None:
    """Sort the filter index under `index` (a site's pagefind/ folder) in place."""
    entry_path = index / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, described in entry["languages"].items():
        meta_path = index / f"pagefind.{described['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > _FILTERS and isinstance(meta[_FILTERS], list)):
            raise UnexpectedIndex(f"{meta_path}: no filter list where Pagefind 1.5 keeps it")
        filters = []
        for name, file_hash in sorted(meta[_FILTERS]):
            filter_path = index / "filter" / f"{file_hash}.pf_filter"
            key, values = _read(filter_path)
            if key != name:
                raise UnexpectedIndex(f"{filter_path}: holds filter {key!r}, the meta file says {name!r}")
            filter_path.unlink()
            filters.append([name, _write(index / "filter", language, ".pf_filter", [key, sorted(values)])])
        meta[_FILTERS] = filters
        meta_path.unlink()
        described["hash"] = _write(index, f"pagefind.{language}", ".pf_meta", meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
