"""The indexes of one edition, built once, and the lookups and filters that read them.

A keyed filter reads a prebuilt posting set and combined filters intersect those sets, so no query
scans every record. Nothing returned is a view of mutable state.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from bluebook_data._edition.filters import (
    EngagementFilters,
    StatementFilters,
    as_year,
    name_of,
    resolve_enum,
)
from bluebook_data._edition.names import NameTable, close_matches, fold_for_search
from bluebook_data._edition.results import Results
from bluebook_data.errors import (
    InvalidFilterError,
    UnknownCountryError,
    UnknownEngagementError,
    UnknownPersonError,
    UnknownTopicError,
)
from bluebook_data.model import (
    Chapter,
    Country,
    Engagement,
    EngagementKind,
    Person,
    Records,
    Region,
    Sentence,
    Statement,
    StatementKind,
    Status,
    Topic,
)

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = ["Index"]

_Record = TypeVar("_Record")
#: The filters each query takes, by the query's name.
_FILTERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "engagements": frozenset(EngagementFilters.__annotations__),
        "statements": frozenset(StatementFilters.__annotations__),
    }
)
#: Positions in a postings' order, ascending: a tuple, the most compact form to keep for each key.
_Positions = tuple[int, ...]
_NO_RECORDS: Results[Any] = Results()
_CODE = attrgetter("code")
_ID = attrgetter("id")


class _Postings(Generic[_Record]):
    """Records in a fixed order, and for each key of each field the records that have it."""

    def __init__(
        self,
        ordered: tuple[_Record, ...],
        fields: Mapping[str, Callable[[_Record], Iterable[object]]],
    ) -> None:
        self.ordered: Results[_Record] = Results(ordered)
        by_field: dict[str, Mapping[object, _Positions]] = {}
        records_by_field: dict[str, Mapping[object, Results[_Record]]] = {}
        for field, keys in fields.items():
            positions: defaultdict[object, list[int]] = defaultdict(list)
            for position, record in enumerate(ordered):
                for key in keys(record):
                    positions[key].append(position)
            by_field[field] = MappingProxyType(
                {key: tuple(found) for key, found in positions.items()}
            )
            records_by_field[field] = MappingProxyType(
                {
                    key: Results(ordered[position] for position in found)
                    for key, found in positions.items()
                }
            )
        # Read-only all the way down: the edition is shared by every caller and thread.
        self._positions: Mapping[str, Mapping[object, _Positions]] = MappingProxyType(by_field)
        self._records: Mapping[str, Mapping[object, Results[_Record]]] = MappingProxyType(
            records_by_field
        )

    def _having(self, field: str, keys: tuple[object, ...]) -> Collection[int]:
        by_key = self._positions[field]
        if len(keys) == 1:
            return by_key.get(keys[0], ())
        return frozenset().union(*[by_key.get(key, ()) for key in keys])

    def matching(self, wanted: list[tuple[str, tuple[object, ...]]]) -> Results[_Record]:
        """Return the records that hold, in each field named, one of its keys; all if none."""
        if not wanted:
            return self.ordered
        if len(wanted) == 1 and len(wanted[0][1]) == 1:
            # One key: its records, prebuilt in order, as target 4 (a keyed query) needs.
            field, (key,) = wanted[0]
            return self._records[field].get(key, _NO_RECORDS)
        first, *others = [self._having(field, keys) for field, keys in wanted]
        found = frozenset(first).intersection(*others)
        return Results(map(self.ordered.__getitem__, sorted(found)))


def _chronological(engagement: Engagement) -> tuple[bool, tuple[int, int, int], str]:
    date = engagement.date
    when = (0, 0, 0) if date is None else (date.year, date.month or 0, date.day or 0)
    return (date is None, when, engagement.id)


def _narrower_topics(topics: tuple[Topic, ...]) -> Mapping[str, tuple[str, ...]]:
    """Map each topic id to the ids of the topics whose parent it is."""
    children: defaultdict[str, list[str]] = defaultdict(list)
    for topic in topics:
        if topic.parent is not None:
            children[topic.parent].append(topic.id)
    return MappingProxyType({parent: tuple(ids) for parent, ids in children.items()})


def _unknown_filter(name: str, known: Iterable[str], query: str) -> TypeError:
    close = close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(f"{query}() got an unexpected keyword argument {name!r}{hint}")


class Index:
    """Every lookup table of one edition's text and records, built when the index is made."""

    def __init__(self, chapter: Chapter, records: Records) -> None:
        self.sentences: Results[Sentence] = Results(
            sentence
            for section in chapter.sections
            for paragraph in section.paragraphs
            for sentence in paragraph.sentences
        )
        self._folded_sentences = tuple(fold_for_search(s.text) for s in self.sentences)

        regions = list(Region)
        self.countries: Results[Country] = Results(
            sorted(records.countries, key=lambda c: (regions.index(c.region), c.name))
        )
        self._country_names = NameTable(
            (
                (name, country)
                for country in self.countries
                for name in (
                    country.code,
                    country.alpha3,
                    country.numeric,
                    country.name,
                    country.official_name,
                    country.official_name.removeprefix("the "),
                    *country.aliases,
                    *country.former_names,
                )
            ),
            display=attrgetter("name"),
            error=UnknownCountryError,
        )

        self.people: Results[Person] = Results(
            sorted(records.people, key=lambda p: (p.family_name, p.name))
        )
        self._person_names = NameTable(
            (
                (name, person)
                for person in self.people
                for name in (person.id, person.name, person.family_name)
            ),
            display=attrgetter("name"),
            error=UnknownPersonError,
        )

        self.topics: Results[Topic] = Results(sorted(records.topics, key=lambda t: t.id))
        self._topic_names = NameTable(
            ((name, topic) for topic in self.topics for name in (topic.id, topic.label)),
            display=attrgetter("id"),
            error=UnknownTopicError,
        )
        self._narrower = _narrower_topics(self.topics)

        engagements = tuple(sorted(records.engagements, key=_chronological))
        self._engagement_by_id = MappingProxyType({e.id: e for e in engagements})
        self._engagements = _Postings(
            engagements,
            {
                "country": lambda e: e.countries,
                "kind": lambda e: (e.kind,),
                "year": lambda e: () if e.date is None else (e.date.year,),
                "topic": lambda e: e.topics,
                "person": lambda e: e.participants,
                "status": lambda e: (e.status,),
            },
        )
        statements = tuple(
            sorted(records.statements, key=lambda s: (min(span.start for span in s.evidence), s.id))
        )
        self._statements = _Postings(
            statements,
            {
                "country": lambda s: s.countries,
                "kind": lambda s: (s.kind,),
                "topic": lambda s: s.topics,
            },
        )

    # Lookups -------------------------------------------------------------------------------

    def country(self, query: object) -> Country:
        """Find a country by name, alias, official name or ISO code (alpha-2, alpha-3, numeric)."""
        __tracebackhide__ = True
        return self._country_names.lookup(name_of(query, Country, _CODE, "country"))

    def person(self, query: object) -> Person:
        """Find a person by full name, family name or id."""
        __tracebackhide__ = True
        return self._person_names.lookup(name_of(query, Person, _ID, "person"))

    def topic(self, query: object) -> Topic:
        """Find a topic by id or label."""
        __tracebackhide__ = True
        return self._topic_names.lookup(name_of(query, Topic, _ID, "topic"))

    def engagement(self, id: object) -> Engagement:
        """Find an engagement by its exact id."""
        __tracebackhide__ = True
        if not isinstance(id, str):
            raise TypeError(f"id must be a str, not {type(id).__name__}")
        found = self._engagement_by_id.get(id)
        if found is None:
            raise UnknownEngagementError(id, close_matches(id, self._engagement_by_id))
        return found

    def topic_family(self, topic_id: str) -> frozenset[str]:
        """Return the id ``topic_id`` and the ids of every topic below it, at any depth.

        Gathered when asked, in time proportional to the family: every family together can be
        as large as the square of the topics (a chain), too much to build in advance. The loader
        refuses cycles; an edition made by hand may have one, and the walk visits each topic once.
        """
        family = {topic_id}
        waiting = [topic_id]
        while waiting:
            for narrower in self._narrower.get(waiting.pop(), ()):
                if narrower not in family:
                    family.add(narrower)
                    waiting.append(narrower)
        return frozenset(family)

    # Filters -------------------------------------------------------------------------------

    def countries_in(self, region: object) -> Results[Country]:
        """Return the countries of one region, by name."""
        __tracebackhide__ = True
        wanted = resolve_enum(Region, region, "region")
        return Results(country for country in self.countries if country.region is wanted)

    def engagements(self, filters: EngagementFilters) -> Results[Engagement]:
        """Return the engagements matching every filter given, in chronological order."""
        __tracebackhide__ = True
        return self._engagements.matching(self._wanted(filters, EngagementKind, "engagements"))

    def statements(self, filters: StatementFilters) -> Results[Statement]:
        """Return the statements matching every filter given, in text order."""
        __tracebackhide__ = True
        return self._statements.matching(self._wanted(filters, StatementKind, "statements"))

    def _wanted(
        self, filters: Mapping[str, object], kinds: type[enum.Enum], query: str
    ) -> list[tuple[str, tuple[object, ...]]]:
        """Return each filter given, by name, with the index keys its value stands for."""
        __tracebackhide__ = True
        # A loop, not a comprehension, whose own frame would show in a notebook's traceback.
        wanted = []
        for name, value in filters.items():
            if value is not None:
                wanted.append((name, self._keys(name, value, kinds, query)))
        return wanted

    def _keys(
        self, name: str, value: object, kinds: type[enum.Enum], query: str
    ) -> tuple[object, ...]:
        """Return the index keys a filter's value stands for (a topic: it and those below it).

        Raises:
            TypeError: for a filter the query does not take, as Python does for a keyword.
        """
        __tracebackhide__ = True
        known = _FILTERS[query]
        if name not in known:  # keyword arguments, which Python leaves unchecked for **filters
            raise _unknown_filter(name, known, query)
        if name == "country":
            return (self.country(value).code,)
        if name == "kind":
            return (resolve_enum(kinds, value, "kind"),)
        if name == "year":
            return (as_year(value),)
        if name == "topic":
            return tuple(self.topic_family(self.topic(value).id))
        if name == "person":
            return (self.person(value).id,)
        return (resolve_enum(Status, value, "status"),)

    def search(self, query: object) -> Results[Sentence]:
        """Return the sentences that contain ``query`` as a literal phrase, ignoring case."""
        __tracebackhide__ = True
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, not {type(query).__name__}")
        phrase = fold_for_search(query)
        if not phrase:
            raise InvalidFilterError(
                "query", query, hint="expected a phrase with a non-space character"
            )
        return Results(
            sentence
            for sentence, folded in zip(self.sentences, self._folded_sentences, strict=True)
            if phrase in folded
        )
