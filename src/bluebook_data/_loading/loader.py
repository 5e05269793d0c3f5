"""Load an edition: the shipped one, read once and kept, or any folder in the same format.

This is the one place where a loader failure becomes a :class:`~bluebook_data.DataError`. The
shipped edition is kept here, behind a lock; nothing half-loaded is ever kept, so a failed load is
tried again on the next call. A folder is read afresh on every call, and never kept.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

from importlib_resources.abc import Traversable

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading import resources
from bluebook_data._loading.folder import (
    DEFAULT_MAX_BYTES,
    check_max_bytes,
    decode_text,
    open_folder,
    parse_strict,
    read_from,
)
from bluebook_data._loading.pipeline import Outcome, examine
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import DataError

__all__ = [
    "clear_cache",
    "edition_or_shipped",
    "load",
    "load_bluebook",
    "load_folder",
    "raise_problems",
]

_lock = threading.Lock()
_edition: Bluebook | None = None


def _new_lock_in_child() -> None:
    # A fork copies the lock as it is: held, if another thread was loading at that moment, and
    # then never released in the child, whose first load would wait for ever.
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=_new_lock_in_child)


def load(
    path: str | os.PathLike[str] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Bluebook:
    """Return the shipped edition, or the edition in the folder ``path``.

    The shipped edition is read and checked on the first call and kept after; concurrent first
    calls all receive the same object, and no I/O happens on import. A folder holds
    ``annotations.json`` and the text file it names; it is checked exactly as the shipped edition
    is, as input from a stranger (see :doc:`/guide/own-edition`), and read afresh on every call.

    Args:
        path: A folder holding an edition, or None for the shipped one.
        max_bytes: The largest file read from the folder.

    Raises:
        DataError: if a data file is missing, unsafe, or does not match its text.

    >>> load() is load()
    True
    >>> load().year
    2016
    """
    if path is not None:
        return load_folder(path, max_bytes=max_bytes)
    global _edition
    edition = _edition
    if edition is None:
        with _lock:
            if _edition is None:
                _edition = load_bluebook()
            edition = _edition
    return edition


def edition_or_shipped(book: Bluebook | None) -> Bluebook:
    """Return ``book``, or the shipped edition if it is None: what every export works on."""
    return load() if book is None else book


def clear_cache() -> None:
    """Forget the loaded edition, so that the next :func:`load` reads the files again."""
    global _edition
    with _lock:
        _edition = None


def raise_problems(outcome: Outcome) -> Bluebook:
    """Return the edition examined, or raise a DataError for the first file with problems."""
    if outcome.book is not None:
        return outcome.book
    file, problems = next(iter(outcome.problems.items()))
    raise DataError(file, tuple(problems))


def _read(root: Traversable, name: object) -> bytes:
    if not isinstance(name, str) or not name:
        problem = f"expected a file name, got {name!r} @ $.source.text"
        raise DataError(ANNOTATIONS_FILE, (problem,))
    try:
        return resources.read_bytes(root, name)
    except OSError as error:
        raise DataError(name, (f"cannot read the file ({error.strerror or error}) @ $",)) from error


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 at byte {error.start} @ $"
    except json.JSONDecodeError as error:
        problem = f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno} @ $"
    raise DataError(ANNOTATIONS_FILE, (problem,))


def load_bluebook(root: Traversable | None = None) -> Bluebook:
    """Read, check and build the edition whose files are in ``root``, by default the shipped ones.

    Nothing is kept; :func:`load` is the cached entry point. The files are trusted as the
    package's own: this is the path of the shipped data, and its data version must be the one
    this package ships.

    Raises:
        DataError: naming the file and the field path of every problem found.
    """
    root = resources.data_root() if root is None else root
    document = _parse_json(_read(root, ANNOTATIONS_FILE))
    book = raise_problems(examine(document, lambda name: _read(root, name), decode_text))
    if book.data_version != DATA_VERSION:
        problem = f"data version {book.data_version!r} is not {DATA_VERSION!r}, the one shipped"
        raise DataError(ANNOTATIONS_FILE, (f"{problem} @ $.data_version",))
    return book


def examine_folder(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, *, keep_document: bool = True
) -> Outcome:
    """Examine the edition in a folder, as input from a stranger.

    The folder is opened once, and both its files are read beneath that one descriptor. The
    outcome keeps the parsed annotations unless ``keep_document`` is false.

    Raises:
        DataError: if the folder or its annotations cannot be read or parsed at all.
        TypeError, ValueError: if ``max_bytes`` is not an int of 0 or more.
    """
    check_max_bytes(max_bytes)
    with open_folder(path) as folder:
        # No name here holds the bytes or the parsed file: examine alone decides how long
        # each lives, and lets go of them as soon as it can.
        return examine(
            parse_strict(read_from(folder, ANNOTATIONS_FILE, max_bytes), ANNOTATIONS_FILE),
            lambda name: read_from(folder, name, max_bytes, "$.source.text"),
            decode_text,
            keep_document=keep_document,
        )


def load_folder(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Bluebook:
    """Read, check and build the edition in a folder; see :func:`load`."""
    return raise_problems(examine_folder(path, max_bytes, keep_document=False))
