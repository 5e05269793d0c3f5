"""Segmentation: heading lines, one paragraph a line, sentences split at full stops."""

from __future__ import annotations

import pytest

import bluebook_data as bb
from bluebook_data._loading.segment import segment

_BOOK = bb.load()
_HEADINGS = "\n".join(_BOOK.text().split("\n")[:5])


def test_segment_reads_the_headings(book: bb.Bluebook) -> None:
    """The edition's title and year, and the chapter tree, come from the heading lines."""
    edition = segment(book.text())
    first_line = book.text().split("\n")[0]
    assert f"{edition.title}" == first_line
    assert str(edition.year) in first_line
    assert edition.chapter == book.chapter()
    assert book.chapter().title == book.text().split("\n")[2]


@pytest.mark.parametrize(
    "paragraph", _BOOK.chapter().sections[0].paragraphs, ids=lambda paragraph: paragraph.id
)
def test_sentences_tile_their_paragraph(book: bb.Bluebook, paragraph: bb.Paragraph) -> None:
    """A paragraph's sentences run from its start to its end, apart only by white space."""
    starts = [sentence.span.start for sentence in paragraph.sentences] + [paragraph.span.end]
    ends = [paragraph.span.start] + [sentence.span.end for sentence in paragraph.sentences]
    gaps = [book.text()[end:start] for end, start in zip(ends, starts, strict=True)]
    assert gaps[0] == gaps[-1] == ""
    assert all(gap.isspace() for gap in gaps[1:-1])
    assert all(sentence.text.endswith(".") for sentence in paragraph.sentences)
    assert all(sentence.paragraph_id == paragraph.id for sentence in paragraph.sentences)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("One. Two.", [["One.", "Two."]]),
        (
            "Mr. Abe met a.k.a. nobody. Then left.",
            [["Mr.", "Abe met a.k.a. nobody.", "Then left."]],
        ),
        ("No stop at the end", [["No stop at the end"]]),
        ("3.5 percent. rose.\nSecond line.", [["3.5 percent. rose."], ["Second line."]]),
    ],
)
def test_sentences_end_at_a_full_stop_before_a_capital(
    body: str, expected: list[list[str]]
) -> None:
    """A sentence ends at a full stop followed by white space and a capital, or at line end."""
    section = segment(f"{_HEADINGS}\n{body}").chapter.sections[0]
    found = [
        [sentence.text for sentence in paragraph.sentences] for paragraph in section.paragraphs
    ]
    assert found == expected
    first = section.paragraphs[0]
    assert [s.id for s in first.sentences] == [f"c2-s5-p1-s{n + 1}" for n in range(len(found[0]))]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_HEADINGS, "expected 5 heading lines and a body"),
        (f"{_HEADINGS.replace('Bluebook 2016', 'Bluebook')}\nBody.", "edition heading"),
        (f"{_HEADINGS.replace('Chapter 2', 'Kapitel 2')}\nBody.", "chapter heading"),
        (f"{_HEADINGS.replace('Section 5 ', 'Section five ')}\nBody.", "section heading"),
        (f"{_HEADINGS}\nA paragraph.\n \nAnother.", "paragraph 2 is empty"),
        (f"{_HEADINGS}\nA paragraph.\n", "paragraph 2 is empty"),
    ],
)
def test_segment_rejects_what_is_not_a_section(text: str, message: str) -> None:
    """Text without the five heading lines, or with an empty paragraph, raises ValueError."""
    with pytest.raises(ValueError, match=message):
        segment(text)
