"""JSON read and written back with every number exactly as it was written.

``json`` reads ``1e400`` as infinity and ``0.1000000000000000055511151231257827`` as the nearest
float; written back, the first becomes ``Infinity``, which no JSON reader takes, and the second
loses digits. Here a number is kept as the text it was written as, and written back as that text,
so that rewriting an author's file changes only what was meant to change.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

__all__ = ["WrittenNumber", "dumps", "loads"]


@attrs.frozen
class WrittenNumber:
    """A JSON number, as the text it was written as."""

    text: str


def loads(text: str) -> Any:
    """Parse JSON, keeping each number as a :class:`WrittenNumber`.

    Call it on text already checked strictly; it adds no check of its own.

    >>> loads('{"big": 1e400, "n": 12345678901234567890123}')
    {'big': WrittenNumber(text='1e400'), 'n': WrittenNumber(text='12345678901234567890123')}
    """
    return json.loads(text, parse_float=WrittenNumber, parse_int=WrittenNumber)


def dumps(value: Any, indent: str = "") -> str:
    """Write ``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` does, numbers as read.

    >>> print(dumps(loads('{"big": 1e400, "digits": [0.1000000000000000055511151231257827]}')))
    {
      "big": 1e400,
      "digits": [
        0.1000000000000000055511151231257827
      ]
    }
    """
    if isinstance(value, WrittenNumber):
        return value.text
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = (f"{inner}{_scalar(key)}: {dumps(item, inner)}" for key, item in value.items())
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list) and value:
        items = (f"{inner}{dumps(item, inner)}" for item in value)
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
