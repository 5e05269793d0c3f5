"""The authoring commands: new starts a folder, check lists every problem, --fix writes offsets."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data import cli
from bluebook_data._authoring import check
from bluebook_data._authoring.annotation_schema import annotation_schema_text as schema_text
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    text = tmp_path / TEXT_NAME
    text.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "edition"
    options = ["--title", "Harbour Notes 2031", "--year", "2031", "--publisher", "Us"]
    options += ["--url", "https://example.org/h", "--heading-lines", "5"]
    options += ["--chapter-title", "Neighbours across the Sea", "--section-title", "Harbour Towns"]
    status, out, _ = _run(capsys, "new", str(text), str(folder), *options)
    assert status == 0
    assert "next:" in out
    assert f"check --fix {folder}" in out
    return folder


def test_new_writes_a_folder_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new command writes the text, annotations with its checksum, and their schema."""
    folder = _new(tmp_path, capsys)
    document = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    assert document["$schema"] == "annotations.schema.json"
    assert (folder / "annotations.schema.json").read_text(encoding="utf-8") == schema_text()
    assert document["source"]["text"] == TEXT_NAME
    assert (folder / TEXT_NAME).read_text(encoding="utf-8") == TEXT
    status, out, _ = _run(capsys, "check", str(folder))
    assert status == 0
    # Five sentences: "Mr. Sato" splits until the rule's exception is declared.
    held = "5 sentences, 0 countries, 0 people, 0 topics, 0 engagements, 0 statements"
    assert out.strip().endswith(held)


def test_new_writes_over_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder holding annotations already is refused, and left as it was."""
    folder = _new(tmp_path, capsys)
    before = (folder / "annotations.json").read_bytes()
    status, _, err = _run(
        capsys, "new", str(folder / TEXT_NAME), str(folder), "--title", "t", "--year", "1",
        "--url", "u", "--publisher", "p",
    )  # fmt: skip
    assert status == 2
    assert err == (
        f"bluebook-data: error: {folder / 'annotations.json'} already exists with other content; "
        "nothing was written: move it away, or pass --force to replace it\n"
    )
    assert (folder / "annotations.json").read_bytes() == before


def _with(tmp_path: Path, change: Any) -> Path:
    document = harbour_annotations()
    change(document)
    return write_edition(tmp_path / "edition", document)


def test_check_lists_every_problem_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems in several records and stages come out together, one a line, and exit 1."""

    def break_three_things(document: dict[str, Any]) -> None:
        records = document["records"]
        records["countries"][1]["evidence"] = [quote("Nowhere")]
        records["engagements"][0]["countries"] = ["JP", 7]
        records["statements"][0]["kind"] = "promise"

    status, out, _ = _run(capsys, "check", str(_with(tmp_path, break_three_things)))
    lines = out.strip().splitlines()
    assert status == 1
    assert lines[-1].endswith(": 3 problems")
    assert lines[0] == (
        "annotations.json: $.records.countries[1].evidence[0]: "
        "the quote 'Nowhere' is not in the text"
    )
    assert lines[1].startswith("annotations.json: $.records.engagements[0].countries[1]: ")
    assert lines[2].startswith("annotations.json: $.records.statements[0].kind: ")


def test_check_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the problems as objects, for CI, with the same exit status."""
    folder = _with(tmp_path, lambda d: d["source"].update(sha256="0" * 64))
    status, out, _ = _run(capsys, "check", "--format", "json", str(folder))
    report = json.loads(out)
    assert status == 1
    assert report["problems"] == [
        {
            "file": TEXT_NAME,
            "path": "$",
            "message": report["problems"][0]["message"],
            "line": None,
        }
    ]
    assert report["problems"][0]["message"].endswith(f"expected {'0' * 64}")


def test_a_syntax_error_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Broken JSON is reported with the line it breaks on."""
    folder = write_edition(tmp_path / "edition")
    (folder / "annotations.json").write_text('{\n "schema_version": 2,\n oops\n}', encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(folder))
    assert status == 1
    assert out.startswith("annotations.json:3: $: invalid JSON")


def _quoted(tmp_path: Path, ambiguous: bool) -> Path:
    document = harbour_annotations(cite=quote)
    evidence = quote("Japan") if ambiguous else quote("Japan", suffix=" will")
    document["records"]["countries"][0]["evidence"] = [evidence]
    return write_edition(tmp_path / "edition", document)


def test_fix_writes_quotes_as_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When every quote stands in one place, --fix writes them as the spans they stand for."""
    folder = _quoted(tmp_path, ambiguous=False)
    status, out, _ = _run(capsys, "check", "--fix", str(folder))
    assert status == 0
    assert "6 quotes written as offsets" in out
    written = (folder / "annotations.json").read_text(encoding="utf-8")
    assert '"exact"' not in written
    assert json.loads(written)["records"]["countries"][0]["evidence"] == [
        {"start": TEXT.index("Japan will"), "end": TEXT.index("Japan will") + 5, "text": "Japan"}
    ]
    spans = bb.load(write_edition(tmp_path / "spans"))
    assert bb.load(folder).engagements() == spans.engagements()
    assert bb.load(folder).statements() == spans.statements()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_fix_changes_nothing_unless_every_quote_resolves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One ambiguous quote: the file stays byte for byte, and the quote's places are named."""
    folder = _quoted(tmp_path, ambiguous=True)
    before = (folder / "annotations.json").read_bytes()
    status, out, _ = _run(capsys, "check", "--fix", str(folder))
    assert status == 1
    assert "stands in 2 places, at 121, 195" in out
    assert (folder / "annotations.json").read_bytes() == before


def test_an_interrupted_fix_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the rename never happens, the old file is untouched and no temporary file is left."""
    folder = _quoted(tmp_path, ambiguous=False)
    before = (folder / "annotations.json").read_bytes()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        check.check_folder(folder, fix=True)
    assert (folder / "annotations.json").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.json", TEXT_NAME]


def test_data_option_queries_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--data DIR before any command makes the command work on that edition."""
    folder = write_edition(tmp_path / "edition")
    status, out, _ = _run(capsys, "--data", str(folder), "engagements", "--format", "jsonl")
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [
        "2031-foreign-ministers-harbour"
    ]
    status, out, _ = _run(capsys, "--data", str(folder), "text")
    assert out.rstrip("\n") == TEXT
    status, _, err = _run(capsys, "--data", str(tmp_path / "missing"), "countries")
    assert status == 2
    assert "not a folder" in err
