"""A build whose inputs are all as the last build of its output left them stops at once, output/
untouched; any change to what the site is made from, or to the output itself, builds in full."""
from __future__ import annotations

import json
import os

import pytest

import build_site
from conftest import build_site as build, copy_content, record_calls

pytestmark = pytest.mark.slow


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A built copy of the site, and the list of Pelican runs from then on."""
    content = copy_content(tmp_path)
    first = build(content, tmp_path / "output")
    assert first.status == 0, first.errors
    runs = record_calls(monkeypatch, build_site.Pelican, "run", lambda pelican: pelican.settings["PATH"])
    return content, tmp_path / "output", runs


def _stamps(output):
    return {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}


def test_nothing_changed_leaves_the_output_as_it_is_and_says_so(site):
    content, output, runs = site
    before = _stamps(output)
    again = build(content, output)
    assert again.status == 0 and "is up to date: nothing it is built from changed" in again.errors
    assert runs == [] and _stamps(output) == before
    # Touching a file without changing its words changes nothing it is built from.
    os.utime(next(content.rglob("*.md")))
    assert build(content, output).status == 0 and runs == []


@pytest.mark.parametrize("change", ["content", "setting", "output edited", "output removed", "record corrupt"])
def test_any_change_builds_in_full(site, change):
    content, output, runs = site
    override = {}
    if change == "content":
        article = next((content / "articles").glob("*.md"))
        article.write_text(article.read_text(encoding="utf-8") + "\nOne more paragraph, added since.\n",
                           encoding="utf-8")
    elif change == "setting":
        override = {"HOME_HEADING": "Another heading"}
    elif change == "output edited":
        (output / "about.html").write_text("edited by hand", encoding="utf-8")
    elif change == "output removed":
        (output / "about.html").unlink()
    else:
        for record in (output.parent / "output-cache" / "builds").glob("*.json"):
            record.write_text("{not json", encoding="utf-8")
    rebuilt = build(content, output, **override)
    assert rebuilt.status == 0, rebuilt.errors
    assert len(runs) == 1 and "up to date" not in rebuilt.errors
    assert (output / "about.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # ... and the build after it, with nothing changed, stops at once again.
    assert build(content, output, **override).status == 0 and len(runs) == 1


def test_a_failed_build_leaves_nothing_known_to_be_up_to_date(site):
    content, output, runs = site
    bad = content / "articles" / "bad.md"
    bad.write_text("Title: no slug, no date, nothing else\n\nA body.\n", encoding="utf-8")
    assert build(content, output).status == 1
    bad.unlink()
    # The content is as the last good build had it, but the failed build came between: build again.
    assert build(content, output).status == 0 and len(runs) == 1
    records = list((output.parent / "output-cache" / "builds").glob("*.json"))
    assert len(records) == 1 and json.loads(records[0].read_text(encoding="utf-8"))["inputs"]


def test_the_check_can_be_turned_off(site):
    content, output, runs = site
    for _ in range(2):
        assert build(content, output, KEEP_UNCHANGED_OUTPUT=False).status == 0
    assert len(runs) == 2, "with KEEP_UNCHANGED_OUTPUT off, every build runs in full"
