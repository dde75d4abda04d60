"""Paragraph sketches kept between runs: a run given them sketches only new text and finds
exactly what a run that sketched everything finds; a kept file that is not what was saved,
or was made with other settings, is never trusted."""
from __future__ import annotations

import dataclasses
import json

import pytest

from archive.reuse import ReuseSettings, detect_with_queries, sketch_store, store
from archive.reuse.sketches import Sketches, text_key
from benchmarks.synthetic import generate

from test_store import CLAIM, POST, WIRE

SETTINGS = ReuseSettings()


@pytest.fixture(scope="module")
def archive():
    """A small synthetic archive with planted copies and rewordings, and a short paragraph (not linkable)."""
    paragraphs = generate(40, seed=3).paragraphs
    return paragraphs + [WIRE, POST, dataclasses.replace(WIRE, article="short", source="Short", text="Too short.")]


def _detected(paragraphs, known=None):
    archive_result, claims = detect_with_queries(paragraphs, [CLAIM], SETTINGS, known=known)
    return store.plain_result(archive_result), store.plain_result(claims)


def test_kept_sketches_come_back_as_saved(tmp_path, archive):
    known = Sketches(SETTINGS)
    detect_with_queries(archive, [CLAIM], SETTINGS, known=known)
    made = known.made()
    assert None in made.values() and len(made) == len({(p.text, p.lang) for p in archive}) + 1
    sketch_store.save(tmp_path, SETTINGS, made)
    assert sketch_store.load(tmp_path, SETTINGS) == made
    # Written beside its name and renamed into place.
    assert [p.name for p in tmp_path.iterdir()] == [sketch_store.FILE_NAME]


def test_a_run_given_kept_sketches_sketches_only_new_text_and_finds_the_same(tmp_path, archive):
    before = Sketches(SETTINGS)
    detect_with_queries(archive[:-5], [CLAIM], SETTINGS, known=before)
    sketch_store.save(tmp_path, SETTINGS, before.made())
    edited = dataclasses.replace(archive[0], text=archive[0].text + " A sentence the editor added at the end.")
    changed = [edited] + archive[1:]
    kept = Sketches(SETTINGS, sketch_store.load(tmp_path, SETTINGS))
    assert _detected(changed, kept) == _detected(changed)
    # The edited paragraph and the texts the first run did not have, and nothing else.
    new = {(p.text, p.lang) for p in changed} - {(p.text, p.lang) for p in archive[:-5]}
    assert kept.sketched == len(new) >= 4
    assert kept.made()[text_key(edited.text, edited.lang)] is not None


def test_sketches_made_with_other_settings_are_not_used(tmp_path, archive):
    known = Sketches(SETTINGS)
    detect_with_queries(archive, [], SETTINGS, known=known)
    sketch_store.save(tmp_path, SETTINGS, known.made())
    assert sketch_store.load(tmp_path, dataclasses.replace(SETTINGS, min_words=SETTINGS.min_words + 1)) == {}
    aliases = {**SETTINGS.aliases, "Abu Kamal": ("Abu Kamal", "Albu Kamal")}
    assert sketch_store.load(tmp_path, dataclasses.replace(SETTINGS, aliases=aliases)) == {}


def test_a_kept_file_that_is_not_what_was_saved_is_ignored(tmp_path):
    made_by = sketch_store.made_by(SETTINGS)
    kept = tmp_path / sketch_store.FILE_NAME
    header = {"format": sketch_store.FORMAT, "made_by": made_by}
    for text in ("", "\x00\xff", "null", "[]", "not json {", json.dumps(header),
                 json.dumps({**header, "format": 999, "sketches": {}}),
                 json.dumps({**header, "sketches": {"k": ["word", ["1"], 3]}}),
                 json.dumps({**header, "sketches": {"k": ["word", [1], 3.5]}}),
                 json.dumps({**header, "sketches": {"k": [["word"], [1], 3]}}),
                 json.dumps({**header, "sketches": {"k": ["word", [1]]}}),
                 json.dumps({**header, "sketches": ["word", [1], 3]})):
        kept.write_text(text, encoding="utf-8", errors="surrogateescape")
        assert sketch_store.load(tmp_path, SETTINGS) == {}, text
    assert sketch_store.load(tmp_path / "missing", SETTINGS) == {}
