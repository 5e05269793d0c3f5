"""The records: immutable all the way down and hashable; PartialDate and Span as documented."""

from __future__ import annotations

import copy
import enum
import typing

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError

import bluebook_data as bb
from bluebook_data._tables.fields import data_fields
from tests.helpers import reachable

_LEAVES = (str, int, type(None), enum.Enum)


def test_no_mutable_value_anywhere(book: bb.Bluebook) -> None:
    """Every value reachable from the edition is a record, a tuple, a frozenset or a scalar."""
    found = list(reachable(book))
    mutable = {
        type(value).__name__
        for value in found
        if not (attrs.has(type(value)) or isinstance(value, (tuple, frozenset, *_LEAVES)))
    }
    assert len(found) > 1000
    assert not mutable


def test_every_record_is_frozen_slotted_and_hashable(book: bb.Bluebook) -> None:
    """Assigning to any field of any record raises, records take no new attributes, all hash."""
    instances = [value for value in reachable(book) if attrs.has(type(value))]
    for instance in instances:
        record_type = type(instance)
        assert attrs.has(record_type)
        for field in data_fields(record_type):
            with pytest.raises(FrozenInstanceError):
                setattr(instance, field.name, getattr(instance, field.name))
        with pytest.raises(FrozenInstanceError):
            instance.extra = None  # type: ignore[attr-defined]
        assert not hasattr(instance, "__dict__")
        assert hash(instance) == hash(copy.copy(instance))
    assert {type(instance) for instance in instances} >= {
        bb.Bluebook, bb.Chapter, bb.Section, bb.Paragraph, bb.Sentence, bb.Span, bb.PartialDate,
        bb.Records, bb.Country, bb.Person, bb.Topic, bb.Engagement, bb.Statement, bb.Reference,
    }  # fmt: skip


def test_query_results_are_tuples(book: bb.Bluebook) -> None:
    """What the query helpers return cannot be changed by the caller."""
    results = [
        book.sentences(), book.engagements(), book.statements(), book.countries(),
        book.people(), book.topics(), book.search("Japan"),
    ]  # fmt: skip
    for result in results:
        assert isinstance(result, tuple)
        assert result
        with pytest.raises(AttributeError):
            result.note = "attached"  # type: ignore[attr-defined]
        # Only a search result has instance state: the phrase it found, set once, read-only.
        assert getattr(result, "__dict__", {}) in ({}, {"query": "Japan"})


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2015", bb.PartialDate(2015), "year"),
        ("2015-10", bb.PartialDate(2015, 10), "month"),
        ("2015-10-22", bb.PartialDate(2015, 10, 22), "day"),
        ("2016-02-29", bb.PartialDate(2016, 2, 29), "day"),
        ("2000-02-29", bb.PartialDate(2000, 2, 29), "day"),
    ],
)
def test_partial_date_parses_and_formats(
    text: str, expected: bb.PartialDate, precision: str
) -> None:
    """parse() reads each precision, isoformat() and str() give the same text back."""
    date = bb.PartialDate.parse(text)
    assert date == expected
    assert date.precision == precision
    assert date.isoformat() == str(date) == text


@pytest.mark.parametrize(
    "text",
    ["15", "2015-1", "2015-10-2", "2015/10/22", "2015-10-22T10:00", " 2015", "2015-00", "2015-13",
     "2015-10-00", "2015-10-32", "2015-02-29", "1900-02-29", "2015-04-31", "２０１５"],
)  # fmt: skip
def test_partial_date_rejects(text: str) -> None:
    """parse() refuses anything but a real YYYY, YYYY-MM or YYYY-MM-DD."""
    with pytest.raises(ValueError, match=r"expected|month|day"):
        bb.PartialDate.parse(text)


def test_partial_date_needs_a_month_for_a_day() -> None:
    """A day without a month is refused."""
    with pytest.raises(ValueError, match="a day needs a month"):
        bb.PartialDate(2015, None, 3)


def test_partial_date_orders_coarse_before_fine() -> None:
    """Dates order chronologically, a coarser date before the finer ones it contains."""
    ordered = ["2014-12-31", "2015", "2015-09", "2015-09-30", "2015-10", "2015-10-01", "2016"]
    dates = [bb.PartialDate.parse(text) for text in ordered]
    assert sorted(dates[3:] + dates[:3]) == dates


def test_span_checks_its_offsets() -> None:
    """A span needs 0 <= start < end and exactly end - start characters of text."""
    assert bb.Span(2, 5, "abc").text == "abc"
    for start, end, text in [(-1, 2, "abc"), (3, 3, ""), (4, 2, "ab"), (0, 3, "ab"), (0, 1, "ab")]:
        with pytest.raises(ValueError, match="span"):
            bb.Span(start, end, text)


def test_span_containment_and_overlap() -> None:
    """``in`` tests containment; overlaps() tests sharing at least one character."""
    outer, inner, touching, crossing = (
        bb.Span(10, 20, "x" * 10),
        bb.Span(12, 15, "xxx"),
        bb.Span(20, 22, "xx"),
        bb.Span(18, 25, "x" * 7),
    )
    assert inner in outer
    assert outer in outer
    assert outer not in inner
    assert crossing not in outer
    assert "x" not in outer
    assert outer.overlaps(inner)
    assert outer.overlaps(crossing)
    assert crossing.overlaps(touching)
    assert not outer.overlaps(touching)
    assert not touching.overlaps(outer)


def test_sentence_and_paragraph_text_is_their_span(book: bb.Bluebook) -> None:
    """Sentence.text and Paragraph.text are the text of their spans."""
    for paragraph in book.chapter().sections[0].paragraphs:
        assert paragraph.text == paragraph.span.text
        assert all(sentence.text == sentence.span.text for sentence in paragraph.sentences)


@pytest.mark.parametrize("record_type", [getattr(bb, name) for name in bb.model.__all__])
def test_annotations_resolve_at_run_time(record_type: type) -> None:
    """typing.get_type_hints() reads every model class, as cattrs and other tools do."""
    assert typing.get_type_hints(record_type) is not None
