"""The annotations file's top level, as records the converter structures like any other.

The file names its text, declares how that text is laid out, and holds the records. The shipped
edition is one such file; :func:`bluebook_data.load` reads any other folder in the same format.
"""

from __future__ import annotations

import attrs

from bluebook_data.model import Records

__all__ = ["AnnotationFile", "Heading", "SentenceRule", "Source", "Structure"]


@attrs.frozen(kw_only=True)
class Source:
    """The edition the text comes from, the text file, and the checksum that file must have."""

    title: str
    year: int
    publisher: str
    url: str
    accessed: str
    text: str
    sha256: str


@attrs.frozen(kw_only=True)
class Heading:
    """A chapter or section: its number and title, as the heading lines give them."""

    number: int
    title: str


@attrs.frozen(kw_only=True)
class SentenceRule:
    """Where sentences end: the default rule, and the exceptions to it.

    By default a sentence ends at a full stop followed by white space and a capital letter, and at
    the end of its paragraph. ``no_break_at`` lists offsets where the default would start a
    sentence but none starts ("Mr. Abe"); ``break_at`` lists offsets where a sentence starts
    although the default sees none.
    """

    no_break_at: tuple[int, ...] = ()
    break_at: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class Structure:
    """How the text is laid out: heading lines first, then one paragraph a line."""

    chapter: Heading
    section: Heading
    section_heading: str
    heading_lines: int
    sentences: SentenceRule = SentenceRule()


@attrs.frozen(kw_only=True)
class AnnotationFile:
    """The whole annotations file: its versions, the text's source and layout, and the records."""

    schema_version: int
    data_version: str
    source: Source
    structure: Structure
    records: Records
