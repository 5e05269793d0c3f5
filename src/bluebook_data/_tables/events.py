"""Engagements as dyadic event rows, in the shape users of POLECAT and ICEWS know.

Each engagement with a PLOVER event type gives one row per actor and recipient:

- **With a visitor and a host** (PLOVER mode ``visit``), the visitor is the actor and each host a
  recipient, as the PLOVER manual codes visits: Kishida in Moscow is one row, Japan to Russia.
- **Without a clear host** (a meeting at a third location, a negotiation, an agreement), PLOVER
  puts every participant in the actor field. A flat table cannot, so there is one row for each
  ordered pair of participating countries: the New York summit is Japan to Russia and Russia to
  Japan. Count distinct ``engagement_id`` to count each event once, whatever its directions.

A visit whose meetings are coded is a **container**: it gives no rows of its own, since its
meetings already code each contact on its own day, and a row for the whole trip would count them
twice. Its meetings keep the visit's id in ``part_of``. A visit no coded meeting names is a contact
of its own and gives its rows as usual.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

import attrs

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._tables.codebooks import (
    ALPHA3,
    CAMEO,
    CAMEO_TO_PLOVER,
    PLOVER_EVENT_TYPES,
    PLOVER_MODES,
    PLOVER_TABLE_URL,
)
from bluebook_data._tables.columns import Column, Table, date_columns, list_column, sentence_of
from bluebook_data.model import Country, Engagement, Status

__all__ = [
    "CAMEO_TO_PLOVER",
    "EVENTS",
    "PLOVER_TABLE_URL",
    "Event",
    "containers",
    "event_number",
    "events",
]


@attrs.frozen(kw_only=True)
class Event:
    """One directed row of an engagement: ``actor`` does the event type to ``recipient``."""

    engagement: Engagement
    actor: Country
    recipient: Country

    @property
    def id(self) -> str:
        """The engagement's id and the direction, e.g. ``...-summit-new-york:JP-RU``."""
        return f"{self.engagement.id}:{self.actor.code}-{self.recipient.code}"


def event_number(event_id: str) -> int:
    """Return the stable integer of an event row's id: 2^52 plus 52 bits of its SHA-256.

    >>> event_number("2015-09-28-summit-new-york:JP-RU")
    6093834130120281
    >>> 2**52 <= event_number("x") < 2**53
    True
    """
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return 2**52 + int.from_bytes(digest[:8], "big") % 2**52


def containers(book: Bluebook) -> frozenset[str]:
    """Return the ids of the visits that coded engagements name in ``part_of``.

    >>> import bluebook_data as bb
    >>> sorted(containers(bb.load()))
    ['2015-09-20-kishida-visit-russia', '2015-10-22-abe-central-asia-tour']
    """
    return frozenset(
        engagement.part_of
        for engagement in book.engagements()
        if engagement.part_of is not None and engagement.plover_event is not None
    )


def events(book: Bluebook) -> tuple[Event, ...]:
    """Return the event rows of every coded engagement that is not a container, by date.

    >>> import bluebook_data as bb
    >>> [event.id for event in events(bb.load())][:2]  # doctest: +NORMALIZE_WHITESPACE
    ['2015-09-21-foreign-ministers-meeting-moscow:JP-RU',
     '2015-09-22-intergovernmental-committee-moscow:JP-RU']
    """
    skipped = containers(book)
    found: list[Event] = []
    for engagement in book.engagements():
        if engagement.plover_event is None or engagement.id in skipped:
            continue
        if engagement.plover_mode == "visit":
            visitors = [code for code in engagement.countries if code not in engagement.hosts]
            pairs = [(actor, host) for actor in visitors for host in engagement.hosts]
        else:
            codes = engagement.countries
            pairs = [(actor, other) for actor in codes for other in codes if actor != other]
        found += (
            Event(engagement=engagement, actor=book.country(actor), recipient=book.country(other))
            for actor, other in pairs
        )
    return tuple(found)


def _people(book: Bluebook, engagement: Engagement, country: Country) -> list[str]:
    return [
        person for person in engagement.participants if book.person(person).country == country.code
    ]


def _side(role: str) -> list[Column]:
    def country(event: Event) -> Country:
        found: Country = getattr(event, role)
        return found

    return [
        Column(
            name=f"{role}_country",
            required=True,
            description=f"ISO 3166-1 alpha-2 code of the {role}'s country.",
            references=("countries", "code"),
            get=lambda event, book: country(event).code,
        ),
        Column(
            name=f"{role}_country_alpha3",
            required=True,
            pattern=ALPHA3.pattern,
            description=f"ISO 3166-1 alpha-3 code of the {role}'s country, as in POLECAT.",
            get=lambda event, book: country(event).alpha3,
        ),
        Column(
            name=f"{role}_country_name",
            required=True,
            description=f"Short English name of the {role}'s country.",
            get=lambda event, book: country(event).name,
        ),
        list_column(
            f"{role}_people",
            "string",
            f"Ids of the participants from the {role}'s country.",
            lambda event, book: _people(book, event.engagement, country(event)),
        ),
    ]


def _engagement_field(name: str) -> Any:
    return lambda event, book: getattr(event.engagement, name)


EVENTS: Final = Table(
    name="events",
    title="Events",
    description=(
        "The engagements as directed actor-recipient rows with PLOVER event types and modes "
        "and CAMEO codes, to join with POLECAT or ICEWS-style event data."
    ),
    primary_key=("event_id",),
    records=events,
    columns=(
        Column(
            name="event_id",
            required=True,
            description="The engagement id, a colon, and the actor and recipient alpha-2 codes.",
            get=lambda event, book: event.id,
        ),
        Column(
            name="engagement_id",
            required=True,
            description="Id of the engagement this row comes from.",
            references=("engagements", "id"),
            get=lambda event, book: event.engagement.id,
        ),
        Column(
            name="part_of",
            description="Id of the visit the engagement was held during, if any.",
            references=("engagements", "id"),
            get=_engagement_field("part_of"),
        ),
        *date_columns(
            "date",
            "When the engagement took place, to the precision known.",
            lambda event: event.engagement.date,
        ),
        Column(
            name="event_type",
            required=True,
            choices=PLOVER_EVENT_TYPES,
            description="PLOVER event type.",
            get=_engagement_field("plover_event"),
        ),
        Column(
            name="event_mode",
            choices=PLOVER_MODES,
            description="PLOVER mode of the event, where it has one.",
            get=_engagement_field("plover_mode"),
        ),
        Column(
            name="cameo_code",
            required=True,
            description="CAMEO event code of the engagement.",
            get=_engagement_field("cameo"),
        ).ruled(CAMEO),
        Column(
            name="status",
            required=True,
            choices=tuple(status.value for status in Status),
            description="Whether the engagement was held or being prepared.",
            get=lambda event, book: event.engagement.status.value,
        ),
        *_side("actor"),
        *_side("recipient"),
        Column(
            name="location",
            description="Where the engagement took place, in words.",
            get=_engagement_field("location"),
        ),
        Column(
            name="sentence_id",
            description="Id of the sentence of the text that reports the engagement.",
            references=("sentences", "id"),
            get=lambda event, book: sentence_of(book, event.engagement.evidence[0]),
        ),
        Column(
            name="event_number",
            type="integer",
            required=True,
            minimum=2**52,
            maximum=2**53 - 1,
            description=(
                "A stable integer for the row, from the SHA-256 of `event_id`, for tools that "
                "want integer event ids (the ICEWS layout's `Event ID`): from 2^52 up, so "
                "never the id of a real ICEWS event, and exact in a JavaScript number."
            ),
            get=lambda event, book: event_number(event.id),
        ),
    ),
)
