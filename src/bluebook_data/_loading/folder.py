"""Read a folder a user gives, as input from a stranger: bounded, inside the folder, strict JSON.

Every refusal is a :class:`~bluebook_data.DataError` naming the file and the limit or rule broken.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any, Final

from bluebook_data._loading.beneath import (
    MAX_LINKS,
    LeadsOutError,
    LinkLoopError,
    NotRegularError,
    OpenFolder,
    TooLargeError,
)
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data.errors import DataError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "check_max_bytes",
    "decode_text",
    "open_folder",
    "parse_strict",
    "read_from",
    "read_member",
]

#: The largest file read from a folder, in bytes, unless the caller sets another limit. About a
#: thousand times the shipped annotations: room for a whole Bluebook, not for a runaway file.
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024

#: How deeply the annotations' JSON may nest: the model itself needs seven levels
#: (records, a kind, a record, its evidence, a span), with room for what it may grow.
MAX_DEPTH: Final = 16

#: The most digits an integer may have: far more than any offset or year, and no more than
#: Python reads by default.
MAX_DIGITS: Final = 4300


def check_max_bytes(max_bytes: object) -> int:
    """Return ``max_bytes`` if it is a limit a folder's files can be read under.

    Raises:
        TypeError: if it is not an int.
        ValueError: if it is negative.
    """
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 or more, not {max_bytes}")
    return max_bytes


def _name_problem(name: object, field: str) -> str | None:
    """Say why ``name`` cannot name a file inside the folder, or None if it can."""
    if not isinstance(name, str) or not name:
        return f"expected a file name, got {name!r} @ {field}"
    if "\0" in name:
        return f"the file name {name!r} holds a NUL character, which no file name can @ {field}"
    if not name.isprintable() and any(0xD800 <= ord(char) <= 0xDFFF for char in name):
        return f"the file name {name!r} holds a lone surrogate, which is not text @ {field}"
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or Path(name).is_absolute():
        return f"the file {name!r} is not inside the folder; name a file in it @ {field}"
    return None


def read_from(folder: OpenFolder, name: object, max_bytes: int, field: str = "$") -> bytes:
    """Read the regular file ``name`` inside the open ``folder``, at most ``max_bytes`` of it.

    ``field`` is where the annotations name the file, for the error's path.

    Raises:
        DataError: for a name with a folder part leading out (``..``), an absolute path, a
            symbolic link that leads out or loops, a missing or unreadable file, one that is not
            a regular file (a folder, a pipe, a device), or one over the limit.
    """
    problem = _name_problem(name, field)
    if problem is not None:
        raise DataError(ANNOTATIONS_FILE, (problem,))
    assert isinstance(name, str)  # _name_problem said so
    try:
        return folder.read(name, max_bytes)
    except LeadsOutError:
        problem = f"the file {name!r} is a link that leads out of the folder @ {field}"
    except LinkLoopError:
        problem = f"the file {name!r} passes through more than {MAX_LINKS} links (a loop?) @ $"
    except NotRegularError as error:
        problem = f"the file is {error.args[0]}, not a regular file @ $"
    except TooLargeError as error:
        size = error.args[0]
        if size is None:  # it grew while being read
            problem = f"the file is over the limit of {max_bytes} bytes (max_bytes) @ $"
        else:
            problem = f"the file is {size} bytes, over the limit of {max_bytes} (max_bytes) @ $"
    except OSError as error:
        problem = f"cannot read the file ({error.strerror or error}) @ $"
    raise DataError(name, (problem,))


def read_member(folder: Path, name: object, max_bytes: int, field: str = "$") -> bytes:
    """Read the file ``name`` of ``folder``; see :func:`read_from`.

    Raises:
        DataError: as :func:`read_from` does, and if ``folder`` cannot be opened as a folder.
    """
    with open_folder(folder) as opened:
        return read_from(opened, name, max_bytes, field)


def open_folder(path: str | os.PathLike[str]) -> OpenFolder:
    """Open the folder at ``path`` for :func:`read_from`.

    Raises:
        DataError: if ``path`` is not a folder that can be opened.
    """
    shown = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    try:
        return OpenFolder(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in the path
        raise DataError(shown, ("not a folder @ $",)) from None
    except OSError as error:
        problem = f"cannot open the folder ({error.strerror or error}) @ $"
        raise DataError(shown, (problem,)) from None


def decode_text(raw: bytes, name: str) -> str:
    """Decode UTF-8 without a byte order mark.

    Raises:
        DataError: for a byte order mark, or bytes that are not UTF-8.
    """
    if raw.startswith(codecs.BOM_UTF8):
        raise DataError(name, ("the file starts with a byte order mark; save it without one @ $",))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(name, (f"not UTF-8 at byte {error.start} @ $",)) from error


class _RefusedError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # The standard library keeps the last of two equal keys silently; a stranger's file may
    # hide a second value behind the first that a reader sees.
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _RefusedError(f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise _RefusedError(f"{name} is not a JSON number")


def _bounded_int(digits: str) -> int:
    # Python refuses to read an integer of more digits than its limit with a ValueError that
    # names no place; no field of the model needs a number near that long.
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _RefusedError(
            f"a number has {len(digits.lstrip('-'))} digits, more than the {MAX_DIGITS} read"
        )
    return int(digits)


def _depth(document: Any) -> int:
    """Return how deeply ``document`` nests, counting only its objects and arrays."""
    deepest = 0
    level = [document] if isinstance(document, dict | list) else []
    while level:
        deepest += 1
        values = [
            item
            for value in level
            for item in (value.values() if isinstance(value, dict) else value)
        ]
        level = [item for item in values if isinstance(item, dict | list)]
    return deepest


def parse_strict(raw: bytes, name: str) -> Any:
    """Parse JSON refusing duplicate keys, ``NaN`` and ``Infinity``, and deep nesting.

    Raises:
        DataError: naming the problem, and the line and column of a syntax error.
    """
    text = decode_text(raw, name)
    try:
        document = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        problem = f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno} @ $"
        raise DataError(name, (problem,)) from None
    except _RefusedError as error:
        raise DataError(name, (f"{error} @ $",)) from None
    except RecursionError:
        raise DataError(name, (f"nested deeper than {MAX_DEPTH} levels @ $",)) from None
    except ValueError as error:  # a number Python will not read, under a limit set lower
        raise DataError(name, (f"invalid JSON: {error} @ $",)) from None
    if _depth(document) > MAX_DEPTH:
        raise DataError(name, (f"nested deeper than {MAX_DEPTH} levels @ $",))
    return document
