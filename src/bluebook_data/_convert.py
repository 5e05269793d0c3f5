"""The package's one cattrs Converter, strict on the way in and JSON-ready on the way out."""

from __future__ import annotations

import enum
import functools
from typing import Any, Final

import cattrs
from cattrs.v import format_exception

from bluebook_data._structure import register_hooks
from bluebook_data.model import PartialDate

__all__ = ["converter", "describe_error", "make_converter"]


def _structure_str(value: object, _type: object) -> str:
    # cattrs would call str() on anything; a number where text belongs is a data error.
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: object, _type: object) -> int:
    # bool is an int to Python but never a valid offset, year or version.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


_ONLY_STR: Final = frozenset({str})


def _structure_strings(value: object, _type: object) -> tuple[str, ...]:
    # Hand-written: cattrs' generic tuple path costs about four times as much on load.
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list of strings, got {type(value).__name__}")
    # Checked in C first, as JSON gives exact strs; the loop finds what else it was, and lets a
    # subclass of str through.
    if not _ONLY_STR.issuperset(map(type, value)):
        for position, item in enumerate(value):
            if not isinstance(item, str):
                raise TypeError(f"expected a string at [{position}], got {type(item).__name__}")
    return tuple(value)


@functools.cache
def _members_by_value(type_: type[enum.StrEnum]) -> dict[str, enum.StrEnum]:
    # Calling the enum looks the value up through several Python frames; a load does it dozens
    # of times, a dict once each.
    return {member.value: member for member in type_}


def _structure_enum(value: object, type_: type[enum.StrEnum]) -> enum.StrEnum:
    # A number is a wrong type, not an unknown value: say so before the enum is asked.
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    member = _members_by_value(type_).get(value)
    return type_(value) if member is None else member  # the call raises the enum's own error


def describe_error(error: BaseException, type_: Any) -> str:
    """Describe one structuring failure: cattrs' wording, then the failure's own detail.

    Used with :func:`cattrs.transform_error`, which adds the field path.
    """
    message = format_exception(error, type_)
    detail = str(error) if isinstance(error, TypeError | ValueError) else ""
    return f"{message}: {detail}" if detail else message


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {type(value).__name__}")
    return PartialDate.parse(value)


def make_converter() -> cattrs.Converter:
    """Build a Converter for every record of :mod:`bluebook_data.model`.

    Structuring forbids unknown keys and wrong types; unstructuring gives plain dicts, lists,
    strings and numbers (dates as ISO strings, enums as their values), ready for :func:`json.dumps`.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        unstruct_collection_overrides={tuple: list},
    )
    # Registered by class: cattrs dispatches on the class before it tries any predicate, and
    # already has class hooks for str and int. Every enum of the model is a StrEnum, which comes
    # before str in the enum's MRO, so the enum hooks win over the str ones for enum fields.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[str, ...], _structure_strings
    )
    register_hooks(converter)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook(enum.StrEnum, _unstructure_enum)
    return converter


def _unstructure_enum(member: enum.StrEnum) -> str:
    # The plain string: a StrEnum member is a str, but not one a JSON consumer expects.
    return str(member.value)


converter: Final[cattrs.Converter] = make_converter()
