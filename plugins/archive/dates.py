"""Publication dates exactly as precise as the source gives them.

An archived article may give a day, a day and a time, a time with its zone,
or no date at all. We keep that precision instead of padding it: a missing
time is not midnight, a missing zone is not UTC, a missing date is unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

UNKNOWN = "unknown"

_FORMAT = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})"
    r"(?:[ T](?P<time>\d{2}:\d{2})(?P<zone>Z|[+-]\d{2}:\d{2})?)?$"
)


#: The site's month names (its pages are in English, whatever the builder's locale).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


#: The days of the week, Monday first.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_name(day) -> str:
    """A date's month ("November"), in the site's language, not the locale's:
    strftime's %B speaks the build machine's ("novembre")."""
    return MONTHS[day.month - 1]


def short_month(day) -> str:
    """A date's month in three letters ("Nov")."""
    return month_name(day)[:3]


@dataclass(frozen=True)
class ArchiveDate:
    moment: datetime | None   # None when the source gives no date
    has_time: bool = False
    has_zone: bool = False

    @property
    def known(self) -> bool:
        return self.moment is not None

    def iso(self) -> str | None:
        """Machine-readable form, no more precise than the source."""
        if self.moment is None:
            return None
        if not self.has_time:
            return self.moment.strftime("%Y-%m-%d")
        if not self.has_zone:
            return self.moment.strftime("%Y-%m-%dT%H:%M")
        return self.moment.isoformat(timespec="minutes")

    def display(self) -> str:
        """Human-readable form that says what the source left out."""
        if self.moment is None:
            return "Date unknown"
        day = f"{self.moment.day} {month_name(self.moment)} {self.moment.year}"
        if not self.has_time:
            return day
        if not self.has_zone:
            return f"{day}, {self.moment:%H:%M} (time zone not stated)"
        offset = self.moment.isoformat(timespec="minutes")[-6:]
        return f"{day}, {self.moment:%H:%M} (UTC{offset})"

    def sort_key(self) -> tuple:
        """Known dates in order; unknown dates after all known ones."""
        if self.moment is None:
            return (1, "")
        return (0, self.moment.strftime("%Y-%m-%dT%H:%M"))


def parse_date(text: str) -> ArchiveDate:
    """Parse `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM+HH:MM` or `unknown`."""
    value = text.strip()
    if value.lower() == UNKNOWN:
        return ArchiveDate(None)
    match = _FORMAT.match(value)
    if not match:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM+HH:MM or 'unknown'")
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError as err:
        raise ValueError(f"date {value!r} does not exist ({err})") from None
    return ArchiveDate(moment, has_time=bool(match["time"]), has_zone=bool(match["zone"]))
