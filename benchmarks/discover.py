"""`invoke discover` on a synthetic corpus with the archive's statements planted in it, measured.

    python -m benchmarks.discover [--paragraphs 100000 1000000] [--engine dask]

The corpus is the synthetic archive's articles (benchmarks.synthetic:
unrelated text) with one paragraph in some of them replaced by one that
carries a statement of the archive:

* copy: a version of a statement group of the built site, word for word;
* edited: the same with about one word in ten replaced and one dropped;
* reworded: a paragraph of the development set's new-outlet reports that
  its labels say carries a statement (texts written for the development
  set, in their own words);

and in as many others by a paragraph that carries none, from the
development set's same-topic and unrelated texts.  A candidate is right
when its article was planted with a statement.  Printed per size, each in a
fresh process: candidates, precision, recall per kind, seconds and peak
memory of the discovery (the corpus's generation excluded from the time).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.devset import load_devset

from .synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
#: One article in this many gets a planted paragraph of each kind.
_EVERY = 200


def _planted_paragraphs(reuse_data: dict) -> dict[str, list[str]]:
    texts = {(a["slug"], p["id"]): p["text"] for a in reuse_data["articles"] for p in a["paragraphs"]}
    versions = [texts[(m["article"], m["paragraph"])] for g in reuse_data["groups"] for m in g["members"]]
    documents, statements = load_devset()
    reworded = [p.text for d in documents if d.kind == "new-outlet" for p in d.paragraphs if statements.get(p.key)]
    negatives = [p.text for d in documents if d.kind in ("same-topic", "unrelated") for p in d.paragraphs
                 if not statements.get(p.key)]
    return {"copy": versions, "reworded": reworded, "negative": negatives}


def _edited(rng: random.Random, text: str, filler: list[str]) -> str:
    words = text.split()
    words = [rng.choice(filler) if rng.random() < 0.1 else word for word in words]
    del words[rng.randrange(len(words))]
    return " ".join(words)


def write_corpus(paragraphs: int, path: Path, reuse_data: dict, seed: int = 0) -> dict[int, str]:
    """A JSON Lines corpus of about `paragraphs` paragraphs; the planted kind of each planted line."""
    rng = random.Random(seed)
    archive = generate(max(2, paragraphs // 10), seed)
    by_article: dict[str, list[str]] = {}
    for paragraph in archive.paragraphs:
        by_article.setdefault(paragraph.article, []).append(paragraph.text)
    pool = _planted_paragraphs(reuse_data)
    filler = [word for text in list(by_article.values())[:50] for word in " ".join(text).split()][:2000]
    kinds = ("copy", "edited", "reworded", "negative")
    planted: dict[int, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for line, (slug, texts) in enumerate(sorted(by_article.items()), start=1):
            if line % _EVERY < len(kinds):
                kind = kinds[line % _EVERY]
                text = rng.choice(pool["copy" if kind == "edited" else kind])
                texts = list(texts)
                texts[rng.randrange(len(texts))] = _edited(rng, text, filler) if kind == "edited" else text
                planted[line] = kind
            out.write(json.dumps({"text": "\n\n".join(texts), "title": slug, "outlet": None, "date": None,
                                  "url": None}) + "\n")
    return planted


def measure(paragraphs: int, engine: str | None) -> dict:
    from pelican.settings import read_settings

    from archive_analysis import reuse_settings
    from build_site import build
    from corpus_discovery import discover

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        status = build(str(ROOT / "pelicanconf.py"), {"OUTPUT_PATH": str(base / "site"),
                                                      "CACHE_PATH": str(base / "cache")})
        if status:
            raise RuntimeError("the site did not build")
        reuse_json = base / "site" / "data" / "reuse.json"
        planted = write_corpus(paragraphs, base / "corpus.jsonl", json.loads(reuse_json.read_text(encoding="utf-8")))
        settings = reuse_settings(read_settings(str(ROOT / "pelicanconf.py")))
        started = time.perf_counter()
        found = discover(base / "corpus.jsonl", base / "found", reuse_json, ROOT / "content", settings, engine)
        seconds = time.perf_counter() - started
    lines = {c["line"] for c in found["candidates"]}
    right = {line for line in lines if planted.get(line) in ("copy", "edited", "reworded")}
    recall = {kind: f"{sum(1 for l, k in planted.items() if k == kind and l in lines)}/"
                    f"{sum(1 for k in planted.values() if k == kind)}" for kind in ("copy", "edited", "reworded")}
    negatives = sum(1 for line, kind in planted.items() if kind == "negative" and line in lines)
    return {"paragraphs": paragraphs, "candidates": len(lines), "right": len(right),
            "precision": round(len(right) / len(lines), 3) if lines else 1.0, "recall": recall,
            "negatives found": f"{negatives}/{sum(1 for k in planted.values() if k == 'negative')}",
            "seconds": round(seconds, 1),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[100_000])
    parser.add_argument("--engine", choices=("dask",))
    parser.add_argument("--single", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.single:
        print(json.dumps(measure(args.paragraphs[0], args.engine)))
        return 0
    for size in args.paragraphs:
        command = [sys.executable, "-m", __spec__.name, "--single", "--paragraphs", str(size)]
        command += ["--engine", args.engine] if args.engine else []
        out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
        print(out.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
