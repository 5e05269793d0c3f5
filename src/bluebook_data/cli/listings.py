"""The listing subcommands: engagements, statements, countries, people, topics.

Each table's columns are declared by the parser (:data:`~bluebook_data.cli.parser.COLUMNS`);
here each row is filled in, and the columns a narrow terminal may leave out are named, least
worth first. An id is never cut (it is what the detail commands take), so it goes first.
"""

from __future__ import annotations

import argparse

from bluebook_data._display.terminal import TextTable
from bluebook_data.cli.common import date_text, edition, listing

__all__ = ["countries", "engagements", "people", "statements", "topics"]


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
        text_column="title",
        optional=["id", "status", "countries"],
    )


def statements(args: argparse.Namespace) -> str | TextTable:
    """List the statements that match every filter given."""
    found = edition(args).statements(country=args.country, kind=args.kind, topic=args.topic)
    return listing(
        args,
        "statements",
        found,
        lambda s: [s.kind.value, ",".join(s.countries) or "-", s.id, s.summary],
        text_column="summary",
        optional=["countries", "id"],
    )


def countries(args: argparse.Namespace) -> str | TextTable:
    """List the countries, of one region if asked."""
    found = edition(args).countries(region=args.region)
    return listing(
        args,
        "countries",
        found,
        lambda c: [c.code, c.alpha3, c.region.value, c.name],
        text_column="name",
        optional=["alpha3", "region"],
        whole=["code", "alpha3"],
    )


def people(args: argparse.Namespace) -> str | TextTable:
    """List the people the records name, of one country if asked."""
    book = edition(args)
    found = book.people()
    if args.country is not None:
        code = book.country(args.country).code
        found = tuple(person for person in found if person.country == code)
    return listing(
        args,
        "people",
        found,
        lambda p: [p.id, p.country, p.name, p.office],
        text_column="office",
        optional=["id", "country"],
    )


def topics(args: argparse.Namespace) -> str | TextTable:
    """List the topics."""
    return listing(
        args,
        "topics",
        edition(args).topics(),
        lambda t: [t.id, t.parent or "-", t.label],
        text_column="label",
        optional=["parent"],
        whole=["id", "parent"],
    )
