"""The timeline drawn as inline SVG at build time: no script, no external file.

Time runs down a vertical axis, so the drawing keeps a readable size on a
phone. Each day that has an entry gets a band, labelled with its date; a run
of days without entries is shortened to a marked break that says how many
days it stands for. Within a day, entries whose time is not stated come
first, then timed ones by time.

Articles are circles with the number of repeated statements they carried
(a large archive's articles are counted per day instead, a bar per day);
events are diamonds (the claim filled, others hollow) and outlets' notes
squares; every entry is also written out in words beside its mark, so no
meaning rests on shape or colour alone.

The drawing is one `role="img"` picture with a title and a description.
Links cannot live inside it (an image's children are presentational, so
links there are unreachable for assistive technology), so `draw_timeline`
also returns a hotspot per mark, in percent of the drawing, for the page to
lay links over; the page's text list of the same entries is the accessible
way in. Output depends on the input only: integer coordinates, fixed
decimals, no randomness.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date as Date

from .dates import short_month
from .overview import ARTICLE, CLAIM, DAY, NOTE, Mark, Timeline
from .wording import plural

WIDTH = 340   # drawn at about its own size on a phone, so that its text stays readable there
AXIS_X = 96
TEXT_X = 116
RIGHT = WIDTH - 8
HEADER = 26
GAP = 34
BAND_PAD = 6
TITLE_SIZE, TITLE_LINE = 13, 16
DETAIL_SIZE, DETAIL_LINE = 12, 15
# Rough average glyph width of a sans-serif face, in ems (bold is wider):
# enough to wrap text without measuring it.
GLYPH, BOLD_GLYPH = 0.56, 0.62
MAX_DETAIL_LINES = 3

INK, MUTED, RULE = "#1a1a1a", "#4d4d4d", "#d6d6d6"
ARTICLE_FILL, CLAIM_FILL, NOTE_FILL = "#3d2b6b", "#8a1c1c", "#1d5c2e"

TITLE_ID, DESC_ID = "timeline-title", "timeline-desc"


@dataclass(frozen=True)
class Hotspot:
    """Where a mark's row sits in the drawing, in its own units (the viewBox's), and where it leads."""
    url: str
    label: str
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Drawing:
    svg: str
    hotspots: tuple[Hotspot, ...]
    width: int
    height: int


def wrap(text: str, size: int, width: int = RIGHT - TEXT_X, max_lines: int | None = None,
         glyph: float = GLYPH) -> list[str]:
    """Greedy word wrap by an estimated glyph width; an overlong last line ends in "…"."""
    limit = max(8, int(width / (size * glyph)))
    lines: list[str] = []
    for word in text.split():
        while len(word) > limit:  # a single word wider than the line
            lines.append(word[:limit - 1] + "-")
            word = word[limit - 1:]
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        kept[-1] = (last if len(last) < limit else last[:limit - 1].rstrip()) + "…"
        return kept
    return lines


def day_label(day: Date) -> str:
    return f"{day.day} {short_month(day)} {day.year}"


def _time_words(mark: Mark) -> str:
    if not mark.date.has_time:
        return "time not stated"
    moment = mark.date.moment
    if not mark.date.has_zone:
        return f"{moment:%H:%M}, time zone not stated"
    return f"{moment:%H:%M} (UTC{moment.isoformat(timespec='minutes')[-6:]})"


def mark_lines(mark: Mark, statements: int) -> tuple[list[str], list[str]]:
    """The words written beside a mark: title lines and detail lines."""
    title = wrap(mark.title, TITLE_SIZE, max_lines=2, glyph=BOLD_GLYPH)
    if mark.kind == ARTICLE:
        details = [f"{len(mark.statements)} of {plural(statements, 'repeated statement')}",
                   _time_words(mark) + (f" · {mark.status.lower()}" if mark.status else "")]
        lines = [line for detail in details for line in wrap(detail, DETAIL_SIZE)]
        return title, lines[:MAX_DETAIL_LINES]
    detail = mark.detail
    return title, wrap(detail, DETAIL_SIZE, max_lines=MAX_DETAIL_LINES) if detail else []


def _row_height(title: list[str], details: list[str]) -> int:
    return 10 + TITLE_LINE * len(title) + DETAIL_LINE * len(details) + 6


def _marker(mark: Mark, y: int) -> str:
    x = AXIS_X
    if mark.kind == ARTICLE:
        count = len(mark.statements)
        fill, ink = (ARTICLE_FILL, "#ffffff") if count else ("#ffffff", ARTICLE_FILL)
        return (f'<circle cx="{x}" cy="{y}" r="12" fill="{fill}" stroke="{ARTICLE_FILL}" stroke-width="2"/>'
                f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="12" font-weight="700" fill="{ink}">{count}</text>')
    if mark.kind == DAY:
        return f'<rect x="{x - 6}" y="{y - 13}" width="12" height="26" rx="3" fill="{ARTICLE_FILL}"/>'
    if mark.kind == NOTE:
        return f'<rect x="{x - 8}" y="{y - 8}" width="16" height="16" fill="{NOTE_FILL}"/>'
    points = f"{x},{y - 11} {x + 11},{y} {x},{y + 11} {x - 11},{y}"
    if mark.kind == CLAIM:
        return f'<polygon points="{points}" fill="{CLAIM_FILL}"/>'
    return f'<polygon points="{points}" fill="#ffffff" stroke="{CLAIM_FILL}" stroke-width="3"/>'


def _text(x: int, y: int, text: str, size: int, fill: str = INK, **attrs: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{html.escape(value)}"' for name, value in attrs.items())
    return f'<text x="{x}" y="{y}" font-size="{size}" fill="{fill}"{extra}>{html.escape(text)}</text>'


def describe(timeline: Timeline) -> str:
    """The drawing's description (its <desc>), in words."""
    articles = sum(m.count for m in timeline.marks)
    events = [m for m in timeline.marks if not m.count]
    days = sorted({m.day for m in timeline.marks})
    parts = [f"A time axis running down the page from {day_label(days[0])} to {day_label(days[-1])}; "
             "runs of days without entries are shortened to a marked break."]
    if timeline.by_day:
        shown = "too many to show one by one: a bar for each day, with the number of its articles beside it"
    else:
        shown = f"each a circle with the number of the {plural(timeline.statements, 'repeated statement')} it carried"
    parts.append(f"{plural(articles, 'dated article')}, {shown}, and "
                 f"{plural(len(events), 'event')} where the correction came in: diamonds for the claim and "
                 "what happened to it, squares for the outlets' own notes.")
    if timeline.undated:
        parts.append(f"{plural(len(timeline.undated), 'article')} with no date "
                     f"{'is' if len(timeline.undated) == 1 else 'are'} listed beside the timeline, not on it.")
    parts.append("The list after the drawing gives every entry in words.")
    return " ".join(parts)


def draw_timeline(timeline: Timeline, title: str) -> Drawing | None:
    """The timeline as an SVG string and its hotspots; None when nothing is dated."""
    if not timeline.marks:
        return None
    body: list[str] = []
    spots: list[tuple[str, str, int, int]] = []   # url, label, top, height (viewBox units)
    y = HEADER
    body.append(_text(AXIS_X - 12, 16, "Date", DETAIL_SIZE, MUTED, text_anchor="end", font_weight="700"))
    body.append(_text(TEXT_X, 16, "Article or event", DETAIL_SIZE, MUTED, font_weight="700"))
    by_day: dict[Date, list[Mark]] = {}
    for mark in timeline.marks:
        by_day.setdefault(mark.day, []).append(mark)
    previous: Date | None = None
    for day, marks in by_day.items():
        if previous is not None and (day - previous).days > 1:
            empty = (day - previous).days - 1
            mid = y + GAP // 2
            body.append(f'<line x1="{AXIS_X}" y1="{y}" x2="{AXIS_X}" y2="{y + GAP}" stroke="{MUTED}" '
                        f'stroke-width="2" stroke-dasharray="3 4"/>')
            body.append(f'<path d="M{AXIS_X - 9} {mid + 1} l18 -6 M{AXIS_X - 9} {mid + 6} l18 -6" '
                        f'stroke="{INK}" stroke-width="2" fill="none"/>')
            body.append(_text(AXIS_X - 16, mid + 4, f"{plural(empty, 'day')} later", DETAIL_SIZE, MUTED,
                              text_anchor="end", font_style="italic"))
            y += GAP
        top = y
        body.append(f'<line x1="8" y1="{top}" x2="{RIGHT}" y2="{top}" stroke="{RULE}" stroke-width="1"/>')
        body.append(_text(AXIS_X - 16, top + 22, f"{day.day} {short_month(day)}", TITLE_SIZE, INK, text_anchor="end",
                          font_weight="700"))
        body.append(_text(AXIS_X - 16, top + 22 + DETAIL_LINE, f"{day:%Y}", DETAIL_SIZE, MUTED, text_anchor="end"))
        y += BAND_PAD
        rows = []
        for mark in marks:
            title_lines, detail_lines = mark_lines(mark, timeline.statements)
            height = _row_height(title_lines, detail_lines)
            rows.append((mark, y, height, title_lines, detail_lines))
            y += height
        y += BAND_PAD
        body.append(f'<line x1="{AXIS_X}" y1="{top}" x2="{AXIS_X}" y2="{y}" stroke="{INK}" stroke-width="2"/>')
        body.append(f'<line x1="{AXIS_X - 7}" y1="{top}" x2="{AXIS_X + 7}" y2="{top}" stroke="{INK}" stroke-width="2"/>')
        for mark, row_top, height, title_lines, detail_lines in rows:
            body.append(_marker(mark, row_top + 18))
            line_y = row_top + 10 + TITLE_SIZE
            for line in title_lines:
                body.append(_text(TEXT_X, line_y, line, TITLE_SIZE, INK, font_weight="600"))
                line_y += TITLE_LINE
            line_y += DETAIL_LINE - TITLE_LINE
            for line in detail_lines:
                body.append(_text(TEXT_X, line_y, line, DETAIL_SIZE, MUTED))
                line_y += DETAIL_LINE
            if mark.url:
                spots.append((mark.url, " ".join(title_lines + detail_lines), row_top, height))
        previous = day
    height = y + 10
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
           f'height="{height}" role="img" aria-labelledby="{TITLE_ID}" aria-describedby="{DESC_ID}" '
           f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, sans-serif" class="timeline-svg">'
           f'<title id="{TITLE_ID}">{html.escape(title)}</title>'
           f'<desc id="{DESC_ID}">{html.escape(describe(timeline))}</desc>'
           f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
           + "".join(body) + "</svg>")
    hotspots = tuple(Hotspot(url, label, AXIS_X - 14, top, RIGHT - AXIS_X + 14, h) for url, label, top, h in spots)
    return Drawing(svg, hotspots, WIDTH, height)
