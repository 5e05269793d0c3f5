"""The shell sessions in the docs are real: each command shown with output prints that output.

Each command of a ``console`` block that the page shows output for is run, in turn, in a folder of
the block's own; on a terminal 100 columns wide without colour (standard error included, as a
person at the terminal sees it), it must print exactly the lines shown. A command shown without
output is an illustration, not run. One whose other programs (``jq``) or optional extras
(pyarrow) are missing here is skipped.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from tests.helpers import on_terminal

DOCS = Path(__file__).resolve().parent.parent / "docs"
COLUMNS = 100
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
#: The command, wherever it is called in a line, and the interpreter running these tests for it.
_PROGRAM = re.compile(r"(?<![\w/-])bluebook-data(?![\w-])")
_THIS_PYTHON = f"{shlex.quote(sys.executable)} -m bluebook_data"
#: What MissingExtraError says of a module an optional extra brings.
_MISSING_EXTRA = re.compile(r"needs (\w+), which is not installed")


def _sessions() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Return each console block with output as its label and its commands with their output."""
    sessions = []
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.parts:
            continue
        for number, block in enumerate(_BLOCK.findall(page.read_text(encoding="utf-8")), 1):
            commands: list[tuple[str, list[str]]] = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    commands.append((line[2:], []))
                elif commands:
                    commands[-1][1].append(line)
            label = f"{page.relative_to(DOCS)}:{number}"
            shown = [(command, lines) for command, lines in commands if lines]
            if shown:
                sessions.append((label, shown))
    return sessions


SESSIONS = _sessions()


@pytest.mark.parametrize(("label", "commands"), SESSIONS, ids=[label for label, _ in SESSIONS])
def test_console_sessions_print_what_the_page_shows(
    label: str, commands: list[tuple[str, list[str]]], tmp_path: Path
) -> None:
    """Every command shown with its output prints exactly those lines."""
    for command, shown in commands:
        programs = {part.split()[0] for part in re.split(r"\||&&", command) if part.strip()}
        missing = sorted(p for p in programs - {"bluebook-data"} if shutil.which(p) is None)
        if missing:
            pytest.skip(f"{label}: {command!r} needs {', '.join(missing)}")
        runnable = _PROGRAM.sub(_THIS_PYTHON, command)
        _, output = on_terminal(
            ["bash", "-c", f"cd {shlex.quote(str(tmp_path))} && {runnable}"],
            COLUMNS,
            {"NO_COLOR": "1"},
            stderr=True,
        )
        printed = [line.rstrip() for line in output.splitlines()]
        extra = _MISSING_EXTRA.search(output)
        if extra is not None and importlib.util.find_spec(extra.group(1)) is None:
            pytest.skip(f"{label}: {command!r} needs {extra.group(1)}, an extra not installed")
        assert printed == shown, f"{label}: $ {command}"


def test_the_sessions_are_found() -> None:
    """The quickstart's and the command-line page's sessions are among those checked."""
    labels = {label.split(":")[0] for label, _ in SESSIONS}
    assert {"quickstart.md", "cli.md"} <= labels
