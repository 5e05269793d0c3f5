"""Cross-record checks, called directly on records changed with attrs.evolve."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._loading.validate import problems
from tests.editions import TEXT


def _with_topics(book: bb.Bluebook, parents: dict[str, str | None]) -> bb.Records:
    """Return the shipped records with new topics, each given as id -> parent id."""
    topics = tuple(bb.Topic(id=id_, label=id_, parent=parent) for id_, parent in parents.items())
    return attrs.evolve(book.records, topics=(*book.records.topics, *topics))


def test_shipped_records_fit_the_text(book: bb.Bluebook) -> None:
    """The shipped records have no problem at all."""
    assert problems(book.records, book.text()) == []


def test_a_parent_cycle_is_blamed_on_its_members_only(book: bb.Bluebook) -> None:
    """In a -> b -> a with c -> a, the cycle is reported at a and b, not at c which leads to it."""
    records = _with_topics(book, {"cycle-a": "cycle-b", "cycle-b": "cycle-a", "cycle-c": "cycle-a"})
    found = problems(records, book.text())
    first = len(book.records.topics)
    assert found == [
        f"topic 'cycle-a' is its own ancestor @ $.records.topics[{first}].parent",
        f"topic 'cycle-b' is its own ancestor @ $.records.topics[{first + 1}].parent",
    ]


def test_a_topic_that_is_its_own_parent(book: bb.Bluebook) -> None:
    """A topic naming itself as parent is a cycle of one."""
    found = problems(_with_topics(book, {"selfish": "selfish"}), book.text())
    assert found == [
        f"topic 'selfish' is its own ancestor @ $.records.topics[{len(book.records.topics)}].parent"
    ]


def test_a_long_chain_is_not_a_cycle(book: bb.Bluebook) -> None:
    """Deep but finite nesting is fine."""
    chain = {f"level-{n}": (f"level-{n - 1}" if n else None) for n in range(50)}
    assert problems(_with_topics(book, chain), book.text()) == []


def test_part_of_must_not_name_itself(book: bb.Bluebook) -> None:
    """A visit cannot be part of itself."""
    engagements = book.records.engagements
    i, visit = next((i, e) for i, e in enumerate(engagements) if e.kind is bb.EngagementKind.VISIT)
    changed = (*engagements[:i], attrs.evolve(visit, part_of=visit.id), *engagements[i + 1 :])
    records = attrs.evolve(book.records, engagements=changed)
    assert problems(records, book.text()) == [
        f"part_of must name another engagement that is a visit @ $.records.engagements[{i}].part_of"
    ]


# Records of the tests' own edition, built here, so that each test below changes one thing and
# states the whole list of problems that change makes, message for message.

_SOURCE = "https://example.org/harbour-notes"


def _span(exact: str) -> bb.Span:
    start = TEXT.index(exact)
    return bb.Span(start=start, end=start + len(exact), text=exact)


def _country(code: str, alpha3: str, name: str) -> bb.Country:
    return bb.Country(
        code=code,
        alpha3=alpha3,
        numeric="000",
        name=name,
        official_name=name,
        region=bb.Region.RUSSIA,
        evidence=(_span(name),),
    )


def _person(id_: str, country: str = "JP") -> bb.Person:
    return bb.Person(
        id=id_,
        name="Mr. Sato",
        family_name="Sato",
        office="Envoy",
        country=country,
        evidence=(_span("Mr. Sato"),),
    )


def _engagement(id_: str, **changes: Any) -> bb.Engagement:
    fields: dict[str, Any] = {
        "id": id_,
        "kind": bb.EngagementKind.VISIT,
        "title": "A visit",
        "date": bb.PartialDate(2031, 5),
        "countries": ("JP", "RU"),
        "evidence": (_span("met in a harbour town"),),
    }
    return bb.Engagement(**(fields | changes))


def _statement(id_: str, **changes: Any) -> bb.Statement:
    fields: dict[str, Any] = {
        "id": id_,
        "kind": bb.StatementKind.POLICY,
        "summary": "Talks go on.",
        "countries": ("JP",),
        "topics": ("fisheries",),
        "engagements": ("visit",),
        "evidence": (_span("Japan will keep talking about fisheries."),),
    }
    return bb.Statement(**(fields | changes))


def _records(**changes: tuple[Any, ...]) -> bb.Records:
    """Return sound records of the tests' edition, with the collections given put in place."""
    fields: dict[str, tuple[Any, ...]] = {
        "countries": (
            _country("JP", "JPN", "Japan"),
            _country("RU", "RUS", "Russia"),
            _country("KZ", "KAZ", "Kazakhstan"),
        ),
        "people": (_person("sato"),),
        "topics": (bb.Topic(id="fisheries", label="Fisheries", evidence=(_span("fisheries"),)),),
        "engagements": (_engagement("visit"),),
        "statements": (_statement("talks"),),
    }
    return bb.Records(**(fields | changes))


def test_the_records_built_here_are_sound() -> None:
    """The records every test below changes have no problem of their own."""
    assert problems(_records(), TEXT) == []


_JP, _RU, _KZ = _records().countries


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"countries": (_JP, _RU, _KZ, attrs.evolve(_KZ, alpha3="KZX"))},
            ["duplicate code 'KZ' @ $.records.countries[3].code"],
            id="country-code",
        ),
        pytest.param(
            {"countries": (_JP, attrs.evolve(_JP, code="JX"), _RU, _KZ)},
            ["duplicate alpha3 'JPN' @ $.records.countries[1].alpha3"],
            id="country-alpha3",
        ),
        pytest.param(
            {"people": (_person("sato"), _person("kato"), _person("sato"))},
            ["duplicate id 'sato' @ $.records.people[2].id"],
            id="person",
        ),
        pytest.param(
            {
                "topics": (
                    bb.Topic(id="fisheries", label="Fisheries"),
                    bb.Topic(id="ferries", label="Ferries"),
                    bb.Topic(id="ferries", label="Ferries again"),
                )
            },
            ["duplicate id 'ferries' @ $.records.topics[2].id"],
            id="topic",
        ),
        pytest.param(
            {"engagements": (_engagement("visit"), _engagement("visit"), _engagement("visit"))},
            [
                "duplicate id 'visit' @ $.records.engagements[1].id",
                "duplicate id 'visit' @ $.records.engagements[2].id",
            ],
            id="engagement",
        ),
        pytest.param(
            {"statements": (_statement("talks"), _statement("talks"))},
            ["duplicate id 'talks' @ $.records.statements[1].id"],
            id="statement",
        ),
    ],
)
def test_a_duplicate_id_is_named_where_it_comes_again(
    changes: dict[str, tuple[Any, ...]], expected: list[str]
) -> None:
    """Each id or code used twice is named at each later use, the first being the one kept."""
    assert problems(_records(**changes), TEXT) == expected


def _cited(kind: str, *evidence: bb.Span) -> bb.Records:
    """Return the records with the first record of ``kind`` citing ``evidence``."""
    first, *rest = getattr(_records(), kind)
    return _records(**{kind: (attrs.evolve(first, evidence=evidence), *rest)})


_KINDS = ["countries", "people", "topics", "engagements", "statements"]


@pytest.mark.parametrize("kind", _KINDS)
def test_a_span_that_misquotes_the_text_says_what_the_text_reads(kind: str) -> None:
    """A wrong quote after a right one is named with both readings, in any kind of record."""
    start = TEXT.index("ferry")
    wrong = bb.Span(start=start, end=start + 5, text="fairy")
    found = problems(_cited(kind, _span("Russia"), wrong), TEXT)
    assert found == [
        f"span {start}..{start + 5} quotes 'fairy' but the text there reads 'ferry'"
        f" @ $.records.{kind}[0].evidence[1]"
    ]


@pytest.mark.parametrize("kind", _KINDS)
def test_a_span_past_the_end_of_the_text_says_so(kind: str) -> None:
    """A span that ends beyond the text is named as such, not as a misquote."""
    end = len(TEXT) + 3
    beyond = bb.Span(start=end - 8, end=end, text="eries.!!")
    assert problems(_cited(kind, beyond), TEXT) == [
        f"span {end - 8}..{end} runs past the text's end @ $.records.{kind}[0].evidence[0]"
    ]


def test_a_misquote_at_the_very_end_of_the_text_is_a_misquote() -> None:
    """A span ending on the text's last character is inside the text: its reading is shown."""
    end = len(TEXT)
    last = bb.Span(start=end - 6, end=end, text="Kazakh")
    assert problems(_cited("topics", last), TEXT) == [
        f"span {end - 6}..{end} quotes 'Kazakh' but the text there reads 'hstan.'"
        " @ $.records.topics[0].evidence[0]"
    ]


def test_a_topic_under_an_unknown_parent() -> None:
    """A parent that is no topic's id is named at the child's parent field."""
    topics = (*_records().topics, bb.Topic(id="ferries", label="Ferries", parent="ships"))
    assert problems(_records(topics=topics), TEXT) == [
        "unknown topic 'ships' @ $.records.topics[1].parent"
    ]


def test_a_person_of_an_unknown_country() -> None:
    """A person's country must be one of the countries."""
    people = (_person("sato"), _person("kato", country="XX"))
    assert problems(_records(people=people), TEXT) == [
        "unknown country 'XX' @ $.records.people[1].country"
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"countries": ("JP", "XX", "YY")},
            [
                "unknown country 'XX' @ $.records.engagements[0].countries[1]",
                "unknown country 'YY' @ $.records.engagements[0].countries[2]",
            ],
            id="country",
        ),
        pytest.param(
            {"hosts": ("RU", "KZ")},
            ["unknown host country 'KZ' @ $.records.engagements[0].hosts[1]"],
            id="host-not-taking-part",
        ),
        pytest.param(
            {"participants": ("sato", "kato")},
            ["unknown person 'kato' @ $.records.engagements[0].participants[1]"],
            id="participant",
        ),
        pytest.param(
            {"topics": ("fisheries", "ships")},
            ["unknown topic 'ships' @ $.records.engagements[0].topics[1]"],
            id="topic",
        ),
    ],
)
def test_an_engagement_naming_an_unknown_record(
    changes: dict[str, Any], expected: list[str]
) -> None:
    """Each unknown value is named at its own position in the engagement's list."""
    engagements = (_engagement("visit", **changes),)
    assert problems(_records(engagements=engagements), TEXT) == expected


def test_an_engagement_hosted_by_a_country_taking_part_is_sound() -> None:
    """Hosts drawn from the engagement's own countries are fine."""
    engagements = (_engagement("visit", hosts=("RU",), participants=("sato",)),)
    assert problems(_records(engagements=engagements), TEXT) == []


@pytest.mark.parametrize(
    ("part_of", "parent_kind", "expected"),
    [
        ("visit", bb.EngagementKind.VISIT, []),
        ("tour", bb.EngagementKind.VISIT, ["unknown engagement 'tour'"]),
        (
            "visit",
            bb.EngagementKind.SUMMIT_MEETING,
            ["part_of must name another engagement that is a visit"],
        ),
    ],
)
def test_part_of_names_a_visit(
    part_of: str, parent_kind: bb.EngagementKind, expected: list[str]
) -> None:
    """An engagement may be part of a visit, and of nothing else."""
    engagements = (
        _engagement("visit", kind=parent_kind),
        _engagement("talks", kind=bb.EngagementKind.SUMMIT_MEETING, part_of=part_of),
    )
    found = problems(_records(engagements=engagements), TEXT)
    assert found == [f"{problem} @ $.records.engagements[1].part_of" for problem in expected]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"countries": ("JP", "XX")},
            ["unknown country 'XX' @ $.records.statements[0].countries[1]"],
            id="country",
        ),
        pytest.param(
            {"topics": ("fisheries", "ships")},
            ["unknown topic 'ships' @ $.records.statements[0].topics[1]"],
            id="topic",
        ),
        pytest.param(
            {"engagements": ("visit", "tour")},
            ["unknown engagement 'tour' @ $.records.statements[0].engagements[1]"],
            id="engagement",
        ),
    ],
)
def test_a_statement_naming_an_unknown_record(changes: dict[str, Any], expected: list[str]) -> None:
    """Each unknown value is named at its own position in the statement's list."""
    statements = (_statement("talks", **changes),)
    assert problems(_records(statements=statements), TEXT) == expected


def test_engagements_and_statements_need_evidence() -> None:
    """A record with nothing quoted from the text is named at its evidence field."""
    records = _records(
        engagements=(_engagement("visit"), _engagement("talks", evidence=())),
        statements=(_statement("talks"), _statement("more", evidence=())),
    )
    assert problems(records, TEXT) == [
        "an engagement needs evidence from the text @ $.records.engagements[1].evidence",
        "a statement needs evidence from the text @ $.records.statements[1].evidence",
    ]


@pytest.mark.parametrize(
    ("date", "end_date", "sound"),
    [
        (bb.PartialDate(2031, 5), bb.PartialDate(2031, 5), True),
        (bb.PartialDate(2031, 5), bb.PartialDate(2031, 6), True),
        (bb.PartialDate(2031, 5), bb.PartialDate(2031, 4), False),
        (None, bb.PartialDate(2031, 4), False),
        (None, None, True),
    ],
)
def test_end_date_follows_date(
    date: bb.PartialDate | None, end_date: bb.PartialDate | None, sound: bool
) -> None:
    """An end date may equal or follow the date, never precede it or stand without it."""
    engagements = (_engagement("visit", date=date, end_date=end_date),)
    expected = [] if sound else ["end_date must follow date @ $.records.engagements[0].end_date"]
    assert problems(_records(engagements=engagements), TEXT) == expected


def test_every_kind_of_problem_is_reported_in_one_run() -> None:
    """Ids, quotes, topics, references and evidence are all checked, in that order."""
    misquote = bb.Span(start=0, end=7, text="Harbor ")
    records = _records(
        countries=(*_records().countries, attrs.evolve(_KZ, alpha3="KZX")),
        topics=(bb.Topic(id="fisheries", label="F", parent="ships", evidence=(misquote,)),),
        engagements=(_engagement("visit", hosts=("KZ",), evidence=()),),
    )
    assert problems(records, TEXT) == [
        "duplicate code 'KZ' @ $.records.countries[3].code",
        "span 0..7 quotes 'Harbor ' but the text there reads 'Harbour'"
        " @ $.records.topics[0].evidence[0]",
        "unknown topic 'ships' @ $.records.topics[0].parent",
        "unknown host country 'KZ' @ $.records.engagements[0].hosts[0]",
        "an engagement needs evidence from the text @ $.records.engagements[0].evidence",
    ]
