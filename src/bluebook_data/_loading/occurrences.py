"""Find where each of many strings stands in a text, in time proportional to the text.

Searching the text once per string costs the text's length for every string: sixty thousand
quotes over a long text would read it sixty thousand times. Here the text is read once for every
length of anchor: each string is known by short pieces of it (the whole of a short string), one
pass over the text notes where those pieces stand, and each string is then checked only where
its rarest piece stands. A few strings are searched for directly, which is quicker for them.
"""

from __future__ import annotations

import array
import collections
import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

__all__ = ["occurrences"]

#: How long the pieces of a long string are; a string shorter than this is its own piece.
ANCHOR: Final = 8
#: How many anchors a long string is known by: enough that one is likely rare in the text, few
#: enough that they take less memory than the string.
_PIECES: Final = 4
#: Up to this many strings, each is searched for directly.
_FEW: Final = 32
if TYPE_CHECKING:
    _Offsets = array.array[int]  # of "q": 64-bit offsets
_NONE: Final[_Offsets] = array.array("q")


def _find_all(text: str, pattern: str, limit: int) -> list[int]:
    places: list[int] = []
    found = text.find(pattern)
    while found != -1 and len(places) < limit:
        places.append(found)
        found = text.find(pattern, found + 1)
    return places


def _pieces(pattern: str) -> list[tuple[int, str]]:
    """Return the anchors of ``pattern`` with their offsets: its first, its last, two between."""
    if len(pattern) <= ANCHOR:
        return [(0, pattern)]
    last = len(pattern) - ANCHOR
    offsets = dict.fromkeys(last * step // (_PIECES - 1) for step in range(_PIECES))
    return [(offset, pattern[offset : offset + ANCHOR]) for offset in offsets]


def _where_pieces_stand(text: str, pieces: set[str], length: int) -> dict[str, _Offsets]:
    """Return, for each of ``pieces`` (all ``length`` long), every offset where it stands."""
    # Every window of the text sliced, looked up and filed in C iterators: a loop in Python
    # would cost several times as much for each character of a long text. Offsets are kept in
    # arrays, a fifth of the memory of lists of ints, since a text may hold one at every place.
    windows = _windows(text, length, range(len(text) - length + 1))
    is_piece = map(pieces.__contains__, windows)
    hits = array.array("q", itertools.compress(itertools.count(), is_piece))
    found: defaultdict[str, _Offsets] = defaultdict(functools.partial(array.array, "q"))
    filed = map(array.array.append, map(found.__getitem__, _windows(text, length, hits)), hits)
    collections.deque(filed, maxlen=0)
    return found


def _windows(text: str, length: int, starts: Iterable[int]) -> Iterator[str]:
    """Yield the ``length`` characters of ``text`` from each start."""
    ends = map(operator.add, starts, itertools.repeat(length))
    return map(operator.getitem, itertools.repeat(text), map(slice, starts, ends))


def occurrences(text: str, patterns: Iterable[str], limit: int) -> dict[str, list[int]]:
    """Return the first ``limit`` offsets where each non-empty pattern stands in ``text``.

    Overlapping places count; every pattern given is a key of the result, its offsets in
    ascending order. The limit bounds the work a string standing everywhere can cause.

    >>> occurrences("abcabc", ["bc", "ca", "x"], limit=5)
    {'bc': [1, 4], 'ca': [2], 'x': []}
    """
    distinct = dict.fromkeys(pattern for pattern in patterns if pattern)
    if len(distinct) <= _FEW:
        return {pattern: _find_all(text, pattern, limit) for pattern in distinct}
    pieces_of = {pattern: _pieces(pattern) for pattern in distinct}
    by_length: defaultdict[int, set[str]] = defaultdict(set)
    for pieces in pieces_of.values():
        for _, piece in pieces:
            by_length[len(piece)].add(piece)
    standing: dict[str, _Offsets] = {}
    for length, same_length in by_length.items():
        standing.update(_where_pieces_stand(text, same_length, length))
    return {
        pattern: _checked(text, pattern, pieces, standing, limit)
        for pattern, pieces in pieces_of.items()
    }


def _checked(
    text: str,
    pattern: str,
    pieces: list[tuple[int, str]],
    standing: dict[str, _Offsets],
    limit: int,
) -> list[int]:
    """Return where ``pattern`` stands, trying only where its rarest piece does."""
    offset, rarest = min(pieces, key=lambda piece: len(standing.get(piece[1], _NONE)))
    candidates = standing.get(rarest, _NONE)
    if len(pattern) == len(rarest):
        return list(candidates[:limit])
    starts = (place - offset for place in candidates)
    found = (start for start in starts if start >= 0 and text.startswith(pattern, start))
    return list(itertools.islice(found, limit))
