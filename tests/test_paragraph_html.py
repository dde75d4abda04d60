from archive.paragraph_html import Decoration, decorate
from archive.render import ArticleRenderer


def test_decorations_add_classes_and_notes_without_touching_the_words():
    rendered = ArticleRenderer().render("First <b>one</b>.\n\n- a list item\n\nThird.")
    ids = [p.id for p in rendered.paragraphs]
    once = decorate(rendered.html, {ids[0]: Decoration(("reused",), "<small>also in X</small>")})
    twice = decorate(once, {ids[0]: Decoration(("claim",), "<small>claim</small>"), ids[1]: Decoration(("reused",))})
    assert f'<p id="{ids[0]}" class="para reused claim">' in twice
    assert "First &lt;b&gt;one&lt;/b&gt;.<small>also in X</small><small>claim</small></p>" in twice
    assert f'<p id="{ids[1]}" class="para reused">' in twice
    assert f'<p id="{ids[2]}" class="para">' in twice
    assert decorate(rendered.html, {}) == rendered.html
