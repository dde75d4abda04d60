"""Measure reuse detection against hand-made labels.

Labels (tests/data/reuse_labels.json) name paragraphs by document and an
exact quote, never by anchor id, so they apply to any paragraph records:
the raw source files split at blank lines (the command line below) or the
paragraphs of the built site (:func:`evaluate`, with `doc_of` telling which
labelled document an article is).

Scope: a labelled pair counts towards recall only when both paragraphs may
be linked at all (at least ReuseSettings.min_words words, not furniture) and
are in the same language; the others are reported apart.  Every detected
link that is not a labelled pair is a false positive.

    python -m evaluation.seeds [--sources DIR] [--labels FILE] [-v]

reads the raw sources and leaves out the blocks listed under "furniture" in
the labels file (headlines, bylines, ads, teasers...).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from archive.reuse.detect import detect
from archive.reuse.model import Key, Link, Paragraph, STRENGTHS
from archive.reuse.normalise import Normaliser
from archive.reuse.settings import ReuseSettings
from archive.reuse.sketches import linkable_sketch

from .site_settings import site_reuse_settings

_REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = _REPOSITORY / "tests" / "data" / "reuse_labels.json"
DEFAULT_SOURCES = _REPOSITORY / "content" / "sources"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LabelRef:
    """A paragraph named by its document ("000") and an exact quote."""

    doc: str
    quote: str


@dataclass(frozen=True)
class LabelledPair:
    a: LabelRef
    b: LabelRef
    strength: str
    statement: str = ""
    cross_language: bool = False


@dataclass(frozen=True)
class Labels:
    pairs: tuple[LabelledPair, ...]
    furniture: tuple[LabelRef, ...] = ()


@dataclass
class Report:
    """Outcome of one evaluation; `pairs` are resolved to paragraph keys."""

    true_positives: list[tuple[LabelledPair, Link]] = field(default_factory=list)
    false_positives: list[Link] = field(default_factory=list)
    false_negatives: list[LabelledPair] = field(default_factory=list)
    out_of_scope: list[LabelledPair] = field(default_factory=list)
    cross_language_found: list[LabelledPair] = field(default_factory=list)
    cross_language_missed: list[LabelledPair] = field(default_factory=list)
    unresolved: list[LabelRef] = field(default_factory=list)
    texts: dict[Key, str] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / labelled if labelled else 1.0

    def strength_counts(self) -> dict[str, dict[str, int]]:
        """Labelled strength -> {"labelled", "found", and each detected strength}."""
        counts = {strength: Counter() for strength in STRENGTHS}
        for pair in self.false_negatives:
            counts[pair.strength]["labelled"] += 1
        for pair, link in self.true_positives:
            counts[pair.strength].update(("labelled", "found", link.strength))
        return {strength: dict(counter) for strength, counter in counts.items()}

    def summary(self, verbose: bool = False) -> str:
        lines = [
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"(true positives {len(self.true_positives)}, false positives {len(self.false_positives)}, "
            f"false negatives {len(self.false_negatives)})",
            f"out of scope (a paragraph too short or furniture): {len(self.out_of_scope)} labelled pairs",
            f"cross-language: {len(self.cross_language_found)} found of "
            f"{len(self.cross_language_found) + len(self.cross_language_missed)} labelled",
        ]
        for strength, counts in self.strength_counts().items():
            detected = ", ".join(f"as {s} {counts[s]}" for s in STRENGTHS if counts.get(s))
            lines.append(
                f"  {strength:9s} labelled {counts.get('labelled', 0):3d}  found {counts.get('found', 0):3d}"
                + (f"  ({detected})" if detected else "")
            )
        for ref in self.unresolved:
            lines.append(f"UNRESOLVED label: {ref.doc} {ref.quote!r}")
        for link in self.false_positives:
            lines.append(f"FALSE POSITIVE {link.strength} {link.score:.2f} {link.a} {link.b} {link.shared}")
            if verbose:
                lines.extend(f"    {self.texts.get(key, '')[:110]!r}" for key in (link.a, link.b))
        for pair in self.false_negatives:
            lines.append(f"false negative {pair.strength:9s} {pair.statement}: "
                         f"{pair.a.doc} {pair.a.quote[:40]!r} | {pair.b.doc} {pair.b.quote[:40]!r}")
        return "\n".join(lines)


def load_labels(path: Path = DEFAULT_LABELS) -> Labels:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    pairs = tuple(
        LabelledPair(
            a=LabelRef(**item["a"]),
            b=LabelRef(**item["b"]),
            strength=item["strength"],
            statement=item.get("statement", ""),
            cross_language=item.get("cross_language", False),
        )
        for item in data["pairs"]
    )
    furniture = tuple(LabelRef(**item) for item in data.get("furniture", ()))
    return Labels(pairs, furniture)


def source_paragraphs(directory: Path = DEFAULT_SOURCES, furniture: Iterable[LabelRef] = ()) -> list[Paragraph]:
    """Blank-line-separated blocks of the raw source files, minus furniture.

    Each file is its own article and its own source; paragraph ids are
    "p1", "p2"... in file order (furniture blocks keep their numbers).
    """
    furniture = list(furniture)
    paragraphs = []
    for path in sorted(Path(directory).glob("*.txt")):
        doc = _doc(path.stem)
        for number, block in enumerate(_BLANK_LINE.split(path.read_text(encoding="utf-8")), start=1):
            text = block.strip()
            if text and not any(ref.doc == doc and ref.quote in text for ref in furniture):
                paragraphs.append(Paragraph(article=path.stem, source=path.stem, id=f"p{number}", text=text,
                                            position=number))
    return paragraphs


def evaluate(
    paragraphs: Sequence[Paragraph],
    labels: Labels,
    settings: ReuseSettings | None = None,
    doc_of: Callable[[Paragraph], str] = lambda paragraph: _doc(paragraph.article),
) -> Report:
    """Detect reuse in `paragraphs` and compare the links with `labels`.

    `doc_of` maps a paragraph to the document name the labels use; by default
    the part of the article slug before the first "_" ("000_a4e6..." -> "000").
    `settings` default to the site's (pelicanconf.py).
    """
    settings = settings or site_reuse_settings()
    return score_links(detect(paragraphs, settings).links, paragraphs, labels, settings, doc_of)


def score_links(
    links: Sequence[Link],
    paragraphs: Sequence[Paragraph],
    labels: Labels,
    settings: ReuseSettings | None = None,
    doc_of: Callable[[Paragraph], str] = lambda paragraph: _doc(paragraph.article),
) -> Report:
    """Compare links found elsewhere (e.g. on a built site) with `labels`."""
    settings = settings or site_reuse_settings()
    report = Report(texts={paragraph.key: paragraph.text for paragraph in paragraphs})
    keys = _resolve(paragraphs, labels, doc_of, report)
    normaliser = Normaliser(settings)
    in_scope = {p.key for p in paragraphs if linkable_sketch(p, normaliser, settings) is not None}

    wanted: dict[frozenset[Key], LabelledPair] = {}
    cross_language: dict[frozenset[Key], LabelledPair] = {}
    for pair in labels.pairs:
        if pair.a not in keys or pair.b not in keys:
            continue
        both = frozenset((keys[pair.a], keys[pair.b]))
        if pair.cross_language:
            cross_language[both] = pair
        elif both <= in_scope:
            wanted[both] = pair
        else:
            report.out_of_scope.append(pair)

    found: set[frozenset[Key]] = set()
    for link in links:
        both = frozenset((link.a, link.b))
        found.add(both)
        if both in wanted:
            report.true_positives.append((wanted[both], link))
        elif both not in cross_language:
            report.false_positives.append(link)
    report.false_negatives = [pair for both, pair in wanted.items() if both not in found]
    for both, pair in cross_language.items():
        (report.cross_language_found if both in found else report.cross_language_missed).append(pair)
    return report


def _resolve(
    paragraphs: Sequence[Paragraph], labels: Labels, doc_of: Callable[[Paragraph], str], report: Report
) -> dict[LabelRef, Key]:
    """The paragraph key of every label reference; the others go to `report.unresolved`."""
    by_doc: dict[str, list[tuple[str, Key]]] = {}
    for paragraph in paragraphs:
        by_doc.setdefault(doc_of(paragraph), []).append((_squash(paragraph.text), paragraph.key))
    keys = {}
    refs = {ref for pair in labels.pairs for ref in (pair.a, pair.b)}
    for ref in sorted(refs, key=lambda ref: (ref.doc, ref.quote)):
        quote = _squash(ref.quote)
        hits = [key for text, key in by_doc.get(ref.doc, ()) if quote in text]
        if len(hits) == 1:
            keys[ref] = hits[0]
        else:
            report.unresolved.append(ref)
    return keys


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _doc(slug: str) -> str:
    return slug.split("_", 1)[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print the texts of false positives")
    args = parser.parse_args(argv)
    labels = load_labels(args.labels)
    report = evaluate(source_paragraphs(args.sources, labels.furniture), labels)
    print(report.summary(verbose=args.verbose))
    return 1 if report.unresolved else 0


if __name__ == "__main__":
    raise SystemExit(main())
