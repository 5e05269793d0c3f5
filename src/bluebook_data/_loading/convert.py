"""The package's one cattrs Converter, strict on the way in and JSON-ready on the way out.

Records are structured by cattrs' own generated hooks, with unknown keys forbidden and every
field's failure reported. The few hooks here exist for correctness: cattrs would call ``str()`` on
a number, take ``True`` for an int, a string or an object for a list, and would not read dates.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from bluebook_data.model import PartialDate

__all__ = ["converter", "describe_error", "make_converter"]

_Hook = Callable[[Any, Any], Any]


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: object, _type: object) -> int:
    # bool is an int to Python but never a valid offset, year or version.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_enum(value: object, type_: type[enum.StrEnum]) -> enum.StrEnum:
    # A number is a wrong type, not an unknown value: say so before the enum is asked.
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return type_(value)


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {type(value).__name__}")
    return PartialDate.parse(value)


def _is_homogeneous_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple and get_args(type_)[1:] == (...,)


def _tuple_hook_factory(converter: cattrs.Converter) -> Callable[[Any], _Hook]:
    """Return a hook factory for ``tuple[X, ...]`` fields, read from JSON lists only.

    The items are structured by cattrs' own list hook, which notes each failure with its index.
    """

    def factory(type_: Any) -> _Hook:
        as_list: Any = list[get_args(type_)[0]]  # type: ignore[misc]
        structure_list = converter.get_structure_hook(as_list)

        def structure(value: Any, _type: object) -> tuple[Any, ...]:
            # cattrs takes any iterable: a string would become its characters, an object its keys.
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            return tuple(structure_list(value, as_list))

        return structure

    return factory


def _record_hook_factory(converter: cattrs.Converter) -> Callable[[Any], _Hook]:
    """Return a hook factory for attrs classes: cattrs' generated hook, for JSON objects only."""

    def factory(cls: Any) -> _Hook:
        structure_fields = make_dict_structure_fn(cls, converter)

        def structure(value: Any, type_: Any) -> Any:
            # The generated hook indexes its argument: a string would fail with no clear reason.
            if not isinstance(value, dict):
                raise TypeError(f"expected an object, got {type(value).__name__}")
            return structure_fields(value, type_)

        return structure

    return factory


def describe_error(error: BaseException, type_: Any) -> str:
    """Describe one structuring failure: cattrs' wording, then the failure's own detail.

    Used with :func:`cattrs.transform_error`, which adds the field path.
    """
    message = format_exception(error, type_)
    detail = str(error) if isinstance(error, TypeError | ValueError) else ""
    return f"{message}: {detail}" if detail else message


def _unstructure_enum(member: enum.StrEnum) -> str:
    # The plain string: a StrEnum member is a str, but not one a JSON consumer expects.
    return str(member.value)


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
    # Hooks registered by class are found before any registered by predicate, and a StrEnum
    # comes before str in each enum's MRO, so enum fields get the enum hook.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_structure_hook_factory(attrs.has, _record_hook_factory(converter))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(converter))
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook(enum.StrEnum, _unstructure_enum)
    return converter


#: The converter users reach as ``bluebook_data.converter``, which the exports use too. Loading
#: structures with a converter of its own, so that a hook registered here cannot weaken it.
converter: Final[cattrs.Converter] = make_converter()
