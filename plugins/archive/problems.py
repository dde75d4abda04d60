"""A problem found in a content file, told as `file:line: message`.

Every check in the project reports through this one type so that the
`check` task, the build and the importer all speak the same way to a
maintainer: which file, which line (where one is known), what is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
import os


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised where a single problem makes a file unreadable."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def display_path(path) -> str:
    """A path as a maintainer would type it: relative to the working folder when inside it.

    os.path, not Path.resolve(): this runs for every file of every build, and
    resolving links costs system calls that a message does not need."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    return os.path.relpath(absolute, here) if absolute.startswith(here + os.sep) else absolute
