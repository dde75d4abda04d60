"""Paragraphs put to an archive as queries (a correction's claim wording) are
matched as one more paragraph of the archive would be, without detecting the
archive again and without changing its own links."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from archive.reuse import detect
from archive.reuse.detect import detect_with_queries
from benchmarks.synthetic import generate


def as_queries(paragraphs, articles):
    """The paragraphs of `articles`, each article made a query article of its own."""
    return [replace(p, article=f"query:{p.article}", source=f"query:{p.article}", position=None)
            for p in paragraphs if p.article in articles]


def query_links(result):
    """Links between a query and the archive, as comparable tuples."""
    return {(link.a, link.b, link.strength, link.score) for link in result.links
            if link.a[0].startswith("query:") != link.b[0].startswith("query:")}


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_queries_find_what_detecting_the_archive_with_them_finds(seed):
    paragraphs = generate(300, seed).paragraphs
    names = sorted({p.article for p in paragraphs})
    asked = set(random.Random(seed).sample(names, 6))
    archive = [p for p in paragraphs if p.article not in asked]
    queries = as_queries(paragraphs, asked)
    own, found = detect_with_queries(archive, queries)
    assert own == detect(archive)
    assert found.links and query_links(found) == query_links(detect(archive + queries))


def test_queries_are_not_linked_to_one_another():
    paragraphs = generate(120, 2).paragraphs
    names = sorted({p.article for p in paragraphs})
    # Two copies of the same articles as queries: they would match each other word for word.
    queries = as_queries(paragraphs, set(names[:5])) + [
        replace(q, article=q.article + "-again", source=q.source + "-again") for q in as_queries(paragraphs, set(names[:5]))]
    _, found = detect_with_queries([p for p in paragraphs if p.article not in names[:5]], queries)
    assert found.links
    assert all(link.a[0].startswith("query:") != link.b[0].startswith("query:") for link in found.links)


def test_no_queries_no_links():
    paragraphs = generate(60, 3).paragraphs
    assert detect_with_queries(paragraphs, [])[1].links == []
