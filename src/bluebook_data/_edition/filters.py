"""The filters the queries take, declared once, and how a filter value is read.

:class:`EngagementFilters` and :class:`StatementFilters` name every filter and the types it takes;
the query methods and the module helpers take them as keyword arguments (``**filters``), so a new
filter is added here and nowhere else.
"""

from __future__ import annotations

import enum
import inspect
import operator
from collections.abc import Callable
from typing import Any, SupportsIndex, TypedDict, TypeVar

from bluebook_data.errors import InvalidFilterError
from bluebook_data.model import Country, EngagementKind, Person, StatementKind, Status, Topic

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = [
    "EngagementFilters",
    "StatementFilters",
    "as_year",
    "name_of",
    "resolve_enum",
    "shows_filters",
]

_Enum = TypeVar("_Enum", bound=enum.Enum)
_Record = TypeVar("_Record")
_Function = TypeVar("_Function", bound=Callable[..., Any])


class EngagementFilters(TypedDict, total=False):
    """The filters of ``engagements()``; each is optional, and all given must match."""

    country: str | Country | None
    kind: EngagementKind | str | None
    year: SupportsIndex | None
    topic: str | Topic | None
    person: str | Person | None
    status: Status | str | None


class StatementFilters(TypedDict, total=False):
    """The filters of ``statements()``; each is optional, and all given must match."""

    country: str | Country | None
    kind: StatementKind | str | None
    topic: str | Topic | None


def resolve_enum(enum_type: type[_Enum], value: object, field: str) -> _Enum:
    """Return the member ``value`` names: the member itself, or its value in any case or spacing.

    Raises:
        TypeError: if ``value`` is neither a string nor a member.
        InvalidFilterError: listing every value, if none matches.
    """
    __tracebackhide__ = True
    if isinstance(value, enum_type):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{field} must be a str or {enum_type.__name__}, not {type(value).__name__}"
        )
    try:
        return enum_type("_".join(value.replace("-", " ").split()).casefold())
    except ValueError:
        raise InvalidFilterError(
            field, value, tuple(member.value for member in enum_type)
        ) from None


def as_year(value: object) -> int:
    """Return ``value`` as a year: any integer, numpy's included, but not a bool or a float.

    A bool equals 0 or 1 but is no year, and a float might not be whole.
    """
    __tracebackhide__ = True
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise TypeError(f"year must be an int, not {type(value).__name__}")


def name_of(
    value: object, record_type: type[_Record], key: Callable[[_Record], str], field: str
) -> str:
    """Return the name to look ``value`` up by: the string itself, or the record's key."""
    __tracebackhide__ = True
    if isinstance(value, str):
        return value
    if isinstance(value, record_type):
        return key(value)
    raise TypeError(f"{field} must be a str or {record_type.__name__}, not {type(value).__name__}")


def shows_filters(filters: type) -> Callable[[_Function], _Function]:
    """Have a function taking ``**filters`` show each filter as a keyword in its signature.

    ``help()``, Jupyter's ``?`` and the API docs then list ``country=None, kind=None, ...``, which
    the function does take, rather than ``**filters``.
    """

    def decorate(function: _Function) -> _Function:
        signature = inspect.signature(function)
        given = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        keywords = [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=getattr(hint, "__forward_arg__", hint),
            )
            for name, hint in filters.__annotations__.items()
        ]
        function.__signature__ = signature.replace(parameters=[*given, *keywords])  # type: ignore[attr-defined]
        return function

    return decorate
