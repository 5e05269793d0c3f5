"""The module helpers answer as the shipped edition's methods do, for good and bad arguments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._loading import loader

FILTERS: list[dict[str, Any]] = [
    {},
    {"country": "Russia"},
    {"country": "kyrgyz republic"},
    {"country": "RU", "kind": "summit_meeting", "year": 2015},
    {"kind": bb.EngagementKind.VISIT},
    {"year": 2015},
    {"year": 2016},
    {"topic": "economy"},
    {"person": "Putin", "status": "planned"},
]
STATEMENT_FILTERS: list[dict[str, Any]] = [
    {},
    {"kind": "policy"},
    {"country": "JP", "topic": "peace treaty"},
]
BAD_FILTERS: list[tuple[dict[str, Any], type[Exception]]] = [
    ({"year": 2015.0}, TypeError),
    ({"year": True}, TypeError),
    ({"year": "2015"}, TypeError),
    ({"country": ["Russia"]}, TypeError),
    ({"country": 643}, TypeError),
    ({"country": "Rusia"}, bb.UnknownCountryError),
    ({"kind": "summit"}, bb.InvalidFilterError),
    ({"status": {"held"}}, TypeError),
    ({"topic": "nonsense"}, bb.UnknownTopicError),
]


@pytest.fixture(autouse=True)
def fresh_edition() -> Iterator[None]:
    """Start each test from a new load."""
    loader.clear_cache()
    yield
    loader.clear_cache()


@pytest.mark.parametrize("filters", FILTERS)
def test_engagements_equal_a_fresh_editions(filters: dict[str, Any]) -> None:
    """The helper gives what the method of an edition loaded apart gives, asked once or twice."""
    fresh = loader.load_bluebook().engagements(**filters)
    assert bb.engagements(**filters) == fresh
    assert bb.engagements(**filters) == fresh


@pytest.mark.parametrize("filters", STATEMENT_FILTERS)
def test_statements_equal_a_fresh_editions(filters: dict[str, Any]) -> None:
    """As for engagements."""
    assert bb.statements(**filters) == loader.load_bluebook().statements(**filters)


@pytest.mark.parametrize(
    ("query", "meant"), [("contry", "country"), ("years", "year"), ("kinds", "kind")]
)
def test_a_misspelt_filter_name_is_a_type_error_naming_the_filter(query: str, meant: str) -> None:
    """An unknown keyword is refused as Python refuses one, with the filter meant."""
    with pytest.raises(
        TypeError, match=f"unexpected keyword argument '{query}'; did you mean '{meant}'"
    ):
        bb.engagements(**{query: "x"})  # type: ignore[arg-type]


@pytest.mark.parametrize(("filters", "error"), BAD_FILTERS)
def test_bad_filters_raise_every_time(filters: dict[str, Any], error: type[Exception]) -> None:
    """A bad filter raises every time it is given."""
    for _ in range(2):
        with pytest.raises(error):
            bb.engagements(**filters)


@pytest.mark.parametrize("year", [2015.0, True, 1.0])
def test_a_remembered_int_year_does_not_answer_an_equal_non_int(year: object) -> None:
    """2015.0 and True equal ints, and hash like them, but are rejected after an int was asked."""
    bb.engagements(year=2015)
    bb.engagements(year=1)
    with pytest.raises(TypeError, match="year must be an int"):
        bb.engagements(year=year)  # type: ignore[arg-type]


def test_a_new_load_answers_from_the_new_edition() -> None:
    """After clear_cache() the helpers answer with the new edition's records, not old ones."""
    before = bb.engagements(country="Russia")
    loader.clear_cache()
    after = bb.engagements(country="Russia")
    assert after == before
    assert after is not before
    assert all(any(record is e for e in bb.load().records.engagements) for record in after)


@pytest.mark.parametrize(
    ("lookup", "queries"),
    [
        (bb.country, ["Kyrgyz Republic", "kyrgyz republic", "KG", "KGZ"]),
        (bb.person, ["Putin", "vladimir-putin"]),
        (bb.topic, ["Northern Territories issue", "northern-territories"]),
    ],
)
def test_every_spelling_finds_the_one_record(lookup: Any, queries: list[str]) -> None:
    """Every spelling finds the one record, the same object each time."""
    found = lookup(queries[0])
    for query in queries:
        assert lookup(query) is found
        assert lookup(query) is found
    assert lookup(found) is found


@pytest.mark.parametrize("query", [["Russia"], 643, None])
def test_lookups_reject_wrong_types_every_time(query: object) -> None:
    """An unhashable or wrong-typed query is a TypeError naming the type, every time."""
    for _ in range(2):
        with pytest.raises(TypeError, match="country must be a str or Country"):
            bb.country(query)  # type: ignore[arg-type]


def test_unknown_names_raise_every_time() -> None:
    """An unknown name raises with its suggestions every time."""
    for _ in range(2):
        with pytest.raises(bb.UnknownCountryError) as raised:
            bb.country("Rusia")
        assert raised.value.suggestions == ("Russia",)
