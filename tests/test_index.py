"""Name lookups: every name, alias and code of every record, forgiving case, spaces and accents."""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType, TracebackType
from typing import Any

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


def _frames_shown(caught: pytest.ExceptionInfo[BaseException]) -> list[str]:
    """Return the functions of this package a notebook's traceback would show, innermost last."""
    shown = []
    tb: TracebackType | None = caught.tb
    while tb is not None:
        frame = tb.tb_frame
        inside = "bluebook_data" in frame.f_code.co_filename
        if inside and frame.f_locals.get("__tracebackhide__") is not True:
            shown.append(frame.f_code.co_name)
        tb = tb.tb_next
    return shown


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda b: b.country("Atlantis"), bb.UnknownCountryError),
        (lambda b: b.person("Nobody"), bb.UnknownPersonError),
        (lambda b: b.topic("nothing"), bb.UnknownTopicError),
        (lambda b: b.engagement("no-such-meeting"), bb.UnknownEngagementError),
        (lambda b: b.engagement(3), TypeError),
        (lambda b: b.countries(region="atlantic"), bb.InvalidFilterError),
        (lambda b: b.engagements(country="Atlantis"), bb.UnknownCountryError),
        (lambda b: b.engagements(contry="JP"), TypeError),
        (lambda b: b.statements(topic="nothing"), bb.UnknownTopicError),
        (lambda b: b.search(" "), bb.InvalidFilterError),
    ],
)
def test_a_bad_argument_shows_no_frame_of_the_package(
    book: bb.Bluebook, call: Any, error: type[Exception]
) -> None:
    """Every function a bad argument passes through hides its frame, as notebooks honour."""
    with pytest.raises(error) as caught:
        call(book)
    assert _frames_shown(caught) == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda b: b.engagements(contry="JP"),
            "engagements() got an unexpected keyword argument 'contry'; did you mean 'country'?",
        ),
        (
            lambda b: b.statements(yeer=2015),
            "statements() got an unexpected keyword argument 'yeer'",
        ),
        (
            lambda b: b.engagements(zzzzzz=1),
            "engagements() got an unexpected keyword argument 'zzzzzz'",
        ),
        (
            lambda b: b.search("  \t"),
            "invalid query '  \\t'; expected a phrase with a non-space character",
        ),
    ],
)
def test_a_bad_filter_is_named_as_python_names_a_bad_keyword(
    book: bb.Bluebook, call: Any, message: str
) -> None:
    """A filter a query does not take, or a blank phrase, is named with what was meant."""
    with pytest.raises((TypeError, bb.InvalidFilterError)) as caught:
        call(book)
    assert str(caught.value) == message


def test_two_filters_each_narrow_the_result(book: bb.Bluebook) -> None:
    """Filters combine: one keyed filter and another give only records matching both."""
    visits_with_russia = [
        e for e in book.engagements() if "RU" in e.countries and e.kind is bb.EngagementKind.VISIT
    ]
    assert 0 < len(visits_with_russia) < len(book.engagements(country="RU"))
    assert list(book.engagements(country="RU", kind="visit")) == visits_with_russia
    assert list(book.engagements(kind="visit", country="RU")) == visits_with_russia


def _dated(id_: str, date: str | None) -> bb.Engagement:
    return bb.Engagement(
        id=id_,
        kind=bb.EngagementKind.VISIT,
        title=id_,
        date=None if date is None else bb.PartialDate.parse(date),
        countries=("JP",),
        evidence=(bb.Span(start=0, end=1, text="x"),),
    )


def test_engagements_run_by_date_partial_dates_first_undated_last(book: bb.Bluebook) -> None:
    """A year sorts before its months and a month before its days; ties go by id; no date last."""
    order = [
        ("a-undated", None),
        ("z-2030-12-31", "2030-12-31"),
        ("z-2031", "2031"),
        ("a-2031-01", "2031-01"),
        ("z-2031-05", "2031-05"),
        ("a-2031-05-01", "2031-05-01"),
        ("b-2031-05-01", "2031-05-01"),
        ("a-2031-05-02", "2031-05-02"),
        ("b-undated", None),
    ]
    dated = [_dated(id_, date) for id_, date in order]
    records = attrs.evolve(book.records, engagements=tuple(reversed(dated)))
    index = Index(book.chapter(), records)
    expected = [id_ for id_, date in order if date is not None] + ["a-undated", "b-undated"]
    assert [e.id for e in index.engagements({})] == expected


def test_an_official_name_is_found_without_its_article(book: bb.Bluebook) -> None:
    """An official name given as 'the Harbour Republic' is found as 'Harbour Republic' too."""
    harbour = bb.Country(
        code="HR",
        alpha3="HRB",
        numeric="999",
        name="Harbouria",
        official_name="the Harbour Republic",
        region=bb.Region.RUSSIA,
    )
    index = Index(book.chapter(), attrs.evolve(book.records, countries=(harbour,)))
    for name in ("Harbour Republic", "the Harbour Republic", "THE HARBOUR REPUBLIC"):
        assert index.country(name) is harbour


def test_an_index_built_afresh_answers_every_kind_of_lookup(book: bb.Bluebook) -> None:
    """A new index finds engagements by id and year, and names each kind of miss with its own."""
    index = Index(book.chapter(), book.records)
    dated = next(e for e in book.records.engagements if e.date is not None)
    assert dated.date is not None
    assert index.engagement(dated.id) is dated
    in_year = [e for e in index.engagements({}) if e.date and e.date.year == dated.date.year]
    assert list(index.engagements({"year": dated.date.year})) == in_year
    with pytest.raises(bb.UnknownPersonError) as person:
        index.person("Putn")
    assert person.value.suggestions[0] == "Vladimir Putin"
    with pytest.raises(bb.UnknownTopicError) as topic:
        index.topic("energi")
    assert topic.value.suggestions[0] == "energy"
    with pytest.raises(bb.UnknownCountryError) as country:
        index.country("Rusia")
    assert country.value.suggestions[0] == "Russia"
