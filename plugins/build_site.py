"""Build the site all or nothing.

Content is checked first (the same checks as the `check` task); then Pelican
builds into a fresh folder beside the output, and only a complete, error-free
build replaces output/. A failed build leaves the previous output untouched
and says why, as `file:line: message`, with a non-zero exit.
"""
from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from archive.content_check import check_content


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


def _swap_in(built: Path, final: Path) -> None:
    """Replace `final` by `built` with renames, so readers never see a half site."""
    retired = final.with_name(f".{final.name}-previous")
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    built.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


def build(settings_file: str = "pelicanconf.py", override: dict | None = None, *, err=sys.stderr) -> int:
    """Build the site; return the exit status (0 on success)."""
    settings = read_settings(settings_file, override=dict(override or {}))
    problems = check_content(Path(settings["PATH"]), render=False)
    if problems:
        for problem in problems:
            print(problem, file=err)
        print(f"build stopped: {len(problems)} problem(s) in content; output/ was not changed", file=err)
        return 1
    final = Path(settings["OUTPUT_PATH"])
    building = final.with_name(f".{final.name}-building")
    shutil.rmtree(building, ignore_errors=True)
    settings = read_settings(settings_file, override={**(override or {}), "OUTPUT_PATH": str(building)})
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
    _swap_in(building, final)
    return 0


def main(argv: list[str]) -> int:
    settings_file = argv[0] if argv else "pelicanconf.py"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return build(settings_file)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
