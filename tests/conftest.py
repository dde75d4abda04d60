"""Shared fixtures: real sites built into temporary folders."""
from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_site import build
from marks import pytest_make_collect_report  # noqa: F401  (a hook: the browser mark matches the browser fixture)

# `pytester` runs pytest on test files a test writes (test_marks.py).
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = str(ROOT / "pelicanconf.py")


@dataclass
class BuildResult:
    status: int
    errors: str
    output: Path

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def build_site(content: Path, output: Path, settings: str = SETTINGS, **override) -> BuildResult:
    """Build `content` into `output` with the project's settings; capture the messages."""
    err = io.StringIO()
    # Each build keeps its cache beside its output, never in the project's own cache folder.
    override = {"CACHE_PATH": str(Path(output).parent / f"{Path(output).name}-cache"), **override}
    status = build(settings, {"PATH": str(content), "OUTPUT_PATH": str(output), **override}, err=err)
    return BuildResult(status, err.getvalue(), output)


def record_calls(monkeypatch, owner, name: str, noted) -> list:
    """Wrap `owner.name` for this test so that each call also notes `noted(*args)`; the notes."""
    notes: list = []
    real = getattr(owner, name)

    def recorded(*args, **kwargs):
        notes.append(noted(*args))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return notes


def copy_content(destination: Path) -> Path:
    """A private copy of the project's content folder, safe to add files to."""
    target = destination / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The real site, built once for the whole session, with its search index (which local builds
    leave out unless asked: SEARCH_INDEX is off in pelicanconf.py)."""
    base = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "content", base / "output", SEARCH_INDEX=True)
    assert result.status == 0, result.errors
    return result


PUBLISHED_SITEURL = "https://example.org/archive"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> BuildResult:
    """The real site built as `ARCHIVE_SITEURL=https://example.org/archive invoke preview`
    builds it: absolute addresses under a sub-path, canonical links and feeds."""
    base = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHIVE_SITEURL", PUBLISHED_SITEURL)
        result = build_site(ROOT / "content", base / "output", settings=str(ROOT / "publishconf.py"))
    assert result.status == 0, result.errors
    return result


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def site(built_site):
    """The real site served on localhost: its base address."""
    from browser import serve

    with serve(built_site.output) as base:
        yield base

