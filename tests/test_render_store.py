"""Rendered article bodies are kept by what they were rendered from: read back
exactly, rendered again when anything differs, a bad file never trusted."""
from __future__ import annotations

import pytest

from archive.render import ArticleRenderer
from archive.render_store import RenderStore
from conftest import ROOT
from site_changes import built_tree

BODY = "The ministry said the convoys left.\n\n:::{caption}\nAbu Kamal\n:::\n\nA second paragraph <b>here</b>.\n"


class Counting(ArticleRenderer):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def render(self, text, dateline=None):
        self.calls += 1
        return super().render(text, dateline)


def test_a_body_rendered_once_is_read_back_exactly(tmp_path):
    renderer = Counting()
    first = RenderStore(tmp_path, renderer).render(BODY, "Moscow")
    again = RenderStore(tmp_path, renderer)
    assert again.render(BODY, "Moscow") == first == ArticleRenderer().render(BODY, "Moscow")
    assert renderer.calls == 1
    assert "&lt;b&gt;" in first.html   # kept as rendered: raw HTML escaped
    # Another dateline, another text: rendered again.
    again.render(BODY, None)
    again.render(BODY + "\nMore.\n", "Moscow")
    assert renderer.calls == 3
    again.prune()
    assert len(list(tmp_path.glob("*.json"))) == 3


def test_a_file_that_is_not_a_rendering_is_rendered_again(tmp_path):
    renderer = Counting()
    store = RenderStore(tmp_path, renderer)
    expected = store.render(BODY, None)
    (kept,) = tmp_path.glob("*.json")
    for text in ("", "{", "[]", '{"html": 1, "paragraphs": [], "errors": []}', '{"html": "<p>x</p>"}',
                 '{"html": "x", "paragraphs": [[1]], "errors": []}'):
        kept.write_text(text, encoding="utf-8")
        assert RenderStore(tmp_path, renderer).render(BODY, None) == expected, text
    assert renderer.calls == 7


@pytest.mark.slow
def test_the_site_reads_kept_bodies_and_prunes_the_rest(tmp_path):
    first = built_tree(ROOT / "content", tmp_path / "first", tmp_path / "cache")
    kept = sorted((tmp_path / "cache" / "rendered").glob("*.json"))
    assert len(kept) >= 6   # five articles and the about page
    (tmp_path / "cache" / "rendered" / "stale.json").write_text("{}", encoding="utf-8")
    assert built_tree(ROOT / "content", tmp_path / "again", tmp_path / "cache") == first
    assert sorted((tmp_path / "cache" / "rendered").glob("*.json")) == kept
    assert built_tree(ROOT / "content", tmp_path / "off", tmp_path / "none", READING_CACHE=False) == first
    assert not (tmp_path / "none" / "rendered").exists()
