"""What the query methods return: a tuple of records that notebooks can recognise."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, TypeVar

from bluebook_data._edition.names import locate_phrase
from bluebook_data.model import Span

if TYPE_CHECKING:
    from bluebook_data.model import Sentence

from bluebook_data._renderer import html

__all__ = ["Results", "SearchResults"]

_Record = TypeVar("_Record")

#: How many lines of records the repr of a result spells out: a screenful, the rest as ``...``.
_LINES_IN_REPR: Final = 20


class Results(tuple[_Record, ...]):
    """An immutable, hashable tuple of records: the answer of a query.

    It equals, hashes and slices like the plain tuple of the same records (a slice is a plain
    tuple), so code written for tuples keeps working. Jupyter shows it as a table of its records
    (see :mod:`bluebook_data._display.html`). Its repr spells out a screenful of records, a
    record to a line or a few.

    >>> import bluebook_data as bb
    >>> found = bb.countries(region="caucasus")
    >>> found == tuple(found), isinstance(found, tuple)
    (True, True)
    >>> repr(bb.topics()).splitlines()[-1]
    ' ...)  # 26 records, 18 shown'
    """

    __slots__ = ()

    def __repr__(self) -> str:
        shown: list[str] = []
        lines = 0
        for item in self:
            text = repr(item)
            lines += text.count("\n") + 1
            if shown and lines > _LINES_IN_REPR:
                break
            shown.append(text)
        if len(shown) == len(self):
            return "(" + ",\n ".join(shown) + "," * (len(self) == 1) + ")"
        # A screenful rather than pages; ``...`` marks the records left out.
        body = "".join(f"{text},\n " for text in shown)
        return f"({body}...)  # {len(self)} records, {len(shown)} shown"

    def _repr_html_(self) -> str | None:
        """Return the records as a compact HTML table, a row each, for notebooks."""
        return html(self)


class SearchResults(Results[_Record]):
    """The sentences a search found, with the phrase searched for, so that a display can mark it.

    >>> import bluebook_data as bb
    >>> bb.search("peace treaty").query
    'peace treaty'
    """

    query: str

    def __new__(cls, records: Iterable[_Record], query: str) -> SearchResults[_Record]:
        found = super().__new__(cls, records)
        # A tuple subclass cannot have slots; the phrase lives in the instance dict, set once.
        object.__setattr__(found, "query", query)
        return found

    def matches(self: SearchResults[Sentence]) -> tuple[Span, ...]:
        """Return where the phrase stands in each sentence found, in the same order.

        Each is a :class:`~bluebook_data.Span` of the whole text, like evidence is: its offsets
        count from the start of the text and its ``text`` is the match as written there.

        .. versionadded:: 0.1.0

        >>> import bluebook_data as bb
        >>> found = bb.search("PEACE TREATY")
        >>> [(match.start, match.text) for match in found.matches()]
        [(1271, 'peace treaty'), (1852, 'peace treaty')]
        >>> all(match in sentence.span for sentence, match in zip(found, found.matches()))
        True
        """
        spans = []
        for sentence in self:
            where = locate_phrase(sentence.text, self.query)
            if where is None:  # not reached for a search's own results, which all hold it
                raise ValueError(f"{sentence.id} does not contain {self.query!r}")
            start, end = where
            offset = sentence.span.start
            spans.append(Span(offset + start, offset + end, sentence.text[start:end]))
        return tuple(spans)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (SearchResults, (tuple(self), self.query))
