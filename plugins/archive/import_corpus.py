"""Import one article of a news corpus, as `invoke discover` saved it for the maintainer to import.

The record (see archive.corpus) states the text and, where the corpus has
them, the headline, outlet, date and address; those become the article's
header as stated, nothing guessed: a date that is not one of the archive's
forms (`YYYY-MM-DD`, with a time or not) stays unknown, and the record says
which values the corpus stated.  The text goes through the importer like a
dump's lines, so that furniture the crawl kept is found and recorded.
"""
from __future__ import annotations

import json

from .corpus import FIELDS, article_from_record
from .dates import parse_date
from .importer import ImportProblem, ImportResult, import_lines
from .problems import ContentError


def import_corpus_record(raw: str, source_name: str) -> ImportResult:
    """Import one saved corpus record; ImportProblem when it is not one."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ImportProblem(f"not a corpus record (JSON): {err.msg}", err.lineno) from None
    if not isinstance(record, dict):
        raise ImportProblem("not a corpus record: a JSON object with a \"text\" field", 1)
    try:
        article = article_from_record(record, source_name, 1)
    except ContentError as err:
        raise ImportProblem(err.problem.message, 1) from None
    stated = {}
    if article.outlet:
        stated["outlet"] = article.outlet
    if article.url and article.url.startswith(("http://", "https://")):
        stated["original"] = article.url
    if article.date:
        try:
            parse_date(article.date)
            stated["date"] = article.date
        except ValueError:
            pass   # not a date the archive can show as given: unknown, rather than a guess at what it meant
    lines = list(enumerate(article.text.splitlines(), start=1))
    result = import_lines(lines, source_name, stated=stated, title=article.title)
    kept = dict(result.record)
    kept["corpus"] = {"file": record.get("corpus"), "line": record.get("line"),
                      "stated": sorted(name for name in FIELDS if record.get(name))}
    return ImportResult(markdown=result.markdown, record=kept, slug=result.slug, header=result.header)
