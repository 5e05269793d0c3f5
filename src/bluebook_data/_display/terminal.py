"""Plain-text tables for a terminal: columns that fit its width, rows that never wrap.

A table is laid out at its natural width when that fits, or when there is no width to fit (output
to a file or a pipe, which other programs read whole). Otherwise columns give way by worth: the
text column (a title, a sentence) is shortened with "…" first, since it reads well cut; then the
columns a reader can do without are hidden, in the order the table gives; then the widest
remaining columns are shortened. A column marked whole (an id, which is typed back in) is hidden
rather than cut. A match marked in the text column stays in view: the cell is cut around it.

Every string is shown inert (:func:`inert`): a folder's text cannot move the cursor, retitle the
terminal or forge a line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

__all__ = [
    "ELLIPSIS",
    "Finished",
    "Mark",
    "TextTable",
    "columns_of",
    "emphasis",
    "fit_columns",
    "hyperlink",
    "inert",
    "render_markdown",
    "render_table",
]

ELLIPSIS = "\u2026"
_GAP = "  "
#: The narrowest a text column is made before other columns are hidden to make room for it.
_TEXT_FLOOR = 30
#: The narrowest any column is made as a last resort, when hiding columns was not enough.
_COLUMN_FLOOR = 4
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"
_REVERSE = "\x1b[7m"
#: What is escaped: controls (C0, C1, DEL), format characters (bidirectional overrides among
#: them), line and paragraph separators and lone surrogates. Each is shown as Python writes it.
_UNSAFE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
                            r"\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                            r"\ud800-\udfff]")  # fmt: skip
#: A URL a terminal may be asked to open: http(s), and nothing but visible ASCII after it.
_LINKABLE: Final = re.compile(r"https?://[!-~]+", re.IGNORECASE)

#: Where a match stands in a cell: ``(start, end)`` offsets of the cell's text.
Mark = tuple[int, int]


def inert(text: str) -> str:
    r"""Return ``text`` with every control or format character written as an escape.

    >>> inert("Title\x1b]0;owned\x07 \u202eevil\nline")
    'Title\\x1b]0;owned\\x07 \\u202eevil\\nline'
    >>> inert("Japan–Russia")
    'Japan–Russia'
    """
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda found: repr(found.group())[1:-1], text)


def _inert_mark(text: str, mark: Mark) -> Mark:
    """Return a mark's offsets in the inert form of ``text``."""
    start, end = mark
    return len(inert(text[:start])), len(inert(text[:end]))


def emphasis(text: str, marks: Iterable[Mark], styled: bool) -> str:
    r"""Return ``text`` (already inert) with the marked stretches in reverse video if ``styled``.

    >>> emphasis("a peace treaty", [(2, 7)], styled=True)
    'a \x1b[7mpeace\x1b[0m treaty'
    >>> emphasis("a peace treaty", [(2, 7)], styled=False)
    'a peace treaty'
    """
    if not styled:
        return text
    shown, at = [], 0
    for start, end in sorted(marks):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        shown += [text[at:start], _REVERSE, text[start:end], _PLAIN]
        at = end
    return "".join([*shown, text[at:]])


def hyperlink(url: str, styled: bool) -> str:
    r"""Return ``url`` inert, as an OSC 8 hyperlink if ``styled`` and it is a plain http(s) URL.

    Anything else (``javascript:``, a URL with spaces or escapes in it) is shown, never linked.

    >>> hyperlink("https://example.org/a", styled=True)
    '\x1b]8;;https://example.org/a\x1b\\https://example.org/a\x1b]8;;\x1b\\'
    >>> hyperlink("javascript:alert(1)", styled=True)
    'javascript:alert(1)'
    """
    shown = inert(url)
    if not styled or not _LINKABLE.fullmatch(url):
        return shown
    return f"\x1b]8;;{url}\x1b\\{shown}\x1b]8;;\x1b\\"


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rows(rows: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)


def _marks(marks: Iterable[Mark | None]) -> tuple[Mark | None, ...]:
    return tuple(marks)


def _widths(table: TextTable) -> list[int]:
    return [max(map(columns_of, column)) for column in zip(table.headers, *table.rows, strict=True)]


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
        text_column: The column shortened first; none if ``None``.
        optional: The columns hidden when even a shortened text column leaves no room, first
            hidden first.
        whole: The columns never cut: hidden (if optional) or left whole instead.
        marks: For each row, the stretch of its text column to keep in view and emphasise.
        noun: What a row is, plural, for the message shown when there are none.
    """

    headers: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_rows)
    text_column: str | None = None
    optional: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    whole: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    marks: tuple[Mark | None, ...] = attrs.field(default=(), converter=_marks)
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
            whole=[name for name in self.whole if name in columns],
            marks=self.marks if self.text_column in columns else (),
        )

    def hidden_at(self, width: int) -> tuple[str, ...]:
        """Return the columns left out at ``width``, in the order the table gives them.

        >>> table = TextTable(headers=["id", "t"], rows=[["a" * 30, "b"]], optional=["id"])
        >>> table.hidden_at(20), table.hidden_at(40)
        (('id',), ())
        """
        keep, _ = _fit(self, width)
        return tuple(name for i, name in enumerate(self.headers) if i not in keep)


def _inert_table(table: TextTable) -> TextTable:
    """Return the table with every cell inert, and the marks moved to match."""
    text = table.headers.index(table.text_column) if table.text_column in table.headers else None
    marks = [
        None if mark is None or text is None else _inert_mark(row[text], mark)
        for row, mark in zip(table.rows, table.marks, strict=False)
    ]
    return attrs.evolve(
        table,
        headers=map(inert, table.headers),
        rows=[map(inert, row) for row in table.rows],
        marks=marks,
    )


def columns_of(text: str) -> int:
    """Return how many terminal columns ``text`` takes: East Asian wide characters take two.

    >>> columns_of("Georgia"), columns_of("グルジア"), columns_of("e\u0301")
    (7, 8, 1)
    """
    if text.isascii():
        return len(text)
    return sum(_columns_of_char(char) for char in text)


def _columns_of_char(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def fit_columns(text: str, width: int) -> str:
    """Return the longest start of ``text`` that takes at most ``width`` terminal columns.

    >>> fit_columns("グルジア", 5), fit_columns("Georgia", 3)
    ('グル', 'Geo')
    """
    if text.isascii():
        return text[: max(width, 0)]
    used = 0
    for position, char in enumerate(text):
        used += _columns_of_char(char)
        if used > width:
            return text[:position]
    return text


def _cut(cell: str, width: int) -> str:
    if columns_of(cell) <= width:
        return cell
    return fit_columns(cell, width - 1).rstrip() + ELLIPSIS


def _pad(cell: str, width: int) -> str:
    return cell + " " * (width - columns_of(cell))


def _window(cell: str, mark: Mark | None, width: int) -> tuple[str, Mark | None]:
    """Cut ``cell`` to ``width`` keeping the mark in view; return it and the mark's new place."""
    if columns_of(cell) <= width:
        return cell, mark
    if mark is None or columns_of(cell[: mark[1]]) <= width - 1:
        return _cut(cell, width), None if mark is None else mark
    start, end = mark
    # A third of the room before the match, for its context; an ellipsis at each cut end.
    room = width - 2
    begin = max(0, min(start - max(room - (end - start), 0) // 3, len(cell) - (width - 1)))
    # The context starts at a word, not inside one, when a word starts before the match.
    space = cell.find(" ", begin, start) if begin and cell[begin - 1] != " " else -1
    if space >= 0:
        begin = space + 1
    # Wide characters take two columns each: what follows the match gives way to fit them.
    shown = fit_columns(cell[begin:], room)
    if len(shown) < end - begin:
        shown = cell[begin:end]
    rest = cell[begin + len(shown) :]
    tail = rest if columns_of(rest) <= 1 else ELLIPSIS
    return ELLIPSIS + shown + tail, (start - begin + 1, min(end, begin + len(shown)) - begin + 1)


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
    text = table.headers.index(table.text_column) if table.text_column in table.headers else None
    floor = {i: min(natural[i], _TEXT_FLOOR) if i == text else natural[i] for i in keep}
    hidden = iter(table.headers.index(name) for name in table.optional if name in table.headers)
    while sum(floor[i] for i in keep) + len(_GAP) * (len(keep) - 1) > width:
        column = next(hidden, None)
        if column is None:
            break
        keep.remove(column)
    whole = {table.headers.index(name) for name in table.whole if name in table.headers}
    widths = [natural[i] for i in keep]
    floors = [natural[i] if i in whole else min(natural[i], _COLUMN_FLOOR) for i in keep]
    if text in keep:
        # The text column gives way first, down to its floor; then every column shares the rest.
        at = keep.index(text)
        widths[at] = max(floor[text], widths[at] - max(_total(widths) - width, 0))
    _shrink_widest(widths, floors, _total(widths) - width)
    return keep, widths


def render_table(table: TextTable, width: int | None = None, bold: bool = False) -> str:
    """Lay out a table in left-aligned columns, at most ``width`` characters a line if given.

    The last column is never padded. ``bold`` sets the headers in bold and the marks in reverse
    video (for a terminal).

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
    table = _inert_table(table)
    if width is None:
        keep = list(range(len(table.headers)))
        widths = _widths(table)
    else:
        keep, widths = _fit(table, width)
    text = table.headers.index(table.text_column) if table.text_column in table.headers else None
    marks = [*table.marks, *[None] * (len(table.rows) - len(table.marks))]
    lines = [_line([_cut(table.headers[i], w) for i, w in zip(keep, widths, strict=True)], widths)]
    lines.append(_GAP.join("-" * w for w in widths))
    for row, mark in zip(table.rows, marks, strict=True):
        cells: list[str] = []
        where: tuple[int, Mark] | None = None
        for i, w in zip(keep, widths, strict=True):
            if i == text:
                cell, placed = _window(row[i], mark, w)
                if placed is not None:
                    # Where the cell starts in the line: after the padded cells and their gaps.
                    before = [_pad(c, w) for c, w in zip(cells, widths, strict=False)]
                    where = (sum(map(len, before)) + len(_GAP) * len(before), placed)
                cells.append(cell)
            else:
                cells.append(_cut(row[i], w))
        line = _line(cells, widths)
        if width is not None and columns_of(line) > width:
            # The last resort, for a terminal narrower than even the narrowest columns.
            lines.append(_cut(line, width))
        elif where is not None:
            offset, (start, end) = where
            lines.append(emphasis(line, [(offset + start, offset + end)], bold))
        else:
            lines.append(line)
    if width is not None:
        lines[:2] = [_cut(line, width) for line in lines[:2]]
    if bold:
        lines[0] = f"{_BOLD}{lines[0]}{_PLAIN}"
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [_pad(cell, w) for cell, w in zip(cells[:-1], widths, strict=False)]
    return _GAP.join([*padded, cells[-1]])


def render_markdown(table: TextTable) -> str:
    r"""Lay a table out as a Markdown (GitHub) table, whole, every cell inert.

    >>> print(render_markdown(TextTable(headers=["code", "name"], rows=[["RU", "A|B"]])))
    | code | name |
    | --- | --- |
    | RU | A\|B |
    """
    table = _inert_table(table)

    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    rules = ["---"] * len(table.headers)
    return "\n".join([line(table.headers), line(rules), *map(line, table.rows)])
