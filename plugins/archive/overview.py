"""The overview of the spread: who repeated which statement, and when.

Two views computed from the reuse found and the articles' own facts, in
plain data (no Pelican):

- `spread_matrix`: outlets (rows) by repeated statements (columns). Each cell
  lists the outlet's paragraphs in that statement's group, each with how it
  matches: "first seen" for the group's earliest paragraph, otherwise the
  strongest of its links to the other members of the group.
- `spread_timeline`: the dated articles and the events where the correction
  came in (the claim, events given by the maintainer, and outlets' own notes
  when the note's text states a date), in time order; undated articles apart.
  A large archive's articles are counted per day instead.

Nothing here invents a date: a note without a stated date is not placed, an
article without a date is listed as "date unknown".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .article_facts import ArticleFacts
from .dates import MONTHS, ArchiveDate
from .reuse import Key, ReuseResult
from .reuse.model import STRENGTHS
from .statement_labels import short_label
from .reuse_view import group_url, paragraph_numbers
from .wording import plural

FIRST_SEEN = "first seen"
#: A member with no direct link to another member joined its group through
#: the others (clustering); it has no strength of its own.
INDIRECT = "via others"


# ---------------------------------------------------------------------------
# The matrix


@dataclass(frozen=True)
class Column:
    """One repeated statement: a reuse group."""
    number: int            # 1-based, in order of first appearance
    id: str
    url: str               # the group's comparison page, site-relative
    label: str             # the first seen paragraph's opening words
    first: Key             # the first seen paragraph


@dataclass(frozen=True)
class Entry:
    """One paragraph of an outlet in one statement's group."""
    article: ArticleFacts
    paragraph: str
    number: int            # the paragraph's position in its article, 1-based (its "¶" on the page)
    strength: str          # FIRST_SEEN, one of STRENGTHS, or INDIRECT

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.paragraph}"

    @property
    def first_seen(self) -> bool:
        return self.strength == FIRST_SEEN


@dataclass(frozen=True)
class Row:
    """One outlet; an unknown outlet is one row per article."""
    key: str                               # ArticleFacts.source_key
    label: str
    articles: tuple[ArticleFacts, ...]     # reading order
    cells: tuple[tuple[Entry, ...], ...]   # one per column; empty when not carried

    @property
    def carried(self) -> int:
        return sum(1 for cell in self.cells if cell)


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total_statements: int = 0   # all repeated statements, shown or not (see spread_matrix's max_statements)

    def strengths(self) -> set[str]:
        """Every strength some cell shows."""
        return {entry.strength for row in self.rows for cell in row.cells for entry in cell}


def _strongest(strengths: list[str]) -> str:
    ranked = [s for s in STRENGTHS if s in strengths]
    return ranked[0] if ranked else INDIRECT


def spread_matrix(result: ReuseResult, facts: dict[str, ArticleFacts],
                  paragraph_order: dict[str, list[str]], texts: dict[Key, object],
                  labels: dict[str, str] | None = None, max_statements: int | None = None) -> Matrix:
    """Outlets by repeated statements.

    `texts` maps a paragraph key to an object with a `text` attribute. A
    column's label is `labels[group id]` where given (the group pages' own
    labels, see archive.reuse_view.group_views), else the opening words of
    the first seen paragraph. Columns are in
    order of first appearance: the article order of each group's earliest
    paragraph, then that paragraph's place in its article. Rows are outlets in
    order of their earliest article; every archived article has a row, even
    one that carries no repeated statement.
    """
    position = paragraph_numbers(paragraph_order)

    def member_order(key: Key) -> tuple:
        return (facts[key[0]].order(), position.get(key, 0), key[1])

    strength_of: dict[frozenset, str] = {frozenset((link.a, link.b)): link.strength for link in result.links}
    groups = [(sorted(g.members, key=member_order), g) for g in result.groups]
    groups.sort(key=lambda item: (member_order(item[0][0]), item[1].id))
    total = len(groups)
    if max_statements is not None and total > max_statements:
        # A large archive shows the statements the most outlets repeated; a
        # table of every statement would be too wide to read (and to build).
        def spread(item) -> int:
            return len({facts[article].source_key for article, _ in item[0]})
        widest = set(id(item) for item in sorted(groups, key=lambda item: -spread(item))[:max_statements])
        groups = [item for item in groups if id(item) in widest]
    columns, member_strength = [], []
    for number, (members, group) in enumerate(groups, 1):
        first = members[0]
        label = (labels or {}).get(group.id) or short_label(texts[first].text)
        columns.append(Column(number, group.id, group_url(group.id), label, first))
        strengths = {first: FIRST_SEEN}
        for key in members[1:]:
            strengths[key] = _strongest([strength_of[frozenset((key, other))] for other in members
                                         if frozenset((key, other)) in strength_of])
        member_strength.append(strengths)

    outlets: dict[str, list[ArticleFacts]] = {}
    for fact in sorted(facts.values(), key=lambda f: f.order()):
        outlets.setdefault(fact.source_key, []).append(fact)
    rows = []
    for key, articles in outlets.items():
        slugs = {a.slug for a in articles}
        cells = []
        for strengths in member_strength:
            entries = [Entry(facts[k[0]], k[1], position.get(k, 0), s) for k, s in strengths.items() if k[0] in slugs]
            entries.sort(key=lambda e: (e.article.order(), e.number, e.paragraph))
            cells.append(tuple(entries))
        rows.append(Row(key, articles[0].outlet_label, tuple(articles), tuple(cells)))
    return Matrix(tuple(columns), tuple(rows), total)


# ---------------------------------------------------------------------------
# The timeline

ARTICLE, CLAIM, EVENT, NOTE = "article", "claim", "event", "note"
DAY = "day"   # the dated articles of one day, counted
# Within one day, items whose time is not stated keep this order: the claim,
# the articles repeating it, then what happened to it.
_KIND_RANK = {CLAIM: 0, ARTICLE: 1, DAY: 1, EVENT: 2, NOTE: 3}

_MONTHS = {name.lower(): n for n, name in enumerate(MONTHS, 1)}
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),  # 27 November 2017
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),  # November 27, 2017
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),                               # 2017-11-27
)


def stated_date(text: str | None) -> ArchiveDate | None:
    """The first complete date (day, month and year) written in `text`, or None.

    Only what the text states: a month without a day, a day without a year or
    an impossible date gives None rather than a guess.
    """
    if not text:
        return None
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["month"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                moment = datetime(int(match["year"]), month_number, int(match["day"]))
            except ValueError:
                continue
            found.append((match.start(), moment))
    if not found:
        return None
    return ArchiveDate(min(found, key=lambda item: item[0])[1])


@dataclass(frozen=True)
class Event:
    """Something that happened to the claim, given as data."""
    date: ArchiveDate
    title: str             # a few words: what happened
    detail: str = ""       # one sentence more
    url: str | None = None  # site-relative page that tells more
    source: str | None = None  # who reported it, in words
    kind: str = EVENT
    article: ArticleFacts | None = None  # the article an outlet's note is on


@dataclass(frozen=True)
class Mark:
    """One entry of the timeline: an article, a day's articles or an event."""
    kind: str              # ARTICLE, DAY, CLAIM, EVENT or NOTE
    date: ArchiveDate
    title: str
    detail: str
    url: str | None
    article: ArticleFacts | None = None
    statements: tuple[int, ...] = ()   # column numbers of the statements an article carried
    status: str | None = None          # how the outlet handled the claim, in words
    source: str | None = None
    count: int = 0                     # how many articles it stands for: an ARTICLE 1, a DAY its day's

    @property
    def day(self):
        return self.date.moment.date() if self.date.known else None

    def sort_key(self) -> tuple:
        time = self.date.moment.strftime("%H:%M") if self.date.known and self.date.has_time else ""
        return (self.date.sort_key()[0], self.day.isoformat() if self.day else "", time != "", time,
                _KIND_RANK[self.kind], self.article.order() if self.article else (), self.title)


@dataclass(frozen=True)
class Timeline:
    marks: tuple[Mark, ...]          # dated, in time order
    undated: tuple[Mark, ...]        # articles with no date, reading order
    statements: int                  # how many repeated statements there are in all
    by_day: bool = False             # articles are counted per day (DAY marks), not shown one by one


def carried_statements(matrix: Matrix) -> dict[str, tuple[int, ...]]:
    """Article slug -> numbers of the statements it carried."""
    carried: dict[str, set[int]] = {}
    for row in matrix.rows:
        for column, cell in zip(matrix.columns, row.cells):
            for entry in cell:
                carried.setdefault(entry.article.slug, set()).add(column.number)
    return {slug: tuple(sorted(numbers)) for slug, numbers in carried.items()}


def claim_event(claimant: str, claim: str, claim_date: ArchiveDate, url: str | None) -> Event:
    """The correction's claim as a timeline event."""
    return Event(claim_date, f"Claim made by the {claimant}" if claimant else "Claim made",
                 f"“{claim}”" if claim else "", url, None, CLAIM)


def note_events(facts: dict[str, ArticleFacts]) -> list[Event]:
    """An event for each outlet's own note whose text states its date."""
    events = []
    for fact in sorted(facts.values(), key=lambda f: f.order()):
        date = stated_date(fact.note)
        if date is None:
            continue
        events.append(Event(date, "The outlet's own note", f"on {fact.outlet_label}", fact.url, None, NOTE, fact))
    return events


def spread_timeline(facts: dict[str, ArticleFacts], matrix: Matrix, events: list[Event],
                    status: dict[str, str] | None = None, max_articles: int | None = None) -> Timeline:
    """The dated articles and `events` in time order; undated articles apart.

    `status` maps an article slug to how its outlet handled the claim, in
    words (from the corrections); events without a date are left out. With
    more than `max_articles` dated articles, each day's articles are one DAY
    mark that counts them: a timeline of thousands of articles one by one
    is too long to read (and to build), events stay one by one.
    """
    carried = carried_statements(matrix)
    status = status or {}
    marks, undated = [], []
    for fact in sorted(facts.values(), key=lambda f: f.order()):
        mark = Mark(ARTICLE, fact.date, fact.outlet_label, fact.title, fact.url, fact,
                    carried.get(fact.slug, ()), status.get(fact.slug), count=1)
        (marks if fact.date.known else undated).append(mark)
    by_day = max_articles is not None and len(marks) > max_articles
    if by_day:
        marks = _days(marks, len(matrix.columns))
    for event in events:
        if event.date.known:
            marks.append(Mark(event.kind, event.date, event.title, event.detail, event.url, event.article,
                              source=event.source))
    marks.sort(key=Mark.sort_key)
    return Timeline(tuple(marks), tuple(undated), len(matrix.columns), by_day)


def _days(articles: list[Mark], statements: int) -> list[Mark]:
    """One DAY mark per day of the article marks `articles`, in time order;
    `statements`: how many the matrix shows."""
    by_day: dict = {}
    for mark in articles:
        by_day.setdefault(mark.day, []).append(mark)
    days = []
    for day, marks in by_day.items():
        outlets = len({mark.article.source_key for mark in marks})
        carrying = sum(1 for mark in marks if mark.statements)
        detail = (f"from {plural(outlets, 'outlet')}; {carrying} of them carried one of the "
                  f"{plural(statements, 'repeated statement')} in the table")
        days.append(Mark(DAY, ArchiveDate(datetime(day.year, day.month, day.day)), plural(len(marks), "article"),
                         detail, None, count=len(marks)))
    return days
