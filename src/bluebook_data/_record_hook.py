"""Structure attrs records without compiling a function per class.

cattrs writes and compiles a structuring function for each attrs class on first use. At the first
load that took longer than all the rest of the load, so the converter uses the hook made here: the
same work, as a loop over the fields, prepared once per class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

__all__ = ["record_hook", "register_record_hook"]

#: Field types whose hooks return a value of exactly that type unchanged.
_PLAIN: Final = frozenset({str, int})


def record_hook(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any, Any], Any]:
    """Return a hook structuring a mapping into ``cls``, with ``converter``'s hooks for its fields.

    It does what cattrs' own hook does with ``forbid_extra_keys`` and detailed validation: each
    field's failure is collected, noted with the field's name, into one ``ClassValidationError``
    that :func:`cattrs.transform_error` reads, and an unknown key is an error too.
    """
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


def register_record_hook(converter: cattrs.Converter) -> None:
    """Have ``converter`` structure every attrs class with :func:`record_hook`."""
    converter.register_structure_hook_factory(attrs.has, lambda cls: record_hook(converter, cls))
