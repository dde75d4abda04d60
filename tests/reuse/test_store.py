"""Detection's kept results: the digest of what they depend on, and the file that keeps them."""
from __future__ import annotations

import dataclasses
import json

from archive.reuse import Paragraph, ReuseSettings, detect_with_queries, store

WIRE = Paragraph("wire", "Wire", "p1", "The ministry said the American side had refused to strike the departing "
                 "convoys, claiming the militants were surrendering under the Geneva Convention.", "en", 1, "2017-11-14")
POST = Paragraph("post", "Post", "p1", "The American side refused to strike the departing convoys, the ministry "
                 "said, claiming the militants were surrendering under the Geneva Convention.", "en", 1, "2017-11-15")
CLAIM = Paragraph("claim", "claim", "c1", "The US refused to strike the convoys of surrendering militants under the "
                  "Geneva Convention, the ministry said.", "en", 0)


def test_the_digest_changes_with_every_field_of_every_input_and_never_with_their_order():
    settings = ReuseSettings()
    digest = store.inputs_digest([WIRE, POST], [CLAIM], settings)
    assert store.inputs_digest([POST, WIRE], [CLAIM], settings) == digest
    for field in dataclasses.fields(Paragraph):
        value = getattr(WIRE, field.name)
        changed = dataclasses.replace(WIRE, **{field.name: 7 if value is None else (value + 1 if isinstance(
            value, int) else value + "x")})
        assert store.inputs_digest([changed, POST], [CLAIM], settings) != digest, field.name
    assert store.inputs_digest([WIRE, POST], [], settings) != digest
    assert store.inputs_digest([WIRE], [POST, CLAIM], settings) != digest
    assert store.inputs_digest([WIRE, POST], [CLAIM], ReuseSettings(min_score=0.2)) != digest
    aliases = {**settings.aliases, "Abu Kamal": ("Abu Kamal",)}
    assert store.inputs_digest([WIRE, POST], [CLAIM], ReuseSettings(aliases=aliases)) != digest


def test_saved_results_come_back_exactly_for_the_same_inputs_only(tmp_path):
    found = detect_with_queries([WIRE, POST], [CLAIM], ReuseSettings())
    assert found[0].links and found[0].groups and found[1].links
    digest = store.inputs_digest([WIRE, POST], [CLAIM], ReuseSettings())
    store.save(tmp_path, digest, found)
    assert store.load(tmp_path, digest) == found
    assert store.load(tmp_path, "another digest") is None
    assert store.load(tmp_path / "missing", digest) is None
    # Renamed into place: nothing half-written is left beside it.
    assert [p.name for p in tmp_path.iterdir()] == [store.FILE_NAME]


def test_a_file_that_is_not_what_was_saved_is_ignored(tmp_path):
    digest = store.inputs_digest([WIRE, POST], [], ReuseSettings())
    kept = tmp_path / store.FILE_NAME
    for text in ("", "\x00\xff", "null", "[]", json.dumps({"format": store.FORMAT, "inputs": digest}),
                 json.dumps({"format": store.FORMAT, "inputs": digest, "archive": {"links": [[["a", 1], ["b", "p"],
                             "verbatim", 1.0, []]], "groups": []}, "queries": {"links": [], "groups": []}})):
        kept.write_text(text, encoding="utf-8", errors="surrogateescape")
        assert store.load(tmp_path, digest) is None, text
