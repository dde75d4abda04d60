"""Detection fed article by article, in a second process or here: always the
same results as one call of `detect_with_queries`; and sketches shared
between runs."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

import pytest
from flood_archive import FLOOD, paragraphs_of

from archive.reuse import Paragraph, ReuseResult, ReuseSettings, detect
from archive.reuse.detect import detect_with_queries
from archive.reuse.background import Detector
from archive.reuse.sketches import Sketches, linkable_sketch
from archive.reuse.synthetic import generate

CLAIM = Paragraph("claim", "claim", "c1", "Engineers warned that the old stone bridge at Fenwick Crossing could "
                                          "collapse if the water rose another forty centimetres.")


@pytest.fixture(scope="module")
def archive() -> list[Paragraph]:
    return generate(120, seed=5).paragraphs


def as_articles(paragraphs: list[Paragraph]) -> dict:
    """Article -> (source, rows, published), as a site's adapter gives them to a Detector."""
    return {name: (group[0].source, tuple((p.id, p.text, p.lang, p.position) for p in group), group[0].published)
            for name, group in ((name, list(group)) for name, group in groupby(paragraphs, lambda p: p.article))}


NOTHING = ReuseResult(links=[], groups=[])


def detect_fed(paragraphs: list[Paragraph], start_at: int, queries=(), kill_worker=False):
    """Results of a Detector given `paragraphs` article by article; was a worker started?"""
    articles = as_articles(paragraphs)
    detector = Detector(ReuseSettings(), start_at=start_at)
    for name, article in articles.items():
        detector.add(name, article)
    worker = detector._worker
    if kill_worker:
        worker.kill()
        worker.join()
    detector.submit(list(articles), list(queries), articles.__getitem__)
    return detector.results(), worker is not None


def test_a_worker_finds_what_one_call_of_detect_finds(archive):
    expected = detect(archive)
    assert expected.links, "the archive has reuse to find"
    assert detect_fed(archive, start_at=1) == ((expected, NOTHING), True)


def test_a_small_archive_is_detected_here_with_the_same_results(archive):
    assert detect_fed(archive, start_at=10**9) == ((detect(archive), NOTHING), False)


def test_a_worker_that_dies_changes_nothing(archive):
    assert detect_fed(archive, start_at=1, kill_worker=True) == ((detect(archive), NOTHING), True)


@pytest.mark.parametrize("start_at", [1, 10**9])
def test_queries_are_put_to_the_same_articles(start_at):
    flood = paragraphs_of(FLOOD)
    (plain, claimed), _ = detect_fed(flood, start_at, queries=[CLAIM])
    assert (plain, claimed) == detect_with_queries(flood, [CLAIM])
    assert plain == detect(flood)
    assert claimed.links and all(CLAIM.key in (link.a, link.b) for link in claimed.links)


def test_an_article_added_again_replaces_the_first_version():
    flood = paragraphs_of(FLOOD)
    articles = as_articles(flood)
    source, rows, published = articles["herald-flood"]
    detector = Detector(ReuseSettings(), start_at=1)
    detector.add("herald-flood", (source, rows[:1], published))  # an early, shorter version
    for name, article in articles.items():
        detector.add(name, article)
    detector.submit(list(articles), [], articles.__getitem__)
    assert detector.results() == (detect(flood), NOTHING)


def test_sketches_are_made_once_and_shared_between_runs():
    flood = paragraphs_of(FLOOD)
    known = Sketches(ReuseSettings())
    first = detect(flood, known=known)
    vocabulary = known.vocabulary
    for paragraph in flood:
        sketched = known.of(paragraph)
        expected = linkable_sketch(paragraph, known.normaliser, known.settings)
        assert (None if sketched is None else sketched.sketch) == expected
        if sketched is not None:  # its words by number are its words
            assert {vocabulary[number] for number in sketched.word_ids} == expected.words
            assert len(sketched.word_ids) == len(expected.words)
    assert detect(flood, known=known) == first == detect(flood)
    assert detect_with_queries(flood, [CLAIM], known=known) == detect_with_queries(flood, [CLAIM])


def test_sketches_made_with_other_settings_are_refused():
    known = Sketches(replace(ReuseSettings(), min_words=5))
    with pytest.raises(ValueError):
        detect(paragraphs_of(FLOOD), ReuseSettings(), known=known)


def grouped_texts(result, paragraphs):
    """What a site might make of the results: each grouped paragraph's text."""
    return sorted((key, paragraphs[key].text) for group in result.groups for key in group.members)


@pytest.mark.parametrize("start_at", [1, 10**9])
@pytest.mark.parametrize("present", [grouped_texts, lambda result, paragraphs: grouped_texts(result, paragraphs)],
                         ids=["sent to the worker", "that cannot be pickled"])
def test_what_a_site_makes_of_the_results_is_the_same_wherever_it_is_made(archive, start_at, present):
    articles = as_articles(archive)
    detector = Detector(ReuseSettings(), start_at=start_at)
    for name, article in articles.items():
        detector.add(name, article)
    detector.submit(list(articles), [], articles.__getitem__, present)
    result, _ = detector.results()
    assert result == detect(archive)
    expected = grouped_texts(result, {p.key: p for p in archive})
    assert expected and detector.presented() == expected
