"""The whole data set as one SQLite database, written with the standard library's :mod:`sqlite3`.

Each table of the data package, each link table and the table of CAMEO codes becomes a SQL
table with declared types (``STRICT`` where the SQLite at hand supports it, 3.37 and later), its
primary key, its foreign keys (deferred, so that rows may point forwards while they are written,
and checked with ``PRAGMA foreign_key_check`` before the database is kept) and ``CHECK``
constraints for what the codebooks refuse: enum values, ISO code shapes, calendar dates, ranges,
a start before its end, lists that are JSON arrays. Codes are text, dates ISO text (a partial
date beside its precision), lists JSON arrays. The sentences carry their offsets, and
``sentences_fts`` is an FTS5 index over them, which Datasette finds on its own. The views
``events_polecat`` and ``events_icews`` give the event layouts from the tables. ``metadata``
holds the source, its licence and citation, the package and data versions, and the verbatim
text with its SHA-256, which every offset counts into (``substr`` counts characters as the
offsets do).

The database is built in a temporary file beside the target and moved into place only once
complete, so a reader never sees half a database and a failed run leaves the old one as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.citation import citation_of
from bluebook_data._exports.datasette import datasette_metadata, metadata_path
from bluebook_data._exports.sqlite_views import layout_views, sentences_fts
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._tables.codebooks import CAMEO_TO_PLOVER, plover_of_cameo
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.layouts import CAMEO_CODES
from bluebook_data._tables.links import link_tables
from bluebook_data._tables.patterns import PARTIAL_DATE_PATTERN
from bluebook_data._tables.tables import tables
from bluebook_data.errors import DataError

__all__ = ["STRICT_SINCE", "create_statement", "database_tables", "quote", "write_sqlite"]

#: The first SQLite release with ``STRICT`` tables.
STRICT_SINCE: Final = (3, 37, 0)

_SQL_TYPES: Final = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
    "array": "TEXT",
}


def quote(name: str) -> str:
    """Quote an SQL identifier.

    >>> quote('Event ID')
    '"Event ID"'
    """
    return '"' + name.replace('"', '""') + '"'


def _literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def database_tables() -> tuple[Table, ...]:
    """Return the tables of the database, in the order they are created."""
    return (*tables().values(), *link_tables(), CAMEO_CODES)


def _checks(column: Column) -> list[str]:
    """Return the ``CHECK`` expressions of one column; each lets NULL through."""
    name = quote(column.name)
    if column.type == "array":
        return [f"json_valid({name}) AND json_type({name}) = 'array'"]
    checks = []
    if column.choices:
        checks.append(f"{name} IN ({', '.join(map(_literal, column.choices))})")
    # SQLite's date() passes 2015-02-30 through as it is, but a modifier makes it count the days
    # on (to 2015-03-02): a real date is one that a "+0 days" leaves as it was.
    if column.type == "date":
        checks.append(f"date({name}, '+0 days') IS {name}")
    if column.pattern == PARTIAL_DATE_PATTERN:
        # A year, a month or a day that the calendar has: padded to a day, it is its own date.
        padded = f"{name} || substr('-01-01', length({name}) - 3)"
        checks.append(f"length({name}) IN (4, 7, 10) AND date({padded}, '+0 days') IS {padded}")
    if column.globs:
        checks.append(" OR ".join(f"{name} GLOB {_literal(glob)}" for glob in column.globs))
    if column.minimum is not None:
        checks.append(f"{name} >= {column.minimum}")
    if column.maximum is not None:
        checks.append(f"{name} <= {column.maximum}")
    return checks


def _column_definition(column: Column) -> str:
    parts = [quote(column.name), _SQL_TYPES[column.type]]
    if column.required:
        parts.append("NOT NULL")
    parts += [f"CHECK ({check})" for check in _checks(column)]
    if column.references is not None and column.type != "array":
        target, key = column.references
        parts.append(f"REFERENCES {quote(target)} ({quote(key)}) DEFERRABLE INITIALLY DEFERRED")
    return " ".join(parts)


def _ordered_pairs(spec: Table) -> list[tuple[str, str]]:
    """Return the columns that must not exceed another: each start before its end."""
    names = {column.name for column in spec.columns if column.type != "array"}
    pairs = [
        (name, f"{name.removesuffix('_start')}_end")
        for name in names
        if name.endswith("_start") and f"{name.removesuffix('_start')}_end" in names
    ]
    if {"date_start", "end_date_end"} <= names:
        pairs.append(("date_start", "end_date_end"))
    return sorted(pairs)


def _conversion_check(spec: Table) -> list[str]:
    """State the CAMEO to PLOVER table where a table has the three columns, as one CHECK."""
    fields = plover_of_cameo({column.name for column in spec.columns})
    if fields is None:
        return []
    code, event, mode = map(quote, fields)
    cases = " ".join(
        f"WHEN {_literal(cameo)} THEN {event} IS {_literal(plover)} AND {mode} IS "
        f"{'NULL' if plover_mode is None else _literal(plover_mode)}"
        for cameo, (plover, plover_mode) in CAMEO_TO_PLOVER.items()
    )
    return [f"CASE {code} {cases} ELSE 1 END"]


def create_statement(spec: Table, *, strict: bool) -> str:
    """Return the ``CREATE TABLE`` statement of one table.

    >>> from bluebook_data._tables.tables import table
    >>> print(create_statement(table("sentences"), strict=True))  # doctest: +ELLIPSIS
    CREATE TABLE "sentences" (
      "id" TEXT NOT NULL,
      ...
      CHECK ("span_start" <= "span_end"),
      PRIMARY KEY ("id")
    ) STRICT
    """
    lines = [_column_definition(column) for column in spec.columns]
    lines += [f"CHECK ({quote(low)} <= {quote(high)})" for low, high in _ordered_pairs(spec)]
    lines += [f"CHECK ({check})" for check in _conversion_check(spec)]
    lines.append(f"PRIMARY KEY ({', '.join(map(quote, spec.primary_key))})")
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {quote(spec.name)} (\n  {body}\n){' STRICT' if strict else ''}"


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _metadata_rows(book: Bluebook) -> list[tuple[str, str]]:
    cited = citation_of(book)
    text = book.text()
    return [
        ("title", book.title),
        ("publisher", book.publisher),
        ("source_url", book.url),
        ("accessed", book.accessed),
        ("licence", cited.licence),
        ("licence_url", cited.licence_url),
        ("citation", cited.text),
        ("notice", cited.notice),
        ("bibtex", cited.bibtex),
        ("package_version", version("bluebook-data")),
        ("data_version", book.data_version),
        ("text_file", book.text_file),
        ("text_sha256", hashlib.sha256(text.encode("utf-8")).hexdigest()),
        ("text", text),
    ]


def _fill(connection: sqlite3.Connection, book: Bluebook) -> None:
    strict = sqlite3.sqlite_version_info >= STRICT_SINCE
    for spec in database_tables():
        connection.execute(create_statement(spec, strict=strict))
        columns = ", ".join(quote(column.name) for column in spec.columns)
        marks = ", ".join("?" for _ in spec.columns)
        insert = f"INSERT INTO {quote(spec.name)} ({columns}) VALUES ({marks})"
        for row in spec.rows(book):
            try:
                connection.execute(insert, [_cell(row[column.name]) for column in spec.columns])
            except sqlite3.IntegrityError as error:
                key = ", ".join(str(row[name]) for name in spec.primary_key)
                problem = f"{spec.name} row {key}: {error}, a value the codebooks refuse"
                problem += " @ $.records"
                raise DataError(ANNOTATIONS_FILE, (problem,)) from error
    connection.execute(
        "CREATE TABLE metadata (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)"
        + (" STRICT" if strict else "")
    )
    connection.executemany("INSERT INTO metadata VALUES (?, ?)", _metadata_rows(book))
    for statement in (*sentences_fts(), *layout_views()):
        connection.execute(statement)
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:  # the loader checks every link, so this is a bug here, not in the data
        raise AssertionError(f"rows whose foreign keys point nowhere: {broken}")


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[Path]:
    """Yield a fresh file name in the target's folder, removed afterwards unless moved away."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    # mkstemp makes the file private; the export is as readable as the file it replaces, or as
    # any new file.
    os.chmod(temporary, path.stat().st_mode & 0o777 if path.is_file() else 0o644)
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def write_sqlite(path: str | os.PathLike[str], *, book: Bluebook | None = None) -> Path:
    r"""Write the data set to ``path`` as one SQLite database; return the path.

    The database holds a table per table of the data package (link tables and CAMEO codes
    included) with types, keys and checks; ``sentences_fts``, a full-text index over the
    sentences; the views ``events_polecat`` and ``events_icews``; and ``metadata``. Beside it,
    ``<name>.metadata.json`` describes every table and column for Datasette
    (``datasette bluebook.db -m bluebook.metadata.json``). Both files are replaced whole, never
    left half written. ``book`` is the edition to write, by default the shipped one.

    Raises:
        IsADirectoryError: if ``path`` is a folder.
        DataError: naming the table, the row and the rule, for an edition whose data breaks a
            rule of the codebooks that loading does not check (a PLOVER type PLOVER lacks).
        RuntimeError: if the SQLite at hand lacks FTS5 or JSON functions.

    >>> import sqlite3, tempfile
    >>> import bluebook_data as bb
    >>> phrase = "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"peace treaty\"'"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = bb.write_sqlite(f"{folder}/bluebook.db")
    ...     with contextlib.closing(sqlite3.connect(path)) as db:
    ...         found = db.execute(f"SELECT id FROM sentences WHERE rowid IN ({phrase})")
    ...         ids = [sentence_id for (sentence_id,) in found]
    ...         cameo = db.execute("SELECT DISTINCT cameo, typeof(cameo) FROM engagements "
    ...                            "WHERE cameo LIKE '04%' ORDER BY cameo").fetchone()
    >>> ids, cameo
    (['c2-s5-p2-s1', 'c2-s5-p3-s2'], ('042', 'text'))
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; give the database's file name")
    book = edition_or_shipped(book)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _temporary_beside(target) as temporary:
        with contextlib.closing(sqlite3.connect(temporary, isolation_level=None)) as connection:
            connection.execute("PRAGMA foreign_keys = ON")
            try:
                connection.execute("BEGIN")
                _fill(connection, book)
                connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                if "fts5" in str(error) or "json" in str(error):
                    raise RuntimeError(
                        f"this SQLite ({sqlite3.sqlite_version}) lacks what the database "
                        f"needs: {error}"
                    ) from error
                raise
        described = metadata_path(target)
        text = json.dumps(datasette_metadata(book, target), ensure_ascii=False, indent=2)
        with _temporary_beside(described) as metadata:
            metadata.write_text(text + "\n", encoding="utf-8")
            os.replace(metadata, described)
        os.replace(temporary, target)
    return target
