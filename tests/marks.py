"""The suite's two kinds of test a developer may leave out while working
(registered in pytest.ini): `browser`, a test that drives Chromium, and
`slow`, one that takes about a second or more on its own.

Whether a test drives Chromium is known from its fixtures: it asks for
`browser` (conftest.py), directly or through another fixture. Collection
stops when the mark says otherwise, either way: an unmarked test would fail
`-m "not browser"` on a machine without Chromium, and a wrongly marked one
would leave a test out of the fast run for nothing. Slowness has no such
sign; README.md says how the `slow` marks were measured."""
from __future__ import annotations

import pytest

#: The fixture that launches Chromium (conftest.py).
BROWSER_FIXTURE = "browser"


def browser_mark_problems(items) -> list[str]:
    """Each collected test whose `browser` mark and fixtures disagree, in words."""
    problems = []
    for item in items:
        drives = BROWSER_FIXTURE in getattr(item, "fixturenames", ())
        marked = item.get_closest_marker("browser") is not None
        if drives and not marked:
            problems.append(f"{item.nodeid}: drives Chromium (the browser fixture) but is not marked browser")
        elif marked and not drives:
            problems.append(f"{item.nodeid}: is marked browser but does not use the browser fixture")
    return problems


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """A module (or class) whose tests disagree with their mark fails to collect,
    naming each of them: a collection error, which parallel runs report as
    plainly as serial ones."""
    report = yield
    if report.passed:
        problems = browser_mark_problems(item for item in report.result if isinstance(item, pytest.Function))
        if problems:
            report.outcome, report.result = "failed", []
            report.longrepr = "the browser mark must match the browser fixture:\n  " + "\n  ".join(problems)
    return report
