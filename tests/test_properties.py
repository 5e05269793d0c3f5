"""Property-based tests: any value a user can pass gives a result or the documented error."""

from __future__ import annotations

import calendar
import enum
import functools
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._loading.loader import load_bluebook
from tests.helpers import IntegerLike

BOOK = bb.load()
RECORDS = BOOK.records


# Every code point, lone surrogates included: they reach Python from undecodable names and argv.
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())

#: Strings that break naive code: format specifiers, regex syntax, control characters, huge input.
NASTY_STRINGS = st.sampled_from(
    [
        "",
        " ",
        "\t\n\r",
        "\x00",
        "\ud800",
        "%s %d {0} {name} %(x)s",
        ".*",
        "(a+)+$",
        "[",
        "\\",
        "^Japan$",
        "Japan|Russia",
        "Jap.n",
        "\u202eaissuR",
        "Ｒｕｓｓｉａ",
        "R" * 10_000,
        "a" * 9_999 + "\u0301",
        "\u00a0Russia\u2003",
    ]
)


def _names_of_records() -> list[str]:
    names: list[str] = []
    for country in RECORDS.countries:
        names += [
            country.code,
            country.alpha3,
            country.name,
            country.official_name,
            *country.aliases,
        ]
    for person in RECORDS.people:
        names += [person.id, person.name, person.family_name]
    for topic in RECORDS.topics:
        names += [topic.id, topic.label]
    names += [engagement.id for engagement in RECORDS.engagements]
    for enum_type in (bb.EngagementKind, bb.Status, bb.StatementKind, bb.Region):
        names += [member.value for member in enum_type]
    return names


KNOWN_NAMES = st.sampled_from(_names_of_records())


@st.composite
def _mangled(draw: st.DrawFn) -> str:
    """Draw a known name, mistyped: case, spaces, a dropped or doubled letter."""
    name = draw(KNOWN_NAMES)
    change = draw(st.sampled_from(["upper", "lower", "spaces", "drop", "double", "none"]))
    if change == "upper":
        return name.upper()
    if change == "lower":
        return name.lower()
    if change == "spaces":
        return f"  {' '.join(name)}  "
    if change in ("drop", "double") and name:
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + name[at + 1 :] if change == "drop" else name[:at] + name[at] + name[at:]
    return name


USER_STRINGS = st.one_of(
    st.text(ANY_CHARACTER, max_size=60), NASTY_STRINGS, KNOWN_NAMES, _mangled()
)
OTHER_OBJECTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
    st.builds(IntegerLike, st.integers()),
    st.just(bb.EngagementKind.VISIT),
    st.just(bb.StatementKind.POLICY),
    st.just(bb.Status.PLANNED),
    st.just(bb.Region.CAUCASUS),
    st.sampled_from((*RECORDS.countries, *RECORDS.people, *RECORDS.topics)),
)
ANY_VALUE = st.one_of(USER_STRINGS, OTHER_OBJECTS)

# The deadline is no speed target (the benchmark measures speed); it turns a hang, such as
# catastrophic backtracking on a crafted phrase, into a failure instead of a stuck suite.
PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as error:  # the test compares the exception's type to the documented one
        return error


def _expect(outcome: object, result_type: type, *errors: type[BaseException]) -> None:
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, errors), f"undocumented {type(outcome).__name__}: {outcome}"
        assert str(outcome), "an error must say what was wrong"
    elif result_type is tuple:
        assert type(outcome) is tuple or isinstance(outcome, tuple)
    else:
        assert isinstance(outcome, result_type)


def _is_name(value: object, record_type: type) -> bool:
    return isinstance(value, str | record_type)


@PROPERTY_SETTINGS
@given(value=ANY_VALUE)
@pytest.mark.parametrize(
    ("lookup", "record_type", "unknown"),
    [
        (bb.country, bb.Country, bb.UnknownCountryError),
        (bb.person, bb.Person, bb.UnknownPersonError),
        (bb.topic, bb.Topic, bb.UnknownTopicError),
    ],
)
def test_lookups_answer_or_raise_the_documented_error(
    lookup: Callable[[Any], object], record_type: type, unknown: type[Exception], value: object
) -> None:
    """A lookup gives a record, its Unknown...Error for a string, or TypeError otherwise."""
    outcome = _outcome(lambda: lookup(value))
    if _is_name(value, record_type):
        _expect(outcome, record_type, unknown)
        if isinstance(outcome, unknown):
            assert outcome.query == value  # type: ignore[attr-defined]
    else:
        _expect(outcome, record_type, TypeError)
        assert isinstance(outcome, TypeError)


@PROPERTY_SETTINGS
@given(value=ANY_VALUE)
def test_engagement_by_id_answers_or_raises(value: object) -> None:
    """``engagement`` returns the record whose id is exactly the string, or a documented error."""
    outcome = _outcome(lambda: bb.engagement(value))  # type: ignore[arg-type]
    if isinstance(value, str):
        _expect(outcome, bb.Engagement, bb.UnknownEngagementError)
        if isinstance(outcome, bb.Engagement):
            assert outcome.id == value
    else:
        assert isinstance(outcome, TypeError)


def _enum_filter_errors(value: object, enum_type: type[enum.Enum]) -> tuple[type[Exception], ...]:
    if value is None or isinstance(value, enum_type):
        return ()
    return (bb.InvalidFilterError,) if isinstance(value, str) else (TypeError,)


def _name_filter_errors(
    value: object, record_type: type, unknown: type[Exception]
) -> tuple[type[Exception], ...]:
    if value is None:
        return ()
    return (unknown,) if _is_name(value, record_type) else (TypeError,)


ENGAGEMENT_FILTERS: dict[str, Callable[[object], tuple[type[Exception], ...]]] = {
    "country": lambda v: _name_filter_errors(v, bb.Country, bb.UnknownCountryError),
    "topic": lambda v: _name_filter_errors(v, bb.Topic, bb.UnknownTopicError),
    "person": lambda v: _name_filter_errors(v, bb.Person, bb.UnknownPersonError),
    "kind": lambda v: _enum_filter_errors(v, bb.EngagementKind),
    "status": lambda v: _enum_filter_errors(v, bb.Status),
    "year": lambda v: (
        ()
        if v is None or (hasattr(type(v), "__index__") and not isinstance(v, bool))
        else (TypeError,)
    ),
}


STATEMENT_FILTERS: dict[str, Callable[[object], tuple[type[Exception], ...]]] = {
    "country": ENGAGEMENT_FILTERS["country"],
    "topic": ENGAGEMENT_FILTERS["topic"],
    "kind": lambda v: _enum_filter_errors(v, bb.StatementKind),
}

#: (the helper, the record type it returns, what each of its filters may raise)
FILTERED_HELPERS = [
    (bb.engagements, bb.Engagement, ENGAGEMENT_FILTERS),
    (bb.statements, bb.Statement, STATEMENT_FILTERS),
]


@PROPERTY_SETTINGS
@given(data=st.data(), value=ANY_VALUE)
@pytest.mark.parametrize(("helper", "record_type", "filters"), FILTERED_HELPERS)
def test_filters_answer_or_raise_the_documented_error(
    helper: Callable[..., tuple[object, ...]],
    record_type: type,
    filters: dict[str, Callable[[object], tuple[type[Exception], ...]]],
    data: st.DataObject,
    value: object,
) -> None:
    """Each filter gives a tuple of its records or exactly its documented error."""
    field = data.draw(st.sampled_from(sorted(filters)))
    allowed = filters[field](value)
    outcome = _outcome(lambda: helper(**{field: value}))
    if isinstance(outcome, BaseException):
        assert allowed, f"{field}={value!r}: {outcome!r}"
        assert isinstance(outcome, allowed), f"{field}={value!r}: {outcome!r}"
    else:
        assert isinstance(outcome, tuple)
        assert all(isinstance(record, record_type) for record in outcome)


@PROPERTY_SETTINGS
@given(value=ANY_VALUE)
def test_countries_by_region_answer_or_raise(value: object) -> None:
    """``countries(region=...)`` gives that region's countries or the documented error."""
    allowed = _enum_filter_errors(value, bb.Region)
    outcome = _outcome(lambda: bb.countries(region=value))  # type: ignore[arg-type]
    if isinstance(outcome, BaseException):
        assert allowed
        assert isinstance(outcome, allowed)
    else:
        assert isinstance(outcome, tuple)
        assert len({c.region for c in outcome}) == (1 if value is not None else len(bb.Region))


@PROPERTY_SETTINGS
@given(value=ANY_VALUE)
def test_search_answers_or_raises(value: object) -> None:
    """``search`` gives sentences, InvalidFilterError for a blank phrase, else TypeError."""
    outcome = _outcome(lambda: bb.search(value))  # type: ignore[arg-type]
    if not isinstance(value, str):
        assert isinstance(outcome, TypeError)
    elif not value.split():
        assert isinstance(outcome, bb.InvalidFilterError)
    else:
        _expect(outcome, tuple, bb.InvalidFilterError)
        if isinstance(outcome, tuple):

            def plain(text: str) -> str:
                return " ".join(text.replace("’", "'").casefold().split())

            assert all(plain(value) in plain(s.text) for s in outcome)


@st.composite
def _phrases_from_the_text(draw: st.DrawFn) -> tuple[bb.Sentence, str]:
    sentence = draw(st.sampled_from(BOOK.sentences()))
    start = draw(st.integers(0, len(sentence.text) - 1))
    end = draw(st.integers(start + 1, len(sentence.text)))
    return sentence, sentence.text[start:end]


@PROPERTY_SETTINGS
@given(found=_phrases_from_the_text(), upper=st.booleans())
def test_search_finds_every_phrase_of_the_text(found: tuple[bb.Sentence, str], upper: bool) -> None:
    """Any stretch of a sentence, in any case, finds that sentence: phrases are literal."""
    sentence, phrase = found
    if not phrase.strip():
        return
    assert sentence in bb.search(phrase.upper() if upper else phrase)


def _topic_family(topic_id: str) -> set[str]:
    family = {topic_id}
    while True:
        more = {t.id for t in RECORDS.topics if t.parent in family} - family
        if not more:
            return family
        family |= more


def _scan(filters: dict[str, object]) -> tuple[bb.Engagement, ...]:
    """The reference answer: a plain scan over the records, independent of the indexes."""
    found = list(RECORDS.engagements)
    if "country" in filters:
        code = BOOK.country(filters["country"]).code  # type: ignore[arg-type]
        found = [e for e in found if code in e.countries]
    if "kind" in filters:
        found = [e for e in found if e.kind.value == filters["kind"]]
    if "year" in filters:
        found = [e for e in found if e.date is not None and e.date.year == filters["year"]]
    if "topic" in filters:
        family = _topic_family(BOOK.topic(filters["topic"]).id)  # type: ignore[arg-type]
        found = [e for e in found if family & set(e.topics)]
    if "person" in filters:
        person_id = BOOK.person(filters["person"]).id  # type: ignore[arg-type]
        found = [e for e in found if person_id in e.participants]
    if "status" in filters:
        found = [e for e in found if e.status.value == filters["status"]]
    # PartialDate's own ordering, not the index's sort key: an independent check of the order.
    dated = sorted((e for e in found if e.date is not None), key=lambda e: (e.date, e.id))
    undated = sorted((e for e in found if e.date is None), key=lambda e: e.id)
    return tuple(dated + undated)


VALID_FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "country": st.sampled_from(
            [c.code for c in RECORDS.countries] + ["Russia", "kyrgyz republic"]
        ),
        "kind": st.sampled_from([k.value for k in bb.EngagementKind]),
        "year": st.sampled_from([2014, 2015, 2016]),
        "topic": st.sampled_from([t.id for t in RECORDS.topics]),
        "person": st.sampled_from([p.id for p in RECORDS.people] + ["Putin"]),
        "status": st.sampled_from([s.value for s in bb.Status]),
    },
)


@PROPERTY_SETTINGS
@given(filters=VALID_FILTERS)
def test_indexed_filters_agree_with_a_plain_scan(filters: dict[str, object]) -> None:
    """Any combination of valid filters gives what a scan of all records gives, in order."""
    assert bb.engagements(**filters) == _scan(filters)  # type: ignore[arg-type]


CALLS: list[tuple[str, Callable[[bb.Bluebook, object], object]]] = [
    ("country", lambda book, v: book.country(v)),  # type: ignore[arg-type]
    ("person", lambda book, v: book.person(v)),  # type: ignore[arg-type]
    ("topic", lambda book, v: book.topic(v)),  # type: ignore[arg-type]
    ("engagements-country", lambda book, v: book.engagements(country=v)),  # type: ignore[arg-type]
    ("engagements-kind", lambda book, v: book.engagements(kind=v)),  # type: ignore[arg-type]
    ("statements-topic", lambda book, v: book.statements(topic=v)),  # type: ignore[arg-type]
    ("search", lambda book, v: book.search(v)),  # type: ignore[arg-type]
]


def _comparable(outcome: object) -> object:
    if isinstance(outcome, BaseException):
        return (type(outcome), outcome.args)
    return outcome


@settings(max_examples=40, deadline=None)
@given(calls=st.lists(st.tuples(st.sampled_from(range(len(CALLS))), USER_STRINGS), max_size=10))
def test_results_do_not_depend_on_earlier_calls(calls: list[tuple[int, str]]) -> None:
    """A sequence of calls on the shared cached edition answers as a fresh edition answers each."""
    for position, value in calls:
        name, call = CALLS[position]
        shared = _comparable(_outcome(functools.partial(call, bb.load(), value)))
        fresh = _comparable(_outcome(functools.partial(call, load_bluebook(), value)))
        assert shared == fresh, name


#: The ISO forms PartialDate.parse reads, as a pattern: the reference its string checks must match.
ISO_FORM = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
DATE_LIKE = st.text(alphabet="0123456789-/T ２٣", max_size=12) | st.from_regex(
    r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True
)


def _is_real_date(year: int, month: int | None = None, day: int | None = None) -> bool:
    # Leap years repeat every 400 years, and calendar only counts years from 1, as dates do.
    if year < 1:
        return False
    if month is None or not 1 <= month <= 12:
        return month is None
    return day is None or 1 <= day <= calendar.monthrange(2000 + year % 400, month)[1]


@PROPERTY_SETTINGS
@given(text=DATE_LIKE | ANY_CHARACTER)
def test_partial_date_parses_exactly_the_iso_forms(text: str) -> None:
    """parse() takes a string of an ISO form if its date is real, and refuses every other string."""
    form = ISO_FORM.fullmatch(text)
    if form is None:
        with pytest.raises(ValueError, match=r"^expected YYYY, YYYY-MM or YYYY-MM-DD"):
            bb.PartialDate.parse(text)
    elif _is_real_date(*map(int, text.split("-"))):
        assert bb.PartialDate.parse(text).isoformat() == text
    else:
        with pytest.raises(ValueError, match=r"^(year|month|day) must be"):
            bb.PartialDate.parse(text)
