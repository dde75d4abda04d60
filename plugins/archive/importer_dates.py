"""Read publication dates from the date lines of raw text dumps.

Only what the text states is returned: a calendar date needs a day, a month
and a year; a time is added only when the text gives one, and a UTC offset
only when the text gives an offset (``+03:00``, ``GMT+3``, ``UTC``).  A weekday
on its own ("on Tuesday") or a date without a year is not a date.

:func:`parse_date_text` is strict: the whole text must be a date expression
(optionally with weekday, time, zone and a "Published:"-style prefix), so a
sentence that merely contains a date is never taken for a date line.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .dates import MONTHS, WEEKDAYS

__all__ = ["ParsedDate", "parse_date_text"]

# The names come from archive.dates; sources also abbreviate them to three
# letters, and September and some weekdays to four or five.
_MONTHS = {**{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
           **{name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)},
           "sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=lambda name: (-len(name), name))) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_WEEKDAY_NAMES = {*(day.lower() for day in WEEKDAYS), *(day[:3].lower() for day in WEEKDAYS), "tues", "thur", "thurs"}
_WEEKDAY = r"(?:" + "|".join(sorted(_WEEKDAY_NAMES, key=lambda name: (-len(name), name))) + r")\.?"

# Calendar date forms, tried in order.  Day/month order is only accepted where
# it is unambiguous (month spelled out, or ISO year-month-day).
_DATE_FORMS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),          # November 14th, 2017
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 14 November 2017
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),  # 2017-11-14
    # 14.11.2017: with full stops, day first (the European and Russian way; no
    # one writes month.day.year).
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)"),
)
# 14/11/2017 or 11/14/2017: day and month in either order, so taken only when
# one of the two cannot be a month; 11/12/2017 is left unread.
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![\d/])")

_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?::\d\d)?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?!(?!Z)\w)",  # "18:40:00Z": the Z is the zone
    re.I,
)
# Offsets the text states explicitly, right after the time.  Named zones other
# than GMT/UTC/Z are ambiguous (IST, CST...): they are accepted on a date line
# but left out of the value, not guessed.
_ZONE = re.compile(
    r"^[\s,]*(?:(?:GMT|UTC)\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?"
    r"|(?P<utc>GMT|UTC|Z)(?![\w])"
    r"|(?P<sign2>[+\-−])(?P<oh2>\d\d):?(?P<om2>\d\d)(?![\w]))",
)
_NAMED_ZONE = re.compile(r"^[\s,]*(?:[A-Z]{2,4}T|IST|MSK)(?![\w])")

# Words that may frame a date line without changing its meaning.
_FRAME = re.compile(
    rf"\b(?:published|posted|updated|last updated|date|dated|on|at|{_WEEKDAY})\b\s*:?",
    re.I,
)


# ISO 8601 joins date and time with a "T": 2017-11-14T10:00+03:00.
_ISO_T = re.compile(r"(\d{4}-\d\d-\d\d)T(\d)")
# Fractions of a second (pages' metadata: 18:40:00.000Z) say nothing a minute needs.
_FRACTION = re.compile(r"(\d\d:\d\d:\d\d)[.,]\d+")


@dataclass(frozen=True)
class ParsedDate:
    """A date as the text states it."""

    date: _dt.date
    time: _dt.time | None = None
    offset: str | None = None  # "+03:00"

    def __str__(self) -> str:
        out = self.date.isoformat()
        if self.time is not None:
            out += " " + self.time.strftime("%H:%M")
            if self.offset is not None:
                out += self.offset
        return out


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _MONTHS.get(token.lower().rstrip("."))


def _match_date(text: str) -> tuple[_dt.date, re.Match[str]] | None:
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            month = _month_number(m.group("month"))
            try:
                value = _dt.date(int(m.group("year")), month or 0, int(m.group("day")))
            except ValueError:
                continue
            return value, m
    for m in _SLASHED.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if (a > 12) == (b > 12):
            continue   # both could be the month (or neither): which is the day is not stated
        day, month = (a, b) if a > 12 else (b, a)
        try:
            return _dt.date(int(m.group("year")), month, day), m
        except ValueError:
            continue
    return None


def _match_time(text: str) -> tuple[_dt.time, re.Match[str]] | None:
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("hour")), int(m.group("minute"))
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if hour > 23 or minute > 59:
            continue
        return _dt.time(hour, minute), m
    return None


def _match_zone(after_time: str) -> tuple[str | None, int]:
    """The offset stated right after a time, and how many characters it takes."""
    m = _ZONE.match(after_time)
    if m:
        if m.group("utc"):
            return "+00:00", m.end()
        sign = m.group("sign") or m.group("sign2")
        hours = m.group("oh") or m.group("oh2")
        minutes = m.group("om") or m.group("om2") or "00"
        if int(hours) <= 14 and int(minutes) <= 59:
            return f"{'-' if sign in '-−' else '+'}{int(hours):02d}:{minutes}", m.end()
        return None, 0
    named = _NAMED_ZONE.match(after_time)
    return None, (named.end() if named else 0)


def _cut(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + " " + text[m.end():]


def parse_date_text(text: str) -> ParsedDate | None:
    """Parse `text` if it is *only* a date expression, else return ``None``.

    >>> str(parse_date_text("07:13 AM, November 15, 2017"))
    '2017-11-15 07:13'
    >>> str(parse_date_text("Tuesday, November 14, 2017"))
    '2017-11-14'
    >>> parse_date_text("on Tuesday") is None
    True
    """
    text = _FRACTION.sub(r"\1", _ISO_T.sub(r"\1 \2", text))
    found = _match_date(text)
    if found is None:
        return None
    date, m = found
    rest = _cut(text, m)
    time = None
    offset = None
    found_time = _match_time(rest)
    if found_time is not None:
        time, tm = found_time
        offset, used = _match_zone(rest[tm.end():])
        rest = rest[: tm.start()] + " " + rest[tm.end() + used:]
    rest = _FRAME.sub(" ", rest)
    if re.search(r"\w", rest):
        return None
    return ParsedDate(date, time, offset)
