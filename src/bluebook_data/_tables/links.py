"""The link tables: one row for each item of a list column that holds keys of another table.

A list of ids in one cell (the countries of an engagement, its participants, its topics) cannot
be a foreign key in a CSV file or a SQL table, so each such list also gets a link table of one
row per pair (``engagement_countries``: engagement id, country code), whose two columns are
foreign keys that ``frictionless validate`` and SQLite's ``foreign_key_check`` check. A list whose
items may be null (the sentence of a quote from the headings) gets none: a key cannot be null.
"""

from __future__ import annotations

import functools
from typing import Any, Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.layouts import layout_names, layout_table
from bluebook_data._tables.tables import tables

__all__ = ["every_table", "link_tables"]

_SINGULAR: Final = {
    "countries": "country",
    "people": "person",
    "topics": "topic",
    "engagements": "engagement",
    "statements": "statement",
    "sentences": "sentence",
}


def _link_table(parent: Table, column: Column) -> Table:
    assert column.references is not None  # only list columns that point somewhere get a table
    (parent_key,) = parent.primary_key
    target, target_key = column.references
    own = f"{_SINGULAR[parent.name]}_{parent_key}"
    other = f"{_SINGULAR[target]}_{target_key}"

    def pairs(book: Bluebook) -> list[tuple[Any, Any]]:
        return [(row[parent_key], item) for row in parent.rows(book) for item in row[column.name]]

    return Table(
        name=f"{_SINGULAR[parent.name]}_{column.name}",
        title=f"{parent.title}: {column.name}",
        description=f"One row for each item of `{parent.name}.{column.name}`. {column.description}",
        primary_key=(own, other),
        records=pairs,
        columns=(
            Column(
                name=own,
                required=True,
                description=f"Id of the record of `{parent.name}`.",
                references=(parent.name, parent_key),
                get=lambda pair, book: pair[0],
            ),
            Column(
                name=other,
                required=True,
                description=f"A value of `{column.name}`, a key of `{target}`.",
                references=column.references,
                get=lambda pair, book: pair[1],
            ),
        ),
    )


@functools.cache
def link_tables() -> tuple[Table, ...]:
    """Return a link table for every list column that holds keys of another table.

    >>> [table.name for table in link_tables()][:3]
    ['engagement_countries', 'engagement_hosts', 'engagement_participants']
    """
    return tuple(
        _link_table(parent, column)
        for parent in tables().values()
        for column in parent.columns
        if column.type == "array" and column.references is not None and not column.null_items
    )


def every_table() -> tuple[Table, ...]:
    """Return every table an export writes: the tables, the link tables, the event layouts.

    >>> [table.name for table in every_table()][-2:]
    ['events_polecat', 'events_icews']
    """
    layouts = tuple(layout_table(name) for name in layout_names())
    return (*tables().values(), *link_tables(), *layouts)
