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

__all__ = ["inert", "inert_json"]

#: The Unicode categories escaped: controls (C0, DEL, C1), format characters (the bidirectional
#: overrides and isolates, zero-width marks), surrogates, and line and paragraph separators.
_ACTIVE: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
#: The characters worth a look: all but printable ASCII (and, in JSON, its layout's white space).
_NOT_ASCII: Final = re.compile(r"[^ -~]")
_NOT_ASCII_OR_LAYOUT: Final = re.compile(r"[^ -~\n\r\t]")


def _python_escape(match: re.Match[str]) -> str:
    character = match.group()
    if unicodedata.category(character) not in _ACTIVE:
        return character
    return character.encode("unicode_escape").decode("ascii")


def _json_escape(match: re.Match[str]) -> str:
    character = match.group()
    if unicodedata.category(character) not in _ACTIVE:
        return character
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the Basic Multilingual Plane, JSON writes a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def inert(text: str) -> str:
    r"""Return ``text`` with every control, format and separator character as its escape.

    Letters, marks and spaces of every script are kept; only what a terminal could act on goes.

    >>> print(inert("Title\x1b]0;owned\x07\nno problems"))
    Title\x1b]0;owned\x07\nno problems
    >>> inert("Тбилиси, 東京\u3000ok")
    'Тбилиси, 東京\u3000ok'
    """
    return _NOT_ASCII.sub(_python_escape, text)


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
