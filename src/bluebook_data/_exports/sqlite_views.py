"""The SQL the database adds to its tables: the full-text index and the event layout views.

The views compute each layout from the ``events``, ``people`` and ``cameo_codes`` tables, column
for column as :func:`~bluebook_data._tables.layouts.layout_table` gives it in Python; building
them checks that every column of the layout has its expression here, and the tests compare the
rows of each view with those of ``bb.to_records("events", layout=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from bluebook_data._tables.layouts import ICEWS_COUNTRY_NAMES, SEPARATOR, layout_table

__all__ = ["FTS_TABLE", "layout_views", "sentences_fts"]

#: The FTS5 index over the sentences' text.
FTS_TABLE: Final = "sentences_fts"


def sentences_fts() -> tuple[str, ...]:
    """Return the statements that create and fill the full-text index of the sentences.

    It is an external-content table over ``sentences`` (``content="sentences"``), the form
    Datasette recognises, so its search box and ``?_search=`` work on the sentences' page.
    """
    return (
        f'CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, content="sentences", '
        'content_rowid="rowid")',
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
    )


def _names(role: str) -> str:
    """Name one side's participants in their order, or the side's country where none is named."""
    # group_concat takes an ORDER BY of its own only from SQLite 3.44; before, it joins the rows in
    # the order an ordered subquery gives them, which the tests compare with the Python layout.
    return (
        f"coalesce((SELECT group_concat(name, {_text(SEPARATOR)}) FROM (SELECT people.name AS name "
        f"FROM json_each(e.{role}_people) AS item JOIN people ON people.id = item.value "
        f"ORDER BY item.key)), e.{role}_country_name)"
    )


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _icews_country(role: str) -> str:
    cases = " ".join(
        f"WHEN {_text(code)} THEN {_text(name)}"
        for code, name in sorted(ICEWS_COUNTRY_NAMES.items())
    )
    return f"CASE e.{role}_country {cases} ELSE e.{role}_country_name END"


_EXPRESSIONS: Final[Mapping[str, Mapping[str, str]]] = {
    "polecat": {
        "Event ID": "e.event_id",
        "Event Date": "e.date",
        "Event Type": "e.event_type",
        "Event Mode": "e.event_mode",
        "Contexts": "c.contexts",
        "Quad Code": "c.quad_class",
        "Actor Name": _names("actor"),
        "Actor Country": "e.actor_country_alpha3",
        "Recipient Name": _names("recipient"),
        "Recipient Country": "e.recipient_country_alpha3",
    },
    "icews": {
        "Event ID": "e.event_number",
        "Event Date": "e.date",
        "Source Name": _names("actor"),
        "Source Country": _icews_country("actor"),
        "Event Text": "c.label",
        "CAMEO Code": "e.cameo_code",
        "Intensity": "c.goldstein",
        "Target Name": _names("recipient"),
        "Target Country": _icews_country("recipient"),
    },
}


def layout_views() -> tuple[str, ...]:
    """Return the ``CREATE VIEW`` statements of the layouts: ``events_polecat``, ``events_icews``.

    Raises:
        AssertionError: if a layout's columns and the view's expressions differ (a bug here).
    """
    statements = []
    for layout, expressions in _EXPRESSIONS.items():
        spec = layout_table(layout)
        columns = [column.name for column in spec.columns]
        if columns != list(expressions):
            raise AssertionError(f"the {layout} view is out of step with its layout")
        selected = ",\n  ".join(
            f'{expression} AS "{name}"' for name, expression in expressions.items()
        )
        statements.append(
            f'CREATE VIEW "{spec.name}" AS SELECT\n  {selected}\n'
            "FROM events AS e JOIN cameo_codes AS c ON c.code = e.cameo_code\n"
            "WHERE e.date_precision = 'day'\nORDER BY e.rowid"
        )
    return tuple(statements)
