"""Shared test helpers: walks over the records, stand-ins for what users pass, a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
from collections.abc import Iterator, Mapping

import attrs

import bluebook_data as bb

#: What a Bluebook's records can be, in the order of the data file.
Record = bb.Country | bb.Person | bb.Topic | bb.Engagement | bb.Statement


def records(book: bb.Bluebook) -> Iterator[tuple[str, Record]]:
    """Yield every record with a readable label (``engagements[<id>]``)."""
    for country in book.records.countries:
        yield f"countries[{country.code}]", country
    for person in book.records.people:
        yield f"people[{person.id}]", person
    for topic in book.records.topics:
        yield f"topics[{topic.id}]", topic
    for engagement in book.records.engagements:
        yield f"engagements[{engagement.id}]", engagement
    for statement in book.records.statements:
        yield f"statements[{statement.id}]", statement


def sentences(book: bb.Bluebook) -> tuple[bb.Sentence, ...]:
    """Return every sentence of the text, in order, read from the chapter tree."""
    return tuple(
        sentence
        for section in book.chapter().sections
        for paragraph in section.paragraphs
        for sentence in paragraph.sentences
    )


def spans(book: bb.Bluebook) -> Iterator[tuple[str, bb.Span]]:
    """Yield every span of the edition (evidence, paragraphs, sentences) with a label."""
    for label, record in records(book):
        for position, span in enumerate(record.evidence):
            yield f"{label}.evidence[{position}]", span
    for section in book.chapter().sections:
        for paragraph in section.paragraphs:
            yield f"paragraphs[{paragraph.id}]", paragraph.span
            for sentence in paragraph.sentences:
                yield f"sentences[{sentence.id}]", sentence.span


def reachable(root: object) -> Iterator[object]:
    """Yield ``root`` and every object reachable from it through attrs fields and tuple items.

    Each object is yielded once; containers are yielded as well as their items, and anything
    that is neither an attrs instance nor a tuple or frozenset is yielded but not entered.
    """
    seen: set[int] = set()
    pending = [root]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        record_type = type(current)
        if attrs.has(record_type):
            # The fields that hold data; a derived one (the edition's index) is not a value.
            fields = [field for field in attrs.fields(record_type) if field.init]
            pending.extend(getattr(current, field.name) for field in fields)
        elif isinstance(current, tuple | frozenset):
            pending.extend(current)


def topic_family(book: bb.Bluebook, topic_id: str) -> frozenset[str]:
    """Return the topic and every topic below it, by following ``parent`` upwards from each."""
    parents = {topic.id: topic.parent for topic in book.records.topics}
    family = set()
    for candidate in parents:
        ancestor: str | None = candidate
        while ancestor is not None:
            if ancestor == topic_id:
                family.add(candidate)
                break
            ancestor = parents[ancestor]
    return frozenset(family)


class IntegerLike:
    """An integer that is not an int, as numpy's are: it has ``__index__`` and nothing else."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def on_terminal(
    command: list[str], columns: int, env: Mapping[str, str] | None = None, stderr: bool = False
) -> tuple[int, str]:
    """Run ``command`` with a pseudo-terminal ``columns`` wide as its output; return both.

    ``stderr`` sends the standard error to the terminal too, as a person at it would see it.
    """
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower if stderr else subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": str(columns), **(env or {})},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: the child closed its end of the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    # A terminal turns each newline into a carriage return and a newline.
    return process.wait(), b"".join(chunks).decode().replace("\r\n", "\n")
