"""The ``export DIR`` subcommand: a data package, Parquet, a SQLite database or annotations."""

from __future__ import annotations

import argparse
import os

from bluebook_data._exports.datapackage import write_datapackage
from bluebook_data._exports.parquet import write_parquet
from bluebook_data._exports.sqlite import write_sqlite
from bluebook_data._exports.webannotation import write_web_annotations
from bluebook_data.cli.common import edition
from bluebook_data.cli.parser import UsageError

__all__ = ["export"]


def export(args: argparse.Namespace) -> str:
    """Write the export asked for into the folder; return the paths written, a line each."""
    if args.layout is not None and args.format != "parquet":
        raise UsageError(f"--layout is for --format parquet; --format {args.format} holds both")
    book = edition(args)
    if args.format == "parquet":
        return "\n".join(map(str, write_parquet(args.directory, layout=args.layout, book=book)))
    if args.format == "sqlite":
        path = write_sqlite(os.path.join(args.directory, "bluebook.db"), book=book)
        return f"{path}\n{path.with_name('bluebook.metadata.json')}"
    if args.format == "webannotation":
        return str(write_web_annotations(args.directory, book=book))
    return str(write_datapackage(args.directory, book=book))
