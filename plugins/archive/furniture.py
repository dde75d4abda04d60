"""Recognise page furniture in raw text dumps of news pages.

"Furniture" is everything a web page wraps around an article that is not part
of the article: ad markers, share counters, newsletter prompts, teasers for
other stories, blog widgets, section labels.  The importer removes such lines
from the body and records each one (line number, kind, exact text), so the
archive never drops text silently.

Every rule below is a general pattern with a comment saying why it is
furniture; none is tied to the exact text of one archived page.  Rules only
ever match a *whole line* (after stripping surrounding whitespace), so a
sentence of the article that merely mentions "advertisement" or "subscribe"
is never touched.

Two entry points:

* :func:`classify` -- the furniture kind of one line, or ``None``.
* :func:`starts_tail` -- whether a line is a label ("Also Read", "Featured
  Post", ...) after which the rest of the document is other stories glued to
  the page, not the article.
"""

from __future__ import annotations

import re

__all__ = [
    "KINDS",
    "classify",
    "starts_tail",
    "is_inline_teaser",
]

#: Every kind this module can return, in a stable order (documentation/tests).
KINDS = (
    "advertisement",
    "share-counter",
    "newsletter-prompt",
    "teaser",
    "unrelated-story",
    "widget",
    "featured-post",
    "section-label",
)

_I = re.IGNORECASE

# Optional decoration around a short label: dashes, bullets, brackets, colons,
# ellipses ("- Advertisement -", "[ Ad ]", "Also Read:", "Read more...").
_DECO = r"[\s\-–—•·|:\[\](){}<>*_=~.…»«›‹]*"


def _label(words: str) -> re.Pattern[str]:
    """A line consisting of nothing but `words`, optionally decorated."""
    return re.compile(rf"^{_DECO}(?:{words}){_DECO}$", _I)


# (kind, pattern, why) -- checked in order, first match wins.
_LINE_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # --- advertisement -----------------------------------------------------
    (
        "advertisement",
        _label(
            r"advertisements?|advertising|advert|ads?|sponsored(?: content| links?)?"
            r"|promoted(?: content| stories)?|paid content"
            r"|(?:story|article) continues below(?: advertisement)?"
            r"|continue reading below"
        ),
        "ad slots leave their label behind as a line of its own",
    ),
    # --- share / view counters ---------------------------------------------
    (
        "share-counter",
        re.compile(r"^\d[\d,.]*[kKmM]?(?:\s+\d[\d,.]*[kKmM]?){1,3}$"),
        "two to four bare numbers on a line: share/view/comment counters",
    ),
    (
        "share-counter",
        re.compile(
            r"^\d[\d,.]*[kKmM]?\s*(?:shares?|views?|comments?|reads?|likes?|reactions?)"
            r"(?:\s+\d[\d,.]*[kKmM]?\s*(?:shares?|views?|comments?|reads?|likes?))*$",
            _I,
        ),
        "counters spelled out: '12 Shares', '0 Comments 78 Views'",
    ),
    # --- newsletter / subscription / follow prompts -------------------------
    (
        "newsletter-prompt",
        re.compile(r"^subscribe\b.{0,80}$", _I),
        "a short line that starts with 'Subscribe' is a subscription call",
    ),
    (
        "newsletter-prompt",
        re.compile(r"^.{0,120}\bsubscribe now\W*$", _I),
        "push-notification and paywall prompts end with 'subscribe now'",
    ),
    (
        "newsletter-prompt",
        re.compile(r"^sign up\b.{0,200}$", _I),
        "'Sign up here to get ...' newsletter sign-up boxes",
    ),
    (
        "newsletter-prompt",
        re.compile(r"^.{0,200}\b(?:delivered|straight|directly) to your inbox\W*$", _I),
        "newsletter pitches promise delivery 'to your inbox'",
    ),
    (
        "newsletter-prompt",
        re.compile(r"^(?:\S+\s+){0,6}newsletters?\W*$", _I),
        "a short line ending in 'newsletter' is the heading of a sign-up box",
    ),
    (
        "newsletter-prompt",
        re.compile(
            r"^(?:follow us|join us|like us|find us)\s+on\b.{0,80}$"
            r"|^(?:enable|turn on|allow)\s+(?:push\s+)?notifications\b.{0,80}$",
            _I,
        ),
        "calls to follow the outlet or enable notifications",
    ),
    # --- widgets -----------------------------------------------------------
    (
        "widget",
        re.compile(r"^.{0,40}\bwidget\b.{0,40}$|^.{0,40}\blinkwithin\b.{0,40}$", _I),
        "blog platforms print the credit of a related-posts widget",
    ),
    (
        "widget",
        re.compile(r"^powered by\s+\S.{0,40}$", _I),
        "'Powered by ...' platform credits",
    ),
    (
        "widget",
        _label(
            r"share(?: this(?: article| story| post)?)?(?: on \w+)?|tweet|pin it"
            r"|print(?: this)?|e-?mail(?: this)?|whatsapp|telegram|facebook|twitter"
            r"|share\s+(?:facebook|twitter|whatsapp|telegram|email)"
            r"(?:\s+(?:facebook|twitter|whatsapp|telegram|email|pinterest|linkedin))*"
        ),
        "share-button labels left over from social toolbars",
    ),
    # --- featured-post -----------------------------------------------------
    (
        "featured-post",
        _label(r"featured(?: posts?| stories| articles| news)?|editor'?s? picks?"),
        "blog templates put a 'Featured Post' box after the article",
    ),
    # --- teaser labels -----------------------------------------------------
    (
        "teaser",
        _label(
            r"also read|read also|read more|check also|see also|also see|also on \S+"
            r"|related(?: articles?| stories| posts?| news| coverage)?"
            r"|you (?:may|might) also like|more (?:stories|news|from \S+(?: \S+)?)"
            r"|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?"
            r"|popular posts|latest (?:posts|stories)|what to read next|don'?t miss"
        ),
        "labels that introduce teasers for other stories",
    ),
    # --- section labels ----------------------------------------------------
    (
        "section-label",
        re.compile(
            r"^(?:[A-Z][\w'’-]*\s+){0,2}"
            r"(?:News|Posts|Stories|Headlines|Politics|World|Opinion|Analysis|Video|Videos"
            r"|Categories|Labels|Tags|Archives?|Home|Menu|Sections?)$"
        ),
        "one to three capitalised words ending in a section name ('Only News', "
        "'World News', 'Labels') are navigation or category labels",
    ),
)

# Labels after which the rest of the document is other stories, not the
# article: teaser blocks and featured-post boxes sit below the article body.
_TAIL_KINDS = {"teaser", "featured-post"}

# "Also Read: <headline>" on one line: a teaser for one other story, inline.
_INLINE_TEASER = re.compile(
    r"^(?:also read|read also|read more|see also|also see|related|check also|must read)"
    r"\s*[:|–—-]\s*\S.{0,200}$",
    _I,
)


def classify(line: str) -> str | None:
    """Return the furniture kind of one line, or ``None`` if it is not furniture."""
    text = line.strip()
    if not text:
        return None
    for kind, pattern, _why in _LINE_RULES:
        if pattern.match(text):
            return kind
    if is_inline_teaser(text):
        return "teaser"
    return None


def starts_tail(line: str) -> bool:
    """True if `line` is a standalone label after which only other stories follow."""
    kind = classify(line)
    return kind in _TAIL_KINDS and not is_inline_teaser(line.strip())


def is_inline_teaser(line: str) -> bool:
    """True for a one-line teaser such as ``Also Read: Some other headline``."""
    return bool(_INLINE_TEASER.match(line.strip()))
