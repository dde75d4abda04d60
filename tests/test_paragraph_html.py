from archive.paragraph_html import Decoration, decorate
from archive.render import ArticleRenderer


def test_decorations_add_classes_and_notes_beside_the_words_never_inside():
    rendered = ArticleRenderer().render("First <b>one</b>.\n\n- a list item\n\nThird.")
    ids = [p.id for p in rendered.paragraphs]
    once = decorate(rendered.html, {ids[0]: Decoration(("reused",), after="<details>also in X</details>")})
    twice = decorate(once, {ids[0]: Decoration(("claim",), before="<p>flag</p>"), ids[1]: Decoration(("reused",))})
    assert f'<p>flag</p><p id="{ids[0]}" class="para reused claim">' in twice
    assert "First &lt;b&gt;one&lt;/b&gt;.</p><details>also in X</details>" in twice
    assert f'<p id="{ids[1]}" class="para reused">' in twice
    assert f'<p id="{ids[2]}" class="para">' in twice
    assert decorate(rendered.html, {}) == rendered.html
