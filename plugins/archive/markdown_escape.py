"""Escape archived text so that Markdown shows it exactly as written.

Archived sentences are evidence: a line that happens to start with ``#``,
``1.`` or ``>`` must not become a heading, a list or a quote, ``*stars*`` must
not become emphasis, and ``<script>`` must stay text.  CommonMark (and mistune
3) lets any ASCII punctuation character be backslash-escaped, which renders
as the character itself, so escaping is always safe; we escape

* everywhere: ``\\ * _ ` [ ] < > | ~`` (emphasis, code, links, raw HTML and
  autolinks, tables and strike-through of common extensions);
* ``&`` only where it starts something a renderer would read as an entity
  (``&amp;``, ``&#39;``) -- elsewhere ``&`` already shows as itself;
* at the start of a line: ``#`` (heading), ``-`` ``+`` ``=`` (list item,
  thematic break, setext underline), ``:`` (the ``:::{name}`` fences and
  directive options of this archive), and the ``.``/``)`` after a number of
  up to nine digits (ordered list item).

Leading white space is dropped (four spaces would make a code block; it
carries no words), and so is trailing white space (two trailing spaces would
make a hard line break).
"""

from __future__ import annotations

import re

__all__ = ["escape_line", "escape_lines", "unescape_line"]

_INLINE = re.compile(r"([\\*_`\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_LEADING_MARK = re.compile(r"^([#+=:-])")
_LEADING_NUMBER = re.compile(r"^(\d{1,9})([.)])")


def escape_line(text: str) -> str:
    """Escape one line of archived text for use as Markdown inline content."""
    text = text.strip()
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LEADING_MARK.sub(r"\\\1", text)
    text = _LEADING_NUMBER.sub(r"\1\\\2", text)
    return text


def escape_lines(lines: list[str]) -> str:
    """Escape the lines of one paragraph, keeping its line breaks as hard breaks.

    The lines are joined with a backslash before the newline (a CommonMark
    hard line break), so a paragraph whose source lines were separate stays
    shown on separate lines, and the second line is never read as a heading
    underline or list item.
    """
    escaped = [escape_line(line) for line in lines if line.strip()]
    return "\\\n".join(escaped)


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_line(line: str) -> str:
    """The text a line of archived Markdown shows (the inverse of :func:`escape_line`
    for the backslash escapes it adds), for checks that read the words."""
    return _ESCAPED.sub(r"\1", line)
