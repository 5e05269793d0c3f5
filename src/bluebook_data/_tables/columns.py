"""The columns of the flat tables, derived from the model's fields.

A :class:`Column` knows its type, its meaning and the table it points to, and how to read its cell
from a record. :func:`model_columns` derives the columns of a record class field by field, so a
field added to the model appears in every export (and a field no table can hold fails loudly).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._tables.codebooks import OFFSET, URL, Rule, rule_of
from bluebook_data._tables.fields import data_fields, describe, field_types
from bluebook_data._tables.patterns import PARTIAL_DATE_PATTERN
from bluebook_data.model import PartialDate, Reference, Span

__all__ = [
    "LINKS",
    "Column",
    "ColumnType",
    "Table",
    "date_columns",
    "list_column",
    "model_columns",
    "sentence_of",
]

ColumnType = Literal["string", "integer", "number", "date", "array"]
ItemType = Literal["string", "integer"]
#: Reads one cell from a record; the book is there for cells that need the text's structure.
Getter = Callable[[Any, Bluebook], Any]

#: The columns that hold ids or codes of records of another table, as ``(table, column)``.
LINKS: Final[Mapping[tuple[str, str], tuple[str, str]]] = MappingProxyType(
    {
        ("Engagement", "countries"): ("countries", "code"),
        ("Engagement", "hosts"): ("countries", "code"),
        ("Engagement", "participants"): ("people", "id"),
        ("Engagement", "topics"): ("topics", "id"),
        ("Engagement", "part_of"): ("engagements", "id"),
        ("Statement", "countries"): ("countries", "code"),
        ("Statement", "topics"): ("topics", "id"),
        ("Statement", "engagements"): ("engagements", "id"),
        ("Person", "country"): ("countries", "code"),
        ("Topic", "parent"): ("topics", "id"),
    }
)


@attrs.frozen(kw_only=True)
class Column:
    """One column of a flat table.

    ``type`` is ``"array"`` for a list cell, whose items are of ``items`` (and may be None where
    ``null_items`` says so); ``choices`` lists the values of an enum column, a category unless
    ``categorical`` is false (codes such as CAMEO's stay plain text); ``pattern`` (``globs``, the
    same for SQLite, where it can be said), ``minimum`` and ``maximum`` constrain a value (each
    item of a list); ``references`` names
    the ``(table, column)`` its values (or items) point to.
    """

    name: str
    description: str
    get: Getter = attrs.field(eq=False, repr=False)
    type: ColumnType = "string"
    items: ItemType | None = None
    null_items: bool = False
    required: bool = False
    choices: tuple[str, ...] = ()
    categorical: bool = True
    pattern: str | None = None
    globs: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    references: tuple[str, str] | None = None

    def ruled(self, rule: Rule | None) -> Column:
        """Return this column with a codebook rule's values, pattern and range, if any."""
        if rule is None:
            return self
        return attrs.evolve(
            self,
            choices=rule.choices or self.choices,
            categorical=rule.categorical if rule.choices else self.categorical,
            pattern=rule.pattern or self.pattern,
            globs=rule.globs or self.globs,
            minimum=self.minimum if rule.minimum is None else rule.minimum,
            maximum=self.maximum if rule.maximum is None else rule.maximum,
        )


@attrs.frozen(kw_only=True)
class Table:
    """A flat table: a title, its columns, its key, and the records it holds one row each."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    records: Callable[[Bluebook], Sequence[Any]] = attrs.field(eq=False, repr=False)

    def row(self, record: Any, book: Bluebook) -> dict[str, Any]:
        """Build the row of one record, a new dict (and new lists) on every call."""
        return {column.name: column.get(record, book) for column in self.columns}

    def rows(self, book: Bluebook) -> list[dict[str, Any]]:
        """Build the rows of every record, in the order of ``records``."""
        return [self.row(record, book) for record in self.records(book)]


def sentence_of(book: Bluebook, span: Span) -> str | None:
    """Return the id of the sentence a span starts in, or None for a span in the headings.

    >>> import bluebook_data as bb
    >>> span = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow").evidence[0]
    >>> sentence_of(bb.load(), span)
    'c2-s5-p2-s1'
    """
    for sentence in book.sentences():
        if sentence.span.start <= span.start < sentence.span.end:
            return sentence.id
    return None


def _attribute(name: str) -> Getter:
    return lambda record, book: getattr(record, name)


def _enum_value(name: str) -> Getter:
    return lambda record, book: getattr(record, name).value


def _as_list(name: str) -> Getter:
    return lambda record, book: list(getattr(record, name))


def date_columns(
    name: str, description: str, read: Callable[[Any], PartialDate | None]
) -> list[Column]:
    """Return the columns of one partial date: the ISO string, its precision, its parts and range.

    ``date`` gives ``date``, ``date_precision``, ``date_start``, ``date_end``, ``year``,
    ``month``, ``day``; ``end_date`` gives ``end_date``, ``end_date_precision``,
    ``end_date_start``, ``end_date_end``, ``end_year``, ``end_month``, ``end_day``. The ``_start``
    and ``_end`` cells are the first and last day the date covers (``2015-10`` runs from
    ``2015-10-01`` to ``2015-10-31``), as ISO strings in rows and as real dates in the frames, so
    that a month or a year is a range query in any engine.
    """
    prefix = name.removesuffix("date")

    def part(attribute: str) -> Getter:
        def get(record: Any, book: Bluebook) -> int | None:
            date = read(record)
            return None if date is None else getattr(date, attribute)

        return get

    def precision(record: Any, book: Bluebook) -> str | None:
        date = read(record)
        return None if date is None else date.precision

    def iso(record: Any, book: Bluebook) -> str | None:
        date = read(record)
        return None if date is None else date.isoformat()

    def bound(method: str) -> Getter:
        def get(record: Any, book: Bluebook) -> str | None:
            date = read(record)
            return None if date is None else getattr(date, method)().isoformat()

        return get

    return [
        Column(
            name=name,
            description=f"{description} ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD.",
            pattern=PARTIAL_DATE_PATTERN,
            get=iso,
        ),
        Column(
            name=f"{name}_precision",
            description=f"How much of `{name}` is known.",
            choices=("year", "month", "day"),
            get=precision,
        ),
        Column(
            name=f"{name}_start",
            type="date",
            description=f"The first day `{name}` covers: a range query's lower bound.",
            get=bound("first_day"),
        ),
        Column(
            name=f"{name}_end",
            type="date",
            description=f"The last day `{name}` covers: a range query's upper bound.",
            get=bound("last_day"),
        ),
        *(
            Column(
                name=f"{prefix}{attribute}",
                type="integer",
                description=f"The {attribute} of `{name}`, if known.",
                minimum=minimum,
                maximum=maximum,
                get=part(attribute),
            )
            for attribute, minimum, maximum in (("year", 1, 9999), ("month", 1, 12), ("day", 1, 31))
        ),
    ]


def list_column(name: str, items: ItemType, description: str, get: Getter) -> Column:
    """Return a required list column: a list, possibly empty, in every row."""
    return Column(
        name=name, type="array", items=items, required=True, description=description, get=get
    )


def _each(name: str, part: Callable[[Any, Bluebook], Any]) -> Getter:
    """Read ``part`` of every item of the tuple field ``name``, as a new list."""
    return lambda record, book: [part(item, book) for item in getattr(record, name)]


def _evidence_columns(name: str, description: str) -> list[Column]:
    return [
        list_column(
            name,
            "string",
            f"{description} The quotes, verbatim.",
            _each(name, lambda span, book: span.text),
        ),
        list_column(
            f"{name}_start",
            "integer",
            f"Where each quote in `{name}` starts in the text (code points).",
            _each(name, lambda span, book: span.start),
        ).ruled(OFFSET),
        list_column(
            f"{name}_end",
            "integer",
            f"Where each quote in `{name}` ends in the text.",
            _each(name, lambda span, book: span.end),
        ).ruled(OFFSET),
        # A quote from the headings starts in no sentence: its id is None.
        attrs.evolve(
            list_column(
                f"{name}_sentence_ids",
                "string",
                f"The id of the sentence each quote in `{name}` starts in; null for a heading.",
                _each(name, lambda span, book: sentence_of(book, span)),
            ),
            null_items=True,
            references=("sentences", "id"),
        ),
    ]


def _reference_columns(name: str, description: str) -> list[Column]:
    singular = name.removesuffix("s")
    return [
        list_column(
            f"{singular}_urls",
            "string",
            f"{description} Their addresses.",
            _each(name, lambda reference, book: reference.url),
        ).ruled(URL),
        list_column(
            f"{singular}_titles",
            "string",
            "What each source in the same position of the addresses is.",
            _each(name, lambda reference, book: reference.title),
        ),
    ]


def _span_part(name: str, part: str) -> Getter:
    return lambda record, book: getattr(getattr(record, name), part)


def _span_columns(name: str) -> list[Column]:
    # The offsets are `span_start` and `span_end`, not `start` and `end`: END is a reserved word
    # in SQL, and a column named after it needs quoting in every query.
    return [
        Column(
            name=f"{name}_{part}",
            type="integer",
            required=True,
            description=describe(Span, part),
            get=_span_part(name, part),
        ).ruled(OFFSET)
        for part in ("start", "end")
    ] + [
        Column(
            name="text",
            required=True,
            description=f"The quoted characters, equal to the text between `{name}_start` and "
            f"`{name}_end`.",
            get=_span_part(name, "text"),
        )
    ]


def model_columns(cls: type) -> tuple[Column, ...]:
    """Derive the flat columns of a record class from its fields.

    Raises:
        TypeError: for a field whose type no flat table can hold (a nested record list).

    >>> import bluebook_data as bb
    >>> [column.name for column in model_columns(bb.Topic)]
    ['id', 'label', 'parent', 'evidence', 'evidence_start', 'evidence_end', 'evidence_sentence_ids']
    """
    columns: list[Column] = []
    for field in data_fields(cls):
        columns += _field_columns(cls, field.name)
    return tuple(columns)


def _field_columns(cls: type, name: str) -> list[Column]:
    """Return the columns of one field, with the field's codebook rule on its simple columns."""
    rule = rule_of(cls, name)
    return [column.ruled(rule) if column.name == name else column for column in _typed(cls, name)]


def _typed(cls: type, name: str) -> list[Column]:
    """Return the columns a field of this type gives, before any codebook rule."""
    columns: list[Column] = []
    hint = field_types(cls)[name]
    description = describe(cls, name)
    link = LINKS.get((cls.__name__, name))
    simple: dict[str, Any] = {"name": name, "description": description, "references": link}
    if hint in (str, str | None):
        columns.append(Column(type="string", required=hint is str, get=_attribute(name), **simple))
    elif hint in (int, int | None):
        columns.append(Column(type="integer", required=hint is int, get=_attribute(name), **simple))
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        choices = tuple(member.value for member in hint)
        columns.append(
            Column(type="string", required=True, choices=choices, get=_enum_value(name), **simple)
        )
    elif hint == PartialDate | None:
        columns += date_columns(name, description, _attribute_reader(name))
    elif hint == tuple[str, ...]:
        columns.append(
            Column(type="array", items="string", required=True, get=_as_list(name), **simple)
        )
    elif hint == tuple[Span, ...]:
        columns += _evidence_columns(name, description)
    elif hint == tuple[Reference, ...]:
        columns += _reference_columns(name, description)
    elif hint is Span:
        columns += _span_columns(name)
    else:
        raise TypeError(f"{cls.__name__}.{name}: no flat column for the type {hint!r}")
    return columns


def _attribute_reader(name: str) -> Callable[[Any], PartialDate | None]:
    return lambda record: getattr(record, name)
