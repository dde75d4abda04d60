"""`invoke bench` on a tiny synthetic archive: every figure it promises is printed."""
from __future__ import annotations

import re

import pytest

from site_bench import run

# The benchmark builds a synthetic archive three ways (ours, ours without detection, plain Pelican) and times detection.
pytestmark = pytest.mark.slow


def test_the_benchmark_prints_builds_ratios_detection_and_quality():
    report = run(40, seed=1, rounds=1)
    for build in ("ours, all plugins", "ours without reuse detection", "plain Pelican"):
        assert re.search(rf"^\| {re.escape(build)} \| [\d.]+ \| \d+ \| (\d+|none) \| [\d.]+ \|$", report, re.M), build
    assert re.search(r"^\| ours without reuse detection \| [\d.]+ \| \d+ \| none \| 1\.00 \|$", report, re.M)
    assert re.search(r"round by round: [\d.]+ to [\d.]+$", report, re.M)
    assert re.search(r"^\| 40 articles \| [\d,]+ \|", report, re.M) and re.search(r"^\| 80 articles \|", report, re.M)
    assert re.search(r"planted pairs: precision (0|1)\.\d{3}, recall (0|1)\.\d{3}$", report, re.M)
