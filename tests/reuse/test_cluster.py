"""Statement groups on plain data: stars around the first published sentence, stable ids."""

from __future__ import annotations

from archive.reuse.cluster import group_id, statement_groups

A, B, C, D, E = ((("a", "p1"), 0), (("b", "p1"), 0), (("c", "p1"), 0), (("d", "p1"), 0), (("e", "p1"), 0))
PUBLISHED = {("a", "p1"): "2017-11-14", ("b", "p1"): "2017-11-15", ("c", "p1"): "2017-11-16",
             ("d", "p1"): "2017-11-20", ("e", "p1"): "2017-11-10"}


def test_a_member_is_linked_to_the_first_sentence_never_through_a_neighbour():
    # a-b and b-c are linked, a-c are not: c says something of b's that a does not.
    [group] = statement_groups([(A, B), (B, C)], PUBLISHED)
    assert group.members == (("a", "p1"), ("b", "p1"))
    assert group.first == ("a", "p1") and group.id == group_id(A)


def test_an_article_published_later_joins_without_moving_the_group():
    before = statement_groups([(A, B), (A, C)], PUBLISHED)
    after = statement_groups([(A, B), (A, C), (D, A)], PUBLISHED)
    assert [g.id for g in before] == [g.id for g in after] == [group_id(A)]
    assert ("d", "p1") in after[0].members


def test_an_article_published_earlier_takes_the_group_and_keeps_the_old_address_as_an_alias():
    before = statement_groups([(A, B), (A, C)], PUBLISHED)
    after = statement_groups([(A, B), (A, C), (E, A), (E, B), (E, C)], PUBLISHED)
    assert after[0].id == group_id(E)
    assert before[0].id in after[0].aliases


def test_undated_sentences_come_last_and_input_order_does_not_matter():
    undated = {key: date for key, date in PUBLISHED.items() if key != ("a", "p1")}
    forward = statement_groups([(A, B), (B, C)], undated)
    backward = statement_groups([(C, B), (B, A)], undated)
    assert forward == backward
    assert forward[0].first == ("b", "p1")
    assert forward[0].members == (("a", "p1"), ("b", "p1"), ("c", "p1"))


def test_two_sentences_of_one_paragraph_can_start_two_groups():
    first, second = (("a", "p1"), 0), (("a", "p1"), 1)
    groups = statement_groups([(first, B), (second, C)], PUBLISHED)
    assert len(groups) == 2 and all(("a", "p1") in g.members for g in groups)
