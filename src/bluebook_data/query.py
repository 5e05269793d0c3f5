"""The query helpers: module functions that answer from the shipped edition, loaded on first use.

Each is the method of the same name on :func:`load`'s :class:`~bluebook_data.Bluebook`. The
lookups and filters run inside loops, so they first look in :mod:`bluebook_data._cache` for the
answer they gave to the same arguments before, and ask the edition only when there is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, SupportsIndex

from bluebook_data import _cache
from bluebook_data._cache import remember

if TYPE_CHECKING:  # the records are made on first use, not when `bluebook_data` is imported
    from bluebook_data.model import (
        Bluebook,
        Chapter,
        Country,
        Engagement,
        EngagementKind,
        Person,
        Region,
        Sentence,
        Statement,
        StatementKind,
        Status,
        Topic,
    )

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


def load() -> Bluebook:
    """Return the shipped edition, read and checked on the first call and cached after.

    Concurrent first calls all receive the same object. No I/O happens on import.

    Raises:
        DataError: if a shipped data file is missing or does not match the text.

    >>> load() is load()
    True
    >>> load().year
    2016
    """
    return _cache.edition or _first_load()


def _first_load() -> Bluebook:
    # Imported on first use: the loader brings cattrs and importlib-resources, which a plain
    # `import bluebook_data` should not pay for.
    from bluebook_data._load import load as load_cached

    return load_cached()


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


def engagements(
    *,
    country: str | Country | None = None,
    kind: EngagementKind | str | None = None,
    year: SupportsIndex | None = None,
    topic: str | Topic | None = None,
    person: str | Person | None = None,
    status: Status | str | None = None,
) -> tuple[Engagement, ...]:
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
    filters = (country, kind, year, topic, person, status)
    try:
        found = _cache.engagements_asked[filters]
        # The answer for 2015 is none for 2015.0 or True, which equal 2015 and 1 but are no years.
        if year is None or type(year) is int:
            return found
    except (KeyError, TypeError):  # not asked yet, or unhashable and so rejected below
        pass
    found = load().engagements(
        country=country, kind=kind, year=year, topic=topic, person=person, status=status
    )
    return remember(_cache.engagements_asked, filters, found)


def engagement(id: str) -> Engagement:
    """Return the engagement with this id.

    Raises:
        UnknownEngagementError: naming the closest ids.

    >>> engagement("2015-09-28-summit-new-york").date.isoformat()
    '2015-09-28'
    """
    return load().engagement(id)


def statements(
    *,
    country: str | Country | None = None,
    kind: StatementKind | str | None = None,
    topic: str | Topic | None = None,
) -> tuple[Statement, ...]:
    """Return the statements that match every filter given, in the order of the text.

    >>> [s.id for s in statements(kind="policy")]
    ['peace-treaty-negotiations-to-continue']
    """
    filters = (country, kind, topic)
    try:
        return _cache.statements_asked[filters]
    except (KeyError, TypeError):  # as in engagements()
        found = load().statements(country=country, kind=kind, topic=topic)
        return remember(_cache.statements_asked, filters, found)


def countries(*, region: Region | str | None = None) -> tuple[Country, ...]:
    """Return the countries the text refers to, by region then name.

    >>> [c.code for c in countries(region="caucasus")]
    ['AM', 'AZ', 'GE']
    """
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
    try:
        return _cache.countries_asked[query]
    except (KeyError, TypeError):  # as in engagements()
        return remember(_cache.countries_asked, query, load().country(query))


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
    try:
        return _cache.people_asked[query]
    except (KeyError, TypeError):  # as in engagements()
        return remember(_cache.people_asked, query, load().person(query))


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
    try:
        return _cache.topics_asked[query]
    except (KeyError, TypeError):  # as in engagements()
        return remember(_cache.topics_asked, query, load().topic(query))


def search(query: str) -> tuple[Sentence, ...]:
    """Return the sentences containing ``query`` as a literal phrase, in text order.

    Case is ignored, and straight quotes match the text's typographic ones.

    Raises:
        TypeError: if ``query`` is not a string.
        InvalidFilterError: if ``query`` is empty or only white space.

    >>> [s.id for s in search("peace treaty")]
    ['c2-s5-p2-s1', 'c2-s5-p3-s2']
    """
    return load().search(query)
