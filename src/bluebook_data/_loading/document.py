"""The annotations file's top level, as records the converter structures like any other."""

from __future__ import annotations

import attrs

from bluebook_data.model import Records

__all__ = ["AnnotationFile", "Source"]


@attrs.frozen(kw_only=True)
class Source:
    """Where the text comes from, and the checksum it must have."""

    publisher: str
    url: str
    accessed: str
    sha256: str


@attrs.frozen(kw_only=True)
class AnnotationFile:
    """The whole annotations file: its versions, the text's source and the records."""

    schema_version: int
    data_version: str
    source: Source
    records: Records
