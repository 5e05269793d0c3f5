"""The reading subcommands: one record field by field, with its evidence and sources; the text."""

from __future__ import annotations

import argparse

from bluebook_data._display.terminal import TextTable
from bluebook_data.cli.common import date_text, edition, formatted

__all__ = ["engagement", "text"]


def engagement(args: argparse.Namespace) -> str | TextTable:
    """Show one engagement with its evidence and references."""
    found = edition(args).engagement(args.id)
    if args.format != "table":
        return formatted("engagements", [found], args, single=True)
    dates = date_text(found.date)
    if found.end_date:
        dates += f" to {found.end_date.isoformat()}"
    fields = [
        ["id", found.id],
        ["title", found.title],
        ["kind", found.kind.value],
        ["status", found.status.value],
        ["date", dates],
        ["location", found.location or "-"],
        ["countries", ", ".join(found.countries)],
        ["hosts", ", ".join(found.hosts) or "-"],
        ["participants", ", ".join(found.participants) or "-"],
        ["topics", ", ".join(found.topics) or "-"],
        ["part of", found.part_of or "-"],
        ["CAMEO", found.cameo or "-"],
        ["PLOVER", " ".join(filter(None, [found.plover_event, found.plover_mode])) or "-"],
    ]
    fields += [["text says", f"[{s.start}:{s.end}] {s.text}"] for s in found.evidence]
    fields += [["reference", f"{r.title} <{r.url}>"] for r in found.references]
    return TextTable(headers=["field", "value"], rows=fields, text_column="value", wrap=True)


def text(args: argparse.Namespace) -> str:
    """Return the verbatim source text."""
    return edition(args).text()
