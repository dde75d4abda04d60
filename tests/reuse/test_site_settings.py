"""pelicanconf.py spells out every reuse setting; they must be the defaults
the detector documents, so that the site and `archive.reuse` agree."""
import dataclasses
from pathlib import Path

from archive.reuse import ReuseSettings
from archive_analysis import reuse_settings
from pelican.settings import read_settings

SETTINGS = str(Path(__file__).resolve().parents[2] / "pelicanconf.py")


def test_pelicanconf_sets_every_reuse_setting_to_its_documented_default():
    settings = read_settings(SETTINGS)
    configured = reuse_settings(settings)
    shipped = ReuseSettings()
    for field in dataclasses.fields(ReuseSettings):
        if field.name == "furniture_patterns":
            continue  # a list of expressions, left to the detector
        assert f"REUSE_{field.name.upper()}" in settings, f"pelicanconf.py does not set REUSE_{field.name.upper()}"
        configured_value, shipped_value = getattr(configured, field.name), getattr(shipped, field.name)
        if field.name == "aliases":
            configured_value, shipped_value = dict(configured_value), dict(shipped_value)
        assert configured_value == shipped_value, field.name
