"""Run a job in a forked copy of this process while this one goes on.

A site build runs on one core.  A job that only writes files of its own
(pages that nothing else writes) can run in a copy of the process on a second
core while the build writes the rest: the copy sees every object as it was
at the fork, and nothing comes back from it but whether it succeeded.
"""
from __future__ import annotations

import multiprocessing
from typing import Callable


def in_background(job: Callable[[], None], name: str) -> Callable[[], None]:
    """Start `job` in a forked copy; return the function that waits for it.

    The waiting function raises RuntimeError if the job failed (its own
    error is printed by the copy).  Where this platform cannot fork, the job
    runs at once, here, and the waiting function has nothing to wait for.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        job()
        return lambda: None
    process = multiprocessing.get_context("fork").Process(target=job, name=name, daemon=True)
    process.start()

    def wait() -> None:
        process.join()
        if process.exitcode != 0:
            raise RuntimeError(f"{name} failed in a second process (exit code {process.exitcode})")

    return wait
