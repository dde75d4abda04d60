"""Paragraph sketches kept between builds, so that a changed archive sketches only its new text.

Sketching (normalising, stemming, fingerprinting each paragraph) is most of
what detection costs on a rebuild; a paragraph's sketch depends only on its
text, its language, the settings and the detector's code.  The file keeps
the sketches of the last run by :func:`.sketches.text_key`, under a digest of
the settings and the code, so that a change to either makes it worthless.

Like the results' store it is a cache, never a source: it may be deleted at
any time; one that cannot be read, has another layout, was made with other
settings or code, or holds anything but sketches, is ignored whole (and
replaced by the next save).  It is JSON, not pickle, so that a file someone
else put there can at worst be ignored, never run.  A sketch's words are
written as one string, split at spaces: a content word is a run of word
characters (or aliases joined by underscores) and never holds a space.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..atomic_files import write_text_atomically
from .normalise import Sketch
from .settings import ReuseSettings
from .store import detector_description

#: Bumped whenever the file's layout changes.
FORMAT = 1
FILE_NAME = "sketches.json"


def made_by(settings: ReuseSettings) -> str:
    """A digest of what every sketch depends on besides its text: the settings and the detector's code."""
    return hashlib.sha256(f"format {FORMAT}\n{detector_description(settings)}".encode()).hexdigest()


def load(folder: Path, settings: ReuseSettings) -> dict[str, Sketch | None]:
    """The sketches kept in `folder` for `settings`, by text key; empty if none can be trusted."""
    try:
        data = json.loads((Path(folder) / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("made_by") != made_by(settings):
            return {}
        return _sketches(data["sketches"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}


def save(folder: Path, settings: ReuseSettings, sketches: dict[str, Sketch | None]) -> None:
    """Keep `sketches` (by text key) in `folder` as made with `settings`, replacing what was there."""
    plain = {key: None if sketch is None else [" ".join(sorted(sketch.words)), list(sketch.fingerprints), sketch.size]
             for key, sketch in sorted(sketches.items())}
    data = {"format": FORMAT, "made_by": made_by(settings), "sketches": plain}
    write_text_atomically(Path(folder) / FILE_NAME, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _sketches(plain: dict) -> dict[str, Sketch | None]:
    sketches: dict[str, Sketch | None] = {}
    for key, value in plain.items():
        if value is None:
            sketches[key] = None
            continue
        words, fingerprints, size = value
        if not (all(type(n) is int for n in fingerprints) and type(size) is int):
            raise TypeError("fingerprints and sizes are whole numbers")
        sketches[key] = Sketch(frozenset(words.split(" ")) if words else frozenset(), tuple(fingerprints), size)
    return sketches
