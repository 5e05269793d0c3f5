"""The regular expressions the schemas put on dates: real calendar dates, not just their shape.

A pattern is the one date check every consumer of a schema applies: JSON Schema validators treat
``format: date`` as a note unless asked to check formats, and a Frictionless ``pattern`` is the
only date constraint a string field can carry. So the patterns encode the Gregorian calendar
itself: month 01-12, the length of each month, and 29 February only in leap years (every fourth
year, but not centuries unless divisible by 400). Year 0000 is allowed in a calendar date, as
ISO 8601 and RFC 3339 allow it; a partial date, which dates a record, starts at year 0001, the
first that Python's dates hold. The patterns use only the regular-expression subset that JSON
Schema recommends and Python's :mod:`re` shares, so that every validator reads them alike.

>>> import re
>>> [bool(re.match(DATE_PATTERN, text)) for text in ("2016-02-29", "2015-02-29", "2015-13-45")]
[True, False, False]
>>> [bool(re.match(PARTIAL_DATE_PATTERN, text)) for text in ("2015", "2015-10", "2015-10-31")]
[True, True, True]
"""

from __future__ import annotations

from typing import Final

__all__ = ["DATE_PATTERN", "PARTIAL_DATE_PATTERN"]

_YEAR: Final = "[0-9]{4}"
# A year divisible by 4 but not by 100 (the last two digits), or divisible by 400 (the first two).
_LEAP_YEAR: Final = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_MONTH: Final = "(0[1-9]|1[0-2])"
_MONTH_AND_DAY: Final = (
    "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    "|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    "|02-(0[1-9]|1[0-9]|2[0-8]))"
)
_DAY_DATE: Final = f"{_YEAR}-{_MONTH_AND_DAY}|{_LEAP_YEAR}-02-29"
_YEAR_FROM_ONE: Final = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
# As _LEAP_YEAR, without year 0000.
_LEAP_YEAR_FROM_ONE: Final = (
    "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
)
_PARTIAL_DAY_DATE: Final = f"{_YEAR_FROM_ONE}-{_MONTH_AND_DAY}|{_LEAP_YEAR_FROM_ONE}-02-29"

#: A calendar date, ``YYYY-MM-DD``, that exists.
DATE_PATTERN: Final = f"^({_DAY_DATE})$"

#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the form :meth:`PartialDate.isoformat` gives), each a
#: real year from 0001, month or day.
PARTIAL_DATE_PATTERN: Final = f"^({_YEAR_FROM_ONE}(-{_MONTH})?|{_PARTIAL_DAY_DATE})$"
