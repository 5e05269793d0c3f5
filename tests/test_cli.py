"""The command line: a table per subcommand, one line and status 2 for every user error."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data import cli

_SCRIPT = Path(sys.executable).with_name("bluebook-data")


def _read_table(out: str) -> list[dict[str, str]]:
    """Read the rows of a printed table back into dicts, using the dashes under the headers."""
    header, rule, *rows = out.rstrip("\n").split("\n")
    starts = [i for i, char in enumerate(rule) if char == "-" and (i == 0 or rule[i - 1] == " ")]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    names = [header[start:end].strip() for start, end in bounds]
    return [dict(zip(names, (row[a:b].strip() for a, b in bounds), strict=True)) for row in rows]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("argv", "column", "expected"),
    [
        (["engagements"], "id", [e.id for e in bb.engagements()]),
        (["engagements", "--country", "Russia", "--kind", "summit_meeting"], "id",
         [e.id for e in bb.engagements(country="Russia", kind="summit_meeting")]),
        (["engagements", "--year", "2015", "--topic", "economy", "--person", "Kishida",
          "--status", "held"], "id",
         [e.id for e in bb.engagements(year=2015, topic="economy", person="Kishida")]),
        (["statements"], "id", [s.id for s in bb.statements()]),
        (["statements", "--country", "KZ", "--kind", "assessment", "--topic", "oil"], "id",
         [s.id for s in bb.statements(country="KZ", kind="assessment", topic="oil")]),
        (["countries"], "code", [c.code for c in bb.countries()]),
        (["countries", "--region", "caucasus"], "code",
         [c.code for c in bb.countries(region="caucasus")]),
        (["people"], "id", [p.id for p in bb.people()]),
        (["topics"], "id", [t.id for t in bb.topics()]),
        (["search", "peace treaty"], "sentence", [s.id for s in bb.search("peace treaty")]),
    ],
)  # fmt: skip
def test_subcommands_print_tables(
    capsys: pytest.CaptureFixture[str], argv: list[str], column: str, expected: list[str]
) -> None:
    """Each listing prints a table whose rows are the query's results, in its order."""
    status, out, err = _run(argv, capsys)
    assert (status, err) == (0, "")
    assert [row[column] for row in _read_table(out)] == expected


def test_engagement_shows_its_fields_evidence_and_references(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``engagement ID`` prints a page: title, a field a line, evidence, each URL on its line."""
    engagement = bb.engagement("2015-10-22-abe-central-asia-tour")
    status, out, _ = _run(["engagement", engagement.id], capsys)
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == engagement.title
    assert f"id            {engagement.id}" in lines
    assert "date          2015-10-22 to 2015-10-28" in lines
    for span in engagement.evidence:
        assert any(f"[{span.start}:{span.end}]" in line for line in lines)
    for reference in engagement.references:
        assert f"    {reference.url}" in lines


def test_text_prints_the_source(capsys: pytest.CaptureFixture[str]) -> None:
    """``text`` prints the verbatim text and a newline."""
    assert _run(["text"], capsys) == (0, bb.text() + "\n", "")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` names the package and data versions."""
    status, out, _ = _run(["--version"], capsys)
    assert (status, out) == (0, f"bluebook-data {bb.__version__} (data {bb.DATA_VERSION})\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["engagements", "--country", "Rusia"], "unknown country 'Rusia'; did you mean 'Russia'?"),
        (["engagements", "--kind", "talks"], "invalid kind 'talks'; choose from: visit, "),
        (["engagements", "--status", "maybe"], "invalid status 'maybe'"),
        (["engagements", "--year", "twenty"], "argument --year: invalid int value: 'twenty'"),
        (["engagements", "--bogus"], "bluebook-data engagements does not take --bogus"),
        (["engagement", "no-such-id"], "unknown engagement 'no-such-id'"),
        (["engagement"], "the following arguments are required: id"),
        (["statements", "--topic", "sport"], "unknown topic 'sport'"),
        (["countries", "--region", "europe"], "invalid region 'europe'"),
        (["search", " "], "invalid query ' '"),
        (["frobnicate"], "unknown command 'frobnicate'; choose from: engagements,"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A mistake exits with status 2, prints nothing on stdout and one line on stderr."""
    status, out, err = _run(argv, capsys)
    assert (status, out) == (2, "")
    assert err.startswith("bluebook-data: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert err.endswith("\n")


def test_python_m_runs_the_command_line() -> None:
    """``python -m bluebook_data`` runs the same command line."""
    run = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "engagements", "--country", "Russia"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert [row["id"] for row in _read_table(run.stdout)] == [
        e.id for e in bb.engagements(country="Russia")
    ]


_HEADER = ["date", "status", "kind", "countries", "id", "title"]


@pytest.mark.parametrize(("reader", "words"), [("head -1", _HEADER), ("head -n 0", [])])
def test_a_closed_pipe_is_not_an_error(reader: str, words: list[str]) -> None:
    """When the reader stops early (``| head``), the command exits 0 without a traceback."""
    # `head -n 0` exits before the command writes, so the write itself meets the closed pipe.
    assert _SCRIPT.exists(), f"the console script is not installed at {_SCRIPT}"
    run = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{shlex.quote(str(_SCRIPT))} engagements | {reader}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.split() == words


def test_no_command_prints_usage_and_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """Running with no command prints the help, usage and every command, and exits 0."""
    status, out, err = _run([], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("usage: bluebook-data ")
    for name in ["engagements", "engagement", "search", "events", "export", "text"]:
        assert f"\n  {name} " in out


def test_help_lists_commands_a_line_each_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` lists each command on one line and shows a few examples."""
    status, out, _ = _run(["--help"], capsys)
    lines = out.splitlines()
    assert status == 0
    listed = [line for line in lines if line.startswith("  engagements ")]
    assert listed == ["  engagements  list engagements, filtered by any of the options"]
    assert "  bluebook-data engagements --country Russia" in lines


@pytest.mark.parametrize(
    ("argv", "noun"),
    [
        (["engagements", "--country", "Georgia"], "engagements"),
        (["search", "no such phrase"], "sentences"),
        (["statements", "--country", "Georgia", "--kind", "policy"], "statements"),
    ],
)
def test_an_empty_result_says_so_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], noun: str
) -> None:
    """A listing that finds nothing prints one line on stderr, nothing on stdout, and exits 0."""
    assert _run(argv, capsys) == (0, "", f"bluebook-data: no {noun} found\n")


def test_an_empty_result_is_still_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    """For programs, an empty result is the empty output of its format, not a message."""
    assert _run(["engagements", "--country", "Georgia", "--format", "json"], capsys) == (
        0,
        "[]\n",
        "",
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["engagements", "--kind", "summit"], "did you mean 'summit_meeting'?"),
        (["engagements", "--status", "plan"], "did you mean 'planned'?"),
        (["engagements", "--columns", "date,titel"], "did you mean 'title'?"),
    ],
)
def test_a_near_miss_suggests_the_value_meant(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    """A partial or misspelt value names the one the user probably meant."""
    status, _, err = _run(argv, capsys)
    assert status == 2
    assert expected in err


def test_columns_and_limit_choose_what_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    """``--columns`` picks and orders the columns; ``--limit`` keeps the first N rows."""
    argv = ["engagements", "--country", "Russia", "--columns", "id,date", "--limit", "2"]
    status, out, _ = _run(argv, capsys)
    rows = _read_table(out)
    assert status == 0
    assert rows == [
        {"id": e.id, "date": e.date.isoformat() if e.date else "-"}
        for e in bb.engagements(country="Russia")[:2]
    ]


def test_limit_applies_to_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    """``--limit`` also shortens JSON Lines output, one line a record."""
    _, out, _ = _run(["engagements", "--format", "jsonl", "--limit", "3"], capsys)
    assert len(out.splitlines()) == 3


_IMPORTED_AFTER = """
import sys
from bluebook_data.cli import main
status = main(sys.argv[1:])
print(*sorted(name for name in sys.modules if name.startswith("bluebook_data.")), file=sys.stderr)
"""


def _modules_imported_by(argv: list[str]) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _IMPORTED_AFTER, *argv], capture_output=True, text=True, check=True
    )
    return set(run.stderr.split())


@pytest.mark.parametrize(
    ("argv", "needed", "not_needed"),
    [
        (
            ["engagements", "--country", "Russia"],
            {"bluebook_data.cli.listings", "bluebook_data._loading.loader"},
            {
                "bluebook_data._authoring",
                "bluebook_data._tables.tables",
                "bluebook_data.cli.events",
            },
        ),
        (
            ["check", "--help"],
            set(),
            {
                "bluebook_data._authoring",
                "bluebook_data._loading.loader",
                "bluebook_data.cli.listings",
            },
        ),
        (
            ["events", "--limit", "1"],
            {"bluebook_data.cli.events", "bluebook_data._tables.events"},
            {"bluebook_data._authoring", "bluebook_data.cli.exporting"},
        ),
    ],
)
def test_a_subcommand_imports_only_what_it_runs(
    argv: list[str], needed: set[str], not_needed: set[str]
) -> None:
    """The parser names each command's module; only the command that runs is imported."""
    imported = _modules_imported_by(argv)
    assert needed <= imported
    assert not {name for name in imported if name.startswith(tuple(not_needed))}
