"""From a parsed annotations file and a way to read its text, to an edition or every problem.

One pipeline serves the shipped edition, a folder given to :func:`bluebook_data.load`, and
``bluebook-data check``: each stage reports all it finds, and the stages after it run as far as
what they need is sound, so that one run names every problem it can.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import attrs

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading import validate
from bluebook_data._loading.document import AnnotationFile
from bluebook_data._loading.quotes import resolve_quotes, without_quotes
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._loading.segment import segment
from bluebook_data._loading.structure import structure_annotations
from bluebook_data._versions import SCHEMA_VERSION
from bluebook_data.errors import DataError

__all__ = ["Outcome", "examine", "sha256_hex"]


def sha256_hex(data: bytes) -> str:
    """Return the SHA-256 digest of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


@attrs.frozen
class Outcome:
    """What examining an edition gave: the edition if all was well, else the problems by file.

    ``document`` is the annotations with every quote that could be resolved made a span, and
    those that could not left out; ``quotes`` counts the first, ``unresolved`` the others.
    """

    book: Bluebook | None
    problems: dict[str, list[str]]
    document: Any
    quotes: int = 0
    unresolved: int = 0


def _schema_version_problem(document: Any) -> str | None:
    if not isinstance(document, dict):
        return "expected a JSON object @ $"
    version = document.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # True == 1, but is no version
        problem = f"schema version {version!r} is not {SCHEMA_VERSION}, the one this package reads"
        return f"{problem} @ $.schema_version"
    schema = document.get("$schema")
    if schema is not None and not isinstance(schema, str):
        return "expected a string (the schema's location) @ $.$schema"
    return None


def _text_name(document: dict[str, Any]) -> object:
    source = document.get("source")
    return source.get("text") if isinstance(source, dict) else None


def _read_text(
    document: dict[str, Any], read: Callable[[object], bytes], decode: Callable[[bytes, str], str]
) -> tuple[str | None, dict[str, list[str]]]:
    """Read and check the text the annotations name; return it, or the problems found."""
    name = _text_name(document)
    try:
        raw = read(name)
    except DataError as error:
        return None, {error.file: list(error.problems)}
    expected = document["source"].get("sha256")
    actual = sha256_hex(raw)
    label = str(name)
    if isinstance(expected, str) and actual != expected:
        return None, {label: [f"sha256 is {actual}, expected {expected} @ $"]}
    try:
        return decode(raw, label), {}
    except DataError as error:
        return None, {error.file: list(error.problems)}


def examine(
    document: Any,
    read: Callable[[object], bytes],
    decode: Callable[[bytes, str], str],
    *,
    keep_document: bool = True,
) -> Outcome:
    """Check an annotations file and its text, and build the edition if nothing is wrong.

    Args:
        document: The parsed annotations file.
        keep_document: Whether the outcome keeps the annotations; without them, a caller that
            holds no reference of its own lets them go as soon as the records are made, so
            that building the edition does not carry them.
        read: Reads the file the annotations name as their text; raises ``DataError``.
        decode: Turns the text's bytes into a string; raises ``DataError``.
    """
    problem = _schema_version_problem(document)
    if problem is not None:
        return Outcome(None, {ANNOTATIONS_FILE: [problem]}, document)
    text, problems = _read_text(document, read, decode)
    found = problems.setdefault(ANNOTATIONS_FILE, [])
    quotes = unresolved = 0
    resolution = None
    if text is None:
        document = without_quotes(document)
    else:
        resolution = resolve_quotes(document, text)
        found += resolution.problems
        document, quotes, unresolved = (
            resolution.document,
            resolution.resolved,
            len(resolution.problems),
        )
    annotations, structure_problems = structure_annotations(document, consume=not keep_document)
    found += structure_problems
    if not keep_document:
        document = resolution = None
    if annotations is not None and text is not None and not found:
        try:
            chapter = segment(text, annotations.structure)
        except ValueError as error:
            found.append(f"{error} @ $.structure")
        else:
            found += validate.problems(annotations.records, text)
            if not found:
                book = _edition(annotations, chapter)
                return Outcome(book, {}, document, quotes, unresolved)
    found_problems = {file: found for file, found in problems.items() if found}
    return Outcome(None, found_problems, document, quotes, unresolved)


def _edition(annotations: AnnotationFile, chapter: Any) -> Bluebook:
    source = annotations.source
    return Bluebook(
        year=source.year,
        title=source.title,
        publisher=source.publisher,
        url=source.url,
        accessed=source.accessed,
        data_version=annotations.data_version,
        text_file=source.text,
        chapters=(chapter,),
        records=annotations.records,
    )
