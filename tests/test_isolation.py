"""What one caller receives can be neither changed nor seen changing by another."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._loading import loader

BOOK = bb.load()


def _records() -> Iterator[object]:
    records = BOOK.records
    yield from records.countries
    yield from records.people
    yield from records.topics
    yield from records.engagements
    yield from records.statements
    yield from BOOK.sentences()
    yield BOOK.chapter()
    yield BOOK


ERRORS: list[BaseException] = [
    bb.UnknownCountryError("Rusia", ("Russia",)),
    bb.UnknownPersonError("Putn", ("Vladimir Putin",)),
    bb.UnknownTopicError("enrgy", ()),
    bb.UnknownEngagementError("x", ("y", "z")),
    bb.InvalidFilterError("kind", "summit", ("summit_meeting", "visit")),
    bb.InvalidFilterError("query", " ", hint="expected a phrase"),
    bb.DataError("annotations.json", ("required field missing @ $.records.engagements[3].id",)),
]


@pytest.mark.parametrize("record", list(_records()), ids=lambda r: type(r).__name__)
def test_records_survive_pickle_and_deepcopy_unchanged(record: object) -> None:
    """A record comes back from pickle and deepcopy equal, with an equal hash."""
    for clone in (pickle.loads(pickle.dumps(record)), copy.deepcopy(record)):
        assert clone == record
        assert hash(clone) == hash(record)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_survive_pickle_and_deepcopy_unchanged(error: BaseException) -> None:
    """An error keeps its type, message and attributes through pickle and deepcopy."""
    for clone in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        assert type(clone) is type(error)
        assert str(clone) == str(error)
        assert vars(clone) == vars(error)


def test_a_caller_cannot_change_what_another_receives() -> None:
    """Results are tuples of frozen records: edits fail, and nothing leaks to other callers."""
    first = bb.engagements(country="Russia")
    with pytest.raises(TypeError):
        first[0] = first[1]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first[0].title = "edited"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        first[0].countries.append("US")  # type: ignore[attr-defined]
    mine = list(first)
    mine.reverse()
    assert bb.engagements(country="Russia") == first
    assert bb.engagements(country="Russia")[0].title != "edited"


def test_a_changed_copy_is_a_new_record_and_the_original_stays() -> None:
    """``attrs.evolve`` gives the caller a new record; the shared one is untouched."""
    original = bb.engagement("2015-09-28-summit-new-york")
    changed = attrs.evolve(original, title="mine")
    assert changed.title == "mine"
    assert bb.engagement("2015-09-28-summit-new-york") == original
    assert bb.engagement("2015-09-28-summit-new-york").title != "mine"


def test_a_failed_load_is_not_cached_and_the_next_call_retries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When loading fails, nothing is kept: the next call loads again and succeeds."""
    calls: list[int] = []
    real = loader.load_bluebook

    def fails_once() -> bb.Bluebook:
        calls.append(1)
        if len(calls) == 1:
            raise bb.DataError("annotations.json", ("injected @ $",))
        return real()

    monkeypatch.setattr(loader, "load_bluebook", fails_once)
    loader.clear_cache()
    with pytest.raises(bb.DataError, match="injected"):
        bb.load()
    book = bb.load()
    assert len(calls) == 2
    assert book == BOOK
    assert bb.load() is book
