r"""Records as JSON, JSON Lines, CSV or TSV text, as the command line prints and exports write them.

JSON and JSON Lines hold the records as :data:`bluebook_data.converter` unstructures them, the
same dicts the Python API gives (the event rows, which are flat already, as they are). CSV and TSV
hold the flat rows of :func:`bluebook_data.to_records`, a list cell written as a JSON array; TSV
writes a tab, a line break or a backslash in a cell as ``\t``, ``\n`` or ``\\``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.format_names import FORMATS, Format
from bluebook_data._loading.convert import converter
from bluebook_data._tables.columns import Column, Table

__all__ = ["FORMATS", "Format", "csv_cell", "csv_text", "render", "tsv_text"]

_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def csv_cell(value: object) -> str:
    """Write one cell: empty for None, a JSON array for a list, the text of anything else.

    >>> csv_cell(None), csv_cell(["JP", "RU"]), csv_cell(2015)
    ('', '["JP", "RU"]', '2015')
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_text(columns: Sequence[Column], rows: Iterable[dict[str, Any]]) -> str:
    r"""Lay rows out as CSV under a header of the column names, one ``\n`` per line.

    >>> from bluebook_data._tables.tables import table
    >>> print(csv_text(table("countries").columns[:2], [{"code": "JP", "alpha3": "JPN"}]))
    code,alpha3
    JP,JPN
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in columns])
    writer.writerows([csv_cell(row.get(column.name)) for column in columns] for row in rows)
    return out.getvalue()


def tsv_text(columns: Sequence[Column], rows: Iterable[dict[str, Any]]) -> str:
    r"""Lay rows out as tab-separated values under a header, escaping tabs and line breaks.

    >>> from bluebook_data._tables.tables import table
    >>> text = tsv_text(table("countries").columns[:2], [{"code": "J\tP", "alpha3": "JPN"}])
    >>> [line.split("\t") for line in text.splitlines()]
    [['code', 'alpha3'], ['J\\tP', 'JPN']]
    """
    lines = ["\t".join(column.name for column in columns)]
    for row in rows:
        cells = (csv_cell(row.get(column.name)).translate(_TSV_ESCAPES) for column in columns)
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _json_ready(spec: Table, record: object, book: Bluebook) -> Any:
    # The event tables (and their POLECAT and ICEWS layouts) are flat already; their records
    # are the package's own Event rows, which the converter does not know.
    if spec.name.startswith("events"):
        return spec.row(record, book)
    return converter.unstructure(record)


def render(
    spec: Table, records: Sequence[object], book: Bluebook, fmt: str, *, single: bool = False
) -> str:
    """Render records of one table as ``json``, ``jsonl``, ``csv`` or ``tsv``, with no end newline.

    ``single`` prints one JSON object rather than an array of one.

    Raises:
        ValueError: for any other format (the command line offers only these and ``table``).
    """
    if fmt == "csv":
        return csv_text(spec.columns, (spec.row(record, book) for record in records)).rstrip("\n")
    if fmt == "tsv":
        return tsv_text(spec.columns, (spec.row(record, book) for record in records)).rstrip("\n")
    documents = [_json_ready(spec, record, book) for record in records]
    if fmt == "json":
        return json.dumps(documents[0] if single else documents, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(document, ensure_ascii=False) for document in documents)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS[1:])}")
