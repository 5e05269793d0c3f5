r"""Strings a folder supplies, made inert for a terminal: no escape sequence, no line of their own.

A title or a JSON key may hold ESC, an OSC sequence, a carriage return, a line break, a C1
control or a bidirectional override; printed raw, it could retitle the terminal, rewrite what is
on screen, or forge a line such as "no problems". Shown through these functions, each such
character is written as its Python escape (``\x1b``, ``\n``, ``\u202e``) in text, and as its
``\uXXXX`` escape inside JSON's strings, which leaves the JSON's values exactly as they were.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# One definition of what is inert, in the lowest layer, so that the loader's errors use it too.
from bluebook_data.errors import ACTIVE_CATEGORIES, inert

__all__ = ["inert", "inert_json"]

#: The characters worth a look in JSON: all but printable ASCII and its layout's white space.
_NOT_ASCII_OR_LAYOUT: Final = re.compile(r"[^ -~\n\r\t]")


def _json_escape(match: re.Match[str]) -> str:
    character = match.group()
    if unicodedata.category(character) not in ACTIVE_CATEGORIES:
        return character
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the Basic Multilingual Plane, JSON writes a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def inert_json(text: str) -> str:
    r"""Return the output of ``json.dumps`` with every such character in its strings as ``\uXXXX``.

    ``json.dumps`` already escapes C0 controls in strings, so line breaks and tabs in ``text`` are
    its layout, and are kept; DEL, C1 controls, format characters and separators are escaped.

    >>> import json
    >>> print(inert_json(json.dumps({"title": "a\u202eb\x9b2J"}, ensure_ascii=False, indent=1)))
    {
     "title": "a\u202eb\u009b2J"
    }
    """
    return _NOT_ASCII_OR_LAYOUT.sub(_json_escape, text)
