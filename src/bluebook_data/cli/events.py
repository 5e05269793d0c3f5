"""The ``events`` subcommand: actor-recipient event rows, or the rows in an event data layout."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from bluebook_data._display.terminal import TextTable
from bluebook_data._exports.formats import csv_cell, render
from bluebook_data._tables.events import events as event_rows
from bluebook_data._tables.layouts import layout_table
from bluebook_data.cli.common import date_text, edition, listing

__all__ = ["events"]


def events(args: argparse.Namespace) -> str | TextTable:
    """List the actor-recipient event rows, of one country if asked, in a layout if asked."""
    book = edition(args)
    found = event_rows(book)
    if args.country is not None:
        code = book.country(args.country).code
        found = tuple(e for e in found if code in (e.actor.code, e.recipient.code))
    if args.layout is not None:
        return _layout(args, found)
    return listing(
        args,
        "events",
        found,
        lambda e: [
            date_text(e.engagement.date),
            str(e.engagement.plover_event),
            e.engagement.plover_mode or "-",
            e.actor.alpha3,
            e.recipient.alpha3,
            e.engagement.id,
        ],
        text_column="engagement",
        optional=["engagement", "mode"],
        whole=["engagement"],
    )


def _layout(args: argparse.Namespace, found: Sequence[object]) -> str | TextTable:
    spec = layout_table(args.layout)
    book = edition(args)
    kept = [event for event in spec.records(book) if event in found]
    if args.format not in ("table", "markdown"):
        return render(spec, kept, book, args.format)
    rows = [[csv_cell(cell) for cell in spec.row(event, book).values()] for event in kept]
    return TextTable(headers=[column.name for column in spec.columns], rows=rows)
