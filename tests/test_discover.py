"""`invoke discover`: the archive's statements and the claim's wording put to a news corpus, the
candidates ranked, shown, and importable; the corpus never changed. The corpus here is made of the
development set's texts (our own), one record a line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archive.import_files import import_files
from archive.problems import ContentError
from bs4 import BeautifulSoup
from conftest import ROOT
from corpus_discovery import discover
from evaluation.site_settings import site_reuse_settings

pytestmark = pytest.mark.slow
DEVSET = ROOT / "tests" / "data" / "devset"
HOSTILE = 'Wire <script>alert("x")</script> & co'


def _records():
    given = [("u1", "Harvest festival draws crowds", "Farm Weekly", "2017-11-15"),
             ("n1", "Russia accuses the coalition", HOSTILE, "2017-11-14"),
             ("d1", "The video game evidence", "Check Desk", "15 November 2017"),
             ("n3", None, None, None)]
    return [{"text": (DEVSET / f"{name}.txt").read_text(encoding="utf-8"), "title": title, "outlet": outlet,
             "date": date, "url": f"https://example.org/{name}"} for name, title, outlet, date in given]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in _records()), encoding="utf-8")
    return path


def _discover(corpus, out, built_site, **engine):
    return discover(corpus, out, built_site.output / "data" / "reuse.json", ROOT / "content", site_reuse_settings(),
                    **engine)


def test_the_candidates_are_ranked_by_how_much_of_the_claim_they_carry(corpus, tmp_path, built_site):
    before = corpus.read_bytes()
    found = _discover(corpus, tmp_path / "found", built_site)
    ranked = found["candidates"]
    by_line = {c["line"]: c for c in ranked}
    assert 1 not in by_line, "the unrelated article is no candidate"
    assert ranked[0]["line"] == 2 and ranked[0]["verdict"] == "carries the claim"
    assert by_line[3]["verdict"] == "reports the debunk" and ranked[-1]["line"] == 3
    first = ranked[0]
    assert first["claim"] and first["statements"] and first["strongest"] in ("verbatim", "edited", "reworded")
    match = first["statements"][0]["matches"][0]
    assert match["text"] and match["archive_text"] and match["archive_article"]
    assert (tmp_path / "found" / "candidates.json").read_text(encoding="utf-8") == json.dumps(
        found, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert corpus.read_bytes() == before, "the corpus is only read"


def test_the_page_shows_each_match_beside_what_it_matched_and_escapes_the_corpus(corpus, tmp_path, built_site):
    _discover(corpus, tmp_path / "found", built_site)
    page = (tmp_path / "found" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one("article .pair blockquote + blockquote")
    commands = [code.get_text() for code in soup.select("article code") if code.get_text().startswith("invoke import")]
    assert len(commands) == len(soup.select("main > article"))
    assert all((tmp_path / command.removeprefix("invoke import ")).is_file() or
               Path(command.removeprefix("invoke import ")).is_file() for command in commands)


def test_a_candidate_imports_as_an_article_with_what_the_corpus_stated_and_nothing_more(corpus, tmp_path, built_site):
    found = _discover(corpus, tmp_path / "found", built_site)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    files = {c["line"]: tmp_path / "found" / c["import"] for c in found["candidates"]}
    assert import_files([files[2]], content) == []
    article = next(path for path in (content / "articles").glob("russia-accuses-the-coalition*.md"))
    header = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "Title: Russia accuses the coalition" in header and "Date: 2017-11-14" in header
    assert "Original: https://example.org/n1" in header and "Author: unknown" in header
    record = json.loads(article.with_suffix(".import.json").read_text(encoding="utf-8"))
    assert record["corpus"]["line"] == 2 and record["corpus"]["stated"] == ["date", "outlet", "title", "url"]
    # A date the archive cannot show as given stays unknown; a record with no headline is refused.
    assert import_files([files[3]], content) == []
    debunk = (content / "articles" / "the-video-game-evidence.md").read_text(encoding="utf-8")
    assert "Date: unknown" in debunk
    refused = import_files([files[4]], content)
    assert len(refused) == 1 and "no headline" in refused[0].message


@pytest.mark.parametrize("line, message", [
    ("{not json\n", "corpus.jsonl:1: not a JSON record"),
    ('{"title": "no text"}\n', "corpus.jsonl:1: the record has no \"text\""),
    ('{"text": "words", "date": 2017}\n', "corpus.jsonl:1: \"date\" must be a string or null"),
])
def test_a_bad_record_is_named_by_file_and_line(tmp_path, built_site, line, message):
    bad = tmp_path / "corpus.jsonl"
    bad.write_text(line, encoding="utf-8")
    with pytest.raises(ContentError, match=message.replace("(", r"\(")):
        _discover(bad, tmp_path / "found", built_site)
    assert not (tmp_path / "found").exists()


def test_on_dask_the_candidates_are_the_same(corpus, tmp_path, built_site):
    alone = _discover(corpus, tmp_path / "alone", built_site)
    spread = _discover(corpus, tmp_path / "spread", built_site, engine="dask", workers=2)
    assert spread["candidates"] == alone["candidates"]


def test_a_parquet_corpus_gives_what_its_json_lines_give(corpus, tmp_path, built_site):
    import pyarrow
    import pyarrow.parquet as parquet

    parquet_path = tmp_path / "corpus.parquet"
    parquet.write_table(pyarrow.Table.from_pylist(_records()), parquet_path)
    from_lines = _discover(corpus, tmp_path / "lines", built_site)["candidates"]
    from_parquet = _discover(parquet_path, tmp_path / "parquet", built_site)["candidates"]
    assert [(c["line"], c["verdict"], c["statements"]) for c in from_parquet] == \
        [(c["line"], c["verdict"], c["statements"]) for c in from_lines]
