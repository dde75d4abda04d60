"""Group paragraphs that carry the same statement.

Groups are built from sentences, not paragraphs: every link aligns sentences
of its two paragraphs, and aligned sentences are joined (connected
components).  A paragraph whose two sentences carry two statements that
another outlet split into two paragraphs therefore lands in two groups,
instead of gluing the two statements into one.  (A single sentence that
itself carries both statements does join them.)

Group ids are "s-" plus a short hash of the group's first sentence: the
smallest (article slug, paragraph id, sentence number) among its members.
Adding an article that links to nothing leaves every id unchanged; an
article that joins a group changes the group's id only if it sorts before
all current members.  The hash keeps ids short and safe in URLs.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from .model import Group, Key

#: A sentence: (paragraph key, sentence number within the paragraph).
SentenceRef = tuple[Key, int]


def statement_groups(alignments: Iterable[tuple[SentenceRef, SentenceRef]]) -> list[Group]:
    """Groups of paragraphs from pairs of aligned sentences."""
    parent: dict[SentenceRef, SentenceRef] = {}

    def root(node: SentenceRef) -> SentenceRef:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in alignments:
        top_first, top_second = root(first), root(second)
        if top_first != top_second:
            # The smaller root wins, so the structure does not depend on order.
            low, high = sorted((top_first, top_second))
            parent[high] = low

    components: dict[SentenceRef, list[SentenceRef]] = {}
    for node in parent:
        components.setdefault(root(node), []).append(node)

    groups = []
    for nodes in components.values():
        members = tuple(sorted({key for key, _ in nodes}))
        if len({article for article, _ in members}) < 2:
            continue
        groups.append(Group(id=group_id(min(nodes)), members=members))
    return sorted(groups, key=lambda group: (group.members, group.id))


def group_id(first: SentenceRef) -> str:
    (article, paragraph), number = first
    digest = hashlib.blake2b(f"{article}\x1f{paragraph}\x1f{number}".encode(), digest_size=5)
    return "s-" + digest.hexdigest()

