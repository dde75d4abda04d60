"""An article body cut at its paragraphs, for the page template that sets the archive's notes beside them."""
import pytest

from archive.render import ArticleRenderer, body_parts

BODY = """The first paragraph says &lt;/p&gt; in its words, and a raw </p> too.

:::{lang} fr
Un paragraphe en français, dans un passage marqué.
:::

- a tight list item is a paragraph too

:::{editor-note}
The outlet's own note, set apart.
:::
"""


def test_the_parts_put_together_are_the_body_and_each_paragraph_is_one_part():
    rendered = ArticleRenderer().render(BODY)
    parts = body_parts(rendered.html, rendered.paragraphs)
    assert "".join(part.html + part.rest for part in parts) == rendered.html
    cut = [part for part in parts if part.paragraph]
    assert [part.paragraph for part in cut] == [p.id for p in rendered.paragraphs] and len(cut) == 4
    for part in cut:
        # Split where the class list ends: a template adds classes there and nothing else.
        assert part.html == f'<p id="{part.paragraph}" class="para' and part.rest.startswith('">')
        assert part.rest.endswith("</p>") and part.rest.count("</p>") == 1
    # The words of the first paragraph, escaped markup included, stay whole in its part.
    assert "&lt;/p&gt;" in cut[0].rest and "raw &lt;/p&gt; too." in cut[0].rest
    # What wraps a paragraph (a passage in another language, the outlet's note) is a part of its own.
    wrappers = "".join(part.html for part in parts if part.paragraph is None)
    assert 'lang="fr"' in wrappers and 'class="editor-note"' in wrappers


def test_a_paragraph_the_body_does_not_hold_is_an_error_not_a_silent_skip():
    rendered = ArticleRenderer().render("One paragraph only, long enough to be a paragraph.")
    with pytest.raises(ValueError, match="is not in the body"):
        body_parts(rendered.html, rendered.paragraphs * 2)
