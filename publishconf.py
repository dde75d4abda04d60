"""Settings for publishing: pelicanconf.py plus absolute addresses and feeds.

SITEURL comes from the environment (ARCHIVE_SITEURL) so that the same files
serve any host, e.g. ARCHIVE_SITEURL=https://example.org/archive invoke publish
"""
import os
from pathlib import Path

from pelican.settings import get_settings_from_file

# Every setting of pelicanconf.py, read as Pelican reads a settings file.
globals().update(get_settings_from_file(str(Path(__file__).with_name("pelicanconf.py"))))

SITEURL = os.environ.get("ARCHIVE_SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL
CANONICAL_SITEURL = SITEURL   # canonical links and Open Graph addresses (absolute only)
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CORRECTIONS_FEED_ATOM = "feeds/corrections.atom.xml"
# The published site is searchable: Pagefind indexes every publishing build.
SEARCH_INDEX = True
