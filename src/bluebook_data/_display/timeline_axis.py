"""Where a timeline draws each day: the dated stretches side by side, long empty gaps cut out.

One engagement years before the others would squeeze the rest into a sliver of the axis. The
dates are therefore grouped into stretches, each drawn to its own scale (a short one is widened
so that its tick labels fit), and a gap longer than half the whole range (and than a month) is
cut out and said so. Positions run from 0 to 1 across the dated part of the axis.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final, Literal, NamedTuple

__all__ = ["Stretch", "cut_gaps", "position"]

#: A gap is cut when it is longer than this share of the whole range of dates, and than a month.
_CUT_SHARE: Final = 1 / 2
_LEAST_CUT_DAYS: Final = 31
#: The least share of the dated axis a stretch takes, and the share a cut gap takes.
_LEAST_WIDTH: Final = 0.14
_GAP_WIDTH: Final = 0.05
#: The margin around a stretch, in days and as a share of its length.
_MARGIN_DAYS: Final = 1
_MARGIN_SHARE: Final = 0.04

Extent = tuple[datetime.date, datetime.date]


class Stretch(NamedTuple):
    """Days ``first`` to ``last`` (margins included), drawn from ``left`` to ``right``."""

    first: datetime.date
    last: datetime.date
    left: float
    right: float


def _groups(extents: Sequence[Extent]) -> list[Extent]:
    """Merge the extents into stretches, split wherever a gap is long against the whole range."""
    ordered = sorted(extents)
    whole = (max(end for _, end in ordered) - ordered[0][0]).days
    groups = [ordered[0]]
    for start, end in ordered[1:]:
        first, last = groups[-1]
        if (start - last).days > max(_CUT_SHARE * whole, _LEAST_CUT_DAYS):
            groups.append((start, end))
        else:
            groups[-1] = (first, max(last, end))
    return groups


def cut_gaps(extents: Sequence[Extent]) -> tuple[Stretch, ...]:
    """Lay the extents out as stretches across 0 to 1, long empty gaps between them cut out.

    >>> day = datetime.date
    >>> stretches = cut_gaps([(day(2014, 1, 31),) * 2, (day(2015, 9, 20), day(2015, 11, 15))])
    >>> [(s.first.isoformat(), s.last.isoformat()) for s in stretches]
    [('2014-01-30', '2014-02-01'), ('2015-09-18', '2015-11-17')]
    >>> round(stretches[0].right - stretches[0].left, 2), stretches[-1].right
    (0.14, 1.0)
    """
    if not extents:
        raise ValueError("a timeline needs at least one date")
    padded = []
    for first, last in _groups(extents):
        margin = datetime.timedelta(
            days=max(_MARGIN_DAYS, round(_MARGIN_SHARE * (last - first).days))
        )
        padded.append((first - margin, last + margin))
    days = [(last - first).days for first, last in padded]
    room = 1 - _GAP_WIDTH * (len(padded) - 1)
    # A short stretch gets the least width; the others share what is left by their lengths.
    widths = [0.0] * len(padded)
    narrow: set[int] = set()
    while True:
        wide_days = sum(d for i, d in enumerate(days) if i not in narrow)
        left_over = room - _LEAST_WIDTH * len(narrow)
        for i, d in enumerate(days):
            widths[i] = _LEAST_WIDTH if i in narrow else left_over * d / wide_days
        newly = {i for i, width in enumerate(widths) if width < _LEAST_WIDTH} - narrow
        if not newly:
            break
        narrow |= newly
        if len(narrow) == len(days):
            widths = [room / len(days)] * len(days)
            break
    stretches: list[Stretch] = []
    left = 0.0
    for (first, last), width in zip(padded, widths, strict=True):
        stretches.append(Stretch(first, last, left, left + width))
        left += width + _GAP_WIDTH
    return tuple(stretches)


def position(
    stretches: Sequence[Stretch], day: datetime.date, side: Literal["start", "end"] = "start"
) -> float:
    """Return where ``day`` is drawn; a day in a cut gap or off the ends goes to the nearest edge.

    ``side`` says which edge: a bar starting in a gap starts where the next stretch begins, a bar
    ending in one ends where the stretch before it ends.

    >>> day = datetime.date
    >>> stretches = cut_gaps([(day(2015, 1, 1), day(2015, 1, 11))])
    >>> position(stretches, day(2015, 1, 6))
    0.5
    >>> position(stretches, day(2016, 1, 1), "end")
    1.0
    """
    for index, stretch in enumerate(stretches):
        if day < stretch.first:
            if side == "end" and index:
                return stretches[index - 1].right
            return stretch.left
        if day <= stretch.last:
            share = (day - stretch.first).days / max((stretch.last - stretch.first).days, 1)
            return stretch.left + share * (stretch.right - stretch.left)
    return stretches[-1].right
