"""Measure reuse detection beyond the seeds, one kind of text at a time.

The development set (tests/data/devset/) holds texts written for it: new
outlets' reports, copy-edited re-publications, articles on the same place
and week that make no claim, debunks, paraphrases, translations, unrelated
news.  Its labels say which statements each paragraph carries; the seeds'
labels (tests/data/reuse_labels.json) say which seed paragraphs carry each
statement, so the expected links follow: a dev paragraph to every seed
paragraph and every other document's dev paragraph with a statement in
common, and nothing else.

Each kind is measured as it would arrive: its documents added to the five
seeds, detection run over them all, and every link that touches a document
of that kind scored (precision, recall).  The seed-to-seed links of the same
run are scored too, because adding articles must not change them.

    python -m evaluation.devset [--split tune|check|all] [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from archive.content_check import load
from archive.corrections.apply import CLAIM, DEBUNK, reports_debunk, wording_matches, wording_queries
from archive.corrections.parse import read_correction
from archive.reuse.detect import detect_with_queries
from archive.reuse.model import Key, Link, Paragraph
from archive.reuse.normalise import Normaliser
from archive.reuse.settings import ReuseSettings
from archive.reuse.sketches import linkable_sketch

from .seeds import (DEFAULT_LABELS, DEFAULT_SOURCES, Labels, Report, _BLANK_LINE, _doc, _resolve, _squash,
                       load_labels, score_links, source_paragraphs)
from .site_settings import site_reuse_settings

_REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET = _REPOSITORY / "tests" / "data" / "devset"
DEFAULT_CORRECTION = _REPOSITORY / "content" / "corrections" / "abu-kamal-irrefutable-evidence.md"
KINDS = ("new-outlet", "copy-edit", "same-topic", "debunk", "paraphrase", "translation", "unrelated")


@dataclass(frozen=True)
class DevDocument:
    name: str
    kind: str
    lang: str
    claim: str      # "repeats", "debunks" or "none"
    split: str      # "tune" or "check"
    paragraphs: tuple[Paragraph, ...]


@dataclass
class KindReport:
    kind: str
    documents: list[str]
    wrong: list[Link] = field(default_factory=list)
    missed: list[tuple[Key, Key]] = field(default_factory=list)
    right: list[Link] = field(default_factory=list)
    seeds: Report | None = None
    texts: dict[Key, str] = field(default_factory=dict)
    #: Documents whose correction verdict (carries the claim or not) is wrong: (name, expected, found).
    notices_wrong: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.right) / (len(self.right) + len(self.wrong)) if self.right or self.wrong else 1.0

    @property
    def recall(self) -> float:
        expected = len(self.right) + len(self.missed)
        return len(self.right) / expected if expected else 1.0

    def line(self) -> str:
        expected = len(self.right) + len(self.missed)
        seeds = self.seeds
        return (f"{self.kind:11s} docs {len(self.documents):2d}  links {len(self.right) + len(self.wrong):3d}  "
                f"precision {self.precision:.3f}  recall {self.recall:.3f} ({len(self.right)}/{expected})  "
                f"wrong {len(self.wrong):2d}  seeds P {seeds.precision:.3f} R {seeds.recall:.3f}  "
                f"notices right {len(self.documents) - len(self.notices_wrong)}/{len(self.documents)}")

    def details(self) -> list[str]:
        lines = [f"  NOTICE {name}: the article {expected}, the build says it {found}"
                 for name, expected, found in self.notices_wrong]
        for link in self.wrong:
            lines.append(f"  WRONG {link.strength} {link.score:.2f} {link.a} {link.b} {link.shared[:8]}")
            lines.extend(f"      {self.texts.get(key, '')[:100]!r}" for key in (link.a, link.b))
        for a, b in self.missed:
            lines.append(f"  missed {a} {b}")
            lines.extend(f"      {self.texts.get(key, '')[:100]!r}" for key in (a, b))
        return lines


def load_devset(directory: Path = DEFAULT_DEVSET) -> tuple[list[DevDocument], dict[Key, set[str]]]:
    """The documents, and the statements of each labelled dev paragraph (with
    `seed_paragraphs`, statements of seed paragraphs the seeds' labels leave out)."""
    data = json.loads((Path(directory) / "labels.json").read_text(encoding="utf-8"))
    documents = []
    for name, info in sorted(data["documents"].items()):
        text = (Path(directory) / info["file"]).read_text(encoding="utf-8")
        blocks = [block.strip() for block in _BLANK_LINE.split(text) if block.strip()]
        paragraphs = tuple(Paragraph(article=name, source=name, id=f"p{n}", text=block, lang=info["lang"],
                                     position=n) for n, block in enumerate(blocks, start=1))
        documents.append(DevDocument(name, info["kind"], info["lang"], info["claim"], info["split"], paragraphs))
    by_doc = {document.name: document for document in documents}
    statements: dict[Key, set[str]] = defaultdict(set)
    for item in data["paragraphs"]:
        quote = _squash(item["quote"])
        hits = [p.key for p in by_doc[item["doc"]].paragraphs if quote in _squash(p.text)]
        if len(hits) != 1:
            raise ValueError(f"devset label {item['doc']} {item['quote']!r} matches {len(hits)} paragraphs")
        statements[hits[0]].update(item["statements"])
    for item in data.get("seed_paragraphs", ()):
        statements[("seed", item["doc"], item["quote"])].update(item["statements"])
    return documents, statements


def seed_statements(paragraphs: Sequence[Paragraph], labels: Labels) -> dict[Key, set[str]]:
    """The statements each seed paragraph carries, from the seeds' labelled pairs."""
    keys = _resolve(paragraphs, labels, lambda p: _doc(p.article), Report())
    statements: dict[Key, set[str]] = defaultdict(set)
    for pair in labels.pairs:
        if pair.statement and pair.a in keys and pair.b in keys and not pair.cross_language:
            statements[keys[pair.a]].add(pair.statement)
            statements[keys[pair.b]].add(pair.statement)
    return statements


def correction_queries(path: Path = DEFAULT_CORRECTION) -> tuple[str, list[Paragraph]]:
    """A correction's slug, and its wording as the site puts it to the archive."""
    correction, problems = read_correction(load(Path(path), str(path)), set())
    if problems:
        raise ValueError(str(problems[0]))
    return correction.slug, wording_queries(correction)


def notices(links: Sequence[Link], slug: str) -> dict[str, str]:
    """What each article does with the claim of correction `slug`, as the site
    decides it: "repeats" or "debunks" (articles it gives no notice are left out)."""
    claimed, debunked = wording_matches(links, CLAIM + slug), wording_matches(links, DEBUNK + slug)
    found = {}
    for article in claimed.keys() | debunked.keys():
        claim, debunk = set(claimed.get(article, {})), set(debunked.get(article, {}))
        if reports_debunk(claim, debunk):
            found[article] = "debunks"
        elif claim:
            found[article] = "repeats"
    return found


def _with_seed_extras(seeded: dict[Key, set[str]], dev: dict, seeds: Sequence[Paragraph]) -> dict[Key, set[str]]:
    """The seeds' and the dev paragraphs' statements, seed paragraphs named by quote resolved."""
    statements: dict[Key, set[str]] = defaultdict(set)
    for key, found in seeded.items():
        statements[key] |= found
    for key, found in dev.items():
        if key[0] != "seed":
            statements[key] |= found
            continue
        _, doc, quote = key
        hits = [p.key for p in seeds if _doc(p.article) == doc and _squash(quote) in _squash(p.text)]
        if len(hits) != 1:
            raise ValueError(f"devset seed label {doc} {quote!r} matches {len(hits)} paragraphs")
        statements[hits[0]] |= found
    return statements


def measure_kind(kind: str, documents: Sequence[DevDocument], dev_statements: dict[Key, set[str]],
                 seeds: Sequence[Paragraph], labels: Labels, settings: ReuseSettings) -> KindReport:
    """Detect over the seeds and `documents`; score the links that touch them, and their notices."""
    added = [p for document in documents for p in document.paragraphs]
    paragraphs = list(seeds) + added
    statements = _with_seed_extras(seed_statements(seeds, labels), dev_statements, seeds)
    slug, queries = correction_queries()
    result, queried = detect_with_queries(paragraphs, queries, settings)
    links = result.links
    normaliser = Normaliser(settings)
    linkable = {p.key for p in paragraphs if linkable_sketch(p, normaliser, settings) is not None}
    ours = {p.key for p in added}
    report = KindReport(kind, [d.name for d in documents], texts={p.key: p.text for p in paragraphs})
    found = set()
    for link in links:
        if link.a in ours or link.b in ours:
            found.add(frozenset((link.a, link.b)))
            if statements.get(link.a, set()) & statements.get(link.b, set()):
                report.right.append(link)
            else:
                report.wrong.append(link)
    for key in sorted(ours & linkable):
        for other in sorted(linkable):
            if other[0] == key[0] or (other in ours and other < key):
                continue
            if statements.get(key, set()) & statements.get(other, set()) and frozenset((key, other)) not in found:
                report.missed.append((key, other))
    seed_links = [link for link in links if link.a not in ours and link.b not in ours]
    report.seeds = score_links(seed_links, seeds, labels, settings)
    decided = notices(queried.links, slug)
    for document in documents:
        decision = decided.get(document.name, "none")
        if decision != document.claim:
            report.notices_wrong.append((document.name, document.claim, decision))
    return report


def measure(split: str = "all", settings: ReuseSettings | None = None, directory: Path = DEFAULT_DEVSET,
            kinds: Sequence[str] = KINDS) -> list[KindReport]:
    """One report per kind, over the documents of `split` ("tune", "check" or "all"), with the site's
    reuse settings unless given others."""
    settings = settings or site_reuse_settings()
    documents, dev_statements = load_devset(directory)
    labels = load_labels(DEFAULT_LABELS)
    seeds = source_paragraphs(DEFAULT_SOURCES, labels.furniture)
    reports = []
    for kind in kinds:
        chosen = [d for d in documents if d.kind == kind and split in ("all", d.split)]
        if chosen:
            reports.append(measure_kind(kind, chosen, dev_statements, seeds, labels, settings))
    return reports


def by_strength(reports: Sequence[KindReport]) -> dict[str, tuple[int, int]]:
    """Strength -> (right, shown) over the links of every kind's run that touch its
    documents, and the seeds' own links (counted once): how far a reader can trust each strength."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for report in reports:
        for right, links in ((1, report.right), (0, report.wrong)):
            for link in links:
                counts[link.strength][0] += right
                counts[link.strength][1] += 1
    if reports and reports[0].seeds is not None:
        seeds = reports[0].seeds
        for _, link in seeds.true_positives:
            counts[link.strength][0] += 1
            counts[link.strength][1] += 1
        for link in seeds.false_positives:
            counts[link.strength][1] += 1
    return {strength: (right, shown) for strength, (right, shown) in sorted(counts.items())}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong and missed link")
    args = parser.parse_args(argv)
    reports = measure(args.split, kinds=args.kind or KINDS)
    for report in reports:
        print(report.line())
        if args.verbose:
            print("\n".join(report.details()))
    print("right links by strength: " + ", ".join(
        f"{strength} {right}/{shown} ({right / shown:.2f})" for strength, (right, shown) in by_strength(reports).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
