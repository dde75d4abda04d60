"""Build the site all or nothing.

Content is checked first (the same checks as the `check` task); then Pelican
builds into a fresh folder beside the output, and only a complete, error-free
build replaces output/. A failed build leaves the previous output untouched
and says why, as `file:line: message`, with a non-zero exit.

A build whose inputs are all as the last successful build of the same
output folder left them, into an output nobody changed since, stops at once
(archive.build_record; setting KEEP_UNCHANGED_OUTPUT).

One build of an output folder runs at a time: a second one (a manual build
beside livereload, two terminals) waits for the first, saying so, because
both would write the same side folders and search index.  The new site
replaces the old in one atomic step where the system has one (Linux's
renameat2 exchange), so that output/ is always one whole site, old or new.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import importlib.metadata
import logging
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

import archive
from archive.build_record import BuildRecord
from archive.content_check import CHECKED_SETTING, check_content
from archive.digests import files_digest, folder_digest
from archive.page_store import describe, digest


class _ErrorCollector(logging.Handler):
    """Collects what Pelican and the plugins log as errors."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Pelican's own "Could not process FILE" follows the reader's precise
        # file:line: message about the same file; it adds nothing to it.
        if record.msg == "Could not process %s" and any(f"{record.args[0]}:" in m for m in self.messages):
            return
        self.messages.append(record.getMessage())


class SwapFailed(Exception):
    """output/ could not be replaced; the previous site is still there."""


#: Environment variables that change what a build makes, beyond the settings that read them.
_READ_FROM_ENVIRONMENT = ("PAGEFIND_",)
_RENAME_EXCHANGE = 2   # renameat2 flag: swap two paths in one step
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _retired(final: Path) -> Path:
    return final.with_name(f".{final.name}-previous")


def _recover(final: Path) -> None:
    """Undo a swap that was stopped between its two renames (systems without an exchange)."""
    retired = _retired(final)
    if retired.exists() and not final.exists():
        retired.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


def _swap_in(built: Path, final: Path) -> None:
    """Replace `final` by `built` in one step, so readers never see a half site, or none."""
    try:
        if not final.exists():
            built.rename(final)
        elif _exchange(built, final):
            shutil.rmtree(built, ignore_errors=True)   # now the previous site
        else:
            retired = _retired(final)
            final.rename(retired)
            built.rename(final)
            shutil.rmtree(retired, ignore_errors=True)
    except OSError as problem:
        _recover(final)
        raise SwapFailed(f"could not replace {final}: {problem.strerror or problem}") from problem


@contextmanager
def one_build_at_a_time(final: Path, err):
    """Hold the lock of `final`'s builds; wait, saying so, while another build holds it."""
    final.parent.mkdir(parents=True, exist_ok=True)
    with open(final.with_name(f".{final.name}.lock"), "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another build of {final} is running; waiting for it to finish", file=err, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build(settings_file: str = "pelicanconf.py", override: dict | None = None, *, err=sys.stderr) -> int:
    """Build the site; return the exit status (0 on success)."""
    settings = read_settings(settings_file, override=dict(override or {}))
    final = Path(settings["OUTPUT_PATH"])
    with one_build_at_a_time(final, err):
        record = inputs = None
        if settings.get("KEEP_UNCHANGED_OUTPUT", True):
            record, inputs = BuildRecord(Path(settings["CACHE_PATH"]) / "builds", final), _inputs(settings)
            if record.unchanged(inputs):
                print(f"{final} is up to date: nothing it is built from changed since its last build", file=err)
                return 0
            record.forget()
        problems = check_content(Path(settings["PATH"]), render=False)
        if problems:
            for problem in problems:
                print(problem, file=err)
            print(f"build stopped: {len(problems)} problem(s) in content; output/ was not changed", file=err)
            return 1
        status = _build_into(settings_file, override, final, err)
        if status == 0 and record is not None:
            record.keep(inputs)
        return status


def _inputs(settings: dict) -> str:
    """A digest of everything a build is made from: every setting, every file of the content and the
    theme, the code of the core and the plugins, the version of every installed library, and the
    environment variables the build reads (the Pagefind package's, which can name another binary)."""
    code = Path(archive.__file__).resolve().parent.parent
    versions = sorted(f"{d.metadata['Name']} {d.version}" for d in importlib.metadata.distributions())
    environment = {name: value for name, value in os.environ.items() if name.startswith(_READ_FROM_ENVIRONMENT)}
    return digest(describe({key: value for key, value in settings.items() if key.isupper()}), describe(environment),
                  folder_digest(Path(settings["PATH"])), folder_digest(Path(settings["THEME"])),
                  files_digest(code.rglob("*.py"), code), *versions)


def _build_into(settings_file: str, override: dict | None, final: Path, err) -> int:
    """Build beside `final` and swap it in; the caller holds the build lock."""
    _recover(final)   # a build stopped in the middle of a swap
    building = final.with_name(f".{final.name}-building")
    shutil.rmtree(building, ignore_errors=True)
    settings = read_settings(settings_file, override={**(override or {}), "OUTPUT_PATH": str(building),
                                                      CHECKED_SETTING: True})
    collector = _ErrorCollector()
    logging.getLogger().addHandler(collector)
    try:
        Pelican(settings).run()
    except Exception as err_:  # a plugin or template failure: say it plainly
        collector.messages.append(f"{type(err_).__name__}: {err_}")
    finally:
        logging.getLogger().removeHandler(collector)
    if collector.messages:
        for message in collector.messages:
            print(message, file=err)
        print("build failed; output/ was not changed", file=err)
        shutil.rmtree(building, ignore_errors=True)
        return 1
    try:
        _swap_in(building, final)
    except SwapFailed as failed:
        shutil.rmtree(building, ignore_errors=True)
        print(f"{failed}; the previous site is still there", file=err)
        return 1
    return 0


def main(argv: list[str], override: dict | None = None) -> int:
    settings_file = argv[0] if argv else "pelicanconf.py"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return build(settings_file, override)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
