"""The command line's grammar: every subcommand, its options, and the module that runs it.

The parser imports none of the code that runs a command: each subcommand names its handler as a
module and a function, and :func:`bluebook_data.cli.main.main` imports that module only when the
subcommand is run.
"""

from __future__ import annotations

import argparse
import datetime
from typing import NoReturn

from bluebook_data._exports.format_names import EXPORT_FORMATS, FORMATS

__all__ = ["PROGRAM", "Parser", "UsageError", "parser"]

PROGRAM = "bluebook-data"

_EXAMPLES = """\
examples:
  bluebook-data engagements --country Russia
  bluebook-data engagements --kind summit_meeting --columns date,id,title
  bluebook-data engagement 2015-09-28-summit-new-york
  bluebook-data search "peace treaty" --wide
  bluebook-data statements --country KZ --format json
"""


class UsageError(Exception):
    """A command line that argparse rejected."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise the message, for the caller's one-line error and exit status."""
        raise UsageError(message)


def _count(text: str) -> int:
    # For --limit: argparse reports the ValueError as "invalid _count value", so name it here.
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count of 0 or more, not {text}")
    return number


class _Commands:
    """Adds subcommands to a parser and keeps the line each shows in the help."""

    def __init__(self, parser: Parser) -> None:
        # argparse lists subcommands one indent deeper than options and wraps the long names;
        # the epilog lists them instead, a line each.
        self._actions = parser.add_subparsers(
            dest="command", metavar="COMMAND", help=argparse.SUPPRESS, parser_class=Parser
        )
        self.lines: list[str] = []

    def add(self, name: str, module: str, help: str, listing: bool = True) -> Parser:
        """Add the subcommand ``name``, run by the function of that name in ``module``."""
        sub: Parser = self._actions.add_parser(name, help=help, description=help)
        self.lines.append(f"  {name:<12} {help}")
        sub.set_defaults(handler=(f"bluebook_data.{module}", name))
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


def _add_queries(commands: _Commands) -> None:
    found = commands.add(
        "engagements", "cli.listings", "list engagements, filtered by any of the options"
    )
    found.add_argument(
        "--country", help="name, alias or ISO code, e.g. Russia, KZ, 'Kyrgyz Republic'"
    )
    found.add_argument("--kind", help="e.g. summit_meeting, visit, foreign_ministers_meeting")
    found.add_argument("--year", type=int, help="the year of the engagement's date")
    found.add_argument("--topic", help="topic id or label, e.g. peace-treaty")
    found.add_argument("--person", help="name, family name or id, e.g. Putin")
    found.add_argument("--status", help="held or planned")

    one = commands.add(
        "engagement", "cli.details", "show one engagement with its evidence and sources"
    )
    one.add_argument("id", help="the engagement's id, e.g. 2015-09-28-summit-new-york")

    said = commands.add(
        "statements", "cli.listings", "list the text's assessments, policies and outcomes"
    )
    said.add_argument("--country", help="name, alias or ISO code")
    said.add_argument("--kind", help="assessment, policy or outcome")
    said.add_argument("--topic", help="topic id or label")

    listed = commands.add("countries", "cli.listings", "list the countries the text refers to")
    listed.add_argument("--region", help="east_asia, russia, central_asia or caucasus")

    commands.add("people", "cli.listings", "list the people the records name")
    commands.add("topics", "cli.listings", "list the topics")
    search = commands.add(
        "search", "cli.listings", "find sentences containing a phrase (case-insensitive)"
    )
    search.add_argument("query", help="the phrase to look for")
    events = commands.add(
        "events", "cli.events", "list actor-recipient event rows with PLOVER codes"
    )
    events.add_argument("--country", help="as actor or recipient: name, alias or ISO code")
    events.add_argument(
        "--layout",
        choices=("polecat", "icews"),
        help="the rows dated to the day, in POLECAT's or ICEWS's column names and codes",
    )


def _add_files(commands: _Commands) -> None:
    export = commands.add(
        "export",
        "cli.exporting",
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
    commands.add("text", "cli.details", "print the verbatim source text", listing=False)


def _add_authoring(commands: _Commands) -> None:
    check = commands.add(
        "check", "_authoring.commands", "check an edition folder and list every problem", False
    )
    check.add_argument("directory", metavar="DIR", help="the folder holding annotations.json")
    check.add_argument(
        "--fix",
        action="store_true",
        help="write quoted evidence as offsets first, if every quote stands in one place",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="for CI: json")

    new = commands.add(
        "new", "_authoring.commands", "start an edition folder from a text file", False
    )
    new.add_argument("text", metavar="TEXT", help="the text file, UTF-8, a paragraph a line")
    new.add_argument("directory", metavar="DIR", help="the folder to write")
    new.add_argument("--title", required=True, help="the edition's title")
    new.add_argument("--year", required=True, type=int, help="the edition's year")
    new.add_argument("--url", required=True, help="where the text is published")
    new.add_argument("--publisher", required=True, help="who published it")
    today = datetime.date.today().isoformat()
    new.add_argument("--accessed", default=today, help="when it was read (default: today)")
    new.add_argument("--heading-lines", type=int, default=0, help="lines before the paragraphs")
    new.add_argument("--chapter", type=int, default=1, help="the chapter's number")
    new.add_argument("--chapter-title", default="", help="the chapter's title")
    new.add_argument("--section", type=int, default=1, help="the section's number")
    new.add_argument("--section-title", default="", help="the section's title")
    new.add_argument("--section-heading", default="", help="the heading above the paragraphs")
    new.add_argument(
        "--force",
        action="store_true",
        help="replace files of the same names that hold other content (links are never followed)",
    )


def parser() -> Parser:
    """Return the command line's parser, every subcommand included."""
    built = Parser(
        prog=PROGRAM,
        usage="%(prog)s [-h] [--version] [--data DIR] COMMAND [options]",
        description="Query the Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    built.add_argument("--version", action="store_true", help="print the package and data versions")
    built.add_argument(
        "--data", metavar="DIR", help="query the edition in DIR instead of the shipped one"
    )
    commands = _Commands(built)
    _add_queries(commands)
    _add_files(commands)
    _add_authoring(commands)
    built.epilog = (
        "commands:\n" + "\n".join(commands.lines) + "\n\n" + _EXAMPLES
        + f"\n'{PROGRAM} COMMAND --help' shows a command's options."
    )  # fmt: skip
    return built
