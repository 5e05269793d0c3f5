"""The :class:`Bluebook`: one edition's text, structure and records, with the queries over them."""

from __future__ import annotations

from typing import Any, Unpack

import attrs

from bluebook_data._edition.filters import EngagementFilters, StatementFilters, shows_filters
from bluebook_data._edition.index import Index
from bluebook_data._edition.results import SearchResults
from bluebook_data._renderer import html
from bluebook_data.model import (
    Chapter,
    Country,
    Engagement,
    Person,
    Records,
    Region,
    Sentence,
    Statement,
    Topic,
)

# Functions a bad argument passes through set __tracebackhide__, which IPython honours: a
# notebook's traceback then ends at the caller's line, not in this package's internals.
__all__ = ["Bluebook"]


@attrs.frozen(kw_only=True)
class Bluebook:
    """One edition of the Diplomatic Bluebook: its text, structure and every record drawn from it.

    The query methods are those of the module (:func:`bluebook_data.engagements` and the rest);
    they answer from indexes built once, when the edition is made.
    """

    year: int
    title: str
    publisher: str
    url: str
    accessed: str
    data_version: str
    text_file: str
    chapters: tuple[Chapter, ...] = attrs.field(repr=False)
    records: Records = attrs.field(repr=False)
    # Derived from the fields above, so it takes no part in equality, hashing or the repr, and
    # cattrs leaves it out of an unstructured edition.
    _index: Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # A frozen class sets its own derived field through object.__setattr__, as attrs does.
        object.__setattr__(self, "_index", Index(self.chapters[0], self.records))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied by its data alone: the index is rebuilt from it, not copied.
        data = {field.name: getattr(self, field.name) for field in attrs.fields(Bluebook)}
        del data["_index"]
        return (_from_data, (data,))

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self.records, field.name))} {field.name}"
            for field in attrs.fields(Records)
        )
        return (
            f"Bluebook(year={self.year!r}, title={self.title!r},"
            f" data_version={self.data_version!r},\n    url={self.url!r},"
            f"\n    records=<{counts}>, ...)"
        )

    def _repr_html_(self) -> str | None:
        """Return the edition's card as HTML: its counts and things to try, for notebooks."""
        return html(self)

    def text(self) -> str:
        """Return the verbatim source text."""
        return self.chapters[0].sections[0].text

    def chapter(self) -> Chapter:
        """Return the chapter this edition ships."""
        return self.chapters[0]

    def sentences(self) -> tuple[Sentence, ...]:
        """Return every sentence, in text order."""
        __tracebackhide__ = True
        return self._index.sentences

    @shows_filters(EngagementFilters)
    def engagements(self, **filters: Unpack[EngagementFilters]) -> tuple[Engagement, ...]:
        """Return the engagements matching every filter; see :func:`bluebook_data.engagements`."""
        __tracebackhide__ = True
        return self._index.engagements(filters)

    def engagement(self, id: str) -> Engagement:
        """Return the engagement with this id; see :func:`bluebook_data.engagement`."""
        __tracebackhide__ = True
        return self._index.engagement(id)

    @shows_filters(StatementFilters)
    def statements(self, **filters: Unpack[StatementFilters]) -> tuple[Statement, ...]:
        """Return the statements matching every filter; see :func:`bluebook_data.statements`."""
        __tracebackhide__ = True
        return self._index.statements(filters)

    def countries(self, *, region: Region | str | None = None) -> tuple[Country, ...]:
        """Return the countries, optionally of one region; see :func:`bluebook_data.countries`."""
        __tracebackhide__ = True
        if region is None:
            return self._index.countries
        return self._index.countries_in(region)

    def country(self, query: str | Country) -> Country:
        """Look up a country; see :func:`bluebook_data.country`."""
        __tracebackhide__ = True
        return self._index.country(query)

    def people(self) -> tuple[Person, ...]:
        """Return every person, by family name."""
        __tracebackhide__ = True
        return self._index.people

    def person(self, query: str | Person) -> Person:
        """Look up a person; see :func:`bluebook_data.person`."""
        __tracebackhide__ = True
        return self._index.person(query)

    def topics(self) -> tuple[Topic, ...]:
        """Return every topic, by id."""
        __tracebackhide__ = True
        return self._index.topics

    def topic(self, query: str | Topic) -> Topic:
        """Look up a topic; see :func:`bluebook_data.topic`."""
        __tracebackhide__ = True
        return self._index.topic(query)

    def search(self, query: str) -> SearchResults[Sentence]:
        """Find sentences containing a phrase; see :func:`bluebook_data.search`."""
        __tracebackhide__ = True
        return SearchResults(self._index.search(query), query)


def _from_data(data: dict[str, Any]) -> Bluebook:
    return Bluebook(**data)
