"""The query helpers: module functions that answer from the shipped edition, loaded on first use.

Each is the method of the same name on :func:`load`'s :class:`~bluebook_data.Bluebook`, and one
line long: the edition's indexes do the work.
"""

from __future__ import annotations

from typing import Unpack

from bluebook_data._edition.filters import EngagementFilters, StatementFilters, shows_filters
from bluebook_data._loading.loader import load
from bluebook_data.model import (
    Chapter,
    Country,
    Engagement,
    Person,
    Region,
    Sentence,
    Statement,
    Topic,
)

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = [
    "chapter",
    "countries",
    "country",
    "engagement",
    "engagements",
    "load",
    "people",
    "person",
    "search",
    "statements",
    "text",
    "topic",
    "topics",
]


def text() -> str:
    """Return the verbatim source text, identical to the shipped file.

    >>> text().splitlines()[3]
    'Section 5 Russia, Central Asia and Caucasia'
    """
    return load().text()


def chapter() -> Chapter:
    """Return Chapter 2 with its section, paragraphs and sentences.

    >>> section = chapter().sections[0]
    >>> section.heading, len(section.paragraphs)
    ('Overview', 5)
    """
    return load().chapter()


@shows_filters(EngagementFilters)
def engagements(**filters: Unpack[EngagementFilters]) -> tuple[Engagement, ...]:
    """Return the engagements that match every filter given.

    Results are chronological, undated ones last, ties broken by id. A ``topic`` also matches its
    narrower topics (``"economy"`` finds the meetings on energy).

    Args:
        country: Anything :func:`country` accepts, or a :class:`Country`.
        kind: An :class:`EngagementKind` or its value (``"summit_meeting"``).
        year: The year of the engagement's date; undated engagements never match. Any integer
            will do, numpy's included, but not a bool or a float.
        topic: Anything :func:`topic` accepts, or a :class:`Topic`.
        person: Anything :func:`person` accepts, or a :class:`Person`.
        status: A :class:`Status` or its value (``"held"``, ``"planned"``).

    Raises:
        TypeError: if a filter has the wrong type.
        UnknownCountryError, UnknownTopicError, UnknownPersonError: for an unknown name.
        InvalidFilterError: for a ``kind`` or ``status`` that does not exist.

    >>> [e.id for e in engagements(country="Russia", kind="summit_meeting")]
    ['2015-09-28-summit-new-york', '2015-11-15-summit-antalya']
    >>> engagements(country="KZ", year=2015)[-1].location
    'Astana, Kazakhstan'
    """
    __tracebackhide__ = True
    return load().engagements(**filters)


def engagement(id: str) -> Engagement:
    """Return the engagement with this id.

    Raises:
        UnknownEngagementError: naming the closest ids.

    >>> engagement("2015-09-28-summit-new-york").date.isoformat()
    '2015-09-28'
    """
    __tracebackhide__ = True
    return load().engagement(id)


@shows_filters(StatementFilters)
def statements(**filters: Unpack[StatementFilters]) -> tuple[Statement, ...]:
    """Return the statements that match every filter given, in the order of the text.

    >>> [s.id for s in statements(kind="policy")]
    ['peace-treaty-negotiations-to-continue']
    """
    __tracebackhide__ = True
    return load().statements(**filters)


def countries(*, region: Region | str | None = None) -> tuple[Country, ...]:
    """Return the countries the text refers to, by region then name.

    >>> [c.code for c in countries(region="caucasus")]
    ['AM', 'AZ', 'GE']
    """
    __tracebackhide__ = True
    return load().countries(region=region)


def country(query: str | Country) -> Country:
    """Look up a country by name, alias, official name or ISO code.

    Case, spaces, punctuation and accents are ignored.

    Raises:
        UnknownCountryError: naming the nearest countries.

    >>> country("kyrgyz republic").code
    'KG'
    >>> country("RUS").name
    'Russia'
    """
    __tracebackhide__ = True
    return load().country(query)


def people() -> tuple[Person, ...]:
    """Return every person the records name, by family name.

    >>> people()[0].name
    'Shinzo Abe'
    """
    return load().people()


def person(query: str | Person) -> Person:
    """Look up a person by full name, family name or id, ignoring case, spaces and accents.

    Raises:
        UnknownPersonError: naming the nearest people.

    >>> person("putin").office
    'President of the Russian Federation'
    """
    __tracebackhide__ = True
    return load().person(query)


def topics() -> tuple[Topic, ...]:
    """Return every topic, by id.

    >>> [t.id for t in topics() if t.parent == "natural-resources"]
    ['minerals', 'natural-gas', 'oil']
    """
    return load().topics()


def topic(query: str | Topic) -> Topic:
    """Look up a topic by id or label, ignoring case, spaces and punctuation.

    Raises:
        UnknownTopicError: naming the nearest topic ids.

    >>> topic("Northern Territories issue").id
    'northern-territories'
    """
    __tracebackhide__ = True
    return load().topic(query)


def search(query: str) -> tuple[Sentence, ...]:
    """Return the sentences containing ``query`` as a literal phrase, in text order.

    Case is ignored, and straight quotes match the text's typographic ones.

    Raises:
        TypeError: if ``query`` is not a string.
        InvalidFilterError: if ``query`` is empty or only white space.

    >>> [s.id for s in search("peace treaty")]
    ['c2-s5-p2-s1', 'c2-s5-p3-s2']
    """
    __tracebackhide__ = True
    return load().search(query)
