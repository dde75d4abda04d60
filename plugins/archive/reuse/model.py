"""The plain records that go into and come out of reuse detection."""

from __future__ import annotations

from dataclasses import dataclass

#: A paragraph's address in the archive: (article slug, paragraph anchor id).
Key = tuple[str, str]

#: Link strengths, strongest first.
STRENGTHS = ("verbatim", "edited", "reworded", "translated")


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph of an archived article.

    `source` is the outlet: paragraphs of the same source are never linked
    unless ``ReuseSettings.link_same_source`` is set (an outlet repeating
    itself is not evidence of copying from someone else).  `lang` is an ISO
    639-1 code; it chooses the stopword list and the stemmer.
    """

    article: str
    source: str
    id: str
    text: str
    lang: str = "en"
    #: Place of the paragraph in its article (0, 1, 2...), when known: the
    #: order of statements is evidence too (see archive.reuse.sequence).
    position: int | None = None
    #: When its article was published, as an ISO 8601 date ("" when unknown):
    #: a statement group is named after its first published sentence.
    published: str = ""

    @property
    def key(self) -> Key:
        return (self.article, self.id)


@dataclass(frozen=True)
class Link:
    """Two paragraphs of different articles that carry the same statement.

    `a` sorts before `b`.  `strength` says how the text was reused:
    "verbatim" (word for word after normalisation), "edited" (same sentences
    with light changes), "reworded" (same statement, other words) or
    "translated" (same statement, another language).  `score` in [0, 1] is
    how much of the shorter paragraph's specific content the other one
    carries; for a translation the encoder found, the cosine of their
    embeddings.  `shared` lists the normalised words both paragraphs use
    (aliases shown under their canonical name), rarest first.
    """

    a: Key
    b: Key
    strength: str
    score: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Paragraphs that carry one statement.

    A paragraph holding two statements can be in two groups.  `first` is
    the paragraph every other member is linked to (the first published);
    `aliases` are ids this group may have had before articles published
    earlier joined it.  See :mod:`archive.reuse.cluster`.
    """

    id: str
    members: tuple[Key, ...]
    first: Key | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReuseResult:
    links: list[Link]
    groups: list[Group]

    def groups_of(self, key: Key) -> list[Group]:
        """Every group the paragraph `key` belongs to."""
        return [group for group in self.groups if key in group.members]
