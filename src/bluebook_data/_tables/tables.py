"""The flat tables every export shares, and :func:`to_records`, the rows of one of them.

A row is a plain dict of strings, integers, None and lists: ready for :func:`json.dumps`, the
:mod:`csv` module, pandas and Arrow. The columns come from
:mod:`bluebook_data._tables.columns`, so the tables follow the model.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, get_args

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._tables.columns import Table, model_columns
from bluebook_data._tables.events import EVENTS
from bluebook_data._tables.layouts import Layout, layout_table
from bluebook_data.errors import InvalidFilterError
from bluebook_data.model import Country, Engagement, Person, Sentence, Statement, Topic

__all__ = ["TableName", "table", "table_names", "table_with_layout", "tables", "to_records"]

TableName = Literal[
    "countries", "people", "topics", "sentences", "engagements", "statements", "events"
]


def _model_table(name: str, cls: type, description: str, key: str) -> Table:
    def records(book: Bluebook) -> tuple[Any, ...]:
        found: tuple[Any, ...] = getattr(book, name)()
        return found

    return Table(
        name=name,
        title=name.capitalize(),
        description=description,
        columns=model_columns(cls),
        primary_key=(key,),
        records=records,
    )


@functools.cache
def tables() -> Mapping[str, Table]:
    """Return every table by name, in the order a data package lists them.

    Built on first use: deriving the columns reads the model's type hints, which an
    ``import bluebook_data`` should not pay for.
    """
    return MappingProxyType(
        {
            table.name: table
            for table in (
                _model_table(
                    "countries", Country, "The countries the text refers to, by region.", "code"
                ),
                _model_table(
                    "people", Person, "The people the records name, by family name.", "id"
                ),
                _model_table("topics", Topic, "The subjects the text reports on, by id.", "id"),
                _model_table(
                    "sentences", Sentence, "Every sentence of the text, in text order.", "id"
                ),
                _model_table(
                    "engagements",
                    Engagement,
                    "The diplomatic contacts the text reports, in date order.",
                    "id",
                ),
                _model_table(
                    "statements",
                    Statement,
                    "The assessments, policies and outcomes the text states, in text order.",
                    "id",
                ),
                EVENTS,
            )
        }
    )


def table_names() -> tuple[str, ...]:
    """Return the names :func:`to_records` accepts.

    >>> table_names()
    ('countries', 'people', 'topics', 'sentences', 'engagements', 'statements', 'events')
    """
    return get_args(TableName)


def table(kind: object) -> Table:
    """Return the table named ``kind``.

    Raises:
        TypeError: if ``kind`` is not a string.
        InvalidFilterError: if no table has that name; it lists those that do.
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__}")
    found = tables().get(kind)
    if found is None:
        raise InvalidFilterError("kind", kind, table_names())
    return found


def table_with_layout(kind: object, layout: object = None) -> Table:
    """Return the table named ``kind``, or the events in the columns of ``layout``.

    Raises:
        TypeError: if ``kind`` or ``layout`` is not a string (``layout`` may be None).
        InvalidFilterError: for an unknown table or layout, or a layout for a table other than
            ``"events"``; it lists the valid ones.

    >>> table_with_layout("events", "polecat").name
    'events_polecat'
    """
    spec = table(kind)
    if layout is None:
        return spec
    if kind != "events":
        raise InvalidFilterError("kind", kind, ("events",), "a layout is for 'events' only")
    return layout_table(layout)


def to_records(
    kind: TableName, *, layout: Layout | None = None, book: Bluebook | None = None
) -> list[dict[str, Any]]:
    """Return the rows of one table as flat, JSON-ready dicts, built afresh on every call.

    Every record becomes one row (``"events"``: one row per actor and recipient of each
    engagement with an event code). Enums become their values; a date becomes its ISO string with
    its precision and its ``year``, ``month`` and ``day``; evidence becomes lists of quotes,
    offsets and sentence ids; lists stay lists.

    Args:
        kind: ``"engagements"``, ``"statements"``, ``"countries"``, ``"people"``, ``"topics"``,
            ``"sentences"`` or ``"events"``.
        layout: For ``"events"`` only: ``"polecat"`` or ``"icews"`` give the rows dated to the
            day in the column names, spellings and codes of those datasets (see the events
            guide).
        book: The edition to read, such as ``bb.load(folder)``; by default the shipped one.

    Raises:
        TypeError: if ``kind`` or ``layout`` is not a string.
        InvalidFilterError: for any other name or layout, or a layout for a table other than
            ``"events"``; it lists the valid ones.

    >>> import bluebook_data as bb
    >>> rows = {row["id"]: row for row in bb.to_records("engagements")}
    >>> visit = rows["2015-09-20-kishida-visit-russia"]
    >>> visit["date"], visit["date_precision"], visit["month"], visit["hosts"]
    ('2015-09-20', 'day', 9, ['RU'])
    >>> event = bb.to_records("events")[0]
    >>> event["actor_country_alpha3"], event["event_type"], event["event_mode"]
    ('JPN', 'CONSULT', 'visit')
    >>> icews = bb.to_records("events", layout="icews")[0]
    >>> icews["Target Country"], icews["CAMEO Code"], icews["Intensity"]
    ('Russian Federation', '042', 1.9)
    >>> sorted({row["Contexts"] or "" for row in bb.to_records("events", layout="polecat")})
    ['', 'diplomatic']
    """
    return table_with_layout(kind, layout).rows(edition_or_shipped(book))
