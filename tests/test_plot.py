"""The timeline: one labelled mark per engagement, drawn by precision, nothing dropped."""

from __future__ import annotations

import builtins
import io
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._display.plot import draw_timeline

pyplot = pytest.importorskip("matplotlib.pyplot")


@pytest.fixture
def ax() -> Iterator[Any]:
    figure, axes = pyplot.subplots()
    yield axes
    pyplot.close(figure)


def _marks(ax: Any) -> list[Any]:
    return [line for line in ax.get_lines() if line.get_gid()]


_SUMMIT = bb.engagement("2015-09-28-summit-new-york")
_BY_PRECISION = {
    "day": [_SUMMIT, bb.engagement("2015-10-23-summit-ashgabat")],
    "month": [attrs.evolve(_SUMMIT, id="a-month", date=bb.PartialDate(2015, 10))],
    "year": [e for e in bb.engagements() if e.date is not None and e.date.precision == "year"],
}


@pytest.mark.parametrize("precision", sorted(_BY_PRECISION))
def test_one_mark_per_engagement_for_each_precision(ax: Any, precision: str) -> None:
    """Day, month and year dates each give one mark per engagement, styled by precision."""
    engagements = _BY_PRECISION[precision]
    draw_timeline(ax, engagements)
    marks = _marks(ax)
    assert [m.get_gid() for m in marks] == [e.id for e in engagements]
    assert {m.get_label() for m in marks} == {precision}
    points = {len(m.get_xdata()) for m in marks}
    assert points == ({1} if precision == "day" else {2})  # a dot, or a bar across the period


def test_every_engagement_is_drawn_and_labelled() -> None:
    """The whole timeline has a mark and a row label for every engagement, planned ones too."""
    ax = bb.plot_timeline()
    try:
        engagements = bb.engagements()
        assert [m.get_gid() for m in _marks(ax)] == [e.id for e in engagements]
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert [label.replace("\n", " ") for label in labels] == [e.title for e in engagements]
        styles = {m.get_gid(): m.get_label() for m in _marks(ax)}
        assert styles["putin-visit-to-japan"] == "planned"
        assert styles["2015-10-22-abe-central-asia-tour"] == "span"
    finally:
        pyplot.close(ax.figure)


def test_a_visit_spans_its_meetings_and_planned_ones_stand_apart() -> None:
    """A visit's bar covers the summits held during it; planned ones lie right of every date."""
    ax = bb.plot_timeline(country="KZ", kind=None)
    try:
        marks = {m.get_gid(): m for m in _marks(ax)}
        tour = marks["2015-10-22-abe-central-asia-tour"].get_xdata()
        summit = marks["2015-10-27-summit-astana"].get_xdata()
        assert tour[0] <= summit[0] <= tour[-1]
    finally:
        pyplot.close(ax.figure)
    ax = bb.plot_timeline(country="Russia")
    try:
        xs = {m.get_gid(): max(m.get_xdata()) for m in _marks(ax)}
        planned = xs.pop("putin-visit-to-japan")
        assert planned > max(xs.values())
    finally:
        pyplot.close(ax.figure)


def test_filters_work_as_for_engagements() -> None:
    """The filters select the same engagements as ``engagements()``, and check the same way."""
    ax = bb.plot_timeline(kind="summit_meeting")
    try:
        assert [m.get_gid() for m in _marks(ax)] == [
            e.id for e in bb.engagements(kind="summit_meeting")
        ]
    finally:
        pyplot.close(ax.figure)
    with pytest.raises(bb.InvalidFilterError):
        bb.plot_timeline(kind="summit")


def test_without_matplotlib_it_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, a MissingExtraError names the ``plot`` extra."""
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    monkeypatch.delitem(__import__("sys").modules, "matplotlib.pyplot")
    with pytest.raises(bb.MissingExtraError) as raised:
        bb.plot_timeline()
    assert raised.value.extra == "plot"


def _xs(ax: Any) -> dict[str, list[float]]:
    return {m.get_gid(): list(m.get_xdata()) for m in _marks(ax)}


def test_the_axis_fits_the_dates_given() -> None:
    """Six days of data fill the dated axis: the marks reach from near one end to the other."""
    ax = bb.plot_timeline(country="KZ")
    try:
        xs = [x for marks in _xs(ax).values() for x in marks]
        assert min(xs) < 0.15
        assert max(xs) > 0.85
        assert ax.get_xlim() == (0, 1)  # nothing planned: no column apart
        days = [label.get_text() for label in ax.get_xticklabels()]
        assert all("Oct" in day for day in days)
        assert len(days) >= 3
    finally:
        pyplot.close(ax.figure)


def test_an_outlier_year_is_cut_out_and_named() -> None:
    """One record of 2014 does not squeeze the rest: the gap is cut and the axis label says so."""
    ax = bb.plot_timeline()
    try:
        xs = _xs(ax)
        outlier = xs.pop("2014-01-31-vice-ministerial-negotiation-tokyo")
        autumn = [
            x
            for e in bb.engagements(year=2015)
            if e.date is not None and e.date.precision == "day"
            for x in xs[e.id]
        ]
        assert max(autumn) - min(autumn) > 0.5  # the autumn of 2015 gets most of the width
        assert outlier[0] < min(autumn)
        label = ax.get_xaxis().get_label().get_text()
        assert label.startswith("axis cut from 2014-02-01 to 2015-09-1")
        assert "no engagement" in label
    finally:
        pyplot.close(ax.figure)


def _extents(figure: Any) -> tuple[Any, Any, list[Any], list[Any]]:
    """Draw the figure; return its box, its legend's, every label's and every mark's."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    (ax,) = figure.axes
    texts = [*ax.get_yticklabels(), *ax.get_xticklabels(), ax.xaxis.label, *ax.texts]
    labels = [text.get_window_extent(renderer) for text in texts if text.get_text()]
    marks = [mark.get_window_extent(renderer) for mark in _marks(ax)]
    legend = ax.get_legend().get_window_extent(renderer)
    return figure.bbox, legend, labels, marks


@pytest.mark.parametrize("filters", [{}, {"country": "KZ"}, {"country": "Russia"}, {"year": 2014}])
def test_saved_with_defaults_every_label_is_kept_and_the_legend_covers_no_mark(
    filters: dict[str, Any],
) -> None:
    """``savefig`` with its defaults keeps every label whole; the legend overlaps no mark."""
    ax: Any = bb.plot_timeline(**filters)
    try:
        ax.figure.savefig(io.BytesIO())  # as a plain script saves it: no bbox_inches="tight"
        box, legend, labels, marks = _extents(ax.figure)
        for extent in [legend, *labels]:
            assert box.x0 <= extent.x0, extent
            assert extent.x1 <= box.x1, extent
            assert box.y0 <= extent.y0, extent
            assert extent.y1 <= box.y1, extent
        assert not any(legend.overlaps(mark) for mark in marks)
        ylabels = sorted((e for e in labels[: len(ax.get_yticklabels())]), key=lambda e: e.y0)
        assert all(a.y1 <= b.y0 for a, b in itertools.pairwise(ylabels))
    finally:
        pyplot.close(ax.figure)


def test_labels_are_at_least_nine_points() -> None:
    """Every label is drawn at 9 points or more: 12.5 px at the 100 dpi a notebook shows."""
    ax: Any = bb.plot_timeline()
    try:
        texts = [*ax.get_yticklabels(), *ax.get_xticklabels(), *ax.get_legend().get_texts()]
        assert min(text.get_fontsize() for text in texts) >= 9
    finally:
        pyplot.close(ax.figure)


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_the_legend_covers_no_mark_wherever_the_marks_lie(order: str) -> None:
    """Early marks in the top or the bottom rows, the legend lies clear of every one."""
    engagements = bb.engagements(country="Russia")
    if order == "reversed":
        engagements = engagements[::-1]
    figure, ax = pyplot.subplots(figsize=(8, 8), layout="constrained")
    try:
        draw_timeline(ax, engagements)
        _, legend, _, marks = _extents(figure)
        assert not any(legend.overlaps(mark) for mark in marks)
    finally:
        pyplot.close(figure)


def test_without_dates_only_the_column_apart_is_shown_and_nothing_found_says_so() -> None:
    """Planned engagements alone fill the axis; a filter matching nothing writes so on it."""
    ax = bb.plot_timeline(status="planned")
    try:
        left, right = ax.get_xlim()
        (x,) = _marks(ax)[0].get_xdata()
        assert left < x < right
        assert right - left < 0.3  # the empty dated part is not drawn
    finally:
        pyplot.close(ax.figure)
    ax = bb.plot_timeline(year=2013)
    try:
        assert _marks(ax) == []
        assert [text.get_text() for text in ax.texts] == ["no engagement matches"]
    finally:
        pyplot.close(ax.figure)
