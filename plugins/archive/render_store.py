"""Rendered article bodies kept between builds, by what they were rendered from.

Rendering an article's Markdown (archive.render) is most of what reading an
archive costs.  Its result depends only on the body's text, the dateline,
the code of the core and the version of mistune, so it is kept under a
digest of those in one JSON file per body, and a later build that reads the
same body takes it from there.  Like every cache of the build, the folder
may be deleted at any time; a file that cannot be read, or that holds
anything but a rendering, is ignored and rendered again.  Pelican's own
content cache is not used: it is keyed by file names and times, not by the
settings or the import records beside the articles, and it unpickles what
it finds.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path

from .atomic_files import write_text_atomically
from .digests import files_digest
from .render import ArticleRenderer, Rendered, RenderedParagraph

#: Bumped whenever the file's layout changes.
FORMAT = 1


class RenderStore:
    """Renderings of article bodies in a folder, one file per digest of their inputs."""

    def __init__(self, folder: Path, renderer: ArticleRenderer) -> None:
        self.folder, self.renderer = Path(folder), renderer
        #: The digests asked for since the store was made (see `prune`).
        self.asked: set[str] = set()

    def render(self, text: str, dateline: str | None) -> Rendered:
        """What `renderer.render(text, dateline)` gives, from the folder when it holds it."""
        key = _digest(text, dateline)
        self.asked.add(key)
        path = self.folder / f"{key}.json"
        kept = _read(path)
        if kept is not None:
            return kept
        rendered = self.renderer.render(text, dateline)
        try:
            write_text_atomically(path, json.dumps(_plain(rendered), ensure_ascii=False))
        except OSError:
            pass  # not kept: the next build renders it again
        return rendered

    def prune(self) -> None:
        """Remove the renderings this store was not asked for."""
        if self.folder.is_dir():
            for path in self.folder.glob("*.json"):
                if path.stem not in self.asked:
                    path.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _code() -> str:
    """The core's source and mistune's version: a changed rule renders everything again."""
    folder = Path(__file__).parent
    return f"format {FORMAT} mistune {importlib.metadata.version('mistune')} {files_digest(folder.glob('*.py'), folder)}"


def _digest(text: str, dateline: str | None) -> str:
    return hashlib.sha256(json.dumps([_code(), text, dateline], ensure_ascii=False).encode("utf-8",
                                                                                         "surrogatepass")).hexdigest()


def _plain(rendered: Rendered) -> dict:
    return {"html": rendered.html, "errors": list(rendered.errors),
            "paragraphs": [[p.id, p.number, p.text, p.lang, p.role] for p in rendered.paragraphs]}


def _read(path: Path) -> Rendered | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = tuple(RenderedParagraph(str(id_), int(number), str(text), None if lang is None else str(lang),
                                             str(role)) for id_, number, text, lang, role in data["paragraphs"])
        if not isinstance(data["html"], str):
            return None
        return Rendered(data["html"], paragraphs, tuple(map(str, data["errors"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None
