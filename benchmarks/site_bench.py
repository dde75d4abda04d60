"""`invoke bench`: the whole site built from a synthetic archive, measured.

Generates N articles with planted reuse (benchmarks.synthetic), writes
them as ordinary content files beside the site's own corrections (a site
ships with its corrections, and their claims are put to the whole archive),
and builds them four ways in fresh processes on the same files:

* ours: every plugin, as the site ships, without the search index (as a
  local build makes it: SEARCH_INDEX is off in pelicanconf.py);
* ours with search: the same with the search index, as publishing makes it;
* ours without reuse detection: ours minus the plugins that run the
  detector or show its results (reuse_links, corrections, overview), no
  search index;
* plain Pelican: its own Markdown reader and default theme, no plugins.

The four builds are repeated in rounds (three by default), the order
rotated each round so that each is built first, second and last: on these
machines a build's time moves by seconds with its place in the sequence and
with the disk, and a mean over rotated rounds cancels most of that.  Pending
disk writes are flushed before each build.

It prints each build's mean time and the ratios of the means, the range of
the ratio over the rounds, peak memory of each build and of the largest
second process it started (Pagefind, in the build with search), the search
indexer alone (over the site ours built: as the build runs it, with
Pagefind's defaults, and with its kept index), the rebuilds, the detection
time on N and 2N articles, and precision and recall of the built site's
links against the planted pairs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from statistics import mean
from pathlib import Path

from archive.content_check import CORRECTIONS
from .synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
# The plugins that run the detector or show its results.
DETECTING_PLUGINS = ("reuse_links", "corrections", "overview")


def write_archive(articles: int, seed: int, content: Path) -> dict:
    """Content files for a synthetic archive, with the site's corrections;
    returns planted pairs as (slug, index) pairs."""
    archive = generate(articles, seed)
    shutil.copytree(ROOT / "content" / CORRECTIONS, content / CORRECTIONS)
    by_article: dict[str, list] = {}
    for paragraph in archive.paragraphs:
        by_article.setdefault(paragraph.article, []).append(paragraph)
    folder = content / "articles"
    folder.mkdir(parents=True)
    (content / "pages").mkdir()
    index: dict[tuple[str, str], tuple[str, int]] = {}
    for number, (slug, paragraphs) in enumerate(sorted(by_article.items())):
        day = 1 + number % 28
        header = (f"Title: Synthetic report {number}\nSlug: {slug}\nDate: 2017-11-{day:02d}\n"
                  f"Outlet: {paragraphs[0].source}\nAuthor: unknown\nLang: en\nOriginal: unknown\n\n")
        (folder / f"{slug}.md").write_text(header + "\n\n".join(p.text for p in paragraphs) + "\n", encoding="utf-8")
        for position, paragraph in enumerate(paragraphs):
            index[paragraph.key] = (slug, position)
    planted = [[index[pair.a], index[pair.b], pair.strength] for pair in archive.planted]
    return {"paragraphs": len(archive.paragraphs), "planted": planted}


_CHILD = textwrap.dedent("""
    import json, logging, resource, sys, time
    logging.basicConfig(level=logging.ERROR)
    override = json.loads({override!r})
    started = time.perf_counter()
    if {plain!r}:
        from pelican import Pelican
        from pelican.settings import read_settings
        Pelican(read_settings(None, override=override)).run()
        status = 0
    else:
        from build_site import build
        status = build({settings!r}, override)
    print(json.dumps({{"status": status, "seconds": time.perf_counter() - started,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "second_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
""")


def timed_build(override: dict, plain: bool = False, cold: bool = True) -> dict:
    """One build in a fresh process: its time, its peak resident memory, and
    that of the largest second process it started.  A cold build starts
    with no output and no cache; a rebuild keeps both."""
    if cold:
        shutil.rmtree(override["OUTPUT_PATH"], ignore_errors=True)
        shutil.rmtree(override["CACHE_PATH"], ignore_errors=True)
    os.sync()  # no writes left over from the last build compete with this one
    code = _CHILD.format(override=json.dumps(override), plain=plain,
                         settings=str(ROOT / "pelicanconf.py"))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"build failed:\n{run.stderr[-3000:]}")
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    if figures["status"] != 0:
        raise RuntimeError(f"build failed:\n{run.stderr[-3000:]}")
    return figures


def detection_figures(articles: int, seed: int) -> dict:
    run = subprocess.run([sys.executable, "-m", "benchmarks.synthetic", "--single", "--articles", str(articles),
                          "--seed", str(seed)], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout)


def site_quality(output: Path, planted: list) -> tuple[float, float]:
    """Precision and recall of the built site's links against the planted pairs."""
    data = json.loads((output / "data" / "reuse.json").read_text(encoding="utf-8"))
    position = {(a["slug"], p["id"]): (a["slug"], i) for a in data["articles"] for i, p in enumerate(a["paragraphs"])}
    found = {frozenset((position[(l["from"]["article"], l["from"]["paragraph"])],
                        position[(l["to"]["article"], l["to"]["paragraph"])])) for l in data["links"]}
    wanted = {frozenset((tuple(a), tuple(b))) for a, b, _ in planted}
    hits = found & wanted
    return (len(hits) / len(found) if found else 1.0), (len(hits) / len(wanted) if wanted else 1.0)


def timed_builds(builds: dict[str, dict], rounds: int) -> dict[str, list[dict]]:
    """Each build `rounds` times, the order rotated by one each round."""
    names = list(builds)
    measured: dict[str, list[dict]] = {name: [] for name in names}
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            measured[name].append(timed_build(**builds[name]))
    return measured


#: An article for the rebuild that adds one: a report of our own, not in the synthetic archive.
ADDED = """Title: A report added to the archive
Slug: bench-added-report
Date: 2017-11-20
Outlet: Benchmark Daily
Author: unknown
Lang: en
Original: unknown

The benchmark adds this report to an archive it has built, to measure what a maintainer waits for after adding one article.

It repeats nothing the synthetic outlets wrote, and it is long enough to be compared with every paragraph of the archive.
"""


def timed_rebuilds(builds: dict[str, dict], content: Path) -> dict[tuple[str, str], dict]:
    """Each build again, with its output and cache: with nothing changed, then with one article added;
    by (build, change)."""
    rebuilds = {}
    for name, build in builds.items():
        rebuilds[name, "nothing changed"] = timed_build(**{**build, "cold": False})
    added = content / "articles" / "bench-added-report.md"
    added.write_text(ADDED, encoding="utf-8")
    try:
        for name, build in builds.items():
            rebuilds[name, "one article added"] = timed_build(**{**build, "cold": False})
    finally:
        added.unlink()
    return rebuilds


_INDEX_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from archive import search_index
    from search_index import ROOT_SELECTOR
    site, kept = Path({site!r}), {kept!r}
    started = time.perf_counter()
    if {defaults!r}:
        from archive.search_filters import sort_filters
        search_index.run_pagefind(search_index.pagefind_executable(), site, ("--silent",))
        sort_filters(site / "pagefind")
        read = len([p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "pagefind"])
        done = {{"read": read, "indexed": search_index.indexed_pages(site / "pagefind"), "reused": False}}
    else:
        indexed = search_index.build_index(site, Path(kept) if kept else None, root=ROOT_SELECTOR)
        done = {{"read": indexed.pages_read, "indexed": indexed.pages_indexed, "reused": indexed.reused}}
    print(json.dumps({{**done, "seconds": time.perf_counter() - started,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "pagefind_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
""")


def timed_index(site: Path, kept: Path | None = None, defaults: bool = False) -> dict:
    """The search index of a built site alone, in a fresh process: its time, the peak memory of
    that process and of Pagefind's, the HTML files read and the pages indexed."""
    os.sync()
    code = _INDEX_CHILD.format(site=str(site), kept=str(kept) if kept else None,
                               defaults=defaults)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"search index failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def timed_indexes(built: Path, base: Path) -> dict[str, dict]:
    """The search indexer over a copy of a site built without it: as the build runs it, with no kept
    index; with Pagefind's defaults (every HTML file, each page whole); and with the index kept."""
    site, kept = base / "search-site", base / "search-kept"
    shutil.copytree(built, site, ignore=shutil.ignore_patterns("pagefind"))
    try:
        measured = {"as the build runs it": timed_index(site, kept)}
        shutil.rmtree(site / "pagefind")
        measured["Pagefind's defaults: every HTML file, each page whole"] = timed_index(site, defaults=True)
        measured["its kept index, nothing changed"] = timed_index(site, kept)
    finally:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(kept, ignore_errors=True)
    return measured


def _pagefind_version() -> str:
    from importlib.metadata import version

    return version("pagefind_bin")


def run(articles: int, seed: int = 0, rounds: int = 3) -> str:
    from pelicanconf import PLUGINS

    lines = []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as folder:
        base = Path(folder)
        content = base / "content"
        made = write_archive(articles, seed, content)
        common = {"PATH": str(content), "SEARCH_INDEX": False}
        builds = {
            "ours, all plugins": {"override": {**common, "OUTPUT_PATH": str(base / "ours"),
                                               "CACHE_PATH": str(base / "ours-cache")}},
            "ours, all plugins, with search": {"override": {
                **common, "SEARCH_INDEX": True, "OUTPUT_PATH": str(base / "searched"),
                "CACHE_PATH": str(base / "searched-cache")}},
            "ours without reuse detection": {"override": {
                **common, "OUTPUT_PATH": str(base / "without"), "CACHE_PATH": str(base / "without-cache"),
                "PLUGINS": [p for p in PLUGINS if p not in DETECTING_PLUGINS]}},
            "plain Pelican": {"override": {"PATH": str(content), "OUTPUT_PATH": str(base / "plain"),
                                           "CACHE_PATH": str(base / "plain-cache"),
                                           "ARTICLE_PATHS": ["articles"]}, "plain": True},
        }
        measured = timed_builds(builds, rounds)
        precision, recall = site_quality(base / "ours", made["planted"])
        indexes = timed_indexes(base / "ours", base)
        rebuilt = ("ours, all plugins", "ours, all plugins, with search")
        rebuilds = timed_rebuilds({name: builds[name] for name in rebuilt}, content)
    small, large = detection_figures(articles, seed), detection_figures(2 * articles, seed)
    seconds = {name: mean(f["seconds"] for f in runs) for name, runs in measured.items()}
    without = seconds["ours without reuse detection"]
    ratios = [ours["seconds"] / alone["seconds"]
              for ours, alone in zip(measured["ours, all plugins"], measured["ours without reuse detection"])]
    lines.append(f"synthetic archive: {articles:,} articles, {made['paragraphs']:,} paragraphs, "
                 f"{len(made['planted']):,} planted pairs (seed {seed})")
    lines.append("")
    lines.append(f"| build (same content, mean of {rounds} rotated rounds) | seconds | peak memory MiB "
                 "| second process MiB | ratio to ours without detection |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for name, runs in measured.items():
        peak = max(f["peak_mib"] for f in runs)
        second = max(f["second_peak_mib"] for f in runs)
        lines.append(f"| {name} | {seconds[name]:.1f} | {peak:.0f} | {f'{second:.0f}' if second else 'none'} | "
                     f"{seconds[name] / without:.2f} |")
    with_search, without_search = seconds["ours, all plugins, with search"], seconds["ours, all plugins"]
    lines.append("")
    lines.append(f"ours with search against ours without: {with_search:.1f} s against {without_search:.1f} s "
                 f"({with_search / without_search:.2f} times); the search index is "
                 f"{(with_search - without_search) / with_search:.0%} of the build with search")
    lines.append("")
    lines.append(f"| search index alone (Pagefind {_pagefind_version()}), over the site ours built | seconds "
                 "| peak memory MiB | Pagefind MiB | HTML files read | pages indexed |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, figures in indexes.items():
        pagefind = f"{figures['pagefind_mib']:.0f}" if figures["pagefind_mib"] else "none"
        lines.append(f"| {name} | {figures['seconds']:.1f} | {figures['peak_mib']:.0f} | {pagefind} | "
                     f"{figures['read']:,} | {figures['indexed']:,} |")
    lines.append("")
    lines.append("| rebuild, with its output and cache, after its last cold build | seconds | peak memory MiB "
                 "| second process MiB | ratio to its cold build |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for (name, change), figures in rebuilds.items():
        second = f"{figures['second_peak_mib']:.0f}" if figures["second_peak_mib"] else "none"
        lines.append(f"| {name}: {change} | {figures['seconds']:.1f} | {figures['peak_mib']:.0f} | {second} | "
                     f"{figures['seconds'] / seconds[name]:.2f} |")
    lines.append("")
    lines.append(f"ours, all plugins, against ours without reuse detection, round by round: "
                 f"{min(ratios):.2f} to {max(ratios):.2f}")
    lines.append("")
    lines.append("| detection alone | paragraphs | seconds | peak memory MiB | precision | recall |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for figures in (small, large):
        lines.append(f"| {figures['articles']:,} articles | {figures['paragraphs']:,} | {figures['seconds']:.2f} | "
                     f"{figures['peak_rss_mib']:.0f} | {figures['precision']:.3f} | {figures['recall']:.3f} |")
    lines.append("")
    lines.append(f"doubling the archive multiplied detection time by {large['seconds'] / small['seconds']:.2f}")
    lines.append(f"links on the built site against the planted pairs: precision {precision:.3f}, recall {recall:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    started = time.perf_counter()
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, rounds=int(sys.argv[2]) if len(sys.argv) > 2 else 3))
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
