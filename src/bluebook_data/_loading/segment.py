"""Split the verbatim text into its headings, paragraphs and sentences.

The shipped text has five heading lines (edition, chapter number, chapter title, section number and
title, section heading), then one paragraph a line. Sentences end at a full stop followed by white
space and a capital letter, or at the end of the line; the Overview has no abbreviations that would
end a sentence early.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bluebook_data.model import Chapter, Paragraph, Section, Sentence, Span

__all__ = ["Edition", "segment"]

_EDITION = re.compile(r"(?P<title>.+ (?P<year>\d{4}))")
_CHAPTER = re.compile(r"Chapter (?P<number>\d+)")
_SECTION = re.compile(r"Section (?P<number>\d+) (?P<title>.+)")
# The white space after a full stop and before a capital. The stop is matched, not looked behind
# for, so that the search skips ahead to each "." instead of trying every position.
_SENTENCE_END = re.compile(r"\.(\s+)(?=[A-Z])")
_HEADING_LINES = 5


class Edition(NamedTuple):
    """What the heading lines say of the edition, with the chapter they head."""

    title: str
    year: int
    chapter: Chapter


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _match(pattern: re.Pattern[str], line: str, what: str) -> re.Match[str]:
    match = pattern.fullmatch(line)
    if match is None:
        raise ValueError(f"expected the {what} heading, found {line!r}")
    return match


def _sentences(paragraph_id: str, line: Span) -> tuple[Sentence, ...]:
    sentences = []
    start = line.start
    boundaries = [m.span(1) for m in _SENTENCE_END.finditer(line.text)]
    for number, (end, next_start) in enumerate([*boundaries, (len(line.text), 0)], start=1):
        stop = line.start + end
        span = Span(start, stop, line.text[start - line.start : end])
        sentences.append(Sentence(f"{paragraph_id}-s{number}", paragraph_id, span))
        start = line.start + next_start
    return tuple(sentences)


def segment(text: str) -> Edition:
    """Read the headings and split the body of ``text`` into paragraphs and sentences.

    Raises:
        ValueError: if the heading lines are not those of a Bluebook section, or a line is empty.
    """
    lines = list(_lines(text))
    if len(lines) <= _HEADING_LINES:
        raise ValueError(
            f"expected {_HEADING_LINES} heading lines and a body, found {len(lines)} lines"
        )
    edition_line, chapter_line, chapter_title, section_line, heading = (
        line for _, line in lines[:_HEADING_LINES]
    )
    edition = _match(_EDITION, edition_line, "edition")
    chapter_number = int(_match(_CHAPTER, chapter_line, "chapter").group("number"))
    section = _match(_SECTION, section_line, "section")
    prefix = f"c{chapter_number}-s{section.group('number')}"
    paragraphs = []
    for index, (start, line) in enumerate(lines[_HEADING_LINES:], start=1):
        if not line.strip():
            raise ValueError(f"paragraph {index} is empty")
        paragraph_id = f"{prefix}-p{index}"
        span = Span(start, start + len(line), line)
        paragraphs.append(Paragraph(paragraph_id, index, span, _sentences(paragraph_id, span)))
    section_record = Section(
        number=int(section.group("number")),
        title=section.group("title"),
        heading=heading,
        text=text,
        paragraphs=tuple(paragraphs),
    )
    chapter = Chapter(chapter_number, chapter_title, (section_record,))
    return Edition(edition.group("title"), int(edition.group("year")), chapter)
