"""The event rows in POLECAT's and ICEWS's columns, spellings and code sets."""

from __future__ import annotations

import json

import pytest

import bluebook_data as bb
from bluebook_data._tables.layouts import CAMEO_TO_CONTEXTS, GOLDSTEIN, layout_table
from bluebook_data.cli import main

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
        assert all(value is not None for name, value in row.items() if name != "Event Mode")


@pytest.mark.parametrize("layout", ["polecat", "icews"])
def test_a_layout_has_no_undated_row(layout: str) -> None:
    """Every row is dated to the day, as in the datasets; the others are left out."""
    rows = bb.to_records("events", layout=layout)  # type: ignore[arg-type]
    assert all(len(row["Event Date"]) == len("2015-10-22") for row in rows)
    dated = [row["event_id"] for row in bb.to_records("events") if row["date_precision"] == "day"]
    assert [row["Event ID"] for row in rows] == dated


def test_icews_codes_intensity_and_country_names() -> None:
    """CAMEO codes stay text, Intensity is the Goldstein score, Russia is spelled as ICEWS does."""
    rows = bb.to_records("events", layout="icews")
    by_id = {row["event_id"]: row for row in bb.to_records("events")}
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
        assert row["Contexts"] == list(CAMEO_TO_CONTEXTS[source["cameo_code"]])
        assert row["Quad Code"] == 1  # CAMEO roots 03 and 04 are verbal cooperation
    negotiation = [row for row in rows if row["Event ID"].startswith("2015-10-08")]
    assert negotiation
    assert all(row["Contexts"] == ["diplomatic"] for row in negotiation)


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
