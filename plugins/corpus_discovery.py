"""`invoke discover`: put the built archive's statements and the corrections' wording to a news corpus.

Reads the archive as its last build published it (output/data/reuse.json:
every statement group and its versions) and the corrections in content/,
searches the corpus (archive.corpus) with archive.reuse.search, on a Dask
cluster when asked (dask_engine), and writes into the chosen folder:

* candidates.json: the ranked candidates (archive.discovery);
* index.html: the same as a page a maintainer reads, each candidate's
  matching paragraphs beside the archive's (theme/templates/discover.html);
* candidates/NNNN.json: each candidate's corpus record, which
  `invoke import candidates/NNNN.json` imports as an article.

The corpus is only read; nothing is written to content/.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from archive.atomic_files import write_text_atomically
from archive.corpus import read_corpus
from archive.discovery import as_data, candidates, statement_queries
from archive.corrections.apply import wording_queries
from archive.problems import ContentError, Problem, display_path
from archive.reuse import search
from archive.slugs import slugify
from archive_analysis import read_corrections
from dask_engine import engine_runner

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "theme" / "templates"


def discover(corpus: Path, out: Path, reuse_json: Path, content: Path, settings, engine: str | None = None,
             workers: int = 2, scheduler: str | None = None) -> dict:
    """Search `corpus`, write the results into `out` (replaced whole), and return them as data."""
    if not reuse_json.is_file():
        raise ContentError(Problem(display_path(reuse_json), None, "the archive's reuse data is missing: "
                                                                   "build the site first (invoke build)"))
    reuse_data = json.loads(reuse_json.read_text(encoding="utf-8"))
    corrections = read_corrections(str(content), {article["slug"] for article in reuse_data["articles"]})
    statements, groups = statement_queries(reuse_data)
    queries = statements + [q for correction in corrections for q in wording_queries(correction)]
    articles = {article.name: article for article in read_corpus(corpus)}
    paragraphs = [p for article in articles.values() for p in article.paragraphs()]
    texts = {p.key: p.text for p in paragraphs + queries}
    with engine_runner(engine, scheduler, workers, asked_by="--engine") as runner:
        links = search(paragraphs, queries, settings, runner=runner).links
    ranked = candidates(links, articles, texts, corrections)
    data = as_data(ranked, groups, str(corpus), _record_name)
    data["folder"] = str(out)
    _write(out, data, ranked)
    return data


def _record_name(rank: int, candidate) -> str:
    """The file a candidate's corpus record is saved as: in rank order, named for where it is and what it says
    (also the name its source keeps in content/sources/ once imported)."""
    words = slugify(candidate.article.title or "")[:60].rstrip("-")
    return f"candidates/{rank:04d}-line{candidate.article.line}{'-' + words if words else ''}.json"


def _write(out: Path, data: dict, ranked) -> None:
    """The results, into a fresh folder beside `out` that then replaces it: never half written."""
    fresh = out.with_name(f".{out.name}-writing")
    shutil.rmtree(fresh, ignore_errors=True)
    (fresh / "candidates").mkdir(parents=True)
    write_text_atomically(fresh / "candidates.json", json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                          + "\n")
    for entry, candidate in zip(data["candidates"], ranked):
        write_text_atomically(fresh / entry["import"],
                              json.dumps(candidate.article.record(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                              trim_blocks=True, lstrip_blocks=True)
    write_text_atomically(fresh / "index.html", environment.get_template("discover.html").render(found=data))
    shutil.rmtree(out, ignore_errors=True)
    fresh.rename(out)
