"""Group paragraphs that carry the same statement.

Groups are built from sentences, not paragraphs: every link aligns sentences
of its two paragraphs, so a paragraph whose two sentences carry two
statements lands in two groups instead of gluing the statements together.

Every member of a group is linked directly to the group's first sentence:
groups are stars, never chains.  (Connected components chain: A repeats B,
B repeats C in another of its clauses, and A and C end up in one group
though they share nothing.)  Sentences are taken in order of publication
(undated ones last, then by article and paragraph); the first one not yet
in a group starts a group with every sentence linked to it that is not in a
group yet.  A sentence only linked to members of other groups stays out of
groups; its paragraph keeps its links.

Group ids are "s-" plus a short hash of the first sentence.  Adding an
article published later never changes an existing group's first sentence,
so never its id; it joins a group by linking to its first sentence, or
starts its own.  An id changes only when an article published earlier joins
(its sentence becomes the first), which can also merge groups; the old
first sentence is then a member of the new group, so every member's own id
is kept as an alias of the group (`Group.aliases`), for the site to redirect.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable, Mapping

from .model import Group, Key

#: A sentence: (paragraph key, sentence number within the paragraph).
SentenceRef = tuple[Key, int]

#: Sorts after every ISO date: undated paragraphs come last.
_UNDATED = "\uffff"


def statement_groups(alignments: Iterable[tuple[SentenceRef, SentenceRef]],
                     published: Mapping[Key, str] | None = None) -> list[Group]:
    """Star groups of paragraphs from pairs of aligned sentences.

    `published` gives each paragraph's publication date as a sortable string
    (ISO 8601); a paragraph missing from it, or with "", counts as undated.
    """
    published = published or {}
    linked: dict[SentenceRef, set[SentenceRef]] = defaultdict(set)
    for first, second in alignments:
        if first[0][0] != second[0][0]:
            linked[first].add(second)
            linked[second].add(first)

    def order(node: SentenceRef) -> tuple:
        return (published.get(node[0]) or _UNDATED, node)

    grouped: set[SentenceRef] = set()
    groups = []
    for centre in sorted(linked, key=order):
        if centre in grouped:
            continue
        around = sorted((node for node in linked[centre] if node not in grouped), key=order)
        if not around:
            continue
        grouped.add(centre)
        grouped.update(around)
        members = tuple(sorted({key for key, _ in (centre, *around)}))
        aliases = tuple(sorted({group_id(node) for node in around}))
        groups.append(Group(id=group_id(centre), members=members, first=centre[0], aliases=aliases))
    return sorted(groups, key=lambda group: (group.members, group.id))


def group_id(first: SentenceRef) -> str:
    (article, paragraph), number = first
    digest = hashlib.blake2b(f"{article}\x1f{paragraph}\x1f{number}".encode(), digest_size=5)
    return "s-" + digest.hexdigest()
