"""The pages of a built site, and one page of each kind a reader meets."""
from __future__ import annotations

from pathlib import Path


def html_pages(output: Path, moved: bool = False) -> list[Path]:
    """Every page of the site: the .html files, Pagefind's own aside, and
    (unless `moved`) the pages that only lead a reader on to where a
    statement group moved."""
    pages = sorted(p for p in output.rglob("*.html") if "pagefind" not in p.relative_to(output).parts
                   and (moved or 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")))
    assert len(pages) > 10, f"only {len(pages)} pages in {output}"
    return pages


def _first(output: Path, pattern: str, leave_out: str = "index.html") -> str:
    found = sorted(p for p in output.glob(pattern) if p.name != leave_out)
    assert found, f"no page matches {pattern} in {output}"
    return found[0].relative_to(output).as_posix()


def page_types(output: Path) -> dict[str, str]:
    """Kind of page -> one such page (relative to output/). An article page with
    the most paragraphs stands for articles: it carries the most marks and links."""
    def paragraphs(page: Path) -> int:
        return page.read_text(encoding="utf-8").count('class="para')

    articles = sorted(output.glob("articles/*.html"), key=lambda page: (-paragraphs(page), page.name))
    kinds = {
        "home": "index.html",
        "article": articles[0].relative_to(output).as_posix(),
        "outlets": "outlets/index.html",
        "outlet": _first(output, "outlets/*.html"),
        "groups": "groups/index.html",
        "group": _first(output, "groups/*.html"),
        "correction": _first(output, "corrections/*.html"),
        "search": "search.html",
        "about": "about.html",
        "not-found": "404.html",
        "overview": "overview.html",
    }
    for kind, page in kinds.items():
        assert (output / page).is_file(), f"{kind}: {page} is not in {output}"
    return kinds


ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def artifact(name: str) -> Path:
    """Where a test writes a file for people to look at (test-artifacts/ is gitignored)."""
    path = ARTIFACTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


#: What the search page is shown searching for, so that it shows results too.
SEARCH_PHRASE = "15-km zone"


def show(page, site: str, path: str):
    """Go to `path` on the served `site`; on the search page, search, so that results are shown too."""
    if path == "search.html":
        page.goto(f"{site}/search.html?q={SEARCH_PHRASE}")
        page.wait_for_selector("#search-results li")
    else:
        page.goto(f"{site}/{path}")
    return page
