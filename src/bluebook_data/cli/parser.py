"""The command line's grammar: every subcommand, its options, and the module that runs it.

The parser imports none of the code that runs a command: each subcommand names its handler as a
module and a function, and :func:`bluebook_data.cli.main.main` imports that module only when the
subcommand is run.
"""

from __future__ import annotations

import argparse
import datetime
import re
import textwrap
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NoReturn

from bluebook_data._edition.names import close_matches
from bluebook_data._exports.format_names import EXPORT_FORMATS, FORMATS

__all__ = [
    "COLUMNS",
    "LISTING_FORMATS",
    "PROGRAM",
    "RECORD_FORMATS",
    "SHELLS",
    "Parser",
    "UsageError",
    "parser",
]

PROGRAM = "bluebook-data"

#: The columns of each listing's table, in the order shown; ``--columns`` chooses among them.
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "engagements": ("date", "status", "kind", "countries", "id", "title"),
    "statements": ("kind", "countries", "id", "summary"),
    "countries": ("code", "alpha3", "region", "name"),
    "people": ("id", "country", "name", "office"),
    "topics": ("id", "parent", "label"),
    "search": ("sentence", "text"),
    "events": ("date", "event", "mode", "actor", "recipient", "engagement"),
})  # fmt: skip
#: The formats of a listing: a table for people, text for programs, a Markdown table to paste.
LISTING_FORMATS: Final = (*FORMATS, "markdown")
#: The formats of one record: its page for people, or text for programs.
RECORD_FORMATS: Final = FORMATS
#: The shells whose completion script ``completion`` prints.
SHELLS: Final = ("bash", "zsh", "fish", "tcsh")

_EXAMPLES = """\
examples:
  bluebook-data engagements --country Russia
  bluebook-data engagement 2015-09-28
  bluebook-data search "peace treaty"
  bluebook-data statements --country KZ --format json
  bluebook-data person Putin
"""


class UsageError(Exception):
    """A command line that argparse rejected, with the program (and subcommand) it was given to.

    Attributes:
        prog: ``bluebook-data`` or ``bluebook-data COMMAND``, whose ``--help`` explains.
    """

    def __init__(self, message: str, prog: str = PROGRAM) -> None:
        super().__init__(message, prog)
        self.message = message
        self.prog = prog

    def __str__(self) -> str:
        return self.message


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help wrapped to the terminal: each line of the command list and examples on its own."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            # A command's description continues under itself, an example's under its command.
            found = re.match(r"(\s+\S+\s\s+)", line) or re.match(r"(\s+)", line)
            hang = " " * (len(found.group(1)) if found else 0)
            wrapped = textwrap.wrap(
                line, width, subsequent_indent=hang, break_on_hyphens=False, break_long_words=False
            )
            lines += [indent + part for part in wrapped] or [""]
        return "\n".join(lines) + "\n"


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of printing usage and exiting.

    Attributes:
        subcommands: Each subcommand's own parser, by name.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommands: dict[str, Parser] = {}

    def error(self, message: str) -> NoReturn:
        """Raise the message, for the caller's one-line error and exit status."""
        raise UsageError(message, self.prog)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse lists every choice; one grammar for the package names the nearest instead.
        if action.choices is not None and value not in action.choices:
            what = "command" if isinstance(action, argparse._SubParsersAction) else "choice"
            choices = [str(choice) for choice in action.choices]
            close = close_matches(str(value), choices)
            where = "" if what == "command" else f"{'/'.join(action.option_strings)}: "
            meant = f"did you mean {' or '.join(map(repr, close))}?" if close else ""
            raise UsageError(
                f"{where}unknown {what} {value!r}; {meant or 'choose from: ' + ', '.join(choices)}",
                self.prog,
            )

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        """Parse the command line; refuse, naming the subcommand, what it does not take."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            sub = self.subcommands.get(command or "", self)
            known = [option for action in sub._actions for option in action.option_strings]
            given = extras[0].split("=", 1)[0]
            if given.startswith("-"):
                close = close_matches(given, known)
                hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
                message = f"{sub.prog} does not take {given}{hint}"
            else:
                message = f"{sub.prog} does not take {given!r}: too many arguments"
            raise UsageError(message, sub.prog)
        return parsed


def _count(text: str) -> int:
    # For --limit: argparse reports the ValueError as "invalid _count value", so name it here.
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count of 0 or more, not {text}")
    return number


class _Commands:
    """Adds subcommands to a parser and keeps the line each shows in the help."""

    def __init__(self, parser: Parser) -> None:
        self._parser = parser
        # argparse lists subcommands one indent deeper than options and wraps the long names;
        # the epilog lists them instead, a line each.
        self._actions = parser.add_subparsers(
            dest="command", metavar="COMMAND", help=argparse.SUPPRESS, parser_class=Parser
        )
        self.lines: list[str] = []

    def add(
        self,
        name: str,
        module: str,
        help: str,
        listing: bool = True,
        record: bool = False,
    ) -> Parser:
        """Add the subcommand ``name``, run by the function of that name in ``module``.

        A ``listing`` takes ``--format``, ``--columns``, ``--wide`` and ``--limit``; one
        ``record`` takes ``--format``; any other command adds its own options.
        """
        sub: Parser = self._actions.add_parser(
            name, help=help, description=help, prog=f"{PROGRAM} {name}", formatter_class=_Help
        )
        self.lines.append(f"  {name:<12} {help}")
        self._parser.subcommands[name] = sub
        sub.set_defaults(handler=(f"bluebook_data.{module}", name))
        if listing:
            shown = sub.add_argument_group("output")
            shown.add_argument(
                "--format",
                choices=LISTING_FORMATS,
                default="table",
                metavar="FORMAT",
                help="table (the default, for people), json, jsonl (a record a line), csv, tsv, "
                "or markdown (the table's columns, to paste)",
            )
            shown.add_argument(
                "--columns",
                metavar="NAMES",
                help=f"the table's columns to show, comma-separated: {','.join(COLUMNS[name])}",
            )
            shown.add_argument(
                "--wide",
                action="store_true",
                help="never shorten the table to the terminal's width",
            )
            shown.add_argument("--limit", type=_count, metavar="N", help="show at most N records")
        elif record:
            sub.add_argument(
                "--format",
                choices=RECORD_FORMATS,
                default="table",
                metavar="FORMAT",
                help="table (the default: the record as a page), json, jsonl, csv or tsv",
            )
        return sub


_OPENS = "a unique start of its id, or words of its {}"


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
        "engagement",
        "cli.details",
        "show one engagement, its evidence and sources",
        listing=False,
        record=True,
    )
    one.add_argument("id", help=f"the engagement: {_OPENS.format('title')}, e.g. 2015-09-28")

    said = commands.add(
        "statements", "cli.listings", "list the text's assessments, policies and outcomes"
    )
    said.add_argument("--country", help="name, alias or ISO code")
    said.add_argument("--kind", help="assessment, policy or outcome")
    said.add_argument("--topic", help="topic id or label")
    one = commands.add(
        "statement",
        "cli.details",
        "show one statement and its evidence",
        listing=False,
        record=True,
    )
    one.add_argument("id", help=f"the statement: {_OPENS.format('summary')}")

    listed = commands.add("countries", "cli.listings", "list the countries the text refers to")
    listed.add_argument("--region", help="east_asia, russia, central_asia or caucasus")
    one = commands.add(
        "country",
        "cli.details",
        "show one country and what it took part in",
        listing=False,
        record=True,
    )
    one.add_argument("name", help="name, alias or ISO code, e.g. Georgia, KZ, KAZ, 398")

    listed = commands.add("people", "cli.listings", "list the people the records name")
    listed.add_argument("--country", help="the person's country: name, alias or ISO code")
    one = commands.add(
        "person",
        "cli.details",
        "show one person and the engagements they attended",
        listing=False,
        record=True,
    )
    one.add_argument("name", help="name, family name or id, e.g. Putin")

    commands.add("topics", "cli.listings", "list the topics")
    one = commands.add(
        "topic",
        "cli.details",
        "show one topic and what the text says of it",
        listing=False,
        record=True,
    )
    one.add_argument("name", help="id or label, e.g. peace-treaty")

    search = commands.add(
        "search", "cli.searching", "find sentences containing a phrase (case-insensitive)"
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
    text = commands.add(
        "text", "cli.details", "print the source text, wrapped to the terminal", listing=False
    )
    text.add_argument(
        "--ids", action="store_true", help="start each sentence on its own line, after its id"
    )
    completion = commands.add(
        "completion", "cli.completion", "print a shell completion script", listing=False
    )
    completion.add_argument(
        "shell",
        choices=SHELLS,
        help="bash: source it from ~/.bashrc; zsh: save it as _bluebook-data on $fpath; "
        "fish: save it in ~/.config/fish/completions/bluebook-data.fish",
    )


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
        # -h and --version are listed under the options; the line stays short for a narrow screen.
        usage="%(prog)s [--data DIR] COMMAND [options]",
        description="Query the Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview).",
        formatter_class=_Help,
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
