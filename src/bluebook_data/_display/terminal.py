"""Plain-text tables for a terminal: columns that fit its width, rows that never wrap.

A table is laid out at its natural width when that fits, or when there is no width to fit (output
to a file or a pipe, which other programs read whole). Otherwise the text column (a title, a
sentence) is shortened with "…" first, since it reads well cut; then the columns a reader can do
without are hidden, in the order the table gives; then the widest remaining columns are shortened.
A record shown field by field wraps its values instead, since there every word is the point.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["ELLIPSIS", "Finished", "TextTable", "render_table"]

ELLIPSIS = "\u2026"
_GAP = "  "
#: The narrowest a text column is made before other columns are hidden to make room for it.
_TEXT_FLOOR = 20
#: The narrowest any column is made as a last resort, when hiding columns was not enough.
_COLUMN_FLOOR = 4
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rows(rows: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)


def _widths(table: TextTable) -> list[int]:
    return [max(map(len, column)) for column in zip(table.headers, *table.rows, strict=True)]


@attrs.frozen
class Finished:
    """What a command prints as it is, and the status it exits with."""

    text: str
    status: int = 0


@attrs.frozen(kw_only=True)
class TextTable:
    """Rows of cells under headers, with what may give way when the terminal is narrow.

    Attributes:
        headers: The column names.
        rows: The cells, one sequence a row, as many as the headers.
        text_column: The column shortened first (or, with ``wrap``, wrapped); none if ``None``.
        optional: The columns hidden when even a shortened text column leaves no room, first
            hidden first.
        wrap: Wrap the text column onto continuation lines instead of shortening it.
        noun: What a row is, plural, for the message shown when there are none.
    """

    headers: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_rows)
    text_column: str | None = None
    optional: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    wrap: bool = False
    noun: str = "rows"

    def select(self, columns: Sequence[str]) -> TextTable:
        """Return the table with only ``columns``, in that order; each must be one of its headers.

        >>> TextTable(headers=["a", "b"], rows=[["1", "2"]]).select(["b"]).rows
        (('2',),)
        """
        picks = [self.headers.index(name) for name in columns]
        return attrs.evolve(
            self,
            headers=[self.headers[i] for i in picks],
            rows=[[row[i] for i in picks] for row in self.rows],
            text_column=self.text_column if self.text_column in columns else None,
            optional=[name for name in self.optional if name in columns],
        )


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[: max(width - 1, 0)].rstrip() + ELLIPSIS


def _total(widths: Sequence[int]) -> int:
    return sum(widths) + len(_GAP) * (len(widths) - 1)


def _shrink_widest(widths: list[int], floors: Sequence[int], excess: int) -> None:
    # One character at a time from whichever column is widest, so that columns end up even.
    while excess > 0:
        column = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[column] <= floors[column]:
            return
        widths[column] -= 1
        excess -= 1


def _fit(table: TextTable, width: int) -> tuple[list[int], list[int]]:
    """Return the columns kept and their widths, for lines of at most ``width`` characters."""
    keep = list(range(len(table.headers)))
    natural = _widths(table)
    text = table.headers.index(table.text_column) if table.text_column is not None else None
    floor = {i: min(natural[i], _TEXT_FLOOR) if i == text else natural[i] for i in keep}
    hidden = iter(table.headers.index(name) for name in table.optional)
    while sum(floor[i] for i in keep) + len(_GAP) * (len(keep) - 1) > width:
        column = next(hidden, None)
        if column is None:
            break
        keep.remove(column)
    widths = [natural[i] for i in keep]
    floors = [min(natural[i], _COLUMN_FLOOR) for i in keep]
    if text in keep:
        # The text column gives way first, down to its floor; then every column shares the rest.
        at = keep.index(text)
        widths[at] = max(floor[text], widths[at] - max(_total(widths) - width, 0))
    _shrink_widest(widths, floors, _total(widths) - width)
    return keep, widths


def _wrapped(table: TextTable, width: int) -> TextTable:
    # Field-by-field display: the text column's cells become as many lines as they need.
    text = table.headers.index(table.text_column or table.headers[-1])
    others = _total([w for i, w in enumerate(_widths(table)) if i != text])
    room = max(width - others - len(_GAP), _TEXT_FLOOR)
    rows: list[list[str]] = []
    for row in table.rows:
        lines = textwrap.wrap(row[text], room, break_on_hyphens=False) or [""]
        for n, line in enumerate(lines):
            rows.append(
                [line if i == text else cell if n == 0 else "" for i, cell in enumerate(row)]
            )
    return attrs.evolve(table, rows=rows, wrap=False, text_column=None)


def render_table(table: TextTable, width: int | None = None, bold: bool = False) -> str:
    """Lay out a table in left-aligned columns, at most ``width`` characters a line if given.

    The last column is never padded. ``bold`` sets the headers in bold (for a terminal).

    >>> table = TextTable(headers=["code", "name"], rows=[["RU", "Russia"], ["JP", "Japan"]])
    >>> print(render_table(table))
    code  name
    ----  ------
    RU    Russia
    JP    Japan
    >>> wide = TextTable(headers=["id", "title"], rows=[["a", "x" * 40]], text_column="title")
    >>> print(render_table(wide, width=30))
    id  title
    --  --------------------------
    a   xxxxxxxxxxxxxxxxxxxxxxxxx…
    """
    if width is not None and table.wrap:
        table = _wrapped(table, width)
    if width is None:
        keep = list(range(len(table.headers)))
        widths = _widths(table)
    else:
        keep, widths = _fit(table, width)
    lines = []
    for cells in [table.headers, *table.rows]:
        shown = [_cut(cells[i], w) for i, w in zip(keep, widths, strict=True)]
        padded = [cell.ljust(w) for cell, w in zip(shown[:-1], widths, strict=False)]
        lines.append(_GAP.join([*padded, shown[-1]]))
    lines.insert(1, _GAP.join("-" * w for w in widths))
    if width is not None:
        # The last resort, for a terminal narrower than even the narrowest columns.
        lines = [_cut(line, width) for line in lines]
    if bold:
        lines[0] = f"{_BOLD}{lines[0]}{_PLAIN}"
    return "\n".join(lines)
