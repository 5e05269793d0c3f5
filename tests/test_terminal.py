"""Tables for a terminal: fitted to its width under a pseudo-terminal, whole when piped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import bluebook_data as bb
from bluebook_data._display.terminal import ELLIPSIS, TextTable, render_table
from tests.helpers import on_terminal

_LISTINGS = [
    ["engagements"],
    ["engagements", "--country", "Russia"],
    ["engagement", "2015-10-22-abe-central-asia-tour"],
    ["statements"],
    ["countries"],
    ["people"],
    ["topics"],
    ["search", "peace treaty"],
    ["events"],
]
_BOLD = re.compile(r"\x1b\[[0-9;]*m")
_END = "---end-of-command---"

# One interpreter runs every listing in turn, so that a width costs one start-up, not nine.
_DRIVER = f"""
import json, sys
from bluebook_data.cli import main
for argv in json.loads(sys.argv[1]):
    main(argv)
    print({_END!r}, flush=True)
"""


def _on_terminal(
    columns: int, env: dict[str, str] | None = None, listings: list[list[str]] = _LISTINGS
) -> list[str]:
    """Return each listing's output as printed to a pseudo-terminal ``columns`` wide."""
    driver = [sys.executable, "-c", _DRIVER, json.dumps(listings)]
    status, output = on_terminal(driver, columns, env)
    assert status == 0
    return output.split(_END + "\n")[:-1]


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_no_line_is_wider_than_the_terminal(columns: int) -> None:
    """Every listing, on a terminal of 60, 80 or 120 columns, fits: no line wraps."""
    outputs = _on_terminal(columns)
    assert len(outputs) == len(_LISTINGS)
    for argv, output in zip(_LISTINGS, outputs, strict=True):
        lines = _BOLD.sub("", output).splitlines()
        assert len(lines) >= 3, argv
        too_wide = [line for line in lines if len(line) > columns]
        assert too_wide == [], argv
        assert output.startswith("\x1b[1m"), "headers are bold on a terminal"


def test_shortened_titles_end_in_an_ellipsis_and_ids_stay_whole() -> None:
    """At 80 columns a long title is cut with "…", and each row still shows its whole id."""
    output = _BOLD.sub("", _on_terminal(80)[1])
    russia = bb.engagements(country="Russia")
    rows = output.splitlines()[2:]
    assert len(rows) == len(russia)
    assert any(row.endswith(ELLIPSIS) for row in rows)
    assert all(f" {e.id} " in row for e, row in zip(russia, rows, strict=True))


def test_no_color_turns_bold_off() -> None:
    """With ``NO_COLOR`` set, a terminal gets no escape sequences."""
    assert "\x1b[" not in "".join(_on_terminal(80, {"NO_COLOR": "1"}))


def test_piped_output_is_never_shortened() -> None:
    """Into a pipe, even with ``COLUMNS=60``, every title is printed whole, without bold."""
    run = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "engagements"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert "\x1b[" not in run.stdout
    assert ELLIPSIS not in run.stdout
    for engagement in bb.engagements():
        assert run.stdout.count(engagement.title) >= 1


def test_wide_keeps_whole_rows_on_a_terminal() -> None:
    """``--wide`` prints every title whole even on a 60-column terminal."""
    (output,) = _on_terminal(60, listings=[["engagements", "--wide"]])
    assert ELLIPSIS not in output
    assert all(e.title in output for e in bb.engagements())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_optional_columns_go_before_the_text_column_is_unreadable(width: int) -> None:
    """Optional columns are hidden before the text column is cut below its floor."""
    table = TextTable(
        headers=["date", "status", "id", "title"],
        rows=[["2015-09-28", "held", "i" * 30, "t" * 100]],
        text_column="title",
        optional=["status"],
    )
    header, _, row = render_table(table, width).splitlines()
    assert max(len(header), len(row)) <= width
    assert ("status" in header) == (width >= 10 + 4 + 30 + 20 + 6)
    # Only when even the floors do not fit is a column other than the text shortened.
    assert ("i" * 30 in row) == (width >= 10 + 30 + 20 + 4)


def test_wrapped_values_keep_every_word() -> None:
    """A record shown field by field wraps its long values onto continuation lines."""
    words = " ".join(["word"] * 40)
    table = TextTable(headers=["field", "value"], rows=[["text", words]], wrap=True)
    lines = render_table(table, 40).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(line[7:].strip() for line in lines[2:]).split() == words.split()


def test_a_terminal_narrower_than_any_column_still_gets_short_lines() -> None:
    """Even at 10 columns no line is longer than the terminal."""
    table = TextTable(headers=["identifier", "title"], rows=[["x" * 40, "y" * 40]])
    assert all(len(line) <= 10 for line in render_table(table, 10).splitlines())
