"""Start an edition folder from a text file: the text, empty annotations naming it, the schema.

What ``bluebook-data new TEXT DIR`` writes. The annotations carry the text's checksum and the
structure given, and empty lists of records for the author to fill. The folder may hold other
people's files: each file is written as :mod:`.safe_write` writes one, and none that differs is
replaced without ``force``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bluebook_data._authoring.annotation_schema import SCHEMA_FILE, annotation_schema_text
from bluebook_data._authoring.safe_write import Seen, open_folder, replace_file, seen_now
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
    force: bool = False,
) -> Path:
    """Write a new edition folder for the text file ``text``; return its annotations file.

    The folder is created if needed, and receives a copy of the text, the annotations and their
    schema. A file already there with the same content is left as it is; one with other content
    is replaced only with ``force``. No symbolic link is followed, even with ``force``: not the
    folder, not a folder on the way to it, not a file in it.

    Raises:
        FileExistsError: naming the file and what to do, if one of those holds other content
            (without ``force``), or is a symbolic link or not a regular file, or if a folder on
            the way is a link; nothing is written then.
        DataError: if the text is not UTF-8 without a byte order mark, or is too large.
    """
    source = Path(text)
    target = Path(folder)
    raw = read_member(source.parent, source.name, DEFAULT_MAX_BYTES)
    decode_text(raw, source.name)
    if source.name in (SCHEMA_FILE, ANNOTATIONS_FILE):
        raise FileExistsError(
            f"{source}: the text may not be named {source.name}, the name of a file new writes; "
            "rename it"
        )
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
    files = {
        source.name: raw,
        SCHEMA_FILE: annotation_schema_text().encode("utf-8"),
        ANNOTATIONS_FILE: (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    handle = open_folder(target, create=True)
    try:
        _write_all(handle, target, files, force)
    finally:
        os.close(handle)
    return target / ANNOTATIONS_FILE


def _write_all(handle: int, target: Path, files: dict[str, bytes], force: bool) -> None:
    """Write each file that is not there with the same content; refuse before writing any."""
    seen = {name: seen_now(handle, name, str(target / name)) for name in files}
    others = [
        str(target / name)
        for name, data in files.items()
        if (found := seen[name]) is not None and found[0] != Seen.of(data)
    ]
    if others and not force:
        one = len(others) == 1
        raise FileExistsError(
            f"{', '.join(others)} already exist{'s' * one} with other content; nothing was "
            f"written: move {'it' if one else 'them'} away, or pass --force to replace "
            f"{'it' if one else 'them'}"
        )
    for name, data in files.items():
        found = seen[name]
        previous = None if found is None else found[0]
        if previous == Seen.of(data):
            continue
        shown = str(target / name)
        replace_file(
            handle,
            name,
            data,
            shown=shown,
            previous=previous,
            changed=f"{shown} changed while new was writing it; it is left as it is: run new again",
        )
