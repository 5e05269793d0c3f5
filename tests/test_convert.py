"""The converter: unstructure() gives plain JSON values, structure() round-trips and is strict."""

from __future__ import annotations

import json
from typing import Any

import cattrs
import pytest

import bluebook_data as bb
from tests.helpers import records

_BOOK = bb.load()
_JSON_TYPES = (dict, list, str, int, type(None))


def _plain_types(value: object) -> set[type]:
    """Return the exact types of ``value`` and of everything inside its dicts and lists."""
    found = {type(value)}
    if isinstance(value, dict):
        for key, item in value.items():
            found |= _plain_types(key) | _plain_types(item)
    elif isinstance(value, list):
        for item in value:
            found |= _plain_types(item)
    return found


@pytest.mark.parametrize(
    "value",
    [
        *(pytest.param(record, id=label) for label, record in records(_BOOK)),
        pytest.param(_BOOK.chapter(), id="chapter"),
        pytest.param(_BOOK, id="bluebook"),
    ],
)
def test_unstructure_is_json_and_round_trips(value: object) -> None:
    """unstructure() gives only dicts, lists, str, int and None; structure() gives it back."""
    plain = bb.converter.unstructure(value)
    assert _plain_types(plain) <= set(_JSON_TYPES)
    assert json.loads(json.dumps(plain)) == plain
    assert bb.converter.structure(plain, type(value)) == value


def test_unstructure_gives_enum_values_and_iso_dates() -> None:
    """Enums become their string values and dates their ISO form, as users type them."""
    engagement = _BOOK.engagement("2015-10-22-abe-central-asia-tour")
    plain = bb.converter.unstructure(engagement)
    assert (plain["kind"], plain["status"]) == ("visit", "held")
    assert (plain["date"], plain["end_date"]) == ("2015-10-22", "2015-10-28")
    assert plain["countries"] == list(engagement.countries)


def _engagement() -> dict[str, Any]:
    plain: dict[str, Any] = bb.converter.unstructure(
        _BOOK.engagement("2015-09-21-foreign-ministers-meeting-moscow")
    )
    return plain


def _set(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """Return an unstructured engagement with the value at ``path`` replaced."""
    plain = _engagement()
    target: Any = plain
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return plain


@pytest.mark.parametrize(
    ("plain", "where"),
    [
        pytest.param(_set(("venue",), "Moscow"), "$", id="extra-key"),
        pytest.param(_set(("evidence", 0, "quote"), "x"), "$.evidence[0]", id="extra-nested-key"),
        pytest.param(_set(("title",), 7), "$.title", id="int-for-str"),
        pytest.param(_set(("location",), 7), "$.location", id="int-for-optional-str"),
        pytest.param(_set(("countries",), "JP"), "$.countries", id="str-for-list"),
        pytest.param(_set(("countries", 1), 643), "$.countries[1]", id="int-in-str-list"),
        pytest.param(_set(("evidence", 0, "start"), "1"), "$.evidence[0].start", id="str-for-int"),
        pytest.param(_set(("evidence", 0, "end"), 1e3), "$.evidence[0].end", id="float-for-int"),
        pytest.param(_set(("evidence", 0, "start"), True), "$.evidence[0].start", id="bool-int"),
        pytest.param(_set(("date",), "2015-09-31"), "$.date", id="bad-date"),
        pytest.param(_set(("date",), "21 September 2015"), "$.date", id="bad-date-form"),
        pytest.param(_set(("date",), 2015), "$.date", id="int-for-date"),
        pytest.param(_set(("kind",), "meeting"), "$.kind", id="bad-enum-value"),
        pytest.param(_set(("kind",), 1), "$.kind", id="int-for-enum"),
        pytest.param(_set(("status",), "HELD"), "$.status", id="enum-name-for-value"),
        pytest.param(_set(("references", 0), None), "$.references[0]", id="none-for-record"),
    ],
)  # fmt: skip
def test_structure_is_strict(plain: dict[str, Any], where: str) -> None:
    """Every wrong key, type or value raises, naming the field it is at."""
    with pytest.raises(cattrs.BaseValidationError) as caught:
        bb.converter.structure(plain, bb.Engagement)
    assert any(message.endswith(f"@ {where}") for message in cattrs.transform_error(caught.value))


def test_structure_accepts_what_unstructure_gives() -> None:
    """The unedited payload used by the strictness cases does structure (the cases are fair)."""
    assert bb.converter.structure(_engagement(), bb.Engagement).id.endswith("meeting-moscow")
