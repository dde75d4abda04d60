"""Slugs: the stable, readable part of an address, made from a title."""
from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 60

_TRANSLIT = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}


_ABBREVIATION = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}")


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary.

    Apostrophes are dropped inside words ("Russia's" -> "russias"); accents
    are removed; Cyrillic is transliterated.  Deterministic, no dependency.
    """
    # "U.S." -> "us", not "u-s"
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    lowered = text.lower().replace("'", "").replace("’", "")
    lowered = "".join(_TRANSLIT.get(ch, ch) for ch in lowered)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:  # a single word longer than the limit
        slug = words[0][:max_length]
    return slug
