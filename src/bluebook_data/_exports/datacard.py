"""A Hugging Face dataset card for the Parquet export: ``README.md`` with typed configs.

The card's YAML header names one config per table, its data file and its features, so that
``datasets.load_dataset(folder, "engagements")`` reads each column with its type and no guess:
codes as strings (CAMEO ``042`` stays ``"042"``), date bounds as ``date32``, lists as lists of
strings or integers, enums as strings. ``datasets`` keeps none of a Parquet file's own metadata,
so the card carries what the files' metadata would: the licence of the source text, the
citation its publisher asks for, the data version, and what every table and column holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._exports.citation import citation_of
from bluebook_data._tables.columns import Column, Table

__all__ = [
    "CARD_MARK",
    "CARD_NAME",
    "dataset_card",
    "edition_title",
    "feature_type",
    "refuse_foreign_card",
]

#: The file the card is written to, where ``datasets`` and the Hub look for it.
CARD_NAME: Final = "README.md"

#: The line that marks a card as this package's, so that an export never replaces another README.
CARD_MARK: Final = "<!-- written by bluebook-data: an export replaces this file -->"

_VALUE_TYPES: Final = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "date": "date32",
}


def feature_type(column: Column) -> tuple[str, str]:
    """Return the card's key and type for a column: ``("dtype", ...)`` or ``("list", ...)``.

    >>> from bluebook_data._tables.tables import table
    >>> [feature_type(column) for column in table("engagements").columns[:2]]
    [('dtype', 'string'), ('dtype', 'string')]
    """
    if column.type == "array":
        return "list", _VALUE_TYPES[column.items or "string"]
    return "dtype", _VALUE_TYPES[column.type]


def refuse_foreign_card(path: Path) -> None:
    """Raise if ``path`` is a file that is not a card this package wrote.

    Raises:
        FileExistsError: naming the file, for a README someone else wrote (or anything but a
            regular file there).
    """
    if not (path.exists() or path.is_symlink()):
        return
    if path.is_file() and not path.is_symlink():
        with path.open("rb") as handle:
            if CARD_MARK.encode("utf-8") in handle.read(64 * 1024):
                return
    raise FileExistsError(
        f"{path} exists and is not a dataset card written by bluebook-data; move it away or "
        "export to another folder"
    )


def _text(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: every name and title is written safely.
    return json.dumps(value, ensure_ascii=False)


def edition_title(book: Bluebook) -> str:
    """Return the edition's title with the part it covers, from its own structure.

    >>> import bluebook_data as bb
    >>> edition_title(bb.load())
    'Diplomatic Bluebook 2016, Chapter 2, Section 5 (Overview)'
    """
    chapter = book.chapter()
    section = chapter.sections[0]
    return f"{book.title}, Chapter {chapter.number}, Section {section.number} ({section.heading})"


def _header(book: Bluebook, specs: Sequence[Table]) -> list[str]:
    cited = citation_of(book)
    lines = [
        "---",
        f"pretty_name: {_text(edition_title(book))}",
        "language:",
        "- en",
        "license: other",
        f"license_name: {_text(cited.licence)}",
        f"license_link: {_text(cited.licence_url)}",
        "tags:",
        *(f"- {tag}" for tag in ("diplomacy", "event-data", "cameo", "plover", "provenance")),
        "configs:",
    ]
    for spec in specs:
        lines += [
            f"- config_name: {spec.name}",
            "  data_files:",
            "  - split: train",
            f"    path: {spec.name}.parquet",
        ]
    lines.append("dataset_info:")
    for spec in specs:
        lines += [f"- config_name: {spec.name}", "  features:"]
        for column in spec.columns:
            key, kind = feature_type(column)
            lines += [f"  - name: {_text(column.name)}", f"    {key}: {kind}"]
    return [*lines, "---"]


def _table_section(spec: Table) -> list[str]:
    lines = [f"### `{spec.name}`", "", spec.description, "", "| column | type | meaning |"]
    lines.append("|---|---|---|")
    for column in spec.columns:
        key, kind = feature_type(column)
        shown = f"list of {kind}" if key == "list" else kind
        meaning = column.description.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{column.name}` | {shown} | {meaning} |")
    return [*lines, ""]


def dataset_card(book: Bluebook, specs: Sequence[Table]) -> str:
    """Return the card of the given tables, each written beside it as ``<name>.parquet``.

    >>> import bluebook_data as bb
    >>> from bluebook_data._tables.tables import table
    >>> card = dataset_card(bb.load(), [table("events")])
    >>> "- config_name: events" in card, "    dtype: date32" in card
    (True, True)
    """
    cited = citation_of(book)
    body = [
        "",
        CARD_MARK,
        "",
        f"# {edition_title(book)}: records that cite the text",
        "",
        f"The engagements, statements, countries, people and topics that {edition_title(book)}, "
        f"{book.chapter().sections[0].title}, reports, each citing the spans of text it rests "
        f"on, written by bluebook-data {version('bluebook-data')} (data version "
        f"{book.data_version}).",
        "",
        "```python",
        "import datasets",
        'engagements = datasets.load_dataset("path/to/this/folder", "engagements", split="train")',
        "```",
        "",
        "## Licence and citation",
        "",
        f"The source text is published under the {cited.licence} ({cited.licence_url}). "
        "Cite it as its publisher asks:",
        "",
        f"> {cited.text}",
        "",
        cited.notice,
        "",
        "```bibtex",
        cited.bibtex,
        "```",
        "",
        "## Tables",
        "",
    ]
    for spec in specs:
        body += _table_section(spec)
    return "\n".join([*_header(book, specs), *body]).rstrip("\n") + "\n"
