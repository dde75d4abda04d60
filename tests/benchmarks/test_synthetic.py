"""The synthetic archive generator and the benchmark's accounting."""

from __future__ import annotations

from benchmarks.synthetic import generate, measure


def test_generation_is_deterministic_for_a_seed():
    assert generate(40, seed=3) == generate(40, seed=3)
    assert generate(40, seed=3) != generate(40, seed=4)


def test_planted_pairs_join_existing_paragraphs_of_different_outlets():
    archive = generate(200, seed=1)
    source = {paragraph.key: paragraph.source for paragraph in archive.paragraphs}
    assert archive.planted
    for pair in archive.planted:
        assert pair.a in source and pair.b in source
        assert source[pair.a] != source[pair.b]


def test_detection_on_a_small_archive_is_precise():
    figures = measure(500, seed=2)
    assert figures["paragraphs"] > 4000
    assert figures["precision"] >= 0.95
    assert figures["recall"] >= 0.6
