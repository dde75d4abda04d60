"""The `browser` mark says exactly which tests drive Chromium, checked when
the tests are collected (tests/marks.py), so that `invoke test --fast`
(`-m "not slow and not browser"`) never needs a browser and leaves out no
test that does not."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

MARKS_FOLDER = Path(__file__).resolve().parent
ROOT = MARKS_FOLDER.parent


@pytest.fixture
def marks_project(pytester):
    """A test folder wired like ours: the project's pytest.ini (its registered
    marks, --strict-markers), a `browser` fixture standing in for Chromium, and
    the collection check."""
    pytester.syspathinsert(MARKS_FOLDER)
    (pytester.path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    write(pytester, "conftest", """
        import pytest
        from marks import pytest_make_collect_report  # noqa: F401

        @pytest.fixture
        def browser():
            return "chromium"

        @pytest.fixture
        def page(browser):
            return browser
    """)
    return pytester


def write(pytester, name: str, source: str) -> None:
    """tests/<name>.py in the pytester folder (pytest.ini's testpaths)."""
    tests = pytester.path / "tests"
    tests.mkdir(exist_ok=True)
    (tests / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def test_marked_browser_tests_and_unmarked_others_collect(marks_project):
    write(marks_project, "test_ok", """
        import pytest

        @pytest.mark.slow
        def test_slow():
            pass

        @pytest.mark.browser
        def test_direct(browser):
            assert browser == "chromium"

        @pytest.mark.browser
        def test_through_another_fixture(page):
            assert page == "chromium"

        def test_no_browser():
            pass

        class TestGrouped:
            @pytest.mark.browser
            def test_in_a_class(self, browser):
                assert browser
    """)
    marks_project.runpytest("-m", "not slow and not browser").assert_outcomes(passed=1, deselected=4)
    marks_project.runpytest().assert_outcomes(passed=5)


def test_a_test_that_drives_chromium_without_the_mark_stops_collection(marks_project):
    write(marks_project, "test_unmarked", """
        def test_direct(browser):
            pass

        def test_through_another_fixture(page):
            pass

        def test_no_browser():
            pass
    """)
    write(marks_project, "test_unmarked_class", """
        class TestGrouped:
            def test_in_a_class(self, browser):
                pass
    """)
    result = marks_project.runpytest("-m", "not browser")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines([
        "*ERROR collecting tests/test_unmarked.py*",
        "the browser mark must match the browser fixture:",
        "  tests/test_unmarked.py::test_direct: drives Chromium (the browser fixture) but is not marked browser",
        "  tests/test_unmarked.py::test_through_another_fixture: drives Chromium (the browser fixture) but is not marked browser",
    ])
    result.stdout.fnmatch_lines(
        ["  tests/test_unmarked_class.py::TestGrouped::test_in_a_class: drives Chromium (the browser fixture) but is not marked browser"])
    result.stdout.no_fnmatch_line("*test_no_browser:*")
    result.assert_outcomes(errors=2)


def test_a_test_marked_browser_that_drives_no_browser_stops_collection(marks_project):
    write(marks_project, "test_mismarked", """
        import pytest

        pytestmark = pytest.mark.browser

        def test_quick():
            pass
    """)
    result = marks_project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*test_mismarked.py::test_quick: is marked browser but does not use the browser fixture"])


def test_an_unregistered_mark_is_refused(marks_project):
    write(marks_project, "test_typo", """
        import pytest

        @pytest.mark.slwo
        def test_quick():
            pass
    """)
    result = marks_project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*'slwo' not found in `markers` configuration option*"])
