"""HTML tables of records and query results, for Jupyter; plain markup, no pandas.

A record is a table of its fields; a query result is a table with a row per record. Quotes from
the text are shown as quotes with their offsets, references as links, so a notebook shows at a
glance what the text says and what the sources add. Every value is escaped.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from typing import Any

import attrs

from bluebook_data.model import PartialDate, Reference, Span

__all__ = ["html_of", "record_html", "results_html"]

_TABLE_STYLE = "border-collapse: collapse; text-align: left;"
_CELL_STYLE = "text-align: left; vertical-align: top;"


#: How many characters of a quote a row of a results table shows; the rest is in its tooltip.
_QUOTE_IN_ROW = 60


def _span(span: Span, compact: bool) -> str:
    where = f"<small>[{span.start}:{span.end}]</small>"
    if compact and len(span.text) > _QUOTE_IN_ROW:
        shown = html.escape(span.text[:_QUOTE_IN_ROW].rstrip() + "\u2026")
        return f'<q title="{html.escape(span.text, quote=True)}">{shown}</q> {where}'
    return f"<q>{html.escape(span.text)}</q> {where}"


def _reference(reference: Reference, label: str | None) -> str:
    # In a results table a reference is a numbered link, its title in the tooltip.
    title = html.escape(reference.title, quote=True)
    shown = title if label is None else label
    if not reference.url.startswith(("https://", "http://")):
        return shown
    return f'<a href="{html.escape(reference.url, quote=True)}" title="{title}">{shown}</a>'


def _value(value: Any, compact: bool = False) -> str:
    """Render one field's value as a cell's content; ``compact`` for a row of a results table."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return html.escape(str(value.value))
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, Span):
        return _span(value, compact)
    if isinstance(value, Reference):
        return _reference(value, None)
    if attrs.has(type(value)):
        # A nested record (a paragraph's sentences, a chapter's sections): name it, no more.
        label = getattr(value, "id", None) or type(value).__name__
        return f"<code>{html.escape(str(label))}</code>"
    if isinstance(value, tuple):
        if compact and value and all(isinstance(item, Reference) for item in value):
            return " ".join(_reference(item, f"[{n}]") for n, item in enumerate(value, 1))
        separator = "<br>" if any(isinstance(item, Span | Reference) for item in value) else ", "
        return separator.join(_value(item, compact) for item in value)
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
        f"<tr>{_cells('th', [name])}{_cells('td', [_value(getattr(record, name))])}</tr>"
        for name in _shown_fields(cls)
    )
    caption = f"<caption>{html.escape(cls.__name__)}</caption>"
    return f'<table style="{_TABLE_STYLE}">{caption}<tbody>{rows}</tbody></table>'


def results_html(records: tuple[Any, ...]) -> str:
    """Render a query result as a table with one row per record and a column per field.

    >>> import bluebook_data as bb
    >>> page = results_html(bb.engagements(country="KZ"))
    >>> page.count("<tr>")  # the header and two engagements
    3
    """
    classes = {type(record) for record in records}
    count = len(records)
    if len(classes) != 1 or not attrs.has(next(iter(classes))):
        caption = f"<caption>{count} item{'s' * (count != 1)}</caption>"
        rows = "".join(f"<tr>{_cells('td', [html.escape(repr(item))])}</tr>" for item in records)
        return f'<table style="{_TABLE_STYLE}">{caption}<tbody>{rows}</tbody></table>'
    cls = classes.pop()
    names = _shown_fields(cls)
    header = f"<thead><tr>{_cells('th', names)}</tr></thead>"
    body = "".join(
        f"<tr>{_cells('td', (_value(getattr(record, name), compact=True) for name in names))}</tr>"
        for record in records
    )
    caption = f"<caption>{count} {html.escape(cls.__name__)} record{'s' * (count != 1)}</caption>"
    return f'<table style="{_TABLE_STYLE}">{caption}{header}<tbody>{body}</tbody></table>'


def html_of(value: object) -> str:
    """Render a record as a table of its fields, a tuple of records as a table of rows.

    >>> import bluebook_data as bb
    >>> "two Summit Meetings" in html_of(bb.engagement("2015-09-28-summit-new-york"))
    True
    >>> "<table" in html_of(bb.countries(region="caucasus"))
    True
    """
    if isinstance(value, tuple):
        return results_html(value)
    return record_html(value)
