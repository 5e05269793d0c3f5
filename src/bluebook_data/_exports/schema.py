"""JSON Schemas of the records and of the rows of the flat tables.

A record's schema describes what :data:`bluebook_data.converter` produces and accepts: enums as
their values, :class:`~bluebook_data.PartialDate` as an ISO string, tuples as arrays, no extra
keys. It is built from the attrs fields and their types each time, so it follows the model as it
changes. No published library knows the hooks of this package's converter, which is why the walk
is here. A table's schema describes one row of :func:`bluebook_data.to_records`, built from the
table's columns.

Both kinds constrain what a type alone cannot: dates must be real calendar dates (see
:mod:`bluebook_data._tables.patterns`), enums take their values, codes and addresses follow the
codebooks' rules (:mod:`bluebook_data._tables.codebooks`), months and days their ranges and
offsets are never negative, and a code or id that points to another record must be one the
loaded edition has (``"$defs"`` holds each such list once). What a JSON Schema cannot state (a
start before its end, a quote equal to the text at its offsets) the loader's checks and the
SQLite database's ``CHECK`` constraints state.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._tables.codebooks import CAMEO_TO_PLOVER, Rule, plover_of_cameo, rule_of
from bluebook_data._tables.columns import LINKS, Column, Table
from bluebook_data._tables.fields import RECORD_CLASSES, data_fields, describe, field_types
from bluebook_data._tables.layouts import Layout
from bluebook_data._tables.links import every_table
from bluebook_data._tables.patterns import DATE_PATTERN, PARTIAL_DATE_PATTERN
from bluebook_data._tables.tables import table, table_with_layout
from bluebook_data.errors import InvalidFilterError
from bluebook_data.model import PartialDate

__all__ = ["DIALECT", "json_schema"]

#: The JSON Schema dialect of every schema this module builds.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


def _partial_date_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": PARTIAL_DATE_PATTERN,
        "description": "A date known to the year, the month or the day (ISO 8601).",
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _constrained(schema: dict[str, Any], rule: Rule | None) -> dict[str, Any]:
    """Put a codebook rule on a value's schema: inside ``anyOf`` and ``items``, where they are."""
    if rule is None:
        return schema
    if "anyOf" in schema:
        return {**schema, "anyOf": [_constrained(schema["anyOf"][0], rule), *schema["anyOf"][1:]]}
    if schema.get("type") == "array":
        return {**schema, "items": _constrained(schema["items"], rule)}
    constrained = dict(schema)
    if rule.choices:
        constrained["enum"] = list(rule.choices)
    if rule.pattern is not None:
        constrained["pattern"] = rule.pattern
    if rule.minimum is not None:
        constrained["minimum"] = rule.minimum
    if rule.maximum is not None:
        constrained["maximum"] = rule.maximum
    return constrained


class _Builder:
    """Walks one class or table, collecting record classes and key lists under ``$defs``.

    With an edition, every key column is held to the values the edition has; without one, to
    strings. ``described`` gives each field's description, by default from the model's table.
    ``codebooks`` puts the codebooks' rules on the fields (patterns, enumerations, the CAMEO to
    PLOVER table); the annotations file's schema leaves them out, as loading does not check them.
    """

    def __init__(
        self,
        book: Bluebook | None,
        described: Callable[[type, str], str] = describe,
        codebooks: bool = True,
    ) -> None:
        self.book = book
        self.definitions: dict[str, dict[str, Any]] = {}
        self.described = described
        self.codebooks = codebooks

    def key(self, target: tuple[str, str]) -> dict[str, Any]:
        """Refer to the values that the key column ``target`` holds in the edition."""
        if self.book is None:
            return {"type": "string"}
        name = ".".join(target)
        if name not in self.definitions:
            table_name, column = target
            values = {row[column] for row in table(table_name).rows(self.book)}
            self.definitions[name] = {
                "description": f"A value of `{name}` in the loaded edition.",
                "type": "string",
                "enum": sorted(values),
            }
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, hint: Any, key: tuple[str, str] | None = None) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"} if key is None else self.key(key)
        if hint is int:
            return {"type": "integer"}
        if hint is PartialDate:
            return _partial_date_schema()
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"type": "string", "enum": [member.value for member in hint]}
        if isinstance(hint, type) and attrs.has(hint):
            if hint.__name__ not in self.definitions:
                self.definitions[hint.__name__] = {}  # claimed first: a class may recur
                self.definitions[hint.__name__] = self.of_record(hint)
            return {"$ref": f"#/$defs/{hint.__name__}"}
        origin, arguments = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": self.of_type(arguments[0], key)}
        if origin is types.UnionType and type(None) in arguments:
            (inner,) = (argument for argument in arguments if argument is not type(None))
            return _nullable(self.of_type(inner, key))
        raise TypeError(f"no JSON Schema for the type {hint!r}")

    def of_record(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in data_fields(cls):
            link = LINKS.get((cls.__name__, field.name))
            schema = self.of_type(field_types(cls)[field.name], link)
            if self.codebooks:
                schema = _constrained(schema, rule_of(cls, field.name))
            schema = {**schema, "description": self.described(cls, field.name)}
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                schema["default"] = _json_default(field.default)
            properties[field.name] = schema
        doc = (cls.__doc__ or "").strip().splitlines()
        return {
            "title": cls.__name__,
            "description": doc[0] if doc else cls.__name__,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
            **(_conversions(set(properties)) if self.codebooks else {}),
        }

    def of_cell(self, kind: str, column: Column) -> dict[str, Any]:
        """Describe one value of a column: a whole cell, or one item of a list cell."""
        if column.references is not None:
            return self.key(column.references)
        if column.choices:
            return {"type": "string", "enum": list(column.choices)}
        if kind == "date":
            # The pattern does the checking: validators treat `format` as a note by default.
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        return _constrained(
            {"type": kind},
            Rule(pattern=column.pattern, minimum=column.minimum, maximum=column.maximum),
        )

    def of_column(self, column: Column) -> dict[str, Any]:
        if column.type == "array":
            items = self.of_cell(column.items or "string", column)
            schema = {"type": "array", "items": _nullable(items) if column.null_items else items}
        else:
            schema = self.of_cell(column.type, column)
            if not column.required:
                schema = _nullable(schema)
        return {**schema, "description": column.description}

    def of_table(self, spec: Table) -> dict[str, Any]:
        # Every row has every column as a key; `required` on a column means "never null".
        return {
            "title": f"A row of {spec.name}",
            "description": spec.description,
            "type": "object",
            "properties": {column.name: self.of_column(column) for column in spec.columns},
            "required": [column.name for column in spec.columns],
            "additionalProperties": False,
            **_conversions({column.name for column in spec.columns}),
        }


def _conversions(names: set[str]) -> dict[str, Any]:
    """State the CAMEO to PLOVER table where a schema has the three fields: a code fixes the rest.

    A JSON Schema cannot say "start before end", but it can say "if the code is 042, the type is
    CONSULT and the mode visit", one ``if``/``then`` per code of the table.
    """
    fields = plover_of_cameo(names)
    if fields is None:
        return {}
    code, event, mode = fields
    return {
        "allOf": [
            {
                "if": {"properties": {code: {"const": cameo}}, "required": [code]},
                "then": {"properties": {event: {"const": plover[0]}, mode: {"const": plover[1]}}},
            }
            for cameo, plover in CAMEO_TO_PLOVER.items()
        ]
    }


def _json_default(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if attrs.has(type(value)):  # a nested record's default, such as an empty rule
        return attrs.asdict(value)  # type: ignore[arg-type]
    return value


def _named_table(name: str, layout: object) -> Table:
    """Return a table by name: one of :func:`to_records`, a link table or a layout's table."""
    if layout is not None:
        return table_with_layout(name, layout)
    every = {spec.name: spec for spec in every_table()}
    if name not in every:
        raise InvalidFilterError("table", name, tuple(every))
    return every[name]


def json_schema(
    cls: type | str, *, layout: Layout | None = None, book: Bluebook | None = None
) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a record class or of a table's rows.

    Given a record class, the schema describes ``bb.converter.unstructure(record)`` for every
    record of the class, and what ``bb.converter.structure`` accepts: fields with a default may be
    left out, no other keys may be added. Given a table name, it describes each row of
    ``bb.to_records(name)``: every column is present, and only those. The link tables of the
    data package (``"engagement_countries"``, ...) and the layouts (``"events"`` with
    ``layout="polecat"``, or ``"events_polecat"``) have schemas too.

    Both check more than types: a date must be a real calendar date (``2015-13-45`` is not), a
    month 1 to 12 and a day 1 to 31; an enum takes only its values, PLOVER event types and modes
    and CAMEO codes included; ISO codes, Wikidata ids and addresses follow their patterns;
    offsets are never negative; and a country code or an id that points to another record
    (sentence ids included) must be one of those in the loaded edition (``countries=["XX"]`` is
    not valid). Those lists sit once under ``"$defs"``, named after the key they hold
    (``"countries.code"``). The date bounds of the tables (``date_start``, ``date_end``) carry
    ``"format": "date"`` and a pattern that checks the same without a format checker.

    Args:
        cls: A record class of the package, such as :class:`~bluebook_data.Engagement`, or the
            name of a table, such as ``"engagements"``.
        layout: With ``"events"``, the schema of that layout's rows, as
            :func:`~bluebook_data.to_records` gives them.
        book: The edition whose codes and ids the key columns are held to; the shipped one by
            default.

    Raises:
        TypeError: if ``cls`` is neither one of the package's record classes nor a string.
        InvalidFilterError: if ``cls`` is a string that names no table, or ``layout`` no
            layout; it lists those that do.

    >>> import bluebook_data as bb
    >>> schema = bb.json_schema(bb.Engagement)
    >>> schema["properties"]["kind"]["enum"][:2]
    ['visit', 'summit_meeting']
    >>> sorted(schema["$defs"])
    ['Reference', 'Span', 'countries.code', 'engagements.id', 'people.id', 'topics.id']
    >>> rows = bb.json_schema("engagements")
    >>> rows["properties"]["countries"]["items"], rows["$defs"]["countries.code"]["enum"][:3]
    ({'$ref': '#/$defs/countries.code'}, ['AM', 'AZ', 'GE'])
    >>> bb.json_schema("events", layout="icews")["properties"]["Event ID"]["type"]
    'integer'
    """
    if isinstance(cls, str):
        builder = _Builder(edition_or_shipped(book))
        root = builder.of_table(_named_table(cls, layout))
    elif cls not in RECORD_CLASSES:
        names = ", ".join(sorted(record.__name__ for record in RECORD_CLASSES))
        raise TypeError(
            f"expected a record class of bluebook_data ({names}) or a table name, got {cls!r}"
        )
    elif cls is PartialDate:
        return {"$schema": DIALECT, "title": "PartialDate", **_partial_date_schema()}
    else:
        builder = _Builder(edition_or_shipped(book))
        root = builder.of_record(cls)
    schema: dict[str, Any] = {"$schema": DIALECT, **root}
    if builder.definitions:
        schema["$defs"] = dict(sorted(builder.definitions.items()))
    return schema
