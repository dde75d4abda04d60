"""The header of a content file: `Key: value` lines, a blank line, the body.

This is Pelican's own Markdown metadata style, kept so that maintainers who
know Pelican feel at home, but parsed here so that every problem can name
the line it is on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import ContentError, Problem

_FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):[ \t]*(?P<value>.*?)\s*$")

#: The largest content file or raw dump the archive reads: a long news
#: article is some tens of kilobytes; a file of megabytes is a mistake (a
#: whole page's source, a binary), and reading it would take minutes.
MAX_FILE_BYTES = 1_000_000
#: Control characters no article contains, which reach the HTML and the data
#: (NUL, ESC, VT, ...): C0 but tab and line breaks, DEL, C1.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Field:
    name: str   # as written, e.g. "Imported-From"
    value: str
    line: int


@dataclass(frozen=True)
class Document:
    path: str
    fields: dict[str, Field]   # keyed by lower-case name
    body: str
    body_line: int             # line number of the body's first line

    def value(self, key: str, default: str | None = None) -> str | None:
        field = self.fields.get(key.lower())
        return field.value if field else default

    def line_of(self, key: str) -> int:
        field = self.fields.get(key.lower())
        return field.line if field else 1


def decode(raw: bytes, path: str) -> str:
    """Bytes to text, naming the line of the first byte that is not UTF-8, or
    of the first control character; a file over MAX_FILE_BYTES is refused."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(Problem(path, 1, f"the file has {len(raw):,} bytes; the archive reads files of at most "
                                            f"{MAX_FILE_BYTES:,} (a news article is far smaller: is this the right file?)"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentError(Problem(path, line, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        raise ContentError(Problem(path, line, f"control character U+{ord(control.group()):04X} at column {column}: "
                                               "remove it (no article text contains one)"))
    return text


def parse(text: str, path: str) -> Document:
    """Split a file's text into its header fields and its body."""
    if not text.strip():
        raise ContentError(Problem(path, 1, "the file is empty"))
    lines = text.split("\n")
    fields: dict[str, Field] = {}
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        match = _FIELD.match(line)
        if not match:
            if not fields:
                raise ContentError(Problem(path, number, "the file must start with header lines such as 'Title: ...', then a blank line, then the text"))
            raise ContentError(Problem(path, number, f"expected a 'Key: value' header line or a blank line before the text, found {line.strip()[:40]!r}"))
        key = match["key"].lower()
        if key in fields:
            raise ContentError(Problem(path, number, f"field '{match['key']}' is given twice (first on line {fields[key].line})"))
        fields[key] = Field(match["key"], match["value"], number)
    else:
        number += 1
    body = "\n".join(lines[number:])
    return Document(path, fields, body, number + 1)
