"""Tests for the importer core: raw text dump -> Markdown article + import record.

The Markdown is checked the way a reader would see it: rendered with mistune
3 (with the archive's ``:::{name}`` blocks parsed by a small plugin defined
here), its visible text compared with the raw dump sentence by sentence.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import mistune
import pytest
from mistune.directives import DirectivePlugin, FencedDirective

from archive import furniture, langdetect
from archive.importer import HEADER_ORDER, ImportProblem, import_text
from archive.slugs import slugify
from archive.importer_dates import parse_date_text
from archive.markdown_escape import escape_line

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"


# --- helpers ---------------------------------------------------------------------


class _Blocks(DirectivePlugin):
    """Parses ``:::{lang} xx``, ``:::{caption}``, ``:::{editor-note}`` into tokens."""

    def parse(self, block, m, state):
        return {
            "type": "archive_block",
            "attrs": {"name": self.parse_type(m), "arg": self.parse_title(m).strip()},
            "children": self.parse_tokens(block, self.parse_content(m), state),
        }

    def __call__(self, directive, md):
        for name in ("lang", "caption", "editor-note"):
            directive.register(name, self.parse)
        if md.renderer and md.renderer.NAME == "html":
            md.renderer.register(
                "archive_block",
                lambda _r, text, name, arg: f'<div data-block="{name}" data-arg="{arg}">\n{text}</div>\n',
            )


def _markdown(renderer="html"):
    # escape=False: the importer's own escaping must keep raw HTML inert.
    return mistune.create_markdown(
        escape=False,
        renderer=renderer,
        plugins=["strikethrough", "table", FencedDirective([_Blocks()], markers=":")],
    )


def render(body: str) -> str:
    return _markdown()(body)


def visible_text(fragment: str) -> str:
    """What a reader sees: tags dropped, entities decoded, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def split_article(markdown: str) -> tuple[dict[str, str], str]:
    head, body = markdown.split("\n\n", 1)
    header = {}
    for line in head.split("\n"):
        key, value = line.split(": ", 1)
        header[key] = value
    return header, body


def raw_lines(raw: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", raw.removeprefix("\ufeff"))
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"“„«'‘(]?[A-Z0-9ÉÀ])", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def body_line_numbers(raw: str, record: dict) -> list[int]:
    """Raw lines meant to stay in the body: not removed, not lifted out."""
    out_of_body = {e["line"] for e in record["removed"]}
    out_of_body |= {e["line"] for e in record["lifted"] if not e.get("kept_in_body")}
    return [n for n, line in enumerate(raw_lines(raw), 1) if line.strip() and n not in out_of_body]


def load(prefix: str):
    path = next(SOURCES.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    return raw, import_text(raw, f"sources/{path.name}")


ALL = ["000", "001", "002", "003", "004"]


# --- the five sources: metadata ---------------------------------------------------

EXPECTED_HEADER = {
    "000": {
        "Title": "US-led Coalition Covered Islamic State Terrorists’ Combat Units in Syria: Russian MoD",
        "Date": "2017-11-15 07:13",
        "Outlet": "unknown",
        "Author": "Our Bureau",
        "Lang": "en",
        "Original": "unknown",
    },
    "001": {
        "Title": "Russian Federation says U.S. providing cover for Islamic State in Syria",
        "Date": "unknown",
        "Outlet": "unknown",
        "Author": "unknown",
        "Lang": "en",
    },
    "002": {
        "Title": "Russian MoD details US-ISIS cooperation",
        "Slug": "russian-mod-details-us-isis-cooperation",
        "Date": "2017-11-14",
        "Outlet": "Fort Russ News",
        "Author": "Samer Hussein",
        "Credit": "Agencies",
        "Lang": "en",
    },
    "003": {
        "Title": "Russian Defense Ministry: US-led coalition directly supports Daesh in Syria",
        "Date": "unknown",
        "Outlet": "SANA",
        "Dateline": "Moscow, SANA",
        "Author": "unknown",
        "Lang": "en",
    },
    "004": {
        "Title": "Russia: US Directly Supports ISIL Terrorists in Syria",
        "Date": "2017-11-14",
        "Outlet": "unknown",
        "Author": "unknown",
        "Lang": "en",
    },
}

# Optional keys that must be absent where the text gives nothing for them.
ABSENT = {"000": ["Credit", "Dateline"], "001": ["Credit", "Dateline"], "002": ["Dateline"],
          "003": ["Credit"], "004": ["Credit", "Dateline"]}


@pytest.mark.parametrize("prefix", ALL)
def test_header_values_are_what_the_text_gives(prefix):
    raw, result = load(prefix)
    header, _ = split_article(result.markdown)
    for key, value in EXPECTED_HEADER[prefix].items():
        assert header[key] == value, key
    for key in ABSENT[prefix]:
        assert key not in header
    assert header["Imported-From"].startswith(f"sources/{prefix}_")
    assert header["Slug"] == result.slug
    # keys in the fixed order
    assert list(header) == [k for k in HEADER_ORDER if k in header]


# --- the five sources: every sentence kept, once --------------------------------------


@pytest.mark.parametrize("prefix", ALL)
def test_every_body_sentence_appears_once(prefix):
    raw, result = load(prefix)
    _, body = split_article(result.markdown)
    shown = visible_text(render(body))
    lines = raw_lines(raw)
    source_text = " ".join(" ".join(lines[n - 1].split()) for n in body_line_numbers(raw, result.record))
    checked = 0
    for sentence in sentences(source_text):
        assert shown.count(sentence) == source_text.count(sentence) >= 1, sentence
        checked += 1
    assert checked >= 8
    # and nothing else: the visible body is exactly the body lines, in order
    assert shown == source_text


@pytest.mark.parametrize("prefix", ALL)
def test_nothing_is_lost(prefix):
    """Raw file = body + lifted + removed, line by line, text exact."""
    raw, result = load(prefix)
    _, body = split_article(result.markdown)
    shown = visible_text(render(body))
    lines = raw_lines(raw)
    removed = {e["line"]: e for e in result.record["removed"]}
    lifted = {e["line"]: e for e in result.record["lifted"] if not e.get("kept_in_body")}
    assert not set(removed) & set(lifted)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            assert number not in removed and number not in lifted
            continue
        if number in removed:
            assert removed[number]["text"] == line
            assert " ".join(line.split()) not in shown
        elif number in lifted:
            assert lifted[number]["text"] == line
        else:
            assert " ".join(line.split()) in shown, (number, line)
    # record order = file order, and it survives JSON
    for key in ("lifted", "removed"):
        numbers = [e["line"] for e in result.record[key]]
        assert numbers == sorted(numbers)
    assert json.loads(json.dumps(result.record)) == result.record


EXPECTED_REMOVED = {
    "000": [(31, "teaser")],
    "001": [],
    "002": [(3, "share-counter"), (23, "advertisement"), (37, "newsletter-prompt"),
            (38, "newsletter-prompt"), (40, "newsletter-prompt")],
    "003": [(23, "teaser"), (25, "unrelated-story"), (27, "unrelated-story")],
    "004": [(49, "section-label"), (51, "featured-post"), (53, "unrelated-story"),
            (55, "unrelated-story"), (57, "widget")],
}

EXPECTED_LIFTED = {
    "000": [(1, "byline"), (2, "date"), (3, "headline"), (4, "caption")],
    "001": [(1, "headline")],
    "002": [(1, "headline"), (5, "dateline"), (7, "byline")],
    "003": [(1, "headline"), (3, "dateline")],
    "004": [(1, "date"), (3, "headline"), (5, "caption")],
}


@pytest.mark.parametrize("prefix", ALL)
def test_furniture_is_removed_and_recorded(prefix):
    raw, result = load(prefix)
    lines = raw_lines(raw)
    got = [(e["line"], e["kind"]) for e in result.record["removed"]]
    assert got == EXPECTED_REMOVED[prefix]
    _, body = split_article(result.markdown)
    shown = visible_text(render(body))
    for entry in result.record["removed"]:
        assert entry["text"] == lines[entry["line"] - 1]
        assert entry["text"].strip() not in shown
        assert entry["kind"] in furniture.KINDS


@pytest.mark.parametrize("prefix", ALL)
def test_header_lines_are_lifted_and_recorded(prefix):
    raw, result = load(prefix)
    lines = raw_lines(raw)
    got = [(e["line"], e["kind"]) for e in result.record["lifted"]]
    assert got == EXPECTED_LIFTED[prefix]
    header, body = split_article(result.markdown)
    shown = visible_text(render(body))
    for entry in result.record["lifted"]:
        if entry.get("kept_in_body"):
            assert entry["text"] in lines[entry["line"] - 1]
            assert entry["text"] in shown
        else:
            assert entry["text"] == lines[entry["line"] - 1]
            assert entry["text"] not in shown
    assert result.record["imported_from"] == header["Imported-From"]


def _blocks(body: str) -> list[dict]:
    return [t for t in _markdown(renderer=None)(body) if t["type"] != "blank_line"]


def test_004_french_and_german_passages_are_marked():
    raw, result = load("004")
    _, body = split_article(result.markdown)
    blocks = _blocks(body)
    langs = [(b["attrs"]["name"], b["attrs"]["arg"]) for b in blocks if b["type"] == "archive_block"]
    assert langs == [("caption", ""), ("lang", "fr"), ("lang", "de")]
    by_lang = {
        b["attrs"]["arg"]: visible_text(mistune.create_markdown(escape=False)(
            body.split(f":::{{lang}} {b['attrs']['arg']}\n", 1)[1].split("\n:::", 1)[0]))
        for b in blocks if b["type"] == "archive_block" and b["attrs"]["name"] == "lang"
    }
    assert by_lang["fr"].startswith("1. Le refus des États-Unis de frapper")
    assert "a indiqué le sénateur." in by_lang["fr"]
    assert "Die Tatsache" not in by_lang["fr"]
    assert by_lang["de"].startswith("2. Die Tatsache, dass sich die USA geweigert hatten")
    assert by_lang["de"].endswith("zitiert der Pressedienst von Klinzewitsch den Parlamentarier.")
    # English paragraphs stay outside any lang block
    english = [b for b in blocks if b["type"] == "paragraph"]
    assert len(english) == 11
    # "1." at the start of a French paragraph is text, not a list
    assert "<ol" not in render(body)


def test_000_caption_and_editor_note():
    _, result = load("000")
    _, body = split_article(result.markdown)
    blocks = _blocks(body)
    assert blocks[0]["type"] == "archive_block" and blocks[0]["attrs"]["name"] == "caption"
    assert blocks[1]["type"] == "archive_block" and blocks[1]["attrs"]["name"] == "editor-note"
    note = visible_text(render(body).split('data-block="editor-note" data-arg="">', 1)[1].split("</div>", 1)[0])
    assert note.startswith("(NOTE: The story has been updated on 27 November 2017.")
    assert note.endswith("Russia Publishes Pictures from Video Game as Evidence of US Collusion with Islamic State")
    assert blocks[2]["type"] == "paragraph"


def test_003_dateline_stays_in_the_first_paragraph():
    _, result = load("003")
    _, body = split_article(result.markdown)
    assert body.startswith("Moscow, SANA – Russian Defense Ministry said")
    entry = [e for e in result.record["lifted"] if e["kind"] == "dateline"][0]
    assert entry == {"line": 3, "kind": "dateline", "text": "Moscow, SANA", "field": "dateline",
                     "values": {"dateline": "Moscow, SANA", "outlet": "SANA"}, "kept_in_body": True}


def test_import_is_deterministic():
    raw, first = load("004")
    second = import_text(raw, first.record["imported_from"])
    assert first.markdown == second.markdown
    assert json.dumps(first.record, sort_keys=True) == json.dumps(second.record, sort_keys=True)


# --- escaping ----------------------------------------------------------------------

TRICKY = [
    "# not a heading",
    "## not a heading either",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "<script>alert(1)</script>",
    "*stars* and __underscores__ and `ticks`",
    "[link](x) and ![image](y.png)",
    "a | table | row",
    "~~not struck~~",
    "AT&amp;T &#39; &copy; stay as typed",
    "back\\slash \\*escaped\\*",
    ":::{lang} fr",
    ":option: value",
    "<http://example.com> and <b>bold</b>",
    "---",
    "===",
    "    indented like code",
    "\ttabbed like code",
]


def _synthetic(lines: list[str]) -> str:
    paragraphs = ["A synthetic headline for escaping", "The first paragraph is ordinary text for the test."]
    paragraphs += lines
    return "\n\n".join(paragraphs) + "\n"


def test_markdown_syntax_in_text_renders_literally():
    result = import_text(_synthetic(TRICKY), "sources/test.txt")
    _, body = split_article(result.markdown)
    out = render(body)
    for tag in ("<h1", "<h2", "<ul", "<ol", "<li", "<blockquote", "<em", "<strong", "<code", "<pre",
                "<a ", "<img", "<script", "<b>", "<table", "<del", "<hr", "data-block"):
        assert tag not in out, tag
    paragraphs = re.findall(r"<p>(.*?)</p>", out, flags=re.S)
    expected = ["The first paragraph is ordinary text for the test."] + [line.strip() for line in TRICKY]
    assert [html.unescape(p) for p in paragraphs] == expected


def test_line_breaks_inside_a_paragraph_are_kept_and_escaped():
    raw = "A headline here\n\nThe first line of one paragraph goes on.\n# second line\n- third line\n"
    result = import_text(raw, "sources/t.txt")
    _, body = split_article(result.markdown)
    out = render(body)
    assert "<h1" not in out and "<ul" not in out
    assert visible_text(out) == "The first line of one paragraph goes on. # second line - third line"
    assert out.count("<br />") == 2


@pytest.mark.parametrize("text", TRICKY)
def test_escape_line_roundtrip(text):
    out = mistune.create_markdown(escape=False, plugins=["strikethrough", "table"])(escape_line(text))
    assert html.unescape(re.sub(r"</?p>", "", out)).strip() == text.strip()


# --- edge cases ----------------------------------------------------------------------


def test_windows_line_endings_bom_trailing_space_and_tabs():
    raw, plain = load("002")
    windows = "\ufeff" + "\r\n".join(line + " \t" if line else line for line in raw.split("\n"))
    result = import_text(windows, plain.record["imported_from"])
    assert result.markdown == plain.markdown
    assert [(e["line"], e["kind"]) for e in result.record["removed"]] == EXPECTED_REMOVED["002"]
    assert result.record["removed"][0]["text"] == "0 78 \t"


@pytest.mark.parametrize("raw", ["", "\ufeff", "  \n\n\t\n", "\r\n\r\n"])
def test_empty_file_is_a_problem(raw):
    with pytest.raises(ImportProblem) as err:
        import_text(raw, "sources/empty.txt")
    assert err.value.line == 1
    assert "empty" in err.value.message


def test_headline_without_body_is_a_problem():
    with pytest.raises(ImportProblem) as err:
        import_text("Some headline here\n\n- Advertisement -\n\nSubscribe to our newsletter\n", "sources/x.txt")
    assert err.value.line == 5
    assert "no article text" in err.value.message


def test_body_without_headline_is_a_problem():
    raw = "\n\nThe ministry said on Tuesday that the convoy left the city before dawn.\n"
    with pytest.raises(ImportProblem) as err:
        import_text(raw, "sources/x.txt")
    assert err.value.line == 3
    assert "headline" in err.value.message


def test_weekday_is_not_a_date_and_nothing_is_invented():
    raw = ("Ministry says convoy fled\n\nOn Tuesday, the ministry said the convoy fled the city "
           "and that the coalition did nothing to stop it.\n")
    header, _ = split_article(import_text(raw, "sources/x.txt").markdown)
    assert header["Date"] == "unknown"
    assert header["Outlet"] == "unknown"
    assert header["Author"] == "unknown"
    assert header["Original"] == "unknown"


def test_time_and_zone_only_when_given():
    assert str(parse_date_text("07:13 AM, November 15, 2017")) == "2017-11-15 07:13"
    assert str(parse_date_text("Tuesday, November 14, 2017")) == "2017-11-14"
    assert str(parse_date_text("Published: 14 Nov 2017 19:05 GMT+3")) == "2017-11-14 19:05+03:00"
    assert str(parse_date_text("November 14, 2017 5:03 pm IST")) == "2017-11-14 17:03"
    assert parse_date_text("on Tuesday") is None
    assert parse_date_text("Nov 14") is None
    assert parse_date_text("November 31, 2017") is None
    assert parse_date_text("The ministry said on November 14, 2017 that") is None


def test_slug_is_ascii_short_and_cut_at_a_word():
    slug = slugify("US-led Coalition Covered Islamic State Terrorists’ Combat Units in Syria: Russian MoD")
    assert slug == "us-led-coalition-covered-islamic-state-terrorists-combat"
    assert slugify("Russia’s U.S. policy: Путин — Straße café") == "russias-us-policy-putin-strasse-cafe"
    for prefix in ALL:
        s = load(prefix)[1].slug
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) and len(s) <= 60


# --- the helper modules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le ministère russe de la Défense a qualifié de fait avéré le refus des États-Unis "
         "d'effectuer le 9 novembre des frappes sur des convois de Daech.", "fr"),
        ("Laut Klinzewitsch können die Handlungen der USA auf die Gründung eines Separatstaates "
         "in Syrien abgezielt sein, sagte er am Dienstag.", "de"),
        ("El ministerio de Defensa ruso dijo que los Estados Unidos no quisieron atacar a los terroristas.", "es"),
        ("Il ministero della Difesa russo ha detto che gli Stati Uniti non hanno voluto colpire.", "it"),
        ("Министерство обороны России заявило, что США отказались наносить удары.", "ru"),
        ("The ministry said that the coalition refused to strike the convoy of the terrorists.", "en"),
    ],
)
def test_language_guess(text, lang):
    found = langdetect.guess(text)
    assert found is not None and found.lang == lang


@pytest.mark.parametrize("text", ["Albu Kamal", "Le Monde", "Die Welt reported", "La Repubblica, El País"])
def test_language_guess_needs_clear_evidence(text):
    assert langdetect.guess(text) is None


@pytest.mark.parametrize(
    "line, kind",
    [
        ("- Advertisement -", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("0 78", "share-counter"),
        ("12 Shares", "share-counter"),
        ("Subscribe to our newsletter", "newsletter-prompt"),
        ("Sign up here to get the latest news delivered to your inbox.", "newsletter-prompt"),
        ("Get breaking news alerts on your phone, subscribe now.", "newsletter-prompt"),
        ("Also Read", "teaser"),
        ("Read more:", "teaser"),
        ("Also Read: Another story about something else", "teaser"),
        ("Blog Widget by LinkWithin", "widget"),
        ("Featured Post", "featured-post"),
        ("Only News", "section-label"),
    ],
)
def test_furniture_patterns(line, kind):
    assert furniture.classify(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement was pulled after complaints, the ministry said.",
        "Readers who subscribe to the service get the report first.",
        "The ministry said 78 vehicles left the city.",
        "Russian MoD details US-ISIS cooperation",
        "November 14th, 2017 – Fort Russ News –",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert furniture.classify(line) is None


def test_teaser_label_removes_the_glued_stories_after_it():
    raw = ("A headline about the convoy\n\n"
           "The ministry said that the convoy left the city before dawn on the day.\n\n"
           "Read more\n\nAnother story entirely\n\nIts first paragraph, which is not ours.\n")
    result = import_text(raw, "sources/x.txt")
    assert [(e["line"], e["kind"]) for e in result.record["removed"]] == [
        (5, "teaser"), (7, "unrelated-story"), (9, "unrelated-story")]
    assert "Another story" not in result.markdown


def test_editor_note_and_its_link_are_wrapped_and_kept():
    raw = ("A headline about the convoy\n\n"
           "Editor's note: This story was corrected on 20 November. Read the update at the link below.\n\n"
           "The Correction Story Headline\n\n"
           "The ministry said that the convoy left the city before dawn on the day.\n")
    _, body = split_article(import_text(raw, "sources/x.txt").markdown)
    blocks = _blocks(body)
    assert [b["type"] for b in blocks] == ["archive_block", "paragraph"]
    assert blocks[0]["attrs"]["name"] == "editor-note"
    note = [c["type"] for c in blocks[0]["children"] if c["type"] != "blank_line"]
    assert note == ["paragraph", "paragraph"]  # the note and its link text


@pytest.mark.parametrize(
    "line",
    [
        "The ministry published a photo: it showed a convoy of trucks leaving the city.",
        "Updated figures from the ministry show the claim was false, the report said.",
    ],
)
def test_ordinary_sentences_are_neither_captions_nor_notes(line):
    raw = f"A headline about the convoy\n\n{line}\n\nThe ministry said the convoy left the city before dawn.\n"
    result = import_text(raw, "sources/x.txt")
    _, body = split_article(result.markdown)
    assert [b["type"] for b in _blocks(body)] == ["paragraph", "paragraph"]
    assert [e["kind"] for e in result.record["lifted"]] == ["headline"]


def test_a_dump_with_control_characters_is_refused_with_its_line(tmp_path):
    from archive.import_files import import_files

    dump = tmp_path / "dump.txt"
    dump.write_bytes("A headline\n\nFirst paragraph of a dump.\nA line with a NUL\x00 in it.\n".encode("utf-8"))
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    problems = import_files([dump], content)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(4, "control character U+0000 at column 18")]
    assert not list((content / "articles").iterdir())


def imported_with(importer, path: Path):
    """A file imported by `importer` (import_text or import_page): its text, the
    result, the article's header and the text a reader sees of its body."""
    raw = path.read_text(encoding="utf-8")
    result = importer(raw, f"sources/{path.name}")
    header, body = split_article(result.markdown)
    return raw, result, header, visible_text(render(body))
