"""How a record spells its repr: a few lines of its key fields, never a page.

A record of this package can hold long texts and many nested records; its default attrs repr was
one line of over a thousand characters. :func:`key_fields_repr` makes a ``__repr__`` that names
the fields a reader identifies a record by, cuts long texts, counts nested records and ends in
``...`` where other fields are set (``attrs.asdict(record)`` gives them all).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final

import attrs

__all__ = ["key_fields_repr"]

#: The widest line of a record's repr (room left for a tuple around it), and how much of a long
#: text it quotes.
_REPR_WIDTH: Final = 118
_REPR_TEXT: Final = 72
_PLURALS: Final = {"country": "countries", "person": "people"}


def _brief(value: object) -> str:
    """Show one field's value in a repr: long texts cut, dates as ISO, nested records counted."""
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, str):
        if len(value) <= _REPR_TEXT:
            return repr(value)
        cut = value[: _REPR_TEXT - 1]
        if " " in cut[_REPR_TEXT // 2 :]:  # at a word's end, where one is near
            cut = cut.rsplit(" ", 1)[0]
        return repr(cut.rstrip() + "\u2026")
    if hasattr(value, "isoformat"):  # a date, partial or whole
        return str(value.isoformat())
    if isinstance(value, tuple) and value and attrs.has(type(value[0])):
        noun = type(value[0]).__name__.lower()
        if len(value) != 1:
            noun = _PLURALS.get(noun, noun + "s")
        return f"<{len(value)} {noun}>"
    return repr(value)


def key_fields_repr(*names: str) -> Callable[[Any], str]:
    """Make a ``__repr__`` showing the named fields that are set, wrapped to 120 characters.

    A ``...`` at the end says that other fields are set but not shown.

    >>> @attrs.frozen
    ... class Note:
    ...     id: str
    ...     text: str
    ...     tags: tuple[str, ...] = ()
    ...     __repr__ = key_fields_repr("id", "text")
    >>> Note("n1", "short", ("a",))
    Note(id='n1', text='short', ...)
    >>> repr(Note("n2", "word " * 40)).endswith("word\u2026')")  # cut at 72 characters
    True
    """

    def __repr__(self: Any) -> str:
        shown = [f"{name}={_brief(getattr(self, name))}" for name in names]
        shown = [part for part in shown if not part.endswith(("=None", "=()"))]
        hidden = any(
            getattr(self, field.name) not in (None, ())
            for field in attrs.fields(type(self))
            if field.repr and field.name not in names
        )
        lines = [f"{type(self).__name__}("]
        for part in [*shown, "..."] if hidden else shown:
            opener = lines[-1].endswith("(")
            joined = lines[-1] + ("" if opener else ", ") + part
            # One character is kept for the comma or the closing parenthesis after the part.
            if len(joined) < _REPR_WIDTH or opener:
                lines[-1] = joined
            else:
                lines[-1] += ","
                lines.append("    " + part)
        return "\n".join(lines) + ")"

    return __repr__
