"""A small edition of the tests' own writing, in the package's format, written to a folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

TEXT_NAME = "harbour-notes.txt"

#: Invented for the tests: no real page's words.
TEXT = "\n".join(
    [
        "Harbour Notes 2031",
        "Chapter 1",
        "Neighbours across the Sea",
        "Section 2 Harbour Towns",
        "Overview",
        "In 2031 the foreign ministers of Japan and Russia met in a harbour town. "
        "They agreed to open a ferry line.",
        "Japan will keep talking about fisheries. Mr. Sato later went to Kazakhstan.",
    ]
)


def quote(exact: str, prefix: str = "", suffix: str = "") -> dict[str, str]:
    """Cite ``exact`` as an author would: by quoting it."""
    return {
        "exact": exact,
        **({"prefix": prefix} if prefix else {}),
        **({"suffix": suffix} if suffix else {}),
    }


def span(exact: str) -> dict[str, Any]:
    """Cite the one place ``exact`` stands in the text by its offsets."""
    start = TEXT.index(exact)
    assert TEXT.count(exact) == 1, exact
    return {"start": start, "end": start + len(exact), "text": exact}


def _country(code: str, alpha3: str, numeric: str, name: str, region: str, cite: Any) -> Any:
    return {
        "code": code,
        "alpha3": alpha3,
        "numeric": numeric,
        "name": name,
        "official_name": name,
        "region": region,
        "evidence": [cite(name)],
        "references": [
            {"url": "https://www.iso.org/iso-3166-country-codes.html", "title": "ISO 3166"}
        ],
    }


def harbour_annotations(cite: Any = span) -> dict[str, Any]:
    """Return the annotations of :data:`TEXT`, citing with ``cite`` (offsets, or quotes)."""
    return {
        "$schema": "annotations.schema.json",
        "schema_version": 2,
        "data_version": "2031.1.0",
        "source": {
            "title": "Harbour Notes 2031",
            "year": 2031,
            "publisher": "The bluebook-data tests",
            "url": "https://example.org/harbour-notes",
            "accessed": "2031-06-01",
            "text": TEXT_NAME,
            "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        },
        "structure": {
            "chapter": {"number": 1, "title": "Neighbours across the Sea"},
            "section": {"number": 2, "title": "Harbour Towns"},
            "section_heading": "Overview",
            "heading_lines": 5,
            "sentences": {"no_break_at": [TEXT.index("Sato")], "break_at": []},
        },
        "records": {
            "countries": [
                _country("JP", "JPN", "392", "Japan", "east_asia", lambda _: cite("Japan will")),
                _country("RU", "RUS", "643", "Russia", "russia", cite),
                _country("KZ", "KAZ", "398", "Kazakhstan", "central_asia", cite),
            ],
            "people": [],
            "topics": [
                {
                    "id": "fisheries",
                    "label": "Fisheries",
                    "parent": None,
                    "evidence": [cite("fisheries")],
                }
            ],
            "engagements": [
                {
                    "id": "2031-foreign-ministers-harbour",
                    "kind": "foreign_ministers_meeting",
                    "title": "Foreign ministers meet in a harbour town",
                    "date": "2031",
                    "countries": ["JP", "RU"],
                    "evidence": [cite("the foreign ministers of Japan and Russia met")],
                }
            ],
            "statements": [
                {
                    "id": "fisheries-talks-to-continue",
                    "kind": "policy",
                    "summary": "Japan means to keep talking about fisheries.",
                    "countries": ["JP"],
                    "topics": ["fisheries"],
                    "evidence": [cite("Japan will keep talking about fisheries.")],
                }
            ],
        },
    }


def write_edition(folder: Path, document: dict[str, Any] | None = None) -> Path:
    """Write the text and its annotations (by default :func:`annotations`) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TEXT_NAME).write_text(TEXT, encoding="utf-8")
    content = harbour_annotations() if document is None else document
    (folder / "annotations.json").write_text(json.dumps(content, indent=1), encoding="utf-8")
    return folder
