"""Query results stay tuples to code and render as HTML tables in Jupyter."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest

import bluebook_data as bb
from bluebook_data._display import Results

_QUERIES: list[Callable[[], tuple[object, ...]]] = [
    lambda: bb.engagements(country="KZ"),
    lambda: bb.engagements(),
    lambda: bb.statements(kind="outcome"),
    lambda: bb.countries(),
    lambda: bb.countries(region="caucasus"),
    bb.people,
    bb.topics,
    lambda: bb.search("peace treaty"),
    lambda: bb.load().sentences(),
]


@pytest.mark.parametrize("query", _QUERIES)
def test_results_are_tuples_equal_to_the_plain_tuple(
    query: Callable[[], tuple[object, ...]],
) -> None:
    """A result is a Results, a tuple, equal to and hashing as the plain tuple of its records."""
    found = query()
    plain = tuple(found)
    assert isinstance(found, Results)
    assert isinstance(found, tuple)
    assert found == plain
    assert plain == found
    assert hash(found) == hash(plain)
    assert found[:1] == plain[:1]
    assert type(found[:1]) is tuple


@pytest.mark.parametrize("query", _QUERIES)
def test_results_render_every_record(query: Callable[[], tuple[object, ...]]) -> None:
    """The HTML table has a row per record, each naming the record's id where it has one."""
    found = query()
    page = found._repr_html_()  # type: ignore[attr-defined]
    assert page.count("<tr>") == len(found) + 1
    for record in found:
        assert str(getattr(record, "id", getattr(record, "code", ""))) in page


def test_results_are_immutable_and_pickle() -> None:
    """No attribute can be set on a result, and it survives pickling as an equal Results."""
    found = bb.engagements(country="KZ")
    with pytest.raises(AttributeError):
        found.extra = 1  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(found))
    assert copy == found
    assert type(copy) is Results


def test_an_empty_result_renders() -> None:
    """No records still gives a table, saying so."""
    assert "0 items" in Results(())._repr_html_()


@pytest.mark.parametrize(
    "record",
    [
        bb.engagement("2015-09-28-summit-new-york"),
        bb.statements()[0],
        bb.country("Japan"),
        bb.person("Putin"),
        bb.topic("peace-treaty"),
        bb.load().sentences()[0],
        bb.chapter(),
        bb.chapter().sections[0],
        bb.load(),
    ],
    ids=lambda record: type(record).__name__,
)
def test_records_render_as_html(record: object) -> None:
    """Each record class renders as a table captioned with its class name."""
    page = record._repr_html_()  # type: ignore[attr-defined]
    assert page.startswith("<table")
    assert f"<caption>{type(record).__name__}</caption>" in page
