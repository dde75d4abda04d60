"""A search of a corpus (archive.reuse.search): only query-to-corpus pairs, and a statement found
however many of the corpus's paragraphs repeat it."""
from dataclasses import replace

import pytest

from archive.reuse import Paragraph, ReuseSettings, detect_with_queries, search
from benchmarks.synthetic import generate

STATEMENT = ("The ministry said the coalition twice refused to strike the convoys leaving the town, "
             "because the fighters had surrendered and fell under the Geneva Convention on prisoners of war.")


def _edited(number: int) -> str:
    """The statement with one word of each of its halves changed, differently each time: no sentence
    is the statement's word for word, so only its words can propose the pair."""
    words = STATEMENT.split()
    words[3 + number % 5] = f"changed{number}"
    words[-3 - number % 4] = f"other{number}"
    return " ".join(words)


@pytest.mark.slow
def test_a_statement_repeated_by_more_paragraphs_than_the_cap_is_still_found():
    settings = ReuseSettings()
    corpus = list(generate(600, 1).paragraphs)   # about 6,000 paragraphs: the statement is in under 1% of them
    repeats = settings.max_feature_df + 10
    corpus += [Paragraph(f"repeat-{n}", f"repeat-{n}", "p1", _edited(n)) for n in range(repeats)]
    found = search(corpus, [Paragraph("query", "query", "q1", STATEMENT)], settings)
    linked = {link.a[0] if link.b[0] == "query" else link.b[0] for link in found.links}
    assert {f"repeat-{n}" for n in range(repeats)} <= linked
    assert all(name.startswith("repeat-") for name in linked), "nothing of the unrelated text"
    # The corpus's own paragraphs are never linked to one another.
    assert all("query" in (link.a[0], link.b[0]) for link in found.links)


def test_a_search_finds_what_the_query_would_find_as_one_more_paragraph_of_a_small_archive():
    corpus = [Paragraph(f"copy-{n}", f"copy-{n}", "p1", _edited(n)) for n in range(3)]
    query = Paragraph("query", "query", "q1", STATEMENT)
    settings = replace(ReuseSettings(), corroboration=False, order_anchors=0, translations=False)
    _, queried = detect_with_queries(corpus, [query], settings)
    assert [(l.a, l.b, l.strength) for l in search(corpus, [query], settings).links] == \
        [(l.a, l.b, l.strength) for l in queried.links]
