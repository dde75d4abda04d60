"""A large archive is built with a second process (detection while the
articles are read, statement pages and overview while the articles are written); the
output is byte for byte what one process builds, and a failure in the second
process fails the build."""
from __future__ import annotations

import pytest
from pelican import signals

import archive.reuse.background
import archive_analysis
import overview
import reuse_links
from archive.background_job import in_background
from conftest import ROOT, build_site
from test_build import tree


def test_the_site_built_with_second_processes_is_the_same_byte_for_byte(tmp_path, monkeypatch):
    alone = build_site(ROOT / "content", tmp_path / "alone", SEARCH_INDEX=False)
    monkeypatch.setattr(archive.reuse.background, "START_AT", 1)
    monkeypatch.setattr(reuse_links, "BACKGROUND_FROM_GROUPS", 1)
    monkeypatch.setattr(overview, "BACKGROUND_FROM_ARTICLES", 1)
    helped = build_site(ROOT / "content", tmp_path / "helped", SEARCH_INDEX=False)
    assert alone.status == helped.status == 0, helped.errors
    assert tree(alone.output) == tree(helped.output)


def test_an_article_dropped_after_detection_started_is_not_linked(tmp_path, monkeypatch):
    """Another plugin may change the list of articles after Pelican made it:
    detection starts again over the articles that are published."""
    monkeypatch.setattr(archive.reuse.background, "START_AT", 1)
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


def test_a_job_runs_in_a_second_process_and_is_waited_for(tmp_path):
    target = tmp_path / "written.txt"
    wait = in_background(lambda: target.write_text("done", encoding="utf-8"), "writing a test file")
    wait()
    assert target.read_text(encoding="utf-8") == "done"


def test_a_failed_job_fails_loudly():
    def fail():
        raise OSError("disk full")

    wait = in_background(fail, "writing a test file")
    with pytest.raises(RuntimeError, match="writing a test file failed"):
        wait()


def test_the_site_is_the_same_when_the_articles_cannot_be_written_last(tmp_path, monkeypatch):
    """Another plugin may have put its own article generator in Pelican's:
    the analysis is then completed before Pelican writes anything."""
    last = build_site(ROOT / "content", tmp_path / "last", SEARCH_INDEX=False)
    monkeypatch.setattr(archive_analysis, "_write_articles_last", lambda generator: None)
    first = build_site(ROOT / "content", tmp_path / "first", SEARCH_INDEX=False)
    assert last.status == first.status == 0, first.errors
    assert tree(last.output) == tree(first.output)
