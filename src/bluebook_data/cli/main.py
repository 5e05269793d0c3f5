"""Run the command line: parse, import the subcommand's module, run it, print, exit.

Statuses: 0 done (an empty listing included), 1 a problem found (``check``) or standard output
that cannot be written, 2 a mistake in the command line or a name, id or folder that is not
there, 130 interrupted (Ctrl-C). Every failure is one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import NoReturn

import bluebook_data as bb
from bluebook_data._display.terminal import Finished, TextTable, render_markdown, render_table
from bluebook_data.cli.common import styled, terminal_width
from bluebook_data.cli.errors import explained, unknown
from bluebook_data.cli.parser import PROGRAM, UsageError, parser

__all__ = ["main", "run"]

_INTERRUPTED = 130


def _columns(table: TextTable, args: argparse.Namespace) -> TextTable:
    names = [name.strip() for name in args.columns.split(",") if name.strip()]
    for name in names:
        if name not in table.headers:
            raise UsageError(unknown("column", name, table.headers), f"{PROGRAM} {args.command}")
    return table.select(names) if names else table


def _shown(table: TextTable, args: argparse.Namespace) -> str:
    """Lay out a table for standard output: fitted to a terminal's width, whole for a pipe."""
    if args.columns is not None:
        table = _columns(table, args)
    if args.format == "markdown":
        return render_markdown(table)
    width = None if args.wide else terminal_width()
    if width is not None:
        hidden = table.hidden_at(width)
        if hidden:
            # Said on stderr, so that it never mixes with the rows.
            print(f"({', '.join(hidden)} left out; --wide shows them)", file=sys.stderr)
    return render_table(table, width, bold=styled())


def _fail(message: str, status: int = 2) -> int:
    # Arguments are echoed in messages; escape line breaks and other unprintable characters so
    # that the message stays on one line and can always be encoded.
    printable = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    # With no standard error to say it on, the status says it.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"{PROGRAM}: error: {printable}", file=sys.stderr)
    return status


def _run(args: argparse.Namespace) -> object:
    """Import the subcommand's module, now that it is needed, and run the subcommand."""
    module, function = args.handler
    command = f"{PROGRAM} {args.command}"
    if getattr(args, "columns", None) is not None and args.format not in ("table", "markdown"):
        raise UsageError(
            f"--columns chooses the columns of --format table or markdown, not {args.format}",
            command,
        )
    if getattr(args, "wide", False) and args.format != "table":
        raise UsageError(f"--wide is for --format table; {args.format} is never shortened", command)
    return getattr(importlib.import_module(module), function)(args)


def _print(output: object) -> int:
    """Print a command's output; return its status."""
    status = 0
    if isinstance(output, Finished):
        status = output.status
        output = output.text
    if isinstance(output, TextTable) and not output.rows:
        print(f"{PROGRAM}: no {output.noun} found", file=sys.stderr)
        return 0
    if output:  # an empty jsonl listing prints nothing, not a blank line
        if sys.stdout is None:
            raise OSError("standard output is closed")
        print(output)
    if sys.stdout is not None:
        sys.stdout.flush()
    return status


def _output_failed(error: OSError) -> int:
    """Say once why standard output could not be written, and keep Python from saying it again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return _fail(f"cannot write to standard output: {error.strerror or error}", 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit status."""
    grammar = parser()
    args: argparse.Namespace | None = None
    try:
        args = grammar.parse_args(argv)
        if args.version:
            return _print(f"{PROGRAM} {bb.__version__} (data {bb.DATA_VERSION})")
        if args.command is None:
            # A bare command asks what the program can do: the same answer as --help.
            return _print(grammar.format_help().rstrip("\n"))
        output = _run(args)
        if isinstance(output, TextTable) and output.rows:
            output = _shown(output, args)
        return _print(output)
    except UsageError as error:
        return _fail(f"{error} (see '{error.prog} --help')")
    except SystemExit as done:
        # argparse's --help exits by itself; callers of main() still get a status back.
        return done.code if isinstance(done.code, int) else 0
    except bb.BluebookError as error:
        # A folder given with --data is the program's option, not the subcommand's.
        by_data = isinstance(error, bb.DataError) and getattr(args, "data", None) is not None
        named = None if args is None or by_data else args.command
        command = f"{PROGRAM} {named}" if named else PROGRAM
        return _fail(f"{explained(error, args)} (see '{command} --help')")
    except UnicodeEncodeError as error:
        encoding = getattr(sys.stdout, "encoding", None) or error.encoding
        return _fail(f"standard output ({encoding}) cannot show the text; use UTF-8")
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return _INTERRUPTED
    except FileExistsError as error:  # `new` into a folder that holds an edition already
        return _fail(str(error))
    except OSError as error:
        if error.filename is None:  # standard output: full, closed, or a device that refuses
            return _output_failed(error)
        return _fail(f"{error.filename}: {error.strerror or error}")  # `export` to a bad folder


def _exit_on(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run() -> NoReturn:
    """Run the command line on ``sys.argv`` and exit with its status (the console script)."""
    # The command line owns its process, as no library call may: a termination signal unwinds
    # the stack like Ctrl-C, so that a write under way removes its temporary file.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on)
    try:
        status = main()
    except KeyboardInterrupt:  # between main's own handlers, or before they were reached
        status = _INTERRUPTED
    sys.exit(status)
