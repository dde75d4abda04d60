"""`invoke bench` on a tiny synthetic archive: every figure it promises is printed."""
from __future__ import annotations

import re

import pytest

from benchmarks.site_bench import run

# The benchmark builds a synthetic archive three ways (ours, ours without detection, plain Pelican) and times detection.
pytestmark = pytest.mark.slow


def test_the_benchmark_prints_builds_ratios_detection_and_quality():
    report = run(40, seed=1, rounds=1)
    for build in ("ours, all plugins", "ours, all plugins, with search", "ours without reuse detection",
                  "plain Pelican"):
        assert re.search(rf"^\| {re.escape(build)} \| [\d.]+ \| \d+ \| (\d+|none) \| [\d.]+ \|$", report, re.M), build
    assert re.search(r"^\| ours without reuse detection \| [\d.]+ \| \d+ \| none \| 1\.00 \|$", report, re.M)
    # Pagefind is the build's second process, in the build with search only.
    assert re.search(r"^\| ours, all plugins \| [\d.]+ \| \d+ \| none \|", report, re.M)
    assert re.search(r"^\| ours, all plugins, with search \| [\d.]+ \| \d+ \| \d+ \|", report, re.M)
    assert re.search(r"^ours with search against ours without: [\d.]+ s against [\d.]+ s \([\d.]+ times\); "
                     r"the search index is -?\d+% of the build with search$", report, re.M)
    # The search indexer alone: it reads fewer files than Pagefind's defaults, indexes the same pages,
    # and with its kept index Pagefind does not run.
    rows = {name: (read, indexed) for name, read, indexed in re.findall(
        r"^\| ([^|]+) \| [\d.]+ \| \d+ \| (?:\d+|none) \| ([\d,]+) \| ([\d,]+) \|$", report, re.M)}
    assert set(rows) == {"as the build runs it", "Pagefind's defaults: every HTML file, each page whole",
                         "its kept index, nothing changed"}
    assert len({indexed for _, indexed in rows.values()}) == 1
    read = {name: int(figures[0].replace(",", "")) for name, figures in rows.items()}
    assert read["as the build runs it"] < read["Pagefind's defaults: every HTML file, each page whole"]
    assert re.search(r"^\| its kept index, nothing changed \| [\d.]+ \| \d+ \| none \|", report, re.M)
    for build in ("ours, all plugins", "ours, all plugins, with search"):
        for rebuild in ("nothing changed", "one article added"):
            assert re.search(rf"^\| {build}: {rebuild} \| [\d.]+ \| \d+ \| (\d+|none) \| [\d.]+ \|$",
                             report, re.M), (build, rebuild)
    assert re.search(r"^\| ours, all plugins, with search: nothing changed \| [\d.]+ \| \d+ \| none \|",
                     report, re.M), "nothing changed: the kept index is copied, Pagefind does not run"
    assert re.search(r"round by round: [\d.]+ to [\d.]+$", report, re.M)
    assert re.search(r"^\| 40 articles \| [\d,]+ \|", report, re.M) and re.search(r"^\| 80 articles \|", report, re.M)
    assert re.search(r"planted pairs: precision (0|1)\.\d{3}, recall (0|1)\.\d{3}$", report, re.M)
