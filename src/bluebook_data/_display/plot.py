"""A timeline of the engagements, drawn with matplotlib (the ``plot`` extra).

Each engagement gets a row of its own, labelled with its title, so that meetings on neighbouring
days never merge. How precisely the text dates an engagement decides how it is drawn: a day is a
dot, a month a bar across the month, a year a faint bar across the year, and a visit a thick bar
from its first day to its last, spanning the meetings held during it. Engagements that are planned
or undated are drawn apart, in a column to the right of the dated ones. Nothing is left out.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, Unpack

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._edition.filters import EngagementFilters
from bluebook_data._exports.frames import require
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data.model import Engagement, PartialDate, Status

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_timeline"]

#: How each kind of mark is drawn: by the date's precision, a visit's span, or apart.
_STYLE: Final[dict[str, dict[str, Any]]] = {
    "day": {"marker": "o", "markersize": 7, "linestyle": "none", "color": "tab:blue"},
    "month": {"linewidth": 5, "alpha": 0.6, "color": "tab:green", "solid_capstyle": "butt"},
    "year": {"linewidth": 5, "alpha": 0.25, "color": "tab:gray", "solid_capstyle": "butt"},
    "span": {"linewidth": 7, "alpha": 0.8, "color": "tab:orange", "solid_capstyle": "butt"},
    "planned": {"marker": "o", "markersize": 8, "linestyle": "none", "color": "tab:purple",
                "markerfacecolor": "none"},
    "undated": {"marker": "X", "markersize": 7, "linestyle": "none", "color": "tab:red"},
}  # fmt: skip
_DATED: Final = ("day", "month", "year", "span")


def _first_day(date: PartialDate) -> datetime.date:
    return datetime.date(date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> datetime.date:
    if date.day is not None and date.month is not None:
        return datetime.date(date.year, date.month, date.day)
    month = date.month or 12
    return datetime.date(date.year, month, calendar.monthrange(date.year, month)[1])


def _extent(engagement: Engagement) -> tuple[datetime.date, datetime.date] | None:
    """Return the first and last day an engagement's date could cover, if it has a date."""
    if engagement.date is None:
        return None
    return _first_day(engagement.date), _last_day(engagement.end_date or engagement.date)


def _style(engagement: Engagement) -> str:
    if engagement.status is Status.PLANNED:
        return "planned"
    if engagement.date is None:
        return "undated"
    if engagement.end_date is not None:
        return "span"
    return engagement.date.precision


def draw_timeline(ax: Axes, engagements: Sequence[Engagement]) -> Axes:
    """Draw ``engagements`` on ``ax``: one mark a row, each mark's ``gid`` the engagement's id."""
    # matplotlib is the optional extra, imported only to draw. Its date helpers have no
    # annotations, and mypy may run where it is not installed: they are used as untyped.
    from matplotlib import dates as date_helpers

    dates: Any = date_helpers
    date2num: Callable[[datetime.date], float] = dates.date2num

    days = [day for e in engagements if _style(e) in _DATED for day in _extent(e) or ()]
    apart = (max(days) if days else datetime.date(2016, 1, 1)) + datetime.timedelta(days=30)
    for row, engagement in enumerate(engagements):
        style = _style(engagement)
        extent = _extent(engagement)
        if style not in _DATED or extent is None:
            xs = [apart]
        elif style == "day":
            xs = [extent[0]]
        else:
            xs = list(extent)
        (mark,) = ax.plot([date2num(x) for x in xs], [row] * len(xs), label=style, **_STYLE[style])
        mark.set_gid(engagement.id)
    if any(_style(e) in ("planned", "undated") for e in engagements):
        boundary = date2num(apart - datetime.timedelta(days=15))
        ax.axvline(boundary, color="0.7", linestyle="--", linewidth=1)
        ax.annotate("planned or\nundated", (date2num(apart), -0.9), ha="center", fontsize="small")
    ax.set_yticks(range(len(engagements)), [e.title for e in engagements], fontsize="small")
    ax.set_ylim(len(engagements) - 0.5, -1.2)
    handles: dict[str, Any] = {}
    for line in ax.get_lines():
        if line.get_gid():  # the engagements' marks, not the boundary line
            handles.setdefault(str(line.get_label()), line)
    ax.legend(handles.values(), handles.keys(), fontsize="small", loc="lower left")
    locator = dates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    ax.set_xlim(right=date2num(apart + datetime.timedelta(days=20)))
    ax.grid(axis="x", alpha=0.3)
    return ax


def plot_timeline(
    ax: Axes | None = None, *, book: Bluebook | None = None, **filters: Unpack[EngagementFilters]
) -> Axes:
    """Draw the engagements matching the filters as a timeline; return the matplotlib Axes.

    The filters are those of :func:`bluebook_data.engagements`. Every engagement found is drawn
    and labelled: a day as a dot, a month or a year as a bar across it, a visit from its first day
    to its last, planned and undated ones apart on the right.

    Raises:
        MissingExtraError: without matplotlib (``pip install "bluebook-data[plot]"``).

    >>> import bluebook_data as bb
    >>> ax = bb.plot_timeline(country="KZ")
    >>> [line.get_gid() for line in ax.get_lines() if line.get_gid()]
    ['2015-10-22-abe-central-asia-tour', '2015-10-27-summit-astana']

    .. versionadded:: 0.1.0
    """
    __tracebackhide__ = True
    engagements = edition_or_shipped(book).engagements(**filters)
    pyplot = require("matplotlib.pyplot", "plot_timeline()", "plot")
    if ax is None:
        _, ax = pyplot.subplots(figsize=(10, 1.2 + 0.32 * max(len(engagements), 1)))
    return draw_timeline(ax, engagements)
