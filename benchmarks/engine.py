"""Detection on Dask's local cluster against one process, on the same synthetic archive.

    python -m benchmarks.engine [--paragraphs 10000 100000] [--workers 2]

For each size (about ten paragraphs an article), in a fresh process each:
detection alone in one process, then on a local Dask cluster of `workers`
single-threaded worker processes; the seconds of each, peak memory (of the
process that detects; for Dask also the largest worker's), whether the two
results are identical, and the time of the work Dask ran (sketching and
scoring, summed over the chunks) against the rest, which stays on the
process that asked: that split is what a cluster of N machines can divide.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from archive.reuse import detect
from archive.reuse.store import plain_result

from .synthetic import generate


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(paragraphs: int, workers: int, engine: bool) -> dict:
    """One size, one way: figures as a dict (run in a fresh process for its own peak memory)."""
    archive = generate(max(2, paragraphs // 10), 0)
    timed = {"work": 0.0}

    def timing(runner):
        def run(function, chunks, shared):
            started = time.perf_counter()
            results = runner(function, chunks, shared)
            timed["work"] += time.perf_counter() - started
            return results
        return run

    started = time.perf_counter()
    if engine:
        from dask_engine import dask_runner

        with dask_runner(workers=workers) as runner:
            ready = time.perf_counter()
            result = detect(archive.paragraphs, runner=timing(runner))
            done = time.perf_counter()
            workers_mib = max(runner_worker_peaks(runner))
        figures = {"cluster_start": round(ready - started, 2), "seconds": round(done - ready, 2),
                   "largest_worker_mib": workers_mib}
    else:
        from archive.reuse.work import in_this_process

        result = detect(archive.paragraphs, runner=timing(in_this_process))
        figures = {"seconds": round(time.perf_counter() - started, 2)}
    figures.update(paragraphs=len(archive.paragraphs), peak_mib=_peak_mib(), work_seconds=round(timed["work"], 2),
                   digest=hash_result(result))
    return figures


def runner_worker_peaks(runner) -> list[float]:
    """Each worker's peak memory, MiB (asked of the workers through the runner's client)."""
    client = runner.client
    peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return [round(value, 1) for value in peaks.values()]


def hash_result(result) -> str:
    return hashlib.sha256(json.dumps(plain_result(result), sort_keys=True).encode()).hexdigest()[:16]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--single", choices=("process", "dask"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.single:
        print(json.dumps(measure(args.paragraphs[0], args.workers, args.single == "dask")))
        return 0
    print("| paragraphs | one process s | MiB | Dask local cluster s (start) | driver MiB | largest worker MiB "
          "| work Dask ran, s (one process / Dask) | same output |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for size in args.paragraphs:
        runs = {}
        for way in ("process", "dask"):
            out = subprocess.run([sys.executable, "-m", __spec__.name, "--single", way, "--paragraphs", str(size),
                                  "--workers", str(args.workers)], capture_output=True, text=True, check=True,
                                 cwd=Path(__file__).resolve().parents[1]).stdout
            runs[way] = json.loads(out.strip().splitlines()[-1])
        one, dask = runs["process"], runs["dask"]
        print(f"| {one['paragraphs']:,} | {one['seconds']} | {one['peak_mib']} | {dask['seconds']} "
              f"({dask['cluster_start']}) | {dask['peak_mib']} | {dask['largest_worker_mib']} | "
              f"{one['work_seconds']} / {dask['work_seconds']} | {'yes' if one['digest'] == dask['digest'] else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
