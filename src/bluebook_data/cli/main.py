"""Run the command line: parse, import the subcommand's module, run it, print, exit."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

import bluebook_data as bb
from bluebook_data._display.terminal import Finished, TextTable, render_table
from bluebook_data._edition.names import close_matches
from bluebook_data.cli.parser import PROGRAM, UsageError, parser

__all__ = ["main", "run"]


def _columns(table: TextTable, wanted: str) -> TextTable:
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    for name in names:
        if name not in table.headers:
            close = close_matches(name, table.headers, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise UsageError(
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
    print(f"{PROGRAM}: error: {printable}", file=stderr)
    return 2


def _run(args: argparse.Namespace) -> object:
    """Import the subcommand's module, now that it is needed, and run the subcommand."""
    module, function = args.handler
    return getattr(importlib.import_module(module), function)(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit status."""
    grammar = parser()
    try:
        args = grammar.parse_args(argv)
        if args.version:
            print(f"{PROGRAM} {bb.__version__} (data {bb.DATA_VERSION})")
            return 0
        if args.command is None:
            # A bare command asks what the program can do: the same answer as --help.
            grammar.print_help()
            return 0
        output = _run(args)
        if isinstance(output, Finished):
            print(output.text)
            return output.status
        if isinstance(output, TextTable) and not output.rows:
            print(f"{PROGRAM}: no {output.noun} found", file=sys.stderr)
            return 0
        if isinstance(output, TextTable):
            output = _shown(output, args)
        if output:  # an empty jsonl listing prints nothing, not a blank line
            print(output)
        sys.stdout.flush()
    except UsageError as error:
        return _fail(f"{error} (see '{PROGRAM} --help')", sys.stderr)
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
