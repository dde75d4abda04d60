"""What readers and researchers see of the reuse found: "also in" links per
paragraph, one comparison view per statement group, and the JSON export.
Plain data in, plain data out; the Pelican adapter only places it.
"""
from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass

from .article_facts import ArticleFacts
from .reuse import Key, ReuseResult, ReuseSettings, align
from .reuse.align import ONLY_A, SAME
from .reuse.model import STRENGTHS
from .reuse.normalise import Normaliser
from .statement_labels import statement_label

STRENGTH_WORDS = {
    "verbatim": "verbatim: the same words",
    "edited": "edited: the same sentences, lightly changed",
    "reworded": "reworded: the same statement in other words",
    "translated": "translated: the same statement in another language",
}


@dataclass(frozen=True)
class ParagraphText:
    text: str
    lang: str
    position: int = 0   # place in its article, so ties within an article keep page order


@dataclass(frozen=True)
class AlsoIn:
    """One "also in" link from a paragraph to its match in another article."""
    article: ArticleFacts
    paragraph: str
    number: int        # the matching paragraph's place in its article, 1-based (its "¶" there)
    strength: str
    score: float


@dataclass(frozen=True)
class AlsoInMark:
    """Everything a paragraph's "also in" mark shows: its matches in reading
    order and the statements it belongs to."""
    matches: tuple[AlsoIn, ...]
    groups: tuple   # GroupView of each statement group the paragraph is in

    @property
    def outlets(self) -> int:
        return len({m.article.source_key for m in self.matches})

    @property
    def strongest(self) -> str:
        return min((m.strength for m in self.matches), key=STRENGTHS.index)

    @property
    def kind(self) -> str:
        """The strength of all its matches, or "mixed" when they differ (the paragraph's highlight)."""
        return self.strongest if len({m.strength for m in self.matches}) == 1 else "mixed"


def paragraph_numbers(paragraph_order: dict[str, list[str]]) -> dict[Key, int]:
    """Each paragraph's place in its article, 1-based: the "¶" number its page shows."""
    return {(slug, pid): n for slug, ids in paragraph_order.items() for n, pid in enumerate(ids, 1)}


def also_in(result: ReuseResult, facts: dict[str, ArticleFacts], numbers: dict[Key, int]) -> dict[Key, list[AlsoIn]]:
    """For every linked paragraph, its matches elsewhere in reading order."""
    found: dict[Key, list[AlsoIn]] = {}
    for link in result.links:
        for here, there in ((link.a, link.b), (link.b, link.a)):
            found.setdefault(here, []).append(
                AlsoIn(facts[there[0]], there[1], numbers.get(there, 0), link.strength, link.score))
    for matches in found.values():
        matches.sort(key=lambda m: (m.article.order(), m.number, m.paragraph))
    return found


@dataclass(frozen=True)
class Variant:
    article: ArticleFacts
    paragraph: str
    text: str
    lang: str
    first_seen: bool
    marked_html: str       # the text, escaped, with shared / added / dropped words marked
    added: int             # words this variant has that the first seen has not
    dropped: int           # words of the first seen this variant has not
    strength: str | None   # how it matches the first seen, when they are linked directly


@dataclass(frozen=True)
class GroupView:
    id: str
    url: str
    label: str
    variants: tuple[Variant, ...]
    aliases: tuple[str, ...] = ()   # ids the group may have had; their pages lead here

    @property
    def outlets(self) -> int:
        return len({v.article.source_key for v in self.variants})


def group_url(group_id: str) -> str:
    return f"groups/{group_id}.html"


def _words(text: str) -> int:
    return len(text.split())


def _mark_variant(text: str, segments) -> tuple[str, int, int]:
    """A variant compared with the first seen: shared words in <mark>, its own
    in <ins>, the first seen's missing words as <del>; with the counts of
    words added and dropped."""
    out, cursor, added, dropped = [], 0, 0, 0
    for segment in segments:
        if segment.b_span is None:
            if segment.kind == ONLY_A:
                out.append(f' <del title="not in this version">{html.escape(segment.a)}</del> ')
                dropped += _words(segment.a)
            continue
        start, end = segment.b_span
        out.append(html.escape(text[cursor:start]))
        words = html.escape(text[start:end])
        if segment.kind == SAME:
            out.append(f"<mark>{words}</mark>")
        else:
            out.append(f'<ins title="only in this version">{words}</ins>')
            added += _words(text[start:end])
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out), added, dropped


def _mark_shared(text: str, spans: list[tuple[int, int]]) -> str:
    """The first seen, with every word some later version repeated in <mark>.

    Spans from the comparisons with each version overlap or touch: they are
    merged first, so one run of shared words is one mark."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, cursor = [], 0
    for start, end in merged:
        out.append(html.escape(text[cursor:start]) + f"<mark>{html.escape(text[start:end])}</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def strengths_between(result: ReuseResult) -> dict[frozenset, str]:
    return {frozenset((link.a, link.b)): link.strength for link in result.links}


def group_views(result: ReuseResult, facts: dict[str, ArticleFacts], texts: dict[Key, ParagraphText],
                settings: ReuseSettings) -> list[GroupView]:
    """Every group's view, in order of first appearance.

    Two statements can start in one paragraph; each is then labelled by a
    different sentence of it where the alignment allows (see statement_labels).
    """
    def order(key: Key) -> tuple:
        return (facts[key[0]].order(), texts[key].position, key[1])

    strengths = strengths_between(result)
    normaliser = Normaliser(settings)
    groups = sorted(result.groups, key=lambda g: (order(min(g.members, key=order)), g.id))
    labelled: dict[Key, set[int]] = {}
    views = []
    for group in groups:
        # The paragraph every member is linked to comes first: each version is compared with it.
        members = sorted(group.members, key=lambda key: (key != group.first, order(key)))
        view = group_view(group.id, members, facts, texts, normaliser, strengths,
                          labelled.setdefault(members[0], set()))
        views.append(dataclasses.replace(view, aliases=group.aliases))
    return views


def group_view(group_id: str, members: list[Key], facts: dict[str, ArticleFacts], texts: dict[Key, ParagraphText],
               normaliser: Normaliser, strengths: dict[frozenset, str], taken: set[int]) -> GroupView:
    """All variants of one statement, first seen first, each compared with it.

    `taken` holds the sentences of the first paragraph that label other
    statements already; the one chosen here is added to it."""
    first_key = members[0]
    first = texts[first_key]
    variants = []
    shared_with_first = []
    for key in members[1:]:
        other = texts[key]
        segments = align(first.text, other.text, a_lang=first.lang, b_lang=other.lang, normaliser=normaliser)
        shared_with_first.append(segments)
        marked, added, dropped = _mark_variant(other.text, segments)
        variants.append(Variant(facts[key[0]], key[1], other.text, other.lang, False, marked, added, dropped,
                                strengths.get(frozenset((first_key, key)))))
    shared = [[s.a_span for s in segments if s.kind == SAME] for segments in shared_with_first]
    first_marked = _mark_shared(first.text, [span for spans in shared for span in spans])
    head = Variant(facts[first_key[0]], first_key[1], first.text, first.lang, True, first_marked, 0, 0, None)
    sentence, label = statement_label(first.text, shared, taken, lang=first.lang)
    taken.add(sentence)
    return GroupView(group_id, group_url(group_id), label, (head, *variants))


def reuse_data(result: ReuseResult, facts: dict[str, ArticleFacts], texts: dict[Key, ParagraphText],
               paragraph_order: dict[str, list[str]]) -> dict:
    """The export behind the pages: output/data/reuse.json."""
    articles = []
    for slug in sorted(facts, key=lambda s: facts[s].order()):
        fact = facts[slug]
        articles.append({
            "slug": slug, "url": fact.url, "outlet": fact.outlet, "title": fact.title, "date": fact.date.iso(),
            "paragraphs": [{"id": pid, "text": texts[(slug, pid)].text} for pid in paragraph_order.get(slug, [])],
        })
    links = [{"from": {"article": link.a[0], "paragraph": link.a[1]},
              "to": {"article": link.b[0], "paragraph": link.b[1]},
              "strength": link.strength, "score": round(link.score, 4)} for link in result.links]
    groups = [{"id": group.id, "url": group_url(group.id), "aliases": list(group.aliases),
               "first": {"article": group.first[0], "paragraph": group.first[1]} if group.first else None,
               "members": [{"article": a, "paragraph": p} for a, p in group.members]} for group in result.groups]
    return {"articles": articles, "links": links, "groups": groups}
