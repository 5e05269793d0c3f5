"""The query helpers: every filter and their combination, order, search, and forgiving inputs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bluebook_data as bb
from tests.helpers import IntegerLike, sentences, topic_family

_BOOK = bb.load()
_RECORDS = _BOOK.records
_YEARS = sorted({e.date.year for e in _RECORDS.engagements if e.date is not None})


def _ids(records: Sequence[bb.Engagement | bb.Statement]) -> set[str]:
    return {record.id for record in records}


def _where(test: Callable[[bb.Engagement], bool]) -> set[str]:
    """Return the ids of the engagements that pass ``test``, found by reading every one."""
    return {e.id for e in _RECORDS.engagements if test(e)}


def _assert_chronological(found: Sequence[bb.Engagement]) -> None:
    """Check dated engagements come first, by date, then undated ones; ties go by id."""
    for earlier, later in itertools.pairwise(found):
        if earlier.date is None:
            assert later.date is None
            assert earlier.id < later.id
        elif later.date is not None:
            assert earlier.date <= later.date
            assert earlier.date < later.date or earlier.id < later.id


def _single_filter_cases() -> Iterator[tuple[str, Any, set[str]]]:
    """Yield (filter, value, expected ids) for every value each engagement filter can take."""
    families = {topic.id: topic_family(_BOOK, topic.id) for topic in _RECORDS.topics}
    matches: dict[str, Callable[[bb.Engagement, Any], bool]] = {
        "country": lambda e, code: code in e.countries,
        "kind": lambda e, kind: e.kind is kind,
        "year": lambda e, year: e.date is not None and e.date.year == year,
        "topic": lambda e, topic: bool(families[topic] & set(e.topics)),
        "person": lambda e, person: person in e.participants,
        "status": lambda e, status: e.status is status,
    }
    values: dict[str, list[Any]] = {
        "country": [country.code for country in _RECORDS.countries],
        "kind": list(bb.EngagementKind),
        "year": [_YEARS[0] - 1, *_YEARS, _YEARS[-1] + 1],
        "topic": list(families),
        "person": [person.id for person in _RECORDS.people],
        "status": list(bb.Status),
    }
    for field, match in matches.items():
        for value in values[field]:
            expected = {e.id for e in _RECORDS.engagements if match(e, value)}
            yield field, value, expected


_SINGLE_FILTERS = list(_single_filter_cases())


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    _SINGLE_FILTERS,
    ids=[f"{field}={value}" for field, value, _ in _SINGLE_FILTERS],
)
def test_engagements_by_one_filter(
    book: bb.Bluebook, field: str, value: object, expected: set[str]
) -> None:
    """Each filter keeps exactly the engagements that match it, in chronological order."""
    found = book.engagements(**{field: value})  # type: ignore[arg-type]
    assert _ids(found) == expected
    assert len(found) == len(expected)
    _assert_chronological(found)


def test_filters_exercise_the_data() -> None:
    """The filter cases above include narrow and empty results, and a topic's children."""
    sizes = {len(expected) for _, _, expected in _SINGLE_FILTERS}
    assert 0 in sizes
    assert 1 in sizes
    assert any(len(topic_family(_BOOK, t.id)) > 2 for t in _RECORDS.topics)


@pytest.mark.parametrize(
    ("country", "kind", "status"),
    list(itertools.product([c.code for c in _RECORDS.countries], bb.EngagementKind, bb.Status)),
)
def test_engagement_filters_and_together(
    book: bb.Bluebook, country: str, kind: bb.EngagementKind, status: bb.Status
) -> None:
    """Filters given together keep only the engagements that match all of them."""
    found = book.engagements(country=country, kind=kind, status=status)
    expected = _where(lambda e: country in e.countries and e.kind is kind and e.status is status)
    assert _ids(found) == expected
    _assert_chronological(found)


def test_all_six_filters_together(book: bb.Bluebook) -> None:
    """All six filters at once find the one meeting that fits them all."""
    found = book.engagements(
        country="Russia", kind="foreign_ministers_meeting", year=2015,
        topic="peace-treaty", person="Lavrov", status="held",
    )  # fmt: skip
    assert [e.id for e in found] == ["2015-09-21-foreign-ministers-meeting-moscow"]
    assert book.engagements(country="Russia", person="Lavrov", kind="visit") == ()


def test_engagements_are_all_there_in_order(book: bb.Bluebook) -> None:
    """With no filter every engagement comes once, dated by date, then undated; ties by id."""
    found = book.engagements()
    assert sorted(_ids(found)) == sorted(e.id for e in _RECORDS.engagements)
    assert len(found) == len(_RECORDS.engagements)
    _assert_chronological(found)
    dates = [e.date for e in found]
    assert None in dates  # an undated engagement is checked to come last
    assert any(a == b for a, b in itertools.pairwise(dates) if a is not None)  # and a tie


def _statement_cases() -> Iterator[object]:
    """Yield (filters, expected ids) for every value of each statement filter, and all three."""
    for country in _RECORDS.countries:
        expected = {s.id for s in _RECORDS.statements if country.code in s.countries}
        yield pytest.param({"country": country.name}, expected, id=f"country={country.code}")
    for kind in bb.StatementKind:
        expected = {s.id for s in _RECORDS.statements if s.kind is kind}
        yield pytest.param({"kind": kind.value}, expected, id=f"kind={kind}")
    for topic in _RECORDS.topics:
        family = topic_family(_BOOK, topic.id)
        expected = {s.id for s in _RECORDS.statements if family & set(s.topics)}
        yield pytest.param({"topic": topic.label}, expected, id=f"topic={topic.id}")
    everything = {"country": "GE", "kind": "assessment", "topic": "natural-resources"}
    yield pytest.param(everything, {"central-asia-caucasus-natural-resources"}, id="all-three")


@pytest.mark.parametrize(("filters", "expected"), list(_statement_cases()))
def test_statements_filters(
    book: bb.Bluebook, filters: dict[str, object], expected: set[str]
) -> None:
    """Statement filters keep exactly the matching statements, in the order of the text."""
    found = book.statements(**filters)  # type: ignore[arg-type]
    assert _ids(found) == expected
    starts = [(min(span.start for span in s.evidence), s.id) for s in found]
    assert starts == sorted(starts)


@pytest.mark.parametrize("region", [*bb.Region, *(region.value for region in bb.Region)])
def test_countries_by_region(book: bb.Bluebook, region: bb.Region | str) -> None:
    """countries(region=...) takes the member or its value and keeps that region's countries."""
    found = book.countries(region=region)
    assert {c.code for c in found} == {c.code for c in _RECORDS.countries if c.region == region}
    assert [c.name for c in found] == sorted(c.name for c in found)


def test_listings_are_ordered(book: bb.Bluebook) -> None:
    """Countries go by region then name, people by family name, topics by id."""
    regions = list(bb.Region)
    countries = [(regions.index(c.region), c.name) for c in book.countries()]
    assert countries == sorted(countries)
    assert len(countries) == len(_RECORDS.countries)
    family_names = [p.family_name for p in book.people()]
    assert family_names == sorted(family_names)
    assert len(family_names) == len(_RECORDS.people)
    assert [t.id for t in book.topics()] == sorted(t.id for t in _RECORDS.topics)


@pytest.mark.parametrize(
    ("field", "records"),
    [
        ("country", _RECORDS.countries),
        ("person", _RECORDS.people),
        ("topic", _RECORDS.topics),
    ],
)
def test_filters_take_the_record_itself(
    book: bb.Bluebook, field: str, records: Sequence[bb.Country | bb.Person | bb.Topic]
) -> None:
    """Passing a record as a filter finds what its name or code finds."""
    for record in records:
        by_name = getattr(record, "code", None) or getattr(record, "id", "")
        assert book.engagements(**{field: record}) == book.engagements(**{field: by_name})  # type: ignore[arg-type]
        assert getattr(book, field)(record) == record


def test_year_takes_any_integer(book: bb.Bluebook) -> None:
    """A year may be any integer, not only an int; both the helper and the method take it."""
    assert bb.engagements(year=IntegerLike(2015)) == bb.engagements(year=2015)
    assert book.engagements(year=IntegerLike(2016)) == book.engagements(year=2016)
    assert bb.engagements(year=2015)  # the comparison above is not of two empty results


def test_year_takes_numpy_integers(book: bb.Bluebook) -> None:
    """A year read from a pandas column, a numpy integer, filters as the int would."""
    numpy = pytest.importorskip("numpy")
    for year in (numpy.int64(2015), numpy.int32(2015), numpy.uint16(2015)):
        assert bb.engagements(year=year) == book.engagements(year=year) == bb.engagements(year=2015)
    with pytest.raises(TypeError, match="year must be an int, not float64"):
        bb.engagements(year=numpy.float64(2015))
    with pytest.raises(TypeError, match="year must be an int, not bool"):
        bb.engagements(year=numpy.bool_(True))


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Summit Meeting", "summit_meeting"),
        ("SUMMIT-MEETING", "summit_meeting"),
        (" visit", "visit"),
    ],
)
def test_kind_values_are_forgiving(book: bb.Bluebook, spelling: str, canonical: str) -> None:
    """Kind values ignore case, and take spaces or hyphens for underscores."""
    assert book.engagements(kind=spelling) == book.engagements(kind=canonical)


def _containing(phrase: str) -> list[str]:
    return [s.id for s in sentences(_BOOK) if phrase.casefold() in s.text.casefold()]


@pytest.mark.parametrize(
    "pattern",
    [
        ".*",
        "Japan.*Russia",
        "[a-z]+",
        r"\w+",
        "^Given",
        "prosperity.$",
        "peace|treaty",
        "treat(y|ies)",
    ],
)
def test_search_is_literal(book: bb.Bluebook, pattern: str) -> None:
    """A regular expression that would match the text is taken literally, and finds nothing."""
    assert any(re.search(pattern, sentence.text) for sentence in book.sentences())
    assert book.search(pattern) == ()


def test_search_takes_regex_syntax_that_is_in_the_text(book: bb.Bluebook) -> None:
    """A bracket, an error as a regular expression, finds the sentences that contain one."""
    assert [s.id for s in book.search("(")] == _containing("(") != []


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("peace treaty", "peace treaty"),
        ("PEACE Treaty", "peace treaty"),
        ("  peace\n  treaty ", "peace treaty"),
        ("Japan's", "Japan’s"),
        ("JAPAN'S PROACTIVE", "Japan’s proactive"),
        ("Ministers' Meeting", "Ministers’ Meeting"),
        ("Central Asia", "Central Asia"),
        ("2015", "2015"),
    ],
)
def test_search_ignores_case_spacing_and_quote_style(
    book: bb.Bluebook, query: str, phrase: str
) -> None:
    """Search matches regardless of case, runs of white space, and straight or curly quotes."""
    expected = _containing(phrase)
    assert expected
    assert [s.id for s in book.search(query)] == expected


@pytest.mark.parametrize("sentence", sentences(_BOOK), ids=lambda sentence: sentence.id)
def test_search_finds_each_sentence_by_its_text(book: bb.Bluebook, sentence: bb.Sentence) -> None:
    """Each sentence is found by its own text, verbatim or in capitals with straight quotes."""
    assert sentence in book.search(sentence.text)
    assert sentence in book.search(sentence.text.upper().replace("’", "'"))


def test_module_functions_answer_from_the_loaded_edition(book: bb.Bluebook) -> None:
    """The module functions give what the methods of load() give."""
    assert bb.text() == book.text()
    assert bb.chapter() == book.chapter()
    assert bb.engagements(country="KZ") == book.engagements(country="KZ")
    assert bb.statements(kind="policy") == book.statements(kind="policy")
    assert bb.countries(region="caucasus") == book.countries(region="caucasus")
    assert (bb.people(), bb.topics()) == (book.people(), book.topics())
    assert bb.person("Abe") == book.person("Abe")
    assert bb.topic("oil") == book.topic("oil")
    assert bb.search("energy") == book.search("energy")
    first = book.engagements()[0]
    assert bb.engagement(first.id) == first


_LOOKUPS: list[tuple[Callable[[str], object], type[Exception]]] = [
    (bb.country, bb.UnknownCountryError),
    (bb.person, bb.UnknownPersonError),
    (bb.topic, bb.UnknownTopicError),
    (bb.engagement, bb.UnknownEngagementError),
    (bb.search, bb.InvalidFilterError),
    (lambda text: bb.engagements(kind=text), bb.InvalidFilterError),
    (lambda text: bb.engagements(status=text), bb.InvalidFilterError),
    (lambda text: bb.statements(kind=text), bb.InvalidFilterError),
    (lambda text: bb.countries(region=text), bb.InvalidFilterError),
    (lambda text: bb.engagements(country=text), bb.UnknownCountryError),
    (lambda text: bb.engagements(topic=text), bb.UnknownTopicError),
    (lambda text: bb.statements(topic=text), bb.UnknownTopicError),
    (lambda text: bb.engagements(person=text), bb.UnknownPersonError),
]


@given(text=st.text(), lookup=st.sampled_from(_LOOKUPS))
def test_any_text_gives_a_result_or_the_documented_error(
    text: str, lookup: tuple[Callable[[str], object], type[Exception]]
) -> None:
    """Whatever string a user passes, the answer is a result or the helper's own error."""
    call, error = lookup
    try:
        call(text)
    except error as raised:
        caught = raised
    else:
        return
    assert text in caught.args
    assert repr(text) in str(caught)


@given(
    value=st.one_of(st.integers(), st.floats(), st.binary(), st.lists(st.text()), st.booleans()),
    lookup=st.sampled_from([call for call, _ in _LOOKUPS]),
)
def test_any_non_string_is_a_type_error(value: object, lookup: Callable[[object], object]) -> None:
    """A value of the wrong type raises TypeError, never a lookup error or a wrong answer."""
    with pytest.raises(TypeError):
        lookup(value)
