"""The Datasette metadata file written beside the SQLite database.

Datasette shows a database's tables as pages and serves them as JSON. The metadata file
(``datasette bluebook.db --metadata bluebook.metadata.json``) gives those pages the data set's
title, its source and licence, and a title and description for every table, view and column,
from the same descriptions as the data dictionary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.citation import citation_of
from bluebook_data._exports.datacard import edition_title
from bluebook_data._tables.columns import Table
from bluebook_data._tables.layouts import CAMEO_CODES, layout_names, layout_table
from bluebook_data._tables.links import link_tables
from bluebook_data._tables.tables import tables

__all__ = ["datasette_metadata", "metadata_path"]


def metadata_path(database: Path) -> Path:
    """Return where a database's metadata goes: ``x.db`` gives ``x.metadata.json``.

    >>> metadata_path(Path("out/bluebook.db")).as_posix()
    'out/bluebook.metadata.json'
    """
    return database.with_name(f"{database.stem}.metadata.json")


def _described(spec: Table) -> dict[str, Any]:
    return {
        "title": spec.title,
        "description": spec.description,
        "columns": {column.name: column.description for column in spec.columns},
    }


def datasette_metadata(book: Bluebook, database: Path) -> dict[str, Any]:
    """Return the Datasette metadata of the database at ``database``, written from ``book``.

    >>> import bluebook_data as bb
    >>> metadata = datasette_metadata(bb.load(), Path("bluebook.db"))
    >>> metadata["databases"]["bluebook"]["tables"]["sentences"]["columns"]["span_start"]
    'Offset of the first character in the text (code points, from 0).'
    """
    cited = citation_of(book)
    specs = [
        *tables().values(),
        *link_tables(),
        CAMEO_CODES,
        *(layout_table(name) for name in layout_names()),
    ]
    described = {spec.name: _described(spec) for spec in specs}
    described["metadata"] = {
        "title": "Metadata",
        "description": "The source, its licence and citation, the package and data versions, "
        "and the verbatim text (`text`) with its SHA-256, which every offset counts into.",
        "columns": {"key": "What the row records.", "value": "Its value."},
    }
    return {
        "title": edition_title(book),
        "description": (
            "The engagements, statements, countries, people and topics that the text reports, "
            f"each citing the spans of text it rests on (data version {book.data_version}). "
            "Search the sentences on their page. " + cited.notice
        ),
        "license": cited.licence,
        "license_url": cited.licence_url,
        "source": cited.text,
        "source_url": book.url,
        "databases": {database.stem: {"tables": described}},
    }
