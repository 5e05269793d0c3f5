"""The command line's --format json, jsonl and csv, and its export and events commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data._exports.formats import FORMATS, csv_cell, csv_text
from bluebook_data._tables.tables import table
from bluebook_data.cli import main

# Each listing command with arguments that find something, and the table its rows come from.
_LISTINGS = [
    (["engagements", "--country", "KZ"], "engagements"),
    (["statements", "--kind", "outcome"], "statements"),
    (["countries", "--region", "caucasus"], "countries"),
    (["people"], "people"),
    (["topics"], "topics"),
    (["search", "peace treaty"], "sentences"),
    (["events", "--country", "Russia"], "events"),
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("argv", "kind"), _LISTINGS, ids=lambda value: str(value))
def test_every_listing_prints_every_format(
    argv: list[str], kind: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each listing command accepts each format and prints something in it."""
    out = _run([*argv, "--format", fmt], capsys)
    assert out.strip()
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    if fmt == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in out.splitlines())
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(out)))
        expected = [column.name for column in table(kind).columns]
        if argv[0] == "search":  # where the phrase stands, after the sentence's own columns
            expected += ["match_start", "match_end", "match_text"]
        assert header == expected


def test_json_is_what_the_converter_gives(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON and JSON Lines hold the records exactly as bb.converter unstructures them."""
    expected = [bb.converter.unstructure(e) for e in bb.engagements(country="KZ")]
    assert json.loads(_run(["engagements", "--country", "KZ", "--format", "json"], capsys)) == (
        expected
    )
    out = _run(["engagements", "--country", "KZ", "--format", "jsonl"], capsys)
    assert [json.loads(line) for line in out.splitlines()] == expected


def test_csv_rows_are_the_flat_rows(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV cells are the to_records values, lists as JSON arrays and None as empty."""
    out = _run(["engagements", "--format", "csv"], capsys)
    parsed = list(csv.DictReader(io.StringIO(out)))
    rows = bb.to_records("engagements")
    assert len(parsed) == len(rows)
    for written, row in zip(parsed, rows, strict=True):
        assert written == {name: csv_cell(value) for name, value in row.items()}
        assert json.loads(written["countries"]) == row["countries"]


def test_one_engagement_prints_as_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    """`engagement ID --format json` prints the record itself, not a list of one."""
    id_ = "2015-09-28-summit-new-york"
    printed = json.loads(_run(["engagement", id_, "--format", "json"], capsys))
    assert printed == bb.converter.unstructure(bb.engagement(id_))


def test_events_are_flat_rows_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    """The events listing prints the same rows as to_records("events")."""
    out = _run(["events", "--format", "jsonl"], capsys)
    assert [json.loads(line) for line in out.splitlines()] == bb.to_records("events")


def test_events_filter_by_either_side(capsys: pytest.CaptureFixture[str]) -> None:
    """`events --country` keeps the rows where the country is actor or recipient."""
    out = _run(["events", "--country", "KZ", "--format", "jsonl"], capsys)
    printed = [json.loads(line) for line in out.splitlines()]
    expected = [
        row
        for row in bb.to_records("events")
        if "KZ" in (row["actor_country"], row["recipient_country"])
    ]
    assert printed == expected


def test_an_empty_jsonl_listing_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """No records in jsonl is no output at all, so `wc -l` counts zero."""
    assert _run(["events", "--country", "Georgia", "--format", "jsonl"], capsys) == ""


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A format outside the list exits 2 with one line naming the choices."""
    assert main(["people", "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "jsonl" in err


def test_export_writes_the_package_and_prints_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export DIR` writes datapackage.json and prints where."""
    out = _run(["export", str(tmp_path / "package")], capsys)
    assert out.strip() == str(tmp_path / "package" / "datapackage.json")
    assert (tmp_path / "package" / "engagements.csv").is_file()


def test_export_to_an_unwritable_place_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that cannot be written exits 2 with one line on stderr."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["export", str(blocker / "package")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bluebook-data: error:")
    assert err.count("\n") == 1


def test_engagement_table_shows_hosts_and_plover(capsys: pytest.CaptureFixture[str]) -> None:
    """The one-engagement view lists its hosts and PLOVER codes."""
    out = _run(["engagement", "2015-10-23-summit-ashgabat"], capsys)
    assert "CONSULT visit" in out
    assert any(line.split()[:3] == ["hosts", "Turkmenistan", "(TM)"] for line in out.splitlines())


@pytest.mark.parametrize(
    ("value", "cell"),
    [(None, ""), ([], "[]"), (["a,b", "c"], '["a,b", "c"]'), (0, "0"), ("Japan’s", "Japan’s")],
)
def test_csv_cell(value: object, cell: str) -> None:
    """None is empty, a list is a JSON array, anything else its text."""
    assert csv_cell(value) == cell


def test_csv_text_quotes_what_needs_quoting() -> None:
    """A value with a comma or a quote survives a round trip through the csv module."""
    columns = table("countries").columns[:2]
    text = csv_text(columns, [{"code": 'a,"b"', "alpha3": None}])
    assert list(csv.reader(io.StringIO(text))) == [["code", "alpha3"], ['a,"b"', ""]]
