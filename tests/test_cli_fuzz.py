"""Fuzzing the command line: whatever the arguments, status 0 or 2 and never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data.cli import main

COMMANDS = ["engagements", "engagement", "statements", "countries", "people", "topics", "search"]
COMMANDS += ["statement", "country", "person", "topic", "events", "completion"]
COMMANDS += ["text", "frobnicate", "", "-", "--", "ENGAGEMENTS"]
OPTIONS = ["--country", "--kind", "--year", "--topic", "--person", "--status", "--region"]
OPTIONS += ["--help", "-h", "--version", "--format", "--countr", "--", "-x", "--year=2015"]
OPTIONS += ["--columns", "--wide", "--limit", "--ids", "--layout", "--data"]
VALUES = ["Russia", "KZ", "Rusia", "summit_meeting", "2015", "-1", "1e3", "planned", "Putin"]
VALUES += [
    "peace treaty",
    "2015-09-28-summit-new-york",
    "2015-09",
    "astana",
    "markdown",
    "tsv",
    "id,date",
    "bash",
    "\x1b]0;title\x07",
    "caucasus",
    "%s",
    ".*",
    "\ud800",
    "x" * 5000,
]

TOKENS = st.one_of(
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=20),
)
ARGVS = st.tuples(st.sampled_from(COMMANDS), st.lists(TOKENS, max_size=6)).map(
    lambda parts: [parts[0], *parts[1]] if parts[0] else parts[1]
)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@settings(max_examples=400, deadline=None)
@given(argv=ARGVS)
def test_any_arguments_end_in_status_0_or_2_with_at_most_one_error_line(argv: list[str]) -> None:
    """Random commands and options exit 0, or 2 with one line on stderr; nothing else escapes."""
    status, _, err = _run(argv)
    assert status in (0, 2)
    assert "Traceback" not in err
    if status == 2 and err:
        assert err.count("\n") == 1, err
        assert err.startswith("bluebook-data: error: ")


@pytest.mark.parametrize("command", ["frobnicate", "engagment", "Engagements", "--frob"])
def test_unknown_subcommands_exit_2_with_one_line(command: str) -> None:
    """A misspelt subcommand or option is a usage error: status 2, a single line, no usage dump."""
    status, out, err = _run([command])
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert command in err


def _run_module(
    *args: str, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bluebook_data", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )


def test_output_to_a_closed_pipe_exits_quietly() -> None:
    """Writing to a reader that has gone away (``| head -1``) exits 0 with nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _run_module("engagements", stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_shell_pipe_into_head_prints_one_line() -> None:
    """``bluebook-data text | head -1`` gives the first line and no complaint."""
    done = subprocess.run(
        f"'{sys.executable}' -m bluebook_data text | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout == bb.text().splitlines()[0] + "\n"
    assert done.stderr == ""


def test_an_output_encoding_that_cannot_show_the_text_is_one_error_line() -> None:
    """An ASCII-only stdout gets a one-line error, status 2, instead of a UnicodeEncodeError."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "text"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
