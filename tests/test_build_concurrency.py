"""Two builds at once, and a swap that fails or is cut short: output/ is
always one whole site, never a mix, never gone."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

import build_site
from conftest import ROOT, SETTINGS, build_site as build_into, copy_content

BUILD = """
import sys, time
from pelican import signals
from build_site import build
# A build of a large archive takes a while: this one, {seconds} seconds more, once it has written the site.
signals.finalized.connect(lambda pelican: time.sleep({seconds}), weak=False)
sys.exit(build({settings!r}, {{"PATH": {content!r}, "OUTPUT_PATH": {output!r}, "CACHE_PATH": {cache!r}}}))
"""


def start_build(content: Path, output: Path, seconds: float = 0) -> subprocess.Popen:
    code = BUILD.format(settings=SETTINGS, content=str(content), output=str(output),
                        cache=str(output.parent / "cache"), seconds=seconds)
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_a_second_build_waits_for_the_first_and_output_is_one_whole_site(tmp_path):
    content = copy_content(tmp_path)
    output = tmp_path / "output"
    first = start_build(content, output, seconds=3)
    deadline = time.monotonic() + 120
    while not (tmp_path / ".output-building").exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    second = start_build(content, output)
    results = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert "another build of" in results[1][1] and "waiting" in results[1][1]
    reference = build_into(content, tmp_path / "reference")
    assert reference.status == 0
    assert files_of(output) == files_of(tmp_path / "reference")
    assert not (tmp_path / ".output-building").exists() and not (tmp_path / ".output-previous").exists()


@pytest.mark.slow
def test_a_swap_that_fails_leaves_the_old_site_and_says_why(tmp_path, monkeypatch):
    content = copy_content(tmp_path)
    output = tmp_path / "output"
    assert build_into(content, output).status == 0
    before = files_of(output)
    (output / "index.html").write_text("the old site", encoding="utf-8")

    def refuse(first, second):
        raise OSError(1, "Operation not permitted", str(second))

    monkeypatch.setattr(build_site, "_exchange", refuse)
    failed = build_into(content, output)
    assert failed.status == 1
    assert f"could not replace {output}: Operation not permitted; the previous site is still there" in failed.errors
    assert (output / "index.html").read_text(encoding="utf-8") == "the old site" and files_of(output) == before
    assert not (tmp_path / ".output-building").exists()


@pytest.mark.slow
def test_a_swap_cut_between_its_two_renames_is_recovered(tmp_path, monkeypatch):
    """Where the system has no atomic exchange, the swap is two renames; a
    build killed between them leaves output/ renamed aside: the next build,
    or a failure of the second rename, puts it back."""
    content = copy_content(tmp_path)
    output = tmp_path / "output"
    assert build_into(content, output).status == 0
    monkeypatch.setattr(build_site, "_exchange", lambda first, second: False)
    output.rename(tmp_path / ".output-previous")          # killed between the renames
    (tmp_path / ".output-previous" / "index.html").write_text("the old site", encoding="utf-8")
    real_rename = Path.rename

    def second_rename_fails(self, target):
        if self.name == ".output-building":
            raise OSError(28, "No space left on device", str(target))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", second_rename_fails)
    failed = build_into(content, output)
    assert failed.status == 1 and "No space left on device" in failed.errors
    assert (output / "index.html").read_text(encoding="utf-8") == "the old site"
    monkeypatch.setattr(Path, "rename", real_rename)
    assert build_into(content, output).status == 0
    assert (output / "index.html").read_text(encoding="utf-8") != "the old site"


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_on_linux_the_new_site_replaces_the_old_in_one_exchange(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(); second.mkdir()
    (first / "which").write_text("a"); (second / "which").write_text("b")
    assert build_site._exchange(first, second)
    assert (first / "which").read_text() == "b" and (second / "which").read_text() == "a"
