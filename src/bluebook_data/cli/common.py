"""What the subcommands share: the edition they work on, and listings as tables or formats."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TypeVar

import bluebook_data as bb
from bluebook_data._display.terminal import TextTable

__all__ = ["date_text", "edition", "formatted", "listing"]

_Record = TypeVar("_Record")


def edition(args: argparse.Namespace) -> bb.Bluebook:
    """Return the edition the command line works on: ``--data DIR``, or the shipped one."""
    return bb.load(args.data)


def date_text(date: bb.PartialDate | None) -> str:
    """Return a date as ISO text, or ``-`` for none."""
    return date.isoformat() if date else "-"


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
    headers: Sequence[str],
    text_column: str,
    optional: Sequence[str] = (),
) -> str | TextTable:
    """Return the records as the table or format asked for, the first ``--limit`` of them."""
    if args.limit is not None:
        found = found[: args.limit]
    if args.format != "table":
        return formatted(kind, found, args)
    return TextTable(
        headers=headers,
        rows=[row(record) for record in found],
        text_column=text_column,
        optional=optional,
        noun=kind,
    )
