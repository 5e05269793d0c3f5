"""The command line's authoring commands: ``new`` starts an edition folder, ``check`` checks it.

``check`` prints every problem, one a line as ``FILE: $.json.path: message`` (with the line
number after the file where it is known), and exits 1 if there is any; otherwise it prints what
the folder holds and exits 0. ``--fix`` first writes quoted evidence as offsets, if every quote
stands in exactly one place.
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable

import attrs

from bluebook_data._exports.scaffold import new_edition
from bluebook_data._loading.check import check_folder

__all__ = ["Finished", "add_commands"]

Command = Callable[..., argparse.ArgumentParser]


@attrs.frozen
class Finished:
    """What a command prints, and the status it exits with."""

    text: str
    status: int = 0


def _check(args: argparse.Namespace) -> Finished:
    report = check_folder(args.directory, fix=args.fix)
    status = 1 if report.problems else 0
    if args.format == "json":
        document = {
            "folder": report.folder,
            "problems": [attrs.asdict(problem) for problem in report.problems],
            "counts": dict(report.counts),
            "quotes_resolved": report.quotes_resolved,
            "written": report.written,
        }
        return Finished(json.dumps(document, ensure_ascii=False, indent=2), status)
    lines = [*map(str, report.problems), report.summary()]
    return Finished("\n".join(lines), status)


def _new(args: argparse.Namespace) -> Finished:
    path = new_edition(
        args.text,
        args.directory,
        title=args.title,
        year=args.year,
        url=args.url,
        publisher=args.publisher,
        accessed=args.accessed,
        heading_lines=args.heading_lines,
        chapter=(args.chapter, args.chapter_title),
        section=(args.section, args.section_title),
        section_heading=args.section_heading,
    )
    folder = args.directory
    steps = [
        f"wrote {path}, its schema and a copy of the text in {folder}",
        "next:",
        "  1. check 'structure' in annotations.json: the heading lines, chapter and section",
        '  2. add records, citing the text by quoting it: {"exact": "...", "prefix": "..."}',
        f"  3. bluebook-data check --fix {folder}    (quotes become offsets; every problem shown)",
        f"  4. bluebook-data --data {folder} engagements",
    ]
    return Finished("\n".join(steps))


def add_commands(command: Command) -> None:
    """Add ``check`` and ``new`` to a command line, through its function that adds a command."""
    check = command("check", _check, "check an edition folder and list every problem", False)
    check.add_argument("directory", metavar="DIR", help="the folder holding annotations.json")
    check.add_argument(
        "--fix",
        action="store_true",
        help="write quoted evidence as offsets first, if every quote stands in one place",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="for CI: json")

    new = command("new", _new, "start an edition folder from a text file", False)
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
