"""One grammar for the command line's errors: what was wrong, what was meant, where to look.

Every unknown name, id, kind, status, column and command is told the same way, its nearest
candidates found by the package's one rule (:func:`~bluebook_data._edition.names.close_matches`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

import bluebook_data as bb
from bluebook_data._edition.names import close_matches
from bluebook_data.cli.parser import PROGRAM

__all__ = ["either", "explained", "unknown"]

#: The listing that shows every record of a kind, by the kind's name in errors.
_LISTINGS = {
    "country": "countries",
    "person": "people",
    "topic": "topics",
    "engagement": "engagements",
    "statement": "statements",
}
#: The root of a field path, which says nothing when the file as a whole is at fault.
_ROOT_PATH = re.compile(r" @ \$(?=;|$)")


def either(names: Sequence[str]) -> str:
    """Return names as a plain English choice.

    >>> either(["a"]), either(["a", "b", "c"])
    ("'a'", "'a', 'b' or 'c'")
    """
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def unknown(what: str, value: str, candidates: Sequence[str], verb: str = "unknown") -> str:
    """Say that ``value`` is no ``what``: naming the nearest candidates, or else all of them.

    >>> unknown("column", "titel", ["date", "id", "title"])
    "unknown column 'titel'; did you mean 'title'?"
    >>> unknown("column", "x", ["date", "id", "title"])
    "unknown column 'x'; choose from: date, id, title"
    """
    close = close_matches(value, candidates)
    if close:
        return f"{verb} {what} {value!r}; did you mean {either(close)}?"
    return f"{verb} {what} {value!r}; choose from: {', '.join(candidates)}"


def explained(error: bb.BluebookError, args: argparse.Namespace | None) -> str:
    """Return the one line that tells the user what went wrong and what was probably meant."""
    if isinstance(error, bb.InvalidFilterError) and error.allowed:
        return unknown(error.field, str(error.value), error.allowed, verb="invalid")
    if isinstance(error, bb.UnknownNameError) and not error.suggestions:
        listing = _LISTINGS.get(error.what)
        if listing:
            return f"{error}; '{PROGRAM} {listing}' lists them all"
    if isinstance(error, bb.DataError):
        return _ROOT_PATH.sub("", str(error))
    return str(error)
