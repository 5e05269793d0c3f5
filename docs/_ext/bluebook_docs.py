"""A Sphinx extension that writes the pages generated from the package before each build.

``generated/data-dictionary.md`` lists every field of every record class and every column of
every exported table, from the same field descriptions and column specifications the package
uses, so the documentation cannot drift from the model. ``generated/citation.md`` holds the
citation and BibTeX entry that :func:`bluebook_data.citation` gives; ``generated/cli-reference.md``
every subcommand with its own arguments, read from the parser. After an HTML build, the
tutorial notebook is copied beside its page, so that the page's download link finds it.
"""

from __future__ import annotations

import argparse
import enum
import shutil
from pathlib import Path
from typing import Any

import attrs

import bluebook_data as bb
from bluebook_data._exports.datapackage import link_tables
from bluebook_data._tables.fields import RECORD_CLASSES, data_fields, describe, field_types
from bluebook_data._tables.tables import tables
from bluebook_data.cli.parser import parser


def _type_name(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("bluebook_data.model.", "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(field: attrs.Attribute[Any]) -> str:
    if field.default is attrs.NOTHING:
        return "required"
    value = field.default.value if isinstance(field.default, enum.Enum) else field.default
    return f"`{value!r}`"


def _record_section(cls: type) -> list[str]:
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    lines = [f"### {cls.__name__}", "", _cell(doc), ""]
    if cls is bb.PartialDate:
        lines += [
            "In JSON and in the tables, an ISO 8601 string: `2015`, `2015-10`, `2015-10-22`.",
            "",
        ]
    lines += ["| field | type | default | meaning |", "|---|---|---|---|"]
    for field in data_fields(cls):
        hint = field_types(cls)[field.name]
        meaning = describe(cls, field.name)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            meaning += " One of " + ", ".join(f"`{member.value}`" for member in hint) + "."
        kind = _cell(_type_name(hint))
        lines.append(f"| `{field.name}` | `{kind}` | {_default(field)} | {_cell(meaning)} |")
    return [*lines, ""]


def _table_section(spec: Any) -> list[str]:
    keys = ", ".join(f"`{key}`" for key in spec.primary_key)
    lines = [f"### {spec.name}", "", _cell(spec.description), "", f"Primary key: {keys}.", ""]
    lines += ["| column | type | required | meaning |", "|---|---|---|---|"]
    for column in spec.columns:
        kind = f"list of {column.items}" if column.type == "array" else column.type
        meaning = column.description
        if column.choices:
            meaning += " One of " + ", ".join(f"`{choice}`" for choice in column.choices) + "."
        if column.references is not None:
            meaning += f" Refers to `{column.references[0]}.{column.references[1]}`."
        required = "yes" if column.required else ""
        lines.append(f"| `{column.name}` | {kind} | {required} | {_cell(meaning)} |")
    return [*lines, ""]


def data_dictionary() -> str:
    """Return the generated part of the data dictionary, as MyST Markdown."""
    lines = ["## Records", ""]
    for cls in RECORD_CLASSES:
        lines += _record_section(cls)
    lines += [
        "## Tables",
        "",
        "The columns of `to_records`, `to_pandas`, `to_arrow`, the `--format csv` output and "
        "the CSV files of the data package. In CSV, a list is a JSON array and an empty cell "
        "is a missing value.",
        "",
    ]
    for spec in tables().values():
        lines += _table_section(spec)
    lines += [
        "## Link tables",
        "",
        "Only in the data package: one row per item of a list column that holds keys of "
        "another table, so that the keys can be declared and checked.",
        "",
    ]
    for spec in link_tables():
        lines += _table_section(spec)
    return "\n".join(lines)


def citation_page() -> str:
    """Return the citation, the notice and the BibTeX entry, as MyST Markdown."""
    cited = bb.citation()
    return "\n".join(
        [
            "```text",
            cited.text,
            "```",
            "",
            cited.notice,
            "",
            "```bibtex",
            cited.bibtex,
            "```",
            "",
        ]
    )


#: The options every listing shares, described once at the top of the reference.
_OUTPUT_OPTIONS = ("--format", "--columns", "--wide", "--limit")


def _option_text(action: argparse.Action) -> str:
    positional = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
    names = ", ".join(f"`{name}`" for name in action.option_strings) or f"`{positional}`"
    if action.choices:
        names += " (" + ", ".join(str(choice) for choice in action.choices) + ")"
    return f"{names}: {action.help or ''}"


def cli_reference() -> str:
    """Return every subcommand with its own arguments, as MyST Markdown, from the parser.

    The output options every listing takes are described once, above the table, rather than
    under each subcommand.
    """
    grammar = parser()
    commands = next(a for a in grammar._actions if isinstance(a, argparse._SubParsersAction))
    lines = [
        "Every listing (the commands marked *listing*) also takes "
        + ", ".join(f"`{name}`" for name in _OUTPUT_OPTIONS)
        + "; `--data DIR` before any command queries the edition in DIR.",
        "",
        "| command | what it does | its own arguments |",
        "|---|---|---|",
    ]
    for name, sub in commands.choices.items():
        listing = any("--columns" in action.option_strings for action in sub._actions)
        shared = set(_OUTPUT_OPTIONS) if listing else set()
        own = [
            _option_text(action)
            for action in sub._actions
            if action.help != argparse.SUPPRESS
            and not isinstance(action, argparse._HelpAction)
            and not set(action.option_strings) & shared
        ]
        what = (sub.description or "") + (" (*listing*)" if listing else "")
        lines.append(f"| `{name}` | {_cell(what)} | {'<br>'.join(map(_cell, own)) or '-'} |")
    return "\n".join(lines) + "\n"


def _write(app: Any) -> None:
    folder = Path(app.srcdir) / "generated"
    folder.mkdir(exist_ok=True)
    pages = (
        ("data-dictionary.md", data_dictionary()),
        ("citation.md", citation_page()),
        ("cli-reference.md", cli_reference()),
    )
    for name, text in pages:
        path = folder / name
        # Written only when changed, so that Sphinx does not rebuild what has not changed.
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _copy_notebook(app: Any, exception: Exception | None) -> None:
    # The notebook is a source page, so Sphinx itself only renders it; a reader downloads the
    # file as shipped, without outputs.
    if exception is None and app.builder.format == "html":
        shutil.copy2(Path(app.srcdir) / "tutorial.ipynb", Path(app.outdir) / "tutorial.ipynb")


def setup(app: Any) -> dict[str, Any]:
    """Register the page writer and the notebook's copy with Sphinx."""
    app.connect("builder-inited", _write)
    app.connect("build-finished", _copy_notebook)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
