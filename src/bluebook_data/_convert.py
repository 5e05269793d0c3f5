"""The package's one cattrs Converter, strict on the way in and JSON-ready on the way out."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

from bluebook_data.model import PartialDate

__all__ = ["converter", "make_converter"]


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


def _structure_strings(value: object, _type: object) -> tuple[str, ...]:
    # A hand-written loop: cattrs' generic tuple path costs about four times as much on load.
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list of strings, got {type(value).__name__}")
    for position, item in enumerate(value):
        if not isinstance(item, str):
            raise TypeError(f"expected a string at [{position}], got {type(item).__name__}")
    return tuple(value)


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {type(value).__name__}")
    return PartialDate.parse(value)


#: Field types whose hooks return a value of exactly that type unchanged.
_PLAIN: Final = frozenset({str, int})


def _record_hook(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any, Any], Any]:
    # What cattrs' own hook for an attrs class does with forbid_extra_keys and detailed validation
    # (each field's failure collected, noted with the field's name, into one ClassValidationError
    # that transform_error reads), but as a loop over the fields: cattrs writes and compiles a
    # function per class, which at the first load took longer than all the rest of the load.
    fields = [
        (
            field.name,
            field.alias,
            field.type,
            converter.get_structure_hook(field.type),
            field.type if field.type in _PLAIN else None,
            field.default is attrs.NOTHING,
        )
        for field in attrs.fields(attrs.resolve_types(cls))
        if field.init
    ]
    known = frozenset(name for name, *_ in fields)

    def structure(value: Any, _type: object) -> Any:
        arguments = {}
        errors: list[Exception] = []
        for name, alias, type_, hook, plain, required in fields:
            if not required and name not in value:
                continue
            try:
                item = value[name]
                # A string where a str belongs, or an int where an int does, is what any hook for
                # them returns unchanged: taken as is, it saves hundreds of calls per load.
                arguments[alias] = item if type(item) is plain else hook(item, type_)
            except Exception as error:
                note = AttributeValidationNote(
                    f"Structuring class {cls.__qualname__} @ attribute {name}", name, type_
                )
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        extra = value.keys() - known
        if extra:
            errors.append(ForbiddenExtraKeysError("", cls, extra))
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        try:
            return cls(**arguments)
        except Exception as error:
            raise ClassValidationError(f"While structuring {cls.__name__}", [error], cls) from error

    return structure


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
    # Matched exactly, not by subclass: the StrEnum fields keep cattrs' enum handling.
    converter.register_structure_hook_func(lambda type_: type_ is str, _structure_str)
    converter.register_structure_hook_func(lambda type_: type_ is int, _structure_int)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[str, ...], _structure_strings
    )
    converter.register_structure_hook_factory(attrs.has, lambda cls: _record_hook(converter, cls))
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook_func(
        lambda type_: isinstance(type_, type) and issubclass(type_, enum.Enum),
        _unstructure_enum,
    )
    return converter


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value


converter: Final[cattrs.Converter] = make_converter()
