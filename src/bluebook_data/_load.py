"""Read the shipped text and annotations, check them, and build a :class:`~bluebook_data.Bluebook`.

This is the one place where a loader failure becomes a :class:`~bluebook_data.DataError`: a missing
file, bad JSON, a wrong type or unknown key, a text whose checksum or quotes do not match. Nothing
half-loaded is ever cached; a failed load is tried again on the next call.
"""

from __future__ import annotations

import importlib
import json
import sys
import threading
from typing import Any, Final

from cattrs import transform_error
from cattrs.errors import BaseValidationError
from importlib_resources.abc import Traversable

from bluebook_data import _cache, _resources, _validate
from bluebook_data._convert import converter, describe_error
from bluebook_data._segment import segment
from bluebook_data._versions import DATA_VERSION, SCHEMA_VERSION
from bluebook_data.errors import DataError
from bluebook_data.model import Bluebook, Records

__all__ = ["clear_cache", "load", "load_bluebook"]


#: The fields of the annotations file's top level, and of its ``source`` object: all required.
_TOP_FIELDS: Final = ("schema_version", "data_version", "source", "records")
_SOURCE_FIELDS: Final = ("publisher", "url", "accessed", "sha256")

_lock = threading.Lock()


def load() -> Bluebook:
    """Return the shipped edition, loading it on the first call only.

    Concurrent first calls wait for one load and all receive the same object.
    """
    book = _cache.edition
    if book is None:
        with _lock:
            if _cache.edition is None:
                _cache.edition = load_bluebook()
            book = _cache.edition
    return book


def clear_cache() -> None:
    """Forget the loaded edition, so that the next :func:`load` reads the files again."""
    with _lock:
        _cache.forget()


def _read(root: Traversable, name: str) -> bytes:
    try:
        return _resources.read_bytes(root, name)
    except OSError as error:
        raise DataError(name, (f"cannot read the file ({error.strerror or error}) @ $",)) from error


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 at byte {error.start} @ $"
    except json.JSONDecodeError as error:
        problem = f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno} @ $"
    raise DataError(_resources.ANNOTATIONS_FILE, (problem,))


def _missing_and_extra(value: dict[str, Any], fields: tuple[str, ...], path: str) -> list[str]:
    """List the fields missing from ``value`` and the keys it has beyond them, as cattrs would."""
    problems = [
        f"required field missing @ {path}.{field}" for field in fields if field not in value
    ]
    extra = value.keys() - set(fields)
    if extra:
        problems.append(f"extra fields found ({', '.join(sorted(extra))}) @ {path}")
    return problems


def _not_strings(value: dict[str, Any], fields: tuple[str, ...], path: str) -> list[str]:
    """List the fields of ``value`` that hold something other than a string."""
    return [
        f"invalid value for type, expected str: expected a string, got "
        f"{type(value[field]).__name__} @ {path}.{field}"
        for field in fields
        if field in value and not isinstance(value[field], str)
    ]


def _top_level_problems(document: dict[str, Any]) -> list[str]:
    """List what is wrong with the annotations' fields other than the records."""
    problems = _missing_and_extra(document, _TOP_FIELDS, "$")
    problems += _not_strings(document, ("data_version",), "$")
    source = document.get("source")
    if isinstance(source, dict):
        problems += _missing_and_extra(source, _SOURCE_FIELDS, "$.source")
        problems += _not_strings(source, _SOURCE_FIELDS, "$.source")
    elif "source" in document:  # if missing, _missing_and_extra has said so
        problems.append(f"expected an object, got {type(source).__name__} @ $.source")
    return problems


def _structure(document: Any) -> tuple[dict[str, str], Records]:
    """Check the top level of the annotations and structure their records.

    The top level is checked by hand: as attrs classes for cattrs, its two small objects cost more
    at the first load, in making the classes, than all the rest of checking it.

    Returns:
        The ``source`` object, and the records.
    """
    name = _resources.ANNOTATIONS_FILE
    if not isinstance(document, dict):
        raise DataError(name, ("expected a JSON object @ $",))
    version = document.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # True == 1, but is no version
        problem = f"schema version {version!r} is not {SCHEMA_VERSION}, the one this package reads"
        raise DataError(name, (f"{problem} @ $.schema_version",))
    problems = _top_level_problems(document)
    records = None
    if "records" in document:
        try:
            records = converter.structure(document["records"], Records)
        except BaseValidationError as error:  # every field's failure, which transform_error reads
            problems += transform_error(error, "$.records", format_exception=describe_error)
        except Exception as error:  # the records as a whole are of the wrong shape
            problems.append(f"{describe_error(error, Records)} @ $.records")
    if problems:
        raise DataError(name, tuple(problems))
    data_version = document["data_version"]
    if data_version != DATA_VERSION:
        problem = f"data version {data_version!r} is not {DATA_VERSION!r}, the one shipped"
        raise DataError(name, (f"{problem} @ $.data_version",))
    assert records is not None  # a document with no records has had a problem reported
    return document["source"], records


def _sha256(data: bytes) -> str:
    # CPython's own SHA-256 where it has one, as random.py does for SHA-512: hashlib loads OpenSSL,
    # which for one digest of 3 KB cost the first load about 4 ms and 3.5 MiB of memory.
    lean = "_sha2" if sys.version_info >= (3, 12) else "_sha256"
    try:
        sha256 = importlib.import_module(lean).sha256
    except ImportError:  # a Python built without it, or not CPython
        from hashlib import sha256
    return str(sha256(data).hexdigest())


def _decode_text(raw: bytes, expected_sha256: str) -> str:
    name = _resources.TEXT_FILE
    actual = _sha256(raw)
    if actual != expected_sha256:
        raise DataError(name, (f"sha256 is {actual}, expected {expected_sha256} @ $",))
    try:
        return raw.decode("utf-8")
    except (
        UnicodeDecodeError
    ) as error:  # only reachable if the checksum itself names non-UTF-8 bytes
        raise DataError(name, (f"not UTF-8 at byte {error.start} @ $",)) from error


def load_bluebook(root: Traversable | None = None) -> Bluebook:
    """Read, check and build a Bluebook from the files in ``root``, by default the shipped ones.

    Nothing is cached; :func:`load` is the cached entry point.

    Raises:
        DataError: naming the file and the field path of every problem found.
    """
    root = _resources.data_root() if root is None else root
    raw_text = _read(root, _resources.TEXT_FILE)
    source, records = _structure(_parse_json(_read(root, _resources.ANNOTATIONS_FILE)))
    text = _decode_text(raw_text, source["sha256"])
    try:
        edition = segment(text)
    except ValueError as error:
        raise DataError(_resources.TEXT_FILE, (f"{error} @ $",)) from error
    problems = _validate.problems(records, text)
    if problems:
        raise DataError(_resources.ANNOTATIONS_FILE, tuple(problems))
    return Bluebook(
        year=edition.year,
        title=edition.title,
        publisher=source["publisher"],
        url=source["url"],
        accessed=source["accessed"],
        data_version=DATA_VERSION,
        chapters=(edition.chapter,),
        records=records,
    )
