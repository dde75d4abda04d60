"""Measure reuse detection on a public corpus of short answers written with and without a source.

Clough and Stevenson's corpus of plagiarised short answers (2009) holds five
source texts (Wikipedia articles on computing topics) and, for each, answers
written by students: copied and pasted ("cut"), lightly revised ("light"),
heavily revised ("heavy"), and written without the source from what the
students knew or read elsewhere ("non").  It is the standard test of telling
reuse from texts that only share a topic, so it is measured here; its text
is not ours and is never committed: point this at a copy of it.

The corpus is read as the widely shared arrangement has it: a folder with
`file_information.csv` (columns File, Task, Category; a source's category is
`orig`) beside the text files.  Each text is one article of its own outlet,
its paragraphs split at blank lines; detection runs over all of them at once,
as over an archive; an answer counts as linked when any of its paragraphs is
linked to a paragraph of its task's source, at the strongest strength found.

    python -m evaluation.short_answers PATH
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import Sequence

from archive.corpus import text_blocks
from archive.reuse.detect import detect
from archive.reuse.model import STRENGTHS, Paragraph
from archive.reuse.settings import ReuseSettings

#: The categories of answers, most reuse first, as the corpus names them.
CATEGORIES = ("cut", "light", "heavy", "non")
_SOURCE = "orig"


class CorpusError(ValueError):
    """The folder is not the corpus in the expected arrangement."""


def load(folder: Path) -> tuple[list[Paragraph], dict[str, tuple[str, str]]]:
    """The paragraphs of every text, and each text's (task, category) by article name."""
    listing = folder / "file_information.csv"
    if not listing.is_file():
        raise CorpusError(f"{listing}: not found (the corpus's list of files, with columns File, Task, Category)")
    with listing.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or not {"File", "Task", "Category"} <= set(rows[0]):
        raise CorpusError(f"{listing}: needs the columns File, Task and Category")
    paragraphs, texts = [], {}
    for line, row in enumerate(rows, start=2):
        path = folder / row["File"]
        if not path.is_file():
            raise CorpusError(f"{listing}, line {line}: {row['File']} is not in {folder}")
        name = path.stem
        texts[name] = (row["Task"], row["Category"])
        # The corpus mixes encodings; a stray byte must not stop the measurement.
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs.extend(Paragraph(article=name, source=name, id=f"p{number}", text=block, position=number)
                          for number, block in enumerate(text_blocks(text)))
    return paragraphs, texts


def measure(folder: Path, settings: ReuseSettings = ReuseSettings()) -> dict[str, Counter]:
    """For each category, how many answers were linked to their source, by their strongest link ("none": not linked)."""
    paragraphs, texts = load(folder)
    sources = {task: name for name, (task, category) in texts.items() if category == _SOURCE}
    strengths: dict[str, set[str]] = defaultdict(set)
    for link in detect(paragraphs, settings).links:
        for answer, other in ((link.a[0], link.b[0]), (link.b[0], link.a[0])):
            task, category = texts[answer]
            if category != _SOURCE and sources.get(task) == other:
                strengths[answer].add(link.strength)
    counts: dict[str, Counter] = {category: Counter() for category in CATEGORIES}
    for name, (_, category) in texts.items():
        if category in counts:
            found = strengths.get(name)
            counts[category][min(found, key=STRENGTHS.index) if found else "none"] += 1
    return counts


def report(counts: dict[str, Counter]) -> list[str]:
    lines = []
    for category, found in counts.items():
        answers = sum(found.values())
        if not answers:
            continue
        linked = answers - found["none"]
        literal = found["verbatim"] + found["edited"]
        by_strength = ", ".join(f"{strength} {found[strength]}" for strength in (*STRENGTHS, "none") if found[strength])
        lines.append(f"{category:<6} answers {answers:3d}  linked {linked / answers:.2f}  "
                     f"as verbatim or edited {literal / answers:.2f}  ({by_strength})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of the corpus, with file_information.csv")
    args = parser.parse_args(argv)
    try:
        counts = measure(args.corpus)
    except CorpusError as error:
        raise SystemExit(f"error: {error}") from None
    print("\n".join(report(counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
