"""The site's own address, and relative links in an HTML fragment made absolute.

Pages link to one another with relative addresses (so the site works from
plain files and under any sub-path); a feed entry is read away from its page,
so there the same links must be absolute.
"""
from __future__ import annotations

import re
from typing import Mapping
from urllib.parse import urljoin


def site_address(settings: Mapping) -> str:
    """The published site's base address (SITEURL) without a trailing slash; "" for a site of relative links."""
    return (settings.get("SITEURL") or "").rstrip("/")


def feed_address(settings: Mapping) -> str:
    """The base address of feed entries: FEED_DOMAIN where set, else the site's."""
    return (settings.get("FEED_DOMAIN") or site_address(settings)).rstrip("/")

_LINK = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def absolutize(fragment: str, base_url: str) -> str:
    """Every href/src resolved against `base_url`, the fragment's own page."""
    return _LINK.sub(lambda m: f'{m["attr"]}="{urljoin(base_url, m["url"])}"', fragment)
