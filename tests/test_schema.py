"""The JSON Schemas match what the converter produces for every shipped record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
import pytest

import bluebook_data as bb
from bluebook_data._exports.schema import DIALECT
from bluebook_data._tables.columns import Table
from bluebook_data._tables.fields import RECORD_CLASSES, data_fields
from bluebook_data._tables.links import every_table
from bluebook_data._tables.tables import TableName, table, table_names

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


@pytest.mark.parametrize("value", [dict, bb.EngagementKind, None, 3, b"engagements"])
def test_anything_but_a_record_class_or_a_string_is_a_type_error(value: Any) -> None:
    """A class or value that is neither a record class nor a name raises TypeError naming both."""
    with pytest.raises(TypeError, match=r"Engagement.*or a table name"):
        bb.json_schema(value)


@pytest.mark.parametrize("name", ["Engagement", "engagement", "", "events_gdelt"])
def test_a_string_that_names_no_table_lists_the_tables(name: str) -> None:
    """A name that is no table raises InvalidFilterError (a ValueError) listing the tables."""
    with pytest.raises(bb.InvalidFilterError, match="'engagements'") as caught:
        bb.json_schema(name)
    assert isinstance(caught.value, ValueError)


def _codes() -> list[str]:
    return sorted(country.code for country in bb.countries())


def test_record_schemas_take_only_the_editions_codes_and_ids() -> None:
    """Codes and ids of linked records are limited to those the loaded edition holds."""
    schema = bb.json_schema(bb.Engagement)
    keys = schema["$defs"]
    assert keys["countries.code"]["enum"] == _codes()
    assert keys["engagements.id"]["enum"] == sorted(e.id for e in bb.engagements())
    assert keys["people.id"]["enum"] == sorted(p.id for p in bb.people())
    assert keys["topics.id"]["enum"] == sorted(t.id for t in bb.topics())


def _engagement_document() -> dict[str, Any]:
    document: dict[str, Any] = bb.converter.unstructure(bb.engagement("2015-09-28-summit-new-york"))
    return document


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "2015-13-45"),
        ("date", "2015-02-29"),
        ("date", "2015-00"),
        ("end_date", "2015-04-31"),
        ("countries", ["XX"]),
        ("countries", ["JP", "jp"]),
        ("hosts", ["XX"]),
        ("participants", ["nobody"]),
        ("topics", ["no-such-topic"]),
        ("part_of", "no-such-engagement"),
    ],
)
def test_engagement_schema_rejects_what_the_edition_does_not_hold(field: str, value: Any) -> None:
    """An impossible date or an unknown code or id fails the record schema."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(bb.Engagement))
    document = _engagement_document()
    assert validator.is_valid(document)
    assert not validator.is_valid({**document, field: value})


def test_engagement_schema_accepts_a_leap_day_and_null_links() -> None:
    """29 February of a leap year is a date; an optional link may be null."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(bb.Engagement))
    document = {**_engagement_document(), "date": "2016-02-29", "part_of": None}
    assert validator.is_valid(document)


def test_linked_codes_in_nested_records_are_checked() -> None:
    """A person's country is checked as an engagement's countries are."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(bb.Person))
    document = bb.converter.unstructure(bb.people()[0])
    assert validator.is_valid(document)
    assert not validator.is_valid({**document, "country": "XX"})


@pytest.mark.parametrize("kind", table_names())
def test_table_schema_is_a_valid_draft_2020_12_schema(kind: TableName) -> None:
    """Each table's row schema passes the meta-schema of its dialect."""
    schema = bb.json_schema(kind)
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", table_names())
def test_every_row_of_every_table_validates(kind: TableName) -> None:
    """Every row ``to_records`` gives is valid against its table's schema, with formats checked."""
    validator = jsonschema.Draft202012Validator(
        bb.json_schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    rows = bb.to_records(kind)
    assert rows
    for row in rows:
        validator.validate(row)


@pytest.mark.parametrize("kind", table_names())
def test_table_schema_follows_the_columns(kind: TableName) -> None:
    """Properties are the table's columns in order, all present in every row, and no others."""
    schema = bb.json_schema(kind)
    names = [column.name for column in table(kind).columns]
    assert list(schema["properties"]) == names == schema["required"]
    assert schema["additionalProperties"] is False
    assert schema["description"] == table(kind).description


def _row_validator(kind: str) -> Any:
    return jsonschema.Draft202012Validator(bb.json_schema(kind))


@pytest.mark.parametrize(
    ("kind", "column", "value"),
    [
        ("engagements", "date", "2015-13-45"),
        ("engagements", "date", "2015-10-32"),
        ("engagements", "date_start", "2015-13-45"),
        ("engagements", "date_end", "2015-09-31"),
        ("engagements", "date_end", "2015"),
        ("engagements", "date_precision", "week"),
        ("engagements", "kind", "phone_call"),
        ("engagements", "countries", ["XX"]),
        ("engagements", "part_of", "no-such-engagement"),
        ("engagements", "evidence_start", ["12"]),
        ("engagements", "id", None),
        ("statements", "countries", ["XX"]),
        ("statements", "engagements", ["no-such-engagement"]),
        ("people", "country", "XX"),
        ("topics", "parent", "no-such-topic"),
        ("events", "actor_country", "XX"),
        ("events", "sentence_id", "c9-s9-p9-s9"),
        ("events", "status", "cancelled"),
    ],
)
def test_row_schema_rejects_a_bad_cell(kind: TableName, column: str, value: Any) -> None:
    """An impossible date, an unknown code, id or enum value, or a wrong type fails the row."""
    validator = _row_validator(kind)
    row = bb.to_records(kind)[0]
    assert validator.is_valid(row)
    assert not validator.is_valid({**row, column: value})


def test_row_schema_rejects_a_missing_or_an_extra_column() -> None:
    """A row lacking a column, or holding one the table has not, fails."""
    validator = _row_validator("countries")
    row = bb.to_records("countries")[0]
    assert not validator.is_valid({key: value for key, value in row.items() if key != "region"})
    assert not validator.is_valid({**row, "flag": "red"})


def test_row_schema_lists_the_editions_codes() -> None:
    """The country code list of a table schema is the loaded edition's codes."""
    assert bb.json_schema("events")["$defs"]["countries.code"]["enum"] == _codes()


def test_a_heading_quote_may_have_no_sentence() -> None:
    """A sentence id of a quote may be null, as it is for a quote from the headings."""
    validator = _row_validator("topics")
    row = bb.to_records("topics")[0]
    assert row["evidence"]
    assert validator.is_valid({**row, "evidence_sentence_ids": [None] * len(row["evidence"])})
    assert not validator.is_valid({**row, "evidence_sentence_ids": [3]})


def _row(kind: str, layout: str | None = None) -> dict[str, Any]:
    return bb.to_records(kind, layout=layout)[-1]  # type: ignore[arg-type]


#: Broken rows the codebooks refuse: table, layout, the changes, what they break.
_BROKEN_ROWS: list[tuple[str, str | None, dict[str, Any], str]] = [
    ("engagements", None, {"plover_mode": "banana"}, "PLOVER mode"),
    ("engagements", None, {"plover_event": "HUG"}, "PLOVER event type"),
    ("engagements", None, {"cameo": "999"}, "CAMEO code"),
    ("engagements", None, {"cameo": "42"}, "CAMEO code without its zero"),
    ("engagements", None, {"month": 13}, "month range"),
    ("engagements", None, {"day": 0}, "day range"),
    ("engagements", None, {"end_month": 0}, "month range"),
    ("engagements", None, {"evidence_start": [-1]}, "offset"),
    ("engagements", None, {"evidence_sentence_ids": ["c2-s5-p9-s9"]}, "sentence id"),
    ("engagements", None, {"reference_urls": ["tass.com/russia"]}, "address"),
    ("engagements", None, {"reference_urls": ["https://exa mple.org"]}, "address"),
    ("engagements", None, {"date_start": "2015-02-29"}, "real date"),
    (
        "engagements",
        None,
        {"cameo": "044", "plover_event": "AGREE", "plover_mode": "third-party"},
        "CAMEO 044 is CONSULT",
    ),
    (
        "engagements",
        None,
        {"cameo": "044", "plover_event": "CONSULT", "plover_mode": "visit"},
        "CAMEO 044 is third-party",
    ),
    ("countries", None, {"alpha3": "jpn"}, "alpha-3"),
    ("countries", None, {"code": "JPN"}, "alpha-2"),
    ("countries", None, {"numeric": "39"}, "ISO numeric"),
    ("countries", None, {"wikidata": "foo"}, "Wikidata id"),
    ("countries", None, {"cow": 1000}, "COW state number"),
    ("countries", None, {"gw": 1}, "Gleditsch-Ward state number"),
    ("engagements", None, {"year": 0}, "year range"),
    ("countries", None, {"wikidata": "Q017"}, "Wikidata id"),
    ("people", None, {"wikidata": "17"}, "Wikidata id"),
    ("sentences", None, {"span_start": -3}, "offset"),
    ("topics", None, {"evidence_end": [-1]}, "offset"),
    ("events", None, {"event_type": "HUG"}, "PLOVER event type"),
    ("events", None, {"sentence_id": "c2-s5-p0-s0"}, "sentence id"),
    ("events", None, {"actor_country_alpha3": "Jpn"}, "alpha-3"),
    ("events", None, {"event_number": 17}, "event number range"),
    ("events", None, {"event_type": "AGREE"}, "CAMEO 044 is CONSULT"),
    ("events", "polecat", {"Event Type": "HUG"}, "PLOVER event type"),
    ("events", "polecat", {"Quad Code": 5}, "quad class"),
    ("events", "polecat", {"Contexts": ["diplomatic"]}, "contexts are text"),
    ("events", "polecat", {"Event Date": "2015-13-01"}, "real date"),
    ("events", "icews", {"Event ID": "2015-09-28-summit-new-york:JP-RU"}, "integer id"),
    ("events", "icews", {"CAMEO Code": "999"}, "CAMEO code"),
    ("events", "icews", {"Intensity": "1.9"}, "a number"),
]


@pytest.mark.parametrize(
    ("kind", "layout", "changes", "rule"),
    _BROKEN_ROWS,
    ids=[f"{kind}-{layout}-{rule}" for kind, layout, _, rule in _BROKEN_ROWS],
)
def test_row_schemas_refuse_what_the_codebooks_refuse(
    kind: str, layout: str | None, changes: dict[str, Any], rule: str
) -> None:
    """A shipped row is valid; the same row with one broken value is not."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(kind, layout=layout))  # type: ignore[arg-type]
    row = _row(kind, layout)
    assert validator.is_valid(row)
    assert not validator.is_valid({**row, **changes}), rule


@pytest.mark.parametrize(
    ("cls", "field", "value"),
    [
        (bb.Country, "alpha3", "jpn"),
        (bb.Country, "numeric", "39"),
        (bb.Country, "wikidata", "foo"),
        (bb.Engagement, "plover_mode", "banana"),
        (bb.Engagement, "cameo", "999"),
        (bb.Reference, "url", "not a url"),
        (bb.Span, "start", -1),
        (bb.Engagement, "plover_event", "AGREE"),
    ],
)
def test_record_schemas_refuse_what_the_codebooks_refuse(
    cls: type, field: str, value: object
) -> None:
    """A record of the class with one broken field is invalid against the class's schema."""
    validator = jsonschema.Draft202012Validator(bb.json_schema(cls))
    record = next(record for record in _SHIPPED if type(record) is cls)
    document = _unstructure(record)
    assert validator.is_valid(document)
    assert not validator.is_valid({**document, field: value})


@pytest.mark.parametrize("spec", every_table(), ids=lambda spec: spec.name)
def test_every_table_link_table_and_layout_has_a_schema(spec: Table) -> None:
    """Link tables and layouts have schemas too, and every row of each is valid against it."""
    schema = bb.json_schema(spec.name)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    rows = spec.rows(bb.load())
    assert rows
    for row in rows:
        validator.validate(row)


def test_a_link_table_refuses_unknown_keys() -> None:
    """A pair naming an unknown engagement or country is invalid."""
    validator = jsonschema.Draft202012Validator(bb.json_schema("engagement_countries"))
    row = {"engagement_id": "2015-09-28-summit-new-york", "country_code": "RU"}
    assert validator.is_valid(row)
    assert not validator.is_valid({**row, "country_code": "XX"})
    assert not validator.is_valid({**row, "engagement_id": "no-such-meeting"})


def test_a_layout_schema_is_the_layout_table_schema() -> None:
    """json_schema("events", layout="icews") and json_schema("events_icews") are the same."""
    assert bb.json_schema("events", layout="icews") == bb.json_schema("events_icews")
    with pytest.raises(bb.InvalidFilterError):
        bb.json_schema("engagements", layout="icews")
