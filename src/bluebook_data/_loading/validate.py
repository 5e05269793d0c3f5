"""Checks across records that no type can express: quotes, unique ids, references that resolve.

Each check yields problems as ``"<what is wrong> @ <field path>"``, the form cattrs uses for type
errors, so that every failure of a data file reads alike. The checks run at every load, and almost
always find nothing: each asks first in one C-level step whether anything is wrong, and spells out
a field path only for a problem it reports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Final

from bluebook_data.model import EngagementKind, Records

__all__ = ["CITING", "problems"]

_ROOT: Final = "$.records"
#: The kinds of record that cite the text, as named in Records and in the annotations file.
CITING: Final = ("countries", "people", "topics", "engagements", "statements")


def _at(kind: str, position: int, field: str) -> str:
    return f"{_ROOT}.{kind}[{position}].{field}"


def _quotes(records: Records, text: str) -> Iterator[str]:
    # One pass over every span of every record.
    for kind in CITING:
        for i, record in enumerate(getattr(records, kind)):
            for j, span in enumerate(record.evidence):
                # A Span holds end - start characters: text[start:end] == span.text, uncopied.
                if text.startswith(span.text, span.start):
                    continue
                quoted = text[span.start : span.end]
                where = f"{span.start}..{span.end}"
                path = f"{_at(kind, i, 'evidence')}[{j}]"
                if span.end > len(text):
                    yield f"span {where} runs past the text's end @ {path}"
                else:
                    reads = f"quotes {span.text!r} but the text there reads {quoted!r}"
                    yield f"span {where} {reads} @ {path}"


def _folded(id_: str) -> str:
    """Fold case and Unicode compatibility forms, as NFKC_Casefold does: how ids collide."""
    if id_.isascii():
        return id_.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", id_).casefold())


def _duplicates(ids: list[str], kind: str, field: str) -> Iterator[str]:
    folded = [_folded(id_) for id_ in ids]
    if len(set(folded)) == len(folded):
        return
    first: dict[str, int] = {}
    for position, (id_, key) in enumerate(zip(ids, folded, strict=True)):
        earlier = first.setdefault(key, position)
        if earlier == position:
            continue
        if ids[earlier] == id_:
            yield f"duplicate {field} {id_!r} @ {_at(kind, position, field)}"
        else:
            # Lookups fold case, so one of the two could never be found.
            yield (
                f"{field} {id_!r} differs from {ids[earlier]!r} at "
                f"{_at(kind, earlier, field)} only in case or Unicode form; "
                f"give them different {field}s @ {_at(kind, position, field)}"
            )


def _unknown(
    values: tuple[str, ...], known: set[str], what: str, kind: str, i: int, field: str
) -> list[str]:
    if known.issuperset(values):
        return []
    path = _at(kind, i, field)
    return [
        f"unknown {what} {value!r} @ {path}[{position}]"
        for position, value in enumerate(values)
        if value not in known
    ]


def _in_cycles(parents: dict[str, str | None]) -> set[str]:
    """Return the topics that are their own ancestors, walking each parent link once.

    The index gathers a topic's descendants by walking down; a cycle would never end.
    """
    finished: set[str] = set()
    cyclic: set[str] = set()
    for start in parents:
        path: dict[str, None] = {}  # the walk from ``start`` so far, in order
        topic: str | None = start
        while topic is not None and topic in parents and topic not in finished:
            if topic in path:  # the walk came back to itself: from there on is a cycle
                walked = list(path)
                cyclic.update(walked[walked.index(topic) :])
                break
            path[topic] = None
            topic = parents[topic]
        finished.update(path)
    return cyclic


def _ids(records: Records) -> Iterator[str]:
    yield from _duplicates([c.code for c in records.countries], "countries", "code")
    yield from _duplicates([c.alpha3 for c in records.countries], "countries", "alpha3")
    yield from _duplicates([p.id for p in records.people], "people", "id")
    yield from _duplicates([t.id for t in records.topics], "topics", "id")
    yield from _duplicates([e.id for e in records.engagements], "engagements", "id")
    yield from _duplicates([s.id for s in records.statements], "statements", "id")


def _topics(records: Records) -> Iterator[str]:
    parents = {topic.id: topic.parent for topic in records.topics}
    cyclic = _in_cycles(parents)
    for i, topic in enumerate(records.topics):
        if topic.parent is None:
            continue
        if topic.parent not in parents:
            yield f"unknown topic {topic.parent!r} @ {_at('topics', i, 'parent')}"
        elif topic.id in cyclic:
            yield f"topic {topic.id!r} is its own ancestor @ {_at('topics', i, 'parent')}"


def _references(records: Records) -> Iterator[str]:
    codes = {country.code for country in records.countries}
    person_ids = {person.id for person in records.people}
    topic_ids = {topic.id for topic in records.topics}
    engagements_by_id = {engagement.id: engagement for engagement in records.engagements}
    engagement_ids = set(engagements_by_id)

    for i, person in enumerate(records.people):
        if person.country not in codes:
            yield f"unknown country {person.country!r} @ {_at('people', i, 'country')}"
    for i, engagement in enumerate(records.engagements):
        yield from _unknown(engagement.countries, codes, "country", "engagements", i, "countries")
        hosts = set(engagement.countries)
        yield from _unknown(engagement.hosts, hosts, "host country", "engagements", i, "hosts")
        people = engagement.participants
        yield from _unknown(people, person_ids, "person", "engagements", i, "participants")
        yield from _unknown(engagement.topics, topic_ids, "topic", "engagements", i, "topics")
        if engagement.part_of is not None:
            parent = engagements_by_id.get(engagement.part_of)
            where = _at("engagements", i, "part_of")
            if parent is None:
                yield f"unknown engagement {engagement.part_of!r} @ {where}"
            elif parent.kind is not EngagementKind.VISIT or parent.id == engagement.id:
                yield f"part_of must name another engagement that is a visit @ {where}"
    for i, statement in enumerate(records.statements):
        yield from _unknown(statement.countries, codes, "country", "statements", i, "countries")
        yield from _unknown(statement.topics, topic_ids, "topic", "statements", i, "topics")
        meetings = statement.engagements
        yield from _unknown(meetings, engagement_ids, "engagement", "statements", i, "engagements")


def _engagements(records: Records) -> Iterator[str]:
    for i, engagement in enumerate(records.engagements):
        if not engagement.evidence:
            where = _at("engagements", i, "evidence")
            yield f"an engagement needs evidence from the text @ {where}"
        if engagement.end_date is not None and (
            engagement.date is None or engagement.end_date < engagement.date
        ):
            yield f"end_date must follow date @ {_at('engagements', i, 'end_date')}"
    for i, statement in enumerate(records.statements):
        if not statement.evidence:
            yield f"a statement needs evidence from the text @ {_at('statements', i, 'evidence')}"


def problems(records: Records, text: str) -> list[str]:
    """List every way ``records`` fails to fit ``text`` and each other; empty when all is well."""
    return [
        *_ids(records),
        *_quotes(records, text),
        *_topics(records),
        *_references(records),
        *_engagements(records),
    ]
