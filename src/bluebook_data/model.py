"""The records of bluebook-data: immutable attrs classes and the enums they use.

Nothing here does I/O or imports the rest of the package (but for how a record spells its repr,
and the seam through which the display lends the records their HTML): every other layer builds on
this one. Every record is frozen
and slotted, every collection a tuple, so a record can be hashed, shared between threads and kept
as a dictionary key. Equality and hashing are by value.

A record's repr is a few lines of its key fields; ``attrs.asdict(record)`` gives every field.
Notebooks show it as an HTML table through ``_repr_html_``.
"""

from __future__ import annotations

import datetime
import enum
from typing import Literal

import attrs

from bluebook_data._record_repr import key_fields_repr
from bluebook_data._renderer import html as _installed_html

__all__ = [
    "Chapter",
    "Country",
    "Engagement",
    "EngagementKind",
    "Paragraph",
    "PartialDate",
    "Person",
    "Records",
    "Reference",
    "Region",
    "Section",
    "Sentence",
    "Span",
    "Statement",
    "StatementKind",
    "Status",
    "Topic",
]


class EngagementKind(enum.StrEnum):
    """What kind of diplomatic contact an :class:`Engagement` is."""

    VISIT = "visit"
    SUMMIT_MEETING = "summit_meeting"
    FOREIGN_MINISTERS_MEETING = "foreign_ministers_meeting"
    INTERGOVERNMENTAL_COMMITTEE_MEETING = "intergovernmental_committee_meeting"
    VICE_MINISTERIAL_NEGOTIATION = "vice_ministerial_negotiation"
    SECURITY_DIALOGUE = "security_dialogue"
    EXCHANGE_PROGRAM = "exchange_program"
    CULTURAL_EVENT = "cultural_event"
    #: An agreement reached at a meeting, kept apart from the meeting so that each has its code.
    AGREEMENT = "agreement"


class Status(enum.StrEnum):
    """Whether an engagement took place in 2015 or was being prepared."""

    HELD = "held"
    PLANNED = "planned"


class StatementKind(enum.StrEnum):
    """What a :class:`Statement` asserts: a judgement, an intention, or a result of a meeting."""

    ASSESSMENT = "assessment"
    POLICY = "policy"
    OUTCOME = "outcome"


class Region(enum.StrEnum):
    """The region a :class:`Country` belongs to in this section of the Bluebook."""

    EAST_ASIA = "east_asia"
    RUSSIA = "russia"
    CENTRAL_ASIA = "central_asia"
    CAUCASUS = "caucasus"


def _repr_html_(self: object) -> str | None:
    """Return the record as an HTML table, for notebooks (Jupyter, marimo, Panel, Streamlit)."""
    return _installed_html(self)


#: How many digits the year, month and day of an ISO date have.
_ISO_WIDTHS = (4, 2, 2)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """Return how many days the month has in the year (the Gregorian calendar)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _DAYS_IN_MONTH[month - 1] - (month == 2 and not leap)


def _none_first(value: int | None) -> int:
    return 0 if value is None else value


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    # Python's dates run from year 1 to 9999: a year outside them could not be exported.
    attrs.validators.instance_of(int)(instance, attribute, value)
    if not 1 <= value <= 9999:
        raise ValueError(f"year must be 1-9999, not {value!r}")


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month must be 1-12 or None, not {value!r}")


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    last = _days_in(instance.year, instance.month)
    if not 1 <= value <= last:
        raise ValueError(
            f"day must be 1-{last} for {instance.year}-{instance.month:02d}, not {value!r}"
        )


@attrs.frozen(order=True)
class PartialDate:
    """A calendar date known to the year, the month, or the day.

    Dates order chronologically; a coarser date sorts before the finer dates it contains
    (``2015 < 2015-10 < 2015-10-22``).

    >>> PartialDate(2015, 10).isoformat()
    '2015-10'
    >>> PartialDate.parse("2015-10-22").precision
    'day'
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, order=_none_first, validator=_check_month)
    day: int | None = attrs.field(default=None, order=_none_first, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: if ``text`` is not one of those forms or not a real date.
        """
        parts = text.split("-")
        # ASCII only: str.isdigit() and int() would also take other scripts' digits ("２０１５").
        if not (
            text.isascii()
            and tuple(map(len, parts)) == _ISO_WIDTHS[: len(parts)]
            and all(map(str.isdigit, parts))
        ):
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
        return cls(*map(int, parts))

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How much of the date is known."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def first_day(self) -> datetime.date:
        """Return the first calendar day the date covers.

        >>> PartialDate(2015, 10).first_day()
        datetime.date(2015, 10, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """Return the last calendar day the date covers.

        >>> PartialDate(2015, 2).last_day(), PartialDate(2016).last_day()
        (datetime.date(2015, 2, 28), datetime.date(2016, 12, 31))
        """
        month = self.month or 12
        return datetime.date(self.year, month, self.day or _days_in(self.year, month))

    def isoformat(self) -> str:
        """Give the date as ``2015``, ``2015-10`` or ``2015-10-22``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


def _check_span_text(instance: Span, attribute: attrs.Attribute[str], value: str) -> None:
    if not 0 <= instance.start < instance.end:
        raise ValueError(f"span needs 0 <= start < end, got {instance.start}..{instance.end}")
    if len(value) != instance.end - instance.start:
        raise ValueError(
            f"span {instance.start}..{instance.end} cannot hold {len(value)} characters"
        )


@attrs.frozen
class Span:
    """A stretch of the source text: ``text == bb.text()[start:end]``.

    Offsets count characters (code points) of the verbatim text, headings included.
    """

    __repr__ = key_fields_repr("start", "end", "text")
    _repr_html_ = _repr_html_

    start: int
    end: int
    text: str = attrs.field(validator=_check_span_text)

    def __contains__(self, other: object) -> bool:
        """Tell whether another span lies wholly inside this one."""
        return isinstance(other, Span) and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Tell whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@attrs.frozen
class Reference:
    """A public source for a detail that the text itself does not state."""

    __repr__ = key_fields_repr("url", "title")
    _repr_html_ = _repr_html_

    url: str
    title: str


@attrs.frozen
class Sentence:
    """One sentence of the text, with its place in it."""

    __repr__ = key_fields_repr("id", "paragraph_id", "span")
    _repr_html_ = _repr_html_

    id: str
    paragraph_id: str
    span: Span

    @property
    def text(self) -> str:
        """The sentence, verbatim."""
        return self.span.text


@attrs.frozen
class Paragraph:
    """One paragraph of the section: a line of the source text."""

    __repr__ = key_fields_repr("id", "index", "span", "sentences")
    _repr_html_ = _repr_html_

    id: str
    index: int
    span: Span
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The paragraph, verbatim."""
        return self.span.text


@attrs.frozen(kw_only=True)
class Section:
    """A section of a chapter. ``text`` is the whole verbatim source, headings included."""

    __repr__ = key_fields_repr("number", "title", "heading", "paragraphs")
    _repr_html_ = _repr_html_

    number: int
    title: str
    heading: str
    text: str = attrs.field(repr=False)
    paragraphs: tuple[Paragraph, ...]


@attrs.frozen
class Chapter:
    """A chapter of the Bluebook, holding the sections this package ships."""

    __repr__ = key_fields_repr("number", "title", "sections")
    _repr_html_ = _repr_html_

    number: int
    title: str
    sections: tuple[Section, ...]


#: Both state lists number states with at most three digits, from 2 (the United States of America).
_STATE_NUMBER = attrs.validators.optional(
    attrs.validators.and_(
        attrs.validators.instance_of(int), attrs.validators.ge(2), attrs.validators.le(999)
    )
)


@attrs.frozen(kw_only=True)
class Country:
    """A country the text refers to, with its ISO 3166-1 codes and its state numbers.

    ``former_names`` are names once in official use and since dropped, kept apart from
    ``aliases`` so that neither is taken for the other; lookups find the country by both.
    ``cow`` and ``gw`` are the country's numbers in the Correlates of War state system and in
    Gleditsch and Ward's list of independent states, the keys most country-year data join on.
    """

    __repr__ = key_fields_repr("code", "alpha3", "name", "region", "evidence", "references")
    _repr_html_ = _repr_html_

    code: str
    alpha3: str
    numeric: str
    name: str
    official_name: str
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    region: Region
    wikidata: str | None = None
    cow: int | None = attrs.field(default=None, validator=_STATE_NUMBER)
    gw: int | None = attrs.field(default=None, validator=_STATE_NUMBER)
    evidence: tuple[Span, ...] = ()
    references: tuple[Reference, ...] = ()


@attrs.frozen(kw_only=True)
class Person:
    """A person who took part in an engagement; ``office`` is as of 2015."""

    __repr__ = key_fields_repr("id", "name", "office", "country", "evidence", "references")
    _repr_html_ = _repr_html_

    id: str
    name: str
    family_name: str
    office: str
    country: str
    wikidata: str | None = None
    evidence: tuple[Span, ...] = ()
    references: tuple[Reference, ...] = ()


@attrs.frozen(kw_only=True)
class Topic:
    """A subject the text reports on; ``parent`` is the id of a broader topic."""

    __repr__ = key_fields_repr("id", "label", "parent", "evidence")
    _repr_html_ = _repr_html_

    id: str
    label: str
    parent: str | None = None
    evidence: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Engagement:
    """A diplomatic contact the text reports.

    ``evidence`` holds what the text says; every other detail (exact dates, the city, the people
    met, the CAMEO and PLOVER codes) rests on ``references``. ``part_of`` is the id of the visit a
    meeting was held during. ``hosts`` are the countries, among ``countries``, that received the
    others; empty where neither side did (a meeting at a third location) or it is not known.
    """

    __repr__ = key_fields_repr(
        "id", "kind", "date", "status", "title", "countries", "evidence", "references"
    )
    _repr_html_ = _repr_html_

    id: str
    kind: EngagementKind
    title: str
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    status: Status = Status.HELD
    countries: tuple[str, ...]
    hosts: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    location: str | None = None
    topics: tuple[str, ...] = ()
    part_of: str | None = None
    cameo: str | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    evidence: tuple[Span, ...]
    references: tuple[Reference, ...] = ()


@attrs.frozen(kw_only=True)
class Statement:
    """Something the text asserts that is not a contact: a judgement, an intention, a result.

    ``summary`` is this package's paraphrase; ``evidence`` is the text's own words. ``engagements``
    names the meetings an outcome was reached at.
    """

    __repr__ = key_fields_repr("id", "kind", "summary", "countries", "evidence", "references")
    _repr_html_ = _repr_html_

    id: str
    kind: StatementKind
    summary: str
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    engagements: tuple[str, ...] = ()
    evidence: tuple[Span, ...]
    references: tuple[Reference, ...] = ()


@attrs.frozen(kw_only=True)
class Records:
    """Everything the text reports, in the order of the data file."""

    __repr__ = key_fields_repr("countries", "people", "topics", "engagements", "statements")
    _repr_html_ = _repr_html_

    countries: tuple[Country, ...]
    people: tuple[Person, ...]
    topics: tuple[Topic, ...]
    engagements: tuple[Engagement, ...]
    statements: tuple[Statement, ...]
