"""Maintainer's tasks: `invoke --list` shows them, README.md explains each."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PYTHON = sys.executable


def _built(status: int) -> None:
    if status:
        raise Exit(code=status)


@task
def check(c):
    """Validate all content without building; print file:line: message for each problem, and warnings."""
    from archive.content_check import check_content, content_warnings

    problems = check_content(CONTENT)
    warnings = content_warnings(CONTENT)
    for problem in problems + warnings:
        print(problem, file=sys.stderr)
    if problems:
        raise Exit(f"{len(problems)} problem(s) found", code=1)
    print(f"content is valid ({len(warnings)} warning(s): see above)" if warnings else "content is valid")


#: What `--search` says on the tasks that build.
SEARCH_HELP = "build the search index too (SEARCH_INDEX is off in pelicanconf.py; publishing always indexes)"


def _search_override(search: bool) -> dict:
    return {"SEARCH_INDEX": True} if search else {}


@task(help={"settings": "the settings file (default pelicanconf.py)", "search": SEARCH_HELP})
def build(c, settings="pelicanconf.py", search=False):
    """Build the site into output/ (checked first; output/ is replaced only by a complete build)."""
    from build_site import main

    _built(main([str(ROOT / settings)], _search_override(search)))


@task
def clean(c):
    """Remove output/ and any half-finished build folders (waiting for a build that is running)."""
    from build_site import one_build_at_a_time

    with one_build_at_a_time(OUTPUT, sys.stderr):
        for folder in (OUTPUT, ROOT / ".output-building", ROOT / ".output-previous"):
            shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean], help={"search": SEARCH_HELP})
def rebuild(c, search=False):
    """Clean, then build."""
    build(c, search=search)


@task
def preview(c):
    """Build with the publishing settings (publishconf.py) into output/, search index included."""
    # Publishing always indexes, whatever SEARCH_INDEX says: the published site's search needs it.
    build(c, settings="publishconf.py", search=True)


def _site_address() -> str:
    """Where the published build says the site lives, in words (publishconf.py reads ARCHIVE_SITEURL)."""
    address = os.environ.get("ARCHIVE_SITEURL", "").rstrip("/")
    if address:
        return f"for {address} (ARCHIVE_SITEURL): absolute links, canonical addresses, feeds and a sitemap"
    return ("with relative links, as ARCHIVE_SITEURL is not set: the pages work from any address, "
            "but there are no canonical addresses or sitemap, and 404.html links from the host's root")


@task
def publish(c):
    """Build output/ for a static host with publishconf.py (set ARCHIVE_SITEURL to the site's address). Uploads nothing."""
    preview(c)
    print(f"output/ was built {_site_address()}.\n"
          "Nothing was uploaded: copy output/ to the static host, or run `invoke gh-pages` for GitHub Pages.")


@task(help={"branch": "the branch to write (default gh-pages)",
            "push": "push the branch to the remote 'origin' (default; --no-push only commits it)",
            "message": "the commit message on the branch"})
def gh_pages(c, branch="gh-pages", push=True, message="Publish the archive"):
    """Build as publish does, commit output/ to the gh-pages branch of this git repository, and push it to origin."""
    try:
        from ghp_import import GhpError, ghp_import
    except ImportError:
        raise Exit("gh-pages needs ghp-import: pip install -r requirements.txt", code=1)

    publish(c)
    previous = os.getcwd()
    os.chdir(ROOT)   # ghp-import works on the repository of its working folder
    try:
        # nojekyll: GitHub Pages serves the files as they are, without Jekyll.
        ghp_import(str(OUTPUT), mesg=message, branch=branch, push=push, nojekyll=True)
    except GhpError as err:
        raise Exit(f"gh-pages: {err.message}", code=1)
    finally:
        os.chdir(previous)
    print(f"output/ is committed to the branch {branch}" + (" and pushed to origin." if push else " (not pushed)."))


@task(help={"port": "the port on localhost (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://localhost:PORT as a static host does (a missing page gets 404.html); no rebuilds."""
    from site_server import site_server

    with site_server(OUTPUT, int(port)) as server:
        print(f"Serving output/ at http://localhost:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@task(help={"port": "the port on localhost (default 8000)", "search": SEARCH_HELP})
def reserve(c, port=8000, search=False):
    """Build, then serve output/ on http://localhost:PORT (as serve)."""
    build(c, search=search)
    serve(c, port)


#: Folders and files whose every change rebuilds the site, in `regenerate` and `livereload`.
WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


def _rebuild_quietly(search: bool = False) -> None:
    """Build, reporting problems without stopping the watching task."""
    from build_site import main

    main([str(ROOT / "pelicanconf.py")], _search_override(search))


@task(help={"search": SEARCH_HELP})
def regenerate(c, search=False):
    """Build, then rebuild on every change to content, theme, plugins or settings (no server: see livereload)."""
    import time

    from livereload.watcher import Watcher

    # livereload's own polling watcher, so both tasks notice the same changes.
    watcher = Watcher()
    for watched in WATCHED:
        watcher.watch(str(ROOT / watched))
    print("Rebuilding output/ on every change (Ctrl-C to stop)", flush=True)
    try:
        while True:
            changed, _ = watcher.examine()
            if changed:   # the first look sees every file as changed: the first build
                _rebuild_quietly(search)
            time.sleep(1)
    except KeyboardInterrupt:
        pass


@task(help={"port": "the port on localhost (default 8000)", "search": SEARCH_HELP})
def livereload(c, port=8000, search=False):
    """Build, serve on http://localhost:PORT, rebuild and reload the browser on every change."""
    from livereload import Server

    def rebuild_site():
        _rebuild_quietly(search)

    rebuild_site()
    server = Server()
    for watched in WATCHED:
        server.watch(str(ROOT / watched), rebuild_site)
    server.serve(root=str(OUTPUT), host="127.0.0.1", port=int(port))


#: What a folder given to `invoke import` is searched for: text dumps, saved web pages, corpus records.
IMPORTABLE = ("*.txt", "*.html", "*.htm", "*.json")


def _dumps(spec: str) -> list[Path]:
    """The raw files a maintainer named: files, folders (their .txt and .html
    files) or quoted globs, several separated by spaces (invoke takes one argument)."""
    if Path(spec).exists():
        parts = [spec]
    else:
        parts = spec.split()
    files: list[Path] = []
    for part in parts:
        given = Path(part)
        if given.is_dir():
            files += sorted(p for pattern in IMPORTABLE for p in given.glob(pattern))
        elif given.exists():
            files.append(given)
        else:
            files += sorted(Path().glob(part))
    return files


@task(name="import", help={"paths": "raw text files or saved web pages (.html), folders of them or quoted globs; "
                                    "several in one quoted argument, separated by spaces: \"a.txt b.html\"",
                           "force": "overwrite an article that already exists; import a near copy of an archived one"})
def import_(c, paths, force=False):
    """Import raw text dumps and saved web pages as articles: content/articles/<slug>.md and its import record."""
    from archive.import_files import import_files

    files = _dumps(paths)
    if not files:
        if Path(paths).is_dir():
            raise Exit(f"{paths}: the folder holds no .txt dump and no saved page (.html, .htm)", code=2)
        raise Exit(f"{paths}: no such file, and no file matches it", code=2)
    problems = import_files(files, CONTENT, force=force)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise Exit(code=1)


@task(help={"corpus": "the corpus: a JSON Lines or Parquet file of articles (text, title, outlet, date, url)",
            "out": "the folder the candidates are written to (default discovered/, replaced whole)",
            "engine": "dask: search on a Dask cluster (requirements-engine.txt)",
            "workers": "worker processes of a local Dask cluster (default 2)",
            "scheduler": "a Dask scheduler's address (tcp://host:8786) instead of a local cluster"})
def discover(c, corpus, out="discovered", engine=None, workers=2, scheduler=None):
    """Find the archive's statements and the claim's wording in a news corpus: ranked candidates to import."""
    from pelican.settings import read_settings

    from archive.problems import ContentError
    from archive.wording import plural
    from archive_analysis import reuse_settings
    from corpus_discovery import discover as run

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    try:
        found = run(Path(corpus), Path(out), OUTPUT / "data" / "reuse.json", CONTENT,
                    reuse_settings(settings), engine, int(workers), scheduler)
    except (ContentError, ValueError) as err:
        raise Exit(str(err), code=1)
    print(f"{plural(len(found['candidates']), 'candidate')}: {Path(out) / 'index.html'} (and candidates.json)")


@task(help={"title": "headline", "outlet": "publisher, or unknown", "date": "YYYY-MM-DD[ HH:MM], or unknown",
            "author": "byline, or unknown", "lang": "language code", "original": "original address, or unknown"})
def new(c, title, outlet="unknown", date="unknown", author="unknown", lang="en", original="unknown"):
    """Create an empty article skeleton in content/articles/."""
    from archive.skeleton import write_skeleton

    try:
        path = write_skeleton(CONTENT / "articles", title=title, outlet=outlet, date=date,
                              author=author, lang=lang, original=original)
    except ValueError as err:
        raise Exit(str(err), code=1)
    print(f"created {path.relative_to(ROOT)}: paste the article's text below its header")


# Debian packages the tests use: the browser for reader tests, Java for the HTML validator.
SYSTEM_NEEDS = {"chromium": "chromium", "java": "default-jre-headless"}
#: The tests run in parallel (pytest-xdist), one worker per core, each worker taking
#: the next test whenever it is free (worksteal): the fastest way measured on a
#: 2-core machine, whole suite and fast part alike (README.md, "Tests").
TEST_WORKERS = ("-n", "auto", "--dist", "worksteal")
#: `invoke test --fast`: the tests marked neither slow nor browser (pytest.ini, tests/marks.py).
FAST_TESTS = "not slow and not browser"


@task(help={"fast": f"only the tests that are neither slow nor browser (-m \"{FAST_TESTS}\"): the quick part, "
                    "which needs neither Chromium nor Java",
            "pytest_args": "more arguments for pytest, in one quoted string, after the task's own: "
                           "\"tests/test_site.py -x\"; \"-n 0\" runs in one process"})
def test(c, fast=False, pytest_args=""):
    """Install what the tests need (Python packages; Debian's chromium and Java where missing) and run the whole suite in parallel (--fast: the quick part)."""
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements-test.txt")], check=True)
    missing = [] if fast else [package for command, package in SYSTEM_NEEDS.items() if not shutil.which(command)]
    if missing:
        if not (shutil.which("apt-get") and os.geteuid() == 0):
            raise Exit(f"the tests need Debian's {', '.join(missing)}: apt-get install {' '.join(missing)}", code=1)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)
    selection = ["-m", FAST_TESTS] if fast else []
    command = [PYTHON, "-m", "pytest", "-q", *TEST_WORKERS, *selection, *shlex.split(pytest_args)]
    status = subprocess.run(command, cwd=ROOT).returncode
    raise Exit(code=status)


@task(help={"articles": "number of synthetic articles (default 10000)", "seed": "random seed of the generator",
            "rounds": "rounds of the three builds, order rotated each round (default 3)"})
def bench(c, articles=10_000, seed=0, rounds=3):
    """Benchmark a synthetic archive: build times vs. plain Pelican, detection time and memory, precision/recall."""
    from benchmarks.site_bench import run

    print(run(int(articles), int(seed), int(rounds)))


@task(help={"split": "which development texts: tune, check or all (default check: those never tuned on)",
            "verbose": "list every wrong and missed link",
            "short_answers": "also measure on a copy of Clough and Stevenson's corpus of short answers in this folder"})
def evaluate(c, split="check", verbose=False, short_answers=None):
    """Measure the matching: the seeds against their labels, then each kind of development text added to them."""
    from evaluation import devset, seeds, short_answers as answers

    print("the five seeds (raw sources):")
    seeds.main(["-v"] if verbose else [])
    print(f"\nthe development set ({split}), each kind added to the seeds:")
    devset.main(["--split", split] + (["-v"] if verbose else []))
    if short_answers:
        print(f"\nshort answers written with and without a source ({short_answers}):")
        answers.main([short_answers])
