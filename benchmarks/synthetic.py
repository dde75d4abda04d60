"""A synthetic archive with planted reuse, to measure speed and accuracy at scale.

The generator is deterministic for a given seed.  Articles are built from a
pseudo-word vocabulary with a Zipf distribution, so that common words are
shared by everyone, plus per-article topic words (which recur from paragraph
to paragraph, like real topics) and rare names and numbers.  Reuse is then
planted between articles of different outlets:

* verbatim: the same words, with other quote marks and case changes;
* edited: about one word in ten replaced, a word dropped, an attribution added;
* reworded: about half the content words replaced by synonyms, sentences in
  another order, the first words of each sentence moved to its end; names and
  numbers are kept, as they are when journalists reword a statement;
* split: a paragraph of several sentences copied, lightly edited, as two
  paragraphs (two pairs, counted as edited).

Every article also ends with furniture (a newsletter prompt shared across
outlets, or an outlet's own boilerplate) that must never be linked.

    python -m benchmarks.synthetic --articles 10000

runs detection on N and 2N articles, each in a fresh process, and prints
detection time, peak memory (the process's peak resident size, generated
input included) and precision/recall on the planted pairs; every link that
was not planted counts as a false positive.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from itertools import accumulate

from archive.reuse.detect import detect
from archive.reuse.model import Key, Paragraph

#: The strengths the generator plants (one language: no translations).
PLANTED = ("verbatim", "edited", "reworded")

_SYLLABLES = (
    "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu "
    "na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo "
    "za ze zi zo bra dro fli gra kro pla sti tru vel mor dan sul tin gor ben rik"
).split()
_FUNCTION_WORDS = "the of and to in a that for on with as by at from it was is were has have".split()
_NEWSLETTERS = (
    "Subscribe to our newsletter to get the latest news and special offers delivered to your inbox.",
    "Sign up here to get the latest news, updates and special offers delivered directly to your inbox.",
)
_VOCABULARY_SIZE = 30_000
_TOPIC_SIZE = 25
_REUSE_EVENTS_PER_ARTICLE = 0.2


@dataclass(frozen=True)
class PlantedPair:
    a: Key
    b: Key
    strength: str  # verbatim, edited, reworded; "split" halves count as edited


@dataclass(frozen=True)
class SyntheticArchive:
    paragraphs: list[Paragraph]
    planted: list[PlantedPair]


class _Writer:
    """Random text from a Zipf vocabulary; one instance per archive."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        words: list[str] = []
        seen: set[str] = set()
        while len(words) < _VOCABULARY_SIZE:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(accumulate(1.0 / (rank + 5) for rank in range(len(words))))
        # Each word's synonym is another word of similar frequency.
        self.synonym = {
            word: words[min(len(words) - 1, max(0, rank + rng.randint(-50, 50)))] for rank, word in enumerate(words)
        }

    def common(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def topic(self) -> list[str]:
        return self.rng.sample(self.words[200:8000], _TOPIC_SIZE)

    def name(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(3)).capitalize()

    def sentence(self, topic: list[str], names: list[str]) -> str:
        rng = self.rng
        length = rng.randint(10, 22)
        words = []
        for word in self.common(length):
            roll = rng.random()
            if roll < 0.40:
                words.append(rng.choice(_FUNCTION_WORDS))
            elif roll < 0.55:
                words.append(rng.choice(topic))
            elif roll < 0.60:
                words.append(rng.choice(names))
            elif roll < 0.62:
                words.append(str(rng.randint(2, 999)))
            else:
                words.append(word)
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def paragraph(self, topic: list[str], names: list[str]) -> str:
        return " ".join(self.sentence(topic, names) for _ in range(self.rng.randint(2, 4)))


def generate(articles: int, seed: int = 0) -> SyntheticArchive:
    """An archive of `articles` articles (about 10 paragraphs each) with planted reuse."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    outlets = [f"outlet-{n:03d}" for n in range(max(4, articles // 25))]
    bodies: dict[str, list[str]] = {}
    source_of: dict[str, str] = {}
    for number in range(articles):
        slug = f"article-{number:06d}"
        topic, names = writer.topic(), [writer.name() for _ in range(4)]
        bodies[slug] = [writer.paragraph(topic, names) for _ in range(rng.randint(8, 12))]
        source_of[slug] = rng.choice(outlets)

    planted = _plant(rng, writer, bodies, source_of, int(articles * _REUSE_EVENTS_PER_ARTICLE))

    paragraphs = []
    for slug, body in bodies.items():
        source = source_of[slug]
        ending = rng.choice(_NEWSLETTERS) if rng.random() < 0.5 else (
            f"{source} is an independent news service covering politics, business and culture, "
            "read by millions of people every day in many countries."
        )
        for number, text in enumerate([*body, ending], start=1):
            paragraphs.append(Paragraph(article=slug, source=source, id=f"p{number}", text=text, position=number))
    return SyntheticArchive(paragraphs, planted)


def _plant(
    rng: random.Random,
    writer: _Writer,
    bodies: dict[str, list[str]],
    source_of: dict[str, str],
    events: int,
) -> list[PlantedPair]:
    """Copy paragraphs between articles of different outlets; return the pairs.

    A paragraph is used at most once, as donor or as recipient, so the planted
    pairs are the complete truth (no chains of copies of copies).
    """
    slugs = list(bodies)
    used: set[Key] = set()
    planted = []
    for _ in range(events):
        donor, recipient = rng.sample(slugs, 2)
        if source_of[donor] == source_of[recipient]:
            continue
        d = rng.randrange(len(bodies[donor]))
        r = rng.randrange(len(bodies[recipient]) - 1)
        keys = [(donor, f"p{d + 1}"), (recipient, f"p{r + 1}"), (recipient, f"p{r + 2}")]
        if any(key in used for key in keys):
            continue
        original = bodies[donor][d]
        kind = rng.choice((*PLANTED, "split"))
        if kind == "split":
            sentences = original.split(". ")
            if len(sentences) < 2:
                continue
            half = len(sentences) // 2
            parts = [". ".join(sentences[:half]) + ".", ". ".join(sentences[half:])]
            bodies[recipient][r:r + 2] = [_edit(rng, writer, part) for part in parts]
            planted += [PlantedPair(keys[0], keys[1], "edited"), PlantedPair(keys[0], keys[2], "edited")]
            used.update(keys)
        else:
            change = {"verbatim": _restyle, "edited": _edit, "reworded": _reword}[kind]
            bodies[recipient][r] = change(rng, writer, original)
            planted.append(PlantedPair(keys[0], keys[1], kind))
            used.update(keys[:2])
    return planted


def _restyle(rng: random.Random, writer: _Writer, text: str) -> str:
    """Same words; other quotes and case."""
    return f"“{text}”" if rng.random() < 0.5 else text.upper()


def _edit(rng: random.Random, writer: _Writer, text: str) -> str:
    words = text.split()
    edited = [writer.synonym.get(word, word) if rng.random() < 0.1 else word for word in words]
    del edited[rng.randrange(len(edited))]
    return " ".join(edited).rstrip(".") + ", the report said."


def _reword(rng: random.Random, writer: _Writer, text: str) -> str:
    reworded = []
    for sentence in reversed(text.rstrip(".").split(". ")):
        words = [
            writer.synonym[word] if word in writer.synonym and rng.random() < 0.5 else word
            for word in sentence.split()
        ]
        cut = max(1, len(words) // 3)
        words = words[cut:] + words[:cut]
        reworded.append(" ".join(words).capitalize() + ".")
    return " ".join(reworded)


def measure(articles: int, seed: int = 0) -> dict:
    """Generate, detect, and score detection against the planted pairs."""
    archive = generate(articles, seed)
    started = time.perf_counter()
    result = detect(archive.paragraphs)
    seconds = time.perf_counter() - started
    planted = {frozenset((pair.a, pair.b)): pair for pair in archive.planted}
    found = {frozenset((link.a, link.b)) for link in result.links}
    hits = found & planted.keys()
    by_strength = {
        strength: [sum(1 for key, pair in planted.items() if pair.strength == strength and key in hits),
                   sum(1 for pair in planted.values() if pair.strength == strength)]
        for strength in PLANTED
    }
    return {
        "articles": articles,
        "paragraphs": len(archive.paragraphs),
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "links": len(found),
        "planted": len(planted),
        "precision": round(len(hits) / len(found), 4) if found else 1.0,
        "recall": round(len(hits) / len(planted), 4) if planted else 1.0,
        "recall_by_strength": {strength: f"{found_}/{total}" for strength, (found_, total) in by_strength.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark reuse detection on a synthetic archive.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--single", action="store_true", help="measure one size in this process, print JSON")
    args = parser.parse_args(argv)
    if args.single:
        print(json.dumps(measure(args.articles, args.seed)))
        return 0
    for articles in (args.articles, 2 * args.articles):
        # A fresh process per size, so that peak memory is that run's own.
        output = subprocess.run(
            [sys.executable, "-m", __spec__.name, "--single", "--articles", str(articles), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
        ).stdout
        figures = json.loads(output)
        print(
            f"{figures['articles']:>7,} articles {figures['paragraphs']:>9,} paragraphs: "
            f"detect {figures['seconds']:6.2f} s, peak RSS {figures['peak_rss_mib']:7.1f} MiB, "
            f"{figures['links']:,} links, precision {figures['precision']:.3f}, "
            f"recall {figures['recall']:.3f} {figures['recall_by_strength']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
