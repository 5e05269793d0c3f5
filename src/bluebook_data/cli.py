"""The ``bluebook-data`` command: the query helpers as subcommands that print readable tables.

Every listing also prints ``--format json``, ``jsonl`` or ``csv`` for other programs to read, and
``export DIR`` writes a Frictionless data package. Every failure the user can cause (an unknown
name, a bad option) ends with exit status 2 and one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO, TypeVar

import bluebook_data as bb
from bluebook_data._authoring import Finished, add_commands
from bluebook_data._edition.names import close_matches
from bluebook_data._exports.events import events
from bluebook_data._exports.formats import FORMATS, csv_cell, render
from bluebook_data._exports.layouts import layout_table
from bluebook_data._exports.tables import table
from bluebook_data._exports.terminal import TextTable, render_table

#: The values of ``export --format``.
EXPORT_FORMATS = ("datapackage", "parquet", "sqlite", "webannotation")

__all__ = ["main", "run"]

_PROGRAM = "bluebook-data"
_Record = TypeVar("_Record")

_EXAMPLES = """\
examples:
  bluebook-data engagements --country Russia
  bluebook-data engagements --kind summit_meeting --columns date,id,title
  bluebook-data engagement 2015-09-28-summit-new-york
  bluebook-data search "peace treaty" --wide
  bluebook-data statements --country KZ --format json
"""


class _UsageError(Exception):
    """A command line that argparse rejected."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage and exits; we want one line and the caller's exit path.
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _edition(args: argparse.Namespace) -> bb.Bluebook:
    """Return the edition the command line works on: ``--data DIR``, or the shipped one."""
    return bb.load(args.data)


def _formatted(
    kind: str, records: Sequence[object], args: argparse.Namespace, single: bool = False
) -> str:
    return render(table(kind), records, _edition(args), args.format, single=single)


def _listing(
    args: argparse.Namespace,
    kind: str,
    found: Sequence[_Record],
    row: Callable[[_Record], Sequence[str]],
    headers: Sequence[str],
    text_column: str,
    optional: Sequence[str] = (),
) -> str | TextTable:
    """Return the records as the table or format asked for, the first ``--limit`` of them."""
    if args.limit is not None:
        found = found[: args.limit]
    if args.format != "table":
        return _formatted(kind, found, args)
    return TextTable(
        headers=headers,
        rows=[row(record) for record in found],
        text_column=text_column,
        optional=optional,
        noun=kind,
    )


def _date(date: bb.PartialDate | None) -> str:
    return date.isoformat() if date else "-"


def _engagements(args: argparse.Namespace) -> str | TextTable:
    found = _edition(args).engagements(
        country=args.country,
        kind=args.kind,
        year=args.year,
        topic=args.topic,
        person=args.person,
        status=args.status,
    )
    return _listing(
        args,
        "engagements",
        found,
        lambda e: [
            _date(e.date),
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


def _engagement(args: argparse.Namespace) -> str | TextTable:
    found = _edition(args).engagement(args.id)
    if args.format != "table":
        return _formatted("engagements", [found], args, single=True)
    dates = _date(found.date)
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
    return TextTable(headers=["field", "value"], rows=fields, text_column="value", wrap=True)


def _statements(args: argparse.Namespace) -> str | TextTable:
    found = _edition(args).statements(country=args.country, kind=args.kind, topic=args.topic)
    return _listing(
        args,
        "statements",
        found,
        lambda s: [s.kind.value, s.id, s.summary],
        ["kind", "id", "summary"],
        text_column="summary",
        optional=["kind"],
    )


def _countries(args: argparse.Namespace) -> str | TextTable:
    found = _edition(args).countries(region=args.region)
    return _listing(
        args,
        "countries",
        found,
        lambda c: [c.code, c.alpha3, c.region.value, c.name],
        ["code", "alpha3", "region", "name"],
        text_column="name",
        optional=["alpha3", "region"],
    )


def _people(args: argparse.Namespace) -> str | TextTable:
    return _listing(
        args,
        "people",
        _edition(args).people(),
        lambda p: [p.id, p.country, p.name, p.office],
        ["id", "country", "name", "office (2015)"],
        text_column="office (2015)",
        optional=["country", "name"],
    )


def _topics(args: argparse.Namespace) -> str | TextTable:
    return _listing(
        args,
        "topics",
        _edition(args).topics(),
        lambda t: [t.id, t.parent or "-", t.label],
        ["id", "parent", "label"],
        text_column="label",
        optional=["parent"],
    )


def _search(args: argparse.Namespace) -> str | TextTable:
    return _listing(
        args,
        "sentences",
        _edition(args).search(args.query),
        lambda s: [s.id, s.text],
        ["sentence", "text"],
        text_column="text",
    )


def _events(args: argparse.Namespace) -> str | TextTable:

    found = events(_edition(args))
    if args.country is not None:
        code = _edition(args).country(args.country).code
        found = tuple(e for e in found if code in (e.actor.code, e.recipient.code))
    if args.layout is not None:
        return _layout(args, found)
    return _listing(
        args,
        "events",
        found,
        lambda e: [
            _date(e.engagement.date),
            str(e.engagement.plover_event),
            e.engagement.plover_mode or "-",
            e.actor.alpha3,
            e.recipient.alpha3,
            e.engagement.id,
        ],
        ["date", "event", "mode", "actor", "recipient", "engagement"],
        text_column="engagement",
        optional=["mode"],
    )


def _layout(args: argparse.Namespace, found: Sequence[object]) -> str | TextTable:
    spec = layout_table(args.layout)
    book = _edition(args)
    kept = [event for event in spec.records(book) if event in found]
    if args.format != "table":
        return render(spec, kept, book, args.format)
    rows = [[csv_cell(cell) for cell in spec.row(event, book).values()] for event in kept]
    return TextTable(headers=[column.name for column in spec.columns], rows=rows)


def _export(args: argparse.Namespace) -> str:
    if args.layout is not None and args.format != "parquet":
        raise _UsageError(f"--layout is for --format parquet; --format {args.format} holds both")
    if args.format == "parquet":
        written = bb.write_parquet(args.directory, layout=args.layout, book=_edition(args))
        return "\n".join(map(str, written))
    if args.format == "sqlite":
        path = bb.write_sqlite(os.path.join(args.directory, "bluebook.db"), book=_edition(args))
        return f"{path}\n{path.with_name('bluebook.metadata.json')}"
    if args.format == "webannotation":
        return str(bb.write_web_annotations(args.directory, book=_edition(args)))
    return str(bb.write_datapackage(args.directory, book=_edition(args)))


def _text(args: argparse.Namespace) -> str:
    return _edition(args).text()


def _parser() -> _Parser:
    parser = _Parser(
        prog=_PROGRAM,
        usage="%(prog)s [-h] [--version] [--data DIR] COMMAND [options]",
        description="Query the Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="store_true", help="print the package and data versions"
    )
    parser.add_argument(
        "--data", metavar="DIR", help="query the edition in DIR instead of the shipped one"
    )
    # argparse lists subcommands one indent deeper than options and wraps the long names; the
    # epilog lists them instead, a line each.
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", help=argparse.SUPPRESS, parser_class=_Parser
    )
    command_lines: list[str] = []

    def command(
        name: str, run: Callable[[argparse.Namespace], object], help: str, listing: bool = True
    ) -> _Parser:
        sub: _Parser = commands.add_parser(name, help=help, description=help)
        command_lines.append(f"  {name:<12} {help}")
        sub.set_defaults(run=run)
        if listing:
            shown = sub.add_argument_group("output")
            shown.add_argument(
                "--format",
                choices=FORMATS,
                default="table",
                help="table (the default, for people), json, jsonl (a record a line) or csv",
            )
            shown.add_argument(
                "--columns", help="the table's columns to show, comma-separated, e.g. date,id"
            )
            shown.add_argument(
                "--wide",
                action="store_true",
                help="never shorten the table to the terminal's width",
            )
            shown.add_argument("--limit", type=_count, metavar="N", help="show at most N records")
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
        "write the tables (a data package, Parquet or SQLite) or Web Annotations",
        listing=False,
    )
    export.add_argument("directory", help="where to write the files")
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="datapackage",
        help="datapackage (the default: CSV tables and datapackage.json), parquet (a typed "
        "file per table and a dataset card, with the arrow extra), sqlite (bluebook.db, with "
        "a Datasette metadata file) or webannotation (web-annotations.jsonld: every record's "
        "evidence as a W3C Web Annotation on the source page)",
    )
    export.add_argument(
        "--layout",
        choices=("polecat", "icews"),
        help="with --format parquet: write only the events in POLECAT's or ICEWS's columns",
    )
    command("text", _text, "print the verbatim source text", listing=False)
    add_commands(command)
    parser.epilog = (
        "commands:\n" + "\n".join(command_lines) + "\n\n" + _EXAMPLES
        + f"\n'{_PROGRAM} COMMAND --help' shows a command's options."
    )  # fmt: skip
    return parser


def _count(text: str) -> int:
    # For --limit: argparse reports the ValueError as "invalid _count value", so name it here.
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count of 0 or more, not {text}")
    return number


def _columns(table: TextTable, wanted: str) -> TextTable:
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    for name in names:
        if name not in table.headers:
            close = close_matches(name, table.headers, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise _UsageError(
                f"unknown column {name!r}; {hint}choose from: {','.join(table.headers)}"
            )
    return table.select(names) if names else table


def _shown(table: TextTable, args: argparse.Namespace) -> str:
    """Lay out a table for standard output: fitted to a terminal's width, whole for a pipe."""
    if args.columns is not None:
        table = _columns(table, args.columns)
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if terminal and not args.wide else None
    # https://no-color.org: any non-empty NO_COLOR turns styling off.
    return render_table(table, width, bold=terminal and not os.environ.get("NO_COLOR"))


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
            # A bare command asks what the program can do: the same answer as --help.
            parser.print_help()
            return 0
        output = args.run(args)
        if isinstance(output, Finished):
            print(output.text)
            return output.status
        if isinstance(output, TextTable) and not output.rows:
            print(f"{_PROGRAM}: no {output.noun} found", file=sys.stderr)
            return 0
        if isinstance(output, TextTable):
            output = _shown(output, args)
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
    except FileExistsError as error:  # `new` into a folder that holds an edition already
        return _fail(str(error), sys.stderr)
    except OSError as error:  # `export` into a folder that cannot be written
        return _fail(f"{error.filename}: {error.strerror or error}", sys.stderr)
    return 0


def run() -> NoReturn:
    """Run the command line on ``sys.argv`` and exit with its status (the console script)."""
    sys.exit(main())
