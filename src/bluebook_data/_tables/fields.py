"""What each field of each record means, for the JSON Schema, the tables and the data dictionary.

The descriptions live here rather than in :mod:`bluebook_data.model` so that the model stays a
plain list of typed fields. A test checks that every field of every record class has exactly one
description here, so the two cannot drift apart.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from bluebook_data import model
from bluebook_data._edition.bluebook import Bluebook

__all__ = ["DESCRIPTIONS", "RECORD_CLASSES", "data_fields", "describe", "field_types"]

#: Every attrs class of the model, in the order the data dictionary lists them.
RECORD_CLASSES: Final[tuple[type, ...]] = (
    model.Engagement,
    model.Statement,
    model.Country,
    model.Person,
    model.Topic,
    model.Sentence,
    model.Paragraph,
    model.Section,
    model.Chapter,
    Bluebook,
    model.Records,
    model.Span,
    model.Reference,
    model.PartialDate,
)

_EVIDENCE = "The spans of the text this record rests on: what the text itself says."
_REFERENCES = "Public sources for the details that the text does not state."
_WIKIDATA = "Wikidata item id, where a citable source gives one; empty otherwise."

DESCRIPTIONS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "Engagement": {
            "id": "Stable, readable identifier (a slug, never a position).",
            "kind": "What kind of diplomatic contact this is.",
            "title": "A short title, written by this package.",
            "date": "When it took place, to the precision known; empty for an undated plan.",
            "end_date": "The last day, for a contact spanning several days.",
            "status": "Whether it was held in 2015 or was being prepared.",
            "countries": "ISO 3166-1 alpha-2 codes of the countries taking part, Japan included.",
            "hosts": (
                "Alpha-2 codes of the countries, among `countries`, that received the others; "
                "empty for a meeting at a third location or where no side hosted."
            ),
            "participants": "Ids of the people taking part, where sources name them.",
            "location": "Where it took place, in words.",
            "topics": "Ids of the topics it dealt with.",
            "part_of": "Id of the visit this meeting was held during.",
            "cameo": "CAMEO event code (e.g. 042, make a visit).",
            "plover_event": "PLOVER event type converted from the CAMEO code (CONSULT, AGREE).",
            "plover_mode": "PLOVER mode of the event (visit, third-party), where it has one.",
            "evidence": _EVIDENCE,
            "references": _REFERENCES,
        },
        "Statement": {
            "id": "Stable, readable identifier.",
            "kind": "What the statement asserts: an assessment, a policy or an outcome.",
            "summary": "This package's paraphrase; `evidence` holds the text's own words.",
            "countries": "Alpha-2 codes of the countries it concerns.",
            "topics": "Ids of the topics it concerns.",
            "engagements": "Ids of the engagements an outcome was reached at.",
            "evidence": _EVIDENCE,
            "references": _REFERENCES,
        },
        "Country": {
            "code": "ISO 3166-1 alpha-2 code.",
            "alpha3": "ISO 3166-1 alpha-3 code, as POLECAT and ICEWS-derived data use.",
            "numeric": "ISO 3166-1 numeric code, as a three-digit string.",
            "name": "Short English name.",
            "official_name": "Formal English name.",
            "aliases": "Other names it is known by, native spellings included.",
            "former_names": (
                "Names once in official use and since dropped (Japan's グルジア for Georgia, "
                "until April 2015); the references say when."
            ),
            "region": "The region this section of the Bluebook places it in.",
            "wikidata": _WIKIDATA,
            "cow": (
                "Correlates of War state number (`ccode`), from the COW State System Membership "
                "list; empty for an entity the list does not hold."
            ),
            "gw": (
                "Gleditsch and Ward state number (`gwcode`), from their list of independent "
                "states; empty for an entity the list does not hold."
            ),
            "evidence": _EVIDENCE,
            "references": _REFERENCES,
        },
        "Person": {
            "id": "Stable identifier (a slug of the name).",
            "name": "Full name, given name first.",
            "family_name": "Family name.",
            "office": "Office held in 2015.",
            "country": "Alpha-2 code of the country the person served.",
            "wikidata": _WIKIDATA,
            "evidence": _EVIDENCE,
            "references": _REFERENCES,
        },
        "Topic": {
            "id": "Stable identifier.",
            "label": "Human-readable label.",
            "parent": "Id of the broader topic, if any.",
            "evidence": _EVIDENCE,
        },
        "Sentence": {
            "id": "Identifier: chapter, section, paragraph and sentence number.",
            "paragraph_id": "Id of the paragraph holding the sentence.",
            "span": "Where the sentence lies in the text.",
        },
        "Paragraph": {
            "id": "Identifier: chapter, section and paragraph number.",
            "index": "Position of the paragraph in the section, from 1.",
            "span": "Where the paragraph lies in the text.",
            "sentences": "The sentences of the paragraph, in order.",
        },
        "Section": {
            "number": "Section number within the chapter.",
            "title": "Section title.",
            "heading": "The heading of the part shipped (Overview).",
            "text": "The whole verbatim source text, headings included.",
            "paragraphs": "The paragraphs, in order.",
        },
        "Chapter": {
            "number": "Chapter number.",
            "title": "Chapter title.",
            "sections": "The sections this package ships.",
        },
        "Bluebook": {
            "text_file": "The name of the file the verbatim text was read from.",
            "year": "The edition's year (it covers the calendar year before).",
            "title": "The edition's title.",
            "publisher": "Who published it.",
            "url": "The page the text was taken from.",
            "accessed": "The date the text was taken (ISO 8601).",
            "data_version": "Release of the shipped annotations.",
            "chapters": "The chapters this package ships.",
            "records": "Everything the text reports.",
        },
        "Records": {
            "countries": "The countries.",
            "people": "The people.",
            "topics": "The topics.",
            "engagements": "The engagements.",
            "statements": "The statements.",
        },
        "Span": {
            "start": "Offset of the first character in the text (code points, from 0).",
            "end": "Offset just past the last character.",
            "text": "The quoted characters, equal to the text between `start` and `end`.",
        },
        "Reference": {
            "url": "Address of the source.",
            "title": "What the source is.",
        },
        "PartialDate": {
            "year": "Year.",
            "month": "Month (1-12), if known.",
            "day": "Day of the month, if known.",
        },
    }
)


def data_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """Return the fields of a record class that hold data, leaving out those derived from them.

    >>> [field.name for field in data_fields(Bluebook)][-2:]
    ['chapters', 'records']
    """
    return tuple(field for field in attrs.fields(cls) if field.init)


@functools.cache
def field_types(cls: type) -> Mapping[str, Any]:
    """Return the resolved type of every data field of ``cls``, in field order.

    >>> field_types(model.Span)["start"]
    <class 'int'>
    """
    hints = typing.get_type_hints(cls)
    return MappingProxyType({field.name: hints[field.name] for field in data_fields(cls)})


def describe(cls: type, field: str) -> str:
    """Return the description of one field of a record class.

    Raises:
        KeyError: if the field has no description (a test keeps this from happening).

    >>> describe(model.Country, "alpha3")
    'ISO 3166-1 alpha-3 code, as POLECAT and ICEWS-derived data use.'
    """
    return DESCRIPTIONS[cls.__name__][field]
