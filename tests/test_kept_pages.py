"""Pages whose inputs did not change are copied from the last build, and an
incremental build writes byte for byte what a clean build of the same content writes."""
from __future__ import annotations

import shutil

import pytest
from pelican.writers import Writer

from conftest import ROOT, build_site, copy_content
from test_build import tree
from test_devset_site import as_article


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The pages Pelican's writer rendered, by output name."""
    names: list[str] = []
    real = Writer.write_file

    def counted(self, name, *args, **kwargs):
        names.append(name)
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", counted)
    return names


def build(content, output, cache, **settings):
    result = build_site(content, output, SEARCH_INDEX=False, CACHE_PATH=str(cache), **settings)
    assert result.status == 0, result.errors
    return tree(output)


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


CHANGES = ["added article", "edited paragraph", "removed article", "changed correction", "changed template",
           "changed setting"]


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_writes_what_a_clean_build_writes(tmp_path, rendered, change):
    content = copy_content(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    build(content, tmp_path / "output", tmp_path / "cache", THEME=str(theme))
    articles = sorted((content / "articles").glob("*.md"))
    settings = {"THEME": str(theme)}
    if change == "added article":
        (content / "articles" / "dev-n1.md").write_text(as_article("n1"), encoding="utf-8")
    elif change == "edited paragraph":
        text = articles[0].read_text(encoding="utf-8")
        articles[0].write_text(text.replace(" the ", " the the ", 1), encoding="utf-8")
    elif change == "removed article":
        articles[2].unlink()
    elif change == "changed correction":
        correction = next((content / "corrections").glob("*.md"))
        text = correction.read_text(encoding="utf-8")
        correction.write_text(text.replace("Claim: Images prove", "Claim: Pictures prove", 1), encoding="utf-8")
    elif change == "changed template":
        page = theme / "templates" / "article.html"
        page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>Kept by us.</p></article>", 1),
                        encoding="utf-8")
    else:
        settings["SITENAME"] = "Another name for the archive"
    rendered.clear()
    incremental = build(content, tmp_path / "output", tmp_path / "cache", **settings)
    if change in ("changed template", "changed setting"):
        assert len([name for name in rendered if name.startswith("articles/")]) == len(list(
            (content / "articles").glob("*.md")))
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache", **settings)
    assert incremental == clean
    if change == "changed template":
        assert b"Kept by us." in incremental[next(name for name in incremental if name.startswith("articles/"))]
