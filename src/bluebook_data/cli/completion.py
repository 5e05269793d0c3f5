"""The ``completion`` subcommand: a shell's completion script, generated from the parser.

`shtab <https://github.com/iterative/shtab>`_ writes the script from the parser itself, so the
subcommands, options and choices it completes are always those the program takes. It is an
optional dependency: ``pip install 'bluebook-data[completion]'``.
"""

from __future__ import annotations

import argparse

from bluebook_data.cli.parser import parser
from bluebook_data.errors import MissingExtraError

__all__ = ["completion"]


def completion(args: argparse.Namespace) -> str:
    """Return the completion script for ``args.shell``."""
    try:
        import shtab
    except ImportError:
        raise MissingExtraError("completion", "completion", "shtab") from None
    script: str = shtab.complete(parser(), shell=args.shell)
    return script.rstrip("\n")
