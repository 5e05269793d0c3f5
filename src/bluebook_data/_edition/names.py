"""Names as people type them: the keys they are looked up by, and did-you-mean suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, Generic, TypeVar

from bluebook_data.errors import UnknownNameError

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = ["NameTable", "close_matches", "fold_for_search", "locate_phrase", "normalise_name"]

_Record = TypeVar("_Record")

_ASCII_NOT_ALPHANUMERIC: Final = bytes(code for code in range(128) if not chr(code).isalnum())
_ASCII_LOWER: Final = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_TYPOGRAPHIC: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
#: How many suggestions an error names, and how close a name must be to be suggested at all.
_SUGGESTIONS: Final = 3
_CUTOFF: Final = 0.78
#: How many characters typed make a prefix worth completing ("sum" for summit_meeting).
_PREFIX: Final = 3
_WORD_BREAK: Final = re.compile(r"[\s_\-]+")
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


def locate_phrase(text: str, query: str) -> tuple[int, int] | None:
    r"""Return where ``query`` first stands in ``text`` as :func:`fold_for_search` matches it.

    The offsets are ``text``'s own, so ``text[start:end]`` is the match as written there, its
    typographic quotes and runs of white space included; ``None`` if the phrase is not there.

    >>> text = "the  Peace\nTreaty’s terms"
    >>> start, end = locate_phrase(text, "peace treaty's")
    >>> text[start:end]
    'Peace\nTreaty’s'
    """
    phrase = fold_for_search(query)
    if not phrase:
        return None
    # Fold the text a character at a time, keeping where each folded character came from.
    folded: list[str] = []
    origins: list[int] = []
    for position, char in enumerate(text):
        if char.isspace():
            if folded and folded[-1] != " ":
                folded.append(" ")
                origins.append(position)
            continue
        for part in char.translate(_TYPOGRAPHIC).casefold():
            folded.append(part)
            origins.append(position)
    at = "".join(folded).find(phrase)
    if at < 0:
        return None
    return origins[at], origins[at + len(phrase) - 1] + 1


def close_matches(word: str, candidates: Iterable[str], n: int = _SUGGESTIONS) -> tuple[str, ...]:
    """Return up to ``n`` of ``candidates`` closest to ``word``, closest first.

    This is the one rule for every did-you-mean of the package. Names are compared as
    :func:`normalise_name` keys. A candidate that starts with what was typed (three characters or
    more), or one of whose words does, is as close as can be; otherwise closeness is difflib's
    ratio, against the whole candidate or its closest word. Only candidates at least
    ``0.78`` close, and about as close as the best, are named: "Rusia" means Russia, not Georgia.

    >>> close_matches("contry", ["country", "kind", "year"])
    ('country',)
    >>> close_matches("sumit", ["visit", "summit_meeting", "agreement"])
    ('summit_meeting',)
    >>> close_matches("Narnia", ["Armenia", "Russia"])
    ()
    """
    return _nearest(word, ((candidate, candidate) for candidate in candidates), n)


def _closeness(typed: str, candidate: str) -> float:
    """Score how close a candidate name is to a typed key, from 0 to 1."""
    # Only a failed look-up needs difflib; a successful one should not pay for its import.
    import difflib

    words = [normalise_name(word) for word in _WORD_BREAK.split(candidate)]
    best = 0.0
    for key in {normalise_name(candidate), *filter(None, words)}:
        if len(typed) >= _PREFIX and key.startswith(typed):
            return 1.0
        best = max(best, difflib.SequenceMatcher(None, key, typed).ratio())
    return best


def _nearest(word: str, named: Iterable[tuple[str, str]], n: int) -> tuple[str, ...]:
    """Return the shown names of up to ``n`` ``(name, shown)`` pairs nearest ``word``."""
    typed = normalise_name(word)
    if not typed:
        return ()
    scored = sorted(
        (
            (_closeness(typed, name), position, shown)
            for position, (name, shown) in enumerate(named)
        ),
        key=lambda entry: (-entry[0], entry[1]),
    )
    if not scored or scored[0][0] < _CUTOFF:
        return ()
    threshold = max(_CUTOFF, scored[0][0] - _MARGIN)
    suggestions: list[str] = []
    for score, _, shown in scored:
        if score >= threshold and shown not in suggestions:
            suggestions.append(shown)
    return tuple(suggestions[:n])


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
        # The names as given, for suggestions: their words are compared as well as the whole.
        names: list[str] = []
        for name, record in entries:
            key = normalise_name(name)
            if key not in by_key:
                by_key[key] = record
                names.append(name)
        # Read-only: the table is shared by every caller and thread.
        self._by_key: Mapping[str, _Record] = MappingProxyType(by_key)
        self._names: tuple[str, ...] = tuple(names)
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
        by_key = self._by_key
        return _nearest(
            name,
            ((known, self._display(by_key[normalise_name(known)])) for known in self._names),
            _SUGGESTIONS,
        )
