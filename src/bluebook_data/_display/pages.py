"""A record on a terminal, a page of it: its fields, its evidence in context, its sources.

Values wrap at word boundaries to the terminal's width under their label. Evidence is shown in
the sentence that holds it, the cited words emphasised; each source's URL stands whole on its own
line, never wrapped, so that it can be clicked and copied (an OSC 8 hyperlink on a terminal).
Every string is shown inert, as in tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from bluebook_data._display.terminal import (
    Mark,
    columns_of,
    emphasis,
    fit_columns,
    hyperlink,
    inert,
)

__all__ = ["Page", "Quote", "render_page", "render_prose", "wrap_marked"]

_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"
_WORD: Final = re.compile(r"\S+")
#: The narrowest a wrapped value is made, however narrow the terminal.
_FLOOR: Final = 20
_INDENT: Final = "  "


@attrs.frozen(kw_only=True)
class Quote:
    """Evidence in context: a stretch of the text, the cited words marked in it."""

    label: str
    text: str
    marks: tuple[Mark, ...] = ()


@attrs.frozen(kw_only=True)
class Page:
    """One record as a page: a heading, ``(label, value)`` fields, quotes and references."""

    title: str
    fields: tuple[tuple[str, str], ...]
    quotes: tuple[Quote, ...] = ()
    references: tuple[tuple[str, str], ...] = ()


def _line_ranges(text: str, width: int | None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each line ``text`` wraps into, at word boundaries."""
    words = [(found.start(), found.end()) for found in _WORD.finditer(text)]
    if not words:
        return [(0, 0)]
    if width is None:
        return [(words[0][0], words[-1][1])]
    lines: list[tuple[int, int]] = []
    start, end = words[0]
    for word_start, word_end in words[1:]:
        if columns_of(text[start:word_end]) <= width:
            end = word_end
            continue
        lines.append((start, end))
        start, end = word_start, word_end
    lines.append((start, end))
    # A word longer than the line is split, since a line must never be wider than the terminal.
    split: list[tuple[int, int]] = []
    for start, end in lines:
        while columns_of(text[start:end]) > width:
            piece = max(len(fit_columns(text[start:end], width)), 1)
            split.append((start, start + piece))
            start += piece
        split.append((start, end))
    return split


def wrap_marked(
    text: str,
    width: int | None,
    indent: str = "",
    marks: Sequence[Mark] = (),
    styled: bool = False,
    first: str | None = None,
) -> list[str]:
    """Wrap ``text`` (shown inert) at word boundaries, emphasising ``marks`` if ``styled``.

    Lines after the first start with ``indent``; the first starts with ``first`` (by default the
    indent as well).

    >>> wrap_marked("the peace treaty talks went on and on", 24, "  ", [(4, 16)])
    ['  the peace treaty talks', '  went on and on']
    """
    shown = inert(text)
    moved = [(len(inert(text[:start])), len(inert(text[:end]))) for start, end in marks]
    room = None if width is None else max(width - len(indent), _FLOOR)
    lines = []
    for number, (start, end) in enumerate(_line_ranges(shown, room)):
        local = [(a - start, b - start) for a, b in moved if a < end and b > start]
        lead = first if number == 0 and first is not None else indent
        lines.append(lead + emphasis(shown[start:end], local, styled))
    return lines


def render_page(page: Page, width: int | None = None, styled: bool = False) -> str:
    """Lay a record's page out, wrapped to ``width`` if given, styled for a terminal if asked.

    >>> page = Page(title="A visit", fields=(("id", "a-visit"), ("kind", "visit")),
    ...             references=(("A report", "https://example.org/report"),))
    >>> print(render_page(page))
    A visit
    <BLANKLINE>
    id    a-visit
    kind  visit
    <BLANKLINE>
    references
      A report
        https://example.org/report
    """
    bold = (lambda text: f"{_BOLD}{text}{_PLAIN}") if styled else (lambda text: text)
    lines = [bold(line) for line in wrap_marked(page.title, width)] + [""]
    label_width = max((columns_of(label) for label, _ in page.fields), default=0)
    hang = " " * (label_width + 2)
    for label, value in page.fields:
        lead = label + " " * (label_width + 2 - columns_of(label))
        lines += wrap_marked(value or "-", width, hang, first=lead)
    if page.quotes:
        lines += ["", bold("evidence")]
        for quote in page.quotes:
            lines.append(_INDENT + inert(quote.label))
            lines += wrap_marked(quote.text, width, _INDENT * 2, quote.marks, styled)
    if page.references:
        lines += ["", bold("references")]
        for title, url in page.references:
            lines += wrap_marked(title, width, _INDENT)
            lines.append(_INDENT * 2 + hyperlink(url, styled))
    return "\n".join(lines)


def render_prose(
    paragraphs: Iterable[Sequence[tuple[str | None, str]]], width: int | None, ids: bool
) -> str:
    """Lay paragraphs out wrapped to ``width``, a blank line between them.

    Each paragraph is given as ``(id, sentence)`` pairs; the headings as pairs whose id is
    ``None``, a line each. With ``ids`` each sentence starts its own line after its id, which
    ``search`` and evidence name.

    >>> one = [("p1-s1", "The first sentence is long."), ("p1-s2", "A second.")]
    >>> print(render_prose([[(None, "Title"), (None, "Overview")], one], 30, ids=False))
    Title
    Overview
    <BLANKLINE>
    The first sentence is long. A
    second.
    >>> print(render_prose([[("p1-s1", "One two."), ("p1-s2", "Four.")]], 40, ids=True))
    p1-s1  One two.
    p1-s2  Four.
    """
    blocks = []
    for sentences in paragraphs:
        if all(sentence_id is None for sentence_id, _ in sentences):
            lines = [line for _, text in sentences for line in wrap_marked(text, width)]
        elif ids:
            pad = max(len(inert(sentence_id or "")) for sentence_id, _ in sentences) + 2
            lines = []
            for sentence_id, text in sentences:
                lead = inert(sentence_id or "").ljust(pad)
                lines += wrap_marked(text, width, " " * pad, first=lead)
        else:
            lines = wrap_marked(" ".join(text for _, text in sentences), width)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
