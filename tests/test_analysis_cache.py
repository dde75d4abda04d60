"""The analysis is kept between builds by what it was computed from: a build
with nothing changed reads it, any change is detected again, and the site is
byte for byte what a build without the cache makes."""
from __future__ import annotations

import json

import pytest
from pelican import signals

import archive_analysis
from archive.reuse import sketch_store, store
from conftest import ROOT, build_site, copy_content, record_calls
from site_changes import CHANGES, built_tree as build, change_site

# Every test here builds the site, most of them two or three times.
pytestmark = pytest.mark.slow


@pytest.fixture
def detections(monkeypatch) -> list[int]:
    """Counts the detections the builds run (the number of paragraphs each was given)."""
    return record_calls(monkeypatch, archive_analysis, "detect_with_queries",
                        lambda paragraphs, queries, settings: len(paragraphs))


def test_a_build_with_nothing_changed_reads_the_analysis_and_writes_the_same_site(tmp_path, detections):
    first = build(ROOT / "content", tmp_path / "first", tmp_path / "cache")
    again = build(ROOT / "content", tmp_path / "again", tmp_path / "cache")
    assert len(detections) == 1
    assert again == first
    assert build(ROOT / "content", tmp_path / "uncached", tmp_path / "none", ANALYSIS_CACHE=False) == first
    assert not (tmp_path / "none" / "analysis").exists()


@pytest.mark.parametrize("change", [c for c in CHANGES if c != "changed template"])
def test_any_change_is_detected_again_and_gives_what_a_clean_build_gives(tmp_path, detections, change):
    content = copy_content(tmp_path)
    build(content, tmp_path / "before", tmp_path / "cache")
    settings = change_site(content, ROOT / "theme", change)
    after = build(content, tmp_path / "after", tmp_path / "cache", **settings)
    assert len(detections) == 2
    assert after == build(content, tmp_path / "clean", tmp_path / "clean-cache", **settings)


@pytest.mark.parametrize("kept", ["not json {", '{"format": 1, "inputs": "%s", "archive": {"links": [[1, 2]]}}',
                                  '{"format": 999, "inputs": "%s"}', "[]"])
def test_a_corrupt_or_foreign_cache_is_never_trusted(tmp_path, detections, kept):
    clean = build(ROOT / "content", tmp_path / "clean", tmp_path / "cache")
    kept_file = tmp_path / "cache" / "analysis" / store.FILE_NAME
    digest = json.loads(kept_file.read_text(encoding="utf-8"))["inputs"]
    kept_file.write_text(kept.replace("%s", digest), encoding="utf-8")
    assert build(ROOT / "content", tmp_path / "again", tmp_path / "cache") == clean
    assert len(detections) == 2
    # ... and the cache is whole again.
    build(ROOT / "content", tmp_path / "third", tmp_path / "cache")
    assert len(detections) == 2


@pytest.mark.parametrize("kept", ["not json {", '{"format": 1, "made_by": "%s", "sketches": {"%k": ["x", [], 99]}}'])
def test_corrupt_or_foreign_kept_sketches_are_never_trusted(tmp_path, kept):
    """The kept sketches are checked too: a changed article is detected from its text, whatever the file says."""
    content = copy_content(tmp_path)
    build(content, tmp_path / "before", tmp_path / "cache")
    kept_file = tmp_path / "cache" / "analysis" / sketch_store.FILE_NAME
    data = json.loads(kept_file.read_text(encoding="utf-8"))
    # A foreign file that names every sketch of the archive and says each is one made-up word.
    forged = {key: ["x", [], 99] for key in data["sketches"]}
    kept_file.write_text(kept.replace("%s", "someone else").replace('"%k": ["x", [], 99]', json.dumps(forged)[1:-1]),
                         encoding="utf-8")
    settings = change_site(content, ROOT / "theme", "edited paragraph")
    after = build(content, tmp_path / "after", tmp_path / "cache", **settings)
    assert after == build(content, tmp_path / "clean", tmp_path / "clean-cache", **settings)


def test_an_article_dropped_by_another_plugin_is_not_analysed(tmp_path):
    """Another plugin may change the list of articles after Pelican made it:
    the analysis covers the articles that are published."""
    dropped = "russian-mod-details-us-isis-cooperation"

    def drop(generator):
        generator.articles = [a for a in generator.articles if a.slug != dropped]

    signals.article_generator_finalized.connect(drop)
    try:
        result = build_site(ROOT / "content", tmp_path / "output", SEARCH_INDEX=False)
    finally:
        signals.article_generator_finalized.disconnect(drop)
    assert result.status == 0, result.errors
    data = result.page("data/reuse.json")
    assert data.count('"article":') > 0 and f'"{dropped}"' not in data
