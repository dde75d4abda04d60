"""Detection on Dask (local cluster, two worker processes) gives what one process gives, byte for byte."""
from __future__ import annotations

import json
import sys

import pytest

from archive.reuse import detect
from archive.reuse.store import plain_result
from archive.reuse.work import in_this_process
from benchmarks.synthetic import generate
from conftest import ROOT, build_site
from dask_engine import EngineMissing, dask_runner
from evaluation.seeds import DEFAULT_LABELS, DEFAULT_SOURCES, load_labels, source_paragraphs
from evaluation.site_settings import site_reuse_settings

pytestmark = pytest.mark.slow


def _as_json(result) -> str:
    return json.dumps(plain_result(result), sort_keys=True)


@pytest.fixture(scope="module")
def runner():
    with dask_runner(workers=2) as run:
        yield run


def test_the_seeds_and_a_synthetic_archive_give_the_same_links_and_groups(runner):
    seeds = source_paragraphs(DEFAULT_SOURCES, load_labels(DEFAULT_LABELS).furniture)
    synthetic = generate(400, 3).paragraphs
    for paragraphs, settings in ((seeds, site_reuse_settings()), (synthetic, site_reuse_settings())):
        alone = detect(paragraphs, settings)
        assert alone.links, "nothing to compare"
        assert _as_json(detect(paragraphs, settings, runner=runner)) == _as_json(alone)
        assert _as_json(detect(paragraphs, settings, runner=in_this_process)) == _as_json(alone)


def test_the_site_built_with_the_engine_publishes_the_same_reuse_data(tmp_path, built_site):
    engine = build_site(ROOT / "content", tmp_path / "output", SEARCH_INDEX=True, DETECTION_ENGINE="dask",
                        DETECTION_WORKERS=2)
    assert engine.status == 0, engine.errors
    assert (engine.output / "data/reuse.json").read_bytes() == (built_site.output / "data/reuse.json").read_bytes()


def test_an_unknown_engine_stops_the_build_saying_which_there_are(tmp_path):
    failed = build_site(ROOT / "content", tmp_path / "output", DETECTION_ENGINE="spark")
    assert failed.status == 1
    assert "DETECTION_ENGINE 'spark' is not an engine this site knows (known: 'dask'" in failed.errors
    assert "Traceback" not in failed.errors


def test_without_dask_installed_the_engine_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)   # as if Dask were not installed
    with pytest.raises(EngineMissing, match="pip install -r requirements-engine.txt"):
        with dask_runner():
            pass
