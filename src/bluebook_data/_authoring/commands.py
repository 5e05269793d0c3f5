"""The authoring subcommands: ``new`` starts an edition folder, ``check`` checks it.

``check`` prints every problem, one a line as ``FILE: $.json.path: message`` (with the line
number after the file where it is known), and exits 1 if there is any; otherwise it prints what
the folder holds and exits 0. ``--fix`` first writes quoted evidence as offsets, if every quote
stands in exactly one place. Every string the folder supplies is printed inert: control, format
and separator characters escaped, so that no file can move the cursor or forge a line.
"""

from __future__ import annotations

import argparse
import json

import attrs

from bluebook_data._authoring.check import check_folder
from bluebook_data._authoring.scaffold import new_edition
from bluebook_data._display.inert import inert, inert_json
from bluebook_data._display.terminal import Finished

__all__ = ["check", "new"]


def check(args: argparse.Namespace) -> Finished:
    """Check the folder, fixing quotes first with ``--fix``; exit 1 if there is any problem."""
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
        return Finished(inert_json(json.dumps(document, ensure_ascii=False, indent=2)), status)
    lines = [*map(str, report.problems), report.summary()]
    return Finished("\n".join(map(inert, lines)), status)


def new(args: argparse.Namespace) -> Finished:
    """Start an edition folder from a text file, and say what to do next."""
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
        force=args.force,
    )
    written, folder = inert(str(path)), inert(args.directory)
    steps = [
        f"wrote {written}, its schema and a copy of the text in {folder}",
        "next:",
        "  1. check 'structure' in annotations.json: the heading lines, chapter and section",
        '  2. add records, citing the text by quoting it: {"exact": "...", "prefix": "..."}',
        f"  3. bluebook-data check --fix {folder}    (quotes become offsets; every problem shown)",
        f"  4. bluebook-data --data {folder} engagements",
    ]
    return Finished("\n".join(steps))
