"""to_records gives one flat, JSON-ready row per record of each table."""

from __future__ import annotations

import json
from typing import Any, assert_type

import pytest

import bluebook_data as bb
from bluebook_data._tables.tables import TableName, table, table_names


def _expected_count(kind: str) -> int:
    book = bb.load()
    if kind == "events":
        total = 0
        parents = {e.part_of for e in book.engagements() if e.plover_event is not None}
        for e in book.engagements():
            if e.plover_event is None or e.id in parents:
                continue
            if e.plover_mode == "visit":
                total += (len(e.countries) - len(e.hosts)) * len(e.hosts)
            else:
                total += len(e.countries) * (len(e.countries) - 1)
        return total
    found: tuple[object, ...] = getattr(book, kind)()
    return len(found)


@pytest.mark.parametrize("kind", table_names())
def test_one_row_per_record(kind: TableName) -> None:
    """Each table has as many rows as the records it holds."""
    assert len(bb.to_records(kind)) == _expected_count(kind)


@pytest.mark.parametrize("kind", table_names())
def test_rows_are_flat_and_json_ready(kind: TableName) -> None:
    """Rows hold only str, int, None and lists of those, under exactly the table's columns."""
    rows = bb.to_records(kind)
    names = [column.name for column in table(kind).columns]
    for row in rows:
        assert list(row) == names
        for value in row.values():
            items = value if isinstance(value, list) else [value]
            assert all(isinstance(item, str | int | None) for item in items)
    assert json.loads(json.dumps(rows)) == rows


@pytest.mark.parametrize("kind", table_names())
def test_column_types_hold(kind: TableName) -> None:
    """Values match their column's declared type, required columns are never None."""
    python_type: dict[str, Any] = {"string": str, "integer": int, "date": str, "array": list}
    for row in bb.to_records(kind):
        for column in table(kind).columns:
            value = row[column.name]
            if value is None:
                assert not column.required, column.name
                continue
            assert isinstance(value, python_type[column.type]), column.name
            if column.choices:
                assert value in column.choices


def test_dates_are_iso_strings_with_their_parts() -> None:
    """Each engagement's date columns agree with its PartialDate."""
    rows = {row["id"]: row for row in bb.to_records("engagements")}
    for engagement in bb.engagements():
        row = rows[engagement.id]
        date = engagement.date
        if date is None:
            assert row["date"] is row["year"] is row["date_precision"] is None
            continue
        assert row["date"] == date.isoformat()
        assert row["date_precision"] == date.precision
        assert (row["year"], row["month"], row["day"]) == (date.year, date.month, date.day)
        assert row["date_start"] == date.first_day().isoformat()
        assert row["date_end"] == date.last_day().isoformat()


def test_a_month_is_a_range_query_on_the_date_bounds() -> None:
    """Engagements in October 2015 are those whose date range lies within that month."""
    in_october = [
        row["id"]
        for row in bb.to_records("engagements")
        if row["date_start"] is not None
        and row["date_start"] >= "2015-10-01"
        and row["date_end"] <= "2015-10-31"
    ]
    expected = [e.id for e in bb.engagements() if e.date is not None and e.date.month == 10]
    assert in_october == expected
    assert len(expected) >= 6  # the Central Asia tour and the vice-ministerial talks


def test_evidence_columns_quote_the_text() -> None:
    """Each quote equals the text between its offsets, for every table with evidence."""
    text = bb.text()
    for kind in ("countries", "people", "topics", "engagements", "statements"):
        for row in bb.to_records(kind):
            spans = zip(row["evidence"], row["evidence_start"], row["evidence_end"], strict=True)
            for quote, start, end in spans:
                assert text[start:end] == quote


def test_sentences_table_holds_the_text_in_order() -> None:
    """The sentences' rows give back each sentence's text at its offsets, in text order."""
    rows = bb.to_records("sentences")
    assert [row["id"] for row in rows] == [sentence.id for sentence in bb.load().sentences()]
    assert all(bb.text()[row["span_start"] : row["span_end"]] == row["text"] for row in rows)


def test_each_call_builds_new_rows() -> None:
    """Changing a returned row or list leaves the next call's rows as they were."""
    first = bb.to_records("engagements")
    first[0]["countries"].append("XX")
    first[0]["id"] = "changed"
    second = bb.to_records("engagements")
    assert second[0]["id"] == bb.engagements()[0].id
    assert "XX" not in second[0]["countries"]


def test_an_unknown_table_lists_the_valid_ones() -> None:
    """A name that is no table raises InvalidFilterError naming every table."""
    with pytest.raises(bb.InvalidFilterError) as raised:
        bb.to_records("engagement")  # type: ignore[arg-type]
    assert raised.value.allowed == table_names()
    assert "engagements" in str(raised.value)


def test_a_table_name_must_be_a_string() -> None:
    """A value of another type raises TypeError."""
    with pytest.raises(TypeError):
        bb.to_records(3)  # type: ignore[arg-type]


def test_to_records_type() -> None:
    """The rows are typed as a list of dicts."""
    assert_type(bb.to_records("people"), list[dict[str, Any]])
