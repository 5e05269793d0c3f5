"""Flat columns derive from the model's fields."""

from __future__ import annotations

import pytest

import bluebook_data as bb
from bluebook_data._tables.columns import LINKS, model_columns, sentence_of
from bluebook_data._tables.fields import data_fields, field_types
from bluebook_data._tables.tables import table


@pytest.mark.parametrize(
    "cls", [bb.Country, bb.Person, bb.Topic, bb.Sentence, bb.Engagement, bb.Statement]
)
def test_column_names_are_unique_and_cover_every_field(cls: type) -> None:
    """No two columns share a name, and each field gives at least one column named after it."""
    names = [column.name for column in model_columns(cls)]
    assert len(names) == len(set(names))
    for field in data_fields(cls):
        stem = {"span": "span_start", "references": "reference_urls"}.get(field.name, field.name)
        assert stem in names


def test_a_date_field_gives_the_iso_string_its_precision_its_range_and_its_parts() -> None:
    """``date`` and ``end_date`` each give seven columns: ISO, precision, range, parts."""
    names = [column.name for column in model_columns(bb.Engagement)]
    assert names[names.index("date") : names.index("date") + 7] == [
        "date",
        "date_precision",
        "date_start",
        "date_end",
        "year",
        "month",
        "day",
    ]
    assert {
        "end_date",
        "end_date_precision",
        "end_date_start",
        "end_date_end",
        "end_year",
        "end_month",
        "end_day",
    } <= set(names)
    types = {column.name: column.type for column in model_columns(bb.Engagement)}
    assert types["date_start"] == types["end_date_end"] == "date"


def test_links_name_real_fields_and_tables() -> None:
    """Every declared link starts at a field of a record class and points at a table's column."""
    classes = {cls.__name__: cls for cls in (bb.Engagement, bb.Statement, bb.Person, bb.Topic)}
    for (class_name, field), (table_name, column) in LINKS.items():
        assert field in field_types(classes[class_name])
        assert column in {column.name for column in table(table_name).columns}


def test_required_columns_are_the_fields_that_cannot_be_none() -> None:
    """A column is required exactly when its field's type admits no None."""
    columns = {column.name: column for column in model_columns(bb.Person)}
    assert columns["id"].required
    assert not columns["wikidata"].required


@pytest.mark.parametrize("cls", [bb.Chapter, bb.Paragraph, bb.Records, bb.Bluebook])
def test_a_nested_record_list_has_no_flat_column(cls: type) -> None:
    """A class holding a tuple of records raises TypeError naming the field."""
    with pytest.raises(TypeError, match=cls.__name__):
        model_columns(cls)


def test_sentence_of_finds_the_sentence_a_span_starts_in() -> None:
    """Every evidence span starts inside the sentence sentence_of names."""
    book = bb.load()
    sentences = {sentence.id: sentence for sentence in book.sentences()}
    for engagement in book.engagements():
        for span in engagement.evidence:
            found = sentence_of(book, span)
            assert found is not None
            sentence = sentences[found].span
            assert sentence.start <= span.start < sentence.end


def test_sentence_of_a_heading_is_none() -> None:
    """A span in the headings, before the first paragraph, lies in no sentence."""
    book = bb.load()
    heading = bb.Span(0, 10, book.text()[:10])
    assert sentence_of(book, heading) is None
