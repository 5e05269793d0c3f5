"""Split a text into paragraphs and sentences, as its annotations file declares.

The text opens with heading lines (as many as the file declares), then has one paragraph a line.
A sentence ends at a full stop followed by white space and a capital letter, or at the end of its
line, except where the file's sentence rule says otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from bluebook_data._loading.document import SentenceRule, Structure
from bluebook_data.model import Chapter, Paragraph, Section, Sentence, Span

__all__ = ["segment"]

# The white space after a full stop and before a capital. The stop is matched, not looked behind
# for, so that the search skips ahead to each "." instead of trying every position.
_SENTENCE_END = re.compile(r"\.(\s+)(?=[A-Z])")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


class _Breaks:
    """A sentence rule's exceptions, read once for every paragraph of the text."""

    def __init__(self, rule: SentenceRule) -> None:
        self.refused = frozenset(rule.no_break_at)
        self.added = sorted(rule.break_at)

    def starts(self, line: Span) -> list[int]:
        """Return the offsets in the text where each sentence of ``line`` after the first starts."""
        starts = {line.start + match.end(1) for match in _SENTENCE_END.finditer(line.text)}
        starts -= self.refused
        # Only the added breaks inside this line: found by bisection, not by reading them all.
        first = bisect.bisect_right(self.added, line.start)
        last = bisect.bisect_left(self.added, line.end, first)
        starts.update(self.added[first:last])
        return sorted(starts)


def _sentences(paragraph_id: str, line: Span, breaks: _Breaks) -> tuple[Sentence, ...]:
    bounds = [line.start, *breaks.starts(line), line.end]
    sentences = []
    for number, (start, next_start) in enumerate(itertools.pairwise(bounds), start=1):
        # A sentence leaves out the white space before the next one.
        text = line.text[start - line.start : next_start - line.start].rstrip()
        span = Span(start, start + len(text), text)
        sentences.append(Sentence(f"{paragraph_id}-s{number}", paragraph_id, span))
    return tuple(sentences)


def segment(text: str, structure: Structure) -> Chapter:
    """Split ``text`` into the chapter, section, paragraphs and sentences ``structure`` declares.

    Raises:
        ValueError: if the text has no body after its heading lines, a declared title is not in
            them, a line of the body is empty, or a sentence break lies outside every paragraph.
    """
    lines = list(_lines(text))
    if len(lines) > 1 and not lines[-1][1]:
        lines.pop()  # a text file's final newline ends its last line; it starts no paragraph
    count = structure.heading_lines
    if count < 0 or len(lines) <= count:
        raise ValueError(f"expected {count} heading lines and a body, found {len(lines)} lines")
    headings = "\n".join(line for _, line in lines[:count])
    declared = (
        structure.chapter.title,
        structure.section.title,
        structure.section_heading,
    )
    for title in declared:
        if title not in headings:
            raise ValueError(f"the declared heading {title!r} is not in the heading lines")
    prefix = f"c{structure.chapter.number}-s{structure.section.number}"
    rule = structure.sentences
    breaks = _Breaks(rule)
    paragraphs = []
    for index, (start, line) in enumerate(lines[count:], start=1):
        if not line.strip():
            raise ValueError(f"paragraph {index} (line {count + index} of the text) is empty")
        paragraph_id = f"{prefix}-p{index}"
        span = Span(start, start + len(line), line)
        paragraphs.append(
            Paragraph(paragraph_id, index, span, _sentences(paragraph_id, span, breaks))
        )
    body = range(lines[count][0], len(text) + 1)
    for offset in (*rule.break_at, *rule.no_break_at):
        if offset not in body:
            raise ValueError(f"the sentence break at {offset} is not in the body of the text")
    section = Section(
        number=structure.section.number,
        title=structure.section.title,
        heading=structure.section_heading,
        text=text,
        paragraphs=tuple(paragraphs),
    )
    return Chapter(structure.chapter.number, structure.chapter.title, (section,))
