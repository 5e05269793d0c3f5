"""Read a folder a user gives, as input from a stranger: bounded, inside the folder, strict JSON.

Every refusal is a :class:`~bluebook_data.DataError` naming the file and the limit or rule broken.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path, PurePosixPath
from typing import Any, Final

from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data.errors import DataError

__all__ = ["DEFAULT_MAX_BYTES", "MAX_DEPTH", "decode_text", "parse_strict", "read_member"]

#: The largest file read from a folder, in bytes, unless the caller sets another limit. About a
#: thousand times the shipped annotations: room for a whole Bluebook, not for a runaway file.
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024

#: How deeply the annotations' JSON may nest: the model itself needs seven levels
#: (records, a kind, a record, its evidence, a span), with room for what it may grow.
MAX_DEPTH: Final = 16


def read_member(folder: Path, name: object, max_bytes: int, field: str = "$") -> bytes:
    """Read the file ``name`` of ``folder``, refusing one outside it or larger than ``max_bytes``.

    ``field`` is where the annotations name the file, for the error's path.

    Raises:
        DataError: for a name with a folder part leading out (``..``), an absolute path, a
            symbolic link that leads out, a missing or unreadable file, or one over the limit.
    """
    if not isinstance(name, str) or not name:
        raise DataError(ANNOTATIONS_FILE, (f"expected a file name, got {name!r} @ {field}",))
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or Path(name).is_absolute():
        problem = f"the file {name!r} is not inside the folder; name a file in it @ {field}"
        raise DataError(ANNOTATIONS_FILE, (problem,))
    path = folder / name
    try:
        resolved = path.resolve(strict=True)
        if not resolved.is_relative_to(folder.resolve(strict=True)):
            problem = f"the file {name!r} is a link that leads out of the folder @ {field}"
            raise DataError(name, (problem,))
        size = resolved.stat().st_size
        if size > max_bytes:
            problem = f"the file is {size} bytes, over the limit of {max_bytes} (max_bytes) @ $"
            raise DataError(name, (problem,))
        with resolved.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise DataError(name, (f"cannot read the file ({error.strerror or error}) @ $",)) from error
    if len(data) > max_bytes:  # it grew while being read
        problem = f"the file is over the limit of {max_bytes} bytes (max_bytes) @ $"
        raise DataError(name, (problem,))
    return data


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


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # The standard library keeps the last of two equal keys silently; a stranger's file may
    # hide a second value behind the first that a reader sees.
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise _DuplicateKeyError(f"{name} is not a JSON number")


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
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        problem = f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno} @ $"
        raise DataError(name, (problem,)) from None
    except _DuplicateKeyError as error:
        raise DataError(name, (f"{error} @ $",)) from None
    except RecursionError:
        raise DataError(name, (f"nested deeper than {MAX_DEPTH} levels @ $",)) from None
    if _depth(document) > MAX_DEPTH:
        raise DataError(name, (f"nested deeper than {MAX_DEPTH} levels @ $",))
    return document
