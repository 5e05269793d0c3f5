"""Structuring hooks for records and the tuples and optional fields that hold them.

cattrs writes and compiles a structuring function for each attrs class on first use; at the first
load that took longer than all the rest of the load. Its hooks for tuples and optional fields look
up the hook for their item on every call. The hooks made here do the same work, and report the
same errors, as loops prepared once per type: the first load saves the compiling, every load the
look-ups.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, Final, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

__all__ = [
    "is_optional",
    "is_tuple_of_records",
    "optional_hook",
    "record_hook",
    "records_hook",
    "register_hooks",
]

Hook = Callable[[Any, Any], Any]

#: Field types whose hooks return a value of exactly that type unchanged.
_PLAIN: Final = frozenset({str, int})


def _taken_as_is(type_: Any) -> frozenset[type]:
    """Return the types of value that a field of ``type_`` keeps unchanged, with no hook called.

    A str where a str belongs, an int where an int does, and None where a field is optional: what
    any hook for them would return unchanged. Taken as is, they save hundreds of calls per load.
    """
    if type_ in _PLAIN:
        return frozenset({type_})
    if is_optional(type_):
        inner = get_args(type_)[0]
        return frozenset({types.NoneType, inner} if inner in _PLAIN else {types.NoneType})
    return frozenset()


def record_hook(converter: cattrs.Converter, cls: type[Any]) -> Hook:
    """Return a hook structuring a mapping into ``cls``, with ``converter``'s hooks for its fields.

    As cattrs' own hook with ``forbid_extra_keys`` and detailed validation, each field's failure is
    collected, noted with the field's name, into one ``ClassValidationError`` that
    :func:`cattrs.transform_error` reads, and an unknown key is an error too.
    """
    fields = [
        (
            field.name,
            field.alias,
            field.type,
            converter.get_structure_hook(field.type),
            _taken_as_is(field.type),
            field.default is attrs.NOTHING,
        )
        for field in attrs.fields(attrs.resolve_types(cls))
        if field.init
    ]
    known = frozenset(name for name, *_ in fields)

    def structure(value: Any, _type: object) -> Any:
        if not isinstance(value, dict):  # else a string here fails with an AttributeError
            raise TypeError(f"expected an object, got {type(value).__name__}")
        arguments = {}
        errors: list[Exception] = []
        for name, alias, type_, hook, as_is, required in fields:
            if not required and name not in value:
                continue
            try:
                item = value[name]
                arguments[alias] = item if type(item) in as_is else hook(item, type_)
            except Exception as error:
                note = AttributeValidationNote(
                    f"Structuring class {cls.__qualname__} @ attribute {name}", name, type_
                )
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        # Every key was a field's unless there are more keys than fields taken: only then is the
        # set of unknown keys worth making.
        if errors or len(value) != len(arguments):
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


def records_hook(converter: cattrs.Converter, type_: Any) -> Hook:
    """Return a hook structuring a sequence into ``type_``, a ``tuple[Record, ...]``.

    As cattrs' own, each item's failure is noted with its index, in one
    ``IterableValidationError``.
    """
    item_type = get_args(type_)[0]
    hook = converter.get_structure_hook(item_type)

    def structure(value: Any, _type: object) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):  # else an object ({}) passes as an empty list
            raise TypeError(f"expected a list, got {type(value).__name__}")
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, item_type))
            except Exception as error:
                note = IterableValidationNote(
                    f"Structuring {type_} @ index {index}", index, item_type
                )
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure


def optional_hook(converter: cattrs.Converter, type_: Any) -> Hook:
    """Return a hook structuring None, or a value of ``type_``'s other member."""
    item_type = get_args(type_)[0]
    hook = converter.get_structure_hook(item_type)

    def structure(value: Any, _type: object) -> Any:
        return None if value is None else hook(value, item_type)

    return structure


def is_tuple_of_records(type_: Any) -> bool:
    """Tell whether ``type_`` is ``tuple[Record, ...]`` for an attrs class ``Record``."""
    arguments = get_args(type_)
    return get_origin(type_) is tuple and arguments[1:] == (...,) and attrs.has(arguments[0])


def is_optional(type_: Any) -> bool:
    """Tell whether ``type_`` is ``X | None`` (or ``Optional[X]``)."""
    arguments = get_args(type_)
    return get_origin(type_) in (Union, types.UnionType) and arguments[1:] == (types.NoneType,)


def register_hooks(converter: cattrs.Converter) -> None:
    """Have ``converter`` structure records, tuples of them and optional fields with these hooks."""
    converter.register_structure_hook_factory(attrs.has, lambda cls: record_hook(converter, cls))
    converter.register_structure_hook_factory(
        is_tuple_of_records, lambda type_: records_hook(converter, type_)
    )
    converter.register_structure_hook_factory(
        is_optional, lambda type_: optional_hook(converter, type_)
    )
