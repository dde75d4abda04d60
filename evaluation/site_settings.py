"""The reuse settings the site builds with (pelicanconf.py), for measuring the matcher as it ships."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pelican.settings import read_settings

from archive.reuse import ReuseSettings
from archive_analysis import reuse_settings

SITE_SETTINGS = Path(__file__).resolve().parents[1] / "pelicanconf.py"


@cache
def site_reuse_settings() -> ReuseSettings:
    """ReuseSettings as pelicanconf.py sets them: the detector's defaults and this archive's names."""
    return reuse_settings(read_settings(str(SITE_SETTINGS)))
