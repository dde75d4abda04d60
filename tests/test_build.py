"""The build as a maintainer meets it: bad content is refused with a clear
message and a non-zero exit, output/ is never half written, and the same
content always gives the same bytes."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_content

GOOD = """Title: A plain test article
Slug: a-plain-test-article
Date: 2017-11-16 10:00
Outlet: Test Outlet
Author: unknown
Lang: en
Original: https://example.org/a

First paragraph of the test article.

Second paragraph, with <script>alert("x")</script> in it.
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    (folder / "pages").mkdir()
    (folder / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


BAD_FILES = {
    "missing title": (GOOD.replace("Title: A plain test article\n", ""), "bad.md:1: missing title"),
    "unparseable date": (GOOD.replace("2017-11-16 10:00", "16th of November"), "bad.md:3: date '16th of November' is not"),
    "empty file": ("", "bad.md:1: the file is empty"),
    "duplicate slug": (GOOD.replace("First paragraph", "Another first paragraph"), ".md:2: slug 'a-plain-test-article' is already used by"),
    "bad language": (GOOD.replace("Lang: en", "Lang: english"), "bad.md:6: language 'english' is not a valid language code"),
    "bad address": (GOOD.replace("https://example.org/a", "ftp://example.org/a"), "bad.md:7: address 'ftp://example.org/a' must be an http(s) address"),
    "unknown field": (GOOD.replace("Author: unknown", "Autor: unknown"), "bad.md:5: unknown field 'Autor'"),
    "unknown block": (GOOD.replace("a-plain-test-article", "another-article") + "\n:::{sidebar}\ntext\n:::\n",
                      "bad.md:13: unknown block ':::{sidebar}'"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_content_is_refused_with_file_line_and_message(content, tmp_path, case):
    text, expected = BAD_FILES[case]
    (content / "articles" / "bad.md").write_text(text, encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.status != 0
    assert expected in result.errors
    assert "Traceback" not in result.errors
    assert not (tmp_path / "output").exists()


def test_invalid_utf8_names_the_line(content, tmp_path):
    (content / "articles" / "bad.md").write_bytes(GOOD.replace("Second", "Caf\xe9").encode("latin-1"))
    result = build_site(content, tmp_path / "output")
    assert result.status != 0
    assert "bad.md:11: not valid UTF-8 (byte 0xe9)" in result.errors


def test_duplicate_text_is_reported_as_a_duplicate_document(content, tmp_path):
    (content / "articles" / "copy.md").write_text(GOOD.replace("a-plain-test-article", "a-copy"), encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.status != 0
    assert "duplicate document: the same text as" in result.errors


def test_failed_build_leaves_previous_output_untouched(content, tmp_path):
    output = tmp_path / "output"
    assert build_site(content, output).status == 0
    before = tree(output)
    (content / "articles" / "bad.md").write_text(GOOD.replace("Title: A plain test article\n", "").replace("a-plain", "b-plain"), encoding="utf-8")
    assert build_site(content, output).status != 0
    assert tree(output) == before
    assert not list(tmp_path.glob(".output-*"))


def test_raw_html_in_an_article_is_shown_as_text(content, tmp_path):
    page = BeautifulSoup(build_site(content, tmp_path / "output").page("articles/a-plain-test-article.html"), "html.parser")
    assert page.find("script") is None
    second = page.select(".article-body p.para")[1]
    assert 'with <script>alert("x")</script> in it.' in second.get_text()


def test_summary_field_is_rendered_as_markdown(content, tmp_path):
    article = content / "articles" / "good.md"
    article.write_text(GOOD.replace("Lang: en", "Lang: en\nSummary: A *short* summary"), encoding="utf-8")
    page = BeautifulSoup(build_site(content, tmp_path / "output").page("articles/a-plain-test-article.html"), "html.parser")
    assert page.select_one('meta[name="description"]')["content"] == "A short summary"


def test_two_builds_of_the_real_site_are_byte_identical(tmp_path):
    first = build_site(ROOT / "content", tmp_path / "one")
    second = build_site(ROOT / "content", tmp_path / "two")
    assert first.status == second.status == 0
    assert tree(first.output) == tree(second.output)


def test_check_task_reports_problems_and_exits_non_zero(tmp_path):
    content = copy_content(tmp_path)
    (content / "articles" / "zz-bad.md").write_text(GOOD.replace("2017-11-16 10:00", "yesterday"), encoding="utf-8")
    env_root = tmp_path / "project"
    env_root.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "plugins"):
        source = ROOT / name
        (env_root / name).symlink_to(source, target_is_directory=source.is_dir()) if source.is_dir() else shutil.copy(source, env_root / name)
    (env_root / "content").symlink_to(content, target_is_directory=True)
    run = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=env_root, capture_output=True, text=True)
    assert run.returncode == 1
    assert "content/articles/zz-bad.md:3: date 'yesterday' is not" in run.stderr
    assert "Traceback" not in run.stderr
