"""PLOVER codes on the engagements, and the dyadic event rows built from them."""

from __future__ import annotations

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._tables.events import CAMEO_TO_PLOVER, PLOVER_TABLE_URL, containers, events

_CODED = [e for e in bb.engagements() if e.cameo is not None]


@pytest.mark.parametrize("engagement", bb.engagements(), ids=lambda e: e.id)
def test_plover_fields_follow_the_conversion_table(engagement: bb.Engagement) -> None:
    """An engagement's PLOVER event and mode are those its CAMEO code converts to."""
    if engagement.cameo is None:
        assert engagement.plover_event is engagement.plover_mode is None
    else:
        expected = CAMEO_TO_PLOVER[engagement.cameo]
        assert (engagement.plover_event, engagement.plover_mode) == expected


@pytest.mark.parametrize("engagement", _CODED, ids=lambda e: e.id)
def test_plover_fields_cite_the_conversion_table(engagement: bb.Engagement) -> None:
    """Every engagement given PLOVER codes names the conversion table among its references."""
    assert PLOVER_TABLE_URL in [reference.url for reference in engagement.references]


def test_summits_on_the_margins_are_third_party_meetings() -> None:
    """The New York and Antalya summits are CONSULT third-party, not multilateral."""
    for id_ in ("2015-09-28-summit-new-york", "2015-11-15-summit-antalya"):
        found = bb.engagement(id_)
        assert (found.plover_event, found.plover_mode) == ("CONSULT", "third-party")
        assert found.hosts == ()


@pytest.mark.parametrize("engagement", bb.engagements(), ids=lambda e: e.id)
def test_hosts_are_some_of_the_countries(engagement: bb.Engagement) -> None:
    """Hosts are among the countries, never all of them; a visit always has a host."""
    assert set(engagement.hosts) < set(engagement.countries) or not engagement.hosts
    if engagement.plover_mode == "visit":
        assert engagement.hosts


def test_a_visit_runs_from_the_visitor_to_each_host() -> None:
    """Rows of a visit have a visiting actor and a host recipient, once per host."""
    book = bb.load()
    for event in events(book):
        engagement = event.engagement
        if engagement.plover_mode == "visit":
            assert event.actor.code not in engagement.hosts
            assert event.recipient.code in engagement.hosts
    tour_id = "2015-10-22-abe-central-asia-tour"
    stops = [e for e in events(book) if e.engagement.part_of == tour_id]
    assert sorted(e.recipient.code for e in stops) == sorted(bb.engagement(tour_id).hosts)


def test_without_a_host_every_direction_is_a_row() -> None:
    """A meeting without a visit mode gives one row per ordered pair of its countries."""
    book = bb.load()
    for engagement in book.engagements():
        if engagement.plover_event is None or engagement.plover_mode == "visit":
            continue
        pairs = {
            (e.actor.code, e.recipient.code) for e in events(book) if e.engagement == engagement
        }
        codes = engagement.countries
        assert pairs == {(a, b) for a in codes for b in codes if a != b}


def test_event_rows_carry_both_iso_codes_and_the_source_sentence() -> None:
    """Each row's codes match its countries, its people come from them, its sentence reports it."""
    book = bb.load()
    sentences = {sentence.id: sentence for sentence in book.sentences()}
    rows = bb.to_records("events")
    assert len({row["event_id"] for row in rows}) == len(rows)
    for row in rows:
        actor, recipient = bb.country(row["actor_country"]), bb.country(row["recipient_country"])
        assert row["actor_country_alpha3"] == actor.alpha3
        assert row["recipient_country_alpha3"] == recipient.alpha3
        assert all(bb.person(p).country == actor.code for p in row["actor_people"])
        assert all(bb.person(p).country == recipient.code for p in row["recipient_people"])
        engagement = bb.engagement(row["engagement_id"])
        assert row["event_type"] == engagement.plover_event
        assert row["cameo_code"] == engagement.cameo
        sentence = sentences[row["sentence_id"]].span
        assert sentence.start <= engagement.evidence[0].start < sentence.end


def test_events_are_in_date_order() -> None:
    """Rows follow the engagements' chronological order."""
    order = [e.id for e in bb.engagements()]
    positions = [order.index(row["engagement_id"]) for row in bb.to_records("events")]
    assert positions == sorted(positions)


def test_every_event_row_is_dated_to_the_day() -> None:
    """No event row lacks a date, and each is dated to the day, as event datasets are."""
    rows = bb.to_records("events")
    assert rows
    for row in rows:
        assert row["date"] is not None, row["event_id"]
        assert row["date_precision"] == "day", row["event_id"]


def test_no_container_yields_rows_when_its_parts_are_coded() -> None:
    """A visit named in ``part_of`` by a coded engagement gives no event rows of its own."""
    named = {e.part_of for e in bb.engagements() if e.cameo is not None and e.part_of}
    assert named, "the data has visits with coded meetings"
    row_ids = {row["engagement_id"] for row in bb.to_records("events")}
    assert not named & row_ids
    parts = {e.id for e in bb.engagements() if e.part_of in named and e.cameo is not None}
    assert parts <= row_ids


def test_a_visit_with_no_coded_parts_keeps_its_rows() -> None:
    """Once its meetings lose their codes, a visit is no longer a container and has rows again."""
    book = bb.load()
    tour_id = "2015-10-22-abe-central-asia-tour"
    uncoded = tuple(
        attrs.evolve(e, cameo=None, plover_event=None, plover_mode=None)
        if e.part_of == tour_id
        else e
        for e in book.records.engagements
    )
    edited = attrs.evolve(book, records=attrs.evolve(book.records, engagements=uncoded))
    assert tour_id not in containers(edited)
    tour_rows = [e for e in events(edited) if e.engagement.id == tour_id]
    assert len(tour_rows) == len(bb.engagement(tour_id).hosts)


def test_a_planned_engagement_is_not_coded() -> None:
    """What has not happened yet has no CAMEO or PLOVER code, hence no event row."""
    planned = bb.engagements(status="planned")
    assert planned
    for engagement in planned:
        assert engagement.cameo is engagement.plover_event is None


def test_the_agreement_is_coded_where_it_was_made() -> None:
    """Each AGREE row has the date, place and leaders of the meeting the agreement was made at."""
    rows = [row for row in bb.to_records("events") if row["event_type"] == "AGREE"]
    assert rows
    antalya = bb.engagement("2015-11-15-summit-antalya")
    for row in rows:
        assert antalya.date is not None
        assert row["date"] == antalya.date.isoformat()
        assert row["location"] == antalya.location
        assert row["actor_people"]
        assert row["recipient_people"]
