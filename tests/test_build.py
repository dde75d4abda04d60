"""The build as a maintainer meets it: bad content is refused with a clear
message and a non-zero exit, output/ is never half written, and the same
content always gives the same bytes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.content_check import check_content
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
    "placeholder of invoke new left": (GOOD.replace("First paragraph of the test article.",
                                                    "Paste the article's text here, one blank line between paragraphs."),
                                       "bad.md:9: the placeholder of `invoke new` is still here"),
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


@pytest.mark.slow
def test_two_builds_of_the_real_site_are_byte_identical(tmp_path):
    first = build_site(ROOT / "content", tmp_path / "one", SEARCH_INDEX=True)
    second = build_site(ROOT / "content", tmp_path / "two", SEARCH_INDEX=True)
    assert (first.output / "pagefind").is_dir(), "the search index is part of what is compared"
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


# Refused by the one reading of a file that check, build, preview and plain
# `pelican` share (archive.frontmatter.decode), each with file:line.
UNREADABLE = {
    "NUL in the body": (GOOD.replace("Second paragraph", "Second\x00 paragraph"), "bad.md:11: control character U+0000 at column 7"),
    "ESC in the body": (GOOD.replace("First paragraph", "First \x1b[31mparagraph"), "bad.md:9: control character U+001B at column 7"),
    "VT in a header": (GOOD.replace("Test Outlet", "Test\x0bOutlet"), "bad.md:4: control character U+000B at column 13"),
    "a file of megabytes": (GOOD + ("A paragraph of filler text. " * 40 + "\n\n") * 1200,
                            "bad.md:1: the file has 1,3"),
}


def plain_pelican(content: Path, output: Path) -> subprocess.CompletedProcess:
    """`pelican content -s pelicanconf.py -o output`, as a maintainer might run it.

    Run in the folder that holds `output`: Pelican's cache/ (CACHE_PATH, relative
    to where pelican runs) is then the test's own, not the project's, which
    tests running at the same time and the maintainer's builds would share."""
    return subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
                           "-o", str(output)], cwd=output.parent, capture_output=True, text=True, timeout=300)


@pytest.fixture(params=sorted(UNREADABLE))
def unreadable(request, content):
    text, expected = UNREADABLE[request.param]
    (content / "articles" / "bad.md").write_text(text.replace("a-plain-test-article", "bad-article"), encoding="utf-8")
    return content, expected


def test_check_refuses_control_characters_and_huge_files(unreadable):
    content, expected = unreadable
    assert any(expected in str(problem) for problem in check_content(content)), check_content(content)


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_build_and_preview_refuse_control_characters_and_huge_files(unreadable, tmp_path, settings):
    content, expected = unreadable
    result = build_site(content, tmp_path / "output", settings=str(ROOT / settings))
    assert result.status != 0 and expected in result.errors and "Traceback" not in result.errors
    assert not (tmp_path / "output").exists()


def test_plain_pelican_refuses_control_characters_and_huge_files(unreadable, tmp_path):
    content, expected = unreadable
    run = plain_pelican(content, tmp_path / "output")
    assert run.returncode != 0, run.stdout + run.stderr
    assert expected in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_links_to_data_or_script_addresses_are_neutralised(content, tmp_path):
    text = GOOD.replace("First paragraph of the test article.",
                        "See [this](data:text/html;base64,PHNjcmlwdD4=) and [that](data:image/svg+xml;base64,PHN2Zz4=) "
                        "and [the other](javascript:alert(1)) and [the source](https://example.org/story).")
    (content / "articles" / "good.md").write_text(text, encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.status == 0, result.errors
    page = BeautifulSoup((tmp_path / "output" / "articles" / "a-plain-test-article.html").read_text(encoding="utf-8"),
                         "html.parser")
    hrefs = [a["href"] for a in page.select(".article-body a[href]") if "nofollow" in a.get("rel", [])]
    assert hrefs == ["#harmful-link", "#harmful-link", "#harmful-link", "https://example.org/story"]


@pytest.mark.slow
def test_the_builders_locale_changes_no_byte(tmp_path):
    """The site's language is a setting: a build on a French machine writes
    the same bytes as one on any other (no "14 novembre 2017")."""
    locales = tmp_path / "locales"
    locales.mkdir()
    made = subprocess.run(["localedef", "-i", "fr_FR", "-f", "UTF-8", str(locales / "fr_FR.UTF-8")],
                          capture_output=True, text=True)
    assert made.returncode in (0, 1) and (locales / "fr_FR.UTF-8").exists(), made.stderr
    code = ("import sys; from build_site import build; "
            f"sys.exit(build({str(ROOT / 'pelicanconf.py')!r}, {{'OUTPUT_PATH': sys.argv[1], "
            "'CACHE_PATH': sys.argv[1] + '-cache'}))")   # each build detects under its own locale
    french = {"LOCPATH": str(locales), "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"}
    for name, env in (("c", {"LC_ALL": "C.UTF-8"}), ("fr", french)):
        run = subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], cwd=ROOT, capture_output=True,
                             text=True, env={**os.environ, **env})
        assert run.returncode == 0, run.stderr
    check = subprocess.run([sys.executable, "-c", "import locale, time; locale.setlocale(locale.LC_ALL, ''); "
                            "print(time.strftime('%B', (2017, 11, 14, 0, 0, 0, 0, 0, 0)))"],
                           capture_output=True, text=True, env={**os.environ, **french})
    assert check.stdout.strip() == "novembre", "the French locale should be in force in the second build"
    assert tree(tmp_path / "c") == tree(tmp_path / "fr")


def _file_loop(content):
    (content / "articles" / "a.md").symlink_to(content / "articles" / "b.md")
    (content / "articles" / "b.md").symlink_to(content / "articles" / "a.md")
    return "articles/a.md: a symbolic link that leads nowhere, or round in a loop"


def _folder_loop(content):
    (content / "articles" / "again").symlink_to(content / "articles", target_is_directory=True)
    return "articles/again: a folder link back to"


def _template_outside(content):
    page = GOOD.replace("Date: 2017-11-16 10:00\nOutlet: Test Outlet\nAuthor: unknown\nLang: en\nOriginal: https://example.org/a\n",
                        "Template: ../../../../etc/passwd\n").replace("a-plain-test-article", "a-page")
    (content / "pages" / "bad.md").write_text(page, encoding="utf-8")
    return "pages/bad.md:3: template '../../../../etc/passwd' must be the name of one of the theme's templates"


@pytest.fixture(params=[_file_loop, _folder_loop, _template_outside], ids=["file loop", "folder loop", "template"])
def refused(request, content):
    return content, request.param(content)


def test_loops_and_templates_out_of_the_theme_are_refused_by_check_build_and_pelican(refused, tmp_path):
    content, expected = refused
    assert any(expected in str(problem) for problem in check_content(content)), check_content(content)
    result = build_site(content, tmp_path / "output")
    assert result.status != 0 and expected in result.errors and "Traceback" not in result.errors
    assert len(result.errors.splitlines()) < 10
    run = plain_pelican(content, tmp_path / "plain")
    assert run.returncode != 0 and expected in run.stderr and "Traceback" not in run.stdout + run.stderr


@pytest.mark.slow
def test_every_bad_file_is_refused_alike_by_check_preview_and_plain_pelican(content, tmp_path):
    """The same refusals as the build above, through the other doors."""
    for case, (text, expected) in sorted(BAD_FILES.items()):
        (content / "articles" / "bad.md").write_text(text, encoding="utf-8")
        assert any(expected in str(problem) for problem in check_content(content)), case
        preview = build_site(content, tmp_path / "preview", settings=str(ROOT / "publishconf.py"))
        assert preview.status != 0 and expected in preview.errors and "Traceback" not in preview.errors, case
        run = plain_pelican(content, tmp_path / "plain")
        assert run.returncode != 0 and expected in run.stderr and "Traceback" not in run.stderr, (case, run.stderr)
        assert not (tmp_path / "preview").exists() and not (tmp_path / "plain").exists(), case


@pytest.mark.slow
def test_an_autoreloading_pelican_stops_at_bad_content_instead_of_dropping_the_article(content, tmp_path):
    """`pelican -r` rebuilds on every change: a file made bad while it runs
    stops it with the problem, as `invoke build` would, and the site already
    written keeps every article instead of being rewritten without one."""
    import time

    output = tmp_path / "output"
    run = subprocess.Popen([sys.executable, "-m", "pelican", str(content), "-r", "-s", str(ROOT / "pelicanconf.py"),
                            "-o", str(output)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (output / "index.html").exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert (output / "index.html").exists(), "the first build"
        time.sleep(2)   # the first build has finished writing
        written = sorted(p.name for p in (output / "articles").iterdir())
        (content / "articles" / "bad.md").write_text(BAD_FILES["missing title"][0], encoding="utf-8")
        _, stderr = run.communicate(timeout=120)
    finally:
        run.kill()
    assert run.returncode == 1, stderr
    assert BAD_FILES["missing title"][1] in stderr and "nothing was written" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in (output / "articles").iterdir()) == written
