"""Maintainer's tasks: `invoke --list` shows them, README.md explains each."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

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


@task
def build(c, settings="pelicanconf.py"):
    """Build the site into output/ (checked first; output/ is replaced only by a complete build)."""
    from build_site import main

    _built(main([str(ROOT / settings)]))


@task
def clean(c):
    """Remove output/ and any half-finished build folders (waiting for a build that is running)."""
    from build_site import one_build_at_a_time

    with one_build_at_a_time(OUTPUT, sys.stderr):
        for folder in (OUTPUT, ROOT / ".output-building", ROOT / ".output-previous"):
            shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean])
def rebuild(c):
    """Clean, then build."""
    build(c)


@task
def preview(c):
    """Build with the publishing settings (publishconf.py) into output/."""
    build(c, settings="publishconf.py")


@task
def publish(c):
    """Build for publishing; then copy output/ to any static host."""
    preview(c)
    print("output/ is ready to publish: copy its files to the static host.")


@task
def serve(c, port=8000):
    """Serve output/ on http://localhost:PORT (no rebuilds)."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(OUTPUT))
    with http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler) as server:
        print(f"Serving output/ at http://localhost:{port}/ (Ctrl-C to stop)")
        server.serve_forever()


@task
def livereload(c, port=8000):
    """Build, serve on http://localhost:PORT, rebuild and reload the browser on every change."""
    from livereload import Server

    from build_site import main

    def rebuild_quietly():
        main([str(ROOT / "pelicanconf.py")])

    rebuild_quietly()
    server = Server()
    for watched in ("content", "theme", "plugins", "pelicanconf.py"):
        server.watch(str(ROOT / watched), rebuild_quietly)
    server.serve(root=str(OUTPUT), host="127.0.0.1", port=int(port))


#: What a folder given to `invoke import` is searched for: text dumps and saved web pages.
IMPORTABLE = ("*.txt", "*.html", "*.htm")


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


@task
def test(c):
    """Install what the tests need (Python packages; Debian's chromium and Java where missing) and run them all."""
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements-test.txt")], check=True)
    missing = [package for command, package in SYSTEM_NEEDS.items() if not shutil.which(command)]
    if missing:
        if not (shutil.which("apt-get") and os.geteuid() == 0):
            raise Exit(f"the tests need Debian's {', '.join(missing)}: apt-get install {' '.join(missing)}", code=1)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)
    status = subprocess.run([PYTHON, "-m", "pytest", "-q"], cwd=ROOT).returncode
    raise Exit(code=status)


@task(help={"articles": "number of synthetic articles (default 10000)", "seed": "random seed of the generator",
            "rounds": "rounds of the three builds, order rotated each round (default 3)"})
def bench(c, articles=10_000, seed=0, rounds=3):
    """Benchmark a synthetic archive: build times vs. plain Pelican, detection time and memory, precision/recall."""
    from site_bench import run

    print(run(int(articles), int(seed), int(rounds)))


@task(help={"split": "which development texts: tune, check or all (default check: those never tuned on)",
            "verbose": "list every wrong and missed link"})
def evaluate(c, split="check", verbose=False):
    """Measure the matching: the seeds against their labels, then each kind of development text added to them."""
    from archive.reuse import devset, evaluate as seeds

    print("the five seeds (raw sources):")
    seeds.main(["-v"] if verbose else [])
    print(f"\nthe development set ({split}), each kind added to the seeds:")
    devset.main(["--split", split] + (["-v"] if verbose else []))
