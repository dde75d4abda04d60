"""Pages whose inputs did not change are copied from the last build, and an
incremental build writes byte for byte what a clean build of the same content writes."""
from __future__ import annotations

import shutil

import pytest
from pelican.writers import Writer

from conftest import ROOT, copy_content, record_calls
from site_changes import CHANGES, TEMPLATE_MARK, built_tree as build, change_site

# Each builds whole sites.
pytestmark = pytest.mark.slow


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The pages Pelican's writer rendered, by output name."""
    return record_calls(monkeypatch, Writer, "write_file", lambda writer, name, *rest: name)


def test_a_build_with_nothing_changed_renders_no_article_or_statement_page(tmp_path, rendered):
    first = build(ROOT / "content", tmp_path / "first", tmp_path / "cache")
    articles = [name for name in rendered if name.startswith("articles/")]
    groups = [name for name in rendered if name.startswith("groups/") and name != "groups/index.html"]
    assert len(articles) == 5 and groups
    rendered.clear()
    assert build(ROOT / "content", tmp_path / "again", tmp_path / "cache") == first
    assert not [name for name in rendered if name.startswith("articles/") or name in groups]
    # The index and the outlet pages show every article: always rendered.
    assert "index.html" in rendered and "outlets/index.html" in rendered
    assert build(ROOT / "content", tmp_path / "uncached", tmp_path / "none", PAGE_CACHE=False) == first
    assert not (tmp_path / "none" / "pages").exists()


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_writes_what_a_clean_build_writes(tmp_path, rendered, change):
    content = copy_content(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    build(content, tmp_path / "output", tmp_path / "cache", THEME=str(theme))
    settings = change_site(content, theme, change)
    rendered.clear()
    incremental = build(content, tmp_path / "output", tmp_path / "cache", **settings)
    if change in ("changed template", "changed setting"):
        assert len([name for name in rendered if name.startswith("articles/")]) == len(list(
            (content / "articles").glob("*.md")))
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache", **settings)
    assert incremental == clean
    if change == "changed template":
        assert TEMPLATE_MARK.encode() in incremental[next(name for name in incremental if name.startswith("articles/"))]
