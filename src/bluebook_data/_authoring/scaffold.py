"""Start an edition folder from a text file: the text, empty annotations naming it, the schema.

What ``bluebook-data new TEXT DIR`` writes. The annotations carry the text's checksum and the
structure given, and empty lists of records for the author to fill.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bluebook_data._authoring.annotation_schema import SCHEMA_FILE, annotation_schema_text
from bluebook_data._authoring.check import write_atomically
from bluebook_data._loading.folder import DEFAULT_MAX_BYTES, decode_text, read_member
from bluebook_data._loading.pipeline import sha256_hex
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._versions import SCHEMA_VERSION

__all__ = ["new_edition"]


def new_edition(
    text: str | os.PathLike[str],
    folder: str | os.PathLike[str],
    *,
    title: str,
    year: int,
    url: str,
    publisher: str,
    accessed: str,
    heading_lines: int = 0,
    chapter: tuple[int, str] = (1, ""),
    section: tuple[int, str] = (1, ""),
    section_heading: str = "",
) -> Path:
    """Write a new edition folder for the text file ``text``; return its annotations file.

    The text is copied into ``folder`` (created if needed) unless it is there already.

    Raises:
        FileExistsError: if ``folder`` holds annotations already: nothing is written over.
        DataError: if the text is not UTF-8 without a byte order mark, or is too large.
    """
    source = Path(text)
    target = Path(folder)
    if (target / ANNOTATIONS_FILE).exists():
        raise FileExistsError(f"{target / ANNOTATIONS_FILE} exists; new writes over nothing")
    raw = read_member(source.parent, source.name, DEFAULT_MAX_BYTES)
    decode_text(raw, source.name)
    target.mkdir(parents=True, exist_ok=True)
    copy = target / source.name
    if not copy.exists() or copy.resolve() != source.resolve():
        copy.write_bytes(raw)
    document: dict[str, Any] = {
        "$schema": SCHEMA_FILE,
        "schema_version": SCHEMA_VERSION,
        "data_version": "0.1.0",
        "source": {
            "title": title,
            "year": year,
            "publisher": publisher,
            "url": url,
            "accessed": accessed,
            "text": source.name,
            "sha256": sha256_hex(raw),
        },
        "structure": {
            "chapter": {"number": chapter[0], "title": chapter[1]},
            "section": {"number": section[0], "title": section[1]},
            "section_heading": section_heading,
            "heading_lines": heading_lines,
            "sentences": {"no_break_at": [], "break_at": []},
        },
        "records": {
            kind: [] for kind in ("countries", "people", "topics", "engagements", "statements")
        },
    }
    write_atomically(target / SCHEMA_FILE, annotation_schema_text())
    annotations = target / ANNOTATIONS_FILE
    write_atomically(annotations, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return annotations
