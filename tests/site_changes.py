"""A maintainer's changes to a site, for the tests of what a rebuild keeps:
each is made to a private copy of the content (and of the theme)."""
from __future__ import annotations

from pathlib import Path

from conftest import build_site
from test_build import tree
from test_devset_site import as_article

CHANGES = ("added article", "edited paragraph", "removed article", "changed correction", "changed template",
           "changed setting")
#: What `change_site` adds to an article page's template.
TEMPLATE_MARK = "<p>Kept by us.</p>"


def change_site(content: Path, theme: Path, change: str) -> dict:
    """Make `change` to `content` or `theme`; the settings the changed site is built with."""
    articles = sorted((content / "articles").glob("*.md"))
    settings = {"THEME": str(theme)}
    if change == "added article":
        (content / "articles" / "dev-n1.md").write_text(as_article("n1"), encoding="utf-8")
    elif change == "edited paragraph":
        # A word doubled in the first paragraph of the archived text (not the header, not a caption).
        blocks = articles[0].read_text(encoding="utf-8").split("\n\n")
        first = next(i for i, block in enumerate(blocks) if i and not block.startswith(":::") and " the " in block)
        blocks[first] = blocks[first].replace(" the ", " the the ", 1)
        articles[0].write_text("\n\n".join(blocks), encoding="utf-8")
    elif change == "removed article":
        articles[2].unlink()
    elif change == "changed correction":
        # The claim wording: what the corrections put to the archive.
        correction = next((content / "corrections").glob("*.md"))
        text = correction.read_text(encoding="utf-8")
        passage = "\n> The Abu Kamal liberation operation revealed facts of direct cooperation"
        assert passage in text
        correction.write_text(text.replace(passage, "\n> The Abu Kamal operation showed direct cooperation", 1),
                              encoding="utf-8")
    elif change == "changed template":
        page = theme / "templates" / "article.html"
        page.write_text(page.read_text(encoding="utf-8").replace("</article>", TEMPLATE_MARK + "</article>", 1),
                        encoding="utf-8")
    elif change == "changed setting":
        settings.update(SITENAME="Another name for the archive", REUSE_MIN_SCORE=0.2)
    else:
        raise ValueError(change)
    return settings


def built_tree(content: Path, output: Path, cache: Path, **settings) -> dict[str, bytes]:
    """Build (search off, its cache in `cache`); every output file's bytes by name."""
    result = build_site(content, output, SEARCH_INDEX=False, CACHE_PATH=str(cache), **settings)
    assert result.status == 0, result.errors
    return tree(output)
