"""A timeline of the engagements, drawn with matplotlib (the ``plot`` extra).

Each engagement gets a row of its own, labelled with its title, so that meetings on neighbouring
days never merge. How precisely the text dates an engagement decides how it is drawn: a day is a
dot, a month a bar across the month, a year a faint bar across what the axis shows of the year,
and a visit a thick bar from its first day to its last, spanning the meetings held during it.
Engagements that are planned or undated are drawn apart, in a column to the right of the dated
ones. Nothing is left out.

The axis fits the dates given: a long empty gap (one engagement years before the rest) is cut out,
shaded and named under the axis (see :mod:`bluebook_data._display.timeline_axis`). The legend sits
above the plot, never on a mark, and the figure :func:`plot_timeline` makes uses matplotlib's
constrained layout, so that ``savefig`` with its defaults keeps every label.
"""

from __future__ import annotations

import datetime
import itertools
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, Unpack

from bluebook_data._display.timeline_axis import Stretch, cut_gaps, position
from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._edition.filters import EngagementFilters
from bluebook_data._exports.frames import require
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data.model import Engagement, Status

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
#: What the legend calls each kind of mark.
_LEGEND: Final = {
    "day": "day", "month": "month", "year": "year (any time in it)",
    "span": "visit (first to last day)", "planned": "planned", "undated": "undated",
}  # fmt: skip
_DATED: Final = ("day", "month", "year", "span")
#: Where the column of planned and undated engagements sits, right of the dated part (0 to 1).
_APART: Final = 1.14
_RIGHT_EDGE: Final = 1.28
#: The labels' size in points, and how many characters of a title a label line holds.
_FONT_SIZE: Final = 9
_LABEL_WIDTH: Final = 46
#: The figure's width, and the height of a label line and of the room around the plot, in inches.
_FIGURE_WIDTH: Final = 8.0
_LINE_HEIGHT: Final = 0.16
_FRAME_HEIGHT: Final = 1.4
#: A stretch of the axis narrower than this share gets a single tick.
_NARROW: Final = 0.25


def _extent(engagement: Engagement) -> tuple[datetime.date, datetime.date] | None:
    """Return the first and last day an engagement's date could cover, if it has a date."""
    if engagement.date is None:
        return None
    return engagement.date.first_day(), (engagement.end_date or engagement.date).last_day()


def _style(engagement: Engagement) -> str:
    if engagement.status is Status.PLANNED:
        return "planned"
    if engagement.date is None:
        return "undated"
    if engagement.end_date is not None:
        return "span"
    return engagement.date.precision


def _stretches(engagements: Sequence[Engagement]) -> tuple[Stretch, ...] | None:
    """Lay out the dated part of the axis; a year alone does not widen it if anything is finer."""
    dated = [e for e in engagements if _style(e) in _DATED]
    finer = [e for e in dated if _style(e) != "year"]
    extents = [extent for e in finer or dated if (extent := _extent(e)) is not None]
    return cut_gaps(extents) if extents else None


def _tick_label(day: datetime.date, previous: datetime.date | None, long: bool) -> str:
    """Name a tick's day (or month on a long stretch), with the year where it changes."""
    label = f"{day:%b}" if long else f"{day.day} {day:%b}"
    return label if previous is not None and previous.year == day.year else f"{label}\n{day.year}"


def _ticks(stretches: Sequence[Stretch]) -> tuple[list[float], list[str]]:
    """Return where each stretch's ticks go and their labels: a few dates each, by its width."""
    from matplotlib import dates as date_helpers  # the optional extra, as in draw_timeline

    dates: Any = date_helpers
    places: list[float] = []
    labels: list[str] = []
    for stretch in stretches:
        width = stretch.right - stretch.left
        middle = stretch.first + (stretch.last - stretch.first) / 2
        days = [middle]  # a narrow stretch has room for one label
        if width >= _NARROW:
            locator = dates.AutoDateLocator(minticks=2, maxticks=max(3, round(9 * width)))
            low = datetime.datetime.combine(stretch.first, datetime.time())
            high = datetime.datetime.combine(stretch.last, datetime.time())
            days = [
                value.date()
                for value in map(dates.num2date, locator.tick_values(low, high))
                if value.time() == datetime.time() and stretch.first <= value.date() <= stretch.last
            ] or days
        long = (stretch.last - stretch.first).days > 75
        previous = None
        for day in days:
            places.append(position(stretches, day))
            labels.append(_tick_label(day, previous, long))
            previous = day
    return places, labels


def _shade_cuts(ax: Axes, stretches: Sequence[Stretch]) -> str:
    """Shade each cut gap and return the axis label that names what was cut."""
    cuts = []
    for before, after in itertools.pairwise(stretches):
        ax.axvspan(
            before.right, after.left, facecolor="0.92", hatch="//", edgecolor="0.7", linewidth=0
        )
        cuts.append(f"{before.last.isoformat()} to {after.first.isoformat()}")
    if not cuts:
        return ""
    return f"axis cut from {' and from '.join(cuts)}: no engagement then"


def draw_timeline(ax: Axes, engagements: Sequence[Engagement]) -> Axes:
    """Draw ``engagements`` on ``ax``: one mark a row, each mark's ``gid`` the engagement's id.

    The x axis runs from 0 to 1 across the dates (long empty gaps cut out), with the planned and
    undated engagements in a column beyond it.
    """
    stretches = _stretches(engagements)
    for row, engagement in enumerate(engagements):
        style = _style(engagement)
        extent = _extent(engagement)
        if style not in _DATED or extent is None or stretches is None:
            xs = [_APART]
        elif style == "day":
            xs = [position(stretches, extent[0])]
        else:
            xs = [position(stretches, extent[0]), position(stretches, extent[1], "end")]
        (mark,) = ax.plot(xs, [row] * len(xs), label=style, **_STYLE[style])
        mark.set_gid(engagement.id)
    apart = any(_style(e) in ("planned", "undated") for e in engagements)
    if apart and stretches is not None:
        ax.axvline((1 + _APART) / 2, color="0.7", linestyle="--", linewidth=1)
    if apart:
        ax.annotate(
            "planned or\nundated", (_APART, -0.6), ha="center", va="bottom", fontsize=_FONT_SIZE
        )
    titles = [textwrap.fill(e.title, _LABEL_WIDTH) for e in engagements]
    ax.set_yticks(range(len(engagements)), titles, fontsize=_FONT_SIZE)
    ax.set_ylim(len(engagements) - 0.5, -1.4 if apart else -0.6)
    places, labels = _ticks(stretches) if stretches is not None else ([], [])
    ax.set_xticks(places, labels, fontsize=_FONT_SIZE)
    # Without a date, only the column apart is shown; without an engagement, a word says so.
    ax.set_xlim(0 if stretches is not None else (1 + _APART) / 2, _RIGHT_EDGE if apart else 1)
    if not engagements:
        ax.text(0.5, 0.5, "no engagement matches", ha="center", transform=ax.transAxes)
    if stretches is not None:
        ax.set_xlabel(_shade_cuts(ax, stretches), fontsize=_FONT_SIZE)
    handles: dict[str, Any] = {}
    for line in ax.get_lines():
        if line.get_gid():  # the engagements' marks, not the boundary line
            handles.setdefault(str(line.get_label()), line)
    # Above the plot, outside it: a legend inside would sit on some engagement's mark.
    ax.legend(
        handles.values(), [_LEGEND[name] for name in handles], fontsize=_FONT_SIZE,
        loc="lower left", bbox_to_anchor=(0, 1.01), ncols=2, frameon=False, borderaxespad=0,
    )  # fmt: skip
    ax.grid(axis="x", alpha=0.3)
    return ax


def plot_timeline(
    ax: Axes | None = None, *, book: Bluebook | None = None, **filters: Unpack[EngagementFilters]
) -> Axes:
    """Draw the engagements matching the filters as a timeline; return the matplotlib Axes.

    The filters are those of :func:`bluebook_data.engagements`. Every engagement found is drawn
    and labelled: a day as a dot, a month or a year as a bar across it, a visit from its first day
    to its last, planned and undated ones apart on the right. The axis spans the dates found, a
    long empty gap cut out and named under it. Without ``ax``, the figure is made with
    constrained layout, so that ``ax.figure.savefig(path)`` keeps every label.

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
        lines = max((len(textwrap.wrap(e.title, _LABEL_WIDTH)) for e in engagements), default=1)
        height = _FRAME_HEIGHT + len(engagements) * (0.12 + _LINE_HEIGHT * lines)
        # Constrained layout makes room for the labels and the legend, in Jupyter and in savefig.
        _, ax = pyplot.subplots(figsize=(_FIGURE_WIDTH, height), layout="constrained")
    return draw_timeline(ax, engagements)
