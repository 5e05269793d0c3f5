"""What the subcommands share: the edition they work on, and listings as tables or formats."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

import bluebook_data as bb
from bluebook_data._display.terminal import Mark, TextTable
from bluebook_data.cli.parser import COLUMNS

__all__ = ["date_text", "edition", "formatted", "listing", "styled", "terminal_width"]

_Record = TypeVar("_Record")


def edition(args: argparse.Namespace) -> bb.Bluebook:
    """Return the edition the command line works on: ``--data DIR``, or the shipped one."""
    return bb.load(args.data)


def date_text(date: bb.PartialDate | None) -> str:
    """Return a date as ISO text, or ``-`` for none."""
    return date.isoformat() if date else "-"


def terminal_width() -> int | None:
    """Return the terminal's width if standard output is one, else ``None`` (never shorten)."""
    if sys.stdout is None or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def styled() -> bool:
    """Tell whether to print styles: on a terminal, unless ``NO_COLOR`` or ``TERM=dumb`` says no."""
    # https://no-color.org: any non-empty NO_COLOR turns styling off.
    return (
        terminal_width() is not None
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM") != "dumb"
    )


def formatted(
    kind: str, records: Sequence[object], args: argparse.Namespace, single: bool = False
) -> str:
    """Return records of the table ``kind`` as the ``--format`` asked for."""
    # Only a listing printed for other programs needs the flat tables; a table for people does not.
    from bluebook_data._exports.formats import render
    from bluebook_data._tables.tables import table

    return render(table(kind), records, edition(args), args.format, single=single)


def listing(
    args: argparse.Namespace,
    kind: str,
    found: Sequence[_Record],
    row: Callable[[_Record], Sequence[str]],
    text_column: str,
    optional: Sequence[str] = (),
    whole: Sequence[str] = ("id",),
    marks: Sequence[Mark | None] = (),
) -> str | TextTable:
    """Return the records as the table or format asked for, the first ``--limit`` of them.

    The table's columns are those the parser declares for the command (:data:`COLUMNS`).
    """
    if args.limit is not None:
        found = found[: args.limit]
    if args.format not in ("table", "markdown"):
        return formatted(kind, found, args)
    return TextTable(
        headers=COLUMNS[args.command],
        rows=[row(record) for record in found],
        text_column=text_column,
        optional=optional,
        whole=whole,
        marks=marks[: len(found)],
        noun="sentences" if kind == "sentences" else kind,
    )
