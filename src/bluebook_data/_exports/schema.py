"""JSON Schemas of the records, generated from the model and its field descriptions.

Each schema describes what :data:`bluebook_data.converter` produces and accepts: enums as their
values, :class:`~bluebook_data.PartialDate` as an ISO string, tuples as arrays, no extra keys. It
is built from the attrs fields and their types each time, so it follows the model as it changes.
No published library knows the hooks of this package's converter, which is why the walk is here.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from bluebook_data._exports.fields import RECORD_CLASSES, data_fields, describe, field_types
from bluebook_data.model import PartialDate

__all__ = ["DIALECT", "PARTIAL_DATE_PATTERN", "json_schema"]

#: The JSON Schema dialect of every schema this module builds.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the form :meth:`PartialDate.isoformat` gives.
PARTIAL_DATE_PATTERN: Final = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _partial_date_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": PARTIAL_DATE_PATTERN,
        "description": "A date known to the year, the month or the day (ISO 8601).",
    }


class _Builder:
    """Walks the types reachable from one class, collecting each record class under ``$defs``.

    ``described`` gives each field's description, by default from the model's field table.
    """

    def __init__(self, described: Callable[[type, str], str] = describe) -> None:
        self.definitions: dict[str, dict[str, Any]] = {}
        self.described = described

    def of_type(self, hint: Any) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
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
            return {"type": "array", "items": self.of_type(arguments[0])}
        if origin is types.UnionType and type(None) in arguments:
            (inner,) = (argument for argument in arguments if argument is not type(None))
            return {"anyOf": [self.of_type(inner), {"type": "null"}]}
        raise TypeError(f"no JSON Schema for the type {hint!r}")

    def of_record(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in data_fields(cls):
            schema = self.of_type(field_types(cls)[field.name])
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
        }


def _json_default(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if attrs.has(type(value)):  # a nested record's default, such as an empty rule
        return attrs.asdict(value)  # type: ignore[arg-type]
    return value


def json_schema(cls: type) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a record class, as a new dict on every call.

    The schema describes ``bb.converter.unstructure(record)`` for every record of the class, and
    what ``bb.converter.structure`` accepts: fields with a default may be left out, no other keys
    may be added.

    Args:
        cls: A record class of the package, such as :class:`~bluebook_data.Engagement`.

    Raises:
        TypeError: if ``cls`` is not one of the package's record classes.

    >>> import bluebook_data as bb
    >>> schema = bb.json_schema(bb.Engagement)
    >>> schema["properties"]["kind"]["enum"][:2]
    ['visit', 'summit_meeting']
    >>> sorted(schema["$defs"])
    ['Reference', 'Span']
    """
    if cls not in RECORD_CLASSES:
        names = ", ".join(sorted(record.__name__ for record in RECORD_CLASSES))
        raise TypeError(f"expected a record class of bluebook_data ({names}), got {cls!r}")
    if cls is PartialDate:
        return {"$schema": DIALECT, "title": "PartialDate", **_partial_date_schema()}
    builder = _Builder()
    root = builder.of_record(cls)
    schema: dict[str, Any] = {"$schema": DIALECT, **root}
    if builder.definitions:
        schema["$defs"] = dict(sorted(builder.definitions.items()))
    return schema
