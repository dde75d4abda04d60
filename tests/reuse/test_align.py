"""Side-by-side comparison of two texts."""

from __future__ import annotations

from archive.reuse import align
from archive.reuse.align import ONLY_A, ONLY_B, SAME


def test_segments_mark_shared_and_own_words_with_spans_into_the_originals():
    a = "The US side categorically refused to carry out airstrikes."
    b = "The American side refused to carry out strikes, it said."
    segments = align(a, b)
    assert [(s.kind, s.a, s.b) for s in segments] == [
        (SAME, "The US side", "The American side"),
        (ONLY_A, "categorically", ""),
        (SAME, "refused to carry out", "refused to carry out"),
        (ONLY_A, "airstrikes", ""),
        (ONLY_B, "", "strikes, it said"),
    ]
    for segment in segments:
        if segment.a_span:
            assert a[segment.a_span[0]:segment.a_span[1]] == segment.a
        if segment.b_span:
            assert b[segment.b_span[0]:segment.b_span[1]] == segment.b


def test_identical_texts_are_one_shared_segment_whatever_the_quotes():
    segments = align("“Such actions,” it said.", '"Such actions" it said')
    assert [segment.kind for segment in segments] == [SAME]
