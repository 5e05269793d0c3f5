"""The listing subcommands: engagements, statements, countries, people, topics, search."""

from __future__ import annotations

import argparse

from bluebook_data._display.terminal import TextTable
from bluebook_data.cli.common import date_text, edition, listing

__all__ = ["countries", "engagements", "people", "search", "statements", "topics"]


def engagements(args: argparse.Namespace) -> str | TextTable:
    """List the engagements that match every filter given."""
    found = edition(args).engagements(
        country=args.country,
        kind=args.kind,
        year=args.year,
        topic=args.topic,
        person=args.person,
        status=args.status,
    )
    return listing(
        args,
        "engagements",
        found,
        lambda e: [
            date_text(e.date),
            e.status.value,
            e.kind.value,
            ",".join(e.countries),
            e.id,
            e.title,
        ],
        ["date", "status", "kind", "countries", "id", "title"],
        text_column="title",
        optional=["status", "kind", "countries"],
    )


def statements(args: argparse.Namespace) -> str | TextTable:
    """List the statements that match every filter given."""
    found = edition(args).statements(country=args.country, kind=args.kind, topic=args.topic)
    return listing(
        args,
        "statements",
        found,
        lambda s: [s.kind.value, s.id, s.summary],
        ["kind", "id", "summary"],
        text_column="summary",
        optional=["kind"],
    )


def countries(args: argparse.Namespace) -> str | TextTable:
    """List the countries, of one region if asked."""
    found = edition(args).countries(region=args.region)
    return listing(
        args,
        "countries",
        found,
        lambda c: [c.code, c.alpha3, c.region.value, c.name],
        ["code", "alpha3", "region", "name"],
        text_column="name",
        optional=["alpha3", "region"],
    )


def people(args: argparse.Namespace) -> str | TextTable:
    """List the people the records name."""
    return listing(
        args,
        "people",
        edition(args).people(),
        lambda p: [p.id, p.country, p.name, p.office],
        ["id", "country", "name", "office (2015)"],
        text_column="office (2015)",
        optional=["country", "name"],
    )


def topics(args: argparse.Namespace) -> str | TextTable:
    """List the topics."""
    return listing(
        args,
        "topics",
        edition(args).topics(),
        lambda t: [t.id, t.parent or "-", t.label],
        ["id", "parent", "label"],
        text_column="label",
        optional=["parent"],
    )


def search(args: argparse.Namespace) -> str | TextTable:
    """List the sentences that contain the phrase."""
    return listing(
        args,
        "sentences",
        edition(args).search(args.query),
        lambda s: [s.id, s.text],
        ["sentence", "text"],
        text_column="text",
    )
