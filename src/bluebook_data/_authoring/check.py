"""Check an edition folder and report every problem; resolve its quotes to offsets on request.

What ``bluebook-data check DIR [--fix]`` runs. Rewriting the annotations is all or nothing: only
when every quote stands in exactly one place, through a temporary file renamed over the old one,
so that an interrupted run leaves the old file whole.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

import attrs

from bluebook_data._loading.folder import DEFAULT_MAX_BYTES
from bluebook_data._loading.loader import examine_folder
from bluebook_data._loading.pipeline import Outcome
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data.errors import DataError

__all__ = ["Problem", "Report", "check_folder"]

_LINE = re.compile(r" at line (\d+) column \d+")
_ONE = {
    "sentences": "sentence",
    "countries": "country",
    "people": "person",
    "topics": "topic",
    "engagements": "engagement",
    "statements": "statement",
}


@attrs.frozen
class Problem:
    """One thing wrong with a file of an edition, where it is, and the line where known."""

    file: str
    path: str
    message: str
    line: int | None = None

    @classmethod
    def parse(cls, file: str, problem: str) -> Problem:
        """Read a loader's ``"<message> @ <path>"`` line."""
        message, _, path = problem.rpartition(" @ ")
        found = _LINE.search(message)
        return cls(file, path or "$", message or problem, int(found.group(1)) if found else None)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.path}: {self.message}"


@attrs.frozen
class Report:
    """What checking a folder found: its problems, or the counts of what it holds."""

    folder: str
    problems: tuple[Problem, ...]
    counts: Mapping[str, int]
    quotes_resolved: int
    written: bool

    def summary(self) -> str:
        """Say in one line what the folder holds, or how many problems it has."""
        if self.problems:
            return f"{self.folder}: {len(self.problems)} problem{'s' * (len(self.problems) != 1)}"
        held = ", ".join(
            f"{count} {kind if count != 1 else _ONE[kind]}" for kind, count in self.counts.items()
        )
        quotes = self.quotes_resolved
        if self.written:
            done = f"; {quotes} quotes written as offsets"
        elif quotes:
            done = f"; {quotes} quotes resolve (check --fix writes them as offsets)"
        else:
            done = ""
        return f"{self.folder}: no problems; {held}{done}"


def _counts(outcome: Outcome) -> dict[str, int]:
    book = outcome.book
    if book is None:
        return {}
    records = book.records
    return {
        "sentences": len(book.sentences()),
        "countries": len(records.countries),
        "people": len(records.people),
        "topics": len(records.topics),
        "engagements": len(records.engagements),
        "statements": len(records.statements),
    }


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file in its folder, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_folder(
    folder: str | os.PathLike[str], *, fix: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Check the edition in ``folder``; with ``fix``, write its quotes as offsets if all resolve.

    Every problem the checks can reach is reported, not only the first.
    """
    name = os.fspath(folder)
    try:
        outcome = examine_folder(folder, max_bytes)
    except DataError as error:
        problems = tuple(Problem.parse(error.file, problem) for problem in error.problems)
        return Report(name, problems, {}, 0, written=False)
    problems = tuple(
        Problem.parse(file, problem)
        for file, found in outcome.problems.items()
        for problem in found
    )
    written = fix and outcome.quotes > 0 and outcome.unresolved == 0
    if written:
        text = json.dumps(outcome.document, ensure_ascii=False, indent=2) + "\n"
        write_atomically(Path(folder) / ANNOTATIONS_FILE, text)
    return Report(name, problems, _counts(outcome), outcome.quotes, written)
