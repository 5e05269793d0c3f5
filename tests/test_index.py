"""Name lookups: every name, alias and code of every record, forgiving case, spaces and accents."""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._edition.index import Index
from bluebook_data._edition.names import fold_for_search, normalise_name

_BOOK = bb.load()


def _variants(name: str) -> Iterator[str]:
    """Yield ``name`` as a user might type it: other case, other spacing, accents on or off."""
    yield name
    yield name.upper()
    yield name.lower()
    yield name.swapcase()
    yield f"  {'   '.join(name.split())}\t"
    # An accent added to the first character, and every accent taken away.
    yield unicodedata.normalize("NFC", name[0] + "\u0301" + name[1:])
    stripped = unicodedata.normalize("NFKD", name)
    yield "".join(char for char in stripped if not unicodedata.combining(char))


def _country_names(country: bb.Country) -> Iterator[str]:
    yield from (country.code, country.alpha3, country.numeric, country.name, *country.aliases)
    yield country.official_name
    if country.official_name.startswith("the "):
        yield country.official_name.removeprefix("the ")
        yield "The " + country.official_name.removeprefix("the ")


def _names() -> Iterator[object]:
    """Yield (lookup, name, record) for every name each country, person and topic answers to."""
    for country in _BOOK.records.countries:
        for name in _country_names(country):
            yield pytest.param("country", name, country, id=f"country-{name}")
    for person in _BOOK.records.people:
        for name in (person.id, person.name, person.family_name):
            yield pytest.param("person", name, person, id=f"person-{name}")
    for topic in _BOOK.records.topics:
        for name in (topic.id, topic.label):
            yield pytest.param("topic", name, topic, id=f"topic-{name}")


@pytest.mark.parametrize(("lookup", "name", "record"), list(_names()))
def test_every_name_finds_its_record(
    book: bb.Bluebook, lookup: str, name: str, record: bb.Country | bb.Person | bb.Topic
) -> None:
    """Every code, name, alias and id finds its record, typed in any case, spacing or accents."""
    for variant in _variants(name):
        assert getattr(book, lookup)(variant) == record, variant


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("  Kyrgyz   Republic ", "kyrgyzrepublic"),
        ("KYRGYZ-REPUBLIC", "kyrgyzrepublic"),
        ("Toçikiston", "tocikiston"),
        ("O'zbekiston Respublikasi", "ozbekistonrespublikasi"),
        ("Ｒｕｓｓｉａ", "russia"),
        ("Straße", "strasse"),
        ("AZƏRBAYCAN RESPUBLİKASI", "azərbaycanrespublikasi"),
        ("Respublikası", "respublikasi"),
        ("!?", ""),
    ],
)
def test_normalise_name(name: str, key: str) -> None:
    """Names reduce to case-folded letters and digits, without accents, spaces or punctuation."""
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Japan’s  Foreign\nPolicy", "japan's foreign policy"),
        ("“Quoted”", '"quoted"'),
        ("‘a’", "'a'"),
        ("  ", ""),
    ],
)
def test_fold_for_search(text: str, folded: str) -> None:
    """Search folding ignores case, typographic quotes and runs of white space."""
    assert fold_for_search(text) == folded


@pytest.mark.parametrize(
    ("lookup", "query", "suggestion"),
    [
        (bb.Bluebook.country, "Rusia", "Russia"),
        (bb.Bluebook.country, "Kazakstan", "Kazakhstan"),
        (bb.Bluebook.country, "Republic of Tajkistan", "Tajikistan"),
        (bb.Bluebook.person, "Putn", "Vladimir Putin"),
        (bb.Bluebook.person, "Fumio Kishda", "Fumio Kishida"),
        (bb.Bluebook.topic, "energi", "energy"),
        (bb.Bluebook.topic, "Northern Teritories issue", "northern-territories"),
    ],
)
def test_suggestions_put_the_nearest_name_first(
    book: bb.Bluebook, lookup: object, query: str, suggestion: str
) -> None:
    """A near miss is an error suggesting the record meant, first."""
    assert callable(lookup)
    with pytest.raises(bb.UnknownNameError) as caught:
        lookup(book, query)
    assert caught.value.suggestions[0] == suggestion
    assert len(caught.value.suggestions) <= 3


@pytest.mark.parametrize("query", ["", "   ", "!?", "zzzzzzzzzz", "Mongolia"])
def test_far_misses_suggest_nothing(book: bb.Bluebook, query: str) -> None:
    """A name close to nothing known raises with no suggestions."""
    with pytest.raises(bb.UnknownCountryError) as caught:
        book.country(query)
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


def _with_only_topics(book: bb.Bluebook, parents: dict[str, str | None]) -> bb.Bluebook:
    """Return ``book`` with its topics replaced by these, each given as id -> parent id."""
    topics = tuple(bb.Topic(id=id_, label=id_, parent=parent) for id_, parent in parents.items())
    return attrs.evolve(book, records=attrs.evolve(book.records, topics=topics))


def test_a_topic_filter_takes_every_depth_of_narrower_topics(book: bb.Bluebook) -> None:
    """A topic's family is itself and its narrower topics at any depth, never its broader ones."""
    chain = _with_only_topics(book, {"a": None, "b": "a", "c": "b", "d": "c", "other": None})
    index = Index(chain.chapter(), chain.records)
    assert index.topic_family("a") == {"a", "b", "c", "d"}
    assert index.topic_family("c") == {"c", "d"}
    assert index.topic_family("other") == {"other"}


def test_a_hand_made_topic_cycle_still_indexes(book: bb.Bluebook) -> None:
    """A Bluebook made by hand may have the topic cycle the loader refuses: it still indexes.

    Each member of the cycle then counts the others as narrower.
    """
    cycle = _with_only_topics(book, {"a": "b", "b": "a", "c": "a", "orphan": "missing"})
    index = Index(cycle.chapter(), cycle.records)
    assert index.topic_family("a") == index.topic_family("b") == {"a", "b", "c"}
    assert index.topic_family("orphan") == {"orphan"}


def test_building_an_index_leaves_no_garbage_cycles(book: bb.Bluebook) -> None:
    """An index is freed by reference counting alone, with nothing for the collector."""
    gc.collect()
    gc.disable()
    try:
        Index(book.chapter(), book.records)
        assert gc.collect() == 0
    finally:
        gc.enable()


def _mutable_reachable(value: object, path: str, seen: set[int]) -> Iterator[str]:
    """Yield the path of every dict, list, set or bytearray reachable from ``value``."""
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None) | type):
        return
    seen.add(id(value))
    if isinstance(value, dict | list | set | bytearray):
        yield f"{path}: {type(value).__name__}"
        return
    if isinstance(value, Mapping):  # a read-only view: what it shows must be read-only too
        for key, item in value.items():
            yield from _mutable_reachable(key, f"{path} key", seen)
            yield from _mutable_reachable(item, f"{path}[{key!r}]", seen)
    elif isinstance(value, tuple | frozenset):
        for position, item in enumerate(value):
            yield from _mutable_reachable(item, f"{path}[{position}]", seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]  # attrs.has said so
            yield from _mutable_reachable(getattr(value, field.name), f"{path}.{field.name}", seen)
    elif hasattr(value, "__dict__") and not callable(value):
        for name, item in vars(value).items():
            yield from _mutable_reachable(item, f"{path}.{name}", seen)


def test_no_mutable_container_is_reachable_from_the_index(book: bb.Bluebook) -> None:
    """Every table of the shared index is a read-only mapping, tuple or frozenset, all the way."""
    index = Index(book.chapter(), book.records)
    assert list(_mutable_reachable(index, "index", set())) == []
    assert list(_mutable_reachable(book, "book", set())) == []


def test_the_walk_over_the_index_would_see_a_mutable_table(book: bb.Bluebook) -> None:
    """The walk above finds a plain dict where one is put, so its silence means something."""
    index = Index(book.chapter(), book.records)
    vars(index)["_planted"] = MappingProxyType({"a": (1, {"b": 2})})
    assert list(_mutable_reachable(index, "index", set())) == ["index._planted['a'][1]: dict"]
