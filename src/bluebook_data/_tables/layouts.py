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
- Quad classes: the PLOVER README's quad categories of each event type
  (:data:`~bluebook_data._tables.codebooks.PLOVER_QUAD_CLASS`), numbered as GDELT numbers them.
- PLOVER contexts per CAMEO code: the CAMEO to PLOVER table,
  :data:`~bluebook_data._tables.codebooks.PLOVER_TABLE_URL`. A cell of several values joins
  them with :data:`SEPARATOR`, as that table separates several contexts.
- Country names as ICEWS spells them: the ICEWS event files (``Russian Federation``); ICEWS event
  ids are integers, so the ICEWS layout's ``Event ID`` is the row's ``event_number``.

The columns are typed like any table's: dates are dates, codes text, Goldstein scores floats,
and event types, modes and CAMEO codes enums (dictionary encoded in Arrow, categories in pandas
and polars). :data:`CAMEO_CODES` is the table of these codes, which the SQLite database's layout
views join.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.resources import ANNOTATIONS_FILE
from bluebook_data._tables.codebooks import (
    ALPHA3,
    CAMEO,
    CAMEO_TO_PLOVER,
    PLOVER_EVENT_TYPES,
    PLOVER_MODES,
    PLOVER_QUAD_CLASS,
)
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.events import EVENTS, Event, event_number, events
from bluebook_data.errors import DataError, InvalidFilterError
from bluebook_data.model import Country

__all__ = [
    "CAMEO_CODES",
    "CAMEO_LABELS",
    "CAMEO_MANUAL_URL",
    "CAMEO_TO_CONTEXTS",
    "GOLDSTEIN",
    "GOLDSTEIN_SCALE_DOI",
    "GOLDSTEIN_URL",
    "ICEWS_COUNTRY_NAMES",
    "SEPARATOR",
    "Layout",
    "layout_names",
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

#: What joins the values of a cell that holds several (the contexts of an event).
SEPARATOR: Final = ";"


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
        return SEPARATOR.join(people) or country.name

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


def _contexts(event: Event, book: Bluebook) -> str | None:
    return SEPARATOR.join(CAMEO_TO_CONTEXTS[_cameo(event)]) or None


def _event_type(event: Event) -> str:
    # Only engagements with a PLOVER type give event rows.
    return str(event.engagement.plover_event)


_DATE: Final = Column(
    name="Event Date",
    type="date",
    required=True,
    description="The day of the event, YYYY-MM-DD.",
    get=_event_date,
)


_POLECAT: Final = (
    _column("Event ID", "The event row's id in this package.", _event_id),
    _DATE,
    Column(
        name="Event Type",
        required=True,
        choices=PLOVER_EVENT_TYPES,
        description="PLOVER event type.",
        get=lambda event, book: _event_type(event),
    ),
    Column(
        name="Event Mode",
        choices=PLOVER_MODES,
        description="PLOVER mode, where the event has one.",
        get=lambda event, book: event.engagement.plover_mode,
    ),
    Column(
        name="Contexts",
        description=f"PLOVER contexts of the event's CAMEO code, joined by `{SEPARATOR}`; "
        "empty where it has none.",
        get=_contexts,
    ),
    Column(
        name="Quad Code",
        type="integer",
        required=True,
        minimum=1,
        maximum=4,
        description="Quad category of the event type: 1 verbal cooperation, 2 material "
        "cooperation, 3 verbal conflict, 4 material conflict.",
        get=lambda event, book: PLOVER_QUAD_CLASS[_event_type(event)],
    ),
    _column("Actor Name", "The actor's named participants, or its country.", _names("actor")),
    _column(
        "Actor Country",
        "ISO 3166-1 alpha-3 code of the actor's country.",
        lambda event, book: event.actor.alpha3,
    ).ruled(ALPHA3),
    _column(
        "Recipient Name",
        "The recipient's named participants, or its country.",
        _names("recipient"),
    ),
    _column(
        "Recipient Country",
        "ISO 3166-1 alpha-3 code of the recipient's country.",
        lambda event, book: event.recipient.alpha3,
    ).ruled(ALPHA3),
)


def _icews_country(role: str) -> Callable[[Event, Bluebook], str]:
    def get(event: Event, book: Bluebook) -> str:
        country = _side(event, role)
        return ICEWS_COUNTRY_NAMES.get(country.code, country.name)

    return get


_ICEWS: Final = (
    Column(
        name="Event ID",
        type="integer",
        required=True,
        description="The row's `event_number` in the events table: ICEWS event ids are integers.",
        get=lambda event, book: event_number(event.id),
    ),
    _DATE,
    _column("Source Name", "The actor's named participants, or its country.", _names("actor")),
    _column("Source Country", "The actor's country, as ICEWS names it.", _icews_country("actor")),
    _column(
        "Event Text",
        "CAMEO's label of the event code.",
        lambda event, book: CAMEO_LABELS[_cameo(event)],
    ),
    _column("CAMEO Code", "CAMEO event code, as text.", lambda event, book: _cameo(event)).ruled(
        CAMEO
    ),
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
    found = tuple(
        event
        for event in events(book)
        if event.engagement.date is not None and event.engagement.date.precision == "day"
    )
    unknown = sorted({(_cameo(e), e.engagement.id) for e in found if _cameo(e) not in GOLDSTEIN})
    if unknown:
        # An edition of one's own may use CAMEO codes this package has no score or label for.
        known = ", ".join(sorted(GOLDSTEIN))
        raise DataError(
            ANNOTATIONS_FILE,
            tuple(
                f"CAMEO code {code!r} of engagement {engagement!r} has no Goldstein score or "
                f"label in the layouts' tables, which hold {known} @ $.records.engagements"
                for code, engagement in unknown
            ),
        )
    return found


def layout_names() -> tuple[str, ...]:
    """Return the layouts :func:`layout_table` knows.

    >>> layout_names()
    ('polecat', 'icews')
    """
    return get_args(Layout)


def _cameo_row(code: str, book: Bluebook) -> dict[str, Any]:
    plover_event, plover_mode = CAMEO_TO_PLOVER[code]
    return {
        "code": code,
        "label": CAMEO_LABELS[code],
        "goldstein": GOLDSTEIN[code],
        "plover_event": plover_event,
        "plover_mode": plover_mode,
        "contexts": SEPARATOR.join(CAMEO_TO_CONTEXTS[code]) or None,
        "quad_class": PLOVER_QUAD_CLASS[plover_event],
    }


def _code_column(name: str, kind: Any, description: str, **rules: Any) -> Column:
    return Column(
        name=name,
        type=kind,
        description=description,
        get=lambda code, book: _cameo_row(code, book)[name],
        **rules,
    )


#: The CAMEO codes the data uses, with what each layout takes from the published tables.
CAMEO_CODES: Final = Table(
    name="cameo_codes",
    title="CAMEO codes",
    description="The CAMEO codes the engagements use, with their labels, Goldstein scores, "
    "PLOVER event types, modes, contexts and quad categories, from the published tables.",
    primary_key=("code",),
    records=lambda book: tuple(CAMEO_TO_PLOVER),
    columns=(
        _code_column("code", "string", "CAMEO event code.", required=True),
        _code_column("label", "string", "CAMEO's label of the code.", required=True),
        _code_column("goldstein", "number", "Goldstein score of the code.", required=True),
        _code_column(
            "plover_event",
            "string",
            "PLOVER event type.",
            required=True,
            choices=PLOVER_EVENT_TYPES,
        ),
        _code_column("plover_mode", "string", "PLOVER mode, if any.", choices=PLOVER_MODES),
        _code_column("contexts", "string", f"PLOVER contexts, joined by `{SEPARATOR}`."),
        _code_column(
            "quad_class", "integer", "Quad category of the event type.", minimum=1, maximum=4
        ),
    ),
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
