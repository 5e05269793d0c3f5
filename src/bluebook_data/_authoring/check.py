"""Check an edition folder and report every problem; resolve its quotes to offsets on request.

What ``bluebook-data check DIR [--fix]`` runs. Rewriting the annotations is all or nothing: only
when every quote stands in exactly one place, and only if the file still holds what was checked.
Each quote becomes its span and everything else, numbers included, stays as it was written. The
file is replaced as :mod:`.safe_write` replaces one: its mode and owner kept, and an interrupted
run leaving the old file whole. An annotations file that is a link inside the folder stays a
link, and the file it leads to is rewritten.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from bluebook_data._authoring import exact_json
from bluebook_data._authoring.safe_write import Seen, open_folder, replace_file
from bluebook_data._loading.folder import (
    DEFAULT_MAX_BYTES,
    decode_text,
    parse_strict,
    read_member,
)
from bluebook_data._loading.pipeline import Outcome, examine
from bluebook_data._loading.quotes import resolve_quotes
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


@attrs.frozen
class _Read:
    """What one reading of a folder gave: the outcome, and the bytes it was made from."""

    outcome: Outcome
    annotations: bytes
    text: bytes | None


def _read_folder(folder: Path, max_bytes: int) -> _Read:
    # One reading serves the check and the rewrite, so that what --fix writes is made from the
    # very bytes that were checked.
    if not folder.is_dir():
        raise DataError(str(folder), ("not a folder @ $",))
    raw = read_member(folder, ANNOTATIONS_FILE, max_bytes)
    texts: list[bytes] = []

    def read_text(name: object) -> bytes:
        texts.append(read_member(folder, name, max_bytes, "$.source.text"))
        return texts[-1]

    outcome = examine(parse_strict(raw, ANNOTATIONS_FILE), read_text, decode_text)
    return _Read(outcome, raw, texts[0] if texts else None)


def _with_offsets(read: _Read) -> bytes:
    """Return the annotations with every quote written as its span, and all else as written."""
    document = exact_json.loads(read.annotations.decode("utf-8"))
    assert read.text is not None  # quotes resolved, so the text was read
    name = document["source"]["text"]
    resolution = resolve_quotes(document, decode_text(read.text, name))
    assert not resolution.problems, "the same bytes resolved once already"
    assert resolution.resolved == read.outcome.quotes
    return (exact_json.dumps(resolution.document) + "\n").encode("utf-8")


def _write_offsets(folder: Path, read: _Read) -> None:
    """Write the annotations with offsets over the file read, or raise if it changed since."""
    link = folder / ANNOTATIONS_FILE
    target = Path(os.path.realpath(link))  # a link is kept, and the file it leads to rewritten
    shown = f"{link} (a link to {target})" if link.is_symlink() else str(link)
    if not target.is_relative_to(os.path.realpath(folder)):
        problem = f"not written: {shown} leads out of the folder @ $"
        raise DataError(ANNOTATIONS_FILE, (problem,))
    changed = (
        f"{shown} changed since check read it; nothing was written: "
        "run check --fix again to write its quotes as offsets"
    )
    try:
        handle = open_folder(target.parent)
        try:
            replace_file(
                handle,
                target.name,
                _with_offsets(read),
                shown=shown,
                previous=Seen.of(read.annotations),
                changed=changed,
            )
        finally:
            os.close(handle)
    except OSError as error:
        if isinstance(error, FileExistsError):  # a refusal: nothing was written
            problem = f"not written: {error}"
        else:
            problem = f"writing {error.filename} failed: {error.strerror or error}"
        raise DataError(ANNOTATIONS_FILE, (f"{problem} @ $",)) from error


def check_folder(
    folder: str | os.PathLike[str], *, fix: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Check the edition in ``folder``; with ``fix``, write its quotes as offsets if all resolve.

    Every problem the checks can reach is reported, not only the first.
    """
    name = os.fspath(folder)
    try:
        read = _read_folder(Path(folder), max_bytes)
    except DataError as error:
        problems = tuple(Problem.parse(error.file, problem) for problem in error.problems)
        return Report(name, problems, {}, 0, written=False)
    outcome = read.outcome
    problems = tuple(
        Problem.parse(file, problem)
        for file, found in outcome.problems.items()
        for problem in found
    )
    written = fix and outcome.quotes > 0 and outcome.unresolved == 0
    if written:
        _write_offsets(Path(folder), read)
    return Report(name, problems, _counts(outcome), outcome.quotes, written)
