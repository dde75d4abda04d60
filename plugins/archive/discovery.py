"""Where else the claim appeared: the archive's statements and the claim's wording put to a news corpus.

The queries are every version of every statement group of the built
archive (its data/reuse.json), and every passage of each correction's claim
wording and debunk wording.  They are matched against the corpus's
paragraphs by `archive.reuse.search` (words only; the corpus's own
paragraphs are never linked to one another), and each corpus article that
matched becomes a candidate: which statements and claim passages it
carries, how strongly, and the matching paragraphs side by side.

Candidates are ranked by how much of the claim they carry: the claim
passages and statements they match, then their strongest link, then its
score.  An article whose matches of the debunk's wording outweigh those of
the claim's is marked as reporting the debunk (the rule the corrections
apply on the site, archive.corrections.apply.reports_debunk): worth
reading, not a carrier of the claim.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .corpus import FIELDS, CorpusArticle
from .corrections.apply import CLAIM, DEBUNK, passage_number, reports_debunk, wording_queries
from .corrections.parse import Correction
from .reuse.model import STRENGTHS, Link, Paragraph

STATEMENT = "statement:"
#: How much of a statement's first version a candidate shows, in words.
_LABEL_WORDS = 14


@dataclass
class Candidate:
    """One corpus article that matched, with what it matched."""

    article: CorpusArticle
    statements: dict[str, list[dict]] = field(default_factory=dict)   # group id -> its matches
    claim: dict[str, list[dict]] = field(default_factory=dict)        # correction slug -> matches of its claim
    debunk: dict[str, list[dict]] = field(default_factory=dict)       # ... of its debunk

    def strongest(self) -> str:
        return min((match["strength"] for match in self._matches()), key=STRENGTHS.index)

    def best_score(self) -> float:
        return max(match["score"] for match in self._matches())

    def reports_debunk(self) -> bool:
        claimed = {m["paragraph"] for matches in self.claim.values() for m in matches}
        debunked = {m["paragraph"] for matches in self.debunk.values() for m in matches}
        return bool(debunked) and reports_debunk(claimed, debunked)

    def weight(self) -> int:
        """How much of the claim it carries: its claim passages and statements matched."""
        passages = {(slug, m["passage"]) for slug, matches in self.claim.items() for m in matches}
        return len(passages) + len(self.statements)

    def _matches(self) -> Iterable[dict]:
        for by in (self.statements, self.claim, self.debunk):
            for matches in by.values():
                yield from matches


def statement_queries(reuse_data: dict) -> tuple[list[Paragraph], dict[str, dict]]:
    """Every version of every statement group of the archive's reuse data, as queries; and each group's view."""
    texts = {(article["slug"], paragraph["id"]): paragraph["text"]
             for article in reuse_data["articles"] for paragraph in article["paragraphs"]}
    queries, groups = [], {}
    for group in reuse_data["groups"]:
        name = STATEMENT + group["id"]
        first = (group["first"]["article"], group["first"]["paragraph"])
        words = texts[first].split()
        groups[group["id"]] = {"id": group["id"], "url": group["url"],
                               "label": " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")}
        for member in group["members"]:
            key = (member["article"], member["paragraph"])
            queries.append(Paragraph(name, name, f"{key[0]}#{key[1]}", texts[key]))
    return queries, groups


def candidates(links: Sequence[Link], corpus: dict[str, CorpusArticle], texts: dict[tuple[str, str], str],
               corrections: Sequence[Correction]) -> list[Candidate]:
    """The corpus articles the queries' links reach, ranked (see the module docstring)."""
    passages = {q.key: q.text for correction in corrections for q in wording_queries(correction)}
    found: dict[str, Candidate] = {}
    for link in links:
        here, query = (link.a, link.b) if link.a[0] in corpus else (link.b, link.a)
        candidate = found.setdefault(here[0], Candidate(corpus[here[0]]))
        match = {"paragraph": here[1], "text": texts[here], "strength": link.strength, "score": link.score,
                 "shared": list(link.shared)}
        if query[0].startswith(STATEMENT):
            slug, pid = query[1].split("#", 1)
            match |= {"archive_article": slug, "archive_paragraph": pid, "archive_text": texts[query]}
            candidate.statements.setdefault(query[0].removeprefix(STATEMENT), []).append(match)
        else:
            prefix, by_correction = ((CLAIM, candidate.claim) if query[0].startswith(CLAIM)
                                     else (DEBUNK, candidate.debunk))
            match |= {"passage": passage_number(query[1]), "passage_text": passages[query]}
            by_correction.setdefault(query[0].removeprefix(prefix), []).append(match)
    ranked = sorted(found.values(), key=lambda c: (c.reports_debunk(), -c.weight(), STRENGTHS.index(c.strongest()),
                                                   -c.best_score(), c.article.line))
    for matches in (m for c in ranked for by in (c.statements, c.claim, c.debunk) for m in by.values()):
        matches.sort(key=lambda m: (m["paragraph"], -m["score"]))
    return ranked


def as_data(ranked: Sequence[Candidate], groups: dict[str, dict], corpus_path: str,
            record_name: Callable[[int, Candidate], str]) -> dict:
    """The ranked candidates as the JSON the discover task writes (and its page shows)."""
    return {
        "corpus": corpus_path,
        "candidates": [{
            "rank": rank,
            **{name: getattr(c.article, name) for name in (*FIELDS, "line")},
            "verdict": "reports the debunk" if c.reports_debunk() else "carries the claim" if c.claim
                       else "repeats the archive's statements",
            "strongest": c.strongest(),
            "best_score": c.best_score(),
            "claim": [{"correction": slug, "matches": matches} for slug, matches in sorted(c.claim.items())],
            "debunk": [{"correction": slug, "matches": matches} for slug, matches in sorted(c.debunk.items())],
            "statements": [{**groups[gid], "matches": matches} for gid, matches in sorted(c.statements.items())],
            "import": record_name(rank, c),
        } for rank, c in enumerate(ranked, start=1)],
    }
