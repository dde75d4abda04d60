"""Recognise the header lines of a raw news-page dump, one line at a time.

A dumped news page usually opens with a few short lines before the article
text: the headline, a byline, a date line (sometimes with the outlet's name),
an image caption.  The functions here each recognise one such kind of line
and say which header values it gives; :mod:`archive.importer` decides where
in the document to look for them.

Nothing here guesses: a value is returned only when the line states it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .furniture import classify, looks_like_outlet
from .importer_dates import parse_date_text

__all__ = [
    "LineInfo",
    "split_segments",
    "read_header_line",
    "read_role_line",
    "read_byline",
    "read_outlet_line",
    "read_address_line",
    "is_caption",
    "is_headline_like",
    "is_short_label",
    "is_editor_note",
    "note_points_to_link",
    "read_dateline",
]

_I = re.IGNORECASE

# Dashes and bars that separate the parts of a byline or date line
# ("November 14th, 2017 – Fort Russ News –", "– Agencies – – by X –").
# A hyphen only separates when spaced, so "US-led" stays one word.
_SEPARATOR = re.compile(r"(?:^|\s)[–—|•·](?=\s|$)|^[–—|•·]|[–—|•·]$|\s-\s|^-\s|\s-$")


@dataclass
class LineInfo:
    """What a header line gives: its kind and the header values it states."""

    kind: str
    values: dict[str, str] = field(default_factory=dict)


def split_segments(text: str) -> list[str]:
    """The non-empty parts of a line split at dashes/bars used as separators."""
    return [part.strip() for part in _SEPARATOR.split(text) if part and part.strip()]


# --- names -------------------------------------------------------------------

# A name as printed in a byline or outlet line: up to six words, each starting
# with a capital letter or digit, or a lower-case particle (al, bin, de, van).
_NAME_WORD = r"(?:[A-Z0-9\u00C0-\u00DE\u0400-\u042F][\w.'’&-]*|al|el|bin|ibn|de|da|di|du|van|von|der|la|le)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}$")
# Several names: "X and Y", "X, Y".
_NAMES = re.compile(rf"^{_NAME_WORD}(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*){_NAME_WORD}){{0,11}}$")


def _is_name(text: str) -> bool:
    return bool(_NAME.match(text.strip()))


# --- date lines and bylines ---------------------------------------------------
#
# Both are read segment by segment: a line split at its dashes and bars
# ("By Jane Roe | Senior Editor | 14 November 2017 | 3 min read") is a header
# line when every segment is something a header states (a date, a byline, a
# job title, an agency credit, a reading time, a name) and at least one of
# them is a date or names an author.  One unexplained segment and the line is
# not a header line: it stays in the text, where `check` can point at it.

_BYLINE_BY = re.compile(r"^(?:(?:written|posted|reported|story|text|words)\s+)?by[:\s]+(?P<name>.+)$", _I)
# Bylines that name a desk rather than a person; the text still states them.
_DESK = re.compile(
    r"^(?:our|staff|special|news|web|online|foreign|political|diplomatic|defence|defense)\s+"
    r"(?:bureau|correspondent|reporter|writer|desk|staff|editor)s?$"
    r"|^(?:[A-Z][\w-]*\s+){0,2}(?:Bureau|Desk|Newsroom)$",
    _I,
)
# A credit to news agencies in a byline ("Agencies", "AFP", "With agencies").
_AGENCY = re.compile(
    r"^(?:with\s+|from\s+)?(?:agencies|news agencies|wire services?|wires|agency)$"
    r"|^(?:AFP|AP|Reuters|TASS|Sputnik|RIA Novosti|Interfax|Xinhua|ANI|PTI|IANS|DPA|EFE|ANSA|UPI|IRNA|SANA)$",
    _I,
)
_AUTHOR_LABEL = re.compile(r"^(?:author|by-?line)\s*:\s*(?P<name>.+)$", _I)
# A job title printed beside a byline: "Moscow correspondent", "Senior Editor",
# "Staff Writer", "Editor-in-Chief", "Reporter for Example News".
_ROLE = re.compile(
    r"^(?:[\w'’.-]+\s+){0,4}"
    r"(?:correspondent|reporter|editor|editor-in-chief|writer|journalist|columnist|contributor|producer"
    r"|analyst|bureau chief|photographer|commentator|presenter|anchor|intern|freelancer|freelance)s?"
    r"(?:\s+(?:for|at|of|with)\s+\S.{0,40})?$",
    _I,
)
# "Jane Roe in Moscow": where the reporter filed from.
_FILED_FROM = re.compile(r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")
_POSTED_ON = re.compile(r"^(?:posted|published|written|updated)\s+(?:on\s+)?(?P<date>.+?)\s+by\s+(?P<names>.+)$", _I)
_ON_DATE = re.compile(r"^(?P<names>.+?)\s+(?:on|at)\s+(?P<date>.+)$")
# Key order of the values a header line gives, so that records read the same way.
_VALUE_ORDER = ("author", "credit", "role", "place", "date", "outlet", "unread")


def _is_role(text: str) -> bool:
    return bool(_ROLE.match(text.strip())) and not _DESK.match(text.strip())


def _read_by_names(names: str) -> dict[str, list[str]] | None:
    """The people, job titles, places and agencies after a "By": ``Jane Roe,
    Moscow correspondent``; ``Jane Roe and John Doe, Reuters``; ``Jane Roe in Moscow``."""
    found: dict[str, list[str]] = {"author": [], "role": [], "place": [], "credit": []}
    for piece in (p.strip() for p in names.split(",")):
        filed = _FILED_FROM.match(piece)
        if filed and _NAMES.match(filed.group("name")):
            found["author"].append(filed.group("name"))
            found["place"].append(filed.group("place"))
        elif _AGENCY.match(piece):
            found["credit"].append(piece)
        elif found["author"] and (_is_role(piece) or _DESK.match(piece)):   # "Jane Roe, Staff Writer"
            found["role"].append(piece)
        elif _NAMES.match(piece):
            found["author"].append(piece)
        else:
            return None
    return found if found["author"] else None


def read_header_line(text: str) -> LineInfo | None:
    """A date line, a byline, or both in one, with what it states.

    ``November 14th, 2017 – Fort Russ News –`` gives date and outlet (kind
    "dateline"); ``07:13 AM, November 15, 2017`` a date ("date");
    ``– Agencies – – by Samer Hussein –``, ``By Jane Roe, Moscow
    correspondent``, ``Jane Roe | Senior Editor`` and ``By Jane Roe • 14 Nov
    2017`` an author, with credit, job title or date ("byline").

    A name beside a date is the outlet only when it reads as a publication's
    name ("Fort Russ News"); a person's name beside a date, with no "by" and
    no job title, could be the author or someone else: it is kept in the
    record as "unread", not put in a field.
    """
    stripped = text.strip()
    whole = parse_date_text(stripped)
    if whole is not None:
        return LineInfo("date", {"date": str(whole)})
    if _DESK.match(stripped):
        return LineInfo("byline", {"author": stripped})
    labelled = _AUTHOR_LABEL.match(stripped)
    if labelled and _NAMES.match(labelled.group("name").strip()):
        return LineInfo("byline", {"author": labelled.group("name").strip()})
    posted = _POSTED_ON.match(stripped)
    if posted and parse_date_text(posted.group("date")) is not None:
        # "Posted on November 14, 2017 by Jane Roe": read as "by Jane Roe" with its date
        stripped = f"by {posted.group('names')} – {posted.group('date')}"
    found: dict[str, list[str]] = {key: [] for key in _VALUE_ORDER}
    bare: list[str] = []
    for part in split_segments(stripped):
        by = _BYLINE_BY.match(part)
        names = None
        if by:
            named = by.group("name").strip()
            on_date = _ON_DATE.match(named)   # "Written by Jane Roe on 14 November 2017"
            if on_date and parse_date_text(on_date.group("date")) is not None and not found["date"]:
                found["date"].append(str(parse_date_text(on_date.group("date"))))
                named = on_date.group("names")
            names = _read_by_names(named)
        if names:
            for key, values in names.items():
                found[key] += values
            continue
        if by:
            return None
        parsed = parse_date_text(part)
        if parsed is not None:
            if found["date"]:
                found["unread"].append(part)   # a second date ("Updated: ..."): recorded, the first is the date
            else:
                found["date"].append(str(parsed))
        elif _DESK.match(part):
            found["author"].append(part)
        elif _AGENCY.match(part):
            found["credit"].append(part)
        elif _is_role(part):
            found["role"].append(part)
        elif classify(part) == "reading-time":
            continue
        elif _is_name(part):
            bare.append(part)
        elif "," in part and (named := _read_by_names(part)) and named["role"]:
            for key, values in named.items():   # "Jane Roe, Staff Writer": the title says who she is
                found[key] += values
        else:
            return None
    for name in bare:
        if looks_like_outlet(name) and not found["outlet"]:
            found["outlet"].append(name)
        elif found["role"] and not found["author"]:
            found["author"].append(name)   # "Jane Roe | Senior Editor": the title says who she is
        else:
            found["unread"].append(name)
    if not (found["date"] or found["author"] or found["credit"]):
        return None
    if found["role"] and not found["author"]:
        return None   # a job title alone beside a date: whose?
    values = {key: ", ".join(found[key]) for key in _VALUE_ORDER if found[key]}
    if found["author"] or found["credit"]:
        return LineInfo("byline", values)
    return LineInfo("dateline" if "outlet" in values else "date", values)


def read_role_line(text: str) -> LineInfo | None:
    """A job title on a line of its own, below a byline: ``Moscow correspondent``."""
    stripped = text.strip()
    if _is_role(stripped) and len(stripped.split()) <= 6:
        return LineInfo("byline", {"role": stripped})
    return None


def read_byline(text: str) -> LineInfo | None:
    """A byline, with or without a date (see :func:`read_header_line`)."""
    info = read_header_line(text)
    return info if info is not None and info.kind == "byline" else None


# --- outlet and address lines --------------------------------------------------


def read_outlet_line(text: str) -> LineInfo | None:
    """A line that only names the outlet between dashes: ``– Fort Russ News –``.

    A bare name without the dashes is not taken: it could as well be a
    section label or a photo caption.
    """
    stripped = text.strip()
    if not re.match(r"^[–—|-]\s*\S.*\S\s*[–—|-]$", stripped):
        return None
    parts = split_segments(stripped)
    if len(parts) == 1 and _is_name(parts[0]) and not _AGENCY.match(parts[0]):
        return LineInfo("outlet", {"outlet": parts[0]})
    return None


_URL = re.compile(r"https?://[^\s<>\"']+", _I)
_ADDRESS_LABEL = re.compile(
    r"^(?:source|original|original article|url|link|permalink|read (?:more|the original) at)\s*:?\s*$", _I
)


def read_address_line(text: str) -> LineInfo | None:
    """A line giving the article's own address: a bare URL, or ``Source: URL``."""
    stripped = text.strip()
    m = _URL.search(stripped)
    if not m:
        return None
    before, after = stripped[: m.start()], stripped[m.end():]
    if after.strip() or (before.strip() and not _ADDRESS_LABEL.match(before.strip())):
        return None
    return LineInfo("address", {"original": m.group(0).rstrip(".,;)")})


# --- captions --------------------------------------------------------------------

# A credit in parentheses at the end of a line: "(Image; Russian MoD)",
# "(Photo: AFP)", "(File photo)".  Captions carry these; sentences rarely do.
_CAPTION_CREDIT = re.compile(
    r"\(\s*(?:file\s+)?(?:image|photo|picture|photograph|pic|illustration|video|screenshot|credit)s?"
    r"(?:\s+credit)?\b[^()]*\)\s*$",
    _I,
)
# "Photo: ...", "Image credit: ..." at the start of a line (capitalised, as
# captions print it; "photo: it showed..." inside a sentence is not a caption).
_CAPTION_LABEL = re.compile(
    r"^(?:File\s+|FILE\s+)?(?:Image|Photo|Picture|Photograph|Pic|Illustration|Screenshot"
    r"|IMAGE|PHOTO|PICTURE|PHOTOGRAPH|PIC|ILLUSTRATION|SCREENSHOT)s?(?:\s+[Cc]redit|\s+CREDIT)?\s*[:|]\s*\S"
)
# "... Photo: AFP" / "... | Photo credit: Reuters" at the end of a line: a short
# credit without a full stop of its own.
_CAPTION_TRAILER = re.compile(
    r"(?:^|[|.]\s*|\s)(?:Image|Photo|Picture|Photograph|IMAGE|PHOTO|PICTURE)s?(?:\s+[Cc]redit|\s+CREDIT)?"
    r"\s*:\s*[\w ,/&'’-]{2,60}$"
)


def is_caption(text: str) -> bool:
    """True if a standalone line reads as an image caption with its credit."""
    stripped = text.strip()
    if len(stripped.split()) > 60:
        return False
    return bool(
        _CAPTION_CREDIT.search(stripped) or _CAPTION_LABEL.match(stripped) or _CAPTION_TRAILER.search(stripped)
    )


# --- headlines and labels --------------------------------------------------------

_SENTENCE_END = re.compile(r"[.;,]['\"’”»)]*$")


def is_headline_like(text: str, max_words: int = 30) -> bool:
    """A short line not ending like a sentence: a headline candidate.

    Headlines end without a full stop (a question or exclamation mark is
    fine); body sentences end with one.
    """
    stripped = text.strip()
    words = stripped.split()
    if not 2 <= len(words) <= max_words:
        return False
    if stripped.endswith("..."):
        return False
    return not _SENTENCE_END.search(stripped)


def is_short_label(text: str, max_words: int = 8) -> bool:
    """A few words without sentence punctuation: a place name, a caption stub."""
    stripped = text.strip()
    words = stripped.split()
    return 1 <= len(words) <= max_words and not re.search(r"[.!?;:,\"“”«»]", stripped)


# --- editor's notes ---------------------------------------------------------------

# A note opens with a label and a colon or dash ("(NOTE: ...", "Editor's note -
# ...", "UPDATE: ..."), or says outright that the story was updated/corrected.
_EDITOR_NOTE = re.compile(
    r"^[(\[]?\s*(?:(?:editor(?:'s|’s|s)?\s+note|ed\.?\s+note|note|update[d]?|correction|clarification)"
    r"\s*[:–—-]"
    r"|this (?:story|article|report|post) (?:has been|was) (?:updated|corrected|amended)\b)",
    _I,
)
_NOTE_SUBJECT = re.compile(
    r"\b(?:updated?|correct(?:ed|ion)|amended|clarif\w+|retract\w*|deleted|removed|false|fake|debunked|"
    r"proved|proven|misleading|inaccura\w+|error)\b",
    _I,
)
_NOTE_LINK = re.compile(r"\b(?:link|click\w*|below|following|here)\b", _I)


def is_editor_note(text: str) -> bool:
    """The outlet's own note about an update or correction of the article."""
    stripped = text.strip()
    return bool(_EDITOR_NOTE.match(stripped) and _NOTE_SUBJECT.search(stripped))


def note_points_to_link(text: str) -> bool:
    """True when an editor's note refers the reader to a link that follows it."""
    return bool(_NOTE_LINK.search(text))


# --- datelines in the first paragraph -------------------------------------------

# "Moscow, SANA – ...", "DAMASCUS, (SANA) - ...", "Moscow (Sputnik) — ...".
# The place is one to four capitalised words; the source one to five.
_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_SOURCE = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}"
_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE})\s*(?:,\s*\(?(?P<src1>{_SOURCE})\)?|\((?P<src2>{_SOURCE})\)))"
    r"\s*[–—-]+\s*(?=\S)"
)
# Sentence openers that look like a place but are not one.
_NOT_PLACE = {"however", "meanwhile", "moreover", "still", "yet", "also", "indeed", "thus", "so", "but", "and", "then"}


def read_dateline(paragraph: str) -> LineInfo | None:
    """A dateline opening a paragraph: place and source, e.g. ``Moscow, SANA –``.

    Gives ``dateline`` (as written, without the dash) and ``outlet`` (the
    source the dateline names as the publisher).
    """
    m = _DATELINE.match(paragraph.strip())
    if not m or m.group("place").lower() in _NOT_PLACE:
        return None
    source = (m.group("src1") or m.group("src2")).strip()
    return LineInfo("dateline", {"dateline": m.group("dateline").strip(), "outlet": source})
