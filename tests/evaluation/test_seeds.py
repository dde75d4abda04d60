"""Evaluation against the hand labels, and its arithmetic."""

from __future__ import annotations

import numpy as np
import pytest

from archive.reuse import Paragraph
from evaluation.seeds import (
    LabelledPair,
    LabelRef,
    Labels,
    evaluate,
    load_labels,
    source_paragraphs,
)

COPY = (
    "The town council ordered the evacuation of 1,200 residents from the Lower Mill district "
    "on Sunday night, mayor Helen Carver told reporters at the town hall."
)


@pytest.fixture(scope="module")
def report():
    labels = load_labels()
    return evaluate(source_paragraphs(furniture=labels.furniture), labels)


def test_every_label_names_exactly_one_paragraph_of_the_sources(report):
    assert report.unresolved == []


def test_raw_sources_reach_the_precision_and_recall_targets(report):
    # Floors, precision first: the sentence-share rule and the pair's own
    # specificity (archive.reuse.settings, .weights) took precision from
    # 0.965 to 1.0 and recall from 0.863 to about 0.76: they removed the
    # links that topic words alone made, and the links between seeds that
    # adding other articles used to make.
    assert report.precision >= 0.99, report.summary()
    assert report.recall >= 0.76, report.summary()


def test_precision_recall_and_scope_are_counted_from_the_labels():
    paragraphs = [
        Paragraph("000_x", "000_x", "p1", COPY),
        Paragraph("001_y", "001_y", "p1", COPY.replace("Sunday", "Monday")),
        Paragraph("002_z", "002_z", "p1", COPY),
        Paragraph("002_z", "002_z", "p2", "Too short to link."),
        Paragraph("003_w", "003_w", "p1", "Trop court, en français."),
    ]
    labels = Labels(pairs=(
        LabelledPair(LabelRef("000", "Sunday night"), LabelRef("001", "Monday night"), "edited"),
        LabelledPair(LabelRef("000", "Sunday night"), LabelRef("002", "Too short"), "reworded"),
        LabelledPair(LabelRef("001", "Monday"), LabelRef("003", "Trop court"), "reworded", cross_language=True),
        LabelledPair(LabelRef("000", "no such quote"), LabelRef("001", "Monday"), "reworded"),
    ))
    report = evaluate(paragraphs, labels)
    assert report.unresolved == [LabelRef("000", "no such quote")]
    assert len(report.true_positives) == 1
    assert len(report.false_positives) == 2  # 000-002 and 001-002 are copies nobody labelled
    assert report.precision == pytest.approx(1 / 3)
    assert report.recall == 1.0
    assert len(report.out_of_scope) == 1
    assert len(report.cross_language_missed) == 1


@pytest.mark.slow
def test_the_encoder_measure_scores_every_labelled_pair_of_one_language():
    from evaluation.encoders import labelled_pairs

    same, other = labelled_pairs("use")
    # The seeds and the development set hold hundreds of same-statement pairs, and far more others.
    assert len(same) > 300 and len(other) > 10 * len(same)
    assert np.all((-1.01 <= same) & (same <= 1.01))
    # Same statement is closer than no shared statement on average, though not enough to link on (README).
    assert same.mean() > other.mean() + 0.1
