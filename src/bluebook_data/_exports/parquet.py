"""Every table as a typed Parquet file, behind the ``arrow`` extra, with a dataset card.

Parquet keeps what CSV loses: a code such as CAMEO ``042`` or the numeric country code ``051``
stays a string, a date bound is a date, a list is a typed list (even when every list is empty),
and an enum is dictionary encoded. DuckDB, polars, pandas and Hugging Face ``datasets`` read the
files with these types and no override. The files hold the tables of
:func:`bluebook_data.to_records`, the link tables of the data package and the two event layouts,
one file each, with the Arrow schema that :func:`bluebook_data.to_arrow` gives: each column's
description and the table's citation and data version travel in the file's metadata. A
``README.md`` dataset card beside them gives ``datasets`` the same types and the citation.
"""

from __future__ import annotations

import os
from pathlib import Path

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.datacard import CARD_NAME, dataset_card, refuse_foreign_card
from bluebook_data._exports.frames import arrow_table, require
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._tables.layouts import Layout, layout_table
from bluebook_data._tables.links import every_table

__all__ = ["write_parquet"]


def write_parquet(
    directory: str | os.PathLike[str],
    *,
    layout: Layout | None = None,
    book: Bluebook | None = None,
) -> tuple[Path, ...]:
    """Write every table to ``directory`` as ``<table>.parquet``; return the paths written.

    The directory is created if needed; the package's own files in it are written over and
    nothing else is touched. ``book`` is the edition to write, by default the shipped one. The
    link tables (``engagement_countries``, ...) come too, so that a list of keys can be joined
    in SQL as in the data package, and so do the event layouts (``events_polecat``,
    ``events_icews``). Last comes ``README.md``, a Hugging Face dataset card with a config per
    table, so that ``datasets.load_dataset(directory, "engagements")`` reads typed columns.

    With ``layout`` (``"polecat"`` or ``"icews"``), only that layout's file is written.

    Raises:
        FileExistsError: if the directory holds a ``README.md`` this package did not write;
            nothing is written then.
        MissingExtraError: if pyarrow is not installed (``pip install 'bluebook-data[arrow]'``).
        TypeError, InvalidFilterError: for a layout that is not one of those.

    >>> import tempfile
    >>> import pyarrow.parquet as pq
    >>> import bluebook_data as bb
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     paths = bb.write_parquet(folder)
    ...     events = pq.read_table(f"{folder}/events.parquet")
    >>> events.column("cameo_code")[0].as_py(), str(events.schema.field("date_start").type)
    ('042', 'date32[day]')
    >>> paths[-1].name
    'README.md'
    """
    specs = every_table() if layout is None else (layout_table(layout),)
    pa = require("pyarrow", "write_parquet", "arrow")
    pq = require("pyarrow.parquet", "write_parquet", "arrow")
    book = edition_or_shipped(book)
    folder = Path(directory)
    if layout is None:
        refuse_foreign_card(folder / CARD_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in specs:
        path = folder / f"{spec.name}.parquet"
        pq.write_table(arrow_table(pa, spec, book), path)
        written.append(path)
    if layout is None:
        card = folder / CARD_NAME
        card.write_text(dataset_card(book, specs), encoding="utf-8")
        written.append(card)
    return tuple(written)
