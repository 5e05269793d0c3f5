"""The event rows in the column names, spellings and code sets of POLECAT and ICEWS.

Each layout carries only the codebook columns this package can fill from the text and from
published tables; the columns it cannot fill honestly (geocodes, news sources, sectors) are left
out, and ``docs/guide/events.md`` lists them. Both layouts keep only the rows whose date is known
to the day, as the two datasets date every event to the day. The tables used:

- Goldstein scores per CAMEO code: the GDELT Project's table ``CAMEO.goldsteinscale.txt``,
  :data:`GOLDSTEIN_URL`, which gives each CAMEO code its score on the scale of Goldstein,
  "A Conflict-Cooperation Scale for WEIS Events Data", *Journal of Conflict Resolution* 36(2),
  1992, :data:`GOLDSTEIN_SCALE_DOI`.
- CAMEO labels: the CAMEO codebook (Schrodt, version 1.1b3, 2012), :data:`CAMEO_MANUAL_URL`, in
  the wording of the GDELT Project's ``CAMEO.eventcodes.txt``.
- CAMEO quad classes: the GDELT event codebook, which puts root codes 01 to 05 in class 1,
  verbal cooperation.
- PLOVER contexts per CAMEO code: the CAMEO to PLOVER table,
  :data:`~bluebook_data._tables.events.PLOVER_TABLE_URL`.
- Country names as ICEWS spells them: the ICEWS event files (``Russian Federation``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.events import EVENTS, Event, events
from bluebook_data.errors import InvalidFilterError
from bluebook_data.model import Country

__all__ = [
    "CAMEO_LABELS",
    "CAMEO_MANUAL_URL",
    "CAMEO_TO_CONTEXTS",
    "GOLDSTEIN",
    "GOLDSTEIN_SCALE_DOI",
    "GOLDSTEIN_URL",
    "ICEWS_COUNTRY_NAMES",
    "Layout",
    "layout_table",
]

Layout = Literal["polecat", "icews"]

#: The GDELT Project's table of Goldstein scores per CAMEO code, at its publisher's address.
GOLDSTEIN_URL: Final = "https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt"

#: The article that defines the scale: Goldstein, Journal of Conflict Resolution 36(2), 1992.
GOLDSTEIN_SCALE_DOI: Final = "https://doi.org/10.1177/0022002792036002007"

#: The CAMEO codebook (Schrodt, version 1.1b3), as the GDELT Project publishes it.
CAMEO_MANUAL_URL: Final = "http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf"

#: Goldstein score of each CAMEO code the data uses, from :data:`GOLDSTEIN_URL`.
GOLDSTEIN: Final[Mapping[str, float]] = MappingProxyType(
    {"036": 4.0, "040": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "046": 7.0}
)

#: CAMEO's label of each code the data uses, ICEWS's ``Event Text``: the codebook's
#: (:data:`CAMEO_MANUAL_URL`) in the wording of the GDELT Project's ``CAMEO.eventcodes.txt``.
CAMEO_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "036": "Express intent to meet or negotiate",
        "040": "Consult, not specified below",
        "042": "Make a visit",
        "043": "Host a visit",
        "044": "Meet at a 'third' location",
        "046": "Engage in negotiation",
    }
)

#: PLOVER contexts of each CAMEO code the data uses, from the CAMEO to PLOVER table; the
#: codes of plain consultations and visits have none.
CAMEO_TO_CONTEXTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"036": ("diplomatic",), "040": (), "042": (), "043": (), "044": (), "046": ("diplomatic",)}
)

#: ICEWS country names that differ from the package's short names.
ICEWS_COUNTRY_NAMES: Final[Mapping[str, str]] = MappingProxyType({"RU": "Russian Federation"})

#: The GDELT codebook's quad class of CAMEO root codes 01 to 05: verbal cooperation.
_VERBAL_COOPERATION: Final = 1


def _side(event: Event, role: str) -> Country:
    found: Country = getattr(event, role)
    return found


def _names(role: str) -> Callable[[Event, Bluebook], str]:
    """Read the names of one side's participants, or its country's name where none is named."""

    def get(event: Event, book: Bluebook) -> str:
        country = _side(event, role)
        people = [
            book.person(person).name
            for person in event.engagement.participants
            if book.person(person).country == country.code
        ]
        return "; ".join(people) or country.name

    return get


def _cameo(event: Event) -> str:
    # Only engagements with a CAMEO code give event rows, so the code is never None here.
    return str(event.engagement.cameo)


def _column(name: str, description: str, get: Callable[[Event, Bluebook], Any]) -> Column:
    return Column(name=name, required=True, description=description, get=get)


def _event_id(event: Event, book: Bluebook) -> str:
    return event.id


def _event_date(event: Event, book: Bluebook) -> str:
    return str(event.engagement.date)


_POLECAT: Final = (
    _column("Event ID", "The event row's id in this package.", _event_id),
    _column("Event Date", "The day of the event, YYYY-MM-DD.", _event_date),
    _column(
        "Event Type",
        "PLOVER event type.",
        lambda event, book: event.engagement.plover_event,
    ),
    Column(
        name="Event Mode",
        description="PLOVER mode, where the event has one.",
        get=lambda event, book: event.engagement.plover_mode,
    ),
    Column(
        name="Contexts",
        type="array",
        items="string",
        required=True,
        description="PLOVER contexts of the event's CAMEO code.",
        get=lambda event, book: list(CAMEO_TO_CONTEXTS[_cameo(event)]),
    ),
    Column(
        name="Quad Code",
        type="integer",
        required=True,
        description="Quad class of the CAMEO code: 1 is verbal cooperation.",
        get=lambda event, book: _VERBAL_COOPERATION,
    ),
    _column("Actor Name", "The actor's named participants, or its country.", _names("actor")),
    _column(
        "Actor Country",
        "ISO 3166-1 alpha-3 code of the actor's country.",
        lambda event, book: event.actor.alpha3,
    ),
    _column(
        "Recipient Name",
        "The recipient's named participants, or its country.",
        _names("recipient"),
    ),
    _column(
        "Recipient Country",
        "ISO 3166-1 alpha-3 code of the recipient's country.",
        lambda event, book: event.recipient.alpha3,
    ),
)


def _icews_country(role: str) -> Callable[[Event, Bluebook], str]:
    def get(event: Event, book: Bluebook) -> str:
        country = _side(event, role)
        return ICEWS_COUNTRY_NAMES.get(country.code, country.name)

    return get


_ICEWS: Final = (
    _column("Event ID", "The event row's id in this package.", _event_id),
    _column("Event Date", "The day of the event, YYYY-MM-DD.", _event_date),
    _column("Source Name", "The actor's named participants, or its country.", _names("actor")),
    _column("Source Country", "The actor's country, as ICEWS names it.", _icews_country("actor")),
    _column(
        "Event Text",
        "CAMEO's label of the event code.",
        lambda event, book: CAMEO_LABELS[_cameo(event)],
    ),
    _column("CAMEO Code", "CAMEO event code, as text.", lambda event, book: _cameo(event)),
    Column(
        name="Intensity",
        type="number",
        required=True,
        description="Goldstein score of the CAMEO code.",
        get=lambda event, book: GOLDSTEIN[_cameo(event)],
    ),
    _column(
        "Target Name", "The recipient's named participants, or its country.", _names("recipient")
    ),
    _column(
        "Target Country",
        "The recipient's country, as ICEWS names it.",
        _icews_country("recipient"),
    ),
)


def _dated_to_the_day(book: Bluebook) -> tuple[Event, ...]:
    return tuple(
        event
        for event in events(book)
        if event.engagement.date is not None and event.engagement.date.precision == "day"
    )


def layout_table(layout: object) -> Table:
    """Return the events table in the columns of ``layout``, ``"polecat"`` or ``"icews"``.

    Raises:
        TypeError: if ``layout`` is not a string.
        InvalidFilterError: for any other name; it lists the layouts.

    >>> [column.name for column in layout_table("icews").columns][:4]
    ['Event ID', 'Event Date', 'Source Name', 'Source Country']
    """
    if not isinstance(layout, str):
        raise TypeError(f"layout must be a str, not {type(layout).__name__}")
    columns = {"polecat": _POLECAT, "icews": _ICEWS}.get(layout)
    if columns is None:
        raise InvalidFilterError("layout", layout, get_args(Layout))
    return Table(
        name=f"events_{layout}",
        title=f"Events ({layout.upper()} layout)",
        description=f"{EVENTS.description} Only rows dated to the day.",
        columns=columns,
        primary_key=("Event ID",),
        records=_dated_to_the_day,
    )
