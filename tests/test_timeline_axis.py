"""The timeline's axis: stretches in order across 0 to 1, long gaps cut, every day placed."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from bluebook_data._display.timeline_axis import cut_gaps, position

_DAYS = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
_EXTENTS = st.lists(
    st.tuples(_DAYS, st.integers(0, 400)).map(
        lambda pair: (pair[0], pair[0] + datetime.timedelta(days=pair[1]))
    ),
    min_size=1,
    max_size=30,
)


@given(_EXTENTS)
def test_every_day_is_placed_in_order_within_the_axis(
    extents: list[tuple[datetime.date, datetime.date]],
) -> None:
    """Stretches run left to right from 0 to 1; later days never lie left of earlier ones."""
    stretches = cut_gaps(extents)
    assert stretches[0].left == 0
    assert abs(stretches[-1].right - 1) < 1e-9
    for before, after in itertools.pairwise(stretches):
        assert before.right < after.left
        assert before.last < after.first
    days = sorted({day for extent in extents for day in extent})
    places = [position(stretches, day) for day in days]
    assert places == sorted(places)
    assert all(0 <= place <= 1 for place in places)
    for first, last in extents:  # each extent lies inside one stretch, whole
        assert any(s.first <= first and last <= s.last for s in stretches)


def test_a_gap_longer_than_half_the_range_is_cut() -> None:
    """A year's gap before two months of data is cut; a month's is not, nor three days'."""
    day = datetime.date
    assert len(cut_gaps([(day(2014, 1, 1),) * 2, (day(2015, 9, 1), day(2015, 11, 1))])) == 2
    assert len(cut_gaps([(day(2015, 8, 1),) * 2, (day(2015, 9, 1), day(2015, 11, 1))])) == 1
    assert len(cut_gaps([(day(2015, 8, 1),) * 2, (day(2015, 8, 4),) * 2])) == 1


def test_a_day_in_a_cut_gap_goes_to_the_edge_its_side_names() -> None:
    """A bar starting in a gap starts at the next stretch; one ending there ends at the last."""
    day = datetime.date
    stretches = cut_gaps([(day(2014, 1, 1),) * 2, (day(2015, 9, 1), day(2015, 11, 1))])
    assert position(stretches, day(2015, 1, 1)) == stretches[1].left
    assert position(stretches, day(2015, 1, 1), "end") == stretches[0].right
