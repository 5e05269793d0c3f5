"""The JSON Schemas match what the converter produces for every shipped record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
import pytest

import bluebook_data as bb
from bluebook_data._exports.fields import RECORD_CLASSES, data_fields
from bluebook_data._exports.schema import DIALECT

jsonschema = pytest.importorskip("jsonschema")


def _records(value: object) -> Iterator[object]:
    """Yield every attrs record reachable from ``value``, ``value`` included."""
    if isinstance(value, tuple):
        for item in value:
            yield from _records(item)
    elif attrs.has(type(value)):
        cls: Any = type(value)
        yield value
        for field in data_fields(cls):
            yield from _records(getattr(value, field.name))


def _unstructure(record: object) -> Any:
    return bb.converter.unstructure(record)


_SHIPPED = tuple(_records(bb.load()))


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_schema_is_a_valid_draft_2020_12_schema(cls: type) -> None:
    """Each generated schema passes the meta-schema of its dialect."""
    schema = bb.json_schema(cls)
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_shipped_record_validates(cls: type) -> None:
    """Every shipped record of the class, unstructured, is valid against the class's schema."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(cls))
    records = [record for record in _SHIPPED if type(record) is cls]
    assert records, f"no shipped {cls.__name__}"
    for record in records:
        validator.validate(_unstructure(record))


@pytest.mark.parametrize(
    "cls", [cls for cls in RECORD_CLASSES if cls is not bb.PartialDate], ids=lambda c: c.__name__
)
def test_properties_and_required_follow_the_fields(cls: type) -> None:
    """Properties are the fields in order; the required ones are those without a default."""
    schema = bb.json_schema(cls)
    fields = data_fields(cls)
    assert list(schema["properties"]) == [field.name for field in fields]
    assert schema["required"] == [f.name for f in fields if f.default is attrs.NOTHING]
    assert schema["additionalProperties"] is False


def test_schema_rejects_what_the_converter_rejects() -> None:
    """An extra key or a wrong enum value fails the schema as it fails structuring."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(bb.Engagement))
    document = bb.converter.unstructure(bb.engagements()[0])
    assert validator.is_valid(document)
    for broken in ({**document, "extra": 1}, {**document, "kind": "phone_call"}):
        assert not validator.is_valid(broken)
        with pytest.raises(cattrs.BaseValidationError):
            bb.converter.structure(broken, bb.Engagement)


def test_defaults_are_structurable() -> None:
    """A document holding only the required fields structures, and the defaults fill the rest."""
    schema = bb.json_schema(bb.Engagement)
    document = bb.converter.unstructure(bb.engagements()[0])
    minimal = {name: document[name] for name in schema["required"]}
    structured = bb.converter.structure(minimal, bb.Engagement)
    for name, property_ in schema["properties"].items():
        if name not in minimal:
            assert bb.converter.unstructure(getattr(structured, name)) == property_["default"]


def test_partial_date_schema_matches_isoformat() -> None:
    """The date pattern accepts each precision and rejects other forms."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(bb.PartialDate))
    for text in ("2015", "2015-10", "2015-10-22"):
        assert validator.is_valid(bb.PartialDate.parse(text).isoformat())
    assert not validator.is_valid("22/10/2015")


def test_each_call_returns_a_new_schema() -> None:
    """Changing a returned schema does not change the next one."""
    first = bb.json_schema(bb.Country)
    first["properties"].clear()
    assert bb.json_schema(bb.Country)["properties"]


@pytest.mark.parametrize("value", [dict, bb.EngagementKind, "Engagement", None])
def test_anything_but_a_record_class_is_a_type_error(value: Any) -> None:
    """A class or value that is not a record class raises TypeError naming the valid ones."""
    with pytest.raises(TypeError, match="Engagement"):
        bb.json_schema(value)
