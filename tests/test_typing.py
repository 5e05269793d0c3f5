"""Static types of the public helpers, checked by ``mypy --strict src tests``.

``typing.assert_type`` does nothing at run time; each value is also checked with isinstance so
that the test means the same thing to pytest as to mypy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, assert_type

import cattrs

import bluebook_data as bb


def test_helpers_return_the_documented_types() -> None:
    """Each module helper is typed as returning what it returns."""
    book = assert_type(bb.load(), bb.Bluebook)
    text = assert_type(bb.text(), str)
    chapter = assert_type(bb.chapter(), bb.Chapter)
    engagements = assert_type(bb.engagements(country="RU"), tuple[bb.Engagement, ...])
    engagement = assert_type(bb.engagement(engagements[0].id), bb.Engagement)
    statements = assert_type(bb.statements(kind="policy"), tuple[bb.Statement, ...])
    countries = assert_type(bb.countries(region=bb.Region.CAUCASUS), tuple[bb.Country, ...])
    country = assert_type(bb.country("RU"), bb.Country)
    people = assert_type(bb.people(), tuple[bb.Person, ...])
    person = assert_type(bb.person("Putin"), bb.Person)
    topics = assert_type(bb.topics(), tuple[bb.Topic, ...])
    topic = assert_type(bb.topic("oil"), bb.Topic)
    found = assert_type(bb.search("treaty"), tuple[bb.Sentence, ...])
    assert isinstance(book, bb.Bluebook)
    assert isinstance(text, str)
    assert isinstance(chapter, bb.Chapter)
    assert isinstance(engagement, bb.Engagement)
    assert isinstance(country, bb.Country)
    assert isinstance(person, bb.Person)
    assert isinstance(topic, bb.Topic)
    for result, item_type in [
        (engagements, bb.Engagement), (statements, bb.Statement), (countries, bb.Country),
        (people, bb.Person), (topics, bb.Topic), (found, bb.Sentence),
    ]:  # fmt: skip
        assert isinstance(result, tuple)
        assert all(isinstance(item, item_type) for item in result)


def test_filters_take_records_and_enum_members() -> None:
    """The filters are typed to take a record or an enum member as well as a string."""
    russia = bb.country("Russia")
    putin = bb.person("Putin")
    held = assert_type(
        bb.engagements(country=russia, person=putin, kind=bb.EngagementKind.SUMMIT_MEETING,
                       status=bb.Status.HELD, topic=bb.topic("peace-treaty"), year=2015),
        tuple[bb.Engagement, ...],
    )  # fmt: skip
    assert held == bb.engagements(
        country="RU", person="vladimir-putin", kind="summit_meeting", status="held",
        topic="peace-treaty", year=2015,
    )  # fmt: skip
    assert held


def test_records_and_attributes_are_typed() -> None:
    """Record fields, dates and the lazily served module attributes carry their types."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    date = assert_type(engagement.date, bb.PartialDate | None)
    kind = assert_type(engagement.kind, bb.EngagementKind)
    evidence = assert_type(engagement.evidence, tuple[bb.Span, ...])
    assert date is not None
    precision = assert_type(date.precision, Literal["year", "month", "day"])
    converter = assert_type(bb.converter, cattrs.Converter)
    version = assert_type(bb.__version__, str)
    assert kind is bb.EngagementKind.SUMMIT_MEETING
    assert all(isinstance(span, bb.Span) for span in evidence)
    assert precision == "day"
    assert isinstance(converter, cattrs.Converter)
    assert isinstance(version, str)


def test_schema_and_annotation_helpers_are_typed(tmp_path: Path) -> None:
    """``json_schema`` takes a class or a table name; the annotation helpers return their types."""
    by_class = assert_type(bb.json_schema(bb.Engagement), dict[str, Any])
    by_table = assert_type(bb.json_schema("engagements"), dict[str, Any])
    annotations = assert_type(bb.web_annotations(), list[dict[str, Any]])
    path = assert_type(bb.write_web_annotations(tmp_path), Path)
    assert by_class["title"] == "Engagement"
    assert by_table["title"] == "A row of engagements"
    assert all(isinstance(annotation, dict) for annotation in annotations)
    assert path.is_file()


def test_the_database_and_layout_helpers_are_typed(tmp_path: Path) -> None:
    """``write_sqlite`` returns the database's path; ``layout=`` takes the layout names."""
    database = assert_type(bb.write_sqlite(tmp_path / "bluebook.db"), Path)
    layout = assert_type(bb.json_schema("events", layout="polecat"), dict[str, Any])
    assert database.is_file()
    assert layout["title"] == "A row of events_polecat"
