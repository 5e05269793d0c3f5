"""Cross-record checks, called directly on records changed with attrs.evolve."""

from __future__ import annotations

import attrs

import bluebook_data as bb
from bluebook_data._loading.validate import problems


def _with_topics(book: bb.Bluebook, parents: dict[str, str | None]) -> bb.Records:
    """Return the shipped records with new topics, each given as id -> parent id."""
    topics = tuple(bb.Topic(id=id_, label=id_, parent=parent) for id_, parent in parents.items())
    return attrs.evolve(book.records, topics=(*book.records.topics, *topics))


def test_shipped_records_fit_the_text(book: bb.Bluebook) -> None:
    """The shipped records have no problem at all."""
    assert problems(book.records, book.text()) == []


def test_a_parent_cycle_is_blamed_on_its_members_only(book: bb.Bluebook) -> None:
    """In a -> b -> a with c -> a, the cycle is reported at a and b, not at c which leads to it."""
    records = _with_topics(book, {"cycle-a": "cycle-b", "cycle-b": "cycle-a", "cycle-c": "cycle-a"})
    found = problems(records, book.text())
    first = len(book.records.topics)
    assert found == [
        f"topic 'cycle-a' is its own ancestor @ $.records.topics[{first}].parent",
        f"topic 'cycle-b' is its own ancestor @ $.records.topics[{first + 1}].parent",
    ]


def test_a_topic_that_is_its_own_parent(book: bb.Bluebook) -> None:
    """A topic naming itself as parent is a cycle of one."""
    found = problems(_with_topics(book, {"selfish": "selfish"}), book.text())
    assert found == [
        f"topic 'selfish' is its own ancestor @ $.records.topics[{len(book.records.topics)}].parent"
    ]


def test_a_long_chain_is_not_a_cycle(book: bb.Bluebook) -> None:
    """Deep but finite nesting is fine."""
    chain = {f"level-{n}": (f"level-{n - 1}" if n else None) for n in range(50)}
    assert problems(_with_topics(book, chain), book.text()) == []


def test_part_of_must_not_name_itself(book: bb.Bluebook) -> None:
    """A visit cannot be part of itself."""
    engagements = book.records.engagements
    i, visit = next((i, e) for i, e in enumerate(engagements) if e.kind is bb.EngagementKind.VISIT)
    changed = (*engagements[:i], attrs.evolve(visit, part_of=visit.id), *engagements[i + 1 :])
    records = attrs.evolve(book.records, engagements=changed)
    assert problems(records, book.text()) == [
        f"part_of must name another engagement that is a visit @ $.records.engagements[{i}].part_of"
    ]
