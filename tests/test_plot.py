"""The timeline: one labelled mark per engagement, drawn by precision, nothing dropped."""

from __future__ import annotations

import builtins
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
        assert [t.get_text() for t in ax.get_yticklabels()] == [e.title for e in engagements]
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
