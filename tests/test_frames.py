"""pandas and Arrow tables: real dtypes with the extras, a clear error without them."""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._tables.tables import TableName, table, table_names


@pytest.mark.parametrize(("function", "module", "extra"), [
    (bb.to_pandas, "pandas", "pandas"),
    (bb.to_arrow, "pyarrow", "arrow"),
])  # fmt: skip
def test_without_the_extra_the_error_names_it(
    function: Any, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing dependency raises an ImportError that names the extra to install."""
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(ImportError) as raised:
        function("engagements")
    error = raised.value
    assert isinstance(error, bb.MissingExtraError)
    assert isinstance(error, bb.BluebookError)
    assert error.name == module
    assert f"bluebook-data[{extra}]" in str(error)


def test_missing_extra_error_pickles() -> None:
    """The error survives pickling with its attributes."""
    error = bb.MissingExtraError("to_arrow", "arrow", "pyarrow")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.feature, copy.extra, copy.name, str(copy)) == (
        "to_arrow",
        "arrow",
        "pyarrow",
        str(error),
    )


@pytest.mark.parametrize("kind", table_names())
def test_pandas_frame_holds_the_rows_with_real_dtypes(kind: TableName) -> None:
    """The DataFrame has a column per table column, typed as declared, and the rows' values."""
    pd = pytest.importorskip("pandas")
    frame = bb.to_pandas(kind)
    rows = bb.to_records(kind)
    assert list(frame.columns) == [column.name for column in table(kind).columns]
    assert len(frame) == len(rows)
    for column in table(kind).columns:
        dtype = frame[column.name].dtype
        if column.choices and column.categorical:
            assert isinstance(dtype, pd.CategoricalDtype)
            assert list(dtype.categories) == list(column.choices)
        elif column.type == "string":
            assert isinstance(dtype, pd.StringDtype)
        elif column.type == "integer":
            assert dtype == pd.Int64Dtype()
        elif column.type == "date":
            assert str(dtype) == "datetime64[s]"
        else:
            assert dtype.kind == "O"
    for position, row in enumerate(rows):
        for name, value in row.items():
            cell = frame[name].iloc[position]
            if value is None:
                assert cell is pd.NA or pd.isna(cell)
            elif isinstance(cell, pd.Timestamp):
                assert cell.date().isoformat() == value
            else:
                assert cell == value


def test_pandas_frame_records_its_provenance() -> None:
    """DataFrame.attrs names the table, the data version and the source citation."""
    pytest.importorskip("pandas")
    frame = bb.to_pandas("events")
    assert frame.attrs["table"] == "events"
    assert frame.attrs["data_version"] == bb.DATA_VERSION
    assert frame.attrs["source"] == bb.citation().text


def test_pandas_list_columns_explode() -> None:
    """A list column explodes to one row per item, as pandas users expect."""
    pytest.importorskip("pandas")
    exploded = bb.to_pandas("engagements").explode("countries")
    assert len(exploded) == sum(len(e.countries) for e in bb.engagements())


def _with_iso_dates(kind: TableName, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give the date cells as ISO strings, as the rows of to_records keep them."""
    dates = [column.name for column in table(kind).columns if column.type == "date"]
    for row in rows:
        for name in dates:
            row[name] = None if row[name] is None else row[name].isoformat()
    return rows


@pytest.mark.parametrize("kind", table_names())
def test_arrow_table_round_trips_the_rows(kind: TableName) -> None:
    """The Arrow table validates and gives back exactly the rows of to_records."""
    pytest.importorskip("pyarrow")
    arrow = bb.to_arrow(kind)
    arrow.validate(full=True)
    assert _with_iso_dates(kind, arrow.to_pylist()) == bb.to_records(kind)


def test_arrow_schema_is_typed_and_described() -> None:
    """Arrow fields have list, int64 and string types, nullability and descriptions."""
    pa = pytest.importorskip("pyarrow")
    schema = bb.to_arrow("engagements").schema
    assert schema.field("countries").type == pa.list_(pa.string())
    assert schema.field("evidence_start").type == pa.list_(pa.int64())
    assert schema.field("month").type == pa.int64()
    assert schema.field("month").nullable
    assert schema.field("date_start").type == schema.field("end_date_end").type == pa.date32()
    assert not schema.field("id").nullable
    for column in table("engagements").columns:
        metadata = schema.field(column.name).metadata
        assert metadata[b"description"].decode() == column.description
    assert schema.metadata[b"data_version"].decode() == bb.DATA_VERSION


def test_import_loads_no_extra_and_no_exporter() -> None:
    """`import bluebook_data` imports neither the extras nor the export modules, yet lists them."""
    code = (
        "import sys, bluebook_data as bb\n"
        "heavy = ['pandas', 'pyarrow', 'cattrs', 'importlib_resources']\n"
        "heavy += [m for m in sys.modules if m.startswith('bluebook_data._exports')]\n"
        "print([name for name in heavy if name in sys.modules])\n"
        "print(all(name in dir(bb) for name in bb.__all__))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


@pytest.mark.parametrize("kind", table_names())
def test_polars_frame_holds_the_rows(kind: TableName) -> None:
    """to_polars gives the columns of the table and, dates aside, the rows of to_records."""
    pytest.importorskip("polars")
    pytest.importorskip("pyarrow")  # polars reads the Arrow table to_polars builds
    frame = bb.to_polars(kind)
    assert frame.columns == [column.name for column in table(kind).columns]
    assert _with_iso_dates(kind, frame.to_dicts()) == bb.to_records(kind)


def test_enums_are_dictionary_encoded_in_arrow() -> None:
    """An enum column is a dictionary of strings holding every value of the enum."""
    pa = pytest.importorskip("pyarrow")
    kinds = bb.to_arrow("engagements").column("kind").combine_chunks()
    assert pa.types.is_dictionary(kinds.type)
    assert kinds.dictionary.to_pylist() == [member.value for member in bb.EngagementKind]


def test_pandas_empty_lists_keep_their_item_type() -> None:
    """A list column is a typed Arrow list in pandas, so an empty list is never list<null>."""
    pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    frame = bb.to_pandas("statements")
    assert frame["engagements"].dtype.pyarrow_dtype == pa.list_(pa.string())
    assert pa.Table.from_pandas(frame).schema.field("engagements").type == pa.list_(pa.string())
