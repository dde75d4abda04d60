"""Make relative links in an HTML fragment absolute.

Pages link to one another with relative addresses (so the site works from
plain files and under any sub-path); a feed entry is read away from its page,
so there the same links must be absolute.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

_LINK = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def absolutize(fragment: str, base_url: str) -> str:
    """Every href/src resolved against `base_url`, the fragment's own page."""
    return _LINK.sub(lambda m: f'{m["attr"]}="{urljoin(base_url, m["url"])}"', fragment)
