"""The date patterns accept exactly the real calendar dates, as Python's calendar counts them."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._tables.patterns import DATE_PATTERN, PARTIAL_DATE_PATTERN

# Leap years and not, centuries that are leap years (1600, 2000, 2400) and that are not.
_YEARS = (1, 4, 100, 400, 1600, 1900, 1999, 2000, 2015, 2016, 2100, 2400, 9996, 9999)


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("year", _YEARS)
def test_date_pattern_matches_exactly_the_days_of_the_calendar(year: int) -> None:
    """Every YYYY-MM-DD with month 00-13 and day 00-32 matches if and only if the day exists."""
    for month in range(14):
        for day in range(33):
            text = f"{year:04d}-{month:02d}-{day:02d}"
            assert bool(re.match(DATE_PATTERN, text)) == _is_date(year, month, day), text
            assert bool(re.match(PARTIAL_DATE_PATTERN, text)) == _is_date(year, month, day), text


@pytest.mark.parametrize("year", _YEARS)
def test_partial_date_pattern_takes_a_year_or_a_real_month(year: int) -> None:
    """``YYYY`` always matches; ``YYYY-MM`` only for months 01-12."""
    assert re.match(PARTIAL_DATE_PATTERN, f"{year:04d}")
    for month in range(14):
        assert bool(re.match(PARTIAL_DATE_PATTERN, f"{year:04d}-{month:02d}")) == (1 <= month <= 12)


@pytest.mark.parametrize(
    "text",
    ["2015-13-45", "15-10-22", "2015-1-2", "2015/10/22", "2015-10-22T00:00", " 2015", "٢٠١٥"],
)
def test_other_forms_do_not_match(text: str) -> None:
    """Other shapes, times, spaces and non-ASCII digits match neither pattern."""
    assert not re.match(PARTIAL_DATE_PATTERN, text)
    assert not re.match(DATE_PATTERN, text)


def test_a_date_known_to_the_year_or_month_is_not_a_full_date() -> None:
    """The full-date pattern needs the day."""
    assert not re.match(DATE_PATTERN, "2015")
    assert not re.match(DATE_PATTERN, "2015-10")


@given(st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True))
def test_partial_date_pattern_agrees_with_partial_date_parse(text: str) -> None:
    """A string of the ISO shape matches the pattern exactly when ``PartialDate.parse`` takes it."""
    try:
        date = bb.PartialDate.parse(text)
    except ValueError:
        assert not re.match(PARTIAL_DATE_PATTERN, text)
    else:
        assert re.match(PARTIAL_DATE_PATTERN, text)
        assert date.isoformat() == text
