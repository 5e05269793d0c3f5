"""Every record's evidence as a W3C Web Annotation on the source page.

Each span of each record's ``evidence`` becomes one annotation (Web Annotation Data Model, W3C
Recommendation of 23 February 2017), so that annotation tools can show the records on the
original page:

- **target**: the edition's page (``bb.load().url``) with two selectors for the same quote. A
  ``TextQuoteSelector`` comes first, with the quote and up to :data:`CONTEXT_LENGTH` characters
  of the text before and after it on the same line; then a ``TextPositionSelector``. The
  positions count code points of the package's verbatim text (``bb.text()``), headings included,
  not of the HTML page, whose text content also holds its menus: tools that anchor on the page
  should use the quote, and tools that read ``bb.text()`` may use the positions. The context
  stops at a line break because the page shows each heading and paragraph as a block of its own,
  whose separators differ from the text's line breaks.
- **body**: two ``TextualBody`` resources. The first is a line of plain text that annotation
  tools show (the record's class, key and title, summary, name or label); the second is the whole
  record as JSON, as :data:`bluebook_data.converter` unstructures it, for programs. The model
  has no body type for arbitrary structured data other than a resource at an IRI of its own,
  which these records do not have; a textual body with a media type carries it unchanged.
- **motivation**: ``describing`` for engagements and statements, which describe what the text
  reports; ``identifying`` for countries, people and topics, whose evidence is where the text
  names them.
- **id**: a ``urn:uuid:`` IRI, a name-based UUID (version 5, RFC 9562, in the URL namespace) of
  the page's URL and the record's table, key and span index: the same on every run and machine,
  and distinct for every span. The page's own namespace is not used, since the annotations are
  not the Ministry's.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.convert import converter
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data.model import Span

__all__ = [
    "ANNOTATION_CONTEXT",
    "CONTEXT_LENGTH",
    "FILE_NAME",
    "annotation_collection",
    "web_annotations",
    "write_web_annotations",
]

#: The JSON-LD context every Web Annotation names.
ANNOTATION_CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
#: The most characters of context a quote selector gives on each side of the quote.
CONTEXT_LENGTH: Final = 32
#: The file :func:`write_web_annotations` writes.
FILE_NAME: Final = "web-annotations.jsonld"

#: The records that carry evidence: table, key attribute, label attribute, motivation.
_ANNOTATED: Final = (
    ("engagements", "id", "title", "describing"),
    ("statements", "id", "summary", "describing"),
    ("countries", "code", "name", "identifying"),
    ("people", "id", "name", "identifying"),
    ("topics", "id", "label", "identifying"),
)


def _iri(book: Bluebook, path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{book.url}#bluebook-data/{path}')}"


def _selectors(text: str, span: Span) -> list[dict[str, Any]]:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end == -1 else line_end
    prefix = text[max(line_start, span.start - CONTEXT_LENGTH) : span.start]
    suffix = text[span.end : min(line_end, span.end + CONTEXT_LENGTH)]
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": span.text}
    # The model makes prefix and suffix optional; an empty one says nothing, so it is left out.
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    return [quote, {"type": "TextPositionSelector", "start": span.start, "end": span.end}]


def _annotation(
    book: Bluebook, record: Any, path: str, label: str, motivation: str, span: Span
) -> dict[str, Any]:
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": _iri(book, path),
        "type": "Annotation",
        "motivation": motivation,
        "creator": {"type": "Software", "name": "bluebook-data"},
        "body": [
            {
                "type": "TextualBody",
                "purpose": motivation,
                "value": label,
                "format": "text/plain",
                "language": "en",
            },
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": json.dumps(converter.unstructure(record), ensure_ascii=False),
                "format": "application/json",
            },
        ],
        "target": {
            "type": "SpecificResource",
            "source": book.url,
            "selector": _selectors(book.text(), span),
        },
    }


def _annotations(book: Bluebook) -> list[dict[str, Any]]:
    annotations = []
    for table, key, label, motivation in _ANNOTATED:
        records: Callable[[], tuple[Any, ...]] = getattr(book, table)
        for record in records():
            name = getattr(record, key)
            title = f"{type(record).__name__} {name}: {getattr(record, label)}"
            for index, span in enumerate(record.evidence):
                path = f"{table}/{name}/evidence/{index}"
                annotations.append(_annotation(book, record, path, title, motivation, span))
    return annotations


def web_annotations(*, book: Bluebook | None = None) -> list[dict[str, Any]]:
    """Return every span of every record's evidence as a W3C Web Annotation, built afresh.

    One JSON-LD dict per span, in the order engagements, statements, countries, people, topics,
    each record's spans in order. The target is the page ``bb.load().url`` with a quote selector
    (tools anchor on it) and a position selector that counts into ``bb.text()``, not into the
    page; the bodies are a label and the record as JSON. The exports guide shows one whole.

    >>> import bluebook_data as bb
    >>> annotation = bb.web_annotations()[0]
    >>> annotation["type"], annotation["motivation"], annotation["body"][0]["value"][:28]
    ('Annotation', 'describing', 'Engagement 2014-01-31-vice-m')
    >>> quote, position = annotation["target"]["selector"]
    >>> bb.text()[position["start"] : position["end"]] == quote["exact"]
    True
    """
    return _annotations(edition_or_shipped(book))


def annotation_collection(book: Bluebook) -> dict[str, Any]:
    """Return the annotations as one AnnotationCollection, its only page embedded.

    Every annotation in the page keeps its own ``@context``, as the collection has one too: an
    annotation taken out of the file (``jq '.first.items[3]'``) is a whole JSON-LD document,
    which annotation servers and the model's per-annotation checks take as it is.
    """
    items = _annotations(book)
    page = _iri(book, f"collection/{book.data_version}/page/1")
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": _iri(book, f"collection/{book.data_version}"),
        "type": "AnnotationCollection",
        "label": f"The records of bluebook-data {book.data_version} on the text they cite: "
        f"{book.title}",
        "total": len(items),
        "first": {"id": page, "type": "AnnotationPage", "startIndex": 0, "items": items},
        "last": page,
    }


def write_web_annotations(
    directory: str | os.PathLike[str], *, book: Bluebook | None = None
) -> Path:
    """Write every record's evidence to ``directory`` as Web Annotations; return the file.

    The file, ``web-annotations.jsonld``, holds one AnnotationCollection (JSON-LD, media type
    ``application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"``) whose single page
    embeds the annotations of :func:`web_annotations`, each with its ``@context``, so that any
    one of them taken out of the file stands alone. The directory is created if needed;
    nothing else in it is touched, and the same data always gives the same bytes.

    >>> import json, tempfile
    >>> import bluebook_data as bb
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = bb.write_web_annotations(folder)
    ...     collection = json.loads(path.read_text(encoding="utf-8"))
    >>> path.name, collection["type"], collection["total"] == len(bb.web_annotations())
    ('web-annotations.jsonld', 'AnnotationCollection', True)
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    document = json.dumps(
        annotation_collection(edition_or_shipped(book)), ensure_ascii=False, indent=2
    )
    path.write_text(document + "\n", encoding="utf-8")
    return path
