"""The maintainer's tasks, run as a maintainer runs them: `invoke TASK` in a project folder."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

RAW = """Crossing reported
November 16th, 2017 – Test Wire –
– by Jane Example –

Officials said a convoy crossed the border at dawn on Thursday.

- Advertisement -

Witnesses counted more than forty vehicles, the agency reported.

Subscribe to our newsletter
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to run tasks in (content copied, code linked)."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("plugins", "theme"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copytree(ROOT / "content", folder / "content")
    return folder


def invoke(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_import_writes_article_and_record_and_refuses_to_overwrite(project, tmp_path):
    dump = tmp_path / "wire.txt"
    dump.write_text(RAW, encoding="utf-8")
    first = invoke(project, "import", str(dump))
    assert first.returncode == 0, first.stderr
    article = project / "content" / "articles" / "crossing-reported.md"
    text = article.read_text(encoding="utf-8")
    assert "Outlet: Test Wire" in text and "Author: Jane Example" in text and "Date: 2017-11-16" in text
    assert "Advertisement" not in text and "Subscribe" not in text
    assert (project / "content" / "sources" / "wire.txt").read_text(encoding="utf-8") == RAW
    assert "Advertisement" in (project / "content" / "articles" / "crossing-reported.import.json").read_text(encoding="utf-8")

    article.write_text(text + "\nA maintainer's fix.\n", encoding="utf-8")
    again = invoke(project, "import", str(dump))
    assert again.returncode == 1
    assert "crossing-reported.md already exists; use --force to overwrite it" in again.stderr
    assert "A maintainer's fix." in article.read_text(encoding="utf-8")
    forced = invoke(project, "import", str(dump), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "A maintainer's fix." not in article.read_text(encoding="utf-8")

    assert invoke(project, "build").returncode == 0
    page = BeautifulSoup((project / "output" / "articles" / "crossing-reported.html").read_text(encoding="utf-8"), "html.parser")
    assert "forty vehicles" in page.select_one(".article-body").get_text()


def test_import_refuses_a_text_the_archive_already_has(project, tmp_path):
    copy = tmp_path / "same.txt"
    shutil.copy(ROOT / "content" / "sources" / "002_657d4da5822060ae.txt", copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("Russian MoD details", "Russian MoD explains"), encoding="utf-8")
    run = invoke(project, "import", str(copy))
    assert run.returncode == 1
    assert "duplicate document: the archive already has this text in content/articles/russian-mod-details-us-isis-cooperation.md" in run.stderr


def test_import_takes_several_dumps_in_one_argument(project, tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(RAW, encoding="utf-8")
    second.write_text(RAW.replace("Crossing reported", "Second crossing reported").replace("forty", "fifty"), encoding="utf-8")
    run = invoke(project, "import", f"{first} {second}")
    assert run.returncode == 0, run.stderr
    assert (project / "content" / "articles" / "crossing-reported.md").exists()
    assert (project / "content" / "articles" / "second-crossing-reported.md").exists()


def test_import_of_an_empty_dump_says_why(project, tmp_path):
    dump = tmp_path / "empty.txt"
    dump.write_text("\n\n", encoding="utf-8")
    run = invoke(project, "import", str(dump))
    assert run.returncode == 1
    assert "empty.txt" in run.stderr and "Traceback" not in run.stderr
    assert not list((project / "content" / "articles").glob("*empty*"))


@pytest.mark.slow
def test_new_writes_a_skeleton_that_checks_once_text_is_added(project):
    run = invoke(project, "new", "--title", "A Fresh Report", "--outlet", "Example Times", "--date", "2017-11-20")
    assert run.returncode == 0, run.stderr
    skeleton = project / "content" / "articles" / "a-fresh-report.md"
    text = skeleton.read_text(encoding="utf-8")
    assert "Title: A Fresh Report\nSlug: a-fresh-report\nDate: 2017-11-20\nOutlet: Example Times" in text
    # the placeholder is an instruction, not archived text: check and the build refuse it, naming its line
    placeholder_line = text.split("\n").index("Paste the article's text here, one blank line between paragraphs.") + 1
    refused = invoke(project, "check")
    assert refused.returncode == 1
    assert f"content/articles/a-fresh-report.md:{placeholder_line}: the placeholder of `invoke new` is still here" in refused.stderr
    built = invoke(project, "build")
    assert built.returncode == 1 and f"a-fresh-report.md:{placeholder_line}: the placeholder" in built.stderr
    assert "Traceback" not in refused.stderr + built.stderr
    skeleton.write_text(text.replace("Paste the article's text here, one blank line between paragraphs.",
                                     "Officials described the report in a statement on Monday."), encoding="utf-8")
    assert invoke(project, "check").returncode == 0
    bad = invoke(project, "new", "--title", "Another", "--date", "someday")
    assert bad.returncode == 1 and "date 'someday' is not" in bad.stderr


def test_check_warns_about_furniture_left_in_an_article_but_passes(project):
    article = project / "content" / "articles" / "left-over.md"
    article.write_text("Title: Left over\nSlug: left-over\nDate: unknown\nOutlet: unknown\nAuthor: unknown\n"
                       "Lang: en\nOriginal: unknown\n\n"
                       "By Jane Roe, Moscow correspondent\n\n"
                       "Officials said a convoy crossed the border at dawn on Thursday.\n\n"
                       "Share 12 Tweet 3\n\n"
                       "Witnesses counted more than forty vehicles, the agency reported.\n\n"
                       "Related Topics\n\n"
                       "Subscribe to our daily briefing\n\n"
                       "\\© 2017 Example Times. All rights reserved.\n", encoding="utf-8")
    run = invoke(project, "check")
    assert run.returncode == 0, run.stderr
    warned = re.findall(r"^content/articles/left-over\.md:(\d+): warning: .*\((\S+)\)", run.stderr, flags=re.M)
    assert warned == [("9", "byline"), ("13", "share-counter"), ("17", "teaser"), ("19", "newsletter-prompt"),
                      ("21", "copyright")]
    assert "content is valid (5 warning(s)" in run.stdout
    # the articles of the archive itself carry none
    assert all("left-over.md:" in line for line in run.stderr.splitlines() if "warning" in line)


@pytest.mark.slow
def test_preview_builds_absolute_addresses_and_a_feed_without_placeholder_dates(project):
    run = invoke(project, "preview", env={"ARCHIVE_SITEURL": "https://example.org/archive"})
    assert run.returncode == 0, run.stderr
    feed = (project / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/archive/articles/russian-mod-details-us-isis-cooperation.html" in feed
    assert "1970" not in feed
    entries = re.findall(r'<link href="([^"]+)" rel="alternate"', feed)
    assert "https://example.org/archive/articles/russian-mod-details-us-isis-cooperation.html" in entries
    assert not [e for e in entries if "russian-federation-says-us-providing-cover" in e]  # undated: no date to give
    links = re.findall(r'&lt;a [^&]*?href="([^"]*)"', feed)
    assert links and all(link.startswith("https://example.org/archive/") for link in links)
    home = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/archive/theme/css/site.css"' in home
    assert (project / "output" / "pagefind" / "pagefind-entry.json").exists(), "publishing always indexes"


def test_a_local_build_indexes_for_search_only_when_asked(project):
    assert invoke(project, "build").returncode == 0
    assert not (project / "output" / "pagefind").exists()
    assert "This build of the site has no search index." in (project / "output" / "search.html").read_text(encoding="utf-8")
    run = invoke(project, "build", "--search")
    assert run.returncode == 0, run.stderr
    assert (project / "output" / "pagefind" / "pagefind-entry.json").exists()
    assert 'id="search-form"' in (project / "output" / "search.html").read_text(encoding="utf-8")
    assert "--search" in invoke(project, "--help", "livereload").stdout


@pytest.mark.slow
def test_clean_removes_the_output(project):
    assert invoke(project, "build").returncode == 0
    assert (project / "output" / "index.html").exists()
    assert invoke(project, "clean").returncode == 0
    assert not (project / "output").exists()


@pytest.mark.slow
def test_serve_answers_a_missing_page_with_the_sites_own_404_page(project):
    import os
    import urllib.error
    import urllib.request

    assert invoke(project, "build").returncode == 0
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", "0"], cwd=project, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        address = re.search(r"at (http://\S+/)", server.stdout.readline())[1]
        for missing in ("no-such-page.html", "a/b/c.html"):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(address + missing, timeout=10)
            assert answer.value.code == 404
            page = BeautifulSoup(answer.value.read().decode("utf-8"), "html.parser")
            assert page.select_one("h1").get_text() == "Page not found"
            # Links from the site's root, so that they work under any missing address.
            assert page.select_one('link[rel="stylesheet"]')["href"] == "/theme/css/site.css"
            assert all(a["href"].startswith(("/", "#")) for a in page.select("a[href]"))
        with urllib.request.urlopen(address + "index.html", timeout=10) as found:
            assert found.status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_the_published_404_page_links_from_the_site_address(project):
    run = invoke(project, "publish", env={"ARCHIVE_SITEURL": "https://example.org/archive"})
    assert run.returncode == 0, run.stderr
    assert "for https://example.org/archive (ARCHIVE_SITEURL)" in run.stdout and "Nothing was uploaded" in run.stdout
    page = BeautifulSoup((project / "output" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one('link[rel="stylesheet"]')["href"] == "https://example.org/archive/theme/css/site.css"
    assert all(a["href"].startswith(("https://example.org/archive/", "#")) for a in page.select("a[href]"))
    unset = invoke(project, "publish", env={"ARCHIVE_SITEURL": ""})
    assert unset.returncode == 0 and "ARCHIVE_SITEURL is not set" in unset.stdout


@pytest.mark.slow
def test_gh_pages_commits_the_published_site_to_its_branch(project):
    def git(*args):
        return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout

    git("init", "-q", "-b", "main")
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "--allow-empty", "-m", "start")
    run = invoke(project, "gh-pages", "--no-push", env={"ARCHIVE_SITEURL": "https://example.org/archive",
                                                      "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                                                      "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"})
    assert run.returncode == 0, run.stderr
    assert "committed to the branch gh-pages (not pushed)" in run.stdout
    files = git("ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", "404.html", ".nojekyll", "sitemap.xml", "pagefind/pagefind-entry.json"} <= set(files)
    home = git("show", "gh-pages:index.html")
    assert 'href="https://example.org/archive/theme/css/site.css"' in home, "built with publishconf.py"
    assert git("rev-parse", "--abbrev-ref", "HEAD").strip() == "main", "the working branch is left alone"


@pytest.mark.slow
def test_gh_pages_outside_a_git_repository_says_so(project):
    run = invoke(project, "gh-pages", "--no-push", env={"GIT_CEILING_DIRECTORIES": str(project.parent)})
    assert run.returncode == 1
    assert "gh-pages:" in run.stderr and "not a git repository" in run.stderr.lower()
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_regenerate_builds_then_rebuilds_on_a_change(project):
    import os
    import time

    article = project / "content" / "articles" / "russian-mod-details-us-isis-cooperation.md"
    page = project / "output" / "articles" / "russian-mod-details-us-isis-cooperation.html"
    watcher = subprocess.Popen([sys.executable, "-m", "invoke", "regenerate"], cwd=project, text=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def wait_for(condition, what: str) -> None:
        deadline = time.monotonic() + 90
        while not condition():
            assert watcher.poll() is None, "regenerate stopped"
            assert time.monotonic() < deadline, f"no {what} within 90 s"
            time.sleep(0.5)

    try:
        wait_for(lambda: page.exists(), "first build")
        time.sleep(1.5)   # a later change must have a later modification time
        article.write_text(article.read_text(encoding="utf-8").replace(
            "Title: Russian MoD details US-ISIS cooperation", "Title: Russian MoD details US-ISIS cooperation again"), encoding="utf-8")
        wait_for(lambda: page.exists() and "cooperation again" in page.read_text(encoding="utf-8"), "rebuild")
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)


PAGES = ROOT / "tests" / "data" / "pages"


@pytest.mark.slow
def test_import_takes_a_saved_page_keeps_it_and_records_what_was_left_out(project, tmp_path):
    page = tmp_path / "ledger.html"
    shutil.copy(PAGES / "meta-and-json-ld.html", page)
    run = invoke(project, "import", str(page))
    assert run.returncode == 0, run.stderr
    article = project / "content" / "articles" / "moscow-says-coalition-let-militants-leave-abu-kamal.md"
    text = article.read_text(encoding="utf-8")
    assert "Outlet: The Northern Ledger\nAuthor: Jane Roe" in text
    assert "Original: https://ledger.example/world/2017/11/14/moscow-coalition-abu-kamal" in text
    assert "Imported-From: sources/ledger.html" in text
    assert "Share 12 Tweet 3" not in text and "All rights reserved" not in text
    assert (project / "content" / "sources" / "ledger.html").read_bytes() == page.read_bytes()
    record = (project / "content" / "articles" / "moscow-says-coalition-let-militants-leave-abu-kamal.import.json")
    assert '"text": "Share 12 Tweet 3"' in record.read_text(encoding="utf-8")
    check = invoke(project, "check")
    assert check.returncode == 0 and "warning" not in check.stderr, check.stderr
    assert invoke(project, "build").returncode == 0
    # The page says what was taken out of the saved page, and where each header value was read.
    built = BeautifulSoup((project / "output" / "articles" / f"{article.stem}.html").read_text(encoding="utf-8"),
                          "html.parser").select_one(".import-record")
    said = " ".join(built.get_text().split())
    assert "took out of the saved page" in said and "sources/ledger.html" in said and "trafilatura" in said
    assert 'from meta property="og:site_name"' in said and "Share 12 Tweet 3" in said


def test_import_of_a_folder_takes_its_pages_too(project, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(PAGES / "json-ld-only.html", folder / "one.html")
    (folder / "two.txt").write_text(RAW, encoding="utf-8")
    run = invoke(project, "import", str(folder))
    assert run.returncode == 0, run.stderr
    assert "one.html -> content/articles/researchers-trace-images-in-ministry-statement.md" in run.stdout
    assert "two.txt -> content/articles/crossing-reported.md" in run.stdout


@pytest.mark.parametrize("content, expected", [
    (b"", "empty.html:1: the file is empty"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html:1: no headline and no article text"),
    ("<html><body><p>caf\xe9</p></body></html>".encode("latin-1"), "empty.html:1: not valid UTF-8 (byte 0xe9)"),
])
def test_a_page_that_cannot_be_imported_says_why(project, tmp_path, content, expected):
    page = tmp_path / "empty.html"
    page.write_bytes(content)
    run = invoke(project, "import", str(page))
    assert run.returncode == 1
    assert expected in run.stderr and "Traceback" not in run.stderr
    assert not (project / "content" / "sources" / "empty.html").exists()


def _near_copy(source: str, **changes: str) -> str:
    raw = (ROOT / "content" / "sources" / source).read_text(encoding="utf-8")
    for old, new in changes.items():
        raw = raw.replace(old, new)
    return raw


def test_a_near_copy_of_an_archived_article_is_refused_naming_both_unless_forced(project, tmp_path):
    # the same article saved again: headline and one sentence changed, the rest as archived
    copy = tmp_path / "again.txt"
    copy.write_text(_near_copy("002_657d4da5822060ae.txt", **{"Russian MoD details": "Russian MoD explains",
                                                                "Last week, units of": "Last week, troops of"}),
                    encoding="utf-8")
    run = invoke(project, "import", str(copy))
    assert run.returncode == 1
    assert re.search(r"again\.txt: near-duplicate document: 9\d% of its sentences are already in "
                     r"content/articles/russian-mod-details-us-isis-cooperation\.md \(outlet 'Fort Russ News', "
                     r"outlet 'Fort Russ News' there\); if it is not the same article saved again, import it with --force",
                     run.stderr), run.stderr
    assert not (project / "content" / "articles" / "russian-mod-explains-us-isis-cooperation.md").exists()
    forced = invoke(project, "import", str(copy), "--force")
    assert forced.returncode == 0, forced.stderr
    assert (project / "content" / "articles" / "russian-mod-explains-us-isis-cooperation.md").exists()


def test_a_near_copy_from_another_named_outlet_is_imported_with_a_warning(project, tmp_path):
    copy = tmp_path / "other-outlet.txt"
    copy.write_text(_near_copy("002_657d4da5822060ae.txt", **{"Russian MoD details": "Russian MoD explains",
                                                                "Last week, units of": "Last week, troops of",
                                                                "Fort Russ News": "Example Daily News"}),
                    encoding="utf-8")
    run = invoke(project, "import", str(copy))
    assert run.returncode == 0, run.stderr
    assert re.search(r"other-outlet\.txt: warning: 9\d% of its sentences are already in "
                     r"content/articles/russian-mod-details-us-isis-cooperation\.md \(outlet 'Example Daily News', "
                     r"outlet 'Fort Russ News' there\): imported", run.stderr), run.stderr


KINDS_OF_TEST = '''
import os
from pathlib import Path

import pytest


def ran(name):
    """Note that the test ran, and in which process (an xdist worker's name, or "main")."""
    (Path(os.environ["TESTS_RAN"]) / name).write_text(os.environ.get("PYTEST_XDIST_WORKER") or "main")


def test_quick():
    ran("quick")


@pytest.mark.slow
def test_slow():
    ran("slow")


@pytest.mark.browser
def test_browser(browser):
    ran("browser")


@pytest.mark.slow
@pytest.mark.browser
def test_slow_browser(browser):
    ran("slow-browser")
'''


@pytest.mark.slow
def test_the_test_task_runs_every_test_in_parallel_and_fast_leaves_out_slow_and_browser_tests(project, tmp_path):
    """`invoke test`, as CI runs it, runs the whole suite, slow and browser tests
    included, in pytest-xdist's workers; `--fast` only the others; `--pytest-args`
    reaches pytest. The suite here is four tests, one of each kind, with the
    project's pytest.ini and collection check."""
    for name in ("requirements.txt", "requirements-engine.txt", "requirements-test.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    tests = project / "tests"
    tests.mkdir()
    shutil.copy(ROOT / "tests" / "marks.py", tests / "marks.py")
    (tests / "conftest.py").write_text("import pytest\nfrom marks import pytest_make_collect_report  # noqa: F401\n\n\n"
                                       "@pytest.fixture\ndef browser():\n    return 'a stand-in for Chromium'\n",
                                       encoding="utf-8")
    (tests / "test_kinds.py").write_text(KINDS_OF_TEST, encoding="utf-8")

    def run_tests(*args: str) -> dict[str, str]:
        ran = tmp_path / f"ran{len(list(tmp_path.glob('ran*')))}"
        ran.mkdir()
        # Not the worker's name of this test's own run, when it runs in parallel: the inner run says its own.
        run = invoke(project, "test", *args, env={"TESTS_RAN": str(ran), "PYTEST_XDIST_WORKER": ""})
        assert run.returncode == 0, run.stdout + run.stderr
        return {path.name: path.read_text() for path in ran.iterdir()}

    whole = run_tests()
    assert set(whole) == {"quick", "slow", "browser", "slow-browser"}
    assert all(worker.startswith("gw") for worker in whole.values()), whole
    assert set(run_tests("--fast")) == {"quick"}
    assert run_tests("--pytest-args", "-n 0 tests/test_kinds.py::test_slow") == {"slow": "main"}


@pytest.mark.slow
def test_discover_needs_a_built_site_then_writes_its_candidates(project, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": (ROOT / "tests/data/devset/n1.txt").read_text(encoding="utf-8"),
                                  "title": "Russia accuses the coalition"}) + "\n", encoding="utf-8")
    unbuilt = invoke(project, "discover", "--corpus", str(corpus), "--out", str(tmp_path / "found"))
    assert unbuilt.returncode == 1 and "build the site first (invoke build)" in unbuilt.stderr
    assert "Traceback" not in unbuilt.stderr
    assert invoke(project, "build").returncode == 0
    missing = invoke(project, "discover", "--corpus", str(tmp_path / "nothing.jsonl"))
    assert missing.returncode == 1 and "nothing.jsonl: no such corpus file" in missing.stderr
    found = invoke(project, "discover", "--corpus", str(corpus), "--out", str(tmp_path / "found"))
    assert found.returncode == 0, found.stderr
    assert "1 candidate:" in found.stdout and (tmp_path / "found" / "index.html").is_file()
    assert not (project / "content" / "articles" / "russia-accuses-the-coalition.md").exists()
