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

Two more serve the top of a page, above the headline, where a dump carries
the site's masthead and navigation:

* :func:`classify_top` -- the furniture kind of a line that is furniture
  only there (a section name in capitals: "WORLD NEWS" above a headline is
  navigation; inside the article it could be a subheading).
* :func:`looks_like_outlet` -- whether a short line reads as the name of a
  publication ("The Northern Ledger", "Example Daily News"): a masthead.
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
    "copyright",
    "navigation",
    "reading-time",
    "comments",
    "page-top",
)

_I = re.IGNORECASE

# Optional decoration around a short label: dashes, bullets, brackets, colons,
# ellipses ("- Advertisement -", "[ Ad ]", "Also Read:", "Read more...").
_DECO = r"[\s\-–—•·|:\[\](){}<>*_=~.…»«›‹]*"


def _label(words: str) -> re.Pattern[str]:
    """A line consisting of nothing but `words`, optionally decorated."""
    return re.compile(rf"^{_DECO}(?:{words}){_DECO}$", _I)


# Words of a social toolbar: share buttons and their counters.
_SOCIAL = (
    r"share[sd]?|tweet(?:s|ed)?|retweets?|likes?|pin(?:s|\s+it)?|e-?mail|print|save|copy(?:\s+link)?|comments?"
    r"|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|messenger|flipboard|threads|bluesky"
    r"|mastodon|sms|viber|weibo|wechat|on"
)
_COUNT = r"\d[\d,.]*[kKmM]?"
# Sections a news site files its stories under; a line made of them alone
# is a section or breadcrumb label.
SECTION_WORDS = (
    r"world|middle\s+east|europe|asia|africa|americas?|latin\s+america|us|uk|u\.s\.|u\.k\.|national|international"
    r"|local|politics|business|economy|opinion|analysis|comment|sports?|science|tech(?:nology)?|culture|health"
    r"|defen[cs]e|security|conflict|breaking(?:\s+news)?|latest(?:\s+news)?|top\s+stories|live|video|news"
    r"|home|front\s+page|features?|investigations?|editorial|blogs?|press\s+releases?"
)

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
    (
        "share-counter",
        re.compile(rf"^(?=.*\d)(?:(?:{_SOCIAL})\b\W*+|{_COUNT}\b\W*+)++$", _I),
        "a row of share buttons with their counts: 'Share 12 Tweet 3', 'Facebook 40 Twitter 7'",
    ),
    (
        "widget",
        re.compile(r"^(?=.*\b(?:share|tweet|facebook|twitter|whatsapp|telegram|linkedin|e-?mail)\b)"
                   rf"(?:(?:{_SOCIAL})\b\W*+){{2,12}}$", _I),
        "a row of share buttons without counts: 'Facebook Twitter WhatsApp Email', 'Share on Facebook Share on X'",
    ),
    # --- copyright ---------------------------------------------------------
    (
        "copyright",
        re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved\b).{0,200}$"
                   r"|^.{0,120}\ball rights reserved\W*$", _I),
        "the site's copyright notice in its footer ('© 2017 ...', 'Copyright ...', 'All rights reserved')",
    ),
    # --- navigation ----------------------------------------------------------
    (
        "navigation",
        _label(r"skip to (?:main )?content|skip to navigation|menu|main menu|search|close|open menu"
               r"|log ?in|sign ?in|register|my account|back to top|next article|previous article|go to top"
               r"|toggle navigation|accept cookies|cookie settings"),
        "site navigation and account links left as lines of their own",
    ),
    (
        "section-label",
        # Case matters outside the section words: breadcrumb parts are capitalised names.
        re.compile(rf"^(?:(?i:{SECTION_WORDS})|[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){{0,3}}"
                   rf"(?:(?:\s*[›»>]\s*|\s+/\s+)[\w'’.-]+(?:\s+[\w'’.-]+){{0,3}}){{1,6}}$"),
        "breadcrumbs: 'Home › Middle East', 'News > World > Europe'",
    ),
    (
        "section-label",
        re.compile(r"^(?:tags?|topics?|related topics|filed under|categories|category|keywords)\s*[:|]\s*\S.{0,200}$",
                   _I),
        "a list of the story's tags or topics ('Tags: Syria, Russia')",
    ),
    # --- reading time and comments ----------------------------------------------
    (
        "reading-time",
        re.compile(r"^(?:(?:estimated\s+)?reading\s+time\W*)?\d{1,3}\s*-?\s*min(?:ute)?s?\.?(?:\s+read)?\W*$", _I),
        "'3 min read', 'Reading time: 4 minutes'",
    ),
    (
        "comments",
        re.compile(r"^(?:leave|add|post|write|show|view|hide|load)\s+(?:a\s+|all\s+|the\s+)?comments?\W*(?:\(\d+\))?\W*$"
                   r"|^comments?\s*(?:\(\d+\)|\d+)?\W*$|^join the (?:conversation|discussion)\W*$"
                   r"|^\d+\s+comments?\s+on\b.{0,200}$", _I),
        "comment-section prompts and counters",
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
            r"|related topics|more on this (?:story|topic)|related content|read next|up next|more in \S+(?: \S+)?"
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


# --- the top of the page ----------------------------------------------------------

# A section name set in capitals above the headline ("WORLD NEWS", "MIDDLE
# EAST"): navigation there.  Only above the headline, because inside the
# article a line in capitals may be the article's own subheading.
_TOP_SECTION = re.compile(rf"^(?:(?:{SECTION_WORDS})(?:\s+|$))+$", _I)

# The last word of a publication's name: "The Northern Ledger", "Example
# Daily News", "Gulf Times".  A masthead is such a name on its own line.
_OUTLET_NOUNS = (
    r"times|post|herald|gazette|tribune|journal|chronicle|telegraph|observer|daily|weekly|express|mirror"
    r"|standard|review|ledger|courier|monitor|report|reporter|today|online|network|wire|agency|press|radio|tv"
    r"|media|dispatch|sentinel|bulletin|examiner|inquirer|globe|record|register|star|sun|voice|insider|digest"
    r"|news|newspaper|magazine|mail|independent|guardian|nation|argus|leader|mercury|herald-sun|informer"
)
_OUTLET_NAME = re.compile(
    rf"^(?:the\s+)?(?:[A-Z0-9][\w'’&.-]*\s+){{0,4}}(?i:{_OUTLET_NOUNS})$"
    r"|^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|co\.uk|ru|de|fr|in|tv|me|io)$"
)


def classify_top(line: str) -> str | None:
    """The kind of a line that is furniture only above the headline, or ``None``.

    Sections in capitals or made only of section names ("WORLD NEWS",
    "Middle East") label the page, not the article.
    """
    text = line.strip()
    words = text.split()
    if not 1 <= len(words) <= 4:
        return None
    if _TOP_SECTION.match(text) and not looks_like_outlet(text):
        return "section-label"
    return None


def looks_like_outlet(line: str) -> bool:
    """True for a short line that reads as a publication's name: a masthead.

    The name must end in a word publications are called by ("Times",
    "Ledger", "News") or be a site's domain ("example-news.com"); a bare
    section name ("World News" is a section, "Example World News" a name)
    is not one.
    """
    text = line.strip()
    words = text.split()
    if not 1 <= len(words) <= 6 or not _OUTLET_NAME.match(text):
        return False
    return not _TOP_SECTION.match(text)


_COPYRIGHT_WORDS = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d\b)?", _I
)


def copyright_holder(line: str) -> str | None:
    """The name a copyright line states: "© 2017 The Northern Ledger. All
    rights reserved." -> "The Northern Ledger"; ``None`` when it names none.
    Used to recognise the same name as the masthead at the top of the page."""
    if classify(line) != "copyright":
        return None
    rest = _COPYRIGHT_WORDS.sub(" ", line)
    name = " ".join(rest.strip(" \t.,;:|–—-").split())
    return name if 1 <= len(name.split()) <= 8 else None
