"""Read the shipped text and annotations, check them, build a Bluebook, and keep it.

This is the one place where a loader failure becomes a :class:`~bluebook_data.DataError`: a missing
file, bad JSON, a wrong type or unknown key, a text whose checksum or quotes do not match. The
loaded edition is kept here too, behind a lock; nothing half-loaded is ever kept, so a failed load
is tried again on the next call.
"""

from __future__ import annotations

import importlib
import json
import sys
import threading
from typing import Any

from cattrs import transform_error
from cattrs.errors import BaseValidationError
from importlib_resources.abc import Traversable

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading import resources, validate
from bluebook_data._loading.convert import converter, describe_error
from bluebook_data._loading.document import AnnotationFile
from bluebook_data._loading.segment import segment
from bluebook_data._versions import DATA_VERSION, SCHEMA_VERSION
from bluebook_data.errors import DataError

__all__ = ["clear_cache", "load", "load_bluebook"]

_lock = threading.Lock()
_edition: Bluebook | None = None


def load() -> Bluebook:
    """Return the shipped edition, read and checked on the first call and kept after.

    Concurrent first calls wait for one load and all receive the same object. No I/O happens on
    import.

    Raises:
        DataError: if a shipped data file is missing or does not match the text.

    >>> load() is load()
    True
    >>> load().year
    2016
    """
    global _edition
    edition = _edition
    if edition is None:
        with _lock:
            if _edition is None:
                _edition = load_bluebook()
            edition = _edition
    return edition


def clear_cache() -> None:
    """Forget the loaded edition, so that the next :func:`load` reads the files again."""
    global _edition
    with _lock:
        _edition = None


def _read(root: Traversable, name: str) -> bytes:
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
    raise DataError(resources.ANNOTATIONS_FILE, (problem,))


def _structure(document: Any) -> AnnotationFile:
    """Check the annotations' schema version, then structure the whole file.

    The version is read first, so that a file of another layout is named as such rather than
    reported field by field.
    """
    name = resources.ANNOTATIONS_FILE
    if not isinstance(document, dict):
        raise DataError(name, ("expected a JSON object @ $",))
    version = document.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # True == 1, but is no version
        problem = f"schema version {version!r} is not {SCHEMA_VERSION}, the one this package reads"
        raise DataError(name, (f"{problem} @ $.schema_version",))
    try:
        annotations = converter.structure(document, AnnotationFile)
    except BaseValidationError as error:  # every field's failure, which transform_error reads
        raise DataError(
            name, tuple(transform_error(error, "$", format_exception=describe_error))
        ) from error
    if annotations.data_version != DATA_VERSION:
        problem = (
            f"data version {annotations.data_version!r} is not {DATA_VERSION!r}, the one shipped"
        )
        raise DataError(name, (f"{problem} @ $.data_version",))
    return annotations


def sha256_hex(data: bytes) -> str:
    """Return the SHA-256 digest of ``data`` in hex, as :func:`hashlib.sha256` gives it."""
    # Target 5 (the memory a load adds) needs CPython's own SHA-256, as random.py takes its own
    # SHA-512: hashlib loads OpenSSL's libcrypto, which alone is more than the target allows.
    builtin = "_sha2" if sys.version_info >= (3, 12) else "_sha256"
    try:
        sha256 = importlib.import_module(builtin).sha256
    except (
        ImportError
    ):  # not CPython, or built without it; imported only then, for the reason above
        from hashlib import sha256
    return str(sha256(data).hexdigest())


def _decode_text(raw: bytes, expected_sha256: str) -> str:
    name = resources.TEXT_FILE
    actual = sha256_hex(raw)
    if actual != expected_sha256:
        raise DataError(name, (f"sha256 is {actual}, expected {expected_sha256} @ $",))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:  # only if the checksum itself names non-UTF-8 bytes
        raise DataError(name, (f"not UTF-8 at byte {error.start} @ $",)) from error


def load_bluebook(root: Traversable | None = None) -> Bluebook:
    """Read, check and build a Bluebook from the files in ``root``, by default the shipped ones.

    Nothing is kept; :func:`load` is the cached entry point.

    Raises:
        DataError: naming the file and the field path of every problem found.
    """
    root = resources.data_root() if root is None else root
    raw_text = _read(root, resources.TEXT_FILE)
    annotations = _structure(_parse_json(_read(root, resources.ANNOTATIONS_FILE)))
    source = annotations.source
    text = _decode_text(raw_text, source.sha256)
    try:
        edition = segment(text)
    except ValueError as error:
        raise DataError(resources.TEXT_FILE, (f"{error} @ $",)) from error
    problems = validate.problems(annotations.records, text)
    if problems:
        raise DataError(resources.ANNOTATIONS_FILE, tuple(problems))
    return Bluebook(
        year=edition.year,
        title=edition.title,
        publisher=source.publisher,
        url=source.url,
        accessed=source.accessed,
        data_version=DATA_VERSION,
        chapters=(edition.chapter,),
        records=annotations.records,
    )
