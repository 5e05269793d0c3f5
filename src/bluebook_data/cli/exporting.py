"""The ``export DIR`` subcommand: the tables, Parquet files or Web Annotations, written."""

from __future__ import annotations

import argparse

from bluebook_data._exports.datapackage import write_datapackage
from bluebook_data._exports.parquet import write_parquet
from bluebook_data._exports.webannotation import write_web_annotations
from bluebook_data.cli.common import edition

__all__ = ["export"]


def export(args: argparse.Namespace) -> str:
    """Write the export asked for into the folder; return the paths written, a line each."""
    book = edition(args)
    if args.format == "parquet":
        return "\n".join(map(str, write_parquet(args.directory, book=book)))
    if args.format == "webannotation":
        return str(write_web_annotations(args.directory, book=book))
    return str(write_datapackage(args.directory, book=book))
