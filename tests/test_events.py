"""PLOVER codes on the engagements, and the dyadic event rows built from them."""

from __future__ import annotations

import pytest

import bluebook_data as bb
from bluebook_data._exports.events import CAMEO_TO_PLOVER, PLOVER_TABLE_URL, events

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
    tour = [e for e in events(book) if e.engagement.id == "2015-10-22-abe-central-asia-tour"]
    assert sorted(e.recipient.code for e in tour) == sorted(
        bb.engagement("2015-10-22-abe-central-asia-tour").hosts
    )


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
