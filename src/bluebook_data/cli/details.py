"""The reading subcommands: one record as a page (its fields, evidence and sources); the text.

A record is named by its id, by a unique start of it, or by words of its title (an engagement),
summary (a statement) or name, so that a row of a listing whose id was left out to fit the
terminal can still be opened.
"""

from __future__ import annotations

import argparse
import bisect
from collections.abc import Callable, Sequence
from typing import TypeVar

import bluebook_data as bb
from bluebook_data._display.pages import Page, Quote, render_page, render_prose
from bluebook_data._edition.names import close_matches, fold_for_search
from bluebook_data.cli.common import date_text, edition, formatted, styled, terminal_width
from bluebook_data.cli.parser import PROGRAM, UsageError

__all__ = ["country", "engagement", "person", "statement", "text", "topic"]

_Record = TypeVar("_Record")
#: How many of several records an ambiguous name lists.
_LISTED = 3


def _find(
    given: str,
    records: Sequence[_Record],
    key: Callable[[_Record], str],
    words: Callable[[_Record], str],
    what: str,
    command: str,
) -> _Record:
    """Return the one record whose key is ``given``, starts with it, or whose words hold it.

    Raises:
        UsageError: if several records answer to it, naming some of them.
        UnknownNameError: (for the command's kind) if none does, with the nearest keys.
    """
    exact = [record for record in records if key(record) == given]
    if exact:
        return exact[0]
    folded = given.casefold()
    phrase = fold_for_search(given)
    for found in (
        [record for record in records if key(record).casefold().startswith(folded)],
        [record for record in records if phrase and phrase in fold_for_search(words(record))],
    ):
        if len(found) == 1:
            return found[0]
        if found:
            named = [key(record) for record in found[:_LISTED]]
            more = f" and {len(found) - _LISTED} more" if len(found) > _LISTED else ""
            raise UsageError(
                f"{given!r} could be any of {len(found)} {what}s: {', '.join(named)}{more}; "
                "give more of the id",
                f"{PROGRAM} {command}",
            )
    raise _UNKNOWN[what](given, close_matches(given, [key(record) for record in records]))


class _UnknownStatementError(bb.UnknownNameError):
    """No statement has this id, nor starts with it, nor says it in its summary."""

    what = "statement"


_UNKNOWN: dict[str, type[bb.UnknownNameError]] = {
    "engagement": bb.UnknownEngagementError,
    "statement": _UnknownStatementError,
    "person": bb.UnknownPersonError,
    "country": bb.UnknownCountryError,
    "topic": bb.UnknownTopicError,
}


def _named(
    given: str,
    lookup: Callable[[str], _Record],
    records: Sequence[_Record],
    key: Callable[[_Record], str],
    words: Callable[[_Record], str],
    what: str,
) -> _Record:
    """Look a name up as Python does; failing that, by a unique start of an id or a word."""
    try:
        return lookup(given)
    except bb.UnknownNameError as error:
        try:
            return _find(given, records, key, words, what, what)
        except bb.UnknownNameError:
            raise error from None


def _quotes(book: bb.Bluebook, spans: Sequence[bb.Span], plain: bool) -> tuple[Quote, ...]:
    """Return each span of evidence in the sentences that hold it, the cited words marked."""
    sentences = book.sentences()
    starts = [sentence.span.start for sentence in sentences]
    text = book.text()
    quotes = []
    for span in spans:
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        held = []
        for sentence in sentences[first:]:
            if sentence.span.start >= span.end:
                break
            if sentence.span.end > span.start:
                held.append(sentence)
        if not held:  # a span in the headings, which no sentence holds
            quotes.append(Quote(label=f"[{span.start}:{span.end}]", text=span.text, marks=()))
            continue
        begin, end = held[0].span.start, held[-1].span.end
        label = f"{', '.join(s.id for s in held)} [{span.start}:{span.end}]"
        if plain and (span.start, span.end) != (begin, end):
            label += f" {span.text!r}"  # with no emphasis to show them, the cited words
        quotes.append(
            Quote(
                label=label,
                text=text[begin:end],
                marks=((span.start - begin, span.end - begin),),
            )
        )
    return tuple(quotes)


def _page(
    book: bb.Bluebook,
    title: str,
    fields: list[tuple[str, str]],
    evidence: Sequence[bb.Span],
    references: Sequence[bb.Reference] = (),
) -> str:
    shown = styled()
    page = Page(
        title=title,
        fields=tuple(fields),
        quotes=_quotes(book, evidence, plain=not shown),
        references=tuple((r.title, r.url) for r in references),
    )
    return render_page(page, terminal_width(), shown)


def _names(codes: Sequence[str], book: bb.Bluebook) -> str:
    return ", ".join(f"{book.country(code).name} ({code})" for code in codes) or "-"


def _people(ids: Sequence[str], book: bb.Bluebook) -> str:
    return ", ".join(book.person(person_id).name for person_id in ids) or "-"


def _ids(engagements: Sequence[bb.Engagement]) -> str:
    return ", ".join(e.id for e in engagements) or "-"


def engagement(args: argparse.Namespace) -> str:
    """Show one engagement with its evidence and references."""
    book = edition(args)
    found = _find(args.id, book.engagements(), _id, lambda e: e.title, "engagement", "engagement")
    if args.format != "table":
        return formatted("engagements", [found], args, single=True)
    dates = date_text(found.date)
    if found.end_date:
        dates += f" to {found.end_date.isoformat()}"
    fields = [
        ("id", found.id),
        ("kind", found.kind.value),
        ("status", found.status.value),
        ("date", dates),
        ("location", found.location or "-"),
        ("countries", _names(found.countries, book)),
        ("hosts", _names(found.hosts, book)),
        ("participants", _people(found.participants, book)),
        ("topics", ", ".join(found.topics) or "-"),
        ("part of", found.part_of or "-"),
        ("CAMEO", found.cameo or "-"),
        ("PLOVER", " ".join(filter(None, [found.plover_event, found.plover_mode])) or "-"),
    ]
    return _page(book, found.title, fields, found.evidence, found.references)


def statement(args: argparse.Namespace) -> str:
    """Show one statement with its evidence and references."""
    book = edition(args)
    found = _find(args.id, book.statements(), _id, lambda s: s.summary, "statement", "statement")
    if args.format != "table":
        return formatted("statements", [found], args, single=True)
    fields = [
        ("id", found.id),
        ("kind", found.kind.value),
        ("countries", _names(found.countries, book)),
        ("topics", ", ".join(found.topics) or "-"),
        ("engagements", ", ".join(found.engagements) or "-"),
    ]
    return _page(book, found.summary, fields, found.evidence, found.references)


def person(args: argparse.Namespace) -> str:
    """Show one person, the engagements they took part in, and the sources."""
    book = edition(args)
    found = _named(args.name, book.person, book.people(), _id, lambda p: p.name, "person")
    if args.format != "table":
        return formatted("people", [found], args, single=True)
    fields = [
        ("id", found.id),
        ("office", found.office),
        ("country", _names([found.country], book)),
        ("Wikidata", found.wikidata or "-"),
        ("engagements", _ids(book.engagements(person=found))),
    ]
    return _page(book, found.name, fields, found.evidence, found.references)


def country(args: argparse.Namespace) -> str:
    """Show one country, its codes, and the engagements and statements that name it."""
    book = edition(args)
    found = _named(args.name, book.country, book.countries(), _code, lambda c: c.name, "country")
    if args.format != "table":
        return formatted("countries", [found], args, single=True)
    fields = [
        ("code", f"{found.code} / {found.alpha3} / {found.numeric}"),
        ("official name", found.official_name),
        ("also called", ", ".join(found.aliases) or "-"),
        ("region", found.region.value),
        ("Wikidata", found.wikidata or "-"),
        ("engagements", _ids(book.engagements(country=found))),
        ("statements", ", ".join(s.id for s in book.statements(country=found)) or "-"),
    ]
    return _page(book, found.name, fields, found.evidence, found.references)


def topic(args: argparse.Namespace) -> str:
    """Show one topic, the topics under it, and the engagements and statements about it."""
    book = edition(args)
    found = _named(args.name, book.topic, book.topics(), _id, lambda t: t.label, "topic")
    if args.format != "table":
        return formatted("topics", [found], args, single=True)
    below = [t.id for t in book.topics() if t.parent == found.id]
    fields = [
        ("id", found.id),
        ("broader", found.parent or "-"),
        ("narrower", ", ".join(below) or "-"),
        ("engagements", _ids(book.engagements(topic=found))),
        ("statements", ", ".join(s.id for s in book.statements(topic=found)) or "-"),
    ]
    return _page(book, found.label, fields, found.evidence)


def _id(record: bb.Engagement | bb.Statement | bb.Person | bb.Topic) -> str:
    return record.id


def _code(record: bb.Country) -> str:
    return record.code


def text(args: argparse.Namespace) -> str:
    """Return the source text: verbatim into a pipe, wrapped on a terminal or with ``--ids``."""
    book = edition(args)
    width = terminal_width()
    if width is None and not args.ids:
        return book.text()
    paragraphs = {
        paragraph.span.start: paragraph
        for section in book.chapter().sections
        for paragraph in section.paragraphs
    }
    blocks: list[list[tuple[str | None, str]]] = []
    at = 0
    for line in book.text().split("\n"):
        paragraph = paragraphs.get(at)
        if paragraph is not None and args.ids:
            blocks.append([(s.id, s.text) for s in paragraph.sentences])
        elif paragraph is not None:
            blocks.append([(paragraph.id, paragraph.text)])
        elif line.strip() and blocks and blocks[-1][0][0] is None:
            blocks[-1].append((None, line))  # headings stay together, a line each
        elif line.strip():
            blocks.append([(None, line)])
        at += len(line) + 1
    return render_prose(blocks, width, args.ids)
