"""The names of the output formats, apart from the code that writes them.

The command line's parser offers these as choices without importing any exporter.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["EXPORT_FORMATS", "FORMATS", "ExportFormat", "Format"]

#: How a listing is printed: a table for people, or text for other programs.
Format = Literal["table", "json", "jsonl", "csv", "tsv"]
FORMATS: tuple[str, ...] = get_args(Format)

#: What ``export DIR`` writes.
ExportFormat = Literal["datapackage", "parquet", "sqlite", "webannotation"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
