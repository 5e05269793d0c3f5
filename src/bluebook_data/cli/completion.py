"""The ``completion`` subcommand: a shell's completion script, generated from the parser.

`shtab <https://github.com/iterative/shtab>`_ writes the script from the parser itself, so the
subcommands, options and choices it completes are always those the program takes. It is an
optional dependency: ``pip install 'bluebook-data[completion]'``.
"""

from __future__ import annotations

import argparse

from bluebook_data.cli.parser import parser
from bluebook_data.errors import MissingExtraError

try:
    import shtab
except ImportError:  # the optional `completion` extra
    shtab = None  # type: ignore[assignment]

__all__ = ["completion"]


def completion(args: argparse.Namespace) -> str:
    """Return the completion script for ``args.shell``."""
    if shtab is None:
        raise MissingExtraError("completion", "completion", "shtab")
    grammar = parser()
    for action in grammar._actions:
        # The help lists subcommands in its epilog and hides argparse's own list, which shtab
        # would take as a sign that there are none to complete.
        if isinstance(action, argparse._SubParsersAction):
            action.help = "the command to run"
    for command in (grammar, *grammar.subcommands.values()):
        for action in command._actions:
            # Folders and files complete as paths; names and ids are left to the listings.
            if action.dest in ("data", "directory"):
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
            elif command.prog.endswith(" new") and action.dest == "text":
                action.complete = shtab.FILE  # type: ignore[attr-defined]
    script: str = shtab.complete(grammar, shell=args.shell)
    return script.rstrip("\n")
