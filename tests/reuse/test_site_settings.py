"""pelicanconf.py sets only the reuse settings this archive changes, and a
misspelt one is refused rather than ignored."""
import dataclasses
from pathlib import Path

import pytest
from pelican.settings import read_settings

from archive.reuse import DEFAULT_ALIASES, ReuseSettings
from archive_analysis import reuse_settings

SETTINGS = str(Path(__file__).resolve().parents[2] / "pelicanconf.py")


def test_pelicanconf_sets_only_reuse_settings_that_differ_from_the_defaults():
    settings = read_settings(SETTINGS)
    configured, shipped = reuse_settings(settings), ReuseSettings()
    for field in dataclasses.fields(ReuseSettings):
        if f"REUSE_{field.name.upper()}" in settings:
            assert getattr(configured, field.name) != getattr(shipped, field.name), (
                f"pelicanconf.py sets REUSE_{field.name.upper()} to its default")


def test_the_archives_own_names_are_added_to_the_detectors_general_ones():
    aliases = reuse_settings(read_settings(SETTINGS)).aliases
    assert {name: aliases[name] for name in DEFAULT_ALIASES} == dict(DEFAULT_ALIASES)
    assert "ISIL" in aliases["Islamic State"] and "al-Boukamal" in aliases["Abu Kamal"]
    # The detector itself knows nothing of this one story.
    assert "Islamic State" not in DEFAULT_ALIASES and "Abu Kamal" not in DEFAULT_ALIASES


def test_a_misspelt_reuse_setting_is_refused_with_the_names_it_could_be():
    with pytest.raises(ValueError, match=r"unknown reuse setting REUSE_MIN_SCROE \(the reuse settings are .*"
                                         r"REUSE_MIN_SCORE"):
        reuse_settings({"REUSE_MIN_SCROE": 0.2})
    assert reuse_settings({"REUSE_MIN_SCORE": 0.2}).min_score == 0.2
