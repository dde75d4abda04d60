"""Reuse detection spread over a Dask cluster: the detector's sketching and pair scoring as Dask tasks.

Dask rather than Spark: it is Python all the way down (the detector's own
functions run on the workers unchanged, no JVM, no second implementation in
another language), it installs from PyPI with pip, and it has the same two
deployments, a local cluster of worker processes on one machine and a
cluster of machines reached through its scheduler's address.  The work is
handed over through Dask's ordinary futures API: the settings and the word
weights are scattered to every worker once, then each chunk of texts to
sketch, and each chunk of candidate pairs to score, is one task
(archive.reuse.work).  The results come back in the order of the chunks, so
the links and groups are the single process's, byte for byte.

Optional: the site builds without Dask installed (requirements-engine.txt
adds it); Dask is imported only when a setting (DETECTION_ENGINE) or an
option (`invoke discover --engine`) asks for it, through `engine_runner`.

    from dask_engine import dask_runner
    with dask_runner(workers=2) as runner:            # a local cluster
        result = detect(paragraphs, settings, runner=runner)
    with dask_runner("tcp://scheduler:8786") as runner:   # a cluster of machines
        ...
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext
from typing import Any, Callable, ContextManager, Iterator, Sequence

from archive.reuse.work import Runner


class EngineMissing(RuntimeError):
    """Dask is not installed."""


def engine_runner(engine: str | None, scheduler: str | None = None, workers: int = 2, *,
                  asked_by: str = "DETECTION_ENGINE") -> ContextManager[Runner | None]:
    """The runner an engine's name asks for: None (no engine: detection runs in this process) or
    Dask's; `asked_by` names the setting or option, for the message about an unknown engine."""
    if not engine:
        return nullcontext(None)
    if engine != "dask":
        raise ValueError(f"{asked_by} {engine!r} is not an engine this site knows (known: 'dask', or None)")
    return dask_runner(scheduler, workers)


@contextmanager
def dask_runner(scheduler: str | None = None, workers: int = 2) -> Iterator[Runner]:
    """A runner that runs detection's work on Dask: on the cluster whose scheduler is at
    `scheduler`, or on a local cluster of `workers` single-threaded worker processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineMissing("DETECTION_ENGINE is 'dask' but Dask is not installed: "
                            "pip install -r requirements-engine.txt") from None
    if scheduler:
        with Client(scheduler) as client:
            yield _runner(client)
        return
    # Processes, one thread each: the work is pure Python, which threads would only take turns at.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield _runner(client)


def _runner(client) -> Runner:
    def run(function: Callable[[Any, Any], Any], chunks: Sequence[Any], shared: Any) -> list:
        if not chunks:
            return []
        everywhere = client.scatter(shared, broadcast=True)
        # pure=False: two chunks that happen to be equal are still two tasks, each with its own result.
        return client.gather(client.map(function, list(chunks), [everywhere] * len(chunks), pure=False))

    run.client = client   # for a benchmark that asks the workers how they did
    return run
