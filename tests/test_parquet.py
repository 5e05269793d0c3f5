"""The Parquet export as DuckDB and polars read it: codes as text, real dates, typed lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._exports.datapackage import link_tables
from bluebook_data._tables.tables import TableName, table, table_names
from bluebook_data.cli import main

pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Export once for the module; return the folder."""
    path = tmp_path_factory.mktemp("parquet")
    bb.write_parquet(path)
    return path


def _duckdb_types(duckdb: Any, path: Path) -> dict[str, str]:
    described = duckdb.sql(f"DESCRIBE FROM '{path}'").fetchall()
    return {name: kind for name, kind, *_ in described}


def test_a_file_per_table_and_link_table(folder: Path) -> None:
    """Every table, every link table and each event layout has its Parquet file."""
    names = {path.stem for path in folder.glob("*.parquet")}
    layouts = {"events_polecat", "events_icews"}
    assert names == {*table_names(), *(link.name for link in link_tables()), *layouts}


@pytest.mark.parametrize("kind", table_names())
def test_duckdb_reads_every_table_with_its_declared_types(folder: Path, kind: TableName) -> None:
    """Strings are VARCHAR, integers BIGINT, date bounds DATE, lists typed lists: no guessing."""
    duckdb = pytest.importorskip("duckdb")
    expected = {"string": "VARCHAR", "integer": "BIGINT", "date": "DATE"}
    types = _duckdb_types(duckdb, folder / f"{kind}.parquet")
    assert list(types) == [column.name for column in table(kind).columns]
    for column in table(kind).columns:
        if column.type == "array":
            assert types[column.name] == f"{expected[column.items or 'string']}[]", column.name
        else:
            assert types[column.name] == expected[column.type], column.name


def test_duckdb_keeps_codes_as_text(folder: Path) -> None:
    """CAMEO 042 keeps its leading zero; numeric country codes stay text (Armenia is 051)."""
    duckdb = pytest.importorskip("duckdb")
    cameo = duckdb.sql(f"SELECT DISTINCT cameo_code FROM '{folder}/events.parquet'").fetchall()
    assert ("042",) in cameo
    numeric = duckdb.sql(f"SELECT numeric FROM '{folder}/countries.parquet' WHERE code = 'AM'")
    assert numeric.fetchall() == [("051",)]
    engagement_cameo = duckdb.sql(f"SELECT cameo FROM '{folder}/engagements.parquet'").fetchall()
    assert {value for (value,) in engagement_cameo} == {e.cameo for e in bb.engagements()}


def test_duckdb_range_query_on_dates_matches_python(folder: Path) -> None:
    """Engagements in October 2015 are a BETWEEN on real DATE columns."""
    duckdb = pytest.importorskip("duckdb")
    found = duckdb.sql(
        f"SELECT id FROM '{folder}/engagements.parquet' "
        "WHERE date_start >= DATE '2015-10-01' AND date_end <= DATE '2015-10-31' ORDER BY id"
    ).fetchall()
    expected = sorted(e.id for e in bb.engagements() if e.date is not None and e.date.month == 10)
    assert [engagement_id for (engagement_id,) in found] == expected


def test_duckdb_join_across_a_link_table_matches_python(folder: Path) -> None:
    """Engagements joined to their countries through the link table are the records' pairs."""
    duckdb = pytest.importorskip("duckdb")
    joined = duckdb.sql(
        f"SELECT e.id, c.alpha3 FROM '{folder}/engagements.parquet' e "
        f"JOIN '{folder}/engagement_countries.parquet' l ON l.engagement_id = e.id "
        f"JOIN '{folder}/countries.parquet' c ON c.code = l.country_code"
    ).fetchall()
    expected = {(e.id, bb.country(code).alpha3) for e in bb.engagements() for code in e.countries}
    assert sorted(joined) == sorted(expected)


def test_duckdb_reads_empty_lists_as_typed_lists(folder: Path) -> None:
    """A list column whose every cell may be empty is still a VARCHAR list, never NULL-typed."""
    duckdb = pytest.importorskip("duckdb")
    types = _duckdb_types(duckdb, folder / "statements.parquet")
    assert types["engagements"] == "VARCHAR[]"
    rows = duckdb.sql(f"SELECT engagements FROM '{folder}/statements.parquet'").fetchall()
    assert [list(value) for (value,) in rows] == [list(s.engagements) for s in bb.statements()]


@pytest.mark.parametrize("kind", table_names())
def test_polars_reads_the_files_with_no_override(folder: Path, kind: TableName) -> None:
    """Polars reads each file with codes as String, dates as Date and lists as typed lists."""
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(folder / f"{kind}.parquet")
    expected = {"string": pl.String, "integer": pl.Int64, "date": pl.Date}
    for column in table(kind).columns:
        dtype = frame.schema[column.name]
        if column.choices and column.categorical:
            assert dtype == pl.Categorical, column.name
        elif column.type == "array":
            assert dtype == pl.List(expected[column.items or "string"]), column.name
        else:
            assert dtype == expected[column.type], column.name
    assert frame.height == len(bb.to_records(kind))


def test_the_files_carry_descriptions_and_the_citation(folder: Path) -> None:
    """Each file's schema holds the column descriptions, the citation and the data version."""
    pq = pytest.importorskip("pyarrow.parquet")
    schema = pq.read_schema(folder / "events.parquet")
    assert schema.metadata[b"source"].decode() == bb.citation().text
    assert schema.metadata[b"data_version"].decode() == bb.DATA_VERSION
    for column in table("events").columns:
        assert schema.field(column.name).metadata[b"description"].decode() == column.description


def test_export_format_parquet_writes_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export DIR --format parquet` writes the files and prints their paths, one a line."""
    assert main(["export", str(tmp_path), "--format", "parquet"]) == 0
    printed = capsys.readouterr().out.split()
    assert str(tmp_path / "events.parquet") in printed
    written = [*tmp_path.glob("*.parquet"), tmp_path / "README.md"]
    assert sorted(printed) == sorted(map(str, written))
