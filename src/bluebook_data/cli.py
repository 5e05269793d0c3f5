"""The ``bluebook-data`` command: the query helpers as subcommands that print readable tables.

Every listing also prints ``--format json``, ``jsonl`` or ``csv`` for other programs to read, and
``export DIR`` writes a Frictionless data package. Every failure the user can cause (an unknown
name, a bad option) ends with exit status 2 and one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

import bluebook_data as bb
from bluebook_data._exports.events import events
from bluebook_data._exports.formats import FORMATS, csv_cell, render
from bluebook_data._exports.layouts import layout_table
from bluebook_data._exports.tables import table

#: The values of ``export --format``.
EXPORT_FORMATS = ("datapackage", "parquet")

__all__ = ["main", "render_table", "run"]

_PROGRAM = "bluebook-data"


class _UsageError(Exception):
    """A command line that argparse rejected."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage and exits; we want one line and the caller's exit path.
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Lay out rows under headers in left-aligned columns; the last column is never padded.

    >>> print(render_table(["code", "name"], [["RU", "Russia"], ["JP", "Japan"]]))
    code  name
    ----  ------
    RU    Russia
    JP    Japan
    """
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for cells in [headers, ["-" * width for width in widths], *rows]:
        padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)]
        lines.append("  ".join([*padded, cells[-1]]))
    return "\n".join(lines)


def _formatted(
    kind: str, records: Sequence[object], args: argparse.Namespace, single: bool = False
) -> str:
    return render(table(kind), records, bb.load(), args.format, single=single)


def _engagements(args: argparse.Namespace) -> str:
    found = bb.engagements(
        country=args.country,
        kind=args.kind,
        year=args.year,
        topic=args.topic,
        person=args.person,
        status=args.status,
    )
    if args.format != "table":
        return _formatted("engagements", found, args)
    rows = [
        [
            e.date.isoformat() if e.date else "-",
            e.status.value,
            e.kind.value,
            ",".join(e.countries),
            e.id,
            e.title,
        ]
        for e in found
    ]
    return render_table(["date", "status", "kind", "countries", "id", "title"], rows)


def _engagement(args: argparse.Namespace) -> str:
    found = bb.engagement(args.id)
    if args.format != "table":
        return _formatted("engagements", [found], args, single=True)
    dates = found.date.isoformat() if found.date else "-"
    if found.end_date:
        dates += f" to {found.end_date.isoformat()}"
    fields = [
        ["id", found.id],
        ["title", found.title],
        ["kind", found.kind.value],
        ["status", found.status.value],
        ["date", dates],
        ["location", found.location or "-"],
        ["countries", ", ".join(found.countries)],
        ["hosts", ", ".join(found.hosts) or "-"],
        ["participants", ", ".join(found.participants) or "-"],
        ["topics", ", ".join(found.topics) or "-"],
        ["part of", found.part_of or "-"],
        ["CAMEO", found.cameo or "-"],
        ["PLOVER", " ".join(filter(None, [found.plover_event, found.plover_mode])) or "-"],
    ]
    fields += [["text says", f"[{s.start}:{s.end}] {s.text}"] for s in found.evidence]
    fields += [["reference", f"{r.title} <{r.url}>"] for r in found.references]
    return render_table(["field", "value"], fields)


def _statements(args: argparse.Namespace) -> str:
    found = bb.statements(country=args.country, kind=args.kind, topic=args.topic)
    if args.format != "table":
        return _formatted("statements", found, args)
    rows = [[s.kind.value, s.id, s.summary] for s in found]
    return render_table(["kind", "id", "summary"], rows)


def _countries(args: argparse.Namespace) -> str:
    found = bb.countries(region=args.region)
    if args.format != "table":
        return _formatted("countries", found, args)
    rows = [[c.code, c.alpha3, c.region.value, c.name] for c in found]
    return render_table(["code", "alpha3", "region", "name"], rows)


def _people(args: argparse.Namespace) -> str:
    if args.format != "table":
        return _formatted("people", bb.people(), args)
    rows = [[p.id, p.country, p.name, p.office] for p in bb.people()]
    return render_table(["id", "country", "name", "office (2015)"], rows)


def _topics(args: argparse.Namespace) -> str:
    if args.format != "table":
        return _formatted("topics", bb.topics(), args)
    rows = [[t.id, t.parent or "-", t.label] for t in bb.topics()]
    return render_table(["id", "parent", "label"], rows)


def _search(args: argparse.Namespace) -> str:
    found = bb.search(args.query)
    if args.format != "table":
        return _formatted("sentences", found, args)
    rows = [[s.id, s.text] for s in found]
    return render_table(["sentence", "text"], rows)


def _events(args: argparse.Namespace) -> str:

    found = events(bb.load())
    if args.country is not None:
        code = bb.country(args.country).code
        found = tuple(e for e in found if code in (e.actor.code, e.recipient.code))
    if args.layout is not None:
        return _layout(args, found)
    if args.format != "table":
        return _formatted("events", found, args)
    rows = [
        [
            e.engagement.date.isoformat() if e.engagement.date else "-",
            str(e.engagement.plover_event),
            e.engagement.plover_mode or "-",
            e.actor.alpha3,
            e.recipient.alpha3,
            e.engagement.id,
        ]
        for e in found
    ]
    return render_table(["date", "event", "mode", "actor", "recipient", "engagement"], rows)


def _layout(args: argparse.Namespace, found: Sequence[object]) -> str:

    spec = layout_table(args.layout)
    book = bb.load()
    kept = [event for event in spec.records(book) if event in found]
    if args.format != "table":
        return render(spec, kept, book, args.format)
    rows = [[csv_cell(cell) for cell in spec.row(event, book).values()] for event in kept]
    return render_table([column.name for column in spec.columns], rows)


def _export(args: argparse.Namespace) -> str:
    if args.format == "parquet":
        return "\n".join(map(str, bb.write_parquet(args.directory)))
    return str(bb.write_datapackage(args.directory))


def _text(args: argparse.Namespace) -> str:
    return bb.text()


def _parser() -> _Parser:
    parser = _Parser(
        prog=_PROGRAM,
        description="Query the Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview).",
    )
    parser.add_argument(
        "--version", action="store_true", help="print the package and data versions"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str, run: Callable[[argparse.Namespace], str], help: str, listing: bool = True
    ) -> _Parser:
        sub: _Parser = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        if listing:
            sub.add_argument(
                "--format",
                choices=FORMATS,
                default="table",
                help="table (the default, for people), json, jsonl (a record a line) or csv",
            )
        return sub

    found = command("engagements", _engagements, "list engagements, filtered by any of the options")
    found.add_argument(
        "--country", help="name, alias or ISO code, e.g. Russia, KZ, 'Kyrgyz Republic'"
    )
    found.add_argument("--kind", help="e.g. summit_meeting, visit, foreign_ministers_meeting")
    found.add_argument("--year", type=int, help="the year of the engagement's date")
    found.add_argument("--topic", help="topic id or label, e.g. peace-treaty")
    found.add_argument("--person", help="name, family name or id, e.g. Putin")
    found.add_argument("--status", help="held or planned")

    one = command("engagement", _engagement, "show one engagement with its evidence and sources")
    one.add_argument("id", help="the engagement's id, e.g. 2015-09-28-summit-new-york")

    said = command("statements", _statements, "list the text's assessments, policies and outcomes")
    said.add_argument("--country", help="name, alias or ISO code")
    said.add_argument("--kind", help="assessment, policy or outcome")
    said.add_argument("--topic", help="topic id or label")

    listed = command("countries", _countries, "list the countries the text refers to")
    listed.add_argument("--region", help="east_asia, russia, central_asia or caucasus")

    command("people", _people, "list the people the records name")
    command("topics", _topics, "list the topics")
    search = command("search", _search, "find sentences containing a phrase (case-insensitive)")
    search.add_argument("query", help="the phrase to look for")
    events = command("events", _events, "list actor-recipient event rows with PLOVER codes")
    events.add_argument("--country", help="as actor or recipient: name, alias or ISO code")
    events.add_argument(
        "--layout",
        choices=("polecat", "icews"),
        help="the rows dated to the day, in POLECAT's or ICEWS's column names and codes",
    )
    export = command(
        "export",
        _export,
        "write the tables: a Frictionless data package, or Parquet",
        listing=False,
    )
    export.add_argument("directory", help="where to write datapackage.json and the tables")
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="datapackage",
        help="datapackage (the default: CSV tables and datapackage.json) or parquet (a typed "
        "file per table, with the arrow extra)",
    )
    command("text", _text, "print the verbatim source text", listing=False)
    return parser


def _fail(message: str, stderr: TextIO) -> int:
    # Arguments are echoed in messages; escape line breaks and other unprintable characters so
    # that the message stays on one line and can always be encoded.
    printable = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    print(f"{_PROGRAM}: error: {printable}", file=stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.version:
            print(f"{_PROGRAM} {bb.__version__} (data {bb.DATA_VERSION})")
            return 0
        if args.command is None:
            raise _UsageError("a command is required")
        output = args.run(args)
        if output:  # an empty jsonl listing prints nothing, not a blank line
            print(output)
        sys.stdout.flush()
    except _UsageError as error:
        return _fail(f"{error} (see '{_PROGRAM} --help')", sys.stderr)
    except SystemExit as done:
        # argparse's --help exits by itself; callers of main() still get a status back.
        return done.code if isinstance(done.code, int) else 0
    except bb.BluebookError as error:
        return _fail(str(error), sys.stderr)
    except UnicodeEncodeError as error:
        encoding = getattr(sys.stdout, "encoding", None) or error.encoding
        return _fail(f"standard output ({encoding}) cannot show the text; use UTF-8", sys.stderr)
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # `export` into a folder that cannot be written
        return _fail(f"{error.filename}: {error.strerror or error}", sys.stderr)
    return 0


def run() -> NoReturn:
    """Run the command line on ``sys.argv`` and exit with its status (the console script)."""
    sys.exit(main())
