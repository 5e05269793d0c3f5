"""Find where each of many strings stands in a text, in time proportional to the text.

Searching the text once per string costs the text's length for every string: sixty thousand
quotes over a long text would read it sixty thousand times. Here each string is known by a few
short pieces of it, one pass over the text notes where those pieces stand, and each string is
then checked only where its rarest piece stands. Pieces start just after a space where the string
has one, so that the pass looks only at the places in the text that follow a space; a string
without one, or shorter than a piece, is found by a pass over every place. A few strings are
searched for directly, which is quicker for them.
"""

from __future__ import annotations

import array
import collections
import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final, NamedTuple

__all__ = ["WORK_PER_CHARACTER", "occurrences"]

#: How long the pieces of a long string are; a string shorter than this is its own piece.
ANCHOR: Final = 16
#: How many pieces a long string is known by: enough that one is likely rare in the text, few
#: enough that they take less memory than the string.
_PIECES: Final = 6
#: How many characters, for each character of the text and the strings, trying places may compare.
WORK_PER_CHARACTER: Final = 16
#: Up to this many strings, each is searched for directly.
_FEW: Final = 32
if TYPE_CHECKING:
    _Offsets = array.array[int]  # of "q": 64-bit offsets
_NONE: Final[_Offsets] = array.array("q")


class _Pieces(NamedTuple):
    """A string's pieces, with their offsets in it, and whether each follows a space."""

    after_space: bool
    pieces: list[tuple[int, str]]


def _find_all(text: str, pattern: str, limit: int) -> list[int]:
    places: list[int] = []
    found = text.find(pattern)
    while found != -1 and len(places) < limit:
        places.append(found)
        found = text.find(pattern, found + 1)
    return places


def _pieces(pattern: str) -> _Pieces:
    """Return the pieces ``pattern`` is found by: up to :data:`_PIECES`, spread along it."""
    if len(pattern) <= ANCHOR:
        return _Pieces(False, [(0, pattern)])
    last = len(pattern) - ANCHOR
    targets = [last * step // _PIECES for step in range(_PIECES)]
    # The first space from each target on, if a whole piece fits after it.
    spaces = (pattern.find(" ", target, last) for target in targets)
    spaced = dict.fromkeys(space + 1 for space in spaces if space != -1)
    if spaced:
        return _Pieces(True, [(at, pattern[at : at + ANCHOR]) for at in spaced])
    offsets = dict.fromkeys([*targets, last])
    return _Pieces(False, [(at, pattern[at : at + ANCHOR]) for at in offsets])


def _where_pieces_stand(
    text: str, pieces: set[str], length: int, after_space: bool
) -> dict[str, _Offsets]:
    """Return, for each of ``pieces`` (all ``length`` long), every offset where it stands.

    With ``after_space``, only the offsets that follow a space are looked at.
    """
    # Every window of the text sliced, looked up and filed in C iterators: a loop in Python
    # would cost several times as much for each character of a long text. Offsets are kept in
    # arrays, a fifth of the memory of lists of ints, since a text may hold one at every place.
    last = len(text) - length
    if last < 0:
        return {}
    if after_space:
        follows_space = map(operator.eq, itertools.repeat(" "), itertools.islice(text, last))
        starts: Iterable[int] = array.array(
            "q", itertools.compress(itertools.count(1), follows_space)
        )
    else:
        starts = range(last + 1)
    is_piece = map(pieces.__contains__, _windows(text, length, starts))
    hits = array.array("q", itertools.compress(starts, is_piece))
    found: defaultdict[str, _Offsets] = defaultdict(functools.partial(array.array, "q"))
    filed = map(array.array.append, map(found.__getitem__, _windows(text, length, hits)), hits)
    collections.deque(filed, maxlen=0)
    return found


def _windows(text: str, length: int, starts: Iterable[int]) -> Iterator[str]:
    """Yield the ``length`` characters of ``text`` from each start."""
    ends = map(operator.add, starts, itertools.repeat(length))
    return map(operator.getitem, itertools.repeat(text), map(slice, starts, ends))


def occurrences(
    text: str, patterns: Iterable[str], limit: int, work: int | None = None
) -> dict[str, list[int] | None]:
    """Return the first ``limit`` offsets where each non-empty pattern stands in ``text``.

    Overlapping places count; every pattern given is a key of the result, its offsets in
    ascending order. The limit bounds the work a string standing everywhere can cause. A text
    repeating one short stretch over and over can make every piece of a string stand nearly
    everywhere while the string stands nowhere; ``work`` bounds how many characters trying those
    places may compare in all (by default :data:`WORK_PER_CHARACTER` for each character of the
    text and the patterns), and a pattern that would take more is given None: neither found nor
    known to be absent.

    >>> occurrences("abcabc", ["bc", "ca", "x"], limit=5)
    {'bc': [1, 4], 'ca': [2], 'x': []}
    """
    distinct = dict.fromkeys(pattern for pattern in patterns if pattern)
    if len(distinct) <= _FEW:
        return {pattern: _find_all(text, pattern, limit) for pattern in distinct}
    if work is None:
        work = WORK_PER_CHARACTER * (len(text) + sum(map(len, distinct)))
    pieces_of = {pattern: _pieces(pattern) for pattern in distinct}
    wanted: defaultdict[tuple[bool, int], set[str]] = defaultdict(set)
    for after_space, pieces in pieces_of.values():
        for _, piece in pieces:
            wanted[after_space, len(piece)].add(piece)
    standing: dict[bool, dict[str, _Offsets]] = {True: {}, False: {}}
    for (after_space, length), same_kind in wanted.items():
        found = _where_pieces_stand(text, same_kind, length, after_space)
        standing[after_space].update(found)
    result: dict[str, list[int] | None] = {}
    for pattern, found_by in pieces_of.items():
        by_place = standing[found_by.after_space]
        places, tried = _checked(text, pattern, found_by.pieces, by_place, limit, work)
        result[pattern] = places
        work -= tried
    return result


def _checked(
    text: str,
    pattern: str,
    pieces: list[tuple[int, str]],
    standing: dict[str, _Offsets],
    limit: int,
    work: int,
) -> tuple[list[int] | None, int]:
    """Return where ``pattern`` stands, and how many characters trying places may compare.

    Only the places where its rarest piece stands are tried; the places are None if that could
    compare more than ``work`` characters.
    """
    offset, rarest = min(pieces, key=lambda piece: len(standing.get(piece[1], _NONE)))
    candidates = standing.get(rarest, _NONE)
    if len(pattern) == len(rarest):
        return list(candidates[:limit]), min(limit, len(candidates))
    # A try compares up to the whole pattern, so each is counted as that many characters.
    cost = len(pattern)
    places: list[int] = []
    for tried, place in enumerate(candidates, start=1):
        if tried * cost > work:
            return None, tried * cost
        start = place - offset
        if start >= 0 and text.startswith(pattern, start):
            places.append(start)
            if len(places) == limit:
                return places, tried * cost
    return places, len(candidates) * cost
