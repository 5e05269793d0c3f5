"""HTML tables of records and query results, for Jupyter; plain markup, no pandas.

A record is a table of all its fields, its evidence shown inside the sentences it comes from. A
query result is a compact table, a row per record and only the columns that identify it (with the
evidence as a short quote), laid out to the width of the page so that nothing scrolls sideways.
References are links. Every value is escaped.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from typing import Any, Final

import attrs

from bluebook_data._display.html_text import (
    UNBROKEN,
    chapter_html,
    edition_html,
    link,
    marked,
    span_in_context,
)
from bluebook_data._edition.bluebook import Bluebook
from bluebook_data.model import Chapter, PartialDate, Reference, Sentence, Span

__all__ = ["html_of", "record_html", "results_html"]

_TABLE_STYLE = "border-collapse: collapse; text-align: left;"
_CELL_STYLE = "text-align: left; vertical-align: top; padding: 0.2em 0.5em;"
# At the page's width, each column near its share: an id or a date is never broken (its column is
# as wide as it needs), and every other text may break anywhere, so that a results table never
# needs a horizontal scroll bar.
# The layout is said outright: JupyterLab's stylesheet fixes it, which would let an unbroken id
# spill over the next column.
_FITTED_STYLE = f"{_TABLE_STYLE} width: 100%; table-layout: auto;"
# A quote may break anywhere, so that a long one never widens the table; any other text keeps its
# words whole, so that a column is never narrower than its longest word.
_FITTED_CELL_STYLE = f"{_CELL_STYLE} overflow-wrap: break-word;"
_QUOTE_CELL_STYLE = f"{_CELL_STYLE} overflow-wrap: anywhere;"
_QUOTE_COLUMNS: Final = frozenset({"evidence", "text"})

#: The fields that hold ids, each shown whole.
_IDENTIFIERS: Final = frozenset(
    {"id", "paragraph_id", "part_of", "parent", "participants", "topics", "engagements"}
)

#: How many characters of a quote a row of a results table shows; the rest is in its tooltip.
_QUOTE_IN_ROW = 120

#: The columns of a compact results table, by record class, with each column's share of the width.
_COMPACT: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "Engagement": (("id", 19), ("date", 8), ("kind", 12), ("title", 26), ("countries", 8),
                   ("evidence", 27)),
    "Statement": (("id", 20), ("kind", 9), ("summary", 30), ("countries", 9), ("evidence", 32)),
    "Country": (("code", 6), ("name", 14), ("official_name", 22), ("region", 10),
                ("evidence", 48)),
    "Person": (("id", 18), ("name", 16), ("office", 26), ("country", 8), ("evidence", 32)),
    "Topic": (("id", 22), ("label", 28), ("parent", 18), ("evidence", 32)),
    "Sentence": (("id", 14), ("text", 86)),
}  # fmt: skip


def _span(span: Span, compact: bool) -> str:
    if not compact:
        return span_in_context(span)
    where = f"[{span.start}:{span.end}] {span.text}"
    shown = span.text
    if len(shown) > _QUOTE_IN_ROW:
        shown = shown[:_QUOTE_IN_ROW].rstrip() + "\u2026"
    return f'<q title="{html.escape(where, quote=True)}">{html.escape(shown)}</q>'


def _compact_cell(record: Any, name: str, query: str | None) -> str:
    """Render one column of a compact results row."""
    if isinstance(record, Sentence) and name == "text":
        return marked(record.span.text, query)
    value = getattr(record, name)
    if name == "evidence" and value:
        more = len(value) - 1
        return _span(value[0], compact=True) + (f" <small>(+{more})</small>" if more else "")
    return _value(value, compact=True, name=name)


def _reference(reference: Reference, label: str | None) -> str:
    # In a results table a reference is a numbered link, its title in the tooltip.
    shown = html.escape(reference.title) if label is None else label
    return link(reference.url, shown, reference.title)


def _identifier(value: str) -> str:
    """Render an id whole: a browser would break it at its hyphens."""
    return f'<code style="{UNBROKEN} font-size: 0.9em;">{html.escape(value)}</code>'


def _enum(value: enum.Enum) -> str:
    """Render a kind, status or region as it is typed (``summit_meeting``), breakable after ``_``.

    >>> from bluebook_data.model import EngagementKind
    >>> _enum(EngagementKind.SUMMIT_MEETING)
    '<span style="overflow-wrap: normal;">summit_<wbr>meeting</span>'
    """
    # Broken only after an underscore, never inside a word, whatever the cell allows.
    words = html.escape(str(value.value)).replace("_", "_<wbr>")
    return f'<span style="overflow-wrap: normal;">{words}</span>'


def _value(value: Any, compact: bool = False, name: str = "") -> str:
    """Render one field's value as a cell's content; ``compact`` for a row of a results table."""
    if value is None:
        return ""
    if name in _IDENTIFIERS and isinstance(value, str):
        return _identifier(value)
    if isinstance(value, enum.Enum):
        return _enum(value)
    if isinstance(value, PartialDate):
        return f'<span style="{UNBROKEN}">{value.isoformat()}</span>'
    if isinstance(value, Span):
        return _span(value, compact)
    if isinstance(value, Reference):
        return _reference(value, None)
    if attrs.has(type(value)):
        # A nested record (a paragraph's sentences, a chapter's sections): name it, no more.
        label = getattr(value, "id", None) or type(value).__name__
        return _identifier(str(label))
    if isinstance(value, tuple):
        if compact and value and all(isinstance(item, Reference) for item in value):
            return " ".join(_reference(item, f"[{n}]") for n, item in enumerate(value, 1))
        separator = "<br>" if any(isinstance(item, Span | Reference) for item in value) else ", "
        return separator.join(_value(item, compact, name) for item in value)
    return html.escape(str(value))


def _shown_fields(cls: type) -> list[str]:
    # Fields left out of the repr (the whole text, the records of an edition) stay out here too.
    return [field.name for field in attrs.fields(cls) if field.repr]


def _cells(tag: str, values: Iterable[str]) -> str:
    return "".join(f'<{tag} style="{_CELL_STYLE}">{value}</{tag}>' for value in values)


def record_html(record: Any) -> str:
    """Render one record as a two-column table of field and value.

    >>> import bluebook_data as bb
    >>> page = record_html(bb.country("Georgia"))
    >>> "<th" in page and "Sakartvelo" in page
    True
    """
    cls = type(record)
    rows = "".join(
        f"<tr>{_cells('th', [name])}{_cells('td', [_value(getattr(record, name), name=name)])}</tr>"
        for name in _shown_fields(cls)
    )
    caption = f"<caption>{html.escape(cls.__name__)}</caption>"
    return f'<table style="{_TABLE_STYLE}">{caption}<tbody>{rows}</tbody></table>'


def results_html(records: tuple[Any, ...]) -> str:
    """Render a query result as a compact table with one row per record, fitted to the page.

    A search result marks the phrase found in each sentence, spelt as the text spells it.

    >>> import bluebook_data as bb
    >>> page = results_html(bb.engagements(country="KZ"))
    >>> page.count("<tr>")  # the header and two engagements
    3
    >>> "<mark>peace treaty</mark>" in results_html(bb.search("Peace Treaty"))
    True
    """
    classes = {type(record) for record in records}
    count = len(records)
    if len(classes) != 1 or not attrs.has(next(iter(classes))):
        caption = f"<caption>{count} item{'s' * (count != 1)}</caption>"
        rows = "".join(f"<tr>{_cells('td', [html.escape(repr(item))])}</tr>" for item in records)
        return f'<table style="{_TABLE_STYLE}">{caption}<tbody>{rows}</tbody></table>'
    cls = classes.pop()
    query = getattr(records, "query", None)
    caption = f"{count} {html.escape(cls.__name__)} record{'s' * (count != 1)}"
    if query is not None:
        caption += f" containing \u201c{html.escape(query)}\u201d"
    columns = _COMPACT.get(cls.__name__) or tuple((name, 0) for name in _shown_fields(cls))
    shares = "".join(
        f'<col style="width: {share}%;">' if share else "<col>" for _, share in columns
    )
    header = f"<thead><tr>{_cells('th', (name for name, _ in columns))}</tr></thead>"
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_QUOTE_CELL_STYLE if name in _QUOTE_COLUMNS else _FITTED_CELL_STYLE}">'
            f"{_compact_cell(record, name, query)}</td>"
            for name, _ in columns
        )
        + "</tr>"
        for record in records
    )
    return (
        f'<table style="{_FITTED_STYLE}"><caption>{caption}</caption>'
        f"<colgroup>{shares}</colgroup>{header}<tbody>{body}</tbody></table>"
    )


def html_of(value: object) -> str:
    """Render a record as a table of its fields, a tuple of records as a table of rows.

    The edition shows its counts and what to try; a chapter, its paragraphs with sentence ids.

    >>> import bluebook_data as bb
    >>> "two Summit Meetings" in html_of(bb.engagement("2015-09-28-summit-new-york"))
    True
    >>> "<table" in html_of(bb.countries(region="caucasus"))
    True
    """
    if isinstance(value, tuple):
        return results_html(value)
    if isinstance(value, Bluebook):
        return edition_html(value)
    if isinstance(value, Chapter):
        return chapter_html(value)
    return record_html(value)
