"""The whole data set as a Frictionless Data Package: ``datapackage.json``, a CSV per table.

The package follows the Data Package standard v2. Each table has a Table Schema with typed,
described fields, its primary key and its foreign keys. A list of ids (the countries of an
engagement, its participants, its topics) cannot be a foreign key in a CSV cell, so each such
list also gets a link table of one row per pair (``engagement_countries``: engagement id, country
code) whose foreign keys tools such as ``frictionless validate`` check. The verbatim text ships
beside the tables, since every evidence offset counts into it. Each file carries its size and
SHA-256, and nothing varies between runs: the same data always exports byte for byte the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.citation import citation_of
from bluebook_data._exports.formats import csv_text
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.links import link_tables
from bluebook_data._tables.tables import tables
from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import DataError

__all__ = ["PACKAGE_NAME", "PROFILE", "descriptor", "link_tables", "write_datapackage"]

#: The Data Package profile the descriptor follows.
PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
#: The ``name`` of the data package.
PACKAGE_NAME: Final = "diplomatic-bluebook-2016-ch2-s5-overview"


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    field["description"] = column.description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    # A Table Schema constrains a whole cell; the rules on the items of a list cell are left to
    # the JSON Schema of the rows and to the link tables.
    if column.type != "array":
        if column.choices:
            constraints["enum"] = list(column.choices)
        if column.pattern:
            constraints["pattern"] = column.pattern
        if column.minimum is not None:
            constraints["minimum"] = column.minimum
        if column.maximum is not None:
            constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def _table_schema(spec: Table) -> dict[str, Any]:
    foreign_keys = [
        {
            "fields": [column.name],
            "reference": {"resource": column.references[0], "fields": [column.references[1]]},
        }
        for column in spec.columns
        if column.references is not None and column.type != "array"
    ]
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in spec.columns],
        "primaryKey": list(spec.primary_key),
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _file_facts(content: bytes) -> dict[str, Any]:
    return {"bytes": len(content), "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"}


def _refuse_clash(text_file: str, files: dict[str, Any]) -> None:
    """Refuse a text named as a file the package writes, which would take that file's place."""
    # Compared case-folded: on a case-insensitive file system, Countries.CSV is countries.csv.
    for name in (*files, "datapackage.json"):
        if text_file.casefold() == name.casefold():
            problem = (
                f"the text's name {text_file!r} is the name of a file the data package writes "
                f"({name}); rename the text @ $.source.text"
            )
            raise DataError(ANNOTATIONS_FILE, (problem,))


def _files(book: Bluebook) -> dict[str, tuple[bytes, dict[str, Any]]]:
    """Return each file of the package, by name, with its resource descriptor."""
    files: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for spec in (*tables().values(), *link_tables()):
        content = csv_text(spec.columns, spec.rows(book)).encode("utf-8")
        files[f"{spec.name}.csv"] = (
            content,
            {
                "name": spec.name,
                "type": "table",
                "path": f"{spec.name}.csv",
                "title": spec.title,
                "description": spec.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                **_file_facts(content),
                "schema": _table_schema(spec),
            },
        )
    _refuse_clash(book.text_file, files)
    text = book.text().encode("utf-8")
    files[book.text_file] = (
        text,
        {
            "name": "text",
            "path": book.text_file,
            "title": "The source text, verbatim",
            "description": (
                "The text every evidence offset (`evidence_start`, `evidence_end`, `span_start`, "
                "`span_end`) counts into, in Unicode code points."
            ),
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
            **_file_facts(text),
        },
    )
    return files


def descriptor(book: Bluebook, resources: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the package descriptor around the given resource descriptors."""
    cited = citation_of(book)
    return {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": f"{book.title}, Chapter 2, Section 5 (Overview): records that cite the text",
        "description": (
            "The Overview of Chapter 2, Section 5 (Russia, Central Asia and Caucasia) of Japan's "
            "Diplomatic Bluebook, and the engagements, statements, countries, people and topics "
            "it reports, each citing the spans of text it rests on. Details that the text does "
            "not state carry a reference to a public source. " + cited.notice
        ),
        "version": DATA_VERSION,
        "keywords": ["diplomacy", "Japan", "Russia", "Central Asia", "Caucasus", "event data"],
        "licenses": [{"path": cited.licence_url, "title": cited.licence}],
        "sources": [{"title": cited.text, "path": book.url}],
        "contributors": [
            {"title": book.publisher, "roles": ["publisher"], "path": book.url},
            {"title": "bluebook-data", "roles": ["creator"]},
        ],
        "bluebook_data": {
            "package_version": version("bluebook-data"),
            "data_version": DATA_VERSION,
            "citation": cited.text,
            "notice": cited.notice,
            "bibtex": cited.bibtex,
        },
        "resources": resources,
    }


def write_datapackage(directory: str | os.PathLike[str], *, book: Bluebook | None = None) -> Path:
    """Write the data set to ``directory`` as a Frictionless Data Package; return its descriptor.

    The directory is created if needed. Its ``datapackage.json`` and the package's own files (a
    CSV per table, the verbatim text) are written over; nothing else in it is touched. Check the
    result with ``frictionless validate DIR/datapackage.json``. ``book`` is the edition to write,
    by default the shipped one.

    Raises:
        DataError: if the text's file name is that of a file the package writes (a table's CSV
            or ``datapackage.json``, compared ignoring case); nothing is written then.

    >>> import tempfile
    >>> import bluebook_data as bb
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = bb.write_datapackage(folder)
    ...     print(path.name, (path.parent / "events.csv").read_text().splitlines()[0][:30])
    datapackage.json event_id,engagement_id,part_of
    """
    book = edition_or_shipped(book)
    folder = Path(directory)
    files = _files(book)
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    package = descriptor(book, [resource for _, resource in files.values()])
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
