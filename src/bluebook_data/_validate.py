"""Checks across records that no type can express: quotes, unique ids, references that resolve.

Each check yields problems as ``"<what is wrong> @ <field path>"``, the form cattrs uses for type
errors, so that every failure of a data file reads alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bluebook_data.model import EngagementKind, Records, Span

__all__ = ["problems"]

_ROOT = "$.records"


def _spans(text: str, spans: Iterable[Span], path: str) -> Iterator[str]:
    for position, span in enumerate(spans):
        quoted = text[span.start : span.end]
        if span.end > len(text):
            yield f"span {span.start}..{span.end} runs past the text's end @ {path}[{position}]"
        elif quoted != span.text:
            yield (
                f"span {span.start}..{span.end} quotes {span.text!r} but the text there reads "
                f"{quoted!r} @ {path}[{position}]"
            )


def _unique(ids: Iterable[str], path: str, field: str) -> Iterator[str]:
    seen: set[str] = set()
    for position, id_ in enumerate(ids):
        if id_ in seen:
            yield f"duplicate {field} {id_!r} @ {path}[{position}].{field}"
        seen.add(id_)


def _known(values: Iterable[str], known: frozenset[str], what: str, path: str) -> Iterator[str]:
    for position, value in enumerate(values):
        if value not in known:
            yield f"unknown {what} {value!r} @ {path}[{position}]"


def _in_cycle(topic_id: str, parents: dict[str, str | None]) -> bool:
    # The index gathers a topic's descendants recursively; a cycle would never end.
    seen = {topic_id}
    parent = parents.get(topic_id)
    while parent is not None:
        if parent in seen:
            return parent == topic_id
        seen.add(parent)
        parent = parents.get(parent)
    return False


def problems(records: Records, text: str) -> list[str]:
    """List every way ``records`` fails to fit ``text`` and each other; empty when all is well."""
    found: list[str] = []
    codes = frozenset(country.code for country in records.countries)
    person_ids = frozenset(person.id for person in records.people)
    topic_ids = frozenset(topic.id for topic in records.topics)
    engagements_by_id = {engagement.id: engagement for engagement in records.engagements}

    found += _unique((c.code for c in records.countries), f"{_ROOT}.countries", "code")
    found += _unique((c.alpha3 for c in records.countries), f"{_ROOT}.countries", "alpha3")
    found += _unique((p.id for p in records.people), f"{_ROOT}.people", "id")
    found += _unique((t.id for t in records.topics), f"{_ROOT}.topics", "id")
    found += _unique((e.id for e in records.engagements), f"{_ROOT}.engagements", "id")
    found += _unique((s.id for s in records.statements), f"{_ROOT}.statements", "id")

    for i, country in enumerate(records.countries):
        found += _spans(text, country.evidence, f"{_ROOT}.countries[{i}].evidence")
    for i, person in enumerate(records.people):
        path = f"{_ROOT}.people[{i}]"
        found += _spans(text, person.evidence, f"{path}.evidence")
        if person.country not in codes:
            found.append(f"unknown country {person.country!r} @ {path}.country")
    parents = {topic.id: topic.parent for topic in records.topics}
    for i, topic in enumerate(records.topics):
        path = f"{_ROOT}.topics[{i}]"
        found += _spans(text, topic.evidence, f"{path}.evidence")
        if topic.parent is not None and topic.parent not in topic_ids:
            found.append(f"unknown topic {topic.parent!r} @ {path}.parent")
        elif _in_cycle(topic.id, parents):
            found.append(f"topic {topic.id!r} is its own ancestor @ {path}.parent")
    for i, engagement in enumerate(records.engagements):
        path = f"{_ROOT}.engagements[{i}]"
        if not engagement.evidence:
            found.append(f"an engagement needs evidence from the text @ {path}.evidence")
        found += _spans(text, engagement.evidence, f"{path}.evidence")
        found += _known(engagement.countries, codes, "country", f"{path}.countries")
        found += _known(
            engagement.hosts, frozenset(engagement.countries), "host country", f"{path}.hosts"
        )
        found += _known(engagement.participants, person_ids, "person", f"{path}.participants")
        found += _known(engagement.topics, topic_ids, "topic", f"{path}.topics")
        if engagement.end_date is not None and (
            engagement.date is None or engagement.end_date < engagement.date
        ):
            found.append(f"end_date must follow date @ {path}.end_date")
        if engagement.part_of is not None:
            parent = engagements_by_id.get(engagement.part_of)
            if parent is None:
                found.append(f"unknown engagement {engagement.part_of!r} @ {path}.part_of")
            elif parent.kind is not EngagementKind.VISIT or parent.id == engagement.id:
                found.append(
                    f"part_of must name another engagement that is a visit @ {path}.part_of"
                )
    for i, statement in enumerate(records.statements):
        path = f"{_ROOT}.statements[{i}]"
        if not statement.evidence:
            found.append(f"a statement needs evidence from the text @ {path}.evidence")
        found += _spans(text, statement.evidence, f"{path}.evidence")
        found += _known(statement.countries, codes, "country", f"{path}.countries")
        found += _known(statement.topics, topic_ids, "topic", f"{path}.topics")
        found += _known(
            statement.engagements, frozenset(engagements_by_id), "engagement", f"{path}.engagements"
        )
    return found
