"""The event rows in POLECAT's and ICEWS's columns, spellings and code sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data._tables.codebooks import PLOVER_EVENT_TYPES, PLOVER_QUAD_CLASS
from bluebook_data._tables.events import event_number
from bluebook_data._tables.layouts import CAMEO_TO_CONTEXTS, GOLDSTEIN, SEPARATOR, layout_table
from bluebook_data.cli import main
from tests.editions import harbour_annotations, write_edition

#: The codebook columns each layout fills, in order; the events guide lists those it leaves out.
_COLUMNS = {
    "polecat": [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Quad Code",
        "Actor Name", "Actor Country", "Recipient Name", "Recipient Country",
    ],
    "icews": [
        "Event ID", "Event Date", "Source Name", "Source Country", "Event Text", "CAMEO Code",
        "Intensity", "Target Name", "Target Country",
    ],
}  # fmt: skip


@pytest.mark.parametrize("layout", ["polecat", "icews"])
def test_a_layout_carries_exactly_its_codebook_columns(layout: str) -> None:
    """Every row has exactly the codebook columns the layout fills, none of them empty."""
    rows = bb.to_records("events", layout=layout)  # type: ignore[arg-type]
    assert rows
    for row in rows:
        assert list(row) == _COLUMNS[layout]
        optional = {"Event Mode", "Contexts"}  # PLOVER gives some codes neither
        assert all(value is not None for name, value in row.items() if name not in optional)


@pytest.mark.parametrize("layout", ["polecat", "icews"])
def test_a_layout_has_no_undated_row(layout: str) -> None:
    """Every row is dated to the day, as in the datasets; the others are left out."""
    rows = bb.to_records("events", layout=layout)  # type: ignore[arg-type]
    assert all(len(row["Event Date"]) == len("2015-10-22") for row in rows)
    dated = [row for row in bb.to_records("events") if row["date_precision"] == "day"]
    key = "event_id" if layout == "polecat" else "event_number"
    assert [row["Event ID"] for row in rows] == [row[key] for row in dated]


def test_icews_event_ids_are_stable_integers_apart_from_real_ones() -> None:
    """ICEWS ids are integers: the row's event_number, 2^52 and up, distinct, the same each run."""
    rows = bb.to_records("events", layout="icews")
    ids = [row["Event ID"] for row in rows]
    assert all(isinstance(value, int) and 2**52 <= value < 2**53 for value in ids)
    assert len(set(ids)) == len(ids)
    first = bb.to_records("events")[0]
    assert ids[0] == first["event_number"] == event_number(first["event_id"])


def test_icews_codes_intensity_and_country_names() -> None:
    """CAMEO codes stay text, Intensity is the Goldstein score, Russia is spelled as ICEWS does."""
    rows = bb.to_records("events", layout="icews")
    by_id = {row["event_number"]: row for row in bb.to_records("events")}
    for row in rows:
        assert row["CAMEO Code"] == by_id[row["Event ID"]]["cameo_code"]
        assert row["Intensity"] == GOLDSTEIN[row["CAMEO Code"]]
    assert {"Japan", "Russian Federation"} <= {row["Source Country"] for row in rows}
    assert "Russia" not in {row["Target Country"] for row in rows}
    assert GOLDSTEIN["042"] == 1.9  # the published score of "Make a visit"


def test_polecat_codes_and_contexts() -> None:
    """Countries are alpha-3, types and modes PLOVER's, contexts from the CAMEO table."""
    rows = bb.to_records("events", layout="polecat")
    by_id = {row["event_id"]: row for row in bb.to_records("events")}
    for row in rows:
        source = by_id[row["Event ID"]]
        assert row["Actor Country"] == source["actor_country_alpha3"]
        assert row["Recipient Country"] == source["recipient_country_alpha3"]
        assert row["Event Type"] == source["event_type"]
        contexts = CAMEO_TO_CONTEXTS[source["cameo_code"]]
        assert row["Contexts"] == (SEPARATOR.join(contexts) or None)
        assert row["Event Type"] in PLOVER_EVENT_TYPES
        assert row["Quad Code"] == PLOVER_QUAD_CLASS[row["Event Type"]] == 1  # verbal cooperation
    negotiation = [row for row in rows if row["Event ID"].startswith("2015-10-08")]
    assert negotiation
    assert all(row["Contexts"] == "diplomatic" for row in negotiation)


def test_a_cell_of_several_values_joins_them_with_the_separator() -> None:
    """Several participants of one side are one cell, joined by ';' as POLECAT's files join."""
    assert SEPARATOR == ";"
    book = bb.load()
    for row, event in zip(
        bb.to_records("events", layout="polecat"),
        [e for e in bb.to_records("events") if e["date_precision"] == "day"],
        strict=True,
    ):
        names = [book.person(person).name for person in event["actor_people"]]
        assert row["Actor Name"] == (";".join(names) or event["actor_country_name"])


def test_actor_names_are_the_participants_beside_the_codes() -> None:
    """Names are the participants of each side, or the country where none is named."""
    row = next(
        row
        for row in bb.to_records("events", layout="polecat")
        if row["Event ID"] == "2015-09-28-summit-new-york:JP-RU"
    )
    assert (row["Actor Name"], row["Recipient Name"]) == ("Shinzo Abe", "Vladimir Putin")


def test_a_layout_is_for_events_only_and_must_exist() -> None:
    """A layout on another table, or an unknown layout, raises InvalidFilterError."""
    with pytest.raises(bb.InvalidFilterError):
        bb.to_records("engagements", layout="icews")
    with pytest.raises(bb.InvalidFilterError) as raised:
        layout_table("gdelt")
    assert raised.value.allowed == ("polecat", "icews")
    with pytest.raises(TypeError):
        layout_table(1)


def test_the_command_line_prints_a_layout(capsys: pytest.CaptureFixture[str]) -> None:
    """`events --layout icews --format jsonl` prints the layout's rows, filtered by country."""
    assert main(["events", "--layout", "icews", "--country", "KZ", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    assert all("Kazakhstan" in (row["Source Country"], row["Target Country"]) for row in rows)
    assert all(list(row) == _COLUMNS["icews"] for row in rows)
    assert main(["events", "--layout", "polecat"]) == 0
    assert capsys.readouterr().out.startswith("Event ID")


def test_layouts_are_typed_arrow_tables() -> None:
    """Dates are dates, codes text, Goldstein a float, ids integers, PLOVER types dictionaries."""
    pytest.importorskip("pyarrow")
    icews = bb.to_arrow("events", layout="icews").schema
    assert str(icews.field("Event ID").type) == "int64"
    assert str(icews.field("Event Date").type) == "date32[day]"
    assert str(icews.field("CAMEO Code").type) == "string"
    assert str(icews.field("Intensity").type) == "double"
    polecat = bb.to_arrow("events", layout="polecat").schema
    assert str(polecat.field("Event Type").type).startswith("dictionary<values=string")
    assert str(polecat.field("Contexts").type) == "string"
    assert str(polecat.field("Quad Code").type) == "int64"
    assert polecat.metadata[b"table"] == b"events_polecat"


def test_layouts_in_pandas_and_polars() -> None:
    """Pandas and polars get the same types: dates, categories, nullable integers, floats."""
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    frame = bb.to_pandas("events", layout="icews")
    assert str(frame["Event Date"].dtype) == "datetime64[s]"
    assert frame["CAMEO Code"].tolist() == [
        r["CAMEO Code"] for r in bb.to_records("events", layout="icews")
    ]
    assert isinstance(
        bb.to_pandas("events", layout="polecat")["Event Type"].dtype, pd.CategoricalDtype
    )
    polars = bb.to_polars("events", layout="polecat")
    assert polars.schema["Event Date"] == pl.Date
    assert polars.schema["Event Type"] == pl.Categorical
    with pytest.raises(bb.InvalidFilterError):
        bb.to_polars("countries", layout="polecat")


def test_duckdb_reads_a_layout_file_typed(tmp_path: Path) -> None:
    """write_parquet(layout=...) writes one file that DuckDB reads with the layout's types."""
    duckdb = pytest.importorskip("duckdb")
    (path,) = bb.write_parquet(tmp_path, layout="icews")
    described = {name: kind for name, kind, *_ in duckdb.sql(f"DESCRIBE FROM '{path}'").fetchall()}
    assert described["Event Date"] == "DATE"
    assert described["Event ID"] == "BIGINT"
    assert described["CAMEO Code"] == "VARCHAR"
    assert described["Intensity"] == "DOUBLE"
    assert (
        main(["export", str(tmp_path / "cli"), "--format", "parquet", "--layout", "polecat"]) == 0
    )
    assert [p.name for p in (tmp_path / "cli").iterdir()] == ["events_polecat.parquet"]


def test_a_cameo_code_the_tables_lack_is_a_data_error(tmp_path: Path) -> None:
    """An edition of one's own with a CAMEO code the layouts cannot score is refused by name."""
    document = harbour_annotations()
    document["records"]["engagements"][0].update(
        date="2031-05-04", cameo="051", plover_event="AGREE", plover_mode=None
    )
    book = bb.load(write_edition(tmp_path / "edition", document))
    assert len(bb.to_records("events", book=book)) == 2  # the plain rows need no score
    with pytest.raises(bb.DataError, match=r"CAMEO code '051' of engagement '2031-foreign"):
        bb.to_records("events", layout="icews", book=book)
