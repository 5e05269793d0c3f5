"""A record's repr fits a few lines of at most 120 characters and names its key fields."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import bluebook_data as bb


def _every_record() -> Iterator[object]:
    book = bb.load()
    yield from book.records.engagements
    yield from book.records.statements
    yield from book.records.countries
    yield from book.records.people
    yield from book.records.topics
    yield from book.sentences()
    chapter = book.chapter()
    yield chapter
    yield from chapter.sections
    yield from chapter.sections[0].paragraphs
    yield book.records
    yield book
    for engagement in book.records.engagements:
        yield from engagement.evidence
        yield from engagement.references


@pytest.mark.parametrize("record", list(_every_record()), ids=lambda r: type(r).__name__)
def test_a_record_repr_is_a_few_short_lines(record: object) -> None:
    """At most four lines, none wider than 120 characters, starting with the class's name."""
    lines = repr(record).splitlines()
    assert lines[0].startswith(f"{type(record).__name__}(")
    assert len(lines) <= 4
    assert max(map(len, lines)) <= 120


def test_the_key_fields_are_shown_and_the_rest_marked() -> None:
    """An engagement shows its id, kind, date, title and countries whole, and ``...`` for more."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    text = repr(engagement)
    for shown in (
        "id='2015-09-28-summit-new-york'",
        "kind='summit_meeting'",
        "date=2015-09-28",
        f"title={engagement.title!r}",
        "countries=('JP', 'RU')",
        f"references=<{len(engagement.references)} references>",
    ):
        assert shown in text
    assert text.endswith(", ...)")
    # The fields left out are there on the record, one call away.
    assert attrs.asdict(engagement)["participants"] == engagement.participants


def test_long_texts_are_cut_and_fields_not_set_left_out() -> None:
    """A long text ends in an ellipsis; a field that is None or empty is not spelt out."""
    sentence = bb.load().sentences()[0]
    assert len(sentence.text) > 72
    assert f"{sentence.text[:40]}" in repr(sentence)
    assert "\u2026'" in repr(sentence)
    topic = bb.Topic(id="t", label="Short")
    assert repr(topic) == "Topic(id='t', label='Short')"
    assert repr(bb.Topic(id="t", label="Short", parent="p")) == (
        "Topic(id='t', label='Short', parent='p')"
    )


def test_a_record_with_every_field_shown_has_no_ellipsis() -> None:
    """``...`` appears only where a field with a value is not shown."""
    reference = bb.Reference(url="https://example.org/a", title="A")
    assert repr(reference) == "Reference(url='https://example.org/a', title='A')"
    span = bb.Span(0, 3, "abc")
    assert repr(span) == "Span(start=0, end=3, text='abc')"
