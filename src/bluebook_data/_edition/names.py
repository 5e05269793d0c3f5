"""Names as people type them: the keys they are looked up by, and did-you-mean suggestions."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, Generic, TypeVar

from bluebook_data.errors import UnknownNameError

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = ["NameTable", "close_matches", "fold_for_search", "normalise_name"]

_Record = TypeVar("_Record")

_ASCII_NOT_ALPHANUMERIC: Final = bytes(code for code in range(128) if not chr(code).isalnum())
_ASCII_LOWER: Final = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_TYPOGRAPHIC: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
#: How many suggestions an error names, and how close a name must be to be suggested at all.
_SUGGESTIONS: Final = 3
_CUTOFF: Final = 0.6
#: Only names about as close as the best one are suggested: "Rusia" means Russia, not Georgia.
_MARGIN: Final = 0.1


def normalise_name(name: str) -> str:
    """Reduce a name to the key it is looked up by: no case, accents, spaces or punctuation.

    >>> normalise_name("  Kyrgyz   Republic ")
    'kyrgyzrepublic'
    >>> normalise_name("Toçikiston")
    'tocikiston'
    >>> normalise_name("RESPUBLIKASI") == normalise_name("Respublikası")
    True
    """
    if name.isascii():
        # Target 4 (a keyed query given a new spelling each call) needs this path: for ASCII,
        # casefold() is lower() and NFKD changes nothing, and one bytes.translate lowers and
        # deletes in a single pass of C.
        return name.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_ALPHANUMERIC).decode("ascii")
    # The dotless ı has no case partner of its own (its capital, I, folds to i) and no accent to
    # strip, so it is made an i by hand: "Azərbaycan Respublikası" in capitals must match. After
    # NFKD the accents are combining marks, which are not alphanumeric, so the filter drops them
    # with the spaces and punctuation.
    folded = name.casefold().replace("\u0131", "i")
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKD", folded)))


def fold_for_search(text: str) -> str:
    """Fold case, typographic quotes and runs of white space, so ``Japan's`` finds ``Japan’s``.

    >>> fold_for_search("Japan’s  Peace  Treaty")
    "japan's peace treaty"
    """
    return " ".join(text.translate(_TYPOGRAPHIC).casefold().split())


def close_matches(word: str, candidates: Iterable[str], n: int = _SUGGESTIONS) -> tuple[str, ...]:
    """Return up to ``n`` of ``candidates`` closest to ``word``, closest first.

    >>> close_matches("contry", ["country", "kind", "year"])
    ('country',)
    """
    # Only a failed look-up needs difflib; a successful one should not pay for its import.
    import difflib

    return tuple(difflib.get_close_matches(word, candidates, n=n))


class NameTable(Generic[_Record]):
    """Records by every normalised name they answer to, with did-you-mean suggestions.

    Args:
        entries: ``(name, record)`` pairs; the first record given a name keeps it.
        display: How a suggestion shows a record (its name or id).
        error: What :meth:`lookup` raises for a name no record answers to.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, _Record]],
        display: Callable[[_Record], str],
        error: type[UnknownNameError],
    ) -> None:
        by_key: dict[str, _Record] = {}
        for name, record in entries:
            by_key.setdefault(normalise_name(name), record)
        self._by_key: Mapping[str, _Record] = MappingProxyType(by_key)
        self._display = display
        self._error = error

    def lookup(self, name: str) -> _Record:
        """Return the record answering to ``name``, or raise the table's error with suggestions."""
        __tracebackhide__ = True
        found = self._by_key.get(normalise_name(name))
        if found is None:
            raise self._error(name, self.suggest(name))
        return found

    def suggest(self, name: str) -> tuple[str, ...]:
        """Return the display names of the records whose names are closest to ``name``."""
        import difflib  # as in close_matches, only a failed look-up needs it

        key = normalise_name(name)
        if not key:
            return ()
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, candidate, key).ratio(), candidate)
                for candidate in self._by_key
            ),
            key=lambda pair: -pair[0],
        )
        if not scored or scored[0][0] < _CUTOFF:
            return ()
        threshold = max(_CUTOFF, scored[0][0] - _MARGIN)
        suggestions: list[str] = []
        for score, candidate in scored:
            shown = self._display(self._by_key[candidate])
            if score >= threshold and shown not in suggestions:
                suggestions.append(shown)
        return tuple(suggestions[:_SUGGESTIONS])
