"""The JSON Schema of the annotations file, generated from the model, for editors to check against.

``bluebook-data new`` writes it beside the annotations it starts, whose ``$schema`` names it, so
that an editor validates and completes the file while a person types. The package ships the same
schema as ``data/annotations.schema.json``; a test keeps the two equal.
"""

from __future__ import annotations

import json
from typing import Any, Final

from bluebook_data._exports.schema import DIALECT, _Builder
from bluebook_data._loading.document import AnnotationFile, Heading, SentenceRule, Source, Structure
from bluebook_data._tables.fields import describe
from bluebook_data._versions import SCHEMA_VERSION

__all__ = ["SCHEMA_FILE", "annotation_schema", "annotation_schema_text"]

#: The schema's file name, in the package data and in the folders ``new`` writes.
SCHEMA_FILE: Final = "annotations.schema.json"

_DESCRIPTIONS: Final[dict[type, dict[str, str]]] = {
    AnnotationFile: {
        "schema_version": f"The layout of this file: {SCHEMA_VERSION} for this package.",
        "data_version": "The release of these annotations, versioned on their own.",
        "source": "Where the text comes from, and the file holding it.",
        "structure": "How the text is laid out: headings, paragraphs, sentences.",
        "records": "Everything the text reports, each record citing the text.",
    },
    Source: {
        "title": "The edition's title, e.g. Diplomatic Bluebook 2016.",
        "year": "The edition's year.",
        "publisher": "Who published the text.",
        "url": "Where the text is published.",
        "accessed": "When the text was read there (YYYY-MM-DD).",
        "text": "The text file, in this folder: UTF-8 without a byte order mark.",
        "sha256": "The SHA-256 of the text file, in hex; the loader checks it.",
    },
    Heading: {
        "number": "The number in the heading.",
        "title": "The title, as it stands in the heading lines.",
    },
    Structure: {
        "chapter": "The chapter the text belongs to.",
        "section": "The section the text is.",
        "section_heading": "The heading above the paragraphs (Overview), in the heading lines.",
        "heading_lines": "How many lines open the text before its paragraphs, one a line.",
        "sentences": "Exceptions to the rule that a sentence ends at '. ' before a capital.",
    },
    SentenceRule: {
        "no_break_at": "Offsets where the rule starts a sentence but none starts (Mr. Abe).",
        "break_at": "Offsets where a sentence starts that the rule does not see.",
    },
}

#: Evidence may be written as a quote, in the shape of a W3C TextQuoteSelector.
_QUOTE: Final = {
    "title": "TextQuote",
    "description": (
        "Evidence as a quote of the text: `bluebook-data check --fix` replaces it with the "
        "offsets of the one place the prefix, exact text and suffix stand together."
    ),
    "type": "object",
    "properties": {
        "type": {"const": "TextQuoteSelector"},
        "exact": {"type": "string", "minLength": 1, "description": "The words quoted."},
        "prefix": {"type": "string", "description": "The words just before, to choose a place."},
        "suffix": {"type": "string", "description": "The words just after, to choose a place."},
    },
    "required": ["exact"],
    "additionalProperties": False,
}


def _described(cls: type, field: str) -> str:
    own = _DESCRIPTIONS.get(cls)
    return own[field] if own is not None else describe(cls, field)


def _quotes_allowed(value: Any) -> Any:
    """Let every array of spans hold quotes too."""
    if isinstance(value, dict):
        if value.get("type") == "array" and value.get("items") == {"$ref": "#/$defs/Span"}:
            spans_or_quotes = {"oneOf": [{"$ref": "#/$defs/Span"}, {"$ref": "#/$defs/TextQuote"}]}
            return {**value, "items": spans_or_quotes}
        return {key: _quotes_allowed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_quotes_allowed(item) for item in value]
    return value


def annotation_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an annotations file, as a new dict.

    >>> schema = annotation_schema()
    >>> schema["required"][:3]
    ['schema_version', 'data_version', 'source']
    >>> sorted(schema["$defs"]["TextQuote"]["properties"])
    ['exact', 'prefix', 'suffix', 'type']
    """
    # What the schema refuses, loading must refuse too (the fuzz tests hold the two to it), and
    # loading does not check the codebooks' rules: an edition of one's own may use other codes.
    builder = _Builder(None, _described, codebooks=False)
    root = builder.of_record(AnnotationFile)
    root["properties"] = {
        "$schema": {"type": "string", "description": "Where this schema is, for editors."},
        **root["properties"],
    }
    root["properties"]["schema_version"]["const"] = SCHEMA_VERSION
    definitions = dict(sorted({**builder.definitions, "TextQuote": _QUOTE}.items()))
    schema: dict[str, Any] = _quotes_allowed({"$schema": DIALECT, **root, "$defs": definitions})
    return schema


def annotation_schema_text() -> str:
    """Return the schema as the file ``new`` writes and the package ships."""
    return json.dumps(annotation_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # regenerates the shipped file; see CONTRIBUTING.md
    print(annotation_schema_text(), end="")
