"""Structure a parsed annotations file into records, reporting every field's failure.

Loading structures with a converter of its own, never the one users reach as
``bluebook_data.converter`` and may add hooks to, so that every load is as strict as this package
makes it. The records are structured one at a time, each failure made a message and let go at
once: a file of many bad records then costs in proportion to its size, where cattrs, given the
whole file, would keep every failure and the frames it was raised in until the last record.
"""

from __future__ import annotations

from typing import Any, Final, get_args, get_type_hints

import attrs
from cattrs import transform_error
from cattrs.errors import BaseValidationError

from bluebook_data._loading.convert import describe_error, make_converter
from bluebook_data._loading.document import AnnotationFile
from bluebook_data.model import Records

__all__ = ["structure_annotations"]

_LOADING_CONVERTER: Final = make_converter()
#: Each kind of record's class, by its field of Records, in the order cattrs would report them.
_KINDS: Final[dict[str, Any]] = {
    name: get_args(tuple_type)[0] for name, tuple_type in get_type_hints(Records).items()
}


def structure_annotations(
    document: dict[str, Any], *, consume: bool = False
) -> tuple[AnnotationFile | None, list[str]]:
    """Return the annotations structured, or None and every failure as ``"<message> @ <path>"``.

    With ``consume``, each record's JSON is dropped from ``document`` once it is structured, so
    that the parsed file shrinks as the records grow, and the collector walks only one of them.
    """
    content = {key: value for key, value in document.items() if key != "$schema"}
    records = content.get("records")
    if not (
        isinstance(records, dict)
        and records.keys() == _KINDS.keys()
        and all(isinstance(items, list) for items in records.values())
    ):
        # An odd shape, which cattrs reports best on the whole file.
        return _structured(content, AnnotationFile, "$")
    no_records: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
    annotations, problems = _structured({**content, "records": no_records}, AnnotationFile, "$")
    kinds: dict[str, tuple[Any, ...]] = {}
    for kind, record_type in _KINDS.items():
        structured = []
        items = records[kind]
        for position, item in enumerate(items):
            record, failures = _structured(item, record_type, f"$.records.{kind}[{position}]")
            structured.append(record)
            problems += failures
            if consume:
                items[position] = None
        kinds[kind] = tuple(structured)
    if annotations is None or problems:
        return None, problems
    return attrs.evolve(annotations, records=Records(**kinds)), []


def _structured(value: Any, type_: Any, path: str) -> tuple[Any, list[str]]:
    try:
        return _LOADING_CONVERTER.structure(value, type_), []
    except BaseValidationError as error:  # every field's failure, which transform_error reads
        problems = transform_error(error, path, format_exception=describe_error)
        _drop_tracebacks(error)
        return None, problems
    except (TypeError, ValueError) as error:  # the record itself is of the wrong type
        return None, [f"{describe_error(error, type_)} @ {path}"]


def _drop_tracebacks(error: BaseException) -> None:
    """Let go of the frames every failure in ``error``'s tree holds.

    cattrs keeps each field's failure in a list in the frame that caught it, and the failure's
    traceback holds that frame: a reference cycle per field, which only the cyclic collector
    would free.
    """
    waiting = [error]
    while waiting:
        failure = waiting.pop()
        failure.__traceback__ = None
        if isinstance(failure, BaseExceptionGroup):
            waiting.extend(failure.exceptions)
