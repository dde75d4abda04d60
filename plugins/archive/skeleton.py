"""An empty article file for a maintainer to paste a text into."""
from __future__ import annotations

from pathlib import Path

from .article_fields import ARTICLE_FIELDS, validate
from .frontmatter import Document, parse
from .problems import Problem
from .slugs import slugify

#: The text `invoke new` puts where the article's text goes.  An article that
#: still holds it would publish an instruction as archived text: `check` and
#: the build refuse it (see `placeholder_problems`).
PLACEHOLDER = "Paste the article's text here, one blank line between paragraphs."


def skeleton_text(**fields: str) -> str:
    header = "\n".join(f"{name}: {fields[name.lower()]}" for name in
                       ("Title", "Slug", "Date", "Outlet", "Author", "Lang", "Original"))
    return header + "\n\n" + PLACEHOLDER + "\n"


def write_skeleton(folder: Path, *, title: str, outlet: str, date: str, author: str, lang: str, original: str) -> Path:
    """Write content/articles/<slug>.md; refuses bad values and existing files."""
    slug = slugify(title)
    text = skeleton_text(title=title, slug=slug, date=date, outlet=outlet, author=author, lang=lang, original=original)
    path = folder / f"{slug}.md"
    problems = validate(parse(text, str(path)), ARTICLE_FIELDS)
    if problems:
        raise ValueError("; ".join(p.message for p in problems))
    if path.exists():
        raise ValueError(f"{path} already exists")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def placeholder_problems(doc: Document) -> list[Problem]:
    """The lines of `doc`'s text that are still the skeleton's placeholder."""
    return [Problem(doc.path, doc.body_line + offset,
                    "the placeholder of `invoke new` is still here: replace it with the article's text")
            for offset, line in enumerate(doc.body.split("\n")) if line.strip() == PLACEHOLDER]
