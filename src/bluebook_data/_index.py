"""Indexes over one Bluebook, built once, and the lookups and filters that read them.

A keyed filter reads a prebuilt posting set; combined filters intersect those sets. Nothing here
scans every record at query time, and nothing returned is a view of mutable state. The name tables
remember each name they are asked for, so that the filters resolve a repeated name in one look-up.
"""

from __future__ import annotations

import enum
import operator
import threading
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, SupportsIndex, TypeVar

from bluebook_data._cache import remember
from bluebook_data.errors import (
    InvalidFilterError,
    UnknownCountryError,
    UnknownEngagementError,
    UnknownNameError,
    UnknownPersonError,
    UnknownTopicError,
)
from bluebook_data.model import (
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

if TYPE_CHECKING:
    from bluebook_data.model import Bluebook

__all__ = ["Index", "fold_for_search", "index_of", "normalise_name"]

_Record = TypeVar("_Record")
_Enum = TypeVar("_Enum", bound=enum.Enum)

_TYPOGRAPHIC = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
_ASCII_NOT_ALPHANUMERIC = bytes(code for code in range(128) if not chr(code).isalnum())
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_SUGGESTIONS = 3
_CUTOFF = 0.6
_MARGIN = 0.1


def normalise_name(name: str) -> str:
    """Reduce a name to the key it is looked up by: no case, accents, spaces or punctuation.

    >>> normalise_name("  Kyrgyz   Republic ")
    'kyrgyzrepublic'
    >>> normalise_name("Toçikiston")
    'tocikiston'
    >>> normalise_name("RESPUBLIKASI") == normalise_name("Respublikası")
    True
    """
    if name.isascii():
        # The common case, and the index normalises every name it holds when it is built: for
        # ASCII, casefold() is lower() and NFKD changes nothing, and one bytes.translate that
        # lowers and deletes is several times faster than the general path below.
        return name.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_ALPHANUMERIC).decode("ascii")
    # After NFKD the accents are combining marks, and no combining mark is alphanumeric, so the
    # filter drops them with the spaces and punctuation.
    # The dotless ı has no case partner of its own (its capital, I, folds to i) and no accent
    # to strip, so it is made an i by hand: "Azərbaycan Respublikası" in capitals must match.
    folded = name.casefold().replace("\u0131", "i")
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKD", folded)))


def fold_for_search(text: str) -> str:
    """Fold case, typographic quotes and runs of white space, so ``Japan's`` finds ``Japan’s``."""
    # One str.replace per quote: each scans in C, where str.translate looks up every character.
    for typographic, plain in _TYPOGRAPHIC:
        text = text.replace(typographic, plain)
    return " ".join(text.casefold().split())


class _NameTable(Generic[_Record]):
    """Records by every normalised name they answer to, with did-you-mean suggestions."""

    def __init__(
        self,
        entries: Iterable[tuple[str, _Record]],
        display: Callable[[_Record], str],
        error: type[UnknownNameError],
    ) -> None:
        self._by_key: dict[str, _Record] = {}
        for name, record in entries:
            self._by_key.setdefault(normalise_name(name), record)
        self._display = display
        self._error = error
        self._by_name: dict[Hashable, _Record] = {}

    def lookup(self, name: str) -> _Record:
        """Return the record answering to ``name``, or raise the table's error with suggestions."""
        found = self._by_name.get(name)
        if found is None:
            found = self._by_key.get(normalise_name(name))
            if found is None:
                raise self._error(name, self.suggest(name))
            remember(self._by_name, name, found)
        return found

    def suggest(self, name: str) -> tuple[str, ...]:
        """Return the display names of the records whose names are closest to ``name``."""
        import difflib  # only a failed look-up needs it; a successful one should not pay for it

        key = normalise_name(name)
        if not key:
            return ()
        matcher = difflib.SequenceMatcher(b=key)
        scored = []
        for candidate in self._by_key:
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF:
                scored.append((matcher.ratio(), candidate))
        scored.sort(key=lambda pair: -pair[0])
        suggestions: list[str] = []
        for score, candidate in scored:
            # Only names about as close as the best one: "Rusia" means Russia, not also Georgia.
            if score < max(_CUTOFF, scored[0][0] - _MARGIN):
                break
            shown = self._display(self._by_key[candidate])
            if shown not in suggestions:
                suggestions.append(shown)
        return tuple(suggestions[:_SUGGESTIONS])


def _postings(
    records: tuple[_Record, ...], keys: Callable[[_Record], Iterable[object]]
) -> Mapping[object, frozenset[int]]:
    positions: defaultdict[object, set[int]] = defaultdict(set)
    for position, record in enumerate(records):
        for key in keys(record):
            positions[key].add(position)
    return MappingProxyType({key: frozenset(found) for key, found in positions.items()})


def _resolve_enum(enum_type: type[_Enum], value: object, field: str) -> _Enum:
    if isinstance(value, enum_type):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{field} must be a str or {enum_type.__name__}, not {type(value).__name__}"
        )
    wanted = "_".join(value.replace("-", " ").split()).casefold()
    for member in enum_type:
        if member.value == wanted:
            return member
    raise InvalidFilterError(field, value, tuple(member.value for member in enum_type))


def _as_year(value: object) -> int:
    if type(value) is int:
        return value
    # Any other integer, numpy's included: what operator.index takes. Not a bool, which equals 0
    # or 1 but is no year, and not a float, which might not be whole.
    if isinstance(value, SupportsIndex) and not isinstance(value, bool):
        return operator.index(value)
    raise TypeError(f"year must be an int, not {type(value).__name__}")


def _name_of(
    value: object, record_type: type[_Record], key: Callable[[_Record], str], field: str
) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, record_type):
        return key(value)
    raise TypeError(f"{field} must be a str or {record_type.__name__}, not {type(value).__name__}")


def _chronological(engagement: Engagement) -> tuple[bool, tuple[int, int, int], str]:
    date = engagement.date
    when = (0, 0, 0) if date is None else (date.year, date.month or 0, date.day or 0)
    return (date is None, when, engagement.id)


class Index:
    """Every lookup table of one :class:`~bluebook_data.Bluebook`, built when the object is made."""

    def __init__(self, book: Bluebook) -> None:
        records = book.records
        section = book.chapters[0].sections[0]
        self.sentences: tuple[Sentence, ...] = tuple(
            sentence for paragraph in section.paragraphs for sentence in paragraph.sentences
        )
        self._folded_sentences = tuple(fold_for_search(s.text) for s in self.sentences)

        region_order = list(Region)
        self._countries = tuple(
            sorted(records.countries, key=lambda c: (region_order.index(c.region), c.name))
        )
        self._country_names = _NameTable(
            (
                (name, country)
                for country in self._countries
                for name in (
                    country.code,
                    country.alpha3,
                    country.numeric,
                    country.name,
                    country.official_name,
                    country.official_name.removeprefix("the "),
                    *country.aliases,
                )
            ),
            display=lambda country: country.name,
            error=UnknownCountryError,
        )
        self._countries_by_region = MappingProxyType(
            {region: tuple(c for c in self._countries if c.region is region) for region in Region}
        )

        self.people: tuple[Person, ...] = tuple(
            sorted(records.people, key=lambda p: (p.family_name, p.name))
        )
        self._person_names = _NameTable(
            (
                (name, person)
                for person in self.people
                for name in (person.id, person.name, person.family_name)
            ),
            display=lambda person: person.name,
            error=UnknownPersonError,
        )

        self.topics: tuple[Topic, ...] = tuple(sorted(records.topics, key=lambda t: t.id))
        self._topic_names = _NameTable(
            ((name, topic) for topic in self.topics for name in (topic.id, topic.label)),
            display=lambda topic: topic.id,
            error=UnknownTopicError,
        )
        self._topic_family = self._topic_descendants(self.topics)

        self._engagements = tuple(sorted(records.engagements, key=_chronological))
        self._engagement_by_id = MappingProxyType({e.id: e for e in self._engagements})
        self._engagements_by = MappingProxyType(
            {
                "country": _postings(self._engagements, lambda e: e.countries),
                "kind": _postings(self._engagements, lambda e: (e.kind,)),
                "year": _postings(
                    self._engagements, lambda e: () if e.date is None else (e.date.year,)
                ),
                "topic": _postings(self._engagements, lambda e: e.topics),
                "person": _postings(self._engagements, lambda e: e.participants),
                "status": _postings(self._engagements, lambda e: (e.status,)),
            }
        )

        self._statements = tuple(
            sorted(records.statements, key=lambda s: (min(span.start for span in s.evidence), s.id))
        )
        self._statements_by = MappingProxyType(
            {
                "country": _postings(self._statements, lambda s: s.countries),
                "kind": _postings(self._statements, lambda s: (s.kind,)),
                "topic": _postings(self._statements, lambda s: s.topics),
            }
        )

    @staticmethod
    def _topic_descendants(topics: tuple[Topic, ...]) -> Mapping[str, frozenset[str]]:
        # Each topic is added to its own family and to every ancestor's, walking up from it. A
        # loop rather than a recursive closure, which would be a reference cycle left to the
        # garbage collector at every build. The loader refuses cycles and unknown parents; a
        # Bluebook made by hand may have them, and the walk stops at either.
        parents = {topic.id: topic.parent for topic in topics}
        family: dict[str, set[str]] = {topic_id: {topic_id} for topic_id in parents}
        for topic_id, parent in parents.items():
            while parent in family and topic_id not in family[parent]:
                family[parent].add(topic_id)
                parent = parents[parent]
        return MappingProxyType({topic_id: frozenset(ids) for topic_id, ids in family.items()})

    # Lookups -------------------------------------------------------------------------------

    def country(self, query: object) -> Country:
        """Find a country by name, alias, official name or ISO code (alpha-2, alpha-3, numeric)."""
        return self._country_names.lookup(_name_of(query, Country, lambda c: c.code, "country"))

    def person(self, query: object) -> Person:
        """Find a person by full name, family name or id."""
        return self._person_names.lookup(_name_of(query, Person, lambda p: p.id, "person"))

    def topic(self, query: object) -> Topic:
        """Find a topic by id or label."""
        return self._topic_names.lookup(_name_of(query, Topic, lambda t: t.id, "topic"))

    def engagement(self, id: object) -> Engagement:
        """Find an engagement by its exact id."""
        if not isinstance(id, str):
            raise TypeError(f"id must be a str, not {type(id).__name__}")
        found = self._engagement_by_id.get(id)
        if found is None:
            import difflib  # as in _NameTable.suggest, only a failed look-up needs it

            close = difflib.get_close_matches(id, self._engagement_by_id, n=_SUGGESTIONS)
            raise UnknownEngagementError(id, tuple(close))
        return found

    # Filters -------------------------------------------------------------------------------

    def countries(self, *, region: object = None) -> tuple[Country, ...]:
        """Return the countries, by region then name, optionally of one region only."""
        if region is None:
            return self._countries
        return self._countries_by_region[_resolve_enum(Region, region, "region")]

    def engagements(
        self,
        *,
        country: object = None,
        kind: object = None,
        year: object = None,
        topic: object = None,
        person: object = None,
        status: object = None,
    ) -> tuple[Engagement, ...]:
        """Return the engagements matching every filter given, in chronological order."""
        by = self._engagements_by
        wanted: list[frozenset[int]] = []
        if country is not None:
            wanted.append(by["country"].get(self.country(country).code, frozenset()))
        if kind is not None:
            wanted.append(by["kind"].get(_resolve_enum(EngagementKind, kind, "kind"), frozenset()))
        if year is not None:
            wanted.append(by["year"].get(_as_year(year), frozenset()))
        if topic is not None:
            family = self._topic_family[self.topic(topic).id]
            wanted.append(frozenset().union(*(by["topic"].get(t, frozenset()) for t in family)))
        if person is not None:
            wanted.append(by["person"].get(self.person(person).id, frozenset()))
        if status is not None:
            wanted.append(by["status"].get(_resolve_enum(Status, status, "status"), frozenset()))
        return self._select(self._engagements, wanted)

    def statements(
        self, *, country: object = None, kind: object = None, topic: object = None
    ) -> tuple[Statement, ...]:
        """Return the statements matching every filter given, in text order."""
        by = self._statements_by
        wanted: list[frozenset[int]] = []
        if country is not None:
            wanted.append(by["country"].get(self.country(country).code, frozenset()))
        if kind is not None:
            wanted.append(by["kind"].get(_resolve_enum(StatementKind, kind, "kind"), frozenset()))
        if topic is not None:
            family = self._topic_family[self.topic(topic).id]
            wanted.append(frozenset().union(*(by["topic"].get(t, frozenset()) for t in family)))
        return self._select(self._statements, wanted)

    @staticmethod
    def _select(ordered: tuple[_Record, ...], wanted: list[frozenset[int]]) -> tuple[_Record, ...]:
        if not wanted:
            return ordered
        positions = frozenset.intersection(*wanted)
        return tuple(ordered[position] for position in sorted(positions))

    def search(self, query: object) -> tuple[Sentence, ...]:
        """Return the sentences that contain ``query`` as a literal phrase, ignoring case."""
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, not {type(query).__name__}")
        phrase = fold_for_search(query)
        if not phrase:
            raise InvalidFilterError(
                "query", query, hint="expected a phrase with a non-space character"
            )
        return tuple(
            sentence
            for sentence, folded in zip(self.sentences, self._folded_sentences, strict=True)
            if phrase in folded
        )


_indexes: dict[int, Index] = {}
_indexes_lock = threading.Lock()


def index_of(book: Bluebook) -> Index:
    """Return the index of ``book``, building it on first use; concurrent callers share one.

    Indexes are kept by object identity and dropped when their Bluebook is garbage-collected.
    """
    index = _indexes.get(id(book))
    if index is None:
        with _indexes_lock:
            index = _indexes.get(id(book))
            if index is None:
                index = Index(book)
                _indexes[id(book)] = index
                weakref.finalize(book, _indexes.pop, id(book), None)
    return index
