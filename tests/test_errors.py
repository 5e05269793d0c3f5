"""Errors: messages that name the value and suggest the nearest, attributes, types, pickling."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import bluebook_data as bb


def _raised(call: Callable[[], object]) -> bb.BluebookError:
    with pytest.raises(bb.BluebookError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("call", "error_type", "query", "message"),
    [
        (lambda: bb.country("Rusia"), bb.UnknownCountryError, "Rusia",
         "unknown country 'Rusia'; did you mean 'Russia'?"),
        (lambda: bb.engagements(country="Kyrgystan"), bb.UnknownCountryError, "Kyrgystan",
         "unknown country 'Kyrgystan'; did you mean 'Kyrgyzstan'?"),
        (lambda: bb.person("Lavrow"), bb.UnknownPersonError, "Lavrow",
         "unknown person 'Lavrow'; did you mean 'Sergey Lavrov'?"),
        (lambda: bb.topic("terrorizm"), bb.UnknownTopicError, "terrorizm",
         "unknown topic 'terrorizm'; did you mean 'terrorism'?"),
        (lambda: bb.engagement("2015-11-15-summit-antalia"), bb.UnknownEngagementError,
         "2015-11-15-summit-antalia", "did you mean '2015-11-15-summit-antalya'"),
        (lambda: bb.country("Atlantis"), bb.UnknownCountryError, "Atlantis",
         "unknown country 'Atlantis'"),
    ],
)  # fmt: skip
def test_unknown_names(
    call: Callable[[], object], error_type: type[bb.UnknownNameError], query: str, message: str
) -> None:
    """An unknown name raises its lookup's error, naming the query and the nearest names."""
    error = _raised(call)
    assert type(error) is error_type
    assert isinstance(error, bb.UnknownNameError)
    assert error.query == query
    assert message in str(error)
    assert all(repr(suggestion) in str(error) for suggestion in error.suggestions)


@pytest.mark.parametrize(
    ("suggestions", "ending"),
    [
        ((), "unknown topic 'x'"),
        (("a",), "unknown topic 'x'; did you mean 'a'?"),
        (("a", "b"), "unknown topic 'x'; did you mean 'a' or 'b'?"),
        (("a", "b", "c"), "unknown topic 'x'; did you mean 'a', 'b' or 'c'?"),
    ],
)
def test_suggestions_read_as_a_list(suggestions: tuple[str, ...], ending: str) -> None:
    """One, two or three suggestions read as a plain English list."""
    assert str(bb.UnknownTopicError("x", suggestions)) == ending


@pytest.mark.parametrize(
    ("call", "field", "enum_type"),
    [
        (lambda: bb.engagements(kind="meeting"), "kind", bb.EngagementKind),
        (lambda: bb.engagements(status="meeting"), "status", bb.Status),
        (lambda: bb.statements(kind="meeting"), "kind", bb.StatementKind),
        (lambda: bb.countries(region="meeting"), "region", bb.Region),
    ],
)
def test_invalid_enum_values_list_every_valid_one(
    call: Callable[[], object], field: str, enum_type: type[bb.Status]
) -> None:
    """An unknown kind, status or region names the value and lists all the valid ones."""
    error = _raised(call)
    assert isinstance(error, bb.InvalidFilterError)
    assert (error.field, error.value) == (field, "meeting")
    assert error.allowed == tuple(member.value for member in enum_type)
    assert str(error).startswith(f"invalid {field} 'meeting'; expected one of: ")
    assert all(repr(member.value) in str(error) for member in enum_type)


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_search_says_what_was_expected(query: str) -> None:
    """A search for nothing raises InvalidFilterError with a hint instead of a list."""
    error = _raised(lambda: bb.search(query))
    assert isinstance(error, bb.InvalidFilterError)
    assert (error.field, error.value, error.allowed) == ("query", query, ())
    assert str(error) == f"invalid query {query!r}; {error.hint}"
    assert "non-space" in error.hint


def test_data_error_names_the_file_and_every_problem() -> None:
    """A DataError reads as the file name, then its problems."""
    error = bb.DataError("annotations.json", ("a @ $.x", "b @ $.y[0]"))
    assert str(error) == "annotations.json: a @ $.x; b @ $.y[0]"
    assert (error.file, error.problems) == ("annotations.json", ("a @ $.x", "b @ $.y[0]"))


_HELPERS: list[tuple[str, Callable[[Any], object]]] = [
    ("country", lambda value: bb.country(value)),
    ("person", lambda value: bb.person(value)),
    ("topic", lambda value: bb.topic(value)),
    ("id", lambda value: bb.engagement(value)),
    ("query", lambda value: bb.search(value)),
    ("country", lambda value: bb.engagements(country=value)),
    ("kind", lambda value: bb.engagements(kind=value)),
    ("year", lambda value: bb.engagements(year=value)),
    ("topic", lambda value: bb.engagements(topic=value)),
    ("person", lambda value: bb.engagements(person=value)),
    ("status", lambda value: bb.engagements(status=value)),
    ("kind", lambda value: bb.statements(kind=value)),
    ("region", lambda value: bb.countries(region=value)),
]


_WRONG_TYPES: list[object] = [7, 2.5, b"RU", ["RU"], ("RU",), {"RU"}]


@pytest.mark.parametrize(
    ("name", "call", "value"),
    [
        pytest.param(name, call, value, id=f"{position}-{name}-{type(value).__name__}")
        for position, (name, call) in enumerate(_HELPERS)
        for value in _WRONG_TYPES
        if not (name == "year" and type(value) is int)
    ],
)
def test_wrong_types_are_type_errors(
    name: str, call: Callable[[Any], object], value: object
) -> None:
    """A value of the wrong type raises TypeError naming the parameter and the type given."""
    with pytest.raises(TypeError, match=rf"^{name} must be .*, not {type(value).__name__}$"):
        call(value)


@pytest.mark.parametrize("call", [bb.country, bb.person, bb.topic, bb.engagement, bb.search])
def test_none_is_a_type_error_where_a_name_is_required(call: Callable[[Any], object]) -> None:
    """Lookups need a value: None is a TypeError there (for filters it means no filter)."""
    with pytest.raises(TypeError, match="NoneType"):
        call(None)


@pytest.mark.parametrize("year", [True, False, "2015", 2015.0])
def test_year_must_be_an_int_and_not_a_bool(year: Any) -> None:
    """A bool is an int to Python, but not a year: it raises TypeError like a string does."""
    with pytest.raises(TypeError, match=f"year must be an int, not {type(year).__name__}"):
        bb.engagements(year=year)


@pytest.mark.parametrize(
    ("error_type", "builtin"),
    [
        (bb.UnknownNameError, LookupError),
        (bb.UnknownCountryError, LookupError),
        (bb.UnknownPersonError, LookupError),
        (bb.UnknownTopicError, LookupError),
        (bb.UnknownEngagementError, LookupError),
        (bb.InvalidFilterError, ValueError),
        (bb.DataError, Exception),
    ],
)
def test_error_hierarchy(error_type: type[bb.BluebookError], builtin: type[Exception]) -> None:
    """Each error is a BluebookError and the builtin whose meaning it has, and not the other."""
    assert issubclass(error_type, bb.BluebookError)
    assert issubclass(error_type, builtin)
    other = ValueError if builtin is LookupError else LookupError
    assert not issubclass(error_type, other)


@pytest.mark.parametrize(
    "error",
    [
        _raised(lambda: bb.country("Rusia")),
        _raised(lambda: bb.person("Nobody")),
        _raised(lambda: bb.topic("energi")),
        _raised(lambda: bb.engagement("2015")),
        _raised(lambda: bb.engagements(kind="talks")),
        _raised(lambda: bb.search(" ")),
        bb.DataError("annotations.json", ("unknown topic 'x' @ $.records.topics[3].parent",)),
        bb.BluebookError("plain"),
    ],
    ids=lambda error: type(error).__name__,
)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_errors_pickle(error: bb.BluebookError, protocol: int) -> None:
    """Every error survives pickling with its type, message and attributes."""
    copy = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)
