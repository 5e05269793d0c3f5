"""The loaded edition, and what the query helpers have answered from it.

:mod:`bluebook_data._load` sets :data:`edition`. The query helpers read it, and keep their answers
in the memos below, by the arguments as given: programs ask the same few questions inside loops,
and a question asked again is then one dict look-up. Only answers are kept, never errors, so a bad
argument raises every time it is given.

This is a module of its own so that the helpers reach all of it without importing the loader,
which brings cattrs and importlib-resources, and without a call, which would cost as much as the
look-up.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Final, TypeVar

if TYPE_CHECKING:
    from bluebook_data.model import Bluebook, Country, Engagement, Person, Statement, Topic

__all__ = [
    "MEMO_SIZE",
    "countries_asked",
    "edition",
    "engagements_asked",
    "forget",
    "people_asked",
    "remember",
    "statements_asked",
    "topics_asked",
]

_Answer = TypeVar("_Answer")

#: How many answers a memo keeps: far more distinct questions than the data can answer.
MEMO_SIZE: Final = 1024

#: The loaded edition, or None before the first load and after :func:`forget`.
edition: Bluebook | None = None

#: The answers of the helpers of the same names, by their arguments as given.
engagements_asked: Final[dict[Hashable, tuple[Engagement, ...]]] = {}
statements_asked: Final[dict[Hashable, tuple[Statement, ...]]] = {}
countries_asked: Final[dict[Hashable, Country]] = {}
people_asked: Final[dict[Hashable, Person]] = {}
topics_asked: Final[dict[Hashable, Topic]] = {}


def remember(memo: dict[Hashable, _Answer], key: Hashable, answer: _Answer) -> _Answer:
    """Keep ``answer`` under ``key`` in a memo of at most :data:`MEMO_SIZE` answers; return it.

    A full memo is emptied rather than trimmed: simpler, safe between threads, and only a program
    asking over a thousand distinct questions ever fills one.
    """
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = answer
    return answer


def forget() -> None:
    """Drop the edition, then every answer from it.

    A helper answering from the old edition while this runs may still leave one answer from it;
    that answer equals the new edition's, since both are read from the same shipped files.
    """
    global edition
    edition = None
    for memo in (engagements_asked, statements_asked, countries_asked, people_asked, topics_asked):
        memo.clear()
