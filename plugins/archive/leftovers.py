"""Warnings about page furniture left in an article's text.

An article written or pasted by hand, or imported before a rule existed,
may still carry lines the importer would have taken out: a share counter, a
copyright footer, a "Related Topics" label, a "Subscribe..." prompt, a
byline.  They are the outlet's page, not its article, but only a maintainer
can tell for sure (and the archived text is never changed behind their
back), so `check` warns, naming the line, and goes on.

The rules are the importer's own: :mod:`archive.furniture` for furniture and
:func:`archive.importer_header.read_byline` for bylines.
"""
from __future__ import annotations

from . import furniture
from .frontmatter import Document
from .importer_header import read_byline
from .markdown_escape import unescape_line
from .problems import Problem


def leftover_warnings(doc: Document) -> list[Problem]:
    """A warning for every body line of `doc` that reads as page furniture or a byline."""
    warnings = []
    for offset, raw in enumerate(doc.body.split("\n")):
        text = unescape_line(raw).strip()
        if not text or text.startswith(":::"):
            continue   # a block fence is the archive's own markup
        kind = furniture.classify(text)
        if kind is None and read_byline(text) is not None:
            kind = "byline"
        if kind is not None:
            warnings.append(Problem(doc.path, doc.body_line + offset,
                                    f"warning: this line looks like page furniture ({kind}), not article text: "
                                    f"{text[:60]!r}; if it is, move it to the import record or remove it"))
    return warnings
